// How long an answer may be kept, read from the answer (RFC 1035 §3.2.1,
// RFC 2181 §8, RFC 2308 §5).
#include "dns_message.h"
#include "mail/dns_ttl.h"

#include <QTest>

using namespace postwr::testing;

Q_DECLARE_METATYPE(postwr::testing::Bytes)

class TestDnsTtl : public QObject {
    Q_OBJECT

private slots:
    void lifetime_data()
    {
        QTest::addColumn<Bytes>("answer");
        QTest::addColumn<int>("seconds"); // -1: not to be kept

        const Bytes owner = questionNamePointer();
        const Bytes spf = txtData("v=spf1 -all");
        const Bytes soa = record(name("example.org"), typeSoa, 3600, soaData(300));
        QTest::newRow("one record") << message(flagResponse, {record(owner, typeTxt, 300, spf)}) << 300;
        QTest::newRow("the smallest of several")
            << message(flagResponse, {record(owner, typeTxt, 300, spf), record(owner, typeTxt, 60, spf)}) << 60;
        QTest::newRow("owner written out, not compressed")
            << message(flagResponse, {record(name("example.org"), typeTxt, 86400, spf)}) << 86400;
        QTest::newRow("through a CNAME")
            << message(flagResponse, {record(owner, typeCname, 30, name("spf.example.net")),
                                      record(name("spf.example.net"), typeTxt, 600, spf)})
            << 30;
        QTest::newRow("TTL 0") << message(flagResponse, {record(owner, typeTxt, 0, spf)}) << 0;
        QTest::newRow("top bit set: zero") << message(flagResponse, {record(owner, typeTxt, 0x80000010u, spf)}) << 0;
        QTest::newRow("no such name: SOA MINIMUM below its TTL")
            << message(flagResponse | rcodeNxDomain, {}, {soa}) << 300;
        QTest::newRow("no data: SOA TTL below its MINIMUM")
            << message(flagResponse, {}, {record(name("example.org"), typeSoa, 60, soaData(300))}) << 60;
        QTest::newRow("no such name without SOA") << message(flagResponse | rcodeNxDomain, {}) << -1;
        QTest::newRow("no data without SOA") << message(flagResponse, {}) << -1;
        QTest::newRow("server failure") << message(flagResponse | rcodeServFail, {}, {soa}) << -1;
        QTest::newRow("truncated") << message(flagResponse | flagTruncated, {record(owner, typeTxt, 300, spf)}) << -1;
        QTest::newRow("a question, not a response") << message(0, {record(owner, typeTxt, 300, spf)}) << -1;

        Bytes cut = message(flagResponse, {record(owner, typeTxt, 300, spf)});
        cut.resize(cut.size() - 3);
        QTest::newRow("cut short") << cut << -1;
        Bytes badSoa = soaData(300);
        badSoa.push_back(0);
        QTest::newRow("SOA longer than its fields")
            << message(flagResponse | rcodeNxDomain, {}, {record(name("example.org"), typeSoa, 60, badSoa)}) << -1;
        Bytes looping = message(flagResponse, {record(owner, typeTxt, 300, spf)});
        looping[12] = 0x80; // a label length no name may have
        QTest::newRow("bad label") << looping << -1;
        QTest::newRow("empty") << Bytes{} << -1;
        QTest::newRow("header only") << Bytes(12, 0) << -1;
    }

    void lifetime()
    {
        QFETCH(Bytes, answer);
        QFETCH(int, seconds);
        const std::optional<std::uint32_t> lifetime = postwr::mail::answerLifetime(answer);
        QCOMPARE(lifetime.has_value(), seconds >= 0);
        if (lifetime)
            QCOMPARE(static_cast<int>(*lifetime), seconds);
    }
};

QTEST_APPLESS_MAIN(TestDnsTtl)
#include "tst_dns_ttl.moc"
