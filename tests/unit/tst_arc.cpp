// ARC (RFC 8617): sets made by arcSeal, chains of one to three sets
// validated by validateArc, and every way a chain breaks: tampered message or
// ARC fields, a malformed structure, keys that cannot be fetched, and the
// sealing rules for failed chains. DNS comes from a table (dns_table.h); the
// integration test tst_it_arc_dkimpy has dkimpy check the same seals.
#include "dns_table.h"
#include "mail/arc.h"
#include "mail/dkim_canon.h"
#include "mail/dkim_key.h"
#include "mail/dkim_signer.h"
#include "mail/dkim_verifier.h"
#include "test_bytes.h"

#include <QTest>
#include <map>

using namespace postwr::mail;
using postwr::testing::DnsTable;

Q_DECLARE_METATYPE(ArcChainResult)

namespace {

constexpr std::int64_t now = 1785228165; // 2026-07-28

// RFC 6376 Appendix A.2's message.
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

QString name(ArcChainResult result)
{
    return QString::fromLatin1(bytes(arcChainResultName(result)));
}

QString describe(const ArcVerdict &verdict)
{
    return QString("%1 %2 (%3)")
        .arg(name(verdict.result))
        .arg(verdict.instances)
        .arg(verdict.reason.c_str());
}

// The whole field (with its CRLF) of the ARC field `fieldName` with
// instance `instance`, found by its "i=N;" start.
QByteArray arcField(const QByteArray &message, const QByteArray &fieldName, int instance)
{
    for (const RawHeaderField &field : splitMessage(view(message)).fields) {
        const QByteArray raw = bytes(field.raw);
        if (raw.startsWith(fieldName + ": i=" + QByteArray::number(instance) + ";"))
            return raw;
    }
    return {};
}

std::map<QByteArray, QByteArray> tagsOf(const QByteArray &field)
{
    std::map<QByteArray, QByteArray> out;
    Result<DkimTagList> list = parseDkimTagList(view(field.mid(field.indexOf(':') + 1)));
    if (list) {
        for (const auto &[tag, value] : list->tags)
            out[QByteArray::fromStdString(tag)] = QByteArray::fromStdString(value);
    }
    return out;
}

} // namespace

class TestArc : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void resultNames();
    void sealedSetParses();
    void noArcIsNone();
    void chains_data();
    void chains();
    void forwarderChangeAfterFirstSeal();
    void everySealIsVerified();
    void structure_data();
    void structure();
    void keyLookups_data();
    void keyLookups();
    void sealingAFailedChain();
    void sealRefuses_data();
    void sealRefuses();
    void dkimSignatureSurvivesSealing();

private:
    ArcVerdict validate(const QByteArray &message, const DnsTable &table,
        std::vector<DnsQuestion> *asked = nullptr) const
    {
        const std::string text(view(message));
        std::optional<ArcVerdict> verdict = table.run<ArcVerdict>(
            [&](const DnsAnswers &answers) { return validateArc(text, answers, now + 60); }, 200,
            asked);
        return verdict ? *verdict : ArcVerdict { ArcChainResult::None, -1, "never finished", {} };
    }
    // Validates `message` as received, then seals it with `key`.
    QByteArray seal(const QByteArray &message, const DkimKey &key) const
    {
        const ArcVerdict chain = validate(message, m_zone);
        const QByteArray results = "mx." + QByteArray::fromStdString(key.domain)
            + "; spf=pass smtp.mailfrom=joe@football.example.com; arc="
            + name(chain.result).toLatin1();
        Result<std::string> set = arcSeal(view(message), key, view(results), chain, now);
        if (!set) {
            qWarning("arcSeal: %s", set.error().message.c_str());
            return {};
        }
        return bytes(*set) + message;
    }
    QByteArray sealedBy(const QByteArrayList &sealers, QByteArray message = rfcMessage) const
    {
        for (const QByteArray &sealer : sealers)
            message = seal(message, m_keys.at(sealer));
        return message;
    }

    std::map<QByteArray, DkimKey> m_keys;
    DnsTable m_zone;
};

void TestArc::initTestCase()
{
    struct Spec {
        const char *name;
        DkimKey::Algorithm algorithm;
        const char *domain;
        const char *selector;
    };
    for (const Spec &spec :
        { Spec { "rsa", DkimKey::Algorithm::RsaSha256, "example.org", "arc2026" },
            Spec { "ed25519", DkimKey::Algorithm::Ed25519Sha256, "forwarder.example", "arc-ed" },
            Spec { "list", DkimKey::Algorithm::RsaSha256, "list.example", "s1" } }) {
        Result<DkimKey> key = generateDkimKey(spec.algorithm, 2048, spec.domain, spec.selector);
        QVERIFY(key.ok());
        Result<std::string> record = dkimRecordValue(*key);
        QVERIFY(record.ok());
        m_zone.add(DnsType::Txt, dkimRecordName(*key), { *record });
        m_keys[spec.name] = *key;
    }
}

void TestArc::resultNames()
{
    QCOMPARE(name(ArcChainResult::None), QString("none"));
    QCOMPARE(name(ArcChainResult::Pass), QString("pass"));
    QCOMPARE(name(ArcChainResult::Fail), QString("fail"));
}

void TestArc::sealedSetParses()
{
    const DkimKey &key = m_keys.at("rsa");
    const QByteArray results = "mx.example.org; spf=pass smtp.mailfrom=a@example.com; dkim=pass "
                               "header.d=example.com; dmarc=pass header.from=example.com; arc=none";
    const QByteArray message
        = "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; b=x\r\n" + rfcMessage;
    Result<std::string> set = arcSeal(view(message), key, view(results), ArcVerdict {}, now);
    QVERIFY2(set.ok(), set.ok() ? "" : set.error().message.c_str());
    const QByteArray text = bytes(*set);

    const RawMessage parts = splitMessage(view(text));
    QCOMPARE(parts.fields.size(), std::size_t { 3 });
    QCOMPARE(bytes(parts.fields[0].name), QByteArray("ARC-Seal"));
    QCOMPARE(bytes(parts.fields[1].name), QByteArray("ARC-Message-Signature"));
    QCOMPARE(bytes(parts.fields[2].name), QByteArray("ARC-Authentication-Results"));
    QCOMPARE(bytes(parts.fields[2].raw), "ARC-Authentication-Results: i=1; " + results + "\r\n");
    QVERIFY(text.endsWith("\r\n"));

    // Lines within 78 columns (a tab counting 8), continuation lines folded.
    const QList<QByteArray> lines = text.chopped(2).split('\n');
    for (QByteArray line : lines) {
        line = line.endsWith('\r') ? line.chopped(1) : line;
        if (line.startsWith("ARC-Authentication-Results"))
            continue;
        QVERIFY2(line.size() + (line.startsWith('\t') ? 7 : 0) <= 78, line.constData());
    }

    const auto seal = tagsOf(bytes(parts.fields[0].raw));
    QCOMPARE(seal.at("i"), QByteArray("1"));
    QCOMPARE(seal.at("cv"), QByteArray("none"));
    QCOMPARE(seal.at("a"), QByteArray("rsa-sha256"));
    QCOMPARE(seal.at("d"), QByteArray("example.org"));
    QCOMPARE(seal.at("s"), QByteArray("arc2026"));
    QCOMPARE(seal.at("t"), QByteArray::number(now));
    QVERIFY(!seal.at("b").isEmpty());
    QCOMPARE(seal.count("h") + seal.count("bh") + seal.count("v"), std::size_t { 0 });

    const auto ams = tagsOf(bytes(parts.fields[1].raw));
    QCOMPARE(ams.at("i"), QByteArray("1"));
    QCOMPARE(ams.at("c"), QByteArray("relaxed/relaxed"));
    QCOMPARE(ams.count("v"), std::size_t { 0 });
    QCOMPARE(QByteArray(ams.at("h")).replace("\r\n\t", ""),
        QByteArray(
            "from:from:to:to:cc:subject:subject:date:date:reply-to:message-id:dkim-signature"));
    QCOMPARE(ams.at("bh"), QByteArray("2jUSOH9NhtVGCQWNr9BrIAPreKQjO6Sn7XIkfJVOzv8="));
    // dkimpy finds the AMS of a set by " i=N;" in its value.
    QVERIFY(bytes(parts.fields[1].raw).startsWith("ARC-Message-Signature: i=1; a=rsa-sha256;"));

    // Put on the message, it validates.
    const ArcVerdict verdict = validate(text + message, m_zone);
    QCOMPARE(describe(verdict), QString("pass 1 (1 ARC set verified)"));
}

void TestArc::noArcIsNone()
{
    std::vector<DnsQuestion> asked;
    const ArcVerdict verdict = validate(rfcMessage, m_zone, &asked);
    QCOMPARE(describe(verdict), QString("none 0 (no ARC sets)"));
    QVERIFY(verdict.oldestPassDomain.empty());
    QVERIFY(asked.empty());
}

void TestArc::chains_data()
{
    QTest::addColumn<QByteArrayList>("sealers");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("oldestPass");

    const QByteArrayList two = { "rsa", "ed25519" };
    QTest::newRow("one RSA set") << QByteArrayList { "rsa" } << QByteArray() << QByteArray()
                                 << "pass 1 (1 ARC set verified)"
                                 << "example.org";
    QTest::newRow("one Ed25519 set") << QByteArrayList { "ed25519" } << QByteArray() << QByteArray()
                                     << "pass 1 (1 ARC set verified)"
                                     << "forwarder.example";
    QTest::newRow("RSA then Ed25519")
        << two << QByteArray() << QByteArray() << "pass 2 (2 ARC sets verified)"
        << "example.org";
    QTest::newRow("three sets") << QByteArrayList { "rsa", "ed25519", "list" } << QByteArray()
                                << QByteArray() << "pass 3 (3 ARC sets verified)"
                                << "example.org";
    QTest::newRow("a Received field added on top")
        << two << QByteArray("ARC-Seal: i=2;")
        << QByteArray("Received: from x by y\r\nARC-Seal: i=2;") << "pass 2 (2 ARC sets verified)"
        << "example.org";
    QTest::newRow("a changed body")
        << two << QByteArray("We lost") << QByteArray("We won")
        << "fail 2 (ARC-Message-Signature i=2: body hash mismatch)" << QString();
    QTest::newRow("a changed subject")
        << two << QByteArray("Subject: Is dinner") << QByteArray("Subject: Is lunch")
        << "fail 2 (ARC-Message-Signature i=2: signature did not verify)" << QString();
    QTest::newRow("a changed first ARC-Authentication-Results")
        << two << QByteArray("i=1; mx.example.org; spf=pass")
        << QByteArray("i=1; mx.example.org; spf=fail")
        << "fail 2 (ARC-Seal i=2: signature did not verify)" << QString();
    QTest::newRow("a changed newest ARC-Authentication-Results")
        << two << QByteArray("arc=pass") << QByteArray("arc=none")
        << "fail 2 (ARC-Seal i=2: signature did not verify)" << QString();
    QTest::newRow("a tag added to the first ARC-Message-Signature")
        << two << QByteArray("ARC-Message-Signature: i=1;")
        << QByteArray("ARC-Message-Signature: i=1; x=9999999999;")
        << "fail 2 (ARC-Seal i=2: signature did not verify)" << QString();
    QTest::newRow("a tag added to the first ARC-Seal")
        << two << QByteArray("ARC-Seal: i=1; cv=none;")
        << QByteArray("ARC-Seal: i=1; cv=none; x=9999999999;")
        << "fail 2 (ARC-Seal i=2: signature did not verify)" << QString();
    const QByteArray firstSeal
        = "ARC-Seal: i=1; cv=none; a=rsa-sha256; d=example.org; s=arc2026; t="
        + QByteArray::number(now) + ";\r\n\tb=";
    QTest::newRow("the first seal's signature changed")
        << two << firstSeal << firstSeal + "AAAA"
        << "fail 2 (ARC-Seal i=2: signature did not verify)" << QString();
}

void TestArc::chains()
{
    QFETCH(QByteArrayList, sealers);
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);
    QFETCH(QString, oldestPass);

    QByteArray message = sealedBy(sealers);
    QVERIFY(!message.isEmpty());
    if (!from.isEmpty()) {
        QVERIFY2(message.count(from) == 1, from.constData());
        message.replace(from, to);
    }
    const ArcVerdict verdict = validate(message, m_zone);
    QCOMPARE(describe(verdict), expected);
    QCOMPARE(QString::fromStdString(verdict.oldestPassDomain), oldestPass);
}

void TestArc::forwarderChangeAfterFirstSeal()
{
    // A mailing list receives the sealed message, checks it (pass), adds a
    // footer and seals: the chain passes, and the oldest set whose signature
    // still verifies is the list's own.
    QByteArray message = sealedBy({ "rsa" });
    QCOMPARE(validate(message, m_zone).result, ArcChainResult::Pass);
    const ArcVerdict received = validate(message, m_zone);
    message += "-- \r\nThe list footer\r\n";
    const QByteArray results = "mx.list.example; arc=pass";
    Result<std::string> set
        = arcSeal(view(message), m_keys.at("list"), view(results), received, now);
    QVERIFY(set.ok());
    message = bytes(*set) + message;

    const ArcVerdict verdict = validate(message, m_zone);
    QCOMPARE(describe(verdict), QString("pass 2 (2 ARC sets verified)"));
    QCOMPARE(verdict.oldestPassDomain, std::string("list.example"));
}

void TestArc::everySealIsVerified()
{
    // A forwarder that seals a broken first set with cv=pass anyway: its own
    // seal verifies, the first one does not.
    QByteArray message = sealedBy({ "rsa" });
    const QByteArray seal = arcField(message, "ARC-Seal", 1);
    const qsizetype b = message.indexOf("b=", message.indexOf(seal) + seal.indexOf("\tb=")) + 2;
    message.insert(b, "AAAA");
    const ArcVerdict lie { ArcChainResult::Pass, 1, {}, {} };
    Result<std::string> set
        = arcSeal(view(message), m_keys.at("ed25519"), "mx.forwarder.example; arc=pass", lie, now);
    QVERIFY(set.ok());
    message = bytes(*set) + message;
    QCOMPARE(describe(validate(message, m_zone)),
        QString("fail 2 (ARC-Seal i=1: signature did not verify)"));
}

void TestArc::structure_data()
{
    QTest::addColumn<QByteArray>("from"); // "NAME:i" of an ARC field, or text
    QTest::addColumn<QByteArray>("to"); // "DROP", "TWICE", or text
    QTest::addColumn<QString>("expected");

    QTest::newRow("a set missing in the middle")
        << QByteArray("SET:2") << QByteArray("DROP") << "fail 3 (ARC set i=2 is missing)";
    QTest::newRow("the first set missing")
        << QByteArray("SET:1") << QByteArray("DROP") << "fail 3 (ARC set i=1 is missing)";
    QTest::newRow("an ARC-Seal twice") << QByteArray("ARC-Seal:1") << QByteArray("TWICE")
                                       << "fail 3 (ARC set i=1 has 2 ARC-Seal fields)";
    QTest::newRow("an ARC-Message-Signature missing")
        << QByteArray("ARC-Message-Signature:2") << QByteArray("DROP")
        << "fail 3 (ARC set i=2 has 0 ARC-Message-Signature fields)";
    QTest::newRow("an ARC-Authentication-Results missing")
        << QByteArray("ARC-Authentication-Results:1") << QByteArray("DROP")
        << "fail 3 (ARC set i=1 has 0 ARC-Authentication-Results fields)";
    QTest::newRow("i=1 with cv=pass") << QByteArray("i=1; cv=none") << QByteArray("i=1; cv=pass")
                                      << "fail 3 (ARC-Seal i=1 has cv=pass, not none)";
    QTest::newRow("i=2 with cv=none") << QByteArray("i=2; cv=pass") << QByteArray("i=2; cv=none")
                                      << "fail 3 (ARC-Seal i=2 has cv=none, not pass)";
    QTest::newRow("the newest seal with cv=fail")
        << QByteArray("i=3; cv=pass") << QByteArray("i=3; cv=fail")
        << "fail 3 (ARC-Seal i=3 reports cv=fail)";
    QTest::newRow("an older seal with cv=fail")
        << QByteArray("i=2; cv=pass") << QByteArray("i=2; cv=fail")
        << "fail 3 (ARC-Seal i=2 has cv=fail, not pass)";
    QTest::newRow("an ARC-Seal without i=")
        << QByteArray("ARC-Seal: i=2; ") << QByteArray("ARC-Seal: ")
        << "fail 3 (ARC-Seal without a valid i= tag)";
    QTest::newRow("an AAR with a bad instance")
        << QByteArray("ARC-Authentication-Results: i=1;")
        << QByteArray("ARC-Authentication-Results: i=one;")
        << "fail 3 (ARC-Authentication-Results without a valid i= tag)";
    QTest::newRow("i=51") << QByteArray("ARC-Seal: i=3;") << QByteArray("ARC-Seal: i=51;")
                          << "fail 51 (i=51 is above 50)";
    QTest::newRow("an AMS that signs ARC-Seal")
        << QByteArray("h=from:from:") << QByteArray("h=arc-seal:from:from:")
        << "fail 3 (ARC-Message-Signature i=3: h= signs ARC-Seal)";
    QTest::newRow("an ARC-Seal with h=")
        << QByteArray("i=3; cv=pass;") << QByteArray("i=3; cv=pass; h=from;")
        << "fail 3 (ARC-Seal i=3: h= is not allowed in an ARC-Seal)";
}

void TestArc::structure()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, expected);

    QByteArray message = sealedBy({ "rsa", "ed25519", "list" });
    QVERIFY(!message.isEmpty());
    const QList<QByteArray> where = from.split(':');
    if (from.startsWith("SET:")) {
        for (const char *fieldName :
            { "ARC-Seal", "ARC-Message-Signature", "ARC-Authentication-Results" })
            message.replace(arcField(message, fieldName, where[1].toInt()), "");
    } else if (to == "DROP" || to == "TWICE") {
        const QByteArray field = arcField(message, where[0], where[1].toInt());
        QVERIFY(!field.isEmpty());
        message.replace(field, to == "DROP" ? QByteArray() : field + field);
    } else {
        // The first occurrence only: "h=from:from:" is in every AMS, and
        // the newest comes first.
        const qsizetype at = message.indexOf(from);
        QVERIFY2(at >= 0, from.constData());
        message.replace(at, from.size(), to);
    }
    QCOMPARE(describe(validate(message, m_zone)), expected);
}

void TestArc::keyLookups_data()
{
    QTest::addColumn<QByteArray>("change"); // what happens to forwarder.example's key
    QTest::addColumn<QString>("expected");

    QTest::newRow("published") << QByteArray() << "pass 2 (2 ARC sets verified)";
    QTest::newRow("NXDOMAIN") << QByteArray("NXDOMAIN")
                              << "fail 2 (ARC-Message-Signature i=2: key not found at "
                                 "arc-ed._domainkey.forwarder.example)";
    QTest::newRow("a temporary DNS error")
        << QByteArray("TEMP")
        << "fail 2 (ARC-Message-Signature i=2: temporary DNS error looking "
           "up key arc-ed._domainkey.forwarder.example)";
    QTest::newRow("revoked") << QByteArray("v=DKIM1; k=ed25519; p=")
                             << "fail 2 (ARC-Message-Signature i=2: key revoked)";
    QTest::newRow("another key") << QByteArray("OTHER")
                                 << "fail 2 (ARC-Message-Signature i=2: signature did not verify)";
}

void TestArc::keyLookups()
{
    QFETCH(QByteArray, change);
    QFETCH(QString, expected);

    const QByteArray message = sealedBy({ "rsa", "ed25519" });
    const std::string forwarder = "arc-ed._domainkey.forwarder.example";
    DnsTable table;
    table.add(
        DnsType::Txt, "arc2026._domainkey.example.org", { *dkimRecordValue(m_keys.at("rsa")) });
    if (change == "TEMP") {
        table.fail(DnsType::Txt, forwarder);
    } else if (change == "OTHER") {
        Result<DkimKey> other
            = generateDkimKey(DkimKey::Algorithm::Ed25519Sha256, 0, "forwarder.example", "arc-ed");
        QVERIFY(other.ok());
        table.add(DnsType::Txt, forwarder, { *dkimRecordValue(*other) });
    } else if (change.isEmpty()) {
        table.add(DnsType::Txt, forwarder, { *dkimRecordValue(m_keys.at("ed25519")) });
    } else if (change != "NXDOMAIN") {
        table.add(DnsType::Txt, forwarder, { change.toStdString() });
    }
    std::vector<DnsQuestion> asked;
    QCOMPARE(describe(validate(message, table, &asked)), expected);
    // The newest set's key is asked first.
    QVERIFY(!asked.empty());
    QCOMPARE(asked.front().name, forwarder);
}

void TestArc::sealingAFailedChain()
{
    // The message arrives with a chain its body no longer matches.
    QByteArray message = sealedBy({ "rsa" });
    message.replace("We lost", "We won");
    const ArcVerdict received = validate(message, m_zone);
    QCOMPARE(describe(received), QString("fail 1 (ARC-Message-Signature i=1: body hash mismatch)"));

    // §5.1.2: sealed with cv=fail, the seal covering its own set only.
    const QByteArray results = "mx.list.example; arc=fail";
    Result<std::string> set
        = arcSeal(view(message), m_keys.at("list"), view(results), received, now);
    QVERIFY2(set.ok(), set.ok() ? "" : set.error().message.c_str());
    const QByteArray text = bytes(*set);
    const RawMessage parts = splitMessage(view(text));
    QCOMPARE(parts.fields.size(), std::size_t { 3 });
    const auto seal = tagsOf(bytes(parts.fields[0].raw));
    QCOMPARE(seal.at("i"), QByteArray("2"));
    QCOMPARE(seal.at("cv"), QByteArray("fail"));
    const std::string data = canonicalizeHeader(parts.fields[2].raw, DkimCanonicalization::Relaxed)
        + canonicalizeHeader(parts.fields[1].raw, DkimCanonicalization::Relaxed)
        + canonicalSignatureField(parts.fields[0].raw, DkimCanonicalization::Relaxed);
    const std::string signature = *decodeDkimBase64(view(seal.at("b")));
    std::optional<DkimCheck> check = m_zone.run<DkimCheck>([&](const DnsAnswers &answers) {
        return verifyDkimSignatureData(
            "rsa-sha256", "list.example", "s1", signature, data, answers);
    });
    QVERIFY(check);
    QCOMPARE(check->reason, std::string("signature verified"));

    // The chain has ended: validators say fail, sealers refuse.
    message = text + message;
    const ArcVerdict ended = validate(message, m_zone);
    QCOMPARE(describe(ended), QString("fail 2 (ARC-Seal i=2 reports cv=fail)"));
    Result<std::string> again
        = arcSeal(view(message), m_keys.at("rsa"), "mx.example.org; arc=fail", ended, now);
    QVERIFY(!again.ok());
    QCOMPARE(QString::fromStdString(again.error().message),
        QString("the ARC chain already ends in a seal with cv=fail (i=2); RFC 8617 §5.1 says not "
                "to seal it "
                "again"));
}

void TestArc::sealRefuses_data()
{
    QTest::addColumn<QByteArray>("results");
    QTest::addColumn<int>("verdictInstances");
    QTest::addColumn<ArcChainResult>("verdictResult");
    QTest::addColumn<QString>("error");

    const QString notOne
        = "the Authentication-Results text for the ARC set is empty or not one header field value";
    const QString notThis = "the ARC verdict given is not about this message";
    QTest::newRow("a header injected in the results")
        << QByteArray("mx.example.org; arc=pass\r\nBcc: x@example.net") << 1 << ArcChainResult::Pass
        << notOne;
    QTest::newRow("a bare LF in the results")
        << QByteArray("mx.example.org;\n arc=pass") << 1 << ArcChainResult::Pass << notOne;
    QTest::newRow("a CRLF at the end of the results")
        << QByteArray("mx.example.org; arc=pass\r\n") << 1 << ArcChainResult::Pass << notOne;
    QTest::newRow("empty results") << QByteArray(" ") << 1 << ArcChainResult::Pass << notOne;
    QTest::newRow("a verdict with another instance count")
        << QByteArray("mx.example.org; arc=pass") << 2 << ArcChainResult::Pass << notThis;
    QTest::newRow("none for a message with a chain")
        << QByteArray("mx.example.org; arc=none") << 1 << ArcChainResult::None << notThis;
}

void TestArc::sealRefuses()
{
    QFETCH(QByteArray, results);
    QFETCH(int, verdictInstances);
    QFETCH(ArcChainResult, verdictResult);
    QFETCH(QString, error);

    const QByteArray message = sealedBy({ "rsa" });
    const ArcVerdict verdict { verdictResult, verdictInstances, {}, {} };
    Result<std::string> set
        = arcSeal(view(message), m_keys.at("ed25519"), view(results), verdict, now);
    QVERIFY(!set.ok());
    QCOMPARE(QString::fromStdString(set.error().message), error);

    // Folded results are one field value and are accepted.
    const QByteArray folded = "mx.example.org;\r\n\tarc=pass";
    QVERIFY(
        arcSeal(view(message), m_keys.at("ed25519"), view(folded), validate(message, m_zone), now)
            .ok());
}

void TestArc::dkimSignatureSurvivesSealing()
{
    // The original DKIM signature still verifies under the ARC sets, and the
    // AMS covers it.
    const DkimKey &origin = m_keys.at("rsa");
    QByteArray message = bytes(*signMessage(origin, view(rfcMessage), now)) + rfcMessage;
    message = sealedBy({ "ed25519", "list" }, message);
    QCOMPARE(describe(validate(message, m_zone)), QString("pass 2 (2 ARC sets verified)"));
    std::optional<std::vector<DkimVerdict>> dkim
        = m_zone.run<std::vector<DkimVerdict>>([&](const DnsAnswers &answers) {
              return verifyDkim(std::string(view(message)), answers, now + 60);
          });
    QVERIFY(dkim && dkim->size() == 1);
    QCOMPARE(dkim->front().reason, std::string("signature verified"));

    // Removing the DKIM-Signature breaks the newest AMS, which signed it.
    const RawMessage parts = splitMessage(view(message));
    for (const RawHeaderField &field : parts.fields) {
        if (bytes(field.name) == "DKIM-Signature")
            message.replace(bytes(field.raw), "");
    }
    QCOMPARE(describe(validate(message, m_zone)),
        QString("fail 2 (ARC-Message-Signature i=2: signature did not verify)"));
}

QTEST_APPLESS_MAIN(TestArc)
#include "tst_arc.moc"
