// The setup engine end to end: `postwr --headless --plan FILE.json` against a
// real OpenSSH server on loopback, logged in with a throwaway key as a
// throwaway user without sudo, installs postwrd in user mode (the binary the
// app carries), sets the host name, adds accounts (one with a password from
// the environment, one generated), writes the catch-all forwarding and
// shows the status. Then swaks authenticates to the installed postwrd with
// each account and a message to an unknown address of the domain lands in
// the catch-all's Maildir. A second run changes nothing; a system-mode plan
// for a user without sudo fails with a clear message, quickly; an unknown
// host key without a pin stops before logging in; uninstall stops postwrd
// and keeps its configuration.

#include "remote/ssh_session.h"
#include "steps/ipv6_step.h"
#include "steps/remote_layout.h"
#include "steps/status_step.h"
#include "support/dnsmasq_instance.h"
#include "support/process_runner.h"
#include "support/sshd_instance.h"
#include "support/swaks.h"
#include "support/test_message.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QSysInfo>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <unistd.h>

namespace {

const QString kPasswordVariable = QStringLiteral("POSTWR_TEST_ACCOUNT_PASSWORD");
const QString kDomain = QStringLiteral("local.test");

// Three ports free now, on 127.0.0.1 (the same run never reuses one).
QList<quint16> freePorts(int count)
{
    QList<quint16> ports;
    QList<std::shared_ptr<QTcpServer>> held;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_shared<QTcpServer>();
        if (!server->listen(QHostAddress::LocalHost, 0))
            return {};
        ports << server->serverPort();
        held << server;
    }
    return ports;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class HeadlessInstallTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void probeSaysWhatItFinds();
    void enableIpv6InANetworkNamespace();
    void installsAccountsForwardingAndStatus();
    void installedPostwrdTakesMailFromTheAccounts();
    void sendTestFollowsTheMessage();
    void checkDnsSaysWhatIsWrong();
    void secondRunChangesNothing();
    void hostnameStepChangesOnlyTheHostName();
    void upgradeKeepsAccountsAndRestarts();
    void accountsChangeAndGo();
    void followingTheLogShowsNewLinesUntilCancelled();
    void badPlanFailsWithThePlace();
    void unknownHostKeyStopsBeforeLogin();
    void systemModeWithoutSudoFailsClearly();
    void uninstallStopsAndKeepsTheConfiguration();

private:
    QJsonObject basePlan() const;
    QString writePlan(const QJsonObject &plan, const QString &name);
    ProcessResult runPostwr(const QString &planFile, int timeoutMs = 120000, const QStringList &more = {}) const;
    QString prefix() const { return user_.home() + QStringLiteral("/postwr"); }

    QTemporaryDir dir_;
    QString key_;
    QString hostKey_;
    SshdInstance sshd_;
    TestUser user_;
    QList<quint16> ports_; // smtp, submission, submissions
    QString accountPassword_;
    QString generatedPassword_;
    QString firstOutput_;
};

void HeadlessInstallTest::initTestCase()
{
    QString error;
    QVERIFY2(TestUser::runningAsRoot(&error), qPrintable(error));
    QVERIFY2(dir_.isValid(), "cannot create a temporary directory");
    QVERIFY2(!qEnvironmentVariable("POSTWR_APP").isEmpty(), "POSTWR_APP (the postwr executable) is not set; run through ctest");
    KeyLogin login;
    QVERIFY2(startKeyLogin(dir_.path(), sshd_, user_, &login, &error), qPrintable(error));
    key_ = login.key;
    hostKey_ = login.hostKey;
    ports_ = freePorts(3);
    QCOMPARE(ports_.size(), 3);
    accountPassword_ = newPassword();
}

void HeadlessInstallTest::cleanupTestCase()
{
    // Whatever a failed test left running must go before userdel.
    runProcess({ QStringLiteral("pkill"), { QStringLiteral("-KILL"), QStringLiteral("-u"), user_.name() }, {}, 10000,
        QProcessEnvironment::systemEnvironment(), {} });
    if (QTest::currentTestFailed())
        qInfo().noquote() << "----- sshd log -----\n" << sshd_.log().right(3000);
}

QJsonObject HeadlessInstallTest::basePlan() const
{
    return QJsonObject {
        { QStringLiteral("server"),
            QJsonObject { { QStringLiteral("host"), SshdInstance::host() }, { QStringLiteral("port"), sshd_.port() },
                { QStringLiteral("user"), user_.name() }, { QStringLiteral("auth"), QStringLiteral("key") },
                { QStringLiteral("key_file"), key_ }, { QStringLiteral("host_key"), hostKey_ },
                { QStringLiteral("known_hosts"), dir_.filePath(QStringLiteral("known_hosts")) } } },
        { QStringLiteral("steps"),
            QJsonArray { QStringLiteral("install"), QStringLiteral("hostname"), QStringLiteral("accounts"),
                QStringLiteral("forwarding"), QStringLiteral("status") } },
        { QStringLiteral("install"),
            QJsonObject { { QStringLiteral("mode"), QStringLiteral("user") }, { QStringLiteral("prefix"), QStringLiteral("~/postwr") },
                { QStringLiteral("listen"), QStringLiteral("127.0.0.1") },
                { QStringLiteral("ports"),
                    QJsonObject { { QStringLiteral("smtp"), ports_[0] }, { QStringLiteral("submission"), ports_[1] },
                        { QStringLiteral("submissions"), ports_[2] } } } } },
        { QStringLiteral("hostname"), QStringLiteral("mail.local.test") },
        { QStringLiteral("domains"), QJsonArray { kDomain } },
        { QStringLiteral("accounts"),
            QJsonArray { QJsonObject { { QStringLiteral("email"), QStringLiteral("me@local.test") },
                             { QStringLiteral("password_env"), kPasswordVariable } },
                QJsonObject { { QStringLiteral("email"), QStringLiteral("shop@local.test") }, { QStringLiteral("generate"), true } } } },
        { QStringLiteral("forwarding"),
            QJsonObject { { kDomain, QJsonObject { { QStringLiteral("*"), QJsonArray { QStringLiteral("me@local.test") } },
                                         { QStringLiteral("sales"), QJsonArray { QStringLiteral("shop") } } } } } },
        { QStringLiteral("status"), QJsonObject { { QStringLiteral("log_lines"), 5 } } },
    };
}

QString HeadlessInstallTest::writePlan(const QJsonObject &plan, const QString &name)
{
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(plan).toJson());
    return path;
}

ProcessResult HeadlessInstallTest::runPostwr(const QString &planFile, int timeoutMs, const QStringList &more) const
{
    ProcessRequest request;
    request.program = qEnvironmentVariable("POSTWR_APP");
    request.arguments = QStringList { QStringLiteral("--headless"), QStringLiteral("--plan"), planFile } + more;
    request.timeoutMs = timeoutMs;
    request.environment.insert(kPasswordVariable, accountPassword_);
    request.environment.insert(QStringLiteral("XDG_DATA_HOME"), dir_.filePath(QStringLiteral("data")));
    return runProcess(request);
}

// The probe over real SSH: this machine's OS and architecture, a port the
// test holds reported taken, and the outbound check aimed at loopback: at a
// listening port it is open, at a closed one refused.
void HeadlessInstallTest::probeSaysWhatItFinds()
{
    QTcpServer holder;
    QVERIFY(holder.listen(QHostAddress::LocalHost, 0));
    QJsonObject plan = basePlan();
    plan[QStringLiteral("steps")] = QJsonArray { QStringLiteral("probe") };
    QJsonObject install = plan[QStringLiteral("install")].toObject();
    QJsonObject ports = install[QStringLiteral("ports")].toObject();
    ports[QStringLiteral("smtp")] = holder.serverPort();
    install[QStringLiteral("ports")] = ports;
    plan[QStringLiteral("install")] = install;
    plan[QStringLiteral("probe")] = QJsonObject { { QStringLiteral("outbound_check"), QStringLiteral("127.0.0.1:%1").arg(holder.serverPort()) } };
    const ProcessResult open = runPostwr(writePlan(plan, QStringLiteral("probe.json")));
    const QString out = QString::fromUtf8(open.standardOutput);
    QVERIFY2(open.succeeded(), qPrintable(out + QString::fromUtf8(open.standardError)));

    QSettings osRelease(QStringLiteral("/etc/os-release"), QSettings::IniFormat);
    const QString osName = osRelease.value(QStringLiteral("PRETTY_NAME")).toString();
    QVERIFY2(out.contains(QStringLiteral("The server runs %1").arg(osName)), qPrintable(out));
    const bool x86 = QSysInfo::currentCpuArchitecture() == QLatin1String("x86_64");
    QVERIFY2(out.contains(x86 ? QStringLiteral("[good] Its processor architecture is x86_64.")
                              : QStringLiteral("[problem] Its processor architecture is")),
        qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[problem] Port %1 is taken by another program").arg(holder.serverPort())), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[good] Port %1 is free").arg(ports_[1])), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[good] Outbound port 25 is open")), qPrintable(out));
    QVERIFY2(QRegularExpression(QStringLiteral("MiB of memory, \\d+ MiB available")).match(out).hasMatch(), qPrintable(out));

    const quint16 closed = holder.serverPort();
    holder.close();
    plan[QStringLiteral("probe")] = QJsonObject { { QStringLiteral("outbound_check"), QStringLiteral("127.0.0.1:%1").arg(closed) } };
    const ProcessResult refused = runPostwr(writePlan(plan, QStringLiteral("probe.json")));
    const QString refusedOut = QString::fromUtf8(refused.standardOutput);
    QVERIFY2(refused.succeeded(), qPrintable(refusedOut + QString::fromUtf8(refused.standardError)));
    QVERIFY2(refusedOut.contains(QStringLiteral("[warning] A test connection on port 25 was refused")), qPrintable(refusedOut));
    QVERIFY2(refusedOut.contains(QStringLiteral("[good] Port %1 is free").arg(closed)), qPrintable(refusedOut));
}

// The IPv6 step's script, run as root in a network and mount namespace of
// its own: sysctls are per network namespace, and /etc is an overlay whose
// changes land in the test's directory, never in this machine's /etc.
void HeadlessInstallTest::enableIpv6InANetworkNamespace()
{
    QString error;
    const QString unshare = findTool(QStringLiteral("unshare"), QStringLiteral("apt-get install util-linux"), &error);
    QVERIFY2(!unshare.isEmpty(), qPrintable(error));
    const QString upper = dir_.filePath(QStringLiteral("etc-upper"));
    const QString work = dir_.filePath(QStringLiteral("etc-work"));
    QVERIFY(QDir().mkpath(upper) && QDir().mkpath(work));

    const QString state = postwr::steps::ipv6StateScript();
    const QString script = QStringLiteral(
        "set -e\nmount -t overlay overlay -o lowerdir=/etc,upperdir=%1,workdir=%2 /etc\n"
        "mkdir -p /etc/sysctl.d\nrm -f /etc/sysctl.d/*.conf\n"
        "printf '# mine\\nnet.ipv6.conf.all.disable_ipv6 = 1\\nvm.swappiness=10\\n' > /etc/sysctl.conf\n"
        "printf 'net.ipv6.conf.default.disable_ipv6=1\\n' > /etc/sysctl.d/10-no-ipv6.conf\n"
        "sysctl -q -w net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1\n"
        "echo @@before\n%3\necho @@enable\n%4\necho @@after\n%3\n")
                               .arg(upper, work, state,
                                   postwr::steps::ipv6EnableScript(
                                       { QStringLiteral("/etc/sysctl.conf"), QStringLiteral("/etc/sysctl.d/10-no-ipv6.conf") }));
    const ProcessResult result = runProcess({ unshare, { QStringLiteral("--net"), QStringLiteral("--mount"), QStringLiteral("sh"),
                                                  QStringLiteral("-c"), script },
        {}, 30000, QProcessEnvironment::systemEnvironment(), {} });
    const QString out = QString::fromUtf8(result.standardOutput);
    QVERIFY2(result.succeeded(), qPrintable(out + QString::fromUtf8(result.standardError)));
    const auto before = postwr::steps::parseIpv6State(out.section(QStringLiteral("@@enable"), 0, 0));
    const auto after = postwr::steps::parseIpv6State(out.section(QStringLiteral("@@after"), 1));
    QVERIFY(before.disabled);
    QCOMPARE(before.disablingFiles,
        QStringList({ QStringLiteral("/etc/sysctl.conf"), QStringLiteral("/etc/sysctl.d/10-no-ipv6.conf") }));
    QVERIFY2(!after.disabled, qPrintable(out));
    QVERIFY(after.disablingFiles.isEmpty());
    QCOMPARE(readAll(upper + QStringLiteral("/sysctl.conf")),
        QByteArray("# mine\n# net.ipv6.conf.all.disable_ipv6 = 1  # switched off by Postwr\nvm.swappiness=10\n"));
    QVERIFY(QFileInfo::exists(upper + QStringLiteral("/sysctl.conf.postwr-bak")));
    QVERIFY(readAll(upper + QStringLiteral("/sysctl.d/60-postwr-ipv6.conf")).contains("net.ipv6.conf.all.disable_ipv6 = 0\n"));
}

void HeadlessInstallTest::installsAccountsForwardingAndStatus()
{
    const ProcessResult result = runPostwr(writePlan(basePlan(), QStringLiteral("plan.json")));
    const QString out = QString::fromUtf8(result.standardOutput);
    const QString err = QString::fromUtf8(result.standardError);
    QVERIFY2(result.succeeded(), qPrintable(out.right(4000) + QStringLiteral("\nstderr: ") + err));
    firstOutput_ = out;
    // The password from the environment never shows.
    QVERIFY(!out.contains(accountPassword_) && !err.contains(accountPassword_));
    QVERIFY2(out.contains(QStringLiteral("Step 1 of 5: Install postwrd")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Will: Upload postwrd to %1/bin/postwrd").arg(prefix())), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Will: Add the account me@local.test")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Will: Forward every other address @local.test to me@local.test")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("is running.")), qPrintable(out));
    const QRegularExpressionMatch generated
        = QRegularExpression(QStringLiteral("Password of shop@local\\.test \\(shown only now, keep it safe\\): (\\S+)")).match(out);
    QVERIFY2(generated.hasMatch(), "no generated password for shop@local.test in the output");
    generatedPassword_ = generated.captured(1);
    QVERIFY(generatedPassword_.size() >= 16);

    // The files, as the login user owns them.
    QFileInfo binary(prefix() + QStringLiteral("/bin/postwrd"));
    QVERIFY(binary.isExecutable());
    QCOMPARE(binary.ownerId(), QFileInfo(user_.home()).ownerId());
    const QByteArray config = readAll(prefix() + QStringLiteral("/etc/postwrd.conf"));
    QVERIFY2(config.contains("hostname = mail.local.test\n"), config.constData());
    QVERIFY2(config.contains(QStringLiteral("submission = 127.0.0.1:%1\n").arg(ports_[1]).toUtf8()), config.constData());
    const QByteArray aliases = readAll(prefix() + QStringLiteral("/etc/domains/local.test/aliases"));
    QVERIFY2(aliases.contains("sales: shop\n*: me@local.test\n"), aliases.constData());
    QVERIFY(QFileInfo::exists(prefix() + QStringLiteral("/etc/tls/cert.pem")));
}

void HeadlessInstallTest::installedPostwrdTakesMailFromTheAccounts()
{
    QVERIFY2(!generatedPassword_.isEmpty(), "the install test did not pass");
    const struct {
        QString user;
        QString password;
        QString to;
        QString mailbox;
    } cases[] = {
        { QStringLiteral("me@local.test"), accountPassword_, QStringLiteral("anyone@local.test"), QStringLiteral("me") },
        { QStringLiteral("shop@local.test"), generatedPassword_, QStringLiteral("sales@local.test"), QStringLiteral("shop") },
    };
    for (const auto &c : cases) {
        const TestMessage message = makeMessage(c.user, c.to, QStringLiteral("installed by postwr --headless"));
        SwaksRequest request;
        request.port = ports_[1];
        request.tls = SwaksRequest::Tls::StartTls;
        request.authMechanism = QStringLiteral("PLAIN");
        request.user = c.user;
        request.password = c.password;
        request.from = c.user;
        request.to = { c.to };
        request.data = message.text.chopped(1);
        const SwaksResult sent = runSwaks(request);
        QVERIFY2(sent.setupError.isEmpty(), qPrintable(sent.setupError));
        QVERIFY2(sent.exitCode() == 0 && !sent.queuedId().isEmpty(), qPrintable(sent.describe()));

        const QString newDir = prefix() + QStringLiteral("/mail/local.test/%1/new").arg(c.mailbox);
        QStringList files;
        for (int i = 0; i < 100 && files.isEmpty(); ++i) {
            for (const QString &name : QDir(newDir).entryList(QDir::Files)) {
                if (readAll(newDir + QLatin1Char('/') + name).contains(message.marker.toUtf8()))
                    files << name;
            }
            if (files.isEmpty())
                QTest::qWait(100);
        }
        QVERIFY2(files.size() == 1, qPrintable(QStringLiteral("the message to %1 is not in %2").arg(c.to, newDir)));
    }
}

// `--send-test`: from this machine through the installed postwrd's
// submission port, pinned to its self-signed certificate, followed through
// its log over SSH to the catch-all's mailbox.
void HeadlessInstallTest::sendTestFollowsTheMessage()
{
    QVERIFY2(!firstOutput_.isEmpty(), "the install test did not pass");
    QJsonObject plan = basePlan();
    plan[QStringLiteral("steps")] = QJsonArray {};
    const ProcessResult result = runPostwr(writePlan(plan, QStringLiteral("send-test.json")), 120000,
        { QStringLiteral("--send-test"), QStringLiteral("someone@local.test") });
    const QString out = QString::fromUtf8(result.standardOutput);
    QVERIFY2(result.succeeded(), qPrintable(out + QString::fromUtf8(result.standardError)));
    QVERIFY(!out.contains(accountPassword_));
    QVERIFY2(out.contains(QStringLiteral("Step 1 of 1: Send a test message")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[good] Connected to 127.0.0.1 (127.0.0.1), port %1.").arg(ports_[1])), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("is the self-signed one Postwr made")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[good] Logged in as me@local.test.")), qPrintable(out));
    const QRegularExpressionMatch queued = QRegularExpression(QStringLiteral("queue id (\\S+)\\.")).match(out);
    QVERIFY2(queued.hasMatch(), qPrintable(out));
    // No DKIM key was made in this world: the report says so.
    QVERIFY2(out.contains(QStringLiteral("[problem] The message was not signed with DKIM")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("[good] Delivered to the mailbox of me@local.test on this server.")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("SMTP Server: mail.local.test")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Server: mail.local.test, port %1, STARTTLS").arg(ports_[1])), qPrintable(out));
    const QString id = QRegularExpression(QStringLiteral("Sending test message (\\w+)")).match(out).captured(1);
    QVERIFY(!id.isEmpty());
    bool found = false;
    const QString newDir = prefix() + QStringLiteral("/mail/local.test/me/new");
    for (const QString &name : QDir(newDir).entryList(QDir::Files))
        found = found || readAll(newDir + QLatin1Char('/') + name).contains("X-Postwr-Test: " + id.toUtf8());
    QVERIFY2(found, "the test message is not in the catch-all's mailbox");
}

// `--check-dns` against dnsmasq: the records postwrd says local.test needs
// (with the DKIM key the plan's dkim step makes), first without DMARC —
// a problem, exit 1 — then with every record — exit 0.
void HeadlessInstallTest::checkDnsSaysWhatIsWrong()
{
    QVERIFY2(!firstOutput_.isEmpty(), "the install test did not pass");
    QJsonObject plan = basePlan();
    plan[QStringLiteral("steps")] = QJsonArray { QStringLiteral("dkim") };
    const ProcessResult keyed = runPostwr(writePlan(plan, QStringLiteral("dkim.json")));
    QVERIFY2(keyed.succeeded(), keyed.standardOutput.constData());
    const QRegularExpressionMatch key
        = QRegularExpression(QStringLiteral("(\\S+\\._domainkey\\.local\\.test)  TXT  \"([^\"]+)\"")).match(QString::fromUtf8(keyed.standardOutput));
    QVERIFY2(key.hasMatch(), keyed.standardOutput.constData());

    for (const bool withDmarc : { false, true }) {
        DnsmasqInstance dns;
        dns.addMx(kDomain, QStringLiteral("mail.local.test"), 10);
        dns.addHost(QStringLiteral("mail.local.test"), { QStringLiteral("127.0.0.1") });
        dns.addTxt(kDomain, { QStringLiteral("v=spf1 ip4:127.0.0.1 ~all") });
        const QString dkim = key.captured(2);
        dns.addTxt(key.captured(1), { dkim.left(255), dkim.mid(255) });
        if (withDmarc)
            dns.addTxt(QStringLiteral("_dmarc.local.test"), { QStringLiteral("v=DMARC1; p=quarantine") });
        QVERIFY2(dns.start(), qPrintable(dns.errorString()));
        plan[QStringLiteral("steps")] = QJsonArray {};
        plan[QStringLiteral("dns")] = QJsonObject { { QStringLiteral("ipv4"), QStringLiteral("127.0.0.1") },
            { QStringLiteral("servers"), dns.serverSpec() } };
        const ProcessResult checked = runPostwr(writePlan(plan, QStringLiteral("check-dns.json")), 120000, { QStringLiteral("--check-dns") });
        const QString out = QString::fromUtf8(checked.standardOutput) + QString::fromUtf8(checked.standardError);
        QVERIFY2(out.contains(QStringLiteral("[good] MX local.test")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[good] A mail.local.test")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[good] TXT local.test")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[good] TXT %1").arg(key.captured(1))), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[good] PTR 1.0.0.127.in-addr.arpa")), qPrintable(out));
        // Optional records only warn.
        QVERIFY2(out.contains(QStringLiteral("[warning] TXT _smtp._tls.local.test")), qPrintable(out));
        if (withDmarc) {
            QVERIFY2(checked.succeeded(), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("[good] TXT _dmarc.local.test")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("Every record receivers need is published correctly.")), qPrintable(out));
        } else {
            QCOMPARE(checked.exitCode, 1);
            QVERIFY2(out.contains(QStringLiteral("[problem] TXT _dmarc.local.test — Not published yet.")), qPrintable(out));
            QVERIFY2(out.contains(QStringLiteral("1 record(s) that receivers need are missing or wrong.")), qPrintable(out));
        }
    }
}

void HeadlessInstallTest::secondRunChangesNothing()
{
    QVERIFY2(!firstOutput_.isEmpty(), "the install test did not pass");
    const QString binary = prefix() + QStringLiteral("/bin/postwrd");
    const QDateTime modified = QFileInfo(binary).lastModified();
    const QByteArray supervisor = readAll(prefix() + QStringLiteral("/run/supervisor.pid"));
    const QByteArray config = readAll(prefix() + QStringLiteral("/etc/postwrd.conf"));

    const ProcessResult result = runPostwr(writePlan(basePlan(), QStringLiteral("plan.json")));
    const QString out = QString::fromUtf8(result.standardOutput);
    QVERIFY2(result.succeeded(), qPrintable(out + QString::fromUtf8(result.standardError)));
    QVERIFY2(!out.contains(QStringLiteral("Will:")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("nothing to change")), qPrintable(out));
    QVERIFY(!out.contains(QStringLiteral("Password of")));
    QCOMPARE(QFileInfo(binary).lastModified(), modified);
    QCOMPARE(readAll(prefix() + QStringLiteral("/run/supervisor.pid")), supervisor);
    QCOMPARE(readAll(prefix() + QStringLiteral("/etc/postwrd.conf")), config);
}

void HeadlessInstallTest::hostnameStepChangesOnlyTheHostName()
{
    QVERIFY2(!firstOutput_.isEmpty(), "the install test did not pass");
    const QString path = prefix() + QStringLiteral("/etc/postwrd.conf");
    const QByteArray before = readAll(path);
    QJsonObject plan = basePlan();
    plan[QStringLiteral("steps")] = QJsonArray { QStringLiteral("hostname") };
    plan[QStringLiteral("hostname")] = QStringLiteral("mx1.local.test");
    const ProcessResult result = runPostwr(writePlan(plan, QStringLiteral("hostname.json")));
    const QString out = QString::fromUtf8(result.standardOutput);
    QVERIFY2(result.succeeded(), qPrintable(out + QString::fromUtf8(result.standardError)));
    QVERIFY2(out.contains(QStringLiteral("Will: Change postwrd's host name from mail.local.test to mx1.local.test")), qPrintable(out));
    QByteArray expected = before;
    expected.replace("hostname = mail.local.test\n", "hostname = mx1.local.test\n");
    QCOMPARE(readAll(path), expected);

    // The running postwrd greets with the new name after the reload.
    QString greeting;
    for (int i = 0; i < 50 && !greeting.contains(QStringLiteral("mx1.local.test")); ++i) {
        SwaksRequest request;
        request.port = ports_[0];
        request.quitAfter = QStringLiteral("CONNECT");
        greeting = runSwaks(request).transcript;
        if (!greeting.contains(QStringLiteral("mx1.local.test")))
            QTest::qWait(100);
    }
    QVERIFY2(greeting.contains(QStringLiteral("220 mx1.local.test")), qPrintable(greeting));
}

// A different postwrd on the server (an older version, say) is replaced
// and restarted; the accounts and the config stay.
void HeadlessInstallTest::upgradeKeepsAccountsAndRestarts()
{
    QVERIFY2(!firstOutput_.isEmpty(), "the install test did not pass");
    const QString binary = prefix() + QStringLiteral("/bin/postwrd");
    const QByteArray installed = readAll(binary);
    {
        // Trailing bytes leave an ELF file runnable but make it another build;
        // renamed into place, as the running one cannot be written.
        QFile file(binary + QStringLiteral(".older"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(installed + "older build");
        file.close();
        const QFileInfo home(user_.home());
        QCOMPARE(::chown(qPrintable(file.fileName()), home.ownerId(), home.groupId()), 0);
        QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
        QCOMPARE(::rename(qPrintable(file.fileName()), qPrintable(binary)), 0);
    }
    const QByteArray config = readAll(prefix() + QStringLiteral("/etc/postwrd.conf"));
    const QByteArray users = readAll(prefix() + QStringLiteral("/etc/domains/local.test/users"));
    const QByteArray supervisor = readAll(prefix() + QStringLiteral("/run/supervisor.pid"));
    const qsizetype logMark = readAll(prefix() + QStringLiteral("/log/postwrd.log")).size();

    QJsonObject plan = basePlan();
    plan[QStringLiteral("steps")] = QJsonArray { QStringLiteral("install") };
    plan[QStringLiteral("hostname")] = QStringLiteral("mx1.local.test"); // as the hostname test left it
    const ProcessResult result = runPostwr(writePlan(plan, QStringLiteral("upgrade.json")));
    const QString out = QString::fromUtf8(result.standardOutput);
    QVERIFY2(result.succeeded(), qPrintable(out + QString::fromUtf8(result.standardError)));
    QVERIFY2(out.contains(QStringLiteral("Will: Upgrade postwrd in %1 (config, accounts and queue are kept)").arg(binary)), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Will: Restart postwrd")), qPrintable(out));
    QCOMPARE(readAll(binary), installed);
    QCOMPARE(readAll(prefix() + QStringLiteral("/etc/postwrd.conf")), config);
    QCOMPARE(readAll(prefix() + QStringLiteral("/etc/domains/local.test/users")), users);
    QVERIFY(readAll(prefix() + QStringLiteral("/run/supervisor.pid")) != supervisor);
    QVERIFY(readAll(prefix() + QStringLiteral("/log/postwrd.log")).mid(logMark).contains("event=ready"));

    SwaksRequest request;
    request.port = ports_[1];
    request.tls = SwaksRequest::Tls::StartTls;
    request.authMechanism = QStringLiteral("PLAIN");
    request.user = QStringLiteral("me@local.test");
    request.password = accountPassword_;
    request.quitAfter = QStringLiteral("AUTH");
    const SwaksResult login = runSwaks(request);
    QVERIFY2(login.exitCode() == 0, qPrintable(login.describe()));
}

// A new password from the environment replaces the old one; an account
// the plan removes can no longer log in.
void HeadlessInstallTest::accountsChangeAndGo()
{
    QVERIFY2(!generatedPassword_.isEmpty(), "the install test did not pass");
    const QString oldPassword = accountPassword_;
    accountPassword_ = newPassword();
    QJsonObject plan = basePlan();
    plan[QStringLiteral("steps")] = QJsonArray { QStringLiteral("accounts") };
    plan[QStringLiteral("accounts")] = QJsonArray { QJsonObject { { QStringLiteral("email"), QStringLiteral("me@local.test") },
                                                        { QStringLiteral("password_env"), kPasswordVariable } },
        QJsonObject { { QStringLiteral("email"), QStringLiteral("shop@local.test") }, { QStringLiteral("remove"), true } } };
    const ProcessResult result = runPostwr(writePlan(plan, QStringLiteral("accounts.json")));
    const QString out = QString::fromUtf8(result.standardOutput);
    QVERIFY2(result.succeeded(), qPrintable(out + QString::fromUtf8(result.standardError)));
    QVERIFY2(out.contains(QStringLiteral("Will: Change the password of me@local.test")), qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("Will: Remove the account shop@local.test")), qPrintable(out));

    const auto authenticates = [&](const QString &user, const QString &password) {
        SwaksRequest request;
        request.port = ports_[1];
        request.tls = SwaksRequest::Tls::StartTls;
        request.authMechanism = QStringLiteral("PLAIN");
        request.user = user;
        request.password = password;
        request.quitAfter = QStringLiteral("AUTH");
        return runSwaks(request).exitCode() == 0;
    };
    // The reload is asynchronous: bounded wait for the new password to work.
    bool newWorks = false;
    for (int i = 0; i < 50 && !newWorks; ++i) {
        newWorks = authenticates(QStringLiteral("me@local.test"), accountPassword_);
        if (!newWorks)
            QTest::qWait(100);
    }
    QVERIFY(newWorks);
    QVERIFY(!authenticates(QStringLiteral("me@local.test"), oldPassword));
    QVERIFY(!authenticates(QStringLiteral("shop@local.test"), generatedPassword_));
}

// What the status page's "follow" button runs: new log lines arrive while the
// command runs, and cancelling ends it.
void HeadlessInstallTest::followingTheLogShowsNewLinesUntilCancelled()
{
    QVERIFY2(!firstOutput_.isEmpty(), "the install test did not pass");
    using namespace postwr::remote;
    SshSession ssh(dir_.filePath(QStringLiteral("known_hosts")));
    const auto check = ssh.connectTo({ SshdInstance::host(), sshd_.port(), user_.name() }, std::chrono::seconds(10));
    QVERIFY2(check.ok() && check->state == HostKeyState::Trusted, "the host key is not trusted after the first run");
    const postwr::wizard::Status login = ssh.authenticate({ AuthMethod::KeyFile, key_, {}, {} });
    QVERIFY2(login.ok(), login.ok() ? "" : qPrintable(login.failure().message));

    const auto layout = postwr::steps::RemoteLayout::user(QStringLiteral("~/postwr"), user_.home());
    std::atomic_bool cancel { false };
    std::atomic_int oldLines { 0 };
    std::atomic_bool sawNewConnection { false };
    // A client connects once following has begun; its "event=connect" line must arrive live.
    std::unique_ptr<QProcess> client;
    CommandOptions options;
    options.timeout = std::chrono::seconds(60);
    const CommandResult followed = ssh.run(postwr::steps::followLogCommand(layout, 2), options,
        [&](Stream, const QString &line) {
            if (++oldLines == 2) {
                client = std::make_unique<QProcess>();
                client->start(QStringLiteral("swaks"),
                    { QStringLiteral("--server"), QStringLiteral("127.0.0.1"), QStringLiteral("--port"),
                        QString::number(ports_[0]), QStringLiteral("--quit-after"), QStringLiteral("CONNECT") });
            }
            if (line.contains(QStringLiteral("event=connect"))) {
                sawNewConnection = true;
                cancel = true;
            }
        },
        &cancel);
    if (client)
        client->waitForFinished(10000);
    QVERIFY2(sawNewConnection, qPrintable(followed.standardOutput.right(2000)));
    QVERIFY(followed.cancelled);
}

void HeadlessInstallTest::badPlanFailsWithThePlace()
{
    QJsonObject plan = basePlan();
    QJsonObject install = plan[QStringLiteral("install")].toObject();
    install[QStringLiteral("mode")] = QStringLiteral("sideways");
    plan[QStringLiteral("install")] = install;
    const ProcessResult bad = runPostwr(writePlan(plan, QStringLiteral("bad.json")));
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(QString::fromUtf8(bad.standardError).contains(QStringLiteral("install.mode: must be \"system\" or \"user\"")),
        bad.standardError.constData());

    const QString broken = dir_.filePath(QStringLiteral("broken.json"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\n  \"server\": {\n    \"host\": \"x\",,\n");
    file.close();
    const ProcessResult syntax = runPostwr(broken);
    QCOMPARE(syntax.exitCode, 2);
    QVERIFY2(QString::fromUtf8(syntax.standardError).contains(QStringLiteral("line 3, column")), syntax.standardError.constData());
}

void HeadlessInstallTest::unknownHostKeyStopsBeforeLogin()
{
    QJsonObject plan = basePlan();
    QJsonObject server = plan[QStringLiteral("server")].toObject();
    server.remove(QStringLiteral("host_key"));
    server[QStringLiteral("known_hosts")] = dir_.filePath(QStringLiteral("empty_known_hosts"));
    plan[QStringLiteral("server")] = server;
    const ProcessResult result = runPostwr(writePlan(plan, QStringLiteral("unpinned.json")));
    QCOMPARE(result.exitCode, 1);
    const QString err = QString::fromUtf8(result.standardError);
    QVERIFY2(err.contains(QStringLiteral("First contact")) && err.contains(hostKey_), qPrintable(err));
    QVERIFY(!QString::fromUtf8(result.standardOutput).contains(QStringLiteral("Logged in")));

    server[QStringLiteral("host_key")] = QStringLiteral("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    plan[QStringLiteral("server")] = server;
    const ProcessResult wrong = runPostwr(writePlan(plan, QStringLiteral("wrongpin.json")));
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(QString::fromUtf8(wrong.standardError).contains(QStringLiteral("not SHA256:AAAA")), wrong.standardError.constData());
}

void HeadlessInstallTest::systemModeWithoutSudoFailsClearly()
{
    QJsonObject plan = basePlan();
    plan[QStringLiteral("steps")] = QJsonArray { QStringLiteral("install") };
    plan[QStringLiteral("install")] = QJsonObject { { QStringLiteral("mode"), QStringLiteral("system") } };
    QElapsedTimer timer;
    timer.start();
    const ProcessResult result = runPostwr(writePlan(plan, QStringLiteral("system.json")), 60000);
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(timer.elapsed() < 50000, "the run hung instead of failing");
    const QString err = QString::fromUtf8(result.standardError);
    QVERIFY2(err.contains(QStringLiteral("sudo")), qPrintable(err));
    QVERIFY(!QFileInfo::exists(QStringLiteral("/etc/postwr/postwrd.conf")) || QFileInfo(QStringLiteral("/etc/postwr")).ownerId() == 0);
}

void HeadlessInstallTest::uninstallStopsAndKeepsTheConfiguration()
{
    QVERIFY2(!firstOutput_.isEmpty(), "the install test did not pass");
    QJsonObject plan = basePlan();
    plan[QStringLiteral("steps")] = QJsonArray { QStringLiteral("uninstall") };
    const ProcessResult result = runPostwr(writePlan(plan, QStringLiteral("uninstall.json")));
    const QString out = QString::fromUtf8(result.standardOutput);
    QVERIFY2(result.succeeded(), qPrintable(out + QString::fromUtf8(result.standardError)));
    QVERIFY2(out.contains(QStringLiteral("Will: Stop postwrd")), qPrintable(out));
    QVERIFY(!QFileInfo::exists(prefix() + QStringLiteral("/bin/postwrd")));
    QVERIFY(QFileInfo::exists(prefix() + QStringLiteral("/etc/postwrd.conf")));
    QVERIFY(QFileInfo::exists(prefix() + QStringLiteral("/etc/domains/local.test/users")));
    // Nothing of the user's runs any more.
    const ProcessResult left = runProcess({ QStringLiteral("pgrep"), { QStringLiteral("-u"), user_.name(), QStringLiteral("postwrd") }, {},
        10000, QProcessEnvironment::systemEnvironment(), {} });
    QVERIFY2(left.exitCode == 1, left.standardOutput.constData());
}

QTEST_GUILESS_MAIN(HeadlessInstallTest)
#include "tst_it_headless_install.moc"
