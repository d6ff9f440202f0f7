// The Sender Rewriting Scheme: our addresses match libsrs2/postsrsd's for the
// same secret (the vectors come from postsrsd's own tests), survive a receiver
// lowercasing them, and expire after 21 days.
#include "mail/srs.h"

#include <QTest>

#include "test_bytes.h"
#include <string_view>

using namespace postwr::mail;

namespace {

// postsrsd's tests/unit/test_srs2.c: secret "tops3cr3t", 2020-01-01 00:01:00 UTC.
constexpr std::time_t kNow = 1577836860;
constexpr std::time_t kDay = 24 * 60 * 60;
const QByteArray kSecret = "tops3cr3t";

} // namespace

class TestSrs : public QObject {
    Q_OBJECT

private slots:
    void forward_data();
    void forward();
    void reverse_data();
    void reverse();
    void roundTrip_data();
    void roundTrip();
    void srs1ChainReversesHopByHop();
    void looksLikeSrs_data();
    void looksLikeSrs();
};

void TestSrs::forward_data()
{
    QTest::addColumn<QByteArray>("domain");
    QTest::addColumn<QByteArray>("sender");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("a sender elsewhere gets the address libsrs2 gives")
        << QByteArray("example.com") << QByteArray("test@otherdomain.com")
        << QByteArray("SRS0=vmyz=2W=otherdomain.com=test@example.com");
    QTest::newRow("the hash ignores case, the address keeps it")
        << QByteArray("example.com") << QByteArray("TEST@OtherDomain.com")
        << QByteArray("SRS0=vmyz=2W=OtherDomain.com=TEST@example.com");
    QTest::newRow("our domain is lowercased in the result")
        << QByteArray("Example.COM") << QByteArray("test@otherdomain.com")
        << QByteArray("SRS0=vmyz=2W=otherdomain.com=test@example.com");
    QTest::newRow("a sender in our own domain passes SPF already and is kept") << QByteArray(
        "example.com") << QByteArray("bob@EXAMPLE.com") << QByteArray("bob@EXAMPLE.com");
    QTest::newRow("the null sender of a bounce is kept")
        << QByteArray("example.com") << QByteArray() << QByteArray();
    QTest::newRow("an address without a domain is kept")
        << QByteArray("example.com") << QByteArray("postmaster") << QByteArray("postmaster");
    QTest::newRow("SRS0 from another forwarder becomes SRS1 pointing back at it")
        << QByteArray("forwarder.net")
        << QByteArray("SRS0=vmyz=2W=otherdomain.com=test@example.com")
        << QByteArray("SRS1=JO9m=example.com==vmyz=2W=otherdomain.com=test@forwarder.net");
    QTest::newRow("SRS1 keeps its first forwarder and gets our hash")
        << QByteArray("forwarder.net")
        << QByteArray("SRS1=abcd=example.com==vmyz=2W=otherdomain.com=test@second.example")
        << QByteArray("SRS1=JO9m=example.com==vmyz=2W=otherdomain.com=test@forwarder.net");
}

void TestSrs::forward()
{
    QFETCH(QByteArray, domain);
    QFETCH(QByteArray, sender);
    QFETCH(QByteArray, expected);
    const Srs srs(kSecret.toStdString(), domain.toStdString());
    QCOMPARE(bytes(srs.forward(view(sender), kNow)), expected);
}

void TestSrs::reverse_data()
{
    QTest::addColumn<QByteArray>("address");
    QTest::addColumn<qint64>("now");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<QByteArray>("error");

    const QByteArray vector = "SRS0=vmyz=2W=otherdomain.com=test@example.com";
    QTest::newRow("libsrs2's address reverses to the original sender")
        << vector << qint64(kNow) << QByteArray("test@otherdomain.com") << QByteArray();
    QTest::newRow("an address a receiver lowercased still reverses")
        << vector.toLower() << qint64(kNow) << QByteArray("test@otherdomain.com") << QByteArray();
    QTest::newRow("an address uppercased still reverses")
        << vector.toUpper() << qint64(kNow) << QByteArray("TEST@OTHERDOMAIN.COM") << QByteArray();
    QTest::newRow("a bounce 21 days later is still accepted")
        << vector << qint64(kNow + 21 * kDay) << QByteArray("test@otherdomain.com") << QByteArray();
    QTest::newRow("a bounce 22 days later is refused")
        << vector << qint64(kNow + 22 * kDay) << QByteArray() << QByteArray("expired");
    QTest::newRow("a timestamp from tomorrow is refused")
        << vector << qint64(kNow - kDay) << QByteArray() << QByteArray("expired");
    QTest::newRow("a forged hash is refused")
        << QByteArray("SRS0=vmyy=2W=otherdomain.com=test@example.com") << qint64(kNow)
        << QByteArray() << QByteArray("wrong hash");
    QTest::newRow("a changed user is refused")
        << QByteArray("SRS0=vmyz=2W=otherdomain.com=tess@example.com") << qint64(kNow)
        << QByteArray() << QByteArray("wrong hash");
    QTest::newRow("a short hash is refused")
        << QByteArray("SRS0=vmy=2W=otherdomain.com=test@example.com") << qint64(kNow)
        << QByteArray() << QByteArray("wrong hash");
    QTest::newRow("a timestamp outside base32 is refused")
        << QByteArray("SRS0=vmyz=2!=otherdomain.com=test@example.com") << qint64(kNow)
        << QByteArray() << QByteArray("malformed SRS0 timestamp");
    QTest::newRow("SRS0 without a user is refused")
        << QByteArray("SRS0=vmyz=2W=otherdomain.com@example.com") << qint64(kNow) << QByteArray()
        << QByteArray("malformed SRS0");
    QTest::newRow("SRS0 with an empty host is refused")
        << QByteArray("SRS0=vmyz=2W==test@example.com") << qint64(kNow) << QByteArray()
        << QByteArray("malformed SRS0");
    QTest::newRow("a plain address is not SRS") << QByteArray("test@example.com") << qint64(kNow)
                                                << QByteArray() << QByteArray("not an SRS address");
    QTest::newRow("SRS1 reverses to the SRS0 address at the first forwarder")
        << QByteArray("SRS1=JO9m=example.com==vmyz=2W=otherdomain.com=test@forwarder.net")
        << qint64(kNow) << QByteArray("SRS0=vmyz=2W=otherdomain.com=test@example.com")
        << QByteArray();
    QTest::newRow("SRS1 has no timestamp of its own and does not expire")
        << QByteArray("SRS1=JO9m=example.com==vmyz=2W=otherdomain.com=test@forwarder.net")
        << qint64(kNow + 100 * kDay) << QByteArray("SRS0=vmyz=2W=otherdomain.com=test@example.com")
        << QByteArray();
    QTest::newRow("SRS1 with a forged hash is refused")
        << QByteArray("SRS1=JO9n=example.com==vmyz=2W=otherdomain.com=test@forwarder.net")
        << qint64(kNow) << QByteArray() << QByteArray("wrong hash");
    QTest::newRow("SRS1 without the rest is refused")
        << QByteArray("SRS1=JO9m=example.com=@forwarder.net") << qint64(kNow) << QByteArray()
        << QByteArray("malformed SRS1");
}

void TestSrs::reverse()
{
    QFETCH(QByteArray, address);
    QFETCH(qint64, now);
    QFETCH(QByteArray, expected);
    QFETCH(QByteArray, error);
    const Srs srs(kSecret.toStdString(), "example.com");
    const Result<std::string> result = srs.reverse(view(address), static_cast<std::time_t>(now));
    if (error.isEmpty()) {
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
        QCOMPARE(bytes(*result), expected);
    } else {
        QVERIFY(!result.ok());
        QVERIFY2(bytes(result.error().message).contains(error), result.error().message.c_str());
    }
}

void TestSrs::roundTrip_data()
{
    QTest::addColumn<QByteArray>("sender");

    QTest::newRow("a plain address") << QByteArray("alice@example.org");
    QTest::newRow("a local part with '='") << QByteArray("a=b=c@example.org");
    QTest::newRow("a local part with '+'") << QByteArray("user+tag@sub.example.org");
    QTest::newRow("a quoted local part with '@'") << QByteArray("\"odd@name\"@example.org");
    QTest::newRow("a UTF-8 address") << QByteArray("j\xc3\xb6rg@b\xc3\xbc"
                                                   "cher.example");
}

void TestSrs::roundTrip()
{
    QFETCH(QByteArray, sender);
    const Srs srs("0123456789abcdef0123456789abcdef", "forward.example");
    for (std::time_t now : { std::time_t { 0 }, kNow, std::time_t { 4102444800 } }) {
        const std::string rewritten = srs.forward(view(sender), now);
        QVERIFY(rewritten.starts_with("SRS0="));
        QVERIFY(rewritten.ends_with("@forward.example"));
        const Result<std::string> back = srs.reverse(rewritten, now + 3 * kDay);
        QVERIFY2(back.ok(), back.ok() ? "" : back.error().message.c_str());
        QCOMPARE(bytes(*back), sender);
    }
}

void TestSrs::srs1ChainReversesHopByHop()
{
    const Srs first("first-secret-0123456789", "first.example");
    const Srs second("second-secret-0123456789", "second.example");
    const Srs third("third-secret-0123456789", "third.example");

    const std::string atFirst = first.forward("alice@origin.example", kNow);
    const std::string atSecond = second.forward(atFirst, kNow);
    const std::string atThird = third.forward(atSecond, kNow);
    QVERIFY(atSecond.starts_with("SRS1="));
    QVERIFY(atThird.starts_with("SRS1="));
    QVERIFY(atThird.ends_with(
        "=first.example==" + atFirst.substr(5, atFirst.find('@') - 5) + "@third.example"));

    // A bounce to the third hop goes straight back to the first one.
    const Result<std::string> toFirst = third.reverse(atThird, kNow);
    QVERIFY(toFirst.ok());
    QCOMPARE(*toFirst, atFirst);
    QVERIFY(!second.reverse(atThird, kNow).ok()); // another secret
    const Result<std::string> original = first.reverse(*toFirst, kNow);
    QVERIFY(original.ok());
    QCOMPARE(*original, std::string("alice@origin.example"));
}

void TestSrs::looksLikeSrs_data()
{
    QTest::addColumn<QByteArray>("localPart");
    QTest::addColumn<bool>("expected");

    QTest::newRow("SRS0 with '='") << QByteArray("SRS0=abcd=2W=example.org=u") << true;
    QTest::newRow("SRS1 with '='") << QByteArray("SRS1=abcd=example.org==x") << true;
    QTest::newRow("lowercased") << QByteArray("srs0=abcd=2w=example.org=u") << true;
    QTest::newRow("libsrs2's other separators '-' and '+'")
        << QByteArray("SRS0+abcd=2W=example.org=u") << true;
    QTest::newRow("a plain local part") << QByteArray("alice") << false;
    QTest::newRow("SRS2 is not a scheme") << QByteArray("SRS2=abcd") << false;
    QTest::newRow("SRS0 alone") << QByteArray("SRS0") << false;
    QTest::newRow("SRS0 without a separator") << QByteArray("SRS0abcd") << false;
}

void TestSrs::looksLikeSrs()
{
    QFETCH(QByteArray, localPart);
    QFETCH(bool, expected);
    QCOMPARE(Srs::looksLikeSrs(view(localPart)), expected);
}

QTEST_GUILESS_MAIN(TestSrs)
#include "tst_srs.moc"
