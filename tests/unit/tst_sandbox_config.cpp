// The sandbox's text builders (wizard/sandbox/): the sshd_config for root and
// for another user, dnsmasq's lines from records and from `postwrd dns
// records --format json`, the receiver's postwrd.conf, the plans (which
// must pass the plan file's own checks), and the reading of the receiver's
// Authentication-Results.

#include "sandbox/sandbox_dns.h"
#include "sandbox/sandbox_plan.h"
#include "sandbox/sandbox_receiver.h"
#include "sandbox/sandbox_report.h"
#include "sandbox/sandbox_sshd.h"
#include "steps/plan_file.h"

#include <QJsonDocument>
#include <QTest>

using namespace postwr::sandbox;

Q_DECLARE_METATYPE(postwr::sandbox::DnsRecord)

namespace {

SandboxPlanSettings planSettings()
{
    SandboxPlanSettings s;
    s.sshPort = 40022;
    s.user = QStringLiteral("alice");
    s.keyFile = QStringLiteral("/sb/ssh/client_ed25519");
    s.hostKey = QStringLiteral("SHA256:abcDEF123+/");
    s.knownHosts = QStringLiteral("/sb/known_hosts");
    s.prefix = QStringLiteral("/sb/server");
    s.smtpPort = 40025;
    s.submissionPort = 40587;
    s.submissionsPort = 40465;
    s.dnsServer = QStringLiteral("127.0.0.1:40053");
    s.receiverSmtpPort = 41025;
    s.passwordVariable = QStringLiteral("POSTWR_SANDBOX_PASSWORD");
    return s;
}

// A `postwrd dns records --format json` answer, trimmed to what matters.
QByteArray recordsJson(bool withDkim)
{
    QByteArray dkim = R"({"id": "dkim:p2026a", "type": "TXT", "name": "p2026a._domainkey.sandbox.test",
        "value": "v=DKIM1; k=rsa; p=AAAABBBB", "strings": ["v=DKIM1; k=rsa; p=AAAA", "BBBB"], "where": "zone"},)";
    return QByteArray(R"({"domain": "sandbox.test", "hostname": "mail.sandbox.test", "ttl": 3600, "records": [
        {"id": "mx", "type": "MX", "name": "sandbox.test", "value": "10 mail.sandbox.test", "where": "zone"},
        {"id": "a", "type": "A", "name": "mail.sandbox.test", "value": "127.0.0.1", "where": "zone"},
        {"id": "spf", "type": "TXT", "name": "sandbox.test", "value": "v=spf1 ip4:127.0.0.1 ~all",
         "strings": ["v=spf1 ip4:127.0.0.1 ~all"], "where": "zone"},
        {"id": "spf-helo", "type": "TXT", "name": "mail.sandbox.test", "value": "v=spf1 ip4:127.0.0.1 -all",
         "strings": ["v=spf1 ip4:127.0.0.1 -all"], "where": "zone"},)")
        + (withDkim ? dkim : QByteArray()) + R"(
        {"id": "dmarc", "type": "TXT", "name": "_dmarc.sandbox.test", "value": "v=DMARC1; p=quarantine",
         "strings": ["v=DMARC1; p=quarantine"], "where": "zone"},
        {"id": "tlsrpt", "type": "TXT", "name": "_smtp._tls.sandbox.test", "value": "v=TLSRPTv1; rua=mailto:a@b.test",
         "strings": ["v=TLSRPTv1; rua=mailto:a@b.test"], "where": "zone"},
        {"id": "mta-sts", "type": "TXT", "name": "_mta-sts.sandbox.test", "value": "v=STSv1; id=1",
         "strings": ["v=STSv1; id=1"], "where": "zone"}
      ], "notes": []})";
}

// A message as the receiver's Maildir has it.
const QByteArray kMessage
    = "Authentication-Results: mx.gmail.test;\r\n"
      "\tspf=pass (127.0.0.1 matched ip4:127.0.0.1) smtp.mailfrom=me@sandbox.test;\r\n"
      "\tdkim=pass (signature verified) header.d=sandbox.test header.s=p2026a;\r\n"
      "\tdmarc=pass (p=quarantine; aligned DKIM pass [sandbox.test]) header.from=sandbox.test;\r\n"
      "\tarc=none (no ARC sets)\r\n"
      "Received: from mail.sandbox.test\r\n"
      "To: <me@gmail.test>\r\n"
      "Subject: Postwr test message\r\n"
      "\r\n"
      "Authentication-Results: body.test; dkim=fail\r\n";

} // namespace

class SandboxConfigTest : public QObject {
    Q_OBJECT

private slots:
    void sshdConfig_data();
    void sshdConfig();
    void fingerprint_data();
    void fingerprint();
    void dnsmasqLines_data();
    void dnsmasqLines();
    void dnsmasqRefuses_data();
    void dnsmasqRefuses();
    void authenticationRecordsFromJson_data();
    void authenticationRecordsFromJson();
    void receiverConfig();
    void setupPlanPassesThePlanChecks();
    void sendTestPlanPassesThePlanChecks();
    void authenticationResultsOfAMessage_data();
    void authenticationResultsOfAMessage();
    void headerFieldUnfolds();
};

void SandboxConfigTest::sshdConfig_data()
{
    QTest::addColumn<bool>("root");
    QTest::addColumn<QStringList>("present");
    QTest::addColumn<QStringList>("absent");
    const QStringList common { QStringLiteral("ListenAddress 127.0.0.1"), QStringLiteral("Port 40022"),
        QStringLiteral("HostKey /sb/ssh/ssh_host_ed25519_key"),
        QStringLiteral("AuthorizedKeysFile /sb/ssh/authorized_keys"), QStringLiteral("PidFile /sb/ssh/sshd.pid"),
        QStringLiteral("StrictModes no"), QStringLiteral("Subsystem sftp internal-sftp"),
        QStringLiteral("PasswordAuthentication no") };
    QTest::newRow("root: PAM's account check, root may log in with a key")
        << true
        << common + QStringList { QStringLiteral("UsePAM yes"), QStringLiteral("PermitRootLogin prohibit-password") }
        << QStringList { QStringLiteral("UsePAM no") };
    QTest::newRow("another user: no PAM, no root")
        << false << common + QStringList { QStringLiteral("UsePAM no"), QStringLiteral("PermitRootLogin no") }
        << QStringList { QStringLiteral("UsePAM yes") };
}

void SandboxConfigTest::sshdConfig()
{
    QFETCH(bool, root);
    QFETCH(QStringList, present);
    QFETCH(QStringList, absent);
    const QStringList lines = sshdConfigText({ QStringLiteral("/sb/ssh"), 40022, root }).split(QLatin1Char('\n'));
    for (const QString &line : present)
        QVERIFY2(lines.contains(line), qPrintable(line));
    for (const QString &line : absent)
        QVERIFY2(!lines.contains(line), qPrintable(line));
}

void SandboxConfigTest::fingerprint_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("fingerprint");
    QTest::newRow("ed25519") << QStringLiteral("256 SHA256:q1w2E3r4+/t5 postwr-sandbox (ED25519)\n")
                             << QStringLiteral("SHA256:q1w2E3r4+/t5");
    QTest::newRow("rsa") << QStringLiteral("3072 SHA256:AbC= root@host (RSA)") << QStringLiteral("SHA256:AbC=");
    QTest::newRow("MD5 is not it") << QStringLiteral("256 MD5:aa:bb postwr (ED25519)") << QString();
    QTest::newRow("an error") << QStringLiteral("key.pub is not a public key file.") << QString();
}

void SandboxConfigTest::fingerprint()
{
    QFETCH(QString, line);
    QFETCH(QString, fingerprint);
    QCOMPARE(fingerprintOf(line), fingerprint);
}

void SandboxConfigTest::dnsmasqLines_data()
{
    QTest::addColumn<DnsRecord>("record");
    QTest::addColumn<QString>("line");
    QTest::newRow("MX") << DnsRecord { QStringLiteral("MX"), QStringLiteral("gmail.test"),
        QStringLiteral("10 mx.gmail.test"), {} }
                        << QStringLiteral("mx-host=gmail.test,mx.gmail.test,10");
    QTest::newRow("A") << DnsRecord { QStringLiteral("A"), QStringLiteral("mail.sandbox.test"),
        QStringLiteral("127.0.0.1"), {} }
                       << QStringLiteral("host-record=mail.sandbox.test,127.0.0.1");
    QTest::newRow("TXT of one string") << DnsRecord { QStringLiteral("TXT"), QStringLiteral("sandbox.test"),
        QStringLiteral("v=spf1 ip4:127.0.0.1 ~all"), { QStringLiteral("v=spf1 ip4:127.0.0.1 ~all") } }
                                       << QStringLiteral("txt-record=sandbox.test,\"v=spf1 ip4:127.0.0.1 ~all\"");
    QTest::newRow("TXT of two strings (a DKIM key)")
        << DnsRecord { QStringLiteral("TXT"), QStringLiteral("s._domainkey.sandbox.test"),
               QStringLiteral("v=DKIM1; p=AB"), { QStringLiteral("v=DKIM1; p=A"), QStringLiteral("B") } }
        << QStringLiteral("txt-record=s._domainkey.sandbox.test,\"v=DKIM1; p=A\",\"B\"");
}

void SandboxConfigTest::dnsmasqLines()
{
    QFETCH(DnsRecord, record);
    QFETCH(QString, line);
    const auto lines = dnsmasqConfigLines(40053, { record }, QStringLiteral("t.probe.invalid"), QStringLiteral("t"),
        QStringLiteral("/sb/dns/dnsmasq.log"), false);
    QVERIFY2(lines.ok(), lines.ok() ? "" : qPrintable(lines.failure().message));
    QVERIFY2(lines->contains(line), qPrintable(lines->join(QLatin1Char('\n'))));
    for (const QString &expected : { QStringLiteral("port=40053"), QStringLiteral("listen-address=127.0.0.1"),
             QStringLiteral("bind-interfaces"), QStringLiteral("no-resolv"), QStringLiteral("local=/#/"),
             QStringLiteral("txt-record=t.probe.invalid,t"), QStringLiteral("log-facility=/sb/dns/dnsmasq.log") })
        QVERIFY2(lines->contains(expected), qPrintable(expected));
    QVERIFY(!lines->contains(QStringLiteral("user=root")));
}

void SandboxConfigTest::dnsmasqRefuses_data()
{
    QTest::addColumn<DnsRecord>("record");
    QTest::newRow("a quote in TXT") << DnsRecord { QStringLiteral("TXT"), QStringLiteral("a.test"),
        QStringLiteral("x\"y"), { QStringLiteral("x\"y") } };
    QTest::newRow("a TXT string over 255 octets") << DnsRecord { QStringLiteral("TXT"), QStringLiteral("a.test"),
        QString(256, QLatin1Char('a')), { QString(256, QLatin1Char('a')) } };
    QTest::newRow("MX without preference")
        << DnsRecord { QStringLiteral("MX"), QStringLiteral("a.test"), QStringLiteral("mx.a.test"), {} };
    QTest::newRow("SRV") << DnsRecord { QStringLiteral("SRV"), QStringLiteral("_x._tcp.a.test"),
        QStringLiteral("0 1 465 a.test"), {} };
}

void SandboxConfigTest::dnsmasqRefuses()
{
    QFETCH(DnsRecord, record);
    const auto lines
        = dnsmasqConfigLines(53, { record }, QStringLiteral("p"), QStringLiteral("t"), QStringLiteral("/l"), true);
    QVERIFY(!lines.ok());
    QVERIFY(lines.failure().message.contains(record.name));
}

void SandboxConfigTest::authenticationRecordsFromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QStringList>("names"); // empty: refused
    QTest::newRow("SPF, HELO SPF, DKIM, DMARC; not TLS-RPT, MTA-STS, MX, A")
        << recordsJson(true)
        << QStringList { QStringLiteral("sandbox.test"), QStringLiteral("mail.sandbox.test"),
               QStringLiteral("p2026a._domainkey.sandbox.test"), QStringLiteral("_dmarc.sandbox.test") };
    QTest::newRow("without a DKIM key") << recordsJson(false) << QStringList();
    QTest::newRow("not JSON") << QByteArray("TYPE NAME VALUE\nMX sandbox.test 10 mail.sandbox.test") << QStringList();
}

void SandboxConfigTest::authenticationRecordsFromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QStringList, names);
    const auto records = authenticationRecords(json);
    QCOMPARE(records.ok(), !names.isEmpty());
    if (names.isEmpty())
        return;
    QStringList got;
    for (const DnsRecord &record : *records) {
        QCOMPARE(record.type, QStringLiteral("TXT"));
        got << record.name;
    }
    QCOMPARE(got, names);
    QCOMPARE(
        records->at(2).strings, (QStringList { QStringLiteral("v=DKIM1; k=rsa; p=AAAA"), QStringLiteral("BBBB") }));
}

void SandboxConfigTest::receiverConfig()
{
    ReceiverSettings settings;
    settings.smtpPort = 41025;
    settings.submissionPort = 41587;
    settings.submissionsPort = 41465;
    settings.dnsServer = QStringLiteral("127.0.0.1:40053");
    const QStringList lines = receiverConfigText(settings).split(QLatin1Char('\n'));
    for (const QString &expected :
        { QStringLiteral("hostname = mx.gmail.test"), QStringLiteral("smtp = 127.0.0.1:41025"),
            QStringLiteral("submission = 127.0.0.1:41587"), QStringLiteral("submissions = 127.0.0.1:41465"),
            QStringLiteral("[dns]"), QStringLiteral("servers = 127.0.0.1:40053") })
        QVERIFY2(lines.contains(expected), qPrintable(expected));
}

void SandboxConfigTest::setupPlanPassesThePlanChecks()
{
    const auto plan
        = postwr::steps::parsePlan(QJsonDocument(setupPlan(planSettings(), QStringLiteral("me@gmail.test"))).toJson());
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.failure().message));
    QCOMPARE(plan->steps,
        (QStringList { QStringLiteral("probe"), QStringLiteral("install"), QStringLiteral("hostname"),
            QStringLiteral("dkim"), QStringLiteral("accounts"), QStringLiteral("forwarding"),
            QStringLiteral("status") }));
    QCOMPARE(plan->server.target.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(plan->server.target.port, quint16(40022));
    QCOMPARE(plan->server.target.user, QStringLiteral("alice"));
    QCOMPARE(plan->server.auth, postwr::remote::AuthMethod::KeyFile);
    QCOMPARE(plan->server.hostKey, QStringLiteral("SHA256:abcDEF123+/"));
    QCOMPARE(plan->server.knownHosts, QStringLiteral("/sb/known_hosts"));
    QCOMPARE(plan->install.mode, postwr::steps::InstallMode::User);
    QCOMPARE(plan->install.prefix, QStringLiteral("/sb/server"));
    QCOMPARE(plan->install.listen, QStringLiteral("127.0.0.1"));
    QCOMPARE(plan->install.ports.smtp, quint16(40025));
    QCOMPARE(plan->install.ports.submission, quint16(40587));
    QCOMPARE(plan->install.ports.submissions, quint16(40465));
    QCOMPARE(plan->install.settings.value(QStringLiteral("dns.servers")), QStringLiteral("127.0.0.1:40053"));
    QCOMPARE(plan->install.settings.value(QStringLiteral("delivery.remote_port")), QStringLiteral("41025"));
    QCOMPARE(plan->install.settings.value(QStringLiteral("delivery.allow_loopback")), QStringLiteral("yes"));
    QCOMPARE(plan->outboundCheck, QStringLiteral("127.0.0.1:41025"));
    QCOMPARE(plan->hostname, QStringLiteral("mail.sandbox.test"));
    QCOMPARE(plan->domains, QStringList { QStringLiteral("sandbox.test") });
    QCOMPARE(plan->accounts.size(), 1);
    QCOMPARE(plan->accounts[0].email, QStringLiteral("me@sandbox.test"));
    QCOMPARE(plan->accounts[0].passwordEnv, QStringLiteral("POSTWR_SANDBOX_PASSWORD"));
    const auto aliases = plan->forwarding.value(QStringLiteral("sandbox.test"));
    QCOMPARE(aliases.size(), 1);
    QCOMPARE(aliases[0].local, QStringLiteral("*"));
    QCOMPARE(aliases[0].targets, QStringList { QStringLiteral("me@gmail.test") });
}

void SandboxConfigTest::sendTestPlanPassesThePlanChecks()
{
    const auto plan = postwr::steps::parsePlan(
        QJsonDocument(sendTestPlan(planSettings(), QStringLiteral("x@sandbox.test"))).toJson());
    QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.failure().message));
    QCOMPARE(plan->steps, QStringList { QStringLiteral("send-test") });
    QCOMPARE(plan->testMail.to, QStringLiteral("x@sandbox.test"));
    QCOMPARE(plan->testMail.from, QStringLiteral("me@sandbox.test"));
    QCOMPARE(plan->testMail.passwordEnv, QStringLiteral("POSTWR_SANDBOX_PASSWORD"));
    QVERIFY(!plan->testMail.implicitTls);
    QCOMPARE(plan->install.ports.submission, quint16(40587));
}

void SandboxConfigTest::authenticationResultsOfAMessage_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("fields");
    QTest::addColumn<QString>("spf");
    QTest::addColumn<QString>("dkim");
    QTest::addColumn<QString>("dmarc");
    QTest::newRow("folded, comments with ';', a body that looks like a header")
        << kMessage << 1 << QStringLiteral("pass") << QStringLiteral("pass") << QStringLiteral("pass");
    QTest::newRow("LF line ends, failures")
        << QByteArray("Authentication-Results: mx.gmail.test; spf=softfail smtp.mailfrom=a@b.test;\n"
                      " dkim=fail (bad signature) header.d=b.test; dmarc=fail header.from=b.test\n\nbody\n")
        << 1 << QStringLiteral("softfail") << QStringLiteral("fail") << QStringLiteral("fail");
    QTest::newRow("two signatures, one passes")
        << QByteArray(
               "Authentication-Results: mx.gmail.test; dkim=fail header.d=a.test; dkim=pass header.d=b.test\r\n\r\n")
        << 1 << QStringLiteral("missing") << QStringLiteral("pass") << QStringLiteral("missing");
    QTest::newRow("an ARC field is not the receiver's verdict")
        << QByteArray("ARC-Authentication-Results: i=1; mx.gmail.test; dkim=pass\r\nSubject: x\r\n\r\n") << 0
        << QStringLiteral("missing") << QStringLiteral("missing") << QStringLiteral("missing");
}

void SandboxConfigTest::authenticationResultsOfAMessage()
{
    QFETCH(QByteArray, message);
    QFETCH(int, fields);
    QFETCH(QString, spf);
    QFETCH(QString, dkim);
    QFETCH(QString, dmarc);
    const QStringList found = authenticationResults(message);
    QCOMPARE(found.size(), fields);
    for (const QString &field : found)
        QVERIFY2(!field.contains(QLatin1Char('\n')) && !field.contains(QLatin1Char('\r')), qPrintable(field));
    QCOMPARE(resultOf(found, QStringLiteral("spf")), spf);
    QCOMPARE(resultOf(found, QStringLiteral("dkim")), dkim);
    QCOMPARE(resultOf(found, QStringLiteral("dmarc")), dmarc);
}

void SandboxConfigTest::headerFieldUnfolds()
{
    QCOMPARE(headerField(kMessage, QStringLiteral("to")), QStringLiteral("<me@gmail.test>"));
    QCOMPARE(headerField("Subject: a\r\n b\r\n\r\n", QStringLiteral("Subject")), QStringLiteral("a b"));
    QCOMPARE(headerField(kMessage, QStringLiteral("Cc")), QString());
}

QTEST_GUILESS_MAIN(SandboxConfigTest)
#include "tst_sandbox_config.moc"
