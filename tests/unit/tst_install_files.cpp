// The sans-IO parts of installing: editing postwrd.conf in place, the
// config the plan wants, the state script's answer, and aliases files.

#include "steps/config_edit.h"
#include "steps/forwarding_step.h"
#include "steps/install_files.h"

#include <QTest>

using namespace postwr::steps;

class InstallFilesTest : public QObject {
    Q_OBJECT

private slots:
    void setConfigValue_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("section");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");

        QTest::newRow("empty file, top-level key") << "" << "" << "hostname" << "mail.example.org"
                                                   << "hostname = mail.example.org\n";
        QTest::newRow("replaces a top-level key, keeps comments")
            << "# mine\nhostname = old\n\n[tls]\nkey = k.pem\n" << "" << "hostname" << "new.example"
            << "# mine\nhostname = new.example\n\n[tls]\nkey = k.pem\n";
        QTest::newRow("adds a top-level key after the others")
            << "# c\nhostname = h\n\n[listen]\nsmtp = 1\n" << "" << "spool" << "/s"
            << "# c\nhostname = h\nspool = /s\n\n[listen]\nsmtp = 1\n";
        QTest::newRow("adds a top-level key before the first section")
            << "# c\n\n[listen]\nsmtp = 1\n" << "" << "hostname" << "h" << "# c\nhostname = h\n\n[listen]\nsmtp = 1\n";
        QTest::newRow("a key of the same name in another section is not touched")
            << "[tls]\ncertificate = a\n\n[listen]\nsmtp = 1\n" << "listen" << "certificate" << "b"
            << "[tls]\ncertificate = a\n\n[listen]\nsmtp = 1\ncertificate = b\n";
        QTest::newRow("replaces in its section, spacing normalised")
            << "[listen]\n  smtp=0.0.0.0:25\nsubmission = x\n" << "listen" << "smtp" << "127.0.0.1:2525"
            << "[listen]\nsmtp = 127.0.0.1:2525\nsubmission = x\n";
        QTest::newRow("adds a missing section at the end")
            << "hostname = h\n\n\n" << "listen" << "smtp" << "127.0.0.1:25" << "hostname = h\n\n[listen]\nsmtp = 127.0.0.1:25\n";
        QTest::newRow("adds to an empty section") << "[listen]\n[tls]\nkey = k\n" << "listen" << "smtp" << "x"
                                                  << "[listen]\nsmtp = x\n[tls]\nkey = k\n";
        QTest::newRow("a [domain x] section is its own") << "[domain a.example]\nsenders = any\n" << "domain a.example"
                                                         << "senders" << "domain" << "[domain a.example]\nsenders = domain\n";
        QTest::newRow("commented-out key is left alone") << "[listen]\n# smtp = 1\n" << "listen" << "smtp" << "2"
                                                         << "[listen]\nsmtp = 2\n# smtp = 1\n";
    }

    void setConfigValue()
    {
        QFETCH(QString, text);
        QFETCH(QString, section);
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const QString changed = postwr::steps::setConfigValue(text, section, key, value);
        QCOMPARE(changed, expected);
        QCOMPARE(configValue(changed, section, key), value);
        // Setting it again changes nothing.
        QCOMPARE(postwr::steps::setConfigValue(changed, section, key, value), changed);
    }

    void listenValue_data()
    {
        QTest::addColumn<QString>("addresses");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("expected");
        QTest::newRow("system default: IPv4 and IPv6") << "" << int(InstallMode::System) << "0.0.0.0:25, [::]:25";
        QTest::newRow("user default: IPv4") << "" << int(InstallMode::User) << "0.0.0.0:25";
        QTest::newRow("given, both families") << "127.0.0.1, ::1" << int(InstallMode::User) << "127.0.0.1:25, [::1]:25";
    }

    void listenValue()
    {
        QFETCH(QString, addresses);
        QFETCH(int, mode);
        QFETCH(QString, expected);
        QCOMPARE(postwr::steps::listenValue(addresses, 25, InstallMode(mode)), expected);
    }

    void desiredConfigKeepsWhatTheUserWrote()
    {
        Plan plan;
        plan.hostname = QStringLiteral("mail.example.org");
        plan.install.listen = QStringLiteral("127.0.0.1");
        plan.install.ports = { 2525, 2587, 2465 };
        const RemoteLayout layout = RemoteLayout::user(QStringLiteral("~/postwr"), QStringLiteral("/home/u"));
        const QString fresh = desiredConfig({}, layout, plan);
        QCOMPARE(configValue(fresh, {}, QStringLiteral("hostname")), QStringLiteral("mail.example.org"));
        QCOMPARE(configValue(fresh, {}, QStringLiteral("spool")), QStringLiteral("/home/u/postwr/spool"));
        QCOMPARE(configValue(fresh, {}, QStringLiteral("maildir")), QStringLiteral("/home/u/postwr/mail"));
        QCOMPARE(configValue(fresh, QStringLiteral("listen"), QStringLiteral("submissions")), QStringLiteral("127.0.0.1:2465"));
        QCOMPARE(desiredConfig(fresh, layout, plan), fresh);

        const QString edited = fresh + QStringLiteral("\n[limits]\nmax_message_size = 20M\n");
        const QString again = desiredConfig(edited, layout, plan);
        QCOMPARE(again, edited);
        plan.hostname = QStringLiteral("mx.example.org");
        QCOMPARE(desiredConfig(edited, layout, plan),
            QString(edited).replace(QStringLiteral("hostname = mail.example.org"), QStringLiteral("hostname = mx.example.org")));
    }

    void desiredConfigAddsThePlansSettings()
    {
        Plan plan;
        plan.hostname = QStringLiteral("mail.example.org");
        plan.install.settings = { { QStringLiteral("dns.servers"), QStringLiteral("127.0.0.1:5353") },
            { QStringLiteral("max_message_size"), QStringLiteral("20M") } };
        const RemoteLayout layout = RemoteLayout::system();
        const QString text = desiredConfig(QStringLiteral("[dns]\nservers = 192.0.2.1:53\n"), layout, plan);
        QCOMPARE(configValue(text, QStringLiteral("dns"), QStringLiteral("servers")), QStringLiteral("127.0.0.1:5353"));
        QCOMPARE(configValue(text, {}, QStringLiteral("max_message_size")), QStringLiteral("20M"));
        QCOMPARE(text.count(QStringLiteral("[dns]")), 1);
        QCOMPARE(desiredConfig(text, layout, plan), text);
    }

    void layouts()
    {
        const RemoteLayout user = RemoteLayout::user(QStringLiteral("~/mail/"), QStringLiteral("/home/ann"));
        QCOMPARE(user.binary, QStringLiteral("/home/ann/mail/bin/postwrd"));
        QCOMPARE(user.configDir, QStringLiteral("/home/ann/mail/etc"));
        QCOMPARE(user.postwrdCommand(), QStringLiteral("'/home/ann/mail/bin/postwrd' --config '/home/ann/mail/etc'"));
        const RemoteLayout system = RemoteLayout::system();
        QCOMPARE(system.binary, QStringLiteral("/usr/local/bin/postwrd"));
        QCOMPARE(system.configDir, QStringLiteral("/etc/postwr"));
        QCOMPARE(system.unitFile, QStringLiteral("/etc/systemd/system/postwrd.service"));
    }

    void parseState_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("config");
        QTest::addColumn<QStringList>("domains");
        QTest::addColumn<QStringList>("conflicts");
        QTest::addColumn<bool>("running");
        QTest::addColumn<bool>("git");

        const QString m = QStringLiteral("@@postwr-state ");
        QTest::newRow("nothing installed") << m + "binary\n" + m + "helper\n" + m + "config\n" + m + "config-text\n" + m
                + "domains\n" + m + "certificate\n" + m + "running\n" + m + "end\n"
                                           << true << QString() << QStringList() << QStringList() << false << false;
        QTest::newRow("installed and running, config round-trips")
            << m + "binary\nabc\n" + m + "helper\ndef\n" + m + "config\nyes\n" + m + "config-text\nhostname = h\n\n[x]\n\n"
                + m + "domains\na.example\nb.example\n" + m + "certificate\nyes\n" + m + "running\nyes\n" + m + "end\n"
            << true << "hostname = h\n\n[x]\n" << QStringList { "a.example", "b.example" } << QStringList() << true << false;
        QTest::newRow("config without a final newline")
            << m + "config\nyes\n" + m + "config-text\nhostname = h\n" + m + "end\n" << true << "hostname = h\n" << QStringList()
            << QStringList() << false << false;
        QTest::newRow("system mode with Postfix running")
            << m + "conflicts\npostfix\nexim4\n" + m + "service-user\nyes\n" + m + "git\nyes\n" + m + "end\n" << true << QString()
            << QStringList() << QStringList { "postfix", "exim4" } << false << true;
        QTest::newRow("cut short") << m + "binary\nabc\n" + m + "helper\n" << false << QString() << QStringList()
                                   << QStringList() << false << false;
    }

    void parseState()
    {
        QFETCH(QString, output);
        QFETCH(bool, ok);
        QFETCH(QString, config);
        QFETCH(QStringList, domains);
        QFETCH(QStringList, conflicts);
        QFETCH(bool, running);
        QFETCH(bool, git);
        const auto state = postwr::steps::parseState(output);
        QCOMPARE(state.ok(), ok);
        if (!ok)
            return;
        QCOMPARE(state->config, config);
        QCOMPARE(state->domains, domains);
        QCOMPARE(state->conflictingMtas, conflicts);
        QCOMPARE(state->running, running);
        QCOMPARE(state->git, git);
    }

    void aliasesFileText_data()
    {
        QTest::addColumn<QList<AliasPlan>>("aliases");
        QTest::addColumn<QString>("lines"); // the file without its comment header, or the error
        QTest::addColumn<bool>("ok");
        QTest::newRow("catch-all goes last")
            << QList<AliasPlan> { { QStringLiteral("*"), { QStringLiteral("me@gmail.com") } },
                   { QStringLiteral("sales"), { QStringLiteral("me"), QStringLiteral("b@c.example") } } }
            << "sales: me, b@c.example\n*: me@gmail.com\n" << true;
        QTest::newRow("a pipe is refused") << QList<AliasPlan> { { QStringLiteral("x"), { QStringLiteral("| rm -rf /") } } }
                                           << "runs a command" << false;
        QTest::newRow("a bad target is refused by postwrd's own parser")
            << QList<AliasPlan> { { QStringLiteral("x"), { QStringLiteral("me gmail.com") } } }
            << "not valid: `me gmail.com` is not an address" << false;
    }

    void aliasesFileText()
    {
        QFETCH(QList<AliasPlan>, aliases);
        QFETCH(QString, lines);
        QFETCH(bool, ok);
        const auto text = postwr::steps::aliasesFileText(QStringLiteral("example.org"), aliases);
        QCOMPARE(text.ok(), ok);
        if (ok) {
            QVERIFY(text->startsWith(QLatin1Char('#')));
            QVERIFY2(text->endsWith(lines), qPrintable(*text));
        } else {
            QVERIFY2(text.failure().message.contains(lines), qPrintable(text.failure().message));
        }
    }
};

QTEST_GUILESS_MAIN(InstallFilesTest)
#include "tst_install_files.moc"
