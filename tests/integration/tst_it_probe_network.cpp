// The probe's outbound port 25 check on a real kernel, in a network
// namespace of the test's own (only its loopback exists, so nothing leaves
// this machine and fixed ports cannot collide): a listener whose accept
// queue is full drops new connections, which must read "blocked"; a closed
// port "refused"; a name that cannot be resolved "unknown", never "refused".

#include "steps/server_probe.h"
#include "support/process_runner.h"

#include <QTest>

using namespace postwr::steps;

namespace {

// Listens on 127.0.0.1:2525 with a backlog of 0 and fills the queue, so the
// kernel drops further SYNs; then waits to be killed.
const char *kFullListener = R"PY(
import socket, time
s = socket.socket()
s.bind(('127.0.0.1', 2525))
s.listen(0)
held = []
for _ in range(4):
    c = socket.socket()
    c.setblocking(False)
    try:
        c.connect(('127.0.0.1', 2525))
    except BlockingIOError:
        pass
    held.append(c)
open('/dev/stdout', 'w').write('ready\n')
time.sleep(60)
)PY";

} // namespace

class ProbeNetworkTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        unshare_ = findTool(QStringLiteral("unshare"), QStringLiteral("apt-get install util-linux"), &error);
        QVERIFY2(!unshare_.isEmpty(), qPrintable(error));
        python_ = systemPython(&error);
        QVERIFY2(!python_.isEmpty(), qPrintable(error));
    }

    void outboundCheck_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("state");
        QTest::newRow("dropped: blocked") << "127.0.0.1" << 2525 << int(OutboundState::Blocked);
        QTest::newRow("closed: refused") << "127.0.0.1" << 2526 << int(OutboundState::Refused);
        QTest::newRow("no such name: unknown") << "no-such-host.invalid" << 25 << int(OutboundState::Unknown);
    }

    void outboundCheck()
    {
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(int, state);
        ProbeOptions options;
        options.outboundHost = host;
        options.outboundPort = static_cast<quint16>(port);
        options.outboundTimeoutSeconds = 2;
        const QString script = QStringLiteral("ip link set lo up || exit 9\n"
                                              "%1 -c \"$LISTENER\" > /tmp/.postwr-listener-$$ & listener=$!\n"
                                              "i=0; until grep -q ready /tmp/.postwr-listener-$$ 2>/dev/null; do "
                                              "i=$((i+1)); [ $i -gt 100 ] && exit 8; sleep 0.05; done\n"
                                              "rm -f /tmp/.postwr-listener-$$\n%2\nkill $listener")
                                   .arg(python_, probeScript(options));
        ProcessRequest request;
        request.program = unshare_;
        request.arguments = { QStringLiteral("--net"), QStringLiteral("sh"), QStringLiteral("-c"), script };
        request.environment.insert(QStringLiteral("LISTENER"), QString::fromUtf8(kFullListener));
        request.timeoutMs = 60000;
        const ProcessResult result = runProcess(request);
        const auto report = parseProbe(QString::fromUtf8(result.standardOutput));
        QVERIFY2(report.ok(),
            qPrintable(result.status() + QString::fromUtf8(result.standardOutput).right(1500)
                + QString::fromUtf8(result.standardError).right(1500)));
        QVERIFY2(int(report->outbound) == state,
            qPrintable(QStringLiteral("state %1, detail \"%2\"").arg(int(report->outbound)).arg(report->outboundDetail)));
    }

private:
    QString unshare_;
    QString python_;
};

QTEST_GUILESS_MAIN(ProbeNetworkTest)
#include "tst_it_probe_network.moc"
