// DKIM verification (RFC 6376 §6, RFC 8463, RFC 8301) against signatures
// made three ways: by our signer (dkim_signer.h), by dkimpy (fixtures signed
// with dkim.sign and embedded here with their key records), and by a small
// signer written here from the RFC for the tags our signer never writes
// (x=, l=, i=, simple canonicalization, weak keys). RFC 8463's example must
// pass too. DNS comes from tables (dns_table.h).
#include "dns_table.h"
#include "mail/dkim_canon.h"
#include "mail/dkim_key.h"
#include "mail/dkim_signer.h"
#include "mail/dkim_verifier.h"
#include "mail/sasl.h"
#include "test_bytes.h"

#include <QRegularExpression>
#include <QTest>
#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>

using namespace postwr::mail;
using postwr::testing::DnsTable;

Q_DECLARE_METATYPE(DkimResult)

namespace {

// Just after the dkimpy fixtures below were signed (t=1795873919).
constexpr std::int64_t now = 1795874000;

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

// RFC 8463 Appendix A.3 (as in tst_dkim_signer.cpp).
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

// Signed by dkimpy 1.1.4 (dkim.sign, selector "fixture", d=dkimpy.example),
// with a 1024-bit RSA key and an Ed25519 key generated for the purpose.
const QByteArray dkimpyMessage = "From: Alice Example <alice@dkimpy.example>\r\n"
                                 "To: bob@example.net\r\n"
                                 "Subject:  Spaces   and\ttabs  \r\n"
                                 "Date: Tue, 28 Jul 2026 10:00:00 +0000\r\n"
                                 "Message-ID: <fixture-1@dkimpy.example>\r\n"
                                 "\r\n"
                                 "Hello Bob,  \r\n"
                                 "\r\n"
                                 "two  spaces\there.\r\n"
                                 "\r\n\r\n";
const QByteArray dkimpyRsaRecord
    = "v=DKIM1; k=rsa; "
      "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDAdjzCOdKVbNWwJvmztuuFIqcwVMuqNKpsYflkkfuOvGcxdKU8"
      "6BCdmZDqclbXOOPTyZ3ycVG6rzdy9NlFijrUMTvfx2JKtvCVecf2+WvOebPsuwuDg2fNy5h+5TKshiyX3uA6rGFNAy"
      "419DWMK5YuUpZP86NPFlOTLjaBUmt3OwIDAQAB";
const QByteArray dkimpyEd25519Record
    = "v=DKIM1; k=ed25519; p=sCzUrEfG2oGE++vZlhWwFXHsPxgQg9xo1G1XfstEMyc=";
const QByteArray dkimpySimple
    = "DKIM-Signature: v=1; a=rsa-sha256; c=simple/simple; d=dkimpy.example;\r\n"
      " i=@dkimpy.example; q=dns/txt; s=fixture; t=1795873919; h=from : to :\r\n"
      " subject : date : message-id : from;\r\n"
      " bh=yXj/GdHdu+VtbpeI63av5qgkz+7quDtEt4jCzgz32LM=;\r\n"
      " b=EquV7RLtnapwvO/Fwwdv3zPmS9ubCoAib7uMbXt2y/jx/ULpUZLTqL46sOXinzhFvb/u7\r\n"
      " uDqIXyuCD/NVh2x6Xufu38FqM/AXvEIIxa5HQQ7f6psSACS/4TpnglfUxaGa3lcgnTJ+Uoh\r\n"
      " kqj0tyvlbp1eOCpjIGxZWiFa8lQnRGw=\r\n";
const QByteArray dkimpyRelaxed
    = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=dkimpy.example;\r\n"
      " i=@dkimpy.example; q=dns/txt; s=fixture; t=1795873919; h=from : to :\r\n"
      " subject : date : message-id : from;\r\n"
      " bh=gVoP5TAdiWlhNhuyrpvorxCKDKzsmN26lBj/mU675X4=;\r\n"
      " b=WfM70nZGFeSIvzxRRdn4BE2stpbGQPDcfW1rhy4xfvQIUHnxxtbYZ0uXx89GgyNePSumG\r\n"
      " HTbPb5IBBqsOr/jLbAqTVc0oDlBSB4zddR0pKbbCHP16IKAfF1sutRYXKtEmxNAQf+Rlp6Q\r\n"
      " SoHri5r0o+Le699wsQxjSwt0yc5tZrU=\r\n";
// relaxed/simple with l=35, the whole body as signed.
const QByteArray dkimpyLength
    = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/simple; d=dkimpy.example;\r\n"
      " i=@dkimpy.example; l=35; q=dns/txt; s=fixture; t=1795873919; h=from :\r\n"
      " to : subject : date : message-id : from;\r\n"
      " bh=yXj/GdHdu+VtbpeI63av5qgkz+7quDtEt4jCzgz32LM=;\r\n"
      " b=XJYTNVIePpqOosuqCE5urliJj2EXRFFmGOCGFXEua/+HooUOGYAfXwt99gub49GIbKTI7\r\n"
      " At6ZTtEY604cy2RzC/GnhmXLGjyTmwY/c82BXxjnw/qexRtpZj6NhDKlfLocmCAnu2lVd6Q\r\n"
      " fKQJRgr/y27xB0+8De2/JR0YsrbVLyU=\r\n";
const QByteArray dkimpyEd25519
    = "DKIM-Signature: v=1; a=ed25519-sha256; c=relaxed/relaxed;\r\n"
      " d=dkimpy.example; i=@dkimpy.example; q=dns/txt; s=fixture;\r\n"
      " t=1795873919; h=from : to : subject : date : message-id : from;\r\n"
      " bh=gVoP5TAdiWlhNhuyrpvorxCKDKzsmN26lBj/mU675X4=;\r\n"
      " b=bx0KB0GARqkUw1NoygGn+3hz2yUNaxQlDNhc37D0J+lJD2SwtqC2HAA8eNuQPIRR7qtgH\r\n"
      " N+jMS3qa9Q7Yx/VBw==\r\n";

const std::string rsaName = "p2026a._domainkey.example.org";
const std::string edName = "p2026b._domainkey.example.org";
const std::string weakName = "weak._domainkey.example.org";

QByteArray sha256(const QByteArray &data)
{
    return bytes(dkimSha256(view(data)));
}

QByteArray tagValue(const QByteArray &tags, const char *name)
{
    const QRegularExpression pattern(QStringLiteral("(?:^|;)\\s*%1=([^;]*)").arg(name));
    return pattern.match(QString::fromLatin1(tags)).captured(1).trimmed().toLatin1();
}

DkimCanonicalization canonicalization(const QByteArray &name)
{
    return name == "relaxed" ? DkimCanonicalization::Relaxed : DkimCanonicalization::Simple;
}

// A DKIM-Signature made here from RFC 6376 §5, to put in front of
// `message`: `tags` is everything before bh= and b= (ending with "; "); c=,
// h= and l= are read back from it. Fields are taken bottom up per h=.
QByteArray handSigned(const DkimKey &key, const QByteArray &tags, const QByteArray &message)
{
    const QList<QByteArray> c = (tagValue(tags, "c") + "/").split('/');
    const DkimCanonicalization headerCanon = canonicalization(c[0]);
    const DkimCanonicalization bodyCanon = canonicalization(c[1]);
    const RawMessage parts = splitMessage(view(message));
    QByteArray body = bytes(canonicalizeBody(parts.body, bodyCanon));
    if (!tagValue(tags, "l").isEmpty())
        body = body.left(tagValue(tags, "l").toLongLong());

    QByteArray data;
    std::vector<bool> used(parts.fields.size(), false);
    for (const QByteArray &name : tagValue(tags, "h").split(':')) {
        for (std::size_t i = parts.fields.size(); i-- > 0;) {
            if (!used[i] && bytes(parts.fields[i].name).trimmed().toLower() == name.trimmed()) {
                used[i] = true;
                data += bytes(canonicalizeHeader(parts.fields[i].raw, headerCanon));
                break;
            }
        }
    }
    const QByteArray field = "DKIM-Signature: " + tags + "bh=" + sha256(body).toBase64() + "; b=";
    QByteArray self = bytes(canonicalizeHeader(view(field + "\r\n"), headerCanon));
    self.chop(2);
    data += self;

    const bool ed25519 = key.algorithm == DkimKey::Algorithm::Ed25519Sha256;
    const QByteArray input = ed25519 ? sha256(data) : data;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(
        EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t length = 0;
    const auto *in = reinterpret_cast<const unsigned char *>(input.constData());
    const auto size = static_cast<std::size_t>(input.size());
    if (EVP_DigestSignInit(
            context.get(), nullptr, ed25519 ? nullptr : EVP_sha256(), nullptr, key.key.get())
            != 1
        || EVP_DigestSign(context.get(), nullptr, &length, in, size) != 1)
        return {};
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    if (EVP_DigestSign(
            context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, in, size)
        != 1)
        return {};
    signature.resize(static_cast<qsizetype>(length));
    return field + signature.toBase64() + "\r\n" + message;
}

QByteArray recordOf(const DkimKey &key)
{
    Result<std::string> value = dkimRecordValue(key);
    return value ? bytes(*value) : QByteArray();
}

std::vector<DkimVerdict> verify(const QByteArray &message, const DnsTable &table,
    std::vector<DnsQuestion> *asked = nullptr, std::int64_t at = now)
{
    const std::string text(view(message));
    std::optional<std::vector<DkimVerdict>> verdicts = table.run<std::vector<DkimVerdict>>(
        [&](const DnsAnswers &answers) { return verifyDkim(text, answers, at); }, 100, asked);
    if (!verdicts) {
        qWarning("verifyDkim never finished");
        return {};
    }
    return *verdicts;
}

QString describe(const std::vector<DkimVerdict> &verdicts)
{
    QStringList out;
    for (const DkimVerdict &verdict : verdicts)
        out << QString("%1 (%2)").arg(
            dkimResultName(verdict.result).data(), verdict.reason.c_str());
    return out.join(", ");
}

} // namespace

class TestDkimVerifier : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void resultNames();
    void tagLists_data();
    void tagLists();
    void signatureFieldWithoutB_data();
    void signatureFieldWithoutB();
    void rfc8463ExamplePasses();
    void ourSignaturesPass_data();
    void ourSignaturesPass();
    void tamperedMessages_data();
    void tamperedMessages();
    void addedFromWithoutOversigning();
    void dkimpyFixtures_data();
    void dkimpyFixtures();
    void signatureTags_data();
    void signatureTags();
    void keyRecords_data();
    void keyRecords();
    void multipleSignatures();
    void atMostEightSignatures();
    void noSignature();
    void questions();

private:
    DnsTable zone() const
    {
        DnsTable table;
        table.add(DnsType::Txt, rsaName, { recordOf(m_rsa).toStdString() });
        table.add(DnsType::Txt, edName, { recordOf(m_ed25519).toStdString() });
        table.add(DnsType::Txt, weakName, { recordOf(m_weak).toStdString() });
        return table;
    }
    QByteArray ourSigned(const DkimKey &key, const QByteArray &message) const
    {
        Result<std::string> field = signMessage(key, view(message), now);
        return field ? bytes(*field) + message : QByteArray();
    }

    DkimKey m_rsa;
    DkimKey m_ed25519;
    DkimKey m_weak; // 512 bits, made without generateDkimKey's checks
};

void TestDkimVerifier::initTestCase()
{
    Result<DkimKey> rsa
        = generateDkimKey(DkimKey::Algorithm::RsaSha256, 2048, "example.org", "p2026a");
    QVERIFY(rsa.ok());
    Result<DkimKey> ed
        = generateDkimKey(DkimKey::Algorithm::Ed25519Sha256, 0, "example.org", "p2026b");
    QVERIFY(ed.ok());
    m_rsa = *rsa;
    m_ed25519 = *ed;
    EVP_PKEY *weak = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t { 512 });
    QVERIFY(weak);
    m_weak = { "example.org", "weak", std::shared_ptr<EVP_PKEY>(weak, EVP_PKEY_free),
        DkimKey::Algorithm::RsaSha256 };
}

void TestDkimVerifier::resultNames()
{
    QStringList names;
    for (const DkimResult result :
        { DkimResult::None, DkimResult::Pass, DkimResult::Fail, DkimResult::Neutral,
            DkimResult::Policy, DkimResult::TempError, DkimResult::PermError })
        names << QString::fromLatin1(bytes(dkimResultName(result)));
    QCOMPARE(names.join(','), QString("none,pass,fail,neutral,policy,temperror,permerror"));
}

void TestDkimVerifier::tagLists_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("expected"); // "name=value|..." or "error: ..."

    QTest::newRow("plain") << QByteArray("v=1; a=rsa-sha256") << "v=1|a=rsa-sha256";
    QTest::newRow("a final semicolon") << QByteArray("v=1;") << "v=1";
    QTest::newRow("folding whitespace around names and values")
        << QByteArray(" v =\r\n\t1 ;\r\n a= x ") << "v=1|a=x";
    QTest::newRow("folding inside a value stays")
        << QByteArray("b=abc\r\n def; c=x") << "b=abc\r\n def|c=x";
    QTest::newRow("an empty value") << QByteArray("b=; c=x") << "b=|c=x";
    QTest::newRow("= inside a value") << QByteArray("z=a=b") << "z=a=b";
    QTest::newRow("a duplicate tag") << QByteArray("v=1; v=1") << "error: duplicate tag v=";
    QTest::newRow("a tag without =") << QByteArray("v=1; junk") << "error: tag without \"=\": junk";
    QTest::newRow("a bad tag name") << QByteArray("1v=1") << "error: bad tag name \"1v\"";
}

void TestDkimVerifier::tagLists()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, expected);
    Result<DkimTagList> list = parseDkimTagList(view(text));
    if (!list) {
        QCOMPARE(QString("error: ") + list.error().message.c_str(), expected);
        return;
    }
    QStringList got;
    for (const auto &[name, value] : list->tags)
        got << QString::fromStdString(name + "=" + value);
    QCOMPARE(got.join('|'), expected);
}

void TestDkimVerifier::signatureFieldWithoutB_data()
{
    QTest::addColumn<QByteArray>("field");
    QTest::addColumn<bool>("relaxed");
    QTest::addColumn<QByteArray>("expected");

    QTest::newRow("relaxed, b= last and folded")
        << QByteArray("DKIM-Signature: a=1; bh=xyz;\r\n b=abc\r\n def\r\n") << true
        << QByteArray("dkim-signature:a=1; bh=xyz; b=");
    QTest::newRow("relaxed, b= in the middle") << QByteArray("DKIM-Signature: b = abc ; bh=xyz\r\n")
                                               << true << QByteArray("dkim-signature:b =; bh=xyz");
    QTest::newRow("simple keeps everything but the value")
        << QByteArray("DKIM-Signature:  a=1;\r\n\tb=abc\r\n\tdef\r\n") << false
        << QByteArray("DKIM-Signature:  a=1;\r\n\tb=");
    QTest::newRow("a b= inside another value is not b=") << QByteArray(
        "DKIM-Signature: z=x b=y; b=abc\r\n") << true << QByteArray("dkim-signature:z=x b=y; b=");
}

void TestDkimVerifier::signatureFieldWithoutB()
{
    QFETCH(QByteArray, field);
    QFETCH(bool, relaxed);
    QFETCH(QByteArray, expected);
    QCOMPARE(bytes(canonicalSignatureField(view(field),
                 relaxed ? DkimCanonicalization::Relaxed : DkimCanonicalization::Simple)),
        expected);
}

void TestDkimVerifier::rfc8463ExamplePasses()
{
    DnsTable table;
    table.add(
        DnsType::Txt, "brisbane._domainkey.football.example.com", { rfc8463Record.toStdString() });
    const std::vector<DkimVerdict> verdicts = verify(rfc8463Signature + rfcMessage, table);
    QCOMPARE(verdicts.size(), std::size_t { 1 });
    QCOMPARE(verdicts[0].result, DkimResult::Pass);
    QCOMPARE(verdicts[0].reason, std::string("signature verified"));
    QCOMPARE(verdicts[0].domain, std::string("football.example.com"));
    QCOMPARE(verdicts[0].selector, std::string("brisbane"));
    QCOMPARE(verdicts[0].algorithm, std::string("ed25519-sha256"));
    QCOMPARE(verdicts[0].identity, std::string("@football.example.com"));
    QCOMPARE(verdicts[0].signaturePrefix, std::string("/gCrinpcQOoI"));

    QByteArray tampered = rfc8463Signature + rfcMessage;
    tampered.replace("Is dinner ready?", "Is dinner ready!");
    const std::vector<DkimVerdict> failed = verify(tampered, table);
    QCOMPARE(failed.size(), std::size_t { 1 });
    QCOMPARE(failed[0].result, DkimResult::Fail);
    QCOMPARE(failed[0].reason, std::string("signature did not verify"));
}

void TestDkimVerifier::ourSignaturesPass_data()
{
    QTest::addColumn<bool>("ed25519");
    QTest::addColumn<QByteArray>("message");

    const QList<QPair<const char *, QByteArray>> messages = {
        { "the RFC 6376 example message", rfcMessage },
        { "folded headers",
            "From: A Sender <a@example.org>\r\nTo: one@example.net,\r\n two@example.net\r\n"
            "Subject: a subject folded\r\n   twice\r\n\tover\r\n\r\nbody\r\n" },
        { "8-bit headers and body",
            "From: a@example.org\r\nSubject: Shwmae \xe4\xbd\xa0\xe5\xa5\xbd\r\n\r\n"
            "Bore da \xe2\x80\x94 \xc5\xb5\r\n" },
        { "trailing blank lines and whitespace",
            "From: a@example.org \t\r\nSubject: x  \r\n\r\nline \t\r\n  \r\n\r\n\r\n" },
        { "an empty body", "From: a@example.org\r\nSubject: empty\r\n\r\n" },
        { "repeated and oddly cased fields",
            "FROM: a@example.org\r\nto: b@example.net\r\nTo: c@example.net\r\nsubject : "
            "x\r\n\r\nbody\r\n" },
    };
    for (const bool ed25519 : { false, true }) {
        for (const auto &[name, message] : messages)
            QTest::newRow(qPrintable(QString(ed25519 ? "ed25519: " : "rsa: ") + name))
                << ed25519 << message;
    }
}

void TestDkimVerifier::ourSignaturesPass()
{
    QFETCH(bool, ed25519);
    QFETCH(QByteArray, message);
    const DkimKey &key = ed25519 ? m_ed25519 : m_rsa;
    const QByteArray signedText = ourSigned(key, message);
    QVERIFY(!signedText.isEmpty());

    const std::vector<DkimVerdict> verdicts = verify(signedText, zone());
    QCOMPARE(verdicts.size(), std::size_t { 1 });
    const DkimVerdict &verdict = verdicts[0];
    QVERIFY2(verdict.result == DkimResult::Pass, verdict.reason.c_str());
    QCOMPARE(verdict.reason, std::string("signature verified"));
    QCOMPARE(verdict.domain, std::string("example.org"));
    QCOMPARE(verdict.selector, key.selector);
    QCOMPARE(verdict.algorithm, std::string(dkimAlgorithmName(key.algorithm)));
    QCOMPARE(verdict.identity, std::string("@example.org"));
    QCOMPARE(verdict.signaturePrefix.size(), std::size_t { 12 });
    QVERIFY(signedText.simplified().replace(" ", "").contains(
        ";b=" + QByteArray::fromStdString(verdict.signaturePrefix)));

    // With the other key published under this selector it fails.
    DnsTable swapped;
    swapped.add(DnsType::Txt, ed25519 ? edName : rsaName,
        { recordOf(ed25519 ? m_rsa : m_ed25519).toStdString() });
    const std::vector<DkimVerdict> wrongKey = verify(signedText, swapped);
    QCOMPARE(wrongKey.size(), std::size_t { 1 });
    QCOMPARE(wrongKey[0].result, DkimResult::PermError);
    QVERIFY2(QByteArray::fromStdString(wrongKey[0].reason).contains("does not match a="),
        wrongKey[0].reason.c_str());
}

void TestDkimVerifier::tamperedMessages_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<DkimResult>("result");
    QTest::addColumn<QString>("reason");

    QTest::newRow("a changed body") << QByteArray("We lost") << QByteArray("We won")
                                    << DkimResult::Fail << "body hash mismatch";
    QTest::newRow("an added body line")
        << QByteArray("Joe.\r\n") << QByteArray("Joe.\r\nP.S. click\r\n") << DkimResult::Fail
        << "body hash mismatch";
    QTest::newRow("a changed subject")
        << QByteArray("Is dinner ready?") << QByteArray("Is lunch ready?") << DkimResult::Fail
        << "signature did not verify";
    QTest::newRow("an added Reply-To")
        << QByteArray("Message-ID:") << QByteArray("Reply-To: m@evil.example\r\nMessage-ID:")
        << DkimResult::Fail << "signature did not verify";
    // Our signer oversigns From: a second one changes the header hash.
    QTest::newRow("a From added on top")
        << QByteArray("From: Joe") << QByteArray("From: Mallory <m@evil.example>\r\nFrom: Joe")
        << DkimResult::Fail << "signature did not verify";
    QTest::newRow("a From added below")
        << QByteArray("Message-ID:") << QByteArray("From: m@evil.example\r\nMessage-ID:")
        << DkimResult::Fail << "signature did not verify";
    QTest::newRow("relaxed: case and whitespace changes pass")
        << QByteArray("Subject: Is dinner ready?")
        << QByteArray("SUBJECT:   Is  dinner\r\n\tready?  ") << DkimResult::Pass
        << "signature verified";
    QTest::newRow("relaxed: trailing spaces and blank lines in the body pass") << QByteArray(
        "Joe.\r\n") << QByteArray("Joe.  \r\n\r\n\r\n") << DkimResult::Pass << "signature verified";
    QTest::newRow("an unsigned field added")
        << QByteArray("Message-ID:") << QByteArray("X-Spam: no\r\nMessage-ID:") << DkimResult::Pass
        << "signature verified";
}

void TestDkimVerifier::tamperedMessages()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(DkimResult, result);
    QFETCH(QString, reason);
    for (const DkimKey *key : { &m_rsa, &m_ed25519 }) {
        QByteArray text = ourSigned(*key, rfcMessage);
        const qsizetype at = text.indexOf(from, text.indexOf("From: Joe"));
        QVERIFY(at > 0);
        text.replace(at, from.size(), to);
        const std::vector<DkimVerdict> verdicts = verify(text, zone());
        QCOMPARE(verdicts.size(), std::size_t { 1 });
        QCOMPARE(QString::fromStdString(verdicts[0].reason), reason);
        QCOMPARE(verdicts[0].result, result);
    }
}

void TestDkimVerifier::addedFromWithoutOversigning()
{
    // h= lists From once: a From added on top would not change the header
    // hash, but it is what a reader sees (RFC 6376 §8.15).
    const QByteArray text = handSigned(
        m_rsa, "v=1; a=rsa-sha256; d=example.org; s=p2026a; h=from:subject; ", rfcMessage);
    QCOMPARE(describe(verify(text, zone())), QString("pass (signature verified)"));
    QByteArray added = text;
    added.insert(added.indexOf("From: Joe"), "From: Mallory <m@evil.example>\r\n");
    QCOMPARE(
        describe(verify(added, zone())), QString("fail (From field not covered by the signature)"));
}

void TestDkimVerifier::dkimpyFixtures_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QByteArray>("record");
    QTest::addColumn<DkimResult>("result");
    QTest::addColumn<QString>("reason");

    const QByteArray respaced
        = QByteArray(dkimpyMessage).replace("Subject:  Spaces", "Subject: Spaces");
    const QByteArray footer = dkimpyMessage + "-- \r\nThe list footer, unsigned\r\n";

    QTest::newRow("simple/simple") << dkimpySimple + dkimpyMessage << dkimpyRsaRecord
                                   << DkimResult::Pass << "signature verified";
    QTest::newRow("relaxed/relaxed") << dkimpyRelaxed + dkimpyMessage << dkimpyRsaRecord
                                     << DkimResult::Pass << "signature verified";
    QTest::newRow("relaxed/simple with l=") << dkimpyLength + dkimpyMessage << dkimpyRsaRecord
                                            << DkimResult::Pass << "signature verified";
    QTest::newRow("l= with text added after the signed body")
        << dkimpyLength + footer << dkimpyRsaRecord << DkimResult::Pass
        << "signature verified; l= covers only 35 of 71 body octets";
    QTest::newRow("ed25519-sha256") << dkimpyEd25519 + dkimpyMessage << dkimpyEd25519Record
                                    << DkimResult::Pass << "signature verified";
    QTest::newRow("simple/simple: a respaced header fails")
        << dkimpySimple + respaced << dkimpyRsaRecord << DkimResult::Fail
        << "signature did not verify";
    QTest::newRow("relaxed/relaxed: a respaced header passes")
        << dkimpyRelaxed + respaced << dkimpyRsaRecord << DkimResult::Pass << "signature verified";
    QTest::newRow("simple/simple: text added after the body fails")
        << dkimpySimple + footer << dkimpyRsaRecord << DkimResult::Fail << "body hash mismatch";
}

void TestDkimVerifier::dkimpyFixtures()
{
    QFETCH(QByteArray, message);
    QFETCH(QByteArray, record);
    QFETCH(DkimResult, result);
    QFETCH(QString, reason);
    DnsTable table;
    table.add(DnsType::Txt, "fixture._domainkey.dkimpy.example", { record.toStdString() });
    const std::vector<DkimVerdict> verdicts = verify(message, table);
    QCOMPARE(verdicts.size(), std::size_t { 1 });
    QCOMPARE(QString::fromStdString(verdicts[0].reason), reason);
    QCOMPARE(verdicts[0].result, result);
    QCOMPARE(verdicts[0].domain, std::string("dkimpy.example"));
    QCOMPARE(verdicts[0].identity, std::string("@dkimpy.example"));
}

void TestDkimVerifier::signatureTags_data()
{
    QTest::addColumn<QByteArray>("key"); // "rsa", "ed25519", "weak"
    QTest::addColumn<QByteArray>("tags");
    QTest::addColumn<DkimResult>("result");
    QTest::addColumn<QString>("reason");

    const QByteArray rsa = "v=1; a=rsa-sha256; d=example.org; s=p2026a; ";
    const QByteArray h = "h=from:to:subject; ";
    const QByteArray past = QByteArray::number(now - 3 * 86400);
    QTest::newRow("simple/simple") << QByteArray("rsa") << rsa + "c=simple/simple; " + h
                                   << DkimResult::Pass << "signature verified";
    QTest::newRow("relaxed/simple") << QByteArray("rsa") << rsa + "c=relaxed/simple; " + h
                                    << DkimResult::Pass << "signature verified";
    QTest::newRow("no c= is simple/simple")
        << QByteArray("rsa") << rsa + h << DkimResult::Pass << "signature verified";
    QTest::newRow("c=relaxed is relaxed/simple")
        << QByteArray("rsa") << rsa + "c=relaxed; " + h << DkimResult::Pass << "signature verified";
    QTest::newRow("ed25519, relaxed/relaxed")
        << QByteArray("ed25519")
        << "v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.org; s=p2026b; " + h
        << DkimResult::Pass << "signature verified";
    QTest::newRow("x= in the future")
        << QByteArray("rsa") << rsa + "t=" + past + "; x=" + QByteArray::number(now + 60) + "; " + h
        << DkimResult::Pass << "signature verified";
    QTest::newRow("x= past") << QByteArray(
        "rsa") << rsa + "t=" + past + "; x=" + QByteArray::number(now - 2 * 86400) + "; " + h
                             << DkimResult::PermError << "signature expired";
    QTest::newRow("x= before t=") << QByteArray(
        "rsa") << rsa + "t=" + past + "; x=" + QByteArray::number(now - 4 * 86400) + "; " + h
                                  << DkimResult::PermError << "x= is before t=";
    QTest::newRow("t= a minute ahead is clock drift")
        << QByteArray("rsa") << rsa + "t=" + QByteArray::number(now + 60) + "; " + h
        << DkimResult::Pass << "signature verified";
    QTest::newRow("t= a day ahead")
        << QByteArray("rsa") << rsa + "t=" + QByteArray::number(now + 86400) + "; " + h
        << DkimResult::PermError << "signature timestamp in the future";
    QTest::newRow("h= without From") << QByteArray("rsa") << rsa + "h=to:subject; "
                                     << DkimResult::PermError << "From not signed (h= lacks from)";
    QTest::newRow("i= in a subdomain") << QByteArray("rsa") << rsa + "i=joe@mail.example.org; " + h
                                       << DkimResult::Pass << "signature verified";
    QTest::newRow("i= outside d=")
        << QByteArray("rsa") << rsa + "i=joe@example.net; " + h << DkimResult::PermError
        << "i=joe@example.net is not within d=example.org";
    QTest::newRow("i= in a look-alike domain")
        << QByteArray("rsa") << rsa + "i=@badexample.org; " + h << DkimResult::PermError
        << "i=@badexample.org is not within d=example.org";
    QTest::newRow("l= shorter than the body")
        << QByteArray("rsa") << rsa + "l=10; " + h << DkimResult::Pass
        << "signature verified; l= covers only 10 of 48 body octets";
    QTest::newRow("l= longer than the body")
        << QByteArray("rsa") << rsa + "l=9999; " + h << DkimResult::Fail << "body shorter than l=";
    QTest::newRow("rsa-sha1") << QByteArray("rsa")
                              << "v=1; a=rsa-sha1; d=example.org; s=p2026a; " + h
                              << DkimResult::PermError << "rsa-sha1 not accepted (RFC 8301)";
    QTest::newRow("an unknown algorithm")
        << QByteArray("rsa") << "v=1; a=dsa-sha256; d=example.org; s=p2026a; " + h
        << DkimResult::PermError << "unknown algorithm a=dsa-sha256";
    QTest::newRow("v=2") << QByteArray("rsa") << "v=2; a=rsa-sha256; d=example.org; s=p2026a; " + h
                         << DkimResult::PermError << "unsupported version v=2";
    QTest::newRow("no v=") << QByteArray("rsa") << "a=rsa-sha256; d=example.org; s=p2026a; " + h
                           << DkimResult::PermError << "missing v= tag";
    QTest::newRow("no s=") << QByteArray("rsa") << "v=1; a=rsa-sha256; d=example.org; " + h
                           << DkimResult::PermError << "missing s= tag";
    QTest::newRow("a duplicate tag")
        << QByteArray("rsa") << rsa + "d=example.org; " + h << DkimResult::PermError
        << "signature syntax error: duplicate tag d=";
    QTest::newRow("an unknown canonicalization")
        << QByteArray("rsa") << rsa + "c=loose/simple; " + h << DkimResult::PermError
        << "unknown canonicalization c=loose/simple";
    QTest::newRow("q= other than dns/txt")
        << QByteArray("rsa") << rsa + "q=http; " + h << DkimResult::PermError
        << "unsupported query method q=http";
    QTest::newRow("a d= that is no domain")
        << QByteArray("rsa") << "v=1; a=rsa-sha256; d=exa mple.org; s=p2026a; " + h
        << DkimResult::PermError << "bad domain d=exa mple.org";
    QTest::newRow("a 512-bit RSA key")
        << QByteArray("weak") << "v=1; a=rsa-sha256; d=example.org; s=weak; " + h
        << DkimResult::PermError << "RSA key under 1024 bits (512, RFC 8301)";
}

void TestDkimVerifier::signatureTags()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, tags);
    QFETCH(DkimResult, result);
    QFETCH(QString, reason);
    const DkimKey &signer = key == "ed25519" ? m_ed25519 : key == "weak" ? m_weak : m_rsa;
    const QByteArray message = "From: a@example.org\r\nTo: b@example.net\r\nSubject:  Hello\r\n\r\n"
                               "Body text,  with spaces.\r\nAnd a second line.  \r\n\r\n";
    const QByteArray text = handSigned(signer, tags, message);
    QVERIFY(!text.isEmpty());
    const std::vector<DkimVerdict> verdicts = verify(text, zone());
    QCOMPARE(verdicts.size(), std::size_t { 1 });
    QCOMPARE(QString::fromStdString(verdicts[0].reason), reason);
    QCOMPARE(verdicts[0].result, result);
    if (result != DkimResult::Pass)
        return;
    const QByteArray identity = tagValue(tags, "i");
    QCOMPARE(QByteArray::fromStdString(verdicts[0].identity),
        identity.isEmpty() ? "@" + tagValue(tags, "d") : identity);
}

void TestDkimVerifier::keyRecords_data()
{
    QTest::addColumn<QList<QByteArray>>("records"); // "NXDOMAIN", "NODATA", "TEMP", or TXT records
    QTest::addColumn<QByteArray>(
        "tags"); // extra tags for the hand signer, or empty for signMessage
    QTest::addColumn<DkimResult>("result");
    QTest::addColumn<QString>("reason");

    const QByteArray p = recordOf(m_rsa).mid(recordOf(m_rsa).indexOf("p=") + 2);
    const QByteArray pkcs1 = [&] {
        unsigned char *der = nullptr;
        const int length = i2d_PublicKey(m_rsa.key.get(), &der);
        const QByteArray out = QByteArray(reinterpret_cast<const char *>(der), length).toBase64();
        OPENSSL_free(der);
        return out;
    }();
    using List = QList<QByteArray>;
    QTest::newRow("the published key") << List { "v=DKIM1; k=rsa; p=" + p } << QByteArray()
                                       << DkimResult::Pass << "signature verified";
    QTest::newRow("no v= nor k=") << List { "p=" + p } << QByteArray() << DkimResult::Pass
                                  << "signature verified";
    QTest::newRow("p= folded with spaces")
        << List { "v=DKIM1; p=" + p.left(100) + " " + p.mid(100, 100) + "\t" + p.mid(200) }
        << QByteArray() << DkimResult::Pass << "signature verified";
    QTest::newRow("a bare RSAPublicKey") << List { "v=DKIM1; k=rsa; p=" + pkcs1 } << QByteArray()
                                         << DkimResult::Pass << "signature verified";
    QTest::newRow("the first record that parses")
        << List { "google-site-verification=abc", "v=spf1 -all", "v=DKIM1; p=" + p } << QByteArray()
        << DkimResult::Pass << "signature verified";
    QTest::newRow("s=email and s=*") << List { "v=DKIM1; s=email:*; p=" + p } << QByteArray()
                                     << DkimResult::Pass << "signature verified";
    QTest::newRow("h=sha256") << List { "v=DKIM1; h=sha1:sha256; p=" + p } << QByteArray()
                              << DkimResult::Pass << "signature verified";
    QTest::newRow("t=y, testing, still verifies") << List { "v=DKIM1; t=y; p=" + p } << QByteArray()
                                                  << DkimResult::Pass << "signature verified";
    QTest::newRow("revoked") << List { "v=DKIM1; k=rsa; p=" } << QByteArray()
                             << DkimResult::PermError << "key revoked";
    QTest::newRow("NXDOMAIN") << List { "NXDOMAIN" } << QByteArray() << DkimResult::PermError
                              << "key not found at p2026a._domainkey.example.org";
    QTest::newRow("no TXT record") << List { "NODATA" } << QByteArray() << DkimResult::PermError
                                   << "key not found at p2026a._domainkey.example.org";
    QTest::newRow("a temporary DNS error")
        << List { "TEMP" } << QByteArray() << DkimResult::TempError
        << "temporary DNS error looking up key p2026a._domainkey.example.org";
    QTest::newRow("v= not first")
        << List { "k=rsa; v=DKIM1; p=" + p } << QByteArray() << DkimResult::PermError
        << "key record has v=DKIM1 not first at p2026a._domainkey.example.org";
    QTest::newRow("v=DKIM2") << List { "v=DKIM2; p=" + p } << QByteArray() << DkimResult::PermError
                             << "key record has v=DKIM2 at p2026a._domainkey.example.org";
    QTest::newRow("no p=") << List { "v=DKIM1; k=rsa" } << QByteArray() << DkimResult::PermError
                           << "key record without p= at p2026a._domainkey.example.org";
    QTest::newRow("p= not base64")
        << List { "v=DKIM1; p=@@@@" } << QByteArray() << DkimResult::PermError
        << "key record p= is not base64 at p2026a._domainkey.example.org";
    QTest::newRow("p= not a key") << List { "v=DKIM1; p=AAAA" } << QByteArray()
                                  << DkimResult::PermError
                                  << "key record p= is not a valid rsa public key";
    QTest::newRow("s=tlsrpt only")
        << List { "v=DKIM1; s=tlsrpt; p=" + p } << QByteArray() << DkimResult::PermError
        << "key not for email (s= service types)";
    QTest::newRow("h=sha1 only") << List { "v=DKIM1; h=sha1; p=" + p } << QByteArray()
                                 << DkimResult::PermError
                                 << "key does not allow sha256 (h= hash algorithms)";
    QTest::newRow("an unknown k=") << List { "v=DKIM1; k=dsa; p=" + p } << QByteArray()
                                   << DkimResult::PermError << "unknown key type k=dsa";
    QTest::newRow("k=ed25519 for an RSA signature")
        << List { "v=DKIM1; k=ed25519; p=" + p } << QByteArray() << DkimResult::PermError
        << "key type k=ed25519 does not match a=rsa-sha256";
    QTest::newRow("t=s with i= in d=")
        << List { "v=DKIM1; t=s; p=" + p } << QByteArray("i=joe@example.org; ") << DkimResult::Pass
        << "signature verified";
    QTest::newRow("t=s with i= in a subdomain")
        << List { "v=DKIM1; t=y:s; p=" + p } << QByteArray("i=joe@mail.example.org; ")
        << DkimResult::PermError << "key requires i= in d= itself, not a subdomain (t=s)";
    QTest::newRow("another RSA key")
        << List { "RSA2" } << QByteArray() << DkimResult::Fail << "signature did not verify";
}

void TestDkimVerifier::keyRecords()
{
    QFETCH(QList<QByteArray>, records);
    QFETCH(QByteArray, tags);
    QFETCH(DkimResult, result);
    QFETCH(QString, reason);

    DnsTable table;
    if (records == QList<QByteArray> { "NODATA" }) {
        table.add(DnsType::A, rsaName, { "192.0.2.1" });
    } else if (records == QList<QByteArray> { "TEMP" }) {
        table.fail(DnsType::Txt, rsaName);
    } else if (records == QList<QByteArray> { "RSA2" }) {
        Result<DkimKey> other
            = generateDkimKey(DkimKey::Algorithm::RsaSha256, 1024, "example.org", "p2026a");
        QVERIFY(other.ok());
        table.add(DnsType::Txt, rsaName, { recordOf(*other).toStdString() });
    } else if (records != QList<QByteArray> { "NXDOMAIN" }) {
        std::vector<std::string> values;
        for (const QByteArray &record : records)
            values.push_back(record.toStdString());
        table.add(DnsType::Txt, rsaName, values);
    }
    const QByteArray text = tags.isEmpty()
        ? ourSigned(m_rsa, rfcMessage)
        : handSigned(m_rsa,
            "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.org; s=p2026a; " + tags
                + "h=from:subject; ",
            rfcMessage);
    const std::vector<DkimVerdict> verdicts = verify(text, table);
    QCOMPARE(verdicts.size(), std::size_t { 1 });
    QCOMPARE(QString::fromStdString(verdicts[0].reason), reason);
    QCOMPARE(verdicts[0].result, result);
}

void TestDkimVerifier::multipleSignatures()
{
    // RSA signs first, Ed25519 on top: verdicts come in header order.
    const QByteArray rsaSigned = ourSigned(m_rsa, rfcMessage);
    const QByteArray both = ourSigned(m_ed25519, rsaSigned);
    DnsTable table = zone();
    std::vector<DkimVerdict> verdicts = verify(both, table);
    QCOMPARE(describe(verdicts), QString("pass (signature verified), pass (signature verified)"));
    QCOMPARE(verdicts[0].selector, std::string("p2026b"));
    QCOMPARE(verdicts[1].selector, std::string("p2026a"));

    Result<DkimKey> other
        = generateDkimKey(DkimKey::Algorithm::Ed25519Sha256, 0, "example.org", "p2026b");
    QVERIFY(other.ok());
    table.add(DnsType::Txt, edName, { recordOf(*other).toStdString() });
    // With another Ed25519 key published: one good signature, one bad.
    verdicts = verify(both, table);
    QCOMPARE(
        describe(verdicts), QString("fail (signature did not verify), pass (signature verified)"));

    // A broken signature between two good ones is reported, not skipped.
    const QByteArray broken = "DKIM-Signature: v=1; a=rsa-sha256; d=example.org; b=AAAA\r\n";
    verdicts = verify(ourSigned(m_ed25519, broken + rsaSigned), zone());
    QCOMPARE(describe(verdicts),
        QString(
            "pass (signature verified), permerror (missing bh= tag), pass (signature verified)"));
    QCOMPARE(verdicts[1].domain, std::string("example.org"));
    QCOMPARE(verdicts[1].signaturePrefix, std::string("AAAA"));
}

void TestDkimVerifier::atMostEightSignatures()
{
    QByteArray text = rfcMessage;
    for (int i = 0; i < 10; ++i)
        text = ourSigned(i % 2 ? m_rsa : m_ed25519, text);
    std::vector<DnsQuestion> asked;
    const std::vector<DkimVerdict> verdicts = verify(text, zone(), &asked);
    QCOMPARE(verdicts.size(), maxDkimSignatures);
    for (const DkimVerdict &verdict : verdicts)
        QCOMPARE(verdict.result, DkimResult::Pass);
    QCOMPARE(asked.size(), std::size_t { 2 }); // one question per key, not per signature
}

void TestDkimVerifier::noSignature()
{
    std::vector<DnsQuestion> asked;
    QVERIFY(verify(rfcMessage, zone(), &asked).empty());
    QVERIFY(asked.empty());
    QVERIFY(verify(QByteArray(), zone()).empty());
}

void TestDkimVerifier::questions()
{
    // The key name is asked in lower case (DNS is case-insensitive; the
    // table and the cache are not).
    std::vector<DnsQuestion> asked;
    const QByteArray upper
        = handSigned(m_rsa, "v=1; a=rsa-sha256; d=Example.ORG; s=P2026A; h=from; ", rfcMessage);
    const std::vector<DkimVerdict> verdicts = verify(upper, zone(), &asked);
    QCOMPARE(describe(verdicts), QString("pass (signature verified)"));
    QCOMPARE(asked.size(), std::size_t { 1 });
    QCOMPARE(asked[0].type, DnsType::Txt);
    QCOMPARE(asked[0].name, rsaName);

    // A body that does not match needs no key: no question.
    asked.clear();
    QByteArray tampered = ourSigned(m_rsa, rfcMessage);
    tampered.replace("We lost", "We won");
    QCOMPARE(describe(verify(tampered, zone(), &asked)), QString("fail (body hash mismatch)"));
    QVERIFY(asked.empty());
}

QTEST_APPLESS_MAIN(TestDkimVerifier)
#include "tst_dkim_verifier.moc"
