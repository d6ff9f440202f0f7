// The per-domain users file: parsing, every error with its place, the
// UserDb operations, and the serialize/parse round trip.
#include "mail/users.h"

#include <QtTest>

using namespace postwr::mail;

namespace {

constexpr char hashA[] = "$scrypt$ln=14,r=8,p=1$c2FsdA$aGFzaA";
constexpr char hashB[] = "$scrypt$ln=15,r=8,p=1$b3RoZXI$b3RoZXJoYXNo";

QString describeErrors(const std::vector<Error> &errors)
{
    QStringList lines;
    for (const Error &e : errors)
        lines << QString::fromStdString(e.describe());
    return lines.join(QLatin1Char('\n'));
}

QStringList toStrings(const UserDb &db)
{
    QStringList out;
    for (const UserEntry &e : db.entries())
        out << QString::fromStdString(e.localPart + " " + e.passwordHash);
    return out;
}

} // namespace

class TestUsers : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void errors_data();
    void errors();
    void validateLocalPart_data();
    void validateLocalPart();
    void database();
    void roundTrip_data();
    void roundTrip();
};

void TestUsers::parse_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("users");

    QTest::newRow("an empty file has no users") << "" << QStringList{};
    QTest::newRow("comments and blank lines are skipped")
        << QString("# users\n\n   # indented comment\n\t\nalice %1\n").arg(hashA) << QStringList{QString("alice ") + hashA};
    QTest::newRow("names are lowercased, file order kept, tabs and CRLF accepted")
        << QString("Bob\t%1\r\n  ALICE   %2  \r\n").arg(hashA, hashB)
        << QStringList{QString("bob ") + hashA, QString("alice ") + hashB};
    QTest::newRow("UTF-8 names are kept, only ASCII is lowercased")
        << QString("Jösé %1\n").arg(hashA) << QStringList{QString("jösé ") + hashA};
    QTest::newRow("a last line without its line end is read")
        << QString("carol %1").arg(hashA) << QStringList{QString("carol ") + hashA};
}

void TestUsers::parse()
{
    QFETCH(QString, text);
    const Parsed<UserDb> parsed = parseUsers(text.toStdString());
    QVERIFY2(parsed.ok(), qPrintable(describeErrors(parsed.errors)));
    QTEST(toStrings(parsed.value), "users");
}

void TestUsers::errors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("errors"); // "LINE:COLUMN text the message contains"
    QTest::addColumn<QStringList>("users");  // what was still read

    QTest::newRow("a user without a hash")
        << "  alice\n" << QStringList{"1:8 has no password hash"} << QStringList{};
    QTest::newRow("a password in clear is refused at the password")
        << "alice  hunter2\n" << QStringList{"1:8 must start with '$'"} << QStringList{};
    QTest::newRow("text after the hash")
        << QString("alice %1 extra\n").arg(hashA) << QStringList{QString("1:%1 unexpected text").arg(qstrlen(hashA) + 8)}
        << QStringList{};
    QTest::newRow("a duplicate, in another case, points at the first")
        << QString("alice %1\n\nALICE %2\n").arg(hashA, hashB) << QStringList{"3:1 already defined on line 1"}
        << QStringList{QString("alice ") + hashA};
    QTest::newRow("'@' in a name is pointed at")
        << QString("bob@example.com %1\n").arg(hashA) << QStringList{"1:4 must not contain '@'"} << QStringList{};
    QTest::newRow("'%' in a name, after an indent")
        << QString("  bob%x %1\n").arg(hashA) << QStringList{"1:6 must not contain '%'"} << QStringList{};
    QTest::newRow("'!' in a name") << QString("x!bob %1\n").arg(hashA) << QStringList{"1:2 must not contain '!'"}
                                   << QStringList{};
    QTest::newRow("a quote in a name") << QString("\"bob\" %1\n").arg(hashA)
                                       << QStringList{"1:1 must not contain '\"'"} << QStringList{};
    QTest::newRow("a control character in a name")
        << QString("bo\x01" "b %1\n").arg(hashA) << QStringList{"1:3 control character 0x01"} << QStringList{};
    QTest::newRow("a name longer than 64 bytes")
        << QString(65, QLatin1Char('a')) + " " + hashA << QStringList{"1:1 longer than 64 bytes"} << QStringList{};
    QTest::newRow("every problem is reported and good lines still read")
        << QString("alice\nbob %1\ncarol x\nbob %1\n").arg(hashA)
        << QStringList{"1:6 has no password hash", "3:7 must start with '$'", "4:1 already defined on line 2"}
        << QStringList{QString("bob ") + hashA};
}

void TestUsers::errors()
{
    QFETCH(QString, text);
    QFETCH(QStringList, errors);
    const Parsed<UserDb> parsed = parseUsers(text.toStdString());
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
    QTEST(toStrings(parsed.value), "users");
}

void TestUsers::validateLocalPart_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("stored"); // empty when refused
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("message");

    QTest::newRow("lowercased") << "Alice.Smith+x" << "alice.smith+x" << 0 << "";
    QTest::newRow("64 bytes is the limit") << QString(64, QLatin1Char('a')) << QString(64, QLatin1Char('a')) << 0
                                           << "";
    QTest::newRow("empty") << "" << "" << 1 << "empty";
    QTest::newRow("a space") << "al ice" << "" << 3 << "spaces";
    QTest::newRow("a tab") << "al\tice" << "" << 3 << "0x09";
    QTest::newRow("DEL") << "alice\x7f" << "" << 6 << "0x7F";
    QTest::newRow("a colon, which the aliases file could not name") << "a:b" << "" << 2 << "':'";
    QTest::newRow("a comma, which the aliases file could not name") << "a,b" << "" << 2 << "','";
}

void TestUsers::validateLocalPart()
{
    QFETCH(QString, input);
    QFETCH(QString, stored);
    const Result<std::string> result = postwr::mail::validateLocalPart(input.toStdString());
    if (!stored.isEmpty()) {
        QVERIFY(result.ok());
        QCOMPARE(QString::fromStdString(*result), stored);
        return;
    }
    QVERIFY(!result.ok());
    QTEST(result.error().column, "column");
    QFETCH(QString, message);
    QVERIFY2(QString::fromStdString(result.error().message).contains(message),
             qPrintable(QString::fromStdString(result.error().message)));
}

void TestUsers::database()
{
    UserDb db;
    QVERIFY(db.add({"Alice", hashA}));
    QVERIFY(!db.add({"ALICE", hashB}));
    QVERIFY(db.add({"bob", hashB}));
    QCOMPARE(toStrings(db), (QStringList{QString("alice ") + hashA, QString("bob ") + hashB}));

    const UserEntry *alice = db.find("aLiCe");
    QVERIFY(alice);
    QCOMPARE(QString::fromStdString(alice->passwordHash), QString(hashA));
    // Lookup is exact apart from ASCII case: no suffix or dot magic here.
    QVERIFY(!db.find("alice+x"));
    QVERIFY(!db.find("a.lice"));

    QVERIFY(db.remove("BOB"));
    QVERIFY(!db.remove("bob"));
    QVERIFY(!db.find("bob"));
    QCOMPARE(db.entries().size(), std::size_t(1));
}

void TestUsers::roundTrip_data()
{
    QTest::addColumn<QStringList>("users"); // "name hash"

    QTest::newRow("no users") << QStringList{};
    QTest::newRow("one user") << QStringList{QString("alice ") + hashA};
    QTest::newRow("several users in their order, UTF-8 included")
        << QStringList{QString("zoe ") + hashA, QString("jösé ") + hashB, QString("a.b+c ") + hashA};
}

void TestUsers::roundTrip()
{
    QFETCH(QStringList, users);
    UserDb db;
    for (const QString &user : users)
        QVERIFY(db.add({user.section(' ', 0, 0).toStdString(), user.section(' ', 1).toStdString()}));

    const std::string text = serializeUsers(db);
    QVERIFY(text.starts_with("# "));
    const Parsed<UserDb> parsed = parseUsers(text);
    QVERIFY2(parsed.ok(), qPrintable(describeErrors(parsed.errors)));
    QVERIFY(parsed.value == db);
    QCOMPARE(toStrings(parsed.value), users);
}

QTEST_APPLESS_MAIN(TestUsers)
#include "tst_users.moc"
