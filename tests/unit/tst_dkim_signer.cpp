// DKIM keys and signatures (RFC 6376, RFC 8463). Every signature is checked
// by a small verifier written here from the RFC with OpenSSL; the verifier
// itself is proven on RFC 8463's example signature first. The integration
// test tst_it_dkim_verify runs the verifiers of other projects.
#include "mail/date.h"
#include "mail/dkim_canon.h"
#include "mail/dkim_key.h"
#include "mail/dkim_signer.h"
#include "mail/sasl.h"

#include <QRegularExpression>
#include <QTest>

#include "test_bytes.h"
#include <map>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <string_view>

using namespace postwr::mail;

namespace {

QByteArray sha256(const QByteArray &data)
{
    unsigned char digest[32];
    unsigned int length = 0;
    EVP_Digest(data.constData(), static_cast<std::size_t>(data.size()), digest, &length,
        EVP_sha256(), nullptr);
    return QByteArray(reinterpret_cast<const char *>(digest), static_cast<qsizetype>(length));
}

// Tag=value pairs (RFC 6376 §3.2), whitespace removed: fine for the tags
// checked here, none of which has whitespace in its value.
std::map<QByteArray, QByteArray> tags(const QByteArray &list)
{
    std::map<QByteArray, QByteArray> out;
    for (QByteArray part : list.split(';')) {
        part = part.simplified().replace(" ", "");
        const qsizetype equals = part.indexOf('=');
        if (equals > 0)
            out[part.left(equals)] = part.mid(equals + 1);
    }
    return out;
}

std::shared_ptr<EVP_PKEY> publicKeyFromRecord(const QByteArray &record)
{
    const auto fields = tags(record);
    const QByteArray p = QByteArray::fromBase64(fields.count("p") ? fields.at("p") : QByteArray());
    const auto *data = reinterpret_cast<const unsigned char *>(p.constData());
    EVP_PKEY *key = nullptr;
    if (fields.count("k") && fields.at("k") == "ed25519")
        key = EVP_PKEY_new_raw_public_key(
            EVP_PKEY_ED25519, nullptr, data, static_cast<std::size_t>(p.size()));
    else
        key = d2i_PUBKEY(nullptr, &data, p.size());
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

// Verifies the first DKIM-Signature of `message` against a DNS record value
// (RFC 6376 §6.1); "" when it verifies, else why not.
QString verify(const QByteArray &message, const QByteArray &record)
{
    const RawMessage parts = splitMessage(view(message));
    if (parts.fields.empty()
        || QByteArray(bytes(parts.fields.front().name)).toLower() != "dkim-signature")
        return "no DKIM-Signature first";
    const QByteArray signatureField = bytes(parts.fields.front().raw);
    auto sig = tags(signatureField.mid(signatureField.indexOf(':') + 1));
    const QList<QByteArray> c = sig["c"].split('/');
    const auto headerCanon
        = c.value(0) == "relaxed" ? DkimCanonicalization::Relaxed : DkimCanonicalization::Simple;
    const auto bodyCanon
        = c.value(1) == "relaxed" ? DkimCanonicalization::Relaxed : DkimCanonicalization::Simple;

    const QByteArray bodyHash = sha256(bytes(canonicalizeBody(parts.body, bodyCanon))).toBase64();
    if (bodyHash != sig["bh"])
        return "body hash " + QString(bodyHash) + " != bh=" + QString(sig["bh"]);

    // h=: each name takes the last unused instance, bottom up (§5.4.2); a
    // name with no instance left adds nothing.
    QByteArray data;
    std::vector<bool> used(parts.fields.size(), false);
    for (const QByteArray &name : sig["h"].split(':')) {
        for (std::size_t i = parts.fields.size(); i-- > 1;) {
            if (!used[i] && bytes(parts.fields[i].name).trimmed().toLower() == name.toLower()) {
                used[i] = true;
                data += bytes(canonicalizeHeader(parts.fields[i].raw, headerCanon));
                break;
            }
        }
    }
    // The signature field with its b= value removed, no final CRLF (§3.7).
    QString text = QString::fromLatin1(signatureField);
    text.replace(QRegularExpression("([;:]\\s*b\\s*=)[^;]*"), "\\1");
    if (!text.endsWith("\r\n"))
        text += "\r\n";
    const QByteArray withoutB = text.toLatin1();
    QByteArray self = bytes(canonicalizeHeader(view(withoutB), headerCanon));
    self.chop(2);
    data += self;

    const QByteArray b = QByteArray::fromBase64(sig["b"]);
    const std::shared_ptr<EVP_PKEY> key = publicKeyFromRecord(record);
    if (!key)
        return "bad public key in the record";
    const bool ed25519 = sig["a"] == "ed25519-sha256";
    const QByteArray input = ed25519 ? sha256(data) : data;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), EVP_MD_CTX_free);
    if (EVP_DigestVerifyInit(
            context.get(), nullptr, ed25519 ? nullptr : EVP_sha256(), nullptr, key.get())
        != 1)
        return "EVP_DigestVerifyInit failed";
    const int ok = EVP_DigestVerify(context.get(),
        reinterpret_cast<const unsigned char *>(b.constData()), static_cast<std::size_t>(b.size()),
        reinterpret_cast<const unsigned char *>(input.constData()),
        static_cast<std::size_t>(input.size()));
    return ok == 1 ? QString() : QStringLiteral("the signature does not verify");
}

// RFC 6376 Appendix A.2's message, used by RFC 8463 Appendix A.
const QByteArray rfcMessage = "From: Joe SixPack <joe@football.example.com>\r\n"
                              "To: Suzie Q <suzie@shopping.example.net>\r\n"
                              "Subject: Is dinner ready?\r\n"
                              "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
                              "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n"
                              "\r\n"
                              "Hi.\r\n"
                              "\r\n"
                              "We lost the game.  Are you hungry yet?\r\n"
                              "\r\n"
                              "Joe.\r\n";

// RFC 8463 Appendix A.3 (key from RFC 8032 §7.1 test 1, A.2).
const QByteArray rfc8463Signature
    = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n"
      " d=football.example.com; i=@football.example.com;\r\n"
      " q=dns/txt; s=brisbane; t=1528637909; h=from : to :\r\n"
      " subject : date : message-id : from : subject : date;\r\n"
      " bh=2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8=;\r\n"
      " b=/gCrinpcQOoIfuHNQIbq4pgh9kyIK3AQUdt9OdqQehSwhEIug4D11Bus\r\n"
      " Fa3bT3FY5OsU7ZbnKELq+eXdp1Q1Dw==\r\n";
const QByteArray rfc8463Record
    = "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";
const QByteArray rfc8032PrivateKey = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";

constexpr std::int64_t now = 1785228165; // 2026-07-28

struct Keys {
    DkimKey rsa;
    DkimKey ed25519;
};

} // namespace

class TestDkimSigner : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void verifierAcceptsRfc8463Example();
    void verifierRejectsTamperedRfc8463Example();
    void signaturesVerify_data();
    void signaturesVerify();
    void signatureFieldIsFoldedAt78Columns();
    void headerListSignsEveryInstanceAndOversigns();
    void tamperingBreaksTheSignature_data();
    void tamperingBreaksTheSignature();
    void relaxedChangesKeepTheSignature();
    void ed25519IsDeterministicWithTheRfcKey();
    void keyPemRoundTrip();
    void keyRecords();
    void rsaKeySizes();
    void loadRejects_data();
    void loadRejects();
    void selectors();
    void txtStrings();
    void addMissingHeaders_data();
    void addMissingHeaders();

private:
    QByteArray record(const DkimKey &key)
    {
        Result<std::string> value = dkimRecordValue(key);
        return value ? bytes(*value) : QByteArray();
    }
    QByteArray signedMessage(const DkimKey &key, const QByteArray &message)
    {
        Result<std::string> field = signMessage(key, view(message), now);
        return field ? bytes(*field) + message : QByteArray();
    }

    Keys m_keys;
};

void TestDkimSigner::initTestCase()
{
    Result<DkimKey> rsa
        = generateDkimKey(DkimKey::Algorithm::RsaSha256, 2048, "example.org", "p2026a");
    QVERIFY2(rsa.ok(), rsa.ok() ? "" : rsa.error().message.c_str());
    Result<DkimKey> ed
        = generateDkimKey(DkimKey::Algorithm::Ed25519Sha256, 0, "example.org", "p2026b");
    QVERIFY2(ed.ok(), ed.ok() ? "" : ed.error().message.c_str());
    m_keys = { *rsa, *ed };
}

void TestDkimSigner::verifierAcceptsRfc8463Example()
{
    QCOMPARE(verify(rfc8463Signature + rfcMessage, rfc8463Record), QString());
}

void TestDkimSigner::verifierRejectsTamperedRfc8463Example()
{
    QByteArray tampered = rfc8463Signature + rfcMessage;
    tampered.replace("Is dinner ready?", "Is dinner ready!");
    QCOMPARE(verify(tampered, rfc8463Record), QStringLiteral("the signature does not verify"));
}

void TestDkimSigner::signaturesVerify_data()
{
    QTest::addColumn<bool>("ed25519");
    QTest::addColumn<QByteArray>("message");

    const QByteArray longTo
        = "To: " + QByteArray("Recipient Number One <one@example.net>, ").repeated(6)
        + "last@example.net\r\n";
    const QList<QPair<const char *, QByteArray>> messages = {
        { "the RFC 6376 example message", rfcMessage },
        { "long folded headers",
            "From: A Sender <a@example.org>\r\n" + longTo.left(60) + "\r\n\t" + longTo.mid(60)
                + "Subject: a subject that is long enough to be folded by the\r\n   sending "
                  "program, twice\r\n"
                  "\tover\r\n\r\nbody\r\n" },
        { "8-bit UTF-8 headers and body",
            "From: =?UTF-8?Q?Si=C3=A2n?= <sian@example.org>\r\nSubject: Shwmae "
            "\xe4\xbd\xa0\xe5\xa5\xbd\r\n"
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            "Bore da \xe2\x80\x94 \xc5\xb5\xc5\xb7\r\n\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x81\r\n" },
        { "trailing blank lines", "From: a@example.org\r\nSubject: x\r\n\r\nbody\r\n\r\n\r\n\r\n" },
        { "lines with trailing whitespace",
            "From: a@example.org \t\r\nSubject: x  \r\n\r\nline \t\r\n  \r\nend  \r\n" },
        { "an empty body", "From: a@example.org\r\nSubject: empty\r\n\r\n" },
        { "no body at all", "From: a@example.org\r\nSubject: header only\r\n" },
        { "repeated and oddly cased fields",
            "FROM: a@example.org\r\nto: b@example.net\r\nTo: c@example.net\r\nsubject : "
            "x\r\n\r\nbody\r\n" },
        { "a message without any signed field", "X-Only: this\r\n\r\nbody\r\n" },
    };
    for (const bool ed25519 : { false, true }) {
        for (const auto &[name, message] : messages)
            QTest::newRow(qPrintable(QString(ed25519 ? "ed25519: " : "rsa: ") + name))
                << ed25519 << message;
    }
}

void TestDkimSigner::signaturesVerify()
{
    QFETCH(bool, ed25519);
    QFETCH(QByteArray, message);

    const DkimKey &key = ed25519 ? m_keys.ed25519 : m_keys.rsa;
    const QByteArray signedText = signedMessage(key, message);
    QVERIFY(!signedText.isEmpty());
    QCOMPARE(verify(signedText, record(key)), QString());
    // With the other key's record it must fail.
    QVERIFY(!verify(signedText, record(ed25519 ? m_keys.rsa : m_keys.ed25519)).isEmpty());
}

void TestDkimSigner::signatureFieldIsFoldedAt78Columns()
{
    for (const DkimKey *key : { &m_keys.rsa, &m_keys.ed25519 }) {
        Result<std::string> field = signMessage(*key, view(rfcMessage), now);
        QVERIFY(field.ok());
        const QByteArray text = bytes(*field);
        QVERIFY(text.startsWith("DKIM-Signature: v=1; a="));
        QVERIFY(text.endsWith("\r\n"));
        const QList<QByteArray> lines = text.chopped(2).split('\n');
        QVERIFY(lines.size() > 2);
        for (qsizetype i = 0; i < lines.size(); ++i) {
            QByteArray line = lines[i];
            if (i + 1 < lines.size()) {
                QVERIFY2(line.endsWith('\r'), line.constData());
                line.chop(1);
            }
            QVERIFY2(!line.contains('\r'), "bare CR");
            // A tab counts as 8 columns here, the worst a reader may show.
            const qsizetype columns = line.size() + (line.startsWith('\t') ? 7 : 0);
            QVERIFY2(columns <= 78, line.constData());
            if (i > 0)
                QVERIFY2(line.startsWith('\t'), line.constData());
        }
        const auto sig = tags(text.mid(text.indexOf(':') + 1));
        QCOMPARE(sig.at("v"), QByteArray("1"));
        QCOMPARE(sig.at("a"), QByteArray(key == &m_keys.rsa ? "rsa-sha256" : "ed25519-sha256"));
        QCOMPARE(sig.at("c"), QByteArray("relaxed/relaxed"));
        QCOMPARE(sig.at("d"), QByteArray("example.org"));
        QCOMPARE(sig.at("s"), QByteArray(key->selector.c_str()));
        QCOMPARE(sig.at("t"), QByteArray::number(now));
        // b= is last: what a verifier empties is the end of the field.
        QVERIFY(text.simplified().replace(" ", "").contains(";b="));
        QVERIFY(!text.mid(text.lastIndexOf("b=")).contains(';'));
    }
}

void TestDkimSigner::headerListSignsEveryInstanceAndOversigns()
{
    const QByteArray message
        = "Received: from x\r\nFrom: a@example.org\r\nTo: b@example.net\r\nTo: c@example.net\r\n"
          "Message-ID: <1@example.org>\r\nX-Mailer: test\r\n\r\nbody\r\n";
    Result<std::string> field = signMessage(m_keys.rsa, view(message), now);
    QVERIFY(field.ok());
    const QByteArray h = tags(bytes(*field).mid(15)).at("h");
    // From, To, Cc, Subject, Date and Reply-To once more than present;
    // Message-ID as present; Received and X-Mailer never.
    QCOMPARE(h, QByteArray("from:from:to:to:to:cc:subject:date:reply-to:message-id"));
}

void TestDkimSigner::tamperingBreaksTheSignature_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");

    QTest::newRow("a changed body") << QByteArray("We lost") << QByteArray("We won");
    QTest::newRow("a changed subject")
        << QByteArray("Is dinner ready?") << QByteArray("Is lunch ready?");
    QTest::newRow("a second From on top")
        << QByteArray("From: Joe") << QByteArray("From: Mallory <m@evil.example>\r\nFrom: Joe");
    QTest::newRow("a second From at the bottom")
        << QByteArray("Message-ID:") << QByteArray("From: m@evil.example\r\nMessage-ID:");
    QTest::newRow("an added Reply-To")
        << QByteArray("Message-ID:") << QByteArray("Reply-To: m@evil.example\r\nMessage-ID:");
    QTest::newRow("an added Cc") << QByteArray("Message-ID:")
                                 << QByteArray("Cc: m@evil.example\r\nMessage-ID:");
    QTest::newRow("an added body line")
        << QByteArray("Joe.\r\n") << QByteArray("Joe.\r\nP.S. click here\r\n");
}

void TestDkimSigner::tamperingBreaksTheSignature()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    for (const DkimKey *key : { &m_keys.rsa, &m_keys.ed25519 }) {
        QByteArray text = signedMessage(*key, rfcMessage);
        QCOMPARE(verify(text, record(*key)), QString());
        const qsizetype at = text.indexOf(from, text.indexOf("From: Joe"));
        QVERIFY(at > 0);
        text.replace(at, from.size(), to);
        QVERIFY(!verify(text, record(*key)).isEmpty());
    }
}

void TestDkimSigner::relaxedChangesKeepTheSignature()
{
    // What relays are known to do: re-fold headers, change the case of field
    // names, add whitespace at line ends and blank lines at the end, add
    // Received fields.
    QByteArray text = signedMessage(m_keys.rsa, rfcMessage);
    text.replace("Subject: Is dinner ready?", "SUBJECT:\r\n   Is  dinner\tready?  ");
    text.replace("Joe.\r\n", "Joe. \r\n\r\n\r\n");
    text.prepend("Received: by relay.example\r\n");
    text.insert(text.indexOf("From: Joe"), "Received: by relay2.example\r\n");
    // The verifier expects the signature first: put it back in front.
    const qsizetype start = text.indexOf("DKIM-Signature:");
    const qsizetype end = text.indexOf("\r\nFrom: Joe", start) + 2;
    const QByteArray field = text.mid(start, end - start);
    text.remove(start, end - start);
    text.prepend(field);
    QCOMPARE(verify(text, record(m_keys.rsa)), QString());
}

void TestDkimSigner::ed25519IsDeterministicWithTheRfcKey()
{
    // The RFC 8032 key of RFC 8463's example, loaded as PEM from its raw
    // 32 octets: our signature must verify against the published record.
    const QByteArray raw = QByteArray::fromBase64(rfc8032PrivateKey);
    EVP_PKEY *pkey = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, nullptr,
        reinterpret_cast<const unsigned char *>(raw.constData()),
        static_cast<std::size_t>(raw.size()));
    QVERIFY(pkey);
    DkimKey key { "football.example.com", "brisbane",
        std::shared_ptr<EVP_PKEY>(pkey, EVP_PKEY_free), DkimKey::Algorithm::Ed25519Sha256 };
    QCOMPARE(record(key), rfc8463Record);
    const QByteArray first = signedMessage(key, rfcMessage);
    QCOMPARE(verify(first, rfc8463Record), QString());
    QCOMPARE(signedMessage(key, rfcMessage), first);
    // Same body hash as the RFC's example: same relaxed body.
    QCOMPARE(tags(first.left(first.indexOf("From: Joe"))).at("bh"),
        QByteArray("2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8="));
}

void TestDkimSigner::keyPemRoundTrip()
{
    for (const DkimKey *key : { &m_keys.rsa, &m_keys.ed25519 }) {
        Result<std::string> pem = dkimPrivateKeyPem(*key);
        QVERIFY(pem.ok());
        QVERIFY(bytes(*pem).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        Result<DkimKey> loaded = loadDkimKey(*pem, "example.org", "again");
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : loaded.error().message.c_str());
        QCOMPARE(loaded->algorithm, key->algorithm);
        QCOMPARE(loaded->selector, std::string("again"));
        QCOMPARE(record(*loaded), record(*key));
        // A message signed with the loaded key verifies with the old record.
        QCOMPARE(verify(signedMessage(*loaded, rfcMessage), record(*key)), QString());
    }
}

void TestDkimSigner::keyRecords()
{
    const QByteArray rsa = record(m_keys.rsa);
    QVERIFY2(rsa.startsWith("v=DKIM1; k=rsa; p=MII"), rsa.constData());
    // A 2048-bit SubjectPublicKeyInfo is 294 octets: 392 base64 characters.
    QCOMPARE(rsa.size() - qsizetype(strlen("v=DKIM1; k=rsa; p=")), qsizetype(392));
    const QByteArray ed = record(m_keys.ed25519);
    QVERIFY2(ed.startsWith("v=DKIM1; k=ed25519; p="), ed.constData());
    // RFC 8463 §4.2: the raw 32-octet key, not a SubjectPublicKeyInfo.
    QCOMPARE(QByteArray::fromBase64(ed.mid(ed.indexOf("p=") + 2)).size(), qsizetype(32));
    QCOMPARE(dkimRecordName(m_keys.rsa), std::string("p2026a._domainkey.example.org"));
    QCOMPARE(describeDkimKey(m_keys.rsa), std::string("rsa-2048"));
    QCOMPARE(describeDkimKey(m_keys.ed25519), std::string("ed25519"));
}

void TestDkimSigner::rsaKeySizes()
{
    Result<DkimKey> small
        = generateDkimKey(DkimKey::Algorithm::RsaSha256, 1024, "example.org", "s");
    QVERIFY(small.ok());
    QCOMPARE(describeDkimKey(*small), std::string("rsa-1024"));
    QVERIFY(!generateDkimKey(DkimKey::Algorithm::RsaSha256, 1023, "example.org", "s").ok());
    QVERIFY(!generateDkimKey(DkimKey::Algorithm::RsaSha256, 512, "example.org", "s").ok());
    QVERIFY(!generateDkimKey(DkimKey::Algorithm::RsaSha256, 65536, "example.org", "s").ok());

    // A 512-bit key made elsewhere is refused on loading (RFC 8301 §3.2).
    EVP_PKEY *weak = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t { 512 });
    QVERIFY(weak);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    PEM_write_bio_PrivateKey(bio.get(), weak, nullptr, nullptr, 0, nullptr, nullptr);
    EVP_PKEY_free(weak);
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    Result<DkimKey> loaded
        = loadDkimKey(std::string_view(data, static_cast<std::size_t>(size)), "e.org", "s");
    QVERIFY(!loaded.ok());
    QVERIFY2(
        loaded.error().message.find("1024") != std::string::npos, loaded.error().message.c_str());
}

void TestDkimSigner::loadRejects_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::newRow("nothing") << QByteArray();
    QTest::newRow("not PEM") << QByteArray("hello\n");
    QTest::newRow("a public key") << QByteArray(
        "-----BEGIN PUBLIC KEY-----\n"
        "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
        "-----END PUBLIC KEY-----\n");
    QTest::newRow("a P-256 key") << QByteArray("EC");
}

void TestDkimSigner::loadRejects()
{
    QFETCH(QByteArray, pem);
    if (pem == "EC") {
        EVP_PKEY *ec = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        QVERIFY(ec);
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        PEM_write_bio_PrivateKey(bio.get(), ec, nullptr, nullptr, 0, nullptr, nullptr);
        EVP_PKEY_free(ec);
        char *data = nullptr;
        const long size = BIO_get_mem_data(bio.get(), &data);
        pem = QByteArray(data, static_cast<qsizetype>(size));
    }
    QVERIFY(!loadDkimKey(view(pem), "example.org", "s").ok());
}

void TestDkimSigner::selectors()
{
    for (const char *good : { "p2026a", "s1", "mail-2026", "a.b", "x" })
        QVERIFY2(isValidDkimSelector(good), good);
    for (const char *bad : { "", "-a", "a-", "a..b", ".a", "a.", "A", "a_b", "a/b", "../x", "a b" })
        QVERIFY2(!isValidDkimSelector(bad), bad);
    QVERIFY(!isValidDkimSelector(std::string(64, 'a')));
    QVERIFY(isValidDkimSelector(std::string(63, 'a')));

    QCOMPARE(defaultDkimSelector(now, {}), std::string("p2026a"));
    QCOMPARE(defaultDkimSelector(now, { "p2026a", "p2025a" }), std::string("p2026b"));
    std::vector<std::string> all;
    for (char c = 'a'; c <= 'z'; ++c)
        all.push_back(std::string("p2026") + c);
    QCOMPARE(defaultDkimSelector(now, all), std::string());
}

void TestDkimSigner::txtStrings()
{
    const std::string value(600, 'x');
    const std::vector<std::string> parts = splitTxtStrings(value);
    QCOMPARE(parts.size(), std::size_t { 3 });
    QCOMPARE(parts[0].size(), std::size_t { 255 });
    QCOMPARE(parts[2].size(), std::size_t { 90 });
    QCOMPARE(parts[0] + parts[1] + parts[2], value);
    QCOMPARE(splitTxtStrings("short"), std::vector<std::string> { "short" });
}

void TestDkimSigner::addMissingHeaders_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("expected");

    const QByteArray date = "Date: " + bytes(rfc5322Date(static_cast<std::time_t>(now))) + "\r\n";
    const QByteArray id = "Message-ID: <abc123@example.org>\r\n";
    QTest::newRow("both missing") << QByteArray("From: a@example.org\r\n\r\nhi\r\n")
                                  << date + id + "From: a@example.org\r\n\r\nhi\r\n";
    QTest::newRow("Date present") << QByteArray("DATE: x\r\nFrom: a@example.org\r\n\r\nhi\r\n")
                                  << id + "DATE: x\r\nFrom: a@example.org\r\n\r\nhi\r\n";
    QTest::newRow("Message-ID present, any case")
        << QByteArray("message-id: <1@x>\r\n\r\n") << date + "message-id: <1@x>\r\n\r\n";
    QTest::newRow("both present")
        << QByteArray("Date: x\r\nMessage-Id: <1@x>\r\n\r\nDate: in the body\r\n")
        << QByteArray("Date: x\r\nMessage-Id: <1@x>\r\n\r\nDate: in the body\r\n");
    QTest::newRow("a Date in the body does not count")
        << QByteArray("Message-ID: <1@x>\r\n\r\nDate: body\r\n")
        << date + "Message-ID: <1@x>\r\n\r\nDate: body\r\n";
}

void TestDkimSigner::addMissingHeaders()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, expected);
    QCOMPARE(bytes(postwr::mail::addMissingHeaders(view(message), "example.org", now, "abc123")),
        expected);
}

QTEST_APPLESS_MAIN(TestDkimSigner)
#include "tst_dkim_signer.moc"
