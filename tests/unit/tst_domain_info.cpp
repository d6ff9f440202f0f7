// Per-domain outgoing security: levels only go up, a downgrade is refused,
// and the file round-trips and refuses what it cannot read.
#include "mail/domain_info.h"

#include <QTest>

using namespace postwr::mail;

Q_DECLARE_METATYPE(postwr::mail::Security)

class TestDomainInfo : public QObject {
    Q_OBJECT

private slots:
    void recordRaisesOnly_data();
    void recordRaisesOnly();
    void allows_data();
    void allows();
    void domainsAreCaseInsensitive();
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void roundTrip();
};

void TestDomainInfo::recordRaisesOnly_data()
{
    QTest::addColumn<Security>("first");
    QTest::addColumn<Security>("second");
    QTest::addColumn<bool>("changed");
    QTest::addColumn<Security>("result");

    QTest::newRow("plaintext then TLS raises the level")
        << Security::Plaintext << Security::Tls << true << Security::Tls;
    QTest::newRow("TLS then plaintext keeps TLS")
        << Security::Tls << Security::Plaintext << false << Security::Tls;
    QTest::newRow("TLS twice is no change")
        << Security::Tls << Security::Tls << false << Security::Tls;
    QTest::newRow("unknown never lowers")
        << Security::Plaintext << Security::Unknown << false << Security::Plaintext;
}

void TestDomainInfo::recordRaisesOnly()
{
    QFETCH(Security, first);
    QFETCH(Security, second);
    QFETCH(bool, changed);
    QFETCH(Security, result);
    DomainInfo info;
    QVERIFY(info.record("example.org", first));
    QCOMPARE(info.record("example.org", second), changed);
    QCOMPARE(info.outgoing("example.org"), result);
}

void TestDomainInfo::allows_data()
{
    QTest::addColumn<Security>("recorded");
    QTest::addColumn<Security>("attempt");
    QTest::addColumn<bool>("expected");

    QTest::newRow("a new domain allows plaintext")
        << Security::Unknown << Security::Plaintext << true;
    QTest::newRow("a plaintext domain allows plaintext")
        << Security::Plaintext << Security::Plaintext << true;
    QTest::newRow("a plaintext domain allows TLS") << Security::Plaintext << Security::Tls << true;
    QTest::newRow("a TLS domain refuses plaintext (STARTTLS stripped?)")
        << Security::Tls << Security::Plaintext << false;
    QTest::newRow("a TLS domain allows TLS") << Security::Tls << Security::Tls << true;
}

void TestDomainInfo::allows()
{
    QFETCH(Security, recorded);
    QFETCH(Security, attempt);
    QFETCH(bool, expected);
    DomainInfo info;
    info.record("example.org", recorded);
    QCOMPARE(info.allows("example.org", attempt), expected);
    QVERIFY(info.allows("other.example", attempt)); // never seen: anything goes
}

void TestDomainInfo::domainsAreCaseInsensitive()
{
    DomainInfo info;
    QVERIFY(info.record("Example.ORG", Security::Tls));
    QCOMPARE(info.outgoing("example.org"), Security::Tls);
    QCOMPARE(info.outgoing("EXAMPLE.org"), Security::Tls);
    QVERIFY(!info.allows("eXample.org", Security::Plaintext));
    QCOMPARE(info.outgoing("example.net"), Security::Unknown);
}

void TestDomainInfo::parse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("domain");
    QTest::addColumn<Security>("expected");

    QTest::newRow("tls") << QByteArray("example.org tls\n") << QByteArray("example.org")
                         << Security::Tls;
    QTest::newRow("plaintext") << QByteArray("example.org plaintext\n") << QByteArray("example.org")
                               << Security::Plaintext;
    QTest::newRow("comments, blank lines and tabs")
        << QByteArray("# header\n\n  example.org\t tls  \n") << QByteArray("example.org")
        << Security::Tls;
    QTest::newRow("a domain is lowercased")
        << QByteArray("EXAMPLE.org tls") << QByteArray("example.org") << Security::Tls;
    QTest::newRow("an empty file knows nothing")
        << QByteArray("") << QByteArray("example.org") << Security::Unknown;
}

void TestDomainInfo::parse()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, domain);
    QFETCH(Security, expected);
    const Result<DomainInfo> info = parseDomainInfo(text.toStdString());
    QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
    QCOMPARE(info->outgoing(domain.toStdString()), expected);
}

void TestDomainInfo::parseRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("a domain without a level") << QByteArray(
        "a.example tls\nb.example\n") << 2 << QByteArray("expected a domain and a security level");
    QTest::newRow("an unknown level")
        << QByteArray("a.example dane\n") << 1 << QByteArray("unknown security level");
    QTest::newRow("unknown is never written")
        << QByteArray("a.example unknown\n") << 1 << QByteArray("unknown security level");
    QTest::newRow("levels are lowercase")
        << QByteArray("a.example TLS\n") << 1 << QByteArray("unknown security level");
    QTest::newRow("a domain listed twice")
        << QByteArray("a.example tls\nA.example plaintext\n") << 2 << QByteArray("listed twice");
    QTest::newRow("not a domain") << QByteArray("a..example tls\n") << 1
                                  << QByteArray("invalid domain");
    QTest::newRow("an extra word")
        << QByteArray("a.example tls yes\n") << 1 << QByteArray("unknown security level");
}

void TestDomainInfo::parseRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(int, line);
    QFETCH(QByteArray, message);
    const Result<DomainInfo> info = parseDomainInfo(text.toStdString());
    QVERIFY(!info.ok());
    QCOMPARE(info.error().line, line);
    QVERIFY2(QByteArray::fromStdString(info.error().message).contains(message),
        info.error().message.c_str());
}

void TestDomainInfo::roundTrip()
{
    DomainInfo info;
    info.record("b.example", Security::Plaintext);
    info.record("a.example", Security::Tls);
    info.record("c.example", Security::Unknown); // not a level worth a line
    const std::string text = serializeDomainInfo(info);
    QVERIFY(text.ends_with("a.example tls\nb.example plaintext\n"));
    QCOMPARE(text.find("c.example"), std::string::npos);
    const Result<DomainInfo> parsed = parseDomainInfo(text);
    QVERIFY(parsed.ok());
    QCOMPARE(parsed->domains(), info.domains());
}

QTEST_GUILESS_MAIN(TestDomainInfo)
#include "tst_domain_info.moc"
