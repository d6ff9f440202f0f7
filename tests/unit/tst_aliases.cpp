// The per-domain aliases file, in chasquid's syntax: what each line becomes,
// and every error with its line and column.
#include "mail/aliases.h"

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

// One string per alias: "[LINE] name -> target, target", a pipe as "| command".
QStringList toStrings(const AliasFile &file)
{
    QStringList out;
    for (const auto &[name, targets] : file.entries) {
        QStringList values;
        for (const AliasTarget &t : targets)
            values << (t.kind == AliasTarget::Kind::Pipe ? "| " : "") + QString::fromStdString(t.value);
        const int line = targets.empty() ? 0 : targets.front().line;
        out << QStringLiteral("[%1] %2 -> %3").arg(line).arg(QString::fromStdString(name), values.join(", "));
    }
    return out;
}

} // namespace

class TestAliases : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
};

void TestAliases::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QStringList>("aliases");

    QTest::newRow("an empty file has no aliases") << "" << "example.com" << QStringList{};
    QTest::newRow("chasquid's documented example: local and remote targets")
        << "# Redirect mail to pepe@ to jose@ on the same domain.\n"
           "pepe: jose\n"
           "\n"
           "# Redirect mail to flowers@ to the individual flowers.\n"
           "flowers: rose@backgarden, lilly@pond\n"
        << "example.com"
        << QStringList{"[5] flowers -> rose@backgarden, lilly@pond", "[2] pepe -> jose@example.com"};
    QTest::newRow("a pipe alias keeps its command with its arguments")
        << "user: | /usr/bin/email-handler --work\nnull: |cat\n" << "example.com"
        << QStringList{"[2] null -> | cat", "[1] user -> | /usr/bin/email-handler --work"};
    QTest::newRow("a catch-all to a local user and a remote address")
        << "pepe: jose\n\n*: pepe, rose@backgarden\n" << "example.com"
        << QStringList{"[3] * -> pepe@example.com, rose@backgarden", "[1] pepe -> jose@example.com"};
    QTest::newRow("a catch-all forwarding to the same local part elsewhere")
        << "*: *@pond\n" << "example.com" << QStringList{"[1] * -> *@pond"};
    QTest::newRow("a catch-all to gmail") << "*: someone@gmail.com\n" << "example.com"
                                         << QStringList{"[1] * -> someone@gmail.com"};
    QTest::newRow("the same name twice: the later line wins, as in chasquid")
        << "pepe: juan\npepe: jose\n" << "example.com" << QStringList{"[2] pepe -> jose@example.com"};
    QTest::newRow("empty items are skipped, so a trailing comma is fine")
        << "a: b,\nc: , d ,, e\n" << "example.com"
        << QStringList{"[1] a -> b@example.com", "[2] c -> d@example.com, e@example.com"};
    QTest::newRow("names and domains are lowercased, target local parts are kept")
        << "Pepe: Jose@Example.COM, Juan\n" << "Example.Org"
        << QStringList{"[1] pepe -> Jose@example.com, Juan@example.org"};
    QTest::newRow("drop characters and suffixes are kept in names: lookup handles them")
        << "juana.perez: juana\njuana.perez+fruta: fruta\n" << "example.com"
        << QStringList{"[1] juana.perez -> juana@example.com", "[2] juana.perez+fruta -> fruta@example.com"};
    QTest::newRow("blanks around every part, CRLF and tabs")
        << "  a  :\t b  ,  c@x.example  \r\n\t# comment\r\n" << "example.com"
        << QStringList{"[1] a -> b@example.com, c@x.example"};
    QTest::newRow("UTF-8 names and targets")
        << "josé: ñandú, 用户@例子.广告\n" << "example.com"
        << QStringList{"[1] josé -> ñandú@example.com, 用户@例子.广告"};
    QTest::newRow("the last '@' separates the domain of a target")
        << "a: x@y@example.net\n" << "example.com" << QStringList{"[1] a -> x@y@example.net"};
}

void TestAliases::parse()
{
    QFETCH(QString, text);
    QFETCH(QString, domain);
    const Parsed<AliasFile> parsed = parseAliases(text.toStdString(), domain.toStdString());
    QVERIFY2(parsed.ok(), qPrintable(describeErrors(parsed.errors)));
    QTEST(toStrings(parsed.value), "aliases");
}

void TestAliases::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("errors"); // "LINE:COLUMN text the message contains"
    QTest::addColumn<QStringList>("aliases"); // what was still read

    QTest::newRow("a line without ':'")
        << "ok: a\n  just words\n" << QStringList{"2:3 no ':'"} << QStringList{"[1] ok -> a@example.com"};
    QTest::newRow("a line without a name") << " : a\n" << QStringList{"1:2 missing the user name"}
                                           << QStringList{};
    QTest::newRow("a line without targets, at the colon") << "abc:\n" << QStringList{"1:4 missing the addresses"}
                                                          << QStringList{};
    QTest::newRow("a line with only commas has no targets")
        << "abc: , ,\n" << QStringList{"1:4 missing the addresses"} << QStringList{};
    QTest::newRow("a name with a domain") << "a@example.com: b\n" << QStringList{"1:1 without '@'"}
                                          << QStringList{};
    QTest::newRow("a name with a space, pointed at") << "  a b: c\n" << QStringList{"1:4 spaces"}
                                                     << QStringList{};
    QTest::newRow("a name with '%' is never routing") << "a%b: c\n" << QStringList{"1:2 '%'"} << QStringList{};
    QTest::newRow("a name with '!' is never routing") << "b!a: c\n" << QStringList{"1:2 '!'"} << QStringList{};
    QTest::newRow("a name with a quote") << "\"a\": c\n" << QStringList{"1:1 '\"'"} << QStringList{};
    QTest::newRow("a pipe without a command") << "a: |  \n" << QStringList{"1:4 missing its command"}
                                              << QStringList{};
    QTest::newRow("targets separated by a space, not a comma")
        << "a: b c\n" << QStringList{"1:4 separated by commas"} << QStringList{};
    QTest::newRow("a target without a domain after '@'")
        << "a: b, x@\n" << QStringList{"1:7 not a complete address"} << QStringList{};
    QTest::newRow("a target without a local part")
        << "a: @example.net\n" << QStringList{"1:4 not a complete address"} << QStringList{};
    QTest::newRow("chasquid's forwarding via chosen servers is refused, at the item")
        << "a: b,  c@example.net via smtp.example.net\n" << QStringList{"1:8 `via`"} << QStringList{};
    QTest::newRow("every problem is reported; good lines are kept, bad ones dropped")
        << "x\ngood: g\nbad: b c, d e\nalso: | \n"
        << QStringList{"1:1 no ':'", "3:6 separated by commas", "3:11 separated by commas",
                       "4:7 missing its command"}
        << QStringList{"[2] good -> g@example.com"};
    QTest::newRow("columns count characters in UTF-8 lines")
        << "ñandú: a b\n" << QStringList{"1:8 separated by commas"} << QStringList{};
}

void TestAliases::errors()
{
    QFETCH(QString, text);
    QFETCH(QStringList, errors);
    const Parsed<AliasFile> parsed = parseAliases(text.toStdString(), "example.com");
    QVERIFY2(parsed.errors.size() == static_cast<std::size_t>(errors.size()),
             qPrintable(describeErrors(parsed.errors)));
    for (qsizetype i = 0; i < errors.size(); ++i) {
        const Error &error = parsed.errors[static_cast<std::size_t>(i)];
        const QString where = errors[i].section(QLatin1Char(' '), 0, 0);
        QCOMPARE(error.line, where.section(QLatin1Char(':'), 0, 0).toInt());
        QCOMPARE(error.column, where.section(QLatin1Char(':'), 1, 1).toInt());
        QVERIFY2(QString::fromStdString(error.message).contains(errors[i].section(QLatin1Char(' '), 1)),
                 qPrintable(QString::fromStdString(error.message)));
    }
    QTEST(toStrings(parsed.value), "aliases");
}

QTEST_APPLESS_MAIN(TestAliases)
#include "tst_aliases.moc"
