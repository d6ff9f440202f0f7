// Base64 (RFC 4648) and the SASL PLAIN (RFC 4616) and LOGIN responses of
// SMTP AUTH.
#include "mail/sasl.h"

#include <QTest>

#include "test_bytes.h"

#include <string_view>

using namespace postwr::mail;

namespace {

// A PLAIN response built from raw bytes, encoded independently of the code
// under test.
QByteArray plain(const QByteArray &message)
{
    return message.toBase64();
}

} // namespace

class TestSasl : public QObject {
    Q_OBJECT

private slots:
    void base64RoundTrip_data();
    void base64RoundTrip();
    void base64EveryByte();
    void decodeBase64Rejects_data();
    void decodeBase64Rejects();
    void decodePlainAccepts_data();
    void decodePlainAccepts();
    void decodePlainRejects_data();
    void decodePlainRejects();
    void loginChallenges();
    void decodeLoginField_data();
    void decodeLoginField();
};

void TestSasl::base64RoundTrip_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("text");

    // RFC 4648 §10 test vectors, then binary data.
    QTest::newRow("nothing encodes to nothing") << QByteArray() << QByteArray();
    QTest::newRow("one octet takes two pads") << QByteArray("f") << QByteArray("Zg==");
    QTest::newRow("two octets take one pad") << QByteArray("fo") << QByteArray("Zm8=");
    QTest::newRow("three octets take no pad") << QByteArray("foo") << QByteArray("Zm9v");
    QTest::newRow("four octets") << QByteArray("foob") << QByteArray("Zm9vYg==");
    QTest::newRow("five octets") << QByteArray("fooba") << QByteArray("Zm9vYmE=");
    QTest::newRow("six octets") << QByteArray("foobar") << QByteArray("Zm9vYmFy");
    QTest::newRow("NUL and high octets use '+' and '/'")
        << QByteArray("\0\xfb\xff", 3) << QByteArray("APv/");
}

void TestSasl::base64RoundTrip()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, text);

    QCOMPARE(bytes(encodeBase64(view(data))), text);
    const auto decoded = decodeBase64(view(text));
    QVERIFY(decoded.has_value());
    QCOMPARE(bytes(*decoded), data);
}

void TestSasl::base64EveryByte()
{
    for (int length = 0; length <= 258; ++length) {
        QByteArray data;
        for (int i = 0; i < length; ++i)
            data += static_cast<char>((i * 7 + length) & 0xff);
        const std::string text = encodeBase64(view(data));
        QCOMPARE(bytes(text), data.toBase64());
        const auto decoded = decodeBase64(text);
        QVERIFY(decoded.has_value());
        QCOMPARE(bytes(*decoded), data);
    }
}

void TestSasl::decodeBase64Rejects_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("a length that is not a multiple of four") << QByteArray("Zm9vY");
    QTest::newRow("missing padding") << QByteArray("Zg");
    QTest::newRow("short padding") << QByteArray("Zg=");
    QTest::newRow("three pads") << QByteArray("Z===");
    QTest::newRow("only pads") << QByteArray("====");
    QTest::newRow("padding before the end") << QByteArray("Zg==Zm9v");
    QTest::newRow("a pad inside a quantum") << QByteArray("Z=9v");
    QTest::newRow("extra padding after a full quantum") << QByteArray("Zm9v====");
    QTest::newRow("non-zero bits under one pad") << QByteArray("Zm9=");
    QTest::newRow("non-zero bits under two pads") << QByteArray("Zh==");
    QTest::newRow("the URL-safe alphabet") << QByteArray("-_-_");
    QTest::newRow("a line break") << QByteArray("Zm9v\nYmFy");
    QTest::newRow("a trailing CRLF") << QByteArray("Zm9v\r\n");
    QTest::newRow("a space") << QByteArray("Zm9v YmFy");
    QTest::newRow("a NUL") << QByteArray("Zm9\0", 4);
    QTest::newRow("a non-ASCII byte") << QByteArray("Zm9\xc3");
    QTest::newRow("the SMTP cancel line") << QByteArray("*");
}

void TestSasl::decodeBase64Rejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(!decodeBase64(view(text)).has_value());
}

void TestSasl::decodePlainAccepts_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("authorizationId");
    QTest::addColumn<QByteArray>("username");
    QTest::addColumn<QByteArray>("password");

    // The two examples of RFC 4616 §4, then edge cases.
    const QByteArray nul(1, '\0');
    QTest::newRow("no authorization identity")
        << nul + "tim" + nul + "tanstaaftanstaaf"
        << QByteArray() << QByteArray("tim") << QByteArray("tanstaaftanstaaf");
    QTest::newRow("Kurt authenticates and asks to act as Ursel")
        << "Ursel" + nul + "Kurt" + nul + "xipj3plmq"
        << QByteArray("Ursel") << QByteArray("Kurt") << QByteArray("xipj3plmq");
    QTest::newRow("an address as username, a password with spaces and UTF-8")
        << nul + "me@example.com" + nul + "correct horse ¡batería!"
        << QByteArray() << QByteArray("me@example.com") << QByteArray("correct horse ¡batería!");
    QTest::newRow("fields of exactly 255 octets")
        << QByteArray(255, 'z') + nul + QByteArray(255, 'u') + nul + QByteArray(255, 'p')
        << QByteArray(255, 'z') << QByteArray(255, 'u') << QByteArray(255, 'p');
}

void TestSasl::decodePlainAccepts()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, authorizationId);
    QFETCH(QByteArray, username);
    QFETCH(QByteArray, password);

    const QByteArray response = plain(message);
    const auto credentials = decodePlain(view(response));
    QVERIFY2(credentials.ok(), credentials ? "" : credentials.error().message.c_str());
    QCOMPARE(bytes(credentials->authorizationId), authorizationId);
    QCOMPARE(bytes(credentials->username), username);
    QCOMPARE(bytes(credentials->password), password);
}

void TestSasl::decodePlainRejects_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<QByteArray>("error");

    const QByteArray nul(1, '\0');
    QTest::newRow("a response that is not base64")
        << QByteArray("dGlt!") << QByteArray("invalid base64");
    QTest::newRow("a base64 response with a line break")
        << QByteArray("AHRpbQB0\r\nYW5zdGFhZg==") << QByteArray("invalid base64");
    QTest::newRow("an empty response")
        << QByteArray() << QByteArray("malformed PLAIN response");
    QTest::newRow("no NUL at all")
        << plain("timtanstaaf") << QByteArray("malformed PLAIN response");
    QTest::newRow("only one NUL")
        << plain(nul + "tim") << QByteArray("malformed PLAIN response");
    QTest::newRow("three NULs")
        << plain(nul + "tim" + nul + "pass" + nul + "word") << QByteArray("malformed PLAIN response");
    QTest::newRow("an empty username")
        << plain(nul + nul + "hunter2") << QByteArray("empty username");
    QTest::newRow("an empty password")
        << plain(nul + "tim" + nul) << QByteArray("empty password");
    QTest::newRow("a username of 256 octets")
        << plain(nul + QByteArray(256, 'u') + nul + "hunter2") << QByteArray("username too long (max 255 octets)");
    QTest::newRow("a password of 256 octets")
        << plain(nul + "tim" + nul + QByteArray(256, 'p')) << QByteArray("password too long (max 255 octets)");
    QTest::newRow("an authorization identity of 256 octets")
        << plain(QByteArray(256, 'z') + nul + "tim" + nul + "hunter2")
        << QByteArray("authorization identity too long (max 255 octets)");
    QTest::newRow("a username that is not UTF-8")
        << plain(nul + "tim\xff" + nul + "hunter2") << QByteArray("username is not valid UTF-8");
    QTest::newRow("a password that is not UTF-8, without showing it")
        << plain(nul + "tim" + nul + "hunter\xc3") << QByteArray("password is not valid UTF-8");
}

void TestSasl::decodePlainRejects()
{
    QFETCH(QByteArray, response);
    QFETCH(QByteArray, error);

    const auto credentials = decodePlain(view(response));
    QVERIFY(!credentials.ok());
    QCOMPARE(bytes(credentials.error().message), error);
}

void TestSasl::loginChallenges()
{
    QCOMPARE(bytes(*decodeBase64(loginUsernameChallenge)), QByteArray("Username:"));
    QCOMPARE(bytes(*decodeBase64(loginPasswordChallenge)), QByteArray("Password:"));
}

void TestSasl::decodeLoginField_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QByteArray>("result");

    QTest::newRow("a username")
        << QByteArray("dGlt") << true << QByteArray("tim");
    QTest::newRow("a field of exactly 255 octets")
        << QByteArray(255, 'x').toBase64() << true << QByteArray(255, 'x');
    QTest::newRow("not base64")
        << QByteArray("dGlt=") << false << QByteArray("invalid base64");
    QTest::newRow("an empty response")
        << QByteArray() << false << QByteArray("empty response");
    QTest::newRow("a NUL inside")
        << QByteArray("dGltAA==") << false << QByteArray("NUL in response");
    QTest::newRow("256 octets")
        << QByteArray(256, 'x').toBase64() << false << QByteArray("response too long (max 255 octets)");
    QTest::newRow("invalid UTF-8")
        << QByteArray("\xff\xfe").toBase64() << false << QByteArray("response is not valid UTF-8");
}

void TestSasl::decodeLoginField()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, ok);
    QFETCH(QByteArray, result);

    const auto field = postwr::mail::decodeLoginField(view(response));
    QCOMPARE(field.ok(), ok);
    QCOMPARE(ok ? bytes(*field) : bytes(field.error().message), result);
}

QTEST_GUILESS_MAIN(TestSasl)
#include "tst_sasl.moc"
