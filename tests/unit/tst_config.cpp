// postwrd.conf: the INI layer (sections, entries, columns, syntax errors) and
// the config layer on top (every key, its default, every value error).
#include "mail/config.h"

#include <QtTest>

using namespace postwr::mail;

namespace {

QString describeErrors(const std::vector<Error> &errors)
{
    QStringList lines;
    for (const Error &e : errors)
        lines << QString::fromStdString(e.describe());
    return lines.join(QLatin1Char('\n'));
}

// Each expected error is "LINE:COLUMN text the message contains".
void compareErrors(const std::vector<Error> &errors, const QStringList &expected)
{
    QVERIFY2(errors.size() == static_cast<std::size_t>(expected.size()), qPrintable(describeErrors(errors)));
    for (qsizetype i = 0; i < expected.size(); ++i) {
        const QString where = expected[i].section(QLatin1Char(' '), 0, 0);
        const QString text = expected[i].section(QLatin1Char(' '), 1);
        const Error &error = errors[static_cast<std::size_t>(i)];
        QCOMPARE(error.line, where.section(QLatin1Char(':'), 0, 0).toInt());
        QCOMPARE(error.column, where.section(QLatin1Char(':'), 1, 1).toInt());
        QVERIFY2(QString::fromStdString(error.message).contains(text),
                 qPrintable(QString::fromStdString(error.message)));
    }
}

QStringList toStrings(const std::vector<ListenAddress> &addresses)
{
    QStringList out;
    for (const ListenAddress &a : addresses)
        out << QString::fromStdString(a.toString());
    return out;
}

Config parseValid(const QString &text, const QString &configDir = QStringLiteral("/etc/postwr"))
{
    const Parsed<Config> parsed = parseConfig(text.toStdString(), configDir.toStdString());
    if (!parsed.ok())
        qWarning().noquote() << describeErrors(parsed.errors);
    return parsed.value;
}

} // namespace

class TestConfig : public QObject {
    Q_OBJECT

private slots:
    void iniStructure();
    void iniErrors_data();
    void iniErrors();
    void defaults();
    void listen_data();
    void listen();
    void paths_data();
    void paths();
    void limits_data();
    void limits();
    void abuseLimits();
    void addresses_data();
    void addresses();
    void domains_data();
    void domains();
    void configErrors_data();
    void configErrors();
};

void TestConfig::iniStructure()
{
    const Parsed<IniDocument> parsed = parseIni("\xEF\xBB\xBFtop = 1\r\n"
                                                "\n"
                                                "  # comment\n"
                                                "; another comment\n"
                                                "[listen]\n"
                                                "  smtp   =   a = b # not a comment  \n"
                                                "empty =\n"
                                                "[domain  Example.com ]\n"
                                                "clé = ünïcode\n");
    QVERIFY2(parsed.ok(), qPrintable(describeErrors(parsed.errors)));
    const std::vector<IniSection> &sections = parsed.value.sections;
    QCOMPARE(sections.size(), 3u);

    QCOMPARE(sections[0].name, "");
    QCOMPARE(sections[0].line, 0);
    QCOMPARE(sections[0].entries.size(), 1u);
    QCOMPARE(sections[0].entries[0].key, "top");
    QCOMPARE(sections[0].entries[0].value, "1");
    QCOMPARE(sections[0].entries[0].valueColumn, 7);

    QCOMPARE(sections[1].name, "listen");
    QCOMPARE(sections[1].argument, "");
    QCOMPARE(sections[1].line, 5);
    QCOMPARE(sections[1].entries.size(), 2u);
    const IniEntry &smtp = sections[1].entries[0];
    QCOMPARE(smtp.key, "smtp");
    QCOMPARE(smtp.value, "a = b # not a comment");
    QCOMPARE(smtp.line, 6);
    QCOMPARE(smtp.keyColumn, 3);
    QCOMPARE(smtp.valueColumn, 14);
    QCOMPARE(sections[1].entries[1].value, "");
    QCOMPARE(sections[1].entries[1].valueColumn, 8);

    QCOMPARE(sections[2].name, "domain");
    QCOMPARE(sections[2].argument, "Example.com");
    QCOMPARE(sections[2].entries[0].key, "clé");
    QCOMPARE(sections[2].entries[0].value, "ünïcode");
    // Columns count characters, not bytes: "clé = " is 6 characters.
    QCOMPARE(sections[2].entries[0].valueColumn, 7);
}

void TestConfig::iniErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("errors");

    QTest::newRow("a line without '=' is refused at its first character")
        << "a = 1\n   just words\n" << QStringList{"2:4 expected `key = value`"};
    QTest::newRow("a key cannot be empty")
        << "  = value\n" << QStringList{"1:3 missing key"};
    QTest::newRow("a section header needs its closing bracket")
        << "[listen\nsmtp = 0.0.0.0:25\n" << QStringList{"1:1 closing ']'"};
    QTest::newRow("nothing may follow a section header")
        << "[tls] certificate = x\n" << QStringList{"1:7 unexpected text"};
    QTest::newRow("a section header needs a name")
        << "[  ]\n" << QStringList{"1:1 no name"};
    QTest::newRow("the same key twice in one section is refused on the second")
        << "[tls]\nkey = a\n\nkey = b\n" << QStringList{"4:1 already set on line 2"};
    QTest::newRow("the same section header twice is refused")
        << "[tls]\n[listen]\n[tls]\n" << QStringList{"3:1 already appeared on line 1"};
    QTest::newRow("all problems are reported, in order")
        << "oops\n[x\n= 1\n" << QStringList{"1:1 expected", "2:1 closing ']'", "3:1 missing key"};
    QTest::newRow("columns after UTF-8 text count characters")
        << "[domain é.example] x\n" << QStringList{"1:20 unexpected text"};
}

void TestConfig::iniErrors()
{
    QFETCH(QString, text);
    QFETCH(QStringList, errors);
    compareErrors(parseIni(text.toStdString()).errors, errors);
}

void TestConfig::defaults()
{
    const Parsed<Config> parsed = parseConfig("hostname = Mail.Example.com\n", "/etc/postwr/");
    QVERIFY2(parsed.ok(), qPrintable(describeErrors(parsed.errors)));
    const Config &c = parsed.value;
    QCOMPARE(c.hostname, "mail.example.com");
    QCOMPARE(toStrings(c.smtp), (QStringList{"0.0.0.0:25", "[::]:25"}));
    QCOMPARE(toStrings(c.submission), (QStringList{"0.0.0.0:587", "[::]:587"}));
    QCOMPARE(toStrings(c.submissions), (QStringList{"0.0.0.0:465", "[::]:465"}));
    QCOMPARE(c.tlsCertificate, "/etc/postwr/tls/cert.pem");
    QCOMPARE(c.tlsKey, "/etc/postwr/tls/key.pem");
    QCOMPARE(c.spool, "/var/spool/postwr");
    QCOMPARE(c.maildir, "/var/lib/postwr/mail");
    QCOMPARE(c.maxMessageSize, 50u * 1024 * 1024);
    QCOMPARE(c.maxRecipients, 100u);
    QCOMPARE(c.maxErrors, 10);
    QCOMPARE(c.commandTimeout.count(), 300);
    QCOMPARE(c.suffixSeparators, "+");
    QCOMPARE(c.dropCharacters, ".");
    QVERIFY(c.domains.empty());
}

void TestConfig::listen_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("one IPv4 address on a high port")
        << "smtp" << "127.0.0.1:2525" << QStringList{"127.0.0.1:2525"};
    QTest::newRow("IPv6 loopback in brackets")
        << "submission" << "[::1]:10587" << QStringList{"[::1]:10587"};
    QTest::newRow("a list with blanks around the commas")
        << "submissions" << " 0.0.0.0:465 ,  [::]:465 " << QStringList{"0.0.0.0:465", "[::]:465"};
    QTest::newRow("an empty value means do not listen")
        << "smtp" << "" << QStringList{};
    QTest::newRow("the highest port")
        << "smtp" << "192.0.2.1:65535" << QStringList{"192.0.2.1:65535"};
}

void TestConfig::listen()
{
    QFETCH(QString, key);
    QFETCH(QString, value);
    QFETCH(QStringList, expected);
    const Config c = parseValid("hostname = mx.example.com\n[listen]\n" + key + " = " + value + "\n");
    const std::vector<ListenAddress> &list = key == "smtp" ? c.smtp : key == "submission" ? c.submission
                                                                                          : c.submissions;
    QCOMPARE(toStrings(list), expected);
    // The other listeners keep their defaults.
    if (key != "smtp")
        QCOMPARE(c.smtp.size(), 2u);
}

void TestConfig::paths_data()
{
    QTest::addColumn<QString>("configDir");
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("spool");
    QTest::addColumn<QString>("maildir");
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("key");

    QTest::newRow("absolute paths are kept")
        << "/etc/postwr" << "spool = /srv/q\nmaildir = /srv/m\n[tls]\ncertificate = /a/c.pem\nkey = /a/k.pem\n"
        << "/srv/q" << "/srv/m" << "/a/c.pem" << "/a/k.pem";
    QTest::newRow("relative paths are under the config directory")
        << "/home/me/postwr/" << "spool = spool\nmaildir = mail/boxes\n[tls]\ncertificate = c.pem\nkey = k.pem\n"
        << "/home/me/postwr/spool" << "/home/me/postwr/mail/boxes" << "/home/me/postwr/c.pem"
        << "/home/me/postwr/k.pem";
    QTest::newRow("TLS files default to the config directory's tls/")
        << "/opt/p" << ""
        << "/var/spool/postwr" << "/var/lib/postwr/mail" << "/opt/p/tls/cert.pem" << "/opt/p/tls/key.pem";
}

void TestConfig::paths()
{
    QFETCH(QString, configDir);
    QFETCH(QString, lines);
    const Config c = parseValid("hostname = mx.example.com\n" + lines, configDir);
    QTEST(QString::fromStdString(c.spool), "spool");
    QTEST(QString::fromStdString(c.maildir), "maildir");
    QTEST(QString::fromStdString(c.tlsCertificate), "certificate");
    QTEST(QString::fromStdString(c.tlsKey), "key");
}

void TestConfig::limits_data()
{
    QTest::addColumn<QString>("lines");
    QTest::addColumn<quint64>("maxMessageSize");
    QTest::addColumn<quint64>("maxRecipients");
    QTest::addColumn<int>("maxErrors");
    QTest::addColumn<qint64>("commandTimeout");

    QTest::newRow("plain bytes and numbers")
        << "max_message_size = 1000\nmax_recipients = 5\nmax_errors = 3\ncommand_timeout = 60\n"
        << Q_UINT64_C(1000) << Q_UINT64_C(5) << 3 << Q_INT64_C(60);
    QTest::newRow("K is 1024 bytes") << "max_message_size = 64K\n" << Q_UINT64_C(65536) << Q_UINT64_C(100) << 10
                                     << Q_INT64_C(300);
    QTest::newRow("M is 1024 K") << "max_message_size = 10M\n" << Q_UINT64_C(10485760) << Q_UINT64_C(100) << 10
                                 << Q_INT64_C(300);
    QTest::newRow("lowercase g is 1024 M") << "max_message_size = 2g\n" << Q_UINT64_C(2147483648)
                                           << Q_UINT64_C(100) << 10 << Q_INT64_C(300);
    QTest::newRow("fewer recipients than RFC 5321 asks for is allowed")
        << "max_recipients = 1\n" << Q_UINT64_C(52428800) << Q_UINT64_C(1) << 10 << Q_INT64_C(300);
}

void TestConfig::limits()
{
    QFETCH(QString, lines);
    const Config c = parseValid("hostname = mx.example.com\n[limits]\n" + lines);
    QTEST(quint64(c.maxMessageSize), "maxMessageSize");
    QTEST(quint64(c.maxRecipients), "maxRecipients");
    QTEST(c.maxErrors, "maxErrors");
    QTEST(qint64(c.commandTimeout.count()), "commandTimeout");
}

void TestConfig::abuseLimits()
{
    const Config defaults = parseValid("hostname = mx.example.com\n");
    QCOMPARE(defaults.sessionTimeout.count(), 1800);
    QCOMPARE(defaults.maxConnections, std::size_t{1000});
    QCOMPARE(defaults.maxConnectionsPerClient, std::size_t{20});
    QCOMPARE(defaults.maxCommandsPerMinute, 100);
    QCOMPARE(defaults.loginLimits.failures, 5);
    QCOMPARE(defaults.loginLimits.block.count(), 900);

    const Config c = parseValid("hostname = mx.example.com\n[limits]\nsession_timeout = 10m\nconnections = 50\n"
                                "connections_per_client = 4\ncommands_per_minute = 120\nauth_failures = 3\n"
                                "auth_block = 1h\n");
    QCOMPARE(c.sessionTimeout.count(), 600);
    QCOMPARE(c.maxConnections, std::size_t{50});
    QCOMPARE(c.maxConnectionsPerClient, std::size_t{4});
    QCOMPARE(c.maxCommandsPerMinute, 120);
    QCOMPARE(c.loginLimits.failures, 3);
    QCOMPARE(c.loginLimits.block.count(), 3600);
}

void TestConfig::addresses_data()
{
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QString>("suffixSeparators");
    QTest::addColumn<QString>("dropCharacters");

    QTest::newRow("several separators, no drop characters")
        << "suffix_separators = +-\ndrop_characters =\n" << "+-" << "";
    QTest::newRow("no suffixes, dots and underscores dropped")
        << "suffix_separators =\ndrop_characters = ._\n" << "" << "._";
}

void TestConfig::addresses()
{
    QFETCH(QString, lines);
    const Config c = parseValid("hostname = mx.example.com\n[addresses]\n" + lines);
    QTEST(QString::fromStdString(c.suffixSeparators), "suffixSeparators");
    QTEST(QString::fromStdString(c.dropCharacters), "dropCharacters");
}

void TestConfig::domains_data()
{
    QTest::addColumn<QString>("lines");
    QTest::addColumn<QStringList>("expected"); // "domain policy"

    QTest::newRow("each policy, domain names lowercased")
        << "[domain a.example]\nsenders = domain\n[domain B.Example]\nsenders = account\n"
           "[domain c.example]\nsenders = any\n"
        << QStringList{"a.example domain", "b.example account", "c.example any"};
    QTest::newRow("a domain section without keys gets the defaults")
        << "[domain a.example]\n" << QStringList{"a.example domain"};
}

void TestConfig::domains()
{
    QFETCH(QString, lines);
    QFETCH(QStringList, expected);
    const Config c = parseValid("hostname = mx.example.com\n" + lines);
    QStringList actual;
    for (const auto &[domain, settings] : c.domains) {
        const char *policy = settings.senders == SenderPolicy::Domain    ? "domain"
                             : settings.senders == SenderPolicy::Account ? "account"
                                                                         : "any";
        actual << QString::fromStdString(domain) + " " + policy;
    }
    QCOMPARE(actual, expected);
}

void TestConfig::configErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("errors");

    const QString host = QStringLiteral("hostname = mx.example.com\n");
    QTest::newRow("an empty file lacks the hostname") << "" << QStringList{"1:0 `hostname` is required"};
    QTest::newRow("a hostname must be a DNS name")
        << "hostname = mx_1.example.com\n" << QStringList{"1:12 DNS name"};
    QTest::newRow("a hostname label cannot end with a hyphen")
        << "hostname = mx-.example.com\n" << QStringList{"1:12 DNS name"};
    QTest::newRow("a hostname cannot have an empty label")
        << "hostname = mx..example.com\n" << QStringList{"1:12 DNS name"};
    QTest::newRow("unknown top-level key, at the key")
        << host + "  hostnme = x\n" << QStringList{"2:3 unknown key `hostnme` at the top level"};
    QTest::newRow("unknown section, and its keys are not reported one by one")
        << host + "[listener]\nsmtp = 1.2.3.4:25\n" << QStringList{"2:1 unknown section [listener]"};
    QTest::newRow("unknown key in a known section")
        << host + "[tls]\ncert = x\n" << QStringList{"3:1 unknown key `cert` in [tls]"};
    QTest::newRow("a plain section takes no argument")
        << host + "[tls main]\n" << QStringList{"2:1 takes no argument"};
    QTest::newRow("a listen address needs a port")
        << host + "[listen]\nsmtp = 0.0.0.0\n" << QStringList{"3:8 has no port"};
    QTest::newRow("a listen address is an IP, not a name")
        << host + "[listen]\nsmtp = localhost:25\n" << QStringList{"3:8 not an IPv4 address"};
    QTest::newRow("a bad second address is pointed at")
        << host + "[listen]\nsmtp = 0.0.0.0:25,  [::1:25\n" << QStringList{"3:21 closing ']'"};
    QTest::newRow("IPv6 without brackets is refused")
        << host + "[listen]\nsubmission = ::1:587\n" << QStringList{"3:14 brackets"};
    QTest::newRow("a bracketed IPv4 address is not IPv6")
        << host + "[listen]\nsubmission = [127.0.0.1]:587\n" << QStringList{"3:14 not an IPv6 address"};
    QTest::newRow("port zero is refused")
        << host + "[listen]\nsmtp = 127.0.0.1:0\n" << QStringList{"3:8 from 1 to 65535"};
    QTest::newRow("a port above 65535 is refused")
        << host + "[listen]\nsmtp = 127.0.0.1:65536\n" << QStringList{"3:8 from 1 to 65535"};
    QTest::newRow("an empty item in a list is refused")
        << host + "[listen]\nsmtp = 127.0.0.1:25,,[::1]:25\n" << QStringList{"3:21 empty address"};
    QTest::newRow("two listeners on one address are refused at the second")
        << host + "[listen]\nsmtp = 127.0.0.1:2525\nsubmission = [::1]:2587, 127.0.0.1:2525\n"
        << QStringList{"4:26 already used by `smtp`"};
    QTest::newRow("a path cannot be empty") << host + "spool =\n" << QStringList{"2:8 must not be empty"};
    QTest::newRow("a message size is a number")
        << host + "[limits]\nmax_message_size = lots\n" << QStringList{"3:20 `max_message_size`"};
    QTest::newRow("a message size has one known suffix")
        << host + "[limits]\nmax_message_size = 10T\n" << QStringList{"3:20 `max_message_size`"};
    QTest::newRow("a message size cannot be zero")
        << host + "[limits]\nmax_message_size = 0M\n" << QStringList{"3:20 `max_message_size`"};
    QTest::newRow("a message size cannot overflow")
        << host + "[limits]\nmax_message_size = 99999999999999999G\n" << QStringList{"3:20 `max_message_size`"};
    QTest::newRow("a recipient limit cannot be zero")
        << host + "[limits]\nmax_recipients = 0\n" << QStringList{"3:18 `max_recipients` must be a whole number"};
    QTest::newRow("an error limit is not negative")
        << host + "[limits]\nmax_errors = -1\n" << QStringList{"3:14 `max_errors` must be a whole number"};
    QTest::newRow("a timeout has no unit")
        << host + "[limits]\ncommand_timeout = 5m\n" << QStringList{"3:19 `command_timeout` must be a whole"};
    QTest::newRow("connections are counted from 1")
        << host + "[limits]\nconnections_per_client = 0\n" << QStringList{"3:26 `connections_per_client` must be a whole number"};
    QTest::newRow("a session time limit is a duration")
        << host + "[limits]\nsession_timeout = soon\n" << QStringList{"3:19 `session_timeout` must be a duration"};
    QTest::newRow("a login block is a duration")
        << host + "[limits]\nauth_block = -5m\n" << QStringList{"3:14 `auth_block` must be a duration"};
    QTest::newRow("a number cannot exceed its type")
        << host + "[limits]\nmax_errors = 99999999999\n" << QStringList{"3:14 from 1 to 2147483647"};
    QTest::newRow("'@' cannot be a suffix separator, pointed at")
        << host + "[addresses]\nsuffix_separators = +@\n" << QStringList{"3:22 may only contain"};
    QTest::newRow("'*' cannot be a drop character, as it names the catch-all")
        << host + "[addresses]\ndrop_characters = *\n" << QStringList{"3:19 may only contain"};
    QTest::newRow("a domain section needs a domain")
        << host + "[domain]\n" << QStringList{"2:1 needs the domain's name"};
    QTest::newRow("a domain section needs a valid domain")
        << host + "[domain exa mple]\n" << QStringList{"2:1 not a valid domain name"};
    QTest::newRow("one domain cannot have two sections, whatever the case")
        << host + "[domain a.example]\n[domain A.example]\n" << QStringList{"3:1 two [domain] sections"};
    QTest::newRow("the same domain header twice is reported once")
        << host + "[domain a.example]\n[domain a.example]\n" << QStringList{"3:1 already appeared on line 2"};
    QTest::newRow("a sender policy is one of three words")
        << host + "[domain a.example]\nsenders = anyone\n" << QStringList{"3:11 `domain`, `account` or `any`"};
    QTest::newRow("unknown key in a domain section")
        << host + "[domain a.example]\nsender = any\n" << QStringList{"3:1 unknown key `sender`"};
    QTest::newRow("syntax and value problems are all reported, in line order")
        << "[limits]\nmax_errors = x\nbroken line\n[listen]\nsmtp = 1.2.3.4\n"
        << QStringList{"1:0 `hostname` is required", "2:14 `max_errors`", "3:1 expected `key = value`",
                       "5:8 has no port"};
}

void TestConfig::configErrors()
{
    QFETCH(QString, text);
    QFETCH(QStringList, errors);
    compareErrors(parseConfig(text.toStdString(), "/etc/postwr").errors, errors);
}

QTEST_APPLESS_MAIN(TestConfig)
#include "tst_config.moc"
