// `postwr --sandbox` end to end, as a user runs it: the real app starts sshd,
// dnsmasq and a receiving postwrd on loopback, installs postwrd over SSH,
// publishes the DNS records it prints, and sends a test message that must
// arrive at the receiver with SPF, DKIM and DMARC passing; mail to an unknown
// address arrives there by the catch-all. Afterwards no process of the
// sandbox is left, after a normal end and after a Ctrl-C in the middle.

#include "support/process_runner.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <signal.h>

namespace {

// The processes whose command line mentions `dir`: what the sandbox started.
QStringList processesMentioning(const QString &dir)
{
    QStringList found;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : entries) {
        bool isPid = false;
        pid.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile file(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray cmdline = file.readAll().replace('\0', ' ');
        if (cmdline.contains(dir.toUtf8()))
            found << pid + QLatin1Char(' ') + QString::fromUtf8(cmdline);
    }
    return found;
}

// Waits (bounded) until nothing mentions `dir`; what is left otherwise.
QStringList leftBehind(const QString &dir)
{
    const QDeadlineTimer deadline(5000);
    QStringList left = processesMentioning(dir);
    while (!left.isEmpty() && !deadline.hasExpired()) {
        QThread::msleep(100);
        left = processesMentioning(dir);
    }
    return left;
}

QProcessEnvironment sandboxEnvironment(const QString &dataHome)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome);
    return environment;
}

} // namespace

class SandboxTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void wholeSetupArrivesSignedAndLeavesNothing();
    void interruptStopsEverything();

private:
    QString app_;
    QTemporaryDir dir_;
};

void SandboxTest::initTestCase()
{
    app_ = qEnvironmentVariable("POSTWR_APP");
    QVERIFY2(!app_.isEmpty(), "POSTWR_APP (the postwr executable) is not set; run through ctest");
    QVERIFY2(dir_.isValid(), "cannot create a temporary directory");
}

void SandboxTest::wholeSetupArrivesSignedAndLeavesNothing()
{
    const QString sandbox = dir_.filePath(QStringLiteral("run"));
    ProcessRequest request;
    request.program = app_;
    request.arguments = { QStringLiteral("--sandbox"), QStringLiteral("--sandbox-dir"), sandbox };
    request.environment = sandboxEnvironment(dir_.filePath(QStringLiteral("data")));
    request.timeoutMs = 240000;
    const ProcessResult result = runProcess(request);
    const QString out = QString::fromUtf8(result.standardOutput);
    const QString all = out + QString::fromUtf8(result.standardError);
    QVERIFY2(result.succeeded(), qPrintable(result.status() + QLatin1Char('\n') + all));

    // The records, as `postwrd dns records --format table` prints them.
    for (const QString &pattern : { QStringLiteral("\\| MX +sandbox\\.test +10 mail\\.sandbox\\.test"),
             QStringLiteral("\\| TXT +sandbox\\.test +v=spf1 ip4:127\\.0\\.0\\.1 ~all"),
             QStringLiteral("\\| TXT +\\w+\\._domainkey\\.sandbox\\.test +v=DKIM1; k=rsa; p="),
             QStringLiteral("\\| TXT +_dmarc\\.sandbox\\.test +v=DMARC1; p=") })
        QVERIFY2(QRegularExpression(pattern).match(out).hasMatch(), qPrintable(pattern + QLatin1Char('\n') + out));
    // Published, then the test message went through the plan's steps.
    QVERIFY2(out.contains(QStringLiteral("TXT _dmarc.sandbox.test \"v=DMARC1;")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[good] Signed with DKIM")), qPrintable(out));

    // The summary: the receiver's own verdict, read from its Maildir.
    const qsizetype summary = out.indexOf(QStringLiteral("== Summary"));
    QVERIFY2(summary >= 0, qPrintable(out));
    const QString tail = out.mid(summary);
    QVERIFY2(QRegularExpression(QStringLiteral("\\[good\\] The test message from me@sandbox\\.test reached "
                                               "me@gmail\\.test: \\S+/receiver/mail/gmail\\.test/me/new/\\S+"))
                 .match(tail)
                 .hasMatch(),
        qPrintable(tail));
    QVERIFY2(QRegularExpression(QStringLiteral("Authentication-Results: mx\\.gmail\\.test; spf=pass .*dkim=pass .*"
                                               "dmarc=pass"))
                 .match(tail)
                 .hasMatch(),
        qPrintable(tail));
    QVERIFY2(tail.contains(QStringLiteral("\n   dkim=pass spf=pass dmarc=pass\n")), qPrintable(tail));
    QVERIFY2(tail.contains(QStringLiteral("[good] Mail to some-name@sandbox.test reached me@gmail.test by the "
                                          "catch-all (dkim=pass spf=pass dmarc=pass)")),
        qPrintable(tail));
    const QStringList messages
        = QDir(sandbox + QStringLiteral("/receiver/mail/gmail.test/me/new")).entryList(QDir::Files);
    QCOMPARE(messages.size(), 2);

    const QStringList left = leftBehind(sandbox);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
}

// Ctrl-C while postwrd is being installed: postwr stops its own services
// and the postwrd it started on the "server", and exits 1, within bounds.
void SandboxTest::interruptStopsEverything()
{
    const QString sandbox = dir_.filePath(QStringLiteral("interrupted"));
    QProcess postwr;
    postwr.setProcessEnvironment(sandboxEnvironment(dir_.filePath(QStringLiteral("data"))));
    postwr.setProcessChannelMode(QProcess::MergedChannels);
    postwr.start(app_, { QStringLiteral("--sandbox"), QStringLiteral("--sandbox-dir"), sandbox });
    QVERIFY2(postwr.waitForStarted(5000), qPrintable(postwr.errorString()));
    QByteArray out;
    const QDeadlineTimer deadline(120000);
    // Once the install step has started postwrd (the supervisor's pid file is there).
    while (!QFile::exists(sandbox + QStringLiteral("/server/run/supervisor.pid")) && !deadline.hasExpired()
        && postwr.state() == QProcess::Running) {
        postwr.waitForReadyRead(100);
        out += postwr.readAll();
    }
    out += postwr.readAll();
    QVERIFY2(postwr.state() == QProcess::Running, out.constData());
    QVERIFY2(!deadline.hasExpired(), out.constData());
    QVERIFY(!processesMentioning(sandbox + QStringLiteral("/server")).isEmpty());

    ::kill(static_cast<pid_t>(postwr.processId()), SIGINT);
    const bool finished = postwr.waitForFinished(60000);
    out += postwr.readAll();
    QVERIFY2(finished, out.constData());
    QCOMPARE(postwr.exitStatus(), QProcess::NormalExit);
    QCOMPARE(postwr.exitCode(), 1);
    QVERIFY2(out.contains("== Stopping the sandbox"), out.constData());
    const QStringList left = leftBehind(sandbox);
    QVERIFY2(left.isEmpty(), qPrintable(left.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(SandboxTest)
#include "tst_it_sandbox.moc"
