// Address resolution over the local domains: users, aliases, catch-all,
// suffixes and drop characters, loops and limits, and above all that a
// local part never routes mail to another domain (no open relay).
#include "mail/directory.h"

#include <QtTest>

using namespace postwr::mail;

namespace {

constexpr char hash[] = "$scrypt$ln=14,r=8,p=1$c2FsdA$aGFzaA";

UserDb makeUsers(const QString &names)
{
    UserDb users;
    for (const QString &name : names.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        users.add({name.toStdString(), hash});
    return users;
}

AliasFile makeAliases(const QString &text, const char *domain)
{
    Parsed<AliasFile> parsed = parseAliases(text.toStdString(), domain);
    if (!parsed.ok())
        qFatal("bad aliases in the test itself: %s", parsed.errors.front().describe().c_str());
    return parsed.value;
}

// example.com is the domain under test; example.org is a second local
// domain, with a user and an alias of its own.
Directory makeDirectory(const QString &users, const QString &aliases, const QString &separators = "+",
                        const QString &drops = ".")
{
    Directory directory(separators.toStdString(), drops.toStdString());
    directory.addDomain("Example.COM", makeUsers(users), makeAliases(aliases, "example.com"));
    directory.addDomain("example.org", makeUsers("carol"),
                        makeAliases("team: alice@example.com, carol\n", "example.org"),
                        DomainSettings{SenderPolicy::Account});
    return directory;
}

// "local alice@example.com", "remote someone@gmail.com", or "error: MESSAGE".
QStringList resolveToStrings(const Directory &directory, const QString &address)
{
    const qsizetype at = address.lastIndexOf(QLatin1Char('@'));
    const Result<std::vector<Recipient>> result =
        directory.resolve(address.left(at).toStdString(), address.mid(at + 1).toStdString());
    if (!result)
        return {"error: " + QString::fromStdString(result.error().message)};
    QStringList out;
    for (const Recipient &r : *result)
        out << (r.kind == Recipient::Kind::Local ? "local " : "remote ") + QString::fromStdString(r.address());
    return out;
}

QString aliasChain(int aliases)
{
    QString text;
    for (int i = 0; i < aliases - 1; ++i)
        text += QStringLiteral("a%1: a%2\n").arg(i).arg(i + 1);
    return text + QStringLiteral("a%1: alice\n").arg(aliases - 1);
}

} // namespace

class TestDirectory : public QObject {
    Q_OBJECT

private slots:
    void resolve_data();
    void resolve();
    void domains();
    void findUserIsExact();
};

void TestDirectory::resolve_data()
{
    QTest::addColumn<QString>("users");
    QTest::addColumn<QString>("aliases");
    QTest::addColumn<QString>("drops");
    QTest::addColumn<QString>("address");
    QTest::addColumn<QStringList>("expected");

    const QString noSuchUser = QStringLiteral("error: no such user here");

    // Users, suffixes and drop characters.
    QTest::newRow("a user gets its mail") << "alice" << "" << "." << "alice@example.com"
                                          << QStringList{"local alice@example.com"};
    QTest::newRow("local part and domain are case-insensitive")
        << "alice" << "" << "." << "ALICE@Example.Com" << QStringList{"local alice@example.com"};
    QTest::newRow("a suffix is cut for lookup: i+news reaches i")
        << "i" << "" << "." << "i+news@example.com" << QStringList{"local i@example.com"};
    QTest::newRow("j.doe reaches jdoe when '.' is a drop character")
        << "jdoe" << "" << "." << "j.doe@example.com" << QStringList{"local jdoe@example.com"};
    QTest::newRow("j.doe is unknown when nothing is dropped")
        << "jdoe" << "" << "" << "j.doe@example.com" << QStringList{noSuchUser};
    QTest::newRow("an account named with a dot gets mail without it, under its own name")
        << "j.doe" << "" << "." << "JDoe+x@example.com" << QStringList{"local j.doe@example.com"};
    QTest::newRow("an unknown user without a catch-all is refused")
        << "alice" << "" << "." << "bob@example.com" << QStringList{noSuchUser};

    // Aliases.
    QTest::newRow("an alias to several users")
        << "alice bob" << "team: alice, bob\n" << "." << "team@example.com"
        << QStringList{"local alice@example.com", "local bob@example.com"};
    QTest::newRow("an alias to a remote gmail address")
        << "" << "me: Some.One@gmail.com\n" << "." << "me@example.com" << QStringList{"remote Some.One@gmail.com"};
    QTest::newRow("an alias through another local domain's alias, duplicates removed")
        << "alice" << "x: alice, team@example.org, r@remote.example\n" << "." << "x@example.com"
        << QStringList{"local alice@example.com", "local carol@example.org", "remote r@remote.example"};
    QTest::newRow("an alias name is matched with suffix and drop characters")
        << "alice" << "sales.team: alice\n" << "." << "SalesTeam+q3@example.com"
        << QStringList{"local alice@example.com"};
    QTest::newRow("an alias with the suffix wins over the one without")
        << "juana fruta" << "juana.perez: juana\njuana.perez+fruta: fruta\n" << "." << "juanaperez+fruta@example.com"
        << QStringList{"local fruta@example.com"};
    QTest::newRow("without a matching suffix alias, the plain alias applies")
        << "juana fruta" << "juana.perez: juana\njuana.perez+fruta: fruta\n" << "." << "ju.ana.pe.rez+abc@example.com"
        << QStringList{"local juana@example.com"};
    QTest::newRow("a diamond of aliases is not a loop")
        << "alice" << "a: b, c\nb: alice\nc: alice\n" << "." << "a@example.com"
        << QStringList{"local alice@example.com"};
    QTest::newRow("pipe targets are skipped")
        << "alice" << "both: alice, pipe\npipe: | /usr/bin/handler\n" << "." << "both@example.com"
        << QStringList{"local alice@example.com"};
    QTest::newRow("an alias that only pipes is an error, not a silent loss")
        << "" << "null: | cat\n" << "." << "null@example.com"
        << QStringList{"error: mail to null@example.com would only go to commands, which postwrd does not run"};
    QTest::newRow("an alias to an unknown local user is an error naming the alias")
        << "" << "a: ghost\n" << "." << "a@example.com"
        << QStringList{"error: alias a@example.com leads to ghost@example.com, which is no user here"};

    // Catch-all and precedence.
    QTest::newRow("the catch-all takes unknown local parts")
        << "alice" << "*: alice\n" << "." << "anything+x@example.com" << QStringList{"local alice@example.com"};
    QTest::newRow("a catch-all forwarding to gmail")
        << "" << "*: someone@gmail.com\n" << "." << "nobody@example.com" << QStringList{"remote someone@gmail.com"};
    QTest::newRow("an alias takes precedence over a user of the same name")
        << "alice bob" << "alice: bob\n*: alice\n" << "." << "alice@example.com"
        << QStringList{"local bob@example.com"};
    QTest::newRow("a user takes precedence over the catch-all")
        << "alice bob" << "*: bob\n" << "." << "alice@example.com" << QStringList{"local alice@example.com"};
    QTest::newRow("an alias to an unknown local user falls to the catch-all")
        << "alice" << "a: ghost\n*: alice\n" << "." << "a@example.com" << QStringList{"local alice@example.com"};
    QTest::newRow("a catch-all '*' target keeps the local part as sent")
        << "" << "*: *@example.org\n" << "." << "Carol+x@example.com" << QStringList{"local carol@example.org"};

    // Never an open relay: routing syntax in a local part is only a name.
    QTest::newRow("percent hack without catch-all is an unknown user")
        << "user" << "" << "." << "user%ext.com@example.com" << QStringList{noSuchUser};
    QTest::newRow("percent hack with a catch-all stays local")
        << "alice" << "*: alice\n" << "." << "user%ext.com@example.com" << QStringList{"local alice@example.com"};
    QTest::newRow("quoted local part with '@' without catch-all is an unknown user")
        << "user" << "" << "." << "\"user@ext.com\"@example.com" << QStringList{noSuchUser};
    QTest::newRow("unquoted local part with '@' (as the SMTP parser gives it) is an unknown user")
        << "user" << "" << "." << "user@ext.com@example.com" << QStringList{noSuchUser};
    QTest::newRow("local part with '@' with a catch-all stays local")
        << "alice" << "*: alice\n" << "." << "user@ext.com@example.com" << QStringList{"local alice@example.com"};
    QTest::newRow("bang path without catch-all is an unknown user")
        << "user" << "" << "." << "ext.com!user@example.com" << QStringList{noSuchUser};
    QTest::newRow("bang path with a catch-all stays local")
        << "alice" << "*: alice\n" << "." << "ext.com!user@example.com" << QStringList{"local alice@example.com"};
    QTest::newRow("percent hack through a '*' forward goes to the forward's domain, not ext.com")
        << "" << "*: *@pond.example\n" << "." << "user%ext.com@example.com"
        << QStringList{"remote user%ext.com@pond.example"};
    QTest::newRow("percent hack after a suffix separator reaches the user, still local")
        << "user" << "" << "." << "user+%ext.com@example.com" << QStringList{"local user@example.com"};

    // Loops and limits.
    QTest::newRow("an alias to itself is a loop")
        << "" << "a: a\n" << "." << "a@example.com"
        << QStringList{"error: aliases loop: a@example.com -> a@example.com"};
    QTest::newRow("two aliases pointing at each other are a loop")
        << "" << "a: b\nb: a\n" << "." << "a@example.com"
        << QStringList{"error: aliases loop: a@example.com -> b@example.com -> a@example.com"};
    QTest::newRow("a catch-all to an unknown local user is a loop")
        << "" << "*: nobody\n" << "." << "x@example.com"
        << QStringList{"error: aliases loop: *@example.com -> *@example.com"};
    QTest::newRow("a chain of 10 aliases resolves")
        << "alice" << aliasChain(10) << "." << "a0@example.com" << QStringList{"local alice@example.com"};
    QTest::newRow("a chain of 11 aliases is too deep")
        << "alice" << aliasChain(11) << "." << "a0@example.com"
        << QStringList{"error: aliases nest more than 10 deep, starting from a0@example.com"};

    // Other domains.
    QTest::newRow("a domain that is not local is remote, local part as written")
        << "alice" << "*: alice\n" << "." << "Bob.Smith+x@Remote.Example"
        << QStringList{"remote Bob.Smith+x@remote.example"};
    QTest::newRow("a subdomain of a local domain is not local")
        << "alice" << "" << "." << "alice@mail.example.com" << QStringList{"remote alice@mail.example.com"};
}

void TestDirectory::resolve()
{
    QFETCH(QString, users);
    QFETCH(QString, aliases);
    QFETCH(QString, drops);
    QFETCH(QString, address);
    const Directory directory = makeDirectory(users, aliases, "+", drops);
    QTEST(resolveToStrings(directory, address), "expected");
}

void TestDirectory::domains()
{
    const Directory directory = makeDirectory("alice", "");
    QCOMPARE(directory.domains(), (std::vector<std::string>{"example.com", "example.org"}));
    QVERIFY(directory.isLocalDomain("EXAMPLE.com"));
    QVERIFY(!directory.isLocalDomain("example.net"));
    QVERIFY(!directory.isLocalDomain("com"));

    const DomainSettings *org = directory.settings("Example.Org");
    QVERIFY(org);
    QVERIFY(org->senders == SenderPolicy::Account);
    const DomainSettings *com = directory.settings("example.com");
    QVERIFY(com);
    QVERIFY(com->senders == SenderPolicy::Domain);
    QVERIFY(!directory.settings("example.net"));

    // Several suffix separators.
    const Directory dashes = makeDirectory("i", "", "+-", ".");
    QCOMPARE(resolveToStrings(dashes, "i-news@example.com"), QStringList{"local i@example.com"});
    QCOMPARE(resolveToStrings(dashes, "i+news@example.com"), QStringList{"local i@example.com"});
}

void TestDirectory::findUserIsExact()
{
    const Directory directory = makeDirectory("alice j.doe", "bob: alice\n");
    const UserEntry *alice = directory.findUser("Alice", "EXAMPLE.COM");
    QVERIFY(alice);
    QCOMPARE(QString::fromStdString(alice->localPart), QStringLiteral("alice"));
    QCOMPARE(QString::fromStdString(alice->passwordHash), QString(hash));
    QVERIFY(directory.findUser("j.doe", "example.com"));
    // AUTH names an account exactly: no suffix, drop character or alias.
    QVERIFY(!directory.findUser("alice+x", "example.com"));
    QVERIFY(!directory.findUser("jdoe", "example.com"));
    QVERIFY(!directory.findUser("bob", "example.com"));
    QVERIFY(!directory.findUser("alice", "example.org"));
    QVERIFY(!directory.findUser("alice", "example.net"));
}

QTEST_APPLESS_MAIN(TestDirectory)
#include "tst_directory.moc"
