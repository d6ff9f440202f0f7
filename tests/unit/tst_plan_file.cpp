// The plan file (wizard/steps/plan_file.h): what a valid plan gives, and
// that each kind of mistake is reported at its place.

#include "steps/plan_file.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace postwr::steps;

namespace {

// A complete, valid plan; rows change one thing in it.
QJsonObject validPlan()
{
    return QJsonDocument::fromJson(R"({
      "server": {"host": "vps.example.org", "port": 2222, "user": "deploy", "auth": "key",
                 "key_file": "~/.ssh/id_ed25519", "sudo_password_env": "SUDO_PW",
                 "host_key": "SHA256:abc"},
      "steps": ["status", "install", "accounts", "forwarding", "hostname"],
      "install": {"mode": "user", "prefix": "~/postwr", "listen": "127.0.0.1",
                  "ports": {"smtp": 2525, "submission": 2587, "submissions": 2465}},
      "hostname": "Mail.Example.org",
      "domains": ["example.org", "shop.example"],
      "accounts": [{"email": "me@example.org", "password_env": "ME_PW"},
                   {"email": "shop@shop.example", "generate": true},
                   {"email": "old@example.org", "remove": true}],
      "forwarding": {"example.org": {"*": ["me@gmail.com"], "sales": ["me", "b@c.example"]}},
      "status": {"log_lines": 50}
    })").object();
}

QByteArray toJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

// `plan` with `path` ("a.b.c") set to `value`; an undefined value removes the key.
QJsonObject with(QJsonObject plan, const QStringList &path, const QJsonValue &value)
{
    if (path.size() == 1) {
        if (value.isUndefined())
            plan.remove(path.first());
        else
            plan[path.first()] = value;
        return plan;
    }
    plan[path.first()] = with(plan[path.first()].toObject(), path.mid(1), value);
    return plan;
}

} // namespace

class PlanFileTest : public QObject {
    Q_OBJECT

private slots:
    void validPlanGivesEverything()
    {
        const auto plan = parsePlan(toJson(validPlan()));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.failure().message));
        QCOMPARE(plan->server.target.host, QStringLiteral("vps.example.org"));
        QCOMPARE(plan->server.target.port, quint16(2222));
        QCOMPARE(plan->server.target.user, QStringLiteral("deploy"));
        QCOMPARE(plan->server.auth, postwr::remote::AuthMethod::KeyFile);
        QCOMPARE(plan->server.sudoPasswordEnv, QStringLiteral("SUDO_PW"));
        // The order of the steps is the engine's, not the file's.
        QCOMPARE(plan->steps,
            QStringList({ QStringLiteral("install"), QStringLiteral("hostname"), QStringLiteral("accounts"),
                QStringLiteral("forwarding"), QStringLiteral("status") }));
        QCOMPARE(plan->install.mode, InstallMode::User);
        QCOMPARE(plan->install.ports.submission, quint16(2587));
        QCOMPARE(plan->hostname, QStringLiteral("mail.example.org"));
        QCOMPARE(plan->accounts.size(), 3);
        QVERIFY(plan->accounts[1].generate);
        QVERIFY(plan->accounts[2].remove);
        QCOMPARE(plan->forwarding.value(QStringLiteral("example.org")).size(), 2);
        QCOMPARE(plan->logLines, 50);
    }

    void defaults()
    {
        const auto plan = parsePlan(R"({"server": {"host": "h.example", "user": "root"}, "steps": ["status"]})");
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.failure().message));
        QCOMPARE(plan->server.target.port, quint16(22));
        QCOMPARE(plan->server.auth, postwr::remote::AuthMethod::Agent);
        QCOMPARE(plan->install.mode, InstallMode::System);
        QCOMPARE(plan->install.ports.smtp, quint16(25));
        QCOMPARE(plan->logLines, 20);
    }

    // More postwrd.conf keys: texts, numbers and booleans as postwrd writes them.
    void settings()
    {
        QJsonObject json = validPlan();
        json = with(json, { QStringLiteral("install"), QStringLiteral("settings") },
            QJsonObject { { QStringLiteral("dns.servers"), QStringLiteral(" 127.0.0.1:5353 ") },
                { QStringLiteral("delivery.remote_port"), 2526 }, { QStringLiteral("delivery.allow_loopback"), true },
                { QStringLiteral("max_message_size"), QStringLiteral("20M") } });
        const auto plan = parsePlan(toJson(json));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.failure().message));
        const QMap<QString, QString> expected { { QStringLiteral("dns.servers"), QStringLiteral("127.0.0.1:5353") },
            { QStringLiteral("delivery.remote_port"), QStringLiteral("2526") },
            { QStringLiteral("delivery.allow_loopback"), QStringLiteral("yes") },
            { QStringLiteral("max_message_size"), QStringLiteral("20M") } };
        QCOMPARE(plan->install.settings, expected);
    }

    // The choices that shape the records, as the DNS page and the
    // dashboard keep them; include: and a final dot as pasted are dropped.
    void recordChoices()
    {
        QJsonObject json = validPlan();
        json = with(json, { QStringLiteral("dns") },
            QJsonObject { { QStringLiteral("receive"), QStringLiteral("elsewhere") },
                { QStringLiteral("spf_include"), QJsonArray { QStringLiteral(" include:_SPF.google.com. ") } },
                { QStringLiteral("spf_all"), QStringLiteral("hard") }, { QStringLiteral("dmarc_policy"), QStringLiteral("reject") },
                { QStringLiteral("dmarc_reports"), QStringLiteral("reports@example.org") } });
        const auto plan = parsePlan(toJson(json));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.failure().message));
        QVERIFY(!plan->dns.receiveHere);
        QCOMPARE(plan->dns.spfIncludes, QStringList { QStringLiteral("_spf.google.com") });
        QVERIFY(plan->dns.spfHardAll);
        QCOMPARE(plan->dns.dmarcPolicy, QStringLiteral("reject"));
        QCOMPARE(plan->dns.dmarcReports, QStringLiteral("reports@example.org"));

        const auto defaults = parsePlan(toJson(validPlan()));
        QVERIFY(defaults.ok());
        QVERIFY(defaults->dns.receiveHere);
        QVERIFY(!defaults->dns.spfHardAll);
        QCOMPARE(defaults->dns.dmarcPolicy, QStringLiteral("quarantine"));
    }

    // The README points people to it: it must stay valid.
    void examplePlanIsValid()
    {
        QFile file(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../../examples/sandbox-plan.json"));
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const auto plan = parsePlan(file.readAll());
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.failure().message));
        QCOMPARE(plan->install.mode, InstallMode::User);
    }

    // The sender defaults to the first account with a password from the environment.
    void testMailDefaults()
    {
        QJsonObject json = validPlan();
        json[QStringLiteral("steps")] = QJsonArray { QStringLiteral("send-test") };
        json[QStringLiteral("test_mail")] = QJsonObject { { QStringLiteral("to"), QStringLiteral("me@gmail.com") } };
        const auto plan = parsePlan(toJson(json));
        QVERIFY2(plan.ok(), plan.ok() ? "" : qPrintable(plan.failure().message));
        QCOMPARE(plan->testMail.from, QStringLiteral("me@example.org"));
        QCOMPARE(plan->testMail.passwordEnv, QStringLiteral("ME_PW"));
        QVERIFY(!plan->testMail.implicitTls);
    }

    void backupAndRestore()
    {
        QJsonObject plan = with(validPlan(), { QStringLiteral("steps") },
            QJsonArray { QStringLiteral("download-backup"), QStringLiteral("backup"), QStringLiteral("restore"), QStringLiteral("install") });
        plan = with(plan, { QStringLiteral("backup") },
            QJsonObject { { QStringLiteral("remote"), QStringLiteral("git@github.com:me/mail.git") },
                { QStringLiteral("passphrase_env"), QStringLiteral("BACKUP_PW") }, { QStringLiteral("download_to"), QStringLiteral("/tmp/b") } });
        plan = with(plan, { QStringLiteral("restore") },
            QJsonObject { { QStringLiteral("from"), QStringLiteral("/home/me/postwr-backup-example.org-2026-11-29.tar.gz") },
                { QStringLiteral("passphrase_env"), QStringLiteral("BACKUP_PW") } });
        const auto parsed = parsePlan(toJson(plan));
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.failure().message));
        // Restore right after install, the backup after every change, the download last.
        QCOMPARE(parsed->steps, (QStringList { QStringLiteral("install"), QStringLiteral("restore"), QStringLiteral("backup"),
                                    QStringLiteral("download-backup") }));
        QCOMPARE(parsed->backup.remote, QStringLiteral("git@github.com:me/mail.git"));
        QVERIFY(parsed->backup.encrypt);
        QCOMPARE(parsed->backup.passphraseEnv, QStringLiteral("BACKUP_PW"));
        QCOMPARE(parsed->backup.downloadTo, QStringLiteral("/tmp/b"));
        QVERIFY(parsed->restore.fromArchive());
        QCOMPARE(parsed->restore.passphraseEnv, QStringLiteral("BACKUP_PW"));

        // A plain backup needs no passphrase; a remote to restore from is not an archive.
        plan = with(plan, { QStringLiteral("backup") }, QJsonObject { { QStringLiteral("encrypt"), false } });
        plan = with(plan, { QStringLiteral("restore"), QStringLiteral("from") }, QStringLiteral("ssh://git@host:2222/srv/mail.git"));
        const auto plain = parsePlan(toJson(plan));
        QVERIFY2(plain.ok(), plain.ok() ? "" : qPrintable(plain.failure().message));
        QVERIFY(!plain->backup.encrypt);
        QVERIFY(!plain->restore.fromArchive());
    }

    void mistakesAreReportedWhereTheyAre_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");

        const QJsonObject plan = validPlan();
        const auto row = [](const char *name, const QJsonObject &changed, const char *message) {
            QTest::newRow(name) << toJson(changed) << QString::fromUtf8(message);
        };
        QTest::newRow("JSON syntax error: line and column")
            << QByteArray("{\n  \"server\": {\n    \"host\": \"x\",,\n") << QStringLiteral("line 3, column 18: ");
        QTest::newRow("not an object") << QByteArray("[1, 2]") << QStringLiteral("a plan is one JSON object");
        row("unknown top-level key", with(plan, { QStringLiteral("hostnme") }, QStringLiteral("x")), "hostnme: unknown key");
        row("unknown nested key", with(plan, { QStringLiteral("install"), QStringLiteral("mod") }, QStringLiteral("x")),
            "install.mod: unknown key");
        row("no server", with(plan, { QStringLiteral("server") }, QJsonValue::Undefined), "server: missing");
        row("no host", with(plan, { QStringLiteral("server"), QStringLiteral("host") }, QJsonValue::Undefined),
            "server.host: missing");
        row("port out of range", with(plan, { QStringLiteral("server"), QStringLiteral("port") }, 70000),
            "server.port: must be a whole number from 1 to 65535");
        row("port not a number", with(plan, { QStringLiteral("server"), QStringLiteral("port") }, QStringLiteral("22")),
            "server.port: must be a whole number");
        row("unknown auth", with(plan, { QStringLiteral("server"), QStringLiteral("auth") }, QStringLiteral("token")),
            "server.auth: must be");
        row("key auth without a key", with(plan, { QStringLiteral("server"), QStringLiteral("key_file") }, QJsonValue::Undefined),
            "server.key_file: missing");
        row("bad environment name",
            with(plan, { QStringLiteral("server"), QStringLiteral("sudo_password_env") }, QStringLiteral("my password")),
            "server.sudo_password_env: \"my password\" is not an environment variable name");
        row("host key not SHA256", with(plan, { QStringLiteral("server"), QStringLiteral("host_key") }, QStringLiteral("MD5:aa")),
            "server.host_key: must be a SHA256 fingerprint");
        row("no steps", with(plan, { QStringLiteral("steps") }, QJsonArray()), "steps: missing");
        row("unknown step", with(plan, { QStringLiteral("steps") }, QJsonArray { QStringLiteral("instal") }),
            "steps: unknown step \"instal\"");
        row("install and uninstall",
            with(plan, { QStringLiteral("steps") }, QJsonArray { QStringLiteral("install"), QStringLiteral("uninstall") }),
            "steps: \"install\" and \"uninstall\" cannot be in one plan");
        row("unknown mode", with(plan, { QStringLiteral("install"), QStringLiteral("mode") }, QStringLiteral("root")),
            "install.mode: must be \"system\" or \"user\"");
        row("relative prefix", with(plan, { QStringLiteral("install"), QStringLiteral("prefix") }, QStringLiteral("postwr")),
            "install.prefix: must be an absolute path");
        row("equal ports",
            with(plan, { QStringLiteral("install"), QStringLiteral("ports"), QStringLiteral("submission") }, 2525),
            "install.ports: the three ports must differ");
        row("system mode on other ports", with(plan, { QStringLiteral("install"), QStringLiteral("mode") }, QStringLiteral("system")),
            "install.ports: a system install uses the standard ports");
        row("bad hostname", with(plan, { QStringLiteral("hostname") }, QStringLiteral("mail..example")),
            "hostname: \"mail..example\" is not a host name");
        row("install without hostname", with(plan, { QStringLiteral("hostname") }, QJsonValue::Undefined), "hostname: missing");
        row("bad domain", with(plan, { QStringLiteral("domains") }, QJsonArray { QStringLiteral("exa mple.org") }),
            "domains: \"exa mple.org\" is not a domain");
        row("account not an address",
            with(plan, { QStringLiteral("accounts") }, QJsonArray { QJsonObject { { QStringLiteral("email"), QStringLiteral("me") },
                                                            { QStringLiteral("generate"), true } } }),
            "accounts[0].email: \"me\" is not an email address");
        row("account of another domain",
            with(plan, { QStringLiteral("accounts") },
                QJsonArray { QJsonObject { { QStringLiteral("email"), QStringLiteral("me@other.example") },
                    { QStringLiteral("generate"), true } } }),
            "accounts[0].email: me@other.example is not in one of the plan's domains");
        row("account with two ways",
            with(plan, { QStringLiteral("accounts") },
                QJsonArray { QJsonObject { { QStringLiteral("email"), QStringLiteral("me@example.org") },
                    { QStringLiteral("generate"), true }, { QStringLiteral("password_env"), QStringLiteral("PW") } } }),
            "accounts[0]: give exactly one of");
        row("forwarding for another domain",
            with(plan, { QStringLiteral("forwarding"), QStringLiteral("other.example") },
                QJsonObject { { QStringLiteral("*"), QJsonArray { QStringLiteral("a@b.example") } } }),
            "forwarding.other.example: not one of the plan's domains");
        row("forwarding to nobody",
            with(plan, { QStringLiteral("forwarding"), QStringLiteral("example.org") },
                QJsonObject { { QStringLiteral("*"), QJsonArray() } }),
            "forwarding.example.org.*: needs at least one address");
        row("forwarding to a bad address",
            with(plan, { QStringLiteral("forwarding"), QStringLiteral("example.org") },
                QJsonObject { { QStringLiteral("*"), QJsonArray { QStringLiteral("me@@gmail.com") } } }),
            "forwarding.example.org.*: \"me@@gmail.com\" is not an email address");
        row("forwarding from a bad local part",
            with(plan, { QStringLiteral("forwarding"), QStringLiteral("example.org") },
                QJsonObject { { QStringLiteral("a b"), QJsonArray { QStringLiteral("me@gmail.com") } } }),
            "forwarding.example.org.a b: \"a b\" is not a local part");
        row("send-test without a recipient",
            with(plan, { QStringLiteral("steps") }, QJsonArray { QStringLiteral("send-test") }),
            "test_mail.to: missing or not an email address");
        row("send-test with an unknown security",
            with(plan, { QStringLiteral("test_mail") }, QJsonObject { { QStringLiteral("security"), QStringLiteral("ssl") } }),
            "test_mail.security: must be \"starttls\" or \"tls\"");
        row("a setting with a bad name",
            with(plan, { QStringLiteral("install"), QStringLiteral("settings") },
                QJsonObject { { QStringLiteral("DNS servers"), QStringLiteral("x") } }),
            "install.settings.DNS servers: a setting is named \"key\" or \"section.key\"");
        row("a setting the plan manages",
            with(plan, { QStringLiteral("install"), QStringLiteral("settings") },
                QJsonObject { { QStringLiteral("listen.smtp"), QStringLiteral("0.0.0.0:25") } }),
            "install.settings.listen.smtp: set by the plan's own keys");
        row("a setting that is a list",
            with(plan, { QStringLiteral("install"), QStringLiteral("settings") },
                QJsonObject { { QStringLiteral("dns.servers"), QJsonArray { QStringLiteral("a") } } }),
            "install.settings.dns.servers: must be a text, a whole number, true or false");
        row("a setting of two lines",
            with(plan, { QStringLiteral("install"), QStringLiteral("settings") },
                QJsonObject { { QStringLiteral("dns.servers"), QStringLiteral("a\nb") } }),
            "install.settings.dns.servers: must be one line");
        row("dkim without domains",
            with(with(plan, { QStringLiteral("steps") }, QJsonArray { QStringLiteral("dkim") }), { QStringLiteral("domains") },
                QJsonValue::Undefined),
            "domains: missing");
        row("dns.ipv4 that is IPv6",
            with(plan, { QStringLiteral("dns"), QStringLiteral("ipv4") }, QStringLiteral("2001:db8::5")),
            "dns.ipv4: \"2001:db8::5\" is not an IPv4 address");
        row("dns with an unknown key", with(plan, { QStringLiteral("dns"), QStringLiteral("resolver") }, QStringLiteral("x")),
            "dns.resolver: unknown key");
        row("dns.receive not here or elsewhere",
            with(plan, { QStringLiteral("dns"), QStringLiteral("receive") }, QStringLiteral("gmail")),
            "dns.receive: must be one of here, elsewhere, not \"gmail\"");
        row("dns.spf_all a word of its own",
            with(plan, { QStringLiteral("dns"), QStringLiteral("spf_all") }, QStringLiteral("~all")),
            "dns.spf_all: must be one of soft, hard, not \"~all\"");
        row("dns.dmarc_policy misspelt",
            with(plan, { QStringLiteral("dns"), QStringLiteral("dmarc_policy") }, QStringLiteral("quarantaine")),
            "dns.dmarc_policy: must be one of quarantine, none, reject");
        row("dns.spf_include a whole record",
            with(plan, { QStringLiteral("dns"), QStringLiteral("spf_include") },
                QJsonArray { QStringLiteral("_spf.google.com"), QStringLiteral("v=spf1 include:x.example ~all") }),
            "dns.spf_include[1]: \"v=spf1 include:x.example ~all\" is not a domain name");
        row("dns.spf_include not a list",
            with(plan, { QStringLiteral("dns"), QStringLiteral("spf_include") }, QStringLiteral("_spf.google.com")),
            "dns.spf_include: must be a list");
        row("dns.dmarc_reports no address",
            with(plan, { QStringLiteral("dns"), QStringLiteral("dmarc_reports") }, QStringLiteral("postmaster")),
            "dns.dmarc_reports: \"postmaster\" is not an email address");
        row("tls.mode unknown", with(plan, { QStringLiteral("tls"), QStringLiteral("mode") }, QStringLiteral("acme")),
            "tls.mode: must be one of letsencrypt, existing, self-signed, not \"acme\"");
        row("tls.acme_server over plain HTTP",
            with(plan, { QStringLiteral("tls"), QStringLiteral("acme_server") }, QStringLiteral("http://127.0.0.1:14000/dir")),
            "tls.acme_server: must be an https:// address");
        row("tls.http_port out of range", with(plan, { QStringLiteral("tls"), QStringLiteral("http_port") }, 70000),
            "tls.http_port: must be a whole number from 1 to 65535");
        row("tls.email no address", with(plan, { QStringLiteral("tls"), QStringLiteral("email") }, QStringLiteral("me")),
            "tls.email: \"me\" is not an email address");
        row("tls existing without files",
            with(with(plan, { QStringLiteral("steps") }, QJsonArray { QStringLiteral("tls") }), { QStringLiteral("tls") },
                QJsonObject { { QStringLiteral("mode"), QStringLiteral("existing") } }),
            "tls.certificate: missing: the certificate file on the server");
        const QJsonObject backup = with(plan, { QStringLiteral("steps") }, QJsonArray { QStringLiteral("backup") });
        row("backup.remote over https",
            with(backup, { QStringLiteral("backup"), QStringLiteral("remote") }, QStringLiteral("https://github.com/me/mail.git")),
            "backup.remote: \"https://github.com/me/mail.git\" is not the SSH address of a git repository");
        row("backup without its passphrase", with(backup, { QStringLiteral("backup"), QStringLiteral("remote") }, QStringLiteral("git@github.com:me/mail.git")),
            "backup.passphrase_env: missing: the environment variable that holds the backup's passphrase");
        row("backup.encrypt not a boolean", with(backup, { QStringLiteral("backup"), QStringLiteral("encrypt") }, QStringLiteral("yes")),
            "backup.encrypt: must be true or false");
        row("backup.passphrase_env not a name",
            with(backup, { QStringLiteral("backup"), QStringLiteral("passphrase_env") }, QStringLiteral("MY PASSPHRASE")),
            "backup.passphrase_env: \"MY PASSPHRASE\" is not an environment variable name");
        const QJsonObject restore = with(plan, { QStringLiteral("steps") }, QJsonArray { QStringLiteral("install"), QStringLiteral("restore") });
        row("restore from nowhere", restore, "restore.from: missing: the git remote");
        row("restore from a zip", with(restore, { QStringLiteral("restore"), QStringLiteral("from") }, QStringLiteral("backup.zip")),
            "restore.from: \"backup.zip\" is neither the SSH address of a git repository nor a .tar.gz archive");
        row("restore with an unknown key", with(restore, { QStringLiteral("restore"), QStringLiteral("passphrase") }, QStringLiteral("x")),
            "restore.passphrase: unknown key");
        row("log lines negative", with(plan, { QStringLiteral("status"), QStringLiteral("log_lines") }, -1),
            "status.log_lines: must be a whole number from 0 to 10000");
    }

    void mistakesAreReportedWhereTheyAre()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        const auto plan = parsePlan(json);
        QVERIFY2(!plan.ok(), "the plan was accepted");
        QVERIFY2(plan.failure().message.contains(message),
            qPrintable(QStringLiteral("got: %1\nwanted: %2").arg(plan.failure().message, message)));
    }
};

QTEST_GUILESS_MAIN(PlanFileTest)
#include "tst_plan_file.moc"
