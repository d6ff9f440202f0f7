// The retry schedule: exponential backoff with a cap, the delay warning, the
// point where a message expires, and durations in the config.
#include "mail/retry.h"

#include <QTest>
#include <climits>

using namespace postwr::mail;
using namespace std::chrono_literals;

class TestRetry : public QObject {
    Q_OBJECT

private slots:
    void retryDelay_data();
    void retryDelay();
    void expired_data();
    void expired();
    void delayWarningDue_data();
    void delayWarningDue();
    void parseDuration_data();
    void parseDuration();
};

void TestRetry::retryDelay_data()
{
    QTest::addColumn<qint64>("initial");
    QTest::addColumn<qint64>("maximum");
    QTest::addColumn<int>("failedAttempts");
    QTest::addColumn<qint64>("expected");

    QTest::newRow("before any failure there is no wait")
        << qint64(60) << qint64(14400) << 0 << qint64(0);
    QTest::newRow("a negative count is no failure")
        << qint64(60) << qint64(14400) << -3 << qint64(0);
    QTest::newRow("after the first failure: the initial delay")
        << qint64(60) << qint64(14400) << 1 << qint64(60);
    QTest::newRow("then it doubles") << qint64(60) << qint64(14400) << 2 << qint64(120);
    QTest::newRow("and doubles again") << qint64(60) << qint64(14400) << 5 << qint64(960);
    QTest::newRow("7 failures: 64 minutes") << qint64(60) << qint64(14400) << 7 << qint64(3840);
    QTest::newRow("9 failures would be 256 minutes: capped at 4 hours")
        << qint64(60) << qint64(14400) << 9 << qint64(14400);
    QTest::newRow("a huge count stays at the cap")
        << qint64(60) << qint64(14400) << INT_MAX << qint64(14400);
    QTest::newRow("a huge cap does not overflow")
        << qint64(1) << qint64(LLONG_MAX) << INT_MAX << qint64(LLONG_MAX);
    QTest::newRow("an initial delay above the cap is capped")
        << qint64(7200) << qint64(3600) << 1 << qint64(3600);
}

void TestRetry::retryDelay()
{
    QFETCH(qint64, initial);
    QFETCH(qint64, maximum);
    QFETCH(int, failedAttempts);
    QFETCH(qint64, expected);
    RetryPolicy policy;
    policy.initial = std::chrono::seconds { initial };
    policy.maximum = std::chrono::seconds { maximum };
    QCOMPARE(postwr::mail::retryDelay(policy, failedAttempts).count(), expected);
}

void TestRetry::expired_data()
{
    QTest::addColumn<qint64>("age");
    QTest::addColumn<bool>("expected");

    QTest::newRow("just received") << qint64(0) << false;
    QTest::newRow("a second short of 5 days") << qint64(5 * 86400 - 1) << false;
    QTest::newRow("exactly 5 days") << qint64(5 * 86400) << true;
    QTest::newRow("a week") << qint64(7 * 86400) << true;
    QTest::newRow("a clock gone backwards") << qint64(-3600) << false;
}

void TestRetry::expired()
{
    QFETCH(qint64, age);
    QFETCH(bool, expected);
    const std::int64_t receivedAt = 1700000000;
    QCOMPARE(postwr::mail::expired(RetryPolicy {}, receivedAt, receivedAt + age), expected);
}

void TestRetry::delayWarningDue_data()
{
    QTest::addColumn<qint64>("age");
    QTest::addColumn<bool>("alreadySent");
    QTest::addColumn<qint64>("delayWarning");
    QTest::addColumn<bool>("expected");

    QTest::newRow("not yet 4 hours") << qint64(4 * 3600 - 1) << false << qint64(4 * 3600) << false;
    QTest::newRow("4 hours: warn") << qint64(4 * 3600) << false << qint64(4 * 3600) << true;
    QTest::newRow("a day: warn") << qint64(86400) << false << qint64(4 * 3600) << true;
    QTest::newRow("only once") << qint64(86400) << true << qint64(4 * 3600) << false;
    QTest::newRow("expired: a bounce instead")
        << qint64(5 * 86400) << false << qint64(4 * 3600) << false;
    QTest::newRow("0 disables warnings") << qint64(86400) << false << qint64(0) << false;
}

void TestRetry::delayWarningDue()
{
    QFETCH(qint64, age);
    QFETCH(bool, alreadySent);
    QFETCH(qint64, delayWarning);
    QFETCH(bool, expected);
    RetryPolicy policy;
    policy.delayWarning = std::chrono::seconds { delayWarning };
    const std::int64_t receivedAt = 1700000000;
    QCOMPARE(
        postwr::mail::delayWarningDue(policy, receivedAt, receivedAt + age, alreadySent), expected);
}

void TestRetry::parseDuration_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<qint64>("expected"); // -1: an error

    QTest::newRow("plain seconds") << QByteArray("90") << qint64(90);
    QTest::newRow("seconds") << QByteArray("90s") << qint64(90);
    QTest::newRow("minutes") << QByteArray("5m") << qint64(300);
    QTest::newRow("hours") << QByteArray("4h") << qint64(14400);
    QTest::newRow("days") << QByteArray("5d") << qint64(432000);
    QTest::newRow("zero") << QByteArray("0") << qint64(0);
    QTest::newRow("surrounding spaces") << QByteArray("  30m ") << qint64(1800);
    QTest::newRow("empty") << QByteArray("") << qint64(-1);
    QTest::newRow("a unit alone") << QByteArray("h") << qint64(-1);
    QTest::newRow("negative") << QByteArray("-5m") << qint64(-1);
    QTest::newRow("a plus sign") << QByteArray("+5m") << qint64(-1);
    QTest::newRow("an unknown unit") << QByteArray("5w") << qint64(-1);
    QTest::newRow("two units") << QByteArray("1h30m") << qint64(-1);
    QTest::newRow("a space before the unit") << QByteArray("5 m") << qint64(-1);
    QTest::newRow("uppercase units are not units") << QByteArray("5M") << qint64(-1);
    QTest::newRow("a fraction") << QByteArray("1.5h") << qint64(-1);
    QTest::newRow("too many digits") << QByteArray("99999999999999999999") << qint64(-1);
    QTest::newRow("days that overflow") << QByteArray("999999999999999999d") << qint64(-1);
}

void TestRetry::parseDuration()
{
    QFETCH(QByteArray, text);
    QFETCH(qint64, expected);
    const Result<std::chrono::seconds> result = postwr::mail::parseDuration(text.toStdString());
    if (expected < 0) {
        QVERIFY(!result.ok());
        QVERIFY(!result.error().message.empty());
    } else {
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(result->count(), expected);
    }
}

QTEST_GUILESS_MAIN(TestRetry)
#include "tst_retry.moc"
