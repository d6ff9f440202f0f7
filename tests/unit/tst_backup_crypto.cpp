// The encryption of a backup's secrets: they must come back only with the
// right key, at the path they were taken from, and restore must tell a
// wrong passphrase apart from a damaged identity file, since the user fixes
// the two differently.
#include "mail/backup_crypto.h"
#include "mail/sasl.h"
#include "test_bytes.h"

#include <QTest>
#include <string_view>

using namespace postwr::mail;

namespace {

// Cheap enough for a unit test; the format and checks are those of 2^17.
constexpr ScryptCost kFastCost { 10, 8, 1 };
constexpr std::string_view kPassphrase = "correct horse battery staple";
constexpr std::string_view kPath = "domains/example.org/users";
constexpr std::string_view kPem
    = "-----BEGIN PRIVATE KEY-----\n"
      "MC4CAQAwBQYDK2VwBCIEIGJhY2t1cCB0ZXN0IGtleSwgbm90IGEgcmVhbCBvbmUh\n"
      "-----END PRIVATE KEY-----\n";

BackupKeyPair keyPair()
{
    auto pair = generateBackupKeyPair();
    return pair.ok() ? *pair : BackupKeyPair {};
}

// The identity with its first line after the header replaced.
QByteArray withCostLine(const QByteArray &identity, const QByteArray &costLine)
{
    QList<QByteArray> lines = identity.split('\n');
    lines[1] = costLine;
    return lines.join('\n');
}

} // namespace

class TestBackupCrypto : public QObject {
    Q_OBJECT

private slots:
    void keyPairsAreFresh();
    void publicKeyRoundTrip();
    void publicKeyRejectsBadText_data();
    void publicKeyRejectsBadText();
    void privateKeyRoundTrip_data();
    void privateKeyRoundTrip();
    void wrongPassphraseSaysSo();
    void damagedIdentityFails_data();
    void damagedIdentityFails();
    void fileRoundTrip_data();
    void fileRoundTrip();
    void otherPrivateKeyFails();
    void otherPathFails();
    void damagedFileFails_data();
    void damagedFileFails();
    void encryptedTextHidesThePlaintext();
    void encryptionsDiffer();
    void encryptRefusesAShortPublicKey();
};

void TestBackupCrypto::keyPairsAreFresh()
{
    const auto first = generateBackupKeyPair();
    const auto second = generateBackupKeyPair();
    QVERIFY(first.ok());
    QVERIFY(second.ok());
    QCOMPARE(first->publicKey.size(), std::size_t { 32 });
    QCOMPARE(first->privateKey.size(), std::size_t { 32 });
    QVERIFY(first->publicKey != first->privateKey);
    QVERIFY(first->publicKey != second->publicKey);
    QVERIFY(first->privateKey != second->privateKey);
}

void TestBackupCrypto::publicKeyRoundTrip()
{
    const BackupKeyPair pair = keyPair();
    const std::string text = encodeBackupPublicKey(pair.publicKey);
    QCOMPARE(text.find('\n'), std::string::npos);
    // backup/recipient is a file: its line end must not matter.
    for (const std::string &line : { text, text + "\n", text + "\r\n" }) {
        const auto decoded = decodeBackupPublicKey(line);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        QCOMPARE(bytes(*decoded), bytes(pair.publicKey));
    }
}

void TestBackupCrypto::publicKeyRejectsBadText_data()
{
    QTest::addColumn<QByteArray>("text");

    const QByteArray valid = bytes(encodeBackupPublicKey(std::string(32, 'k')));
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not base64") << QByteArray("not a key!");
    QTest::newRow("31 bytes") << bytes(encodeBase64(std::string(31, 'k')));
    QTest::newRow("33 bytes") << bytes(encodeBase64(std::string(33, 'k')));
    QTest::newRow("a blank in the middle") << valid.left(20) + ' ' + valid.mid(20);
    QTest::newRow("a blank before") << ' ' + valid;
}

void TestBackupCrypto::publicKeyRejectsBadText()
{
    QFETCH(QByteArray, text);
    const auto decoded = decodeBackupPublicKey(view(text));
    QVERIFY(!decoded.ok());
    QVERIFY2(decoded.error().message.find("not a backup public key") != std::string::npos,
        decoded.error().message.c_str());
}

void TestBackupCrypto::privateKeyRoundTrip_data()
{
    QTest::addColumn<QByteArray>("passphrase");

    QTest::newRow("words") << QByteArray(kPassphrase.data());
    QTest::newRow("UTF-8") << QByteArray("gr\xc3\xbc\xc3\x9f"
                                         "e aus K\xc3\xb6ln");
    QTest::newRow("empty") << QByteArray();
}

void TestBackupCrypto::privateKeyRoundTrip()
{
    QFETCH(QByteArray, passphrase);
    const BackupKeyPair pair = keyPair();
    const std::string identity = wrapBackupPrivateKey(pair.privateKey, view(passphrase), kFastCost);
    QVERIFY(identity.starts_with("postwr-backup-identity v1\nscrypt 10 8 1\n"));
    const auto unwrapped = unwrapBackupPrivateKey(identity, view(passphrase));
    QVERIFY2(unwrapped.ok(), unwrapped.ok() ? "" : unwrapped.error().message.c_str());
    QCOMPARE(bytes(*unwrapped), bytes(pair.privateKey));
}

void TestBackupCrypto::wrongPassphraseSaysSo()
{
    const std::string identity = wrapBackupPrivateKey(keyPair().privateKey, kPassphrase, kFastCost);
    for (std::string_view wrong :
        { "correct horse battery stapl", "Correct horse battery staple", "" }) {
        const auto unwrapped = unwrapBackupPrivateKey(identity, wrong);
        QVERIFY(!unwrapped.ok());
        QVERIFY2(unwrapped.error().message.find("passphrase is wrong") != std::string::npos,
            unwrapped.error().message.c_str());
    }
}

void TestBackupCrypto::damagedIdentityFails_data()
{
    QTest::addColumn<QByteArray>("identity");
    QTest::addColumn<QByteArray>("error"); // a part of the message; empty: any

    const QByteArray identity
        = bytes(wrapBackupPrivateKey(keyPair().privateKey, kPassphrase, kFastCost));
    QVERIFY(identity.startsWith("postwr-backup-identity v1\nscrypt 10 8 1\n"));
    const qsizetype bodyStart = identity.indexOf("\nscrypt") + 1;
    const qsizetype base64Start = identity.indexOf('\n', bodyStart) + 1;
    const QByteArray header = identity.left(base64Start);
    auto sealed = decodeBase64(view(identity.mid(base64Start).replace('\n', QByteArray())));
    QVERIFY(sealed.has_value());
    (*sealed)[16 + 12 + 5] ^= 0x01; // after the salt and the nonce: the ciphertext
    const QByteArray flipped = header + bytes(encodeBase64(*sealed)) + '\n';

    QTest::newRow("another header")
        << QByteArray(identity).replace("identity v1", "identity v2") << QByteArray("damaged");
    QTest::newRow("another KDF") << withCostLine(identity, "argon2 10 8 1")
                                 << QByteArray("damaged");
    QTest::newRow("a cost that is no number")
        << withCostLine(identity, "scrypt ten 8 1") << QByteArray("damaged");
    QTest::newRow("log2 N 30 asks for too much memory")
        << withCostLine(identity, "scrypt 30 8 1") << QByteArray("damaged");
    QTest::newRow("the header alone")
        << QByteArray("postwr-backup-identity v1\n") << QByteArray("damaged");
    QTest::newRow("truncated base64")
        << identity.left(identity.size() - 10) << QByteArray("damaged");
    QTest::newRow("a flipped byte in the ciphertext") << flipped << QByteArray();
    // The cost line is authenticated with the key.
    QTest::newRow("another cost") << withCostLine(identity, "scrypt 10 8 2") << QByteArray();
}

void TestBackupCrypto::damagedIdentityFails()
{
    QFETCH(QByteArray, identity);
    QFETCH(QByteArray, error);
    const auto unwrapped = unwrapBackupPrivateKey(view(identity), kPassphrase);
    QVERIFY(!unwrapped.ok());
    QVERIFY2(bytes(unwrapped.error().message).contains(error), unwrapped.error().message.c_str());
}

void TestBackupCrypto::fileRoundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");

    QByteArray binary(100 * 1024, '\0');
    for (qsizetype i = 0; i < binary.size(); ++i)
        binary[i] = static_cast<char>((i * 7 + i / 251) & 0xff);
    QVERIFY(binary.contains('\0'));

    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("alice:$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA\n");
    QTest::newRow("100 KB with NUL bytes") << binary;
}

void TestBackupCrypto::fileRoundTrip()
{
    QFETCH(QByteArray, plaintext);
    const BackupKeyPair pair = keyPair();
    const auto encrypted = encryptBackupFile(pair.publicKey, kPath, view(plaintext));
    QVERIFY2(encrypted.ok(), encrypted.ok() ? "" : encrypted.error().message.c_str());
    // 64 columns, so that git shows a change as changed lines.
    for (const QByteArray &line : bytes(*encrypted).split('\n'))
        QVERIFY2(line.size() <= 64, line.constData());
    const auto decrypted = decryptBackupFile(pair.privateKey, kPath, *encrypted);
    QVERIFY2(decrypted.ok(), decrypted.ok() ? "" : decrypted.error().message.c_str());
    QCOMPARE(bytes(*decrypted), plaintext);
}

void TestBackupCrypto::otherPrivateKeyFails()
{
    const auto encrypted = encryptBackupFile(keyPair().publicKey, kPath, kPem);
    QVERIFY(encrypted.ok());
    const auto decrypted = decryptBackupFile(keyPair().privateKey, kPath, *encrypted);
    QVERIFY(!decrypted.ok());
    QVERIFY2(decrypted.error().message.find(kPath) != std::string::npos,
        decrypted.error().message.c_str());
}

void TestBackupCrypto::otherPathFails()
{
    const BackupKeyPair pair = keyPair();
    const auto encrypted = encryptBackupFile(pair.publicKey, kPath, kPem);
    QVERIFY(encrypted.ok());
    QVERIFY(decryptBackupFile(pair.privateKey, kPath, *encrypted).ok());
    QVERIFY(!decryptBackupFile(pair.privateKey, "domains/example.org/dkim/p2026a.pem", *encrypted)
                 .ok());
    QVERIFY(!decryptBackupFile(pair.privateKey, "domains/example.org/users ", *encrypted).ok());
}

void TestBackupCrypto::damagedFileFails_data()
{
    QTest::addColumn<QByteArray>("encrypted");
    QTest::addColumn<QByteArray>("key");

    const BackupKeyPair pair = keyPair();
    const auto encrypted = encryptBackupFile(pair.publicKey, kPath, kPem);
    QVERIFY(encrypted.ok());
    const QByteArray text = bytes(*encrypted);
    const QByteArray header = "postwr-encrypted v1\n";
    auto sealed = decodeBase64(view(text.mid(header.size()).replace('\n', QByteArray())));
    QVERIFY(sealed.has_value());
    (*sealed)[sealed->size() - 20] ^= 0x01; // the ciphertext's last bytes
    const QByteArray key = bytes(pair.privateKey);

    QTest::newRow("another header") << "postwr-encrypted v2\n" + text.mid(header.size()) << key;
    QTest::newRow("truncated") << text.left(text.size() / 2) << key;
    QTest::newRow("header alone") << header << key;
    QTest::newRow("a flipped byte") << header + bytes(encodeBase64(*sealed)) + '\n' << key;
    QTest::newRow("a private key that is too short") << text << key.left(31);
}

void TestBackupCrypto::damagedFileFails()
{
    QFETCH(QByteArray, encrypted);
    QFETCH(QByteArray, key);
    QVERIFY(!decryptBackupFile(view(key), kPath, view(encrypted)).ok());
}

void TestBackupCrypto::encryptedTextHidesThePlaintext()
{
    const auto encrypted = encryptBackupFile(keyPair().publicKey, kPath, kPem);
    QVERIFY(encrypted.ok());
    QVERIFY(encrypted->starts_with("postwr-encrypted v1\n"));
    QCOMPARE(encrypted->find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
    QCOMPARE(encrypted->find("MC4CAQAwBQYDK2Vw"), std::string::npos);
}

void TestBackupCrypto::encryptionsDiffer()
{
    const std::string publicKey = keyPair().publicKey;
    const auto first = encryptBackupFile(publicKey, kPath, kPem);
    const auto second = encryptBackupFile(publicKey, kPath, kPem);
    QVERIFY(first.ok());
    QVERIFY(second.ok());
    QVERIFY(*first != *second);
}

void TestBackupCrypto::encryptRefusesAShortPublicKey()
{
    const auto encrypted = encryptBackupFile(std::string(31, 'k'), kPath, kPem);
    QVERIFY(!encrypted.ok());
    QVERIFY2(encrypted.error().message.find("not a backup public key") != std::string::npos,
        encrypted.error().message.c_str());
}

QTEST_APPLESS_MAIN(TestBackupCrypto)
#include "tst_backup_crypto.moc"
