// The service's DNS answers kept for their TTL: found again until they
// expire, names compared without case, errors never kept, bounded in size.
#include "daemon/dns_cache.h"
#include "dns_message.h"

#include <QTest>

using namespace postwr::testing;
using postwr::daemon::DnsCache;
using namespace std::chrono_literals;

namespace {

constexpr int aresSuccess = 0;
constexpr int aresNotFound = 4;

DnsCache::Answer txtAnswer(std::uint32_t ttl)
{
    return {aresSuccess, message(flagResponse, {record(questionNamePointer(), typeTxt, ttl, txtData("v=spf1 -all"))})};
}

const DnsCache::Clock::time_point start{};

} // namespace

class TestDnsCache : public QObject {
    Q_OBJECT

private slots:
    void keptUntilItsTtlEnds()
    {
        DnsCache cache(16);
        cache.store("example.org", typeTxt, txtAnswer(300), start);
        const auto found = cache.find("example.org", typeTxt, start + 299s);
        QVERIFY(found);
        QCOMPARE(found->message, txtAnswer(300).message);
        QVERIFY(!cache.find("example.org", typeTxt, start + 300s));
        QCOMPARE(cache.size(), std::size_t{0});
    }

    void namesWithoutCaseOrTrailingDot()
    {
        DnsCache cache(16);
        cache.store("Example.ORG.", typeTxt, txtAnswer(300), start);
        QVERIFY(cache.find("example.org", typeTxt, start));
        QVERIFY(cache.find("EXAMPLE.org.", typeTxt, start));
        QVERIFY(!cache.find("example.org", typeSoa, start));
        QVERIFY(!cache.find("www.example.org", typeTxt, start));
    }

    void negativeAnswerKeptForItsSoa()
    {
        DnsCache cache(16);
        const Bytes nx = message(flagResponse | rcodeNxDomain, {},
                                 {record(name("example.org"), typeSoa, 3600, soaData(120))});
        cache.store("_dmarc.example.org", typeTxt, {aresNotFound, nx}, start);
        const auto found = cache.find("_dmarc.example.org", typeTxt, start + 119s);
        QVERIFY(found);
        QCOMPARE(found->status, aresNotFound);
        QVERIFY(!cache.find("_dmarc.example.org", typeTxt, start + 120s));
    }

    void notKept_data()
    {
        QTest::addColumn<Bytes>("answer");
        QTest::newRow("TTL 0") << txtAnswer(0).message;
        QTest::newRow("no SOA") << message(flagResponse | rcodeNxDomain, {});
        QTest::newRow("server failure") << message(flagResponse | rcodeServFail, {});
        QTest::newRow("nothing received") << Bytes{};
    }

    void notKept()
    {
        QFETCH(Bytes, answer);
        DnsCache cache(16);
        cache.store("example.org", typeTxt, {aresSuccess, answer}, start);
        QVERIFY(!cache.find("example.org", typeTxt, start));
    }

    void longTtlCutToTheLongestKept()
    {
        DnsCache cache(16, 3600s);
        cache.store("example.org", typeTxt, txtAnswer(7 * 86400), start);
        QVERIFY(cache.find("example.org", typeTxt, start + 3599s));
        QVERIFY(!cache.find("example.org", typeTxt, start + 3600s));
    }

    void fullCacheDropsWhatExpiresFirst()
    {
        DnsCache cache(3);
        cache.store("a.example", typeTxt, txtAnswer(500), start);
        cache.store("b.example", typeTxt, txtAnswer(100), start);
        cache.store("c.example", typeTxt, txtAnswer(900), start);
        cache.store("d.example", typeTxt, txtAnswer(300), start);
        QCOMPARE(cache.size(), std::size_t{3});
        QVERIFY(!cache.find("b.example", typeTxt, start));
        QVERIFY(cache.find("a.example", typeTxt, start));
        QVERIFY(cache.find("c.example", typeTxt, start));
        QVERIFY(cache.find("d.example", typeTxt, start));
    }

    void storingAgainReplaces()
    {
        DnsCache cache(3);
        cache.store("a.example", typeTxt, txtAnswer(100), start);
        cache.store("a.example", typeTxt, txtAnswer(500), start + 50s);
        QCOMPARE(cache.size(), std::size_t{1});
        QVERIFY(cache.find("a.example", typeTxt, start + 500s));
        cache.clear();
        QVERIFY(!cache.find("a.example", typeTxt, start + 60s));
    }
};

QTEST_APPLESS_MAIN(TestDnsCache)
#include "tst_dns_cache.moc"
