// What postwrd counts per client: the key a client is counted under (IPv6 by
// its /64), and failed logins, answered ever more slowly and then refused.
#include "mail/client_limits.h"

#include <QTest>

using namespace postwr::mail;
using namespace std::chrono_literals;

namespace {
const LoginThrottle::Clock::time_point start{};
}

class TestClientLimits : public QObject {
    Q_OBJECT

private slots:
    void key_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("key");
        QTest::newRow("IPv4") << "203.0.113.9" << "203.0.113.9";
        QTest::newRow("IPv6: its /64") << "2001:db8:1:2:aaaa:bbbb:cccc:dddd" << "2001:db8:1:2::/64";
        QTest::newRow("IPv6 in another /64") << "2001:db8:1:3::1" << "2001:db8:1:3::/64";
        QTest::newRow("IPv6 written short") << "2001:db8::1" << "2001:db8::/64";
        QTest::newRow("IPv4-mapped IPv6") << "::ffff:198.51.100.7" << "198.51.100.7";
        QTest::newRow("loopback IPv6") << "::1" << "::/64";
        QTest::newRow("not an address") << "unknown" << "unknown";
    }

    void key()
    {
        QFETCH(QString, address);
        QFETCH(QString, key);
        QCOMPARE(QString::fromStdString(clientKey(address.toStdString())), key);
    }

    void failuresAreAnsweredEverMoreSlowlyThenRefused()
    {
        LoginThrottle throttle;
        const LoginLimits limits{8, 15min};
        const std::chrono::milliseconds expected[] = {0ms, 1000ms, 2000ms, 4000ms, 8000ms, 16000ms, 16000ms};
        auto now = start;
        for (const std::chrono::milliseconds delay : expected) {
            QVERIFY(!throttle.refusal("203.0.113.9", limits, now));
            QCOMPARE(throttle.failed("203.0.113.9", limits, now).count(), delay.count());
            now += 1s;
        }
        QVERIFY(!throttle.refusal("203.0.113.9", limits, now));
        throttle.failed("203.0.113.9", limits, now);
        const auto refused = throttle.refusal("203.0.113.9", limits, now + 1s);
        QVERIFY(refused);
        QCOMPARE(*refused, std::chrono::seconds(15min - 1s));
        QVERIFY(!throttle.refusal("198.51.100.7", limits, now));
    }

    void refusalEndsWhenTheBlockHasPassed()
    {
        LoginThrottle throttle;
        const LoginLimits limits{2, 60s};
        throttle.failed("c", limits, start);
        throttle.failed("c", limits, start + 10s);
        QVERIFY(throttle.refusal("c", limits, start + 69s));
        QVERIFY(!throttle.refusal("c", limits, start + 70s));
        // Forgotten: counting starts again.
        QCOMPARE(throttle.failed("c", limits, start + 71s).count(), 0);
        QVERIFY(!throttle.refusal("c", limits, start + 72s));
    }

    void failuresOutsideTheWindowAreForgotten()
    {
        LoginThrottle throttle;
        const LoginLimits limits{3, 60s};
        throttle.failed("c", limits, start);
        throttle.failed("c", limits, start + 30s);
        QCOMPARE(throttle.failed("c", limits, start + 100s).count(), 0);
        QVERIFY(!throttle.refusal("c", limits, start + 101s));
    }

    void boundedInClients()
    {
        LoginThrottle throttle(3);
        const LoginLimits limits{1, 60s};
        throttle.failed("a", limits, start);
        throttle.failed("b", limits, start + 20s);
        throttle.failed("c", limits, start + 70s);
        QCOMPARE(throttle.clients(), std::size_t{3});
        // Full: "a" has served its time and makes room; the others stay.
        throttle.failed("d", limits, start + 75s);
        QCOMPARE(throttle.clients(), std::size_t{3});
        QVERIFY(throttle.refusal("b", limits, start + 75s));
        QVERIFY(throttle.refusal("d", limits, start + 75s));
        // Full, and nobody's time is up: all are forgotten.
        throttle.failed("e", limits, start + 76s);
        QCOMPARE(throttle.clients(), std::size_t{1});
    }
};

QTEST_APPLESS_MAIN(TestClientLimits)
#include "tst_client_limits.moc"
