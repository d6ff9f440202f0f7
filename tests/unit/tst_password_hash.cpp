// scrypt password hashes: the format, verification, the bounds that protect
// us from crafted hashes, and generated passwords.
#include "mail/password_hash.h"

#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "test_bytes.h"

#include <string_view>

using namespace postwr::mail;

namespace {

QByteArray unpadded(const QByteArray &data)
{
    return data.toBase64(QByteArray::OmitTrailingEquals);
}

// Cheap to verify (N = 16) so the tests stay fast.
constexpr int testLogN = 4;

const QByteArray validSalt = unpadded(QByteArray(16, 's'));
const QByteArray validHash = unpadded(QByteArray(32, 'h'));

QByteArray encoded(const QByteArray &parameters, const QByteArray &salt = validSalt,
                   const QByteArray &hash = validHash)
{
    return "$scrypt$" + parameters + "$" + salt + "$" + hash;
}

} // namespace

class TestPasswordHash : public QObject {
    Q_OBJECT

private slots:
    void format();
    void saltsDiffer();
    void defaultCost();
    void verify_data();
    void verify();
    void knownAnswer();
    void wellFormed_data();
    void wellFormed();
    void outOfRangeCostGivesNoHash();
    void generatedPasswords();
};

void TestPasswordHash::format()
{
    const QString hash = QString::fromStdString(hashPassword("secret", testLogN));
    static const QRegularExpression shape(
        QStringLiteral(R"(^\$scrypt\$ln=4,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$)"));
    QVERIFY2(shape.match(hash).hasMatch(), qPrintable(hash));
    QVERIFY(!hash.contains(QStringLiteral("secret")));
    QVERIFY(isPasswordHash(hash.toStdString()));
}

void TestPasswordHash::saltsDiffer()
{
    const std::string first = hashPassword("secret", testLogN);
    const std::string second = hashPassword("secret", testLogN);
    QVERIFY(first != second);
    QVERIFY(verifyPassword("secret", first));
    QVERIFY(verifyPassword("secret", second));
}

void TestPasswordHash::defaultCost()
{
    // N = 2^14, r = 8 needs 16 MiB: this fails if maxmem is set too low.
    const std::string hash = hashPassword("secret");
    QVERIFY(hash.starts_with("$scrypt$ln=14,r=8,p=1$"));
    QVERIFY(verifyPassword("secret", hash));
    QVERIFY(!verifyPassword("Secret", hash));
}

void TestPasswordHash::verify_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::addColumn<QByteArray>("attempt");
    QTest::addColumn<bool>("matches");

    QTest::newRow("the same password") << QByteArray("hunter2") << QByteArray("hunter2") << true;
    QTest::newRow("a different password") << QByteArray("hunter2") << QByteArray("hunter3") << false;
    QTest::newRow("a different case") << QByteArray("hunter2") << QByteArray("Hunter2") << false;
    QTest::newRow("a trailing space") << QByteArray("hunter2") << QByteArray("hunter2 ") << false;
    QTest::newRow("a prefix") << QByteArray("hunter2") << QByteArray("hunter") << false;
    QTest::newRow("an empty attempt") << QByteArray("hunter2") << QByteArray() << false;
    QTest::newRow("UTF-8 passwords") << QByteArray("contraseña") << QByteArray("contraseña") << true;
    QTest::newRow("a NUL is part of the password, not its end")
        << QByteArray("ab\0cd", 5) << QByteArray("ab") << false;
    QTest::newRow("a password with a NUL matches itself")
        << QByteArray("ab\0cd", 5) << QByteArray("ab\0cd", 5) << true;
}

void TestPasswordHash::verify()
{
    QFETCH(QByteArray, password);
    QFETCH(QByteArray, attempt);
    QFETCH(bool, matches);

    const std::string hash = hashPassword(view(password), testLogN);
    QCOMPARE(verifyPassword(view(attempt), hash), matches);
}

void TestPasswordHash::knownAnswer()
{
    // RFC 7914 §12: scrypt("pleaseletmein", "SodiumChloride", N=16384, r=8,
    // p=1, dkLen=64), written in our format: hashes from any correct scrypt
    // verify.
    const QByteArray derived = QByteArray::fromHex(
        "7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2"
        "d5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887");
    const QByteArray hash = encoded("ln=14,r=8,p=1", unpadded("SodiumChloride"), unpadded(derived));
    QVERIFY(verifyPassword("pleaseletmein", view(hash)));
    QVERIFY(!verifyPassword("pleaseletmeiN", view(hash)));
}

void TestPasswordHash::wellFormed_data()
{
    QTest::addColumn<QByteArray>("hash");
    QTest::addColumn<bool>("valid");

    QTest::newRow("our default parameters") << encoded("ln=14,r=8,p=1") << true;
    QTest::newRow("the largest memory we allow (128 MiB)") << encoded("ln=17,r=8,p=1") << true;
    QTest::newRow("ln at its limit with a small r") << encoded("ln=20,r=1,p=1") << true;
    QTest::newRow("an 8-byte salt and a 64-byte hash")
        << encoded("ln=14,r=8,p=1", unpadded(QByteArray(8, 's')), unpadded(QByteArray(64, 'h'))) << true;

    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("a plain-text password") << QByteArray("hunter2") << false;
    QTest::newRow("another scheme") << QByteArray("$2y$10$abcdefghijklmnopqrstuv") << false;
    QTest::newRow("ln above 20") << encoded("ln=21,r=1,p=1") << false;
    QTest::newRow("more than 256 MiB of memory") << encoded("ln=18,r=8,p=1") << false;
    QTest::newRow("an enormous ln") << encoded("ln=99999999999,r=8,p=1") << false;
    QTest::newRow("ln of zero") << encoded("ln=0,r=8,p=1") << false;
    QTest::newRow("r of zero") << encoded("ln=14,r=0,p=1") << false;
    QTest::newRow("r above 32") << encoded("ln=4,r=33,p=1") << false;
    QTest::newRow("p of zero") << encoded("ln=14,r=8,p=0") << false;
    QTest::newRow("p above 16") << encoded("ln=4,r=8,p=17") << false;
    QTest::newRow("a leading zero") << encoded("ln=014,r=8,p=1") << false;
    QTest::newRow("a signed number") << encoded("ln=+14,r=8,p=1") << false;
    QTest::newRow("parameters out of order") << encoded("r=8,ln=14,p=1") << false;
    QTest::newRow("a missing parameter") << encoded("ln=14,r=8") << false;
    QTest::newRow("a missing hash") << "$scrypt$ln=14,r=8,p=1$" + validSalt << false;
    QTest::newRow("an empty hash") << encoded("ln=14,r=8,p=1", validSalt, "") << false;
    QTest::newRow("a padded salt") << encoded("ln=14,r=8,p=1", QByteArray(16, 's').toBase64()) << false;
    QTest::newRow("a salt shorter than 8 bytes") << encoded("ln=14,r=8,p=1", unpadded("salt")) << false;
    QTest::newRow("a hash shorter than 16 bytes") << encoded("ln=14,r=8,p=1", validSalt, unpadded(QByteArray(15, 'h'))) << false;
    QTest::newRow("a hash longer than 64 bytes") << encoded("ln=14,r=8,p=1", validSalt, unpadded(QByteArray(65, 'h'))) << false;
    QTest::newRow("a character outside base64") << encoded("ln=14,r=8,p=1", validSalt, "*" + validHash.mid(1)) << false;
    QTest::newRow("an impossible base64 length") << encoded("ln=14,r=8,p=1", validSalt, validHash + "AA") << false;
    QTest::newRow("an extra field") << encoded("ln=14,r=8,p=1") + "$extra" << false;
    QTest::newRow("a trailing newline") << encoded("ln=14,r=8,p=1") + "\n" << false;
}

void TestPasswordHash::wellFormed()
{
    QFETCH(QByteArray, hash);
    QFETCH(bool, valid);

    QCOMPARE(isPasswordHash(view(hash)), valid);
    // None of these hashes "hunter2"; a malformed one must not verify either.
    QVERIFY(!verifyPassword("hunter2", view(hash)));
}

void TestPasswordHash::outOfRangeCostGivesNoHash()
{
    QVERIFY(hashPassword("secret", 0).empty());
    QVERIFY(hashPassword("secret", 21).empty());
    QVERIFY(hashPassword("secret", -1).empty());
}

void TestPasswordHash::generatedPasswords()
{
    const QByteArray alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    QCOMPARE(alphabet.size(), 57);
    QHash<char, int> counts;
    QSet<QByteArray> seen;
    constexpr int passwords = 2000;
    for (int i = 0; i < passwords; ++i) {
        const QByteArray password = QByteArray::fromStdString(generatePassword());
        QCOMPARE(password.size(), 20);
        seen.insert(password);
        for (char c : password) {
            QVERIFY2(alphabet.contains(c), "a character outside the alphabet");
            ++counts[c];
        }
    }
    QCOMPARE(seen.size(), passwords);
    // 40,000 characters over 57 symbols: about 702 each, with a standard
    // deviation near 26. A modulo bias would skew the first symbols by ~12%.
    QCOMPARE(counts.size(), 57);
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        QVERIFY2(it.value() > 560 && it.value() < 840, qPrintable(QString(QChar(it.key()))));
}

QTEST_GUILESS_MAIN(TestPasswordHash)
#include "tst_password_hash.moc"
