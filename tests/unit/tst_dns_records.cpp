// The records `postwrd dns records` computes (mail/dns_records.h) and their
// three formats. The SPF and DMARC records are also run through postwrd's own
// checkers (mail/spf.h, mail/dmarc.h) against a zone made of the output, and
// the JSON through Qt's parser; tst_it_dns_records loads the zone into nsd
// and asks pyspf and dkimpy.
#include "dns_table.h"
#include "mail/dkim_key.h"
#include "mail/dmarc.h"
#include "mail/dns_records.h"
#include "mail/spf.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>
#include <algorithm>
#include <optional>

using namespace postwr::mail;
using postwr::testing::DnsTable;

Q_DECLARE_METATYPE(SpfAll)
Q_DECLARE_METATYPE(SpfResult)
Q_DECLARE_METATYPE(DmarcPolicy)

namespace {

const std::string domain = "example.com";
const std::string host = "mail.example.com";

DnsRecordRequest request(const QString &ipv4 = "192.0.2.10", const QString &ipv6 = "2001:db8::10")
{
    DnsRecordRequest r;
    r.domain = domain;
    r.hostname = host;
    r.ipv4 = ipv4.toStdString();
    r.ipv6 = ipv6.toStdString();
    return r;
}

DnsRecordSet records(const DnsRecordRequest &r)
{
    Result<DnsRecordSet> set = dnsRecords(r);
    if (!set)
        qFatal("dnsRecords failed: %s", set.error().message.c_str());
    return *set;
}

const DnsRecord *find(const DnsRecordSet &set, const std::string &id)
{
    const auto it = std::find_if(
        set.records.begin(), set.records.end(), [&](const DnsRecord &r) { return r.id == id; });
    return it == set.records.end() ? nullptr : &*it;
}

QString value(const DnsRecordSet &set, const std::string &id)
{
    const DnsRecord *record = find(set, id);
    return record ? QString::fromStdString(record->value)
                  : QStringLiteral("<no %1>").arg(id.c_str());
}

QStringList ids(const DnsRecordSet &set)
{
    QStringList list;
    for (const DnsRecord &record : set.records)
        list << QString::fromStdString(record.id);
    return list;
}

QStringList lines(const std::string &text)
{
    return QString::fromStdString(text).split('\n');
}

// The zone's records as DNS answers, for postwrd's own checkers.
DnsTable table(const DnsRecordSet &set)
{
    std::map<std::pair<DnsType, std::string>, std::vector<std::string>> answers;
    for (const DnsRecord &record : set.records) {
        if (record.type == "TXT")
            answers[{ DnsType::Txt, record.name }].push_back(record.value);
        else if (record.type == "A")
            answers[{ DnsType::A, record.name }].push_back(record.value);
        else if (record.type == "AAAA")
            answers[{ DnsType::Aaaa, record.name }].push_back(record.value);
    }
    DnsTable zone;
    for (auto &[key, values] : answers)
        zone.add(key.first, key.second, values);
    return zone;
}

std::optional<SpfResult> spfResult(
    const DnsRecordSet &set, const QString &ip, const QString &sender)
{
    const SpfQuery query { ip.toStdString(), sender.toStdString(), host };
    const std::optional<SpfVerdict> verdict = table(set).run<SpfVerdict>(
        [&](const DnsAnswers &answers) { return checkSpf(query, answers); });
    return verdict ? std::optional<SpfResult>(verdict->result) : std::nullopt;
}

} // namespace

class TestDnsRecords : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void addresses_data();
    void addresses();
    void hostName_data();
    void hostName();
    void dkimKeys();
    void domainWithoutKey();
    void spf_data();
    void spf();
    void spfIncludes_data();
    void spfIncludes();
    void receiveElsewhere();
    void dmarc_data();
    void dmarc();
    void tlsRpt();
    void mtaSts();
    void submissionSrv();
    void badInput_data();
    void badInput();
    void reverseNames_data();
    void reverseNames();
    void zoneQuoting_data();
    void zoneQuoting();
    void jsonEscaping_data();
    void jsonEscaping();
    void zoneFormat();
    void jsonFormat();
    void tableFormat();

private:
    DkimKey m_rsa;
    DkimKey m_ed25519;
};

void TestDnsRecords::initTestCase()
{
    Result<DkimKey> rsa = generateDkimKey(DkimKey::Algorithm::RsaSha256, 2048, domain, "p2026a");
    Result<DkimKey> ed = generateDkimKey(DkimKey::Algorithm::Ed25519Sha256, 0, domain, "e2026a");
    QVERIFY(rsa && ed);
    m_rsa = *rsa;
    m_ed25519 = *ed;
}

void TestDnsRecords::addresses_data()
{
    QTest::addColumn<QString>("ipv4");
    QTest::addColumn<QString>("ipv6");
    QTest::addColumn<QStringList>("expectedIds");
    QTest::addColumn<QString>("spf");
    QTest::addColumn<QString>("aaaa"); // canonical form, "" for none

    const QStringList common { "mx" };
    const QStringList middle { "dmarc", "tlsrpt", "mta-sts" };
    const QStringList srv { "mta-sts-policy", "srv-submissions", "srv-submission" };
    QTest::newRow("IPv4 only") << "192.0.2.10"
                               << ""
                               << common + QStringList { "a", "spf", "spf-helo" } + middle
            + QStringList { "mta-sts-a" } + srv + QStringList { "ptr:ipv4" }
                               << "v=spf1 ip4:192.0.2.10 ~all"
                               << "";
    QTest::newRow("IPv6 only") << ""
                               << "2001:db8::10"
                               << common + QStringList { "aaaa", "spf", "spf-helo" } + middle
            + QStringList { "mta-sts-aaaa" } + srv + QStringList { "ptr:ipv6" }
                               << "v=spf1 ip6:2001:db8::10 ~all"
                               << "2001:db8::10";
    QTest::newRow("both") << "192.0.2.10"
                          << "2001:db8::10"
                          << common + QStringList { "a", "aaaa", "spf", "spf-helo" } + middle
            + QStringList { "mta-sts-a", "mta-sts-aaaa" } + srv
            + QStringList { "ptr:ipv4", "ptr:ipv6" }
                          << "v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 ~all"
                          << "2001:db8::10";
    QTest::newRow("IPv6 written long is made canonical") << ""
                                                         << "2001:DB8:0:0:0:0:0:0010"
                                                         << common
            + QStringList { "aaaa", "spf", "spf-helo" } + middle + QStringList { "mta-sts-aaaa" }
            + srv + QStringList { "ptr:ipv6" } << "v=spf1 ip6:2001:db8::10 ~all"
                                                         << "2001:db8::10";
}

void TestDnsRecords::addresses()
{
    QFETCH(QString, ipv4);
    QFETCH(QString, ipv6);
    QFETCH(QStringList, expectedIds);
    QFETCH(QString, spf);
    QFETCH(QString, aaaa);

    const DnsRecordSet set = records(request(ipv4, ipv6));
    QCOMPARE(ids(set), expectedIds);
    QCOMPARE(value(set, "spf"), spf);
    QCOMPARE(value(set, "mx"), QString("10 mail.example.com"));
    QCOMPARE(find(set, "mx")->name, domain);
    if (!ipv4.isEmpty()) {
        QCOMPARE(value(set, "a"), ipv4);
        QCOMPARE(find(set, "a")->name, host);
        QCOMPARE(value(set, "mta-sts-a"), ipv4);
        QCOMPARE(find(set, "mta-sts-a")->name, std::string("mta-sts.example.com"));
        QCOMPARE(find(set, "ptr:ipv4")->place, RecordPlace::Provider);
        QCOMPARE(value(set, "ptr:ipv4"), QString::fromStdString(host));
    }
    if (!aaaa.isEmpty()) {
        QCOMPARE(value(set, "aaaa"), aaaa);
        QCOMPARE(value(set, "mta-sts-aaaa"), aaaa);
        QCOMPARE(find(set, "ptr:ipv6")->name, *reverseDnsName(aaaa.toStdString()));
    }
    for (const DnsRecord &record : set.records)
        QVERIFY2(!record.purpose.empty() && record.purpose.find('\n') == std::string::npos,
            record.id.c_str());
}

void TestDnsRecords::hostName_data()
{
    QTest::addColumn<QString>("hostname");
    QTest::addColumn<bool>("inside");
    QTest::addColumn<bool>("heloSpf");
    QTest::addColumn<QString>("zoneOwner"); // of the A record; "" when it is commented out

    QTest::newRow("host inside the domain") << "mail.example.com" << true << true << "mail";
    QTest::newRow("host deeper inside the domain")
        << "smtp.eu.example.com" << true << true << "smtp.eu";
    QTest::newRow("host is the domain: one SPF record for both")
        << "example.com" << true << false << "@";
    QTest::newRow("host in another domain") << "mail.example.net" << false << true << "";
    QTest::newRow("host in a domain that only ends the same")
        << "mail.notexample.com" << false << true << "";
}

void TestDnsRecords::hostName()
{
    QFETCH(QString, hostname);
    QFETCH(bool, inside);
    QFETCH(bool, heloSpf);
    QFETCH(QString, zoneOwner);

    DnsRecordRequest r = request("192.0.2.10", "");
    r.hostname = hostname.toStdString();
    const DnsRecordSet set = records(r);
    const RecordPlace place = inside ? RecordPlace::Zone : RecordPlace::OtherZone;
    QCOMPARE(find(set, "a")->place, place);
    QCOMPARE(find(set, "a")->name, hostname.toStdString());
    QCOMPARE(value(set, "mx"), "10 " + hostname);
    QCOMPARE(value(set, "srv-submission"), "10 1 587 " + hostname);
    QCOMPARE(find(set, "spf-helo") != nullptr, heloSpf);
    if (heloSpf) {
        QCOMPARE(find(set, "spf-helo")->place, place);
        QCOMPARE(value(set, "spf-helo"), QString("v=spf1 ip4:192.0.2.10 -all"));
    }
    QCOMPARE(
        std::any_of(set.notes.begin(), set.notes.end(),
            [&](const std::string &note) { return note.find("is outside") != std::string::npos; }),
        !inside);

    const QStringList zone = lines(formatZone(set));
    const QString aLine = QString("IN A     192.0.2.10");
    if (inside) {
        QVERIFY2(
            zone.contains(zoneOwner.leftJustified(17) + " " + aLine), qPrintable(zone.join('\n')));
    } else {
        QVERIFY2(zone.contains("; " + hostname + ". IN A 192.0.2.10"), qPrintable(zone.join('\n')));
        // Data outside the zone would make a DNS server refuse the file:
        // every owner name is relative to $ORIGIN.
        for (const QString &line : zone)
            QVERIFY2(line.startsWith(';') || line.startsWith('$')
                    || !line.section(' ', 0, 0).endsWith('.'),
                qPrintable(line));
    }
    QVERIFY(zone.contains("@                 IN MX    10 " + hostname + "."));
}

void TestDnsRecords::dkimKeys()
{
    DnsRecordRequest r = request();
    r.dkimKeys = { m_rsa, m_ed25519 };
    const DnsRecordSet set = records(r);
    // Sorted by selector, between SPF and DMARC.
    QCOMPARE(ids(set).mid(ids(set).indexOf("spf-helo") + 1, 3),
        (QStringList { "dkim:e2026a", "dkim:p2026a", "dmarc" }));
    QVERIFY(set.notes.empty());

    for (const DkimKey *key : { &m_rsa, &m_ed25519 }) {
        const DnsRecord *record = find(set, "dkim:" + key->selector);
        QVERIFY(record);
        QCOMPARE(record->type, std::string("TXT"));
        QCOMPARE(record->name, key->selector + "._domainkey.example.com");
        QCOMPARE(record->value, *dkimRecordValue(*key));
        QVERIFY(record->purpose.find(describeDkimKey(*key)) != std::string::npos);
    }
    const std::string rsaValue = *dkimRecordValue(m_rsa);
    QVERIFY2(rsaValue.size() > 255, "an RSA-2048 record needs two character-strings");

    // Zone: the RSA value as two quoted strings of at most 255 octets.
    const QStringList zone = lines(formatZone(set));
    const auto rsaLine = std::find_if(zone.begin(), zone.end(),
        [](const QString &line) { return line.startsWith("p2026a._domainkey IN TXT "); });
    QVERIFY(rsaLine != zone.end());
    const QRegularExpression quoted("\"([^\"]*)\"");
    QStringList pieces;
    for (auto match = quoted.globalMatch(*rsaLine); match.hasNext();)
        pieces << match.next().captured(1);
    QCOMPARE(pieces.size(), 2);
    QCOMPARE(pieces[0].size(), 255);
    QCOMPARE(pieces.join(""), QString::fromStdString(rsaValue));
    QVERIFY(zone.contains("e2026a._domainkey IN TXT   \""
        + QString::fromStdString(*dkimRecordValue(m_ed25519)) + "\""));

    // JSON: the same pieces, and the value unsplit.
    const QJsonArray records = QJsonDocument::fromJson(QByteArray::fromStdString(formatJson(set)))
                                   .object()["records"]
                                   .toArray();
    for (const QJsonValue &entry : records) {
        const QJsonObject object = entry.toObject();
        if (object["id"] != "dkim:p2026a")
            continue;
        QCOMPARE(object["value"].toString(), QString::fromStdString(rsaValue));
        QCOMPARE(object["strings"].toArray().size(), 2);
        QCOMPARE(object["strings"][0].toString() + object["strings"][1].toString(),
            QString::fromStdString(rsaValue));
        return;
    }
    QFAIL("no dkim:p2026a in the JSON");
}

void TestDnsRecords::domainWithoutKey()
{
    const DnsRecordSet set = records(request());
    QVERIFY(!ids(set).filter(QRegularExpression("^dkim:")).size());
    QCOMPARE(set.notes.size(), std::size_t { 1 });
    QVERIFY2(set.notes.front().find("postwrd dkim keygen example.com") != std::string::npos,
        set.notes.front().c_str());
}

void TestDnsRecords::spf_data()
{
    QTest::addColumn<SpfAll>("all");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("sender"); // "" checks the HELO name, as for a bounce
    QTest::addColumn<SpfResult>("result");

    const QString soft = "v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 ~all";
    const QString hard = "v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 -all";
    const QString sender = "user@example.com";
    QTest::newRow("~all: the server's IPv4 passes")
        << SpfAll::Soft << soft << "192.0.2.10" << sender << SpfResult::Pass;
    QTest::newRow("~all: the server's IPv6 passes")
        << SpfAll::Soft << soft << "2001:db8::10" << sender << SpfResult::Pass;
    QTest::newRow("~all: another address soft-fails")
        << SpfAll::Soft << soft << "198.51.100.7" << sender << SpfResult::SoftFail;
    QTest::newRow("-all: the server passes")
        << SpfAll::Hard << hard << "192.0.2.10" << sender << SpfResult::Pass;
    QTest::newRow("-all: another address fails")
        << SpfAll::Hard << hard << "2001:db8::11" << sender << SpfResult::Fail;
    QTest::newRow("HELO name: the server passes") << SpfAll::Soft << soft << "2001:db8::10"
                                                  << "" << SpfResult::Pass;
    QTest::newRow("HELO name: another address fails, whatever --spf-all")
        << SpfAll::Soft << soft << "192.0.2.11"
        << "" << SpfResult::Fail;
}

void TestDnsRecords::spf()
{
    QFETCH(SpfAll, all);
    QFETCH(QString, expected);
    QFETCH(QString, ip);
    QFETCH(QString, sender);
    QFETCH(SpfResult, result);

    DnsRecordRequest r = request();
    r.spfAll = all;
    const DnsRecordSet set = records(r);
    QCOMPARE(value(set, "spf"), expected);
    QCOMPARE(value(set, "spf-helo"), QString("v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 -all"));
    QCOMPARE(spfResult(set, ip, sender), std::optional<SpfResult>(result));
}

void TestDnsRecords::spfIncludes_data()
{
    QTest::addColumn<QStringList>("includes");
    QTest::addColumn<QString>("expected");

    QTest::newRow("Google Workspace")
        << QStringList { "_spf.google.com" }
        << "v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 include:_spf.google.com ~all";
    QTest::newRow("pasted with include:, upper case and the final dot")
        << QStringList { "include:SPF.Protection.Outlook.com." }
        << "v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 include:spf.protection.outlook.com ~all";
    QTest::newRow("two providers in order, a repeat dropped")
        << QStringList { "_spf.google.com", "spf.messagingengine.com", "_spf.google.com" }
        << "v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 include:_spf.google.com "
           "include:spf.messagingengine.com ~all";
}

// The include keeps the provider's servers passing, the server still
// passes, and the HELO name's record stays ours alone.
void TestDnsRecords::spfIncludes()
{
    QFETCH(QStringList, includes);
    QFETCH(QString, expected);

    DnsRecordRequest r = request();
    for (const QString &include : includes)
        r.spfIncludes.push_back(include.toStdString());
    const DnsRecordSet set = records(r);
    QCOMPARE(value(set, "spf"), expected);
    QCOMPARE(value(set, "spf-helo"), QString("v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 -all"));
    QVERIFY2(QString::fromStdString(find(set, "spf")->purpose).contains("and the servers of "),
        find(set, "spf")->purpose.c_str());

    DnsTable zone = table(set);
    for (const QString &term : expected.split(' ')) {
        if (term.startsWith("include:"))
            zone.add(DnsType::Txt, term.mid(8).toStdString(), { "v=spf1 ip4:198.51.100.0/24 -all" });
    }
    const auto check = [&](const char *ip) {
        const SpfQuery query { ip, "user@example.com", host };
        const std::optional<SpfVerdict> verdict
            = zone.run<SpfVerdict>([&](const DnsAnswers &answers) { return checkSpf(query, answers); });
        return verdict ? std::optional<SpfResult>(verdict->result) : std::nullopt;
    };
    QCOMPARE(check("198.51.100.7"), std::optional<SpfResult>(SpfResult::Pass));
    QCOMPARE(check("192.0.2.10"), std::optional<SpfResult>(SpfResult::Pass));
    QCOMPARE(check("203.0.113.1"), std::optional<SpfResult>(SpfResult::SoftFail));
}

// A domain whose mailboxes stay with a provider: no MX, MTA-STS or
// TLS-RPT of ours, a note saying to keep the provider's; the rest stays.
void TestDnsRecords::receiveElsewhere()
{
    DnsRecordRequest r = request();
    r.receiveHere = false;
    r.spfIncludes = { "_spf.google.com" };
    const DnsRecordSet set = records(r);
    const QStringList got = ids(set);
    for (const char *absent : { "mx", "tlsrpt", "mta-sts", "mta-sts-a", "mta-sts-policy" })
        QVERIFY2(!got.contains(absent), absent);
    for (const char *present : { "a", "aaaa", "spf", "spf-helo", "dmarc", "srv-submissions", "ptr:ipv4" })
        QVERIFY2(got.contains(present), present);
    QVERIFY(std::any_of(set.notes.begin(), set.notes.end(),
        [](const std::string &note) { return note.find("keep its MX records") != std::string::npos; }));
    const QString zone = QString::fromStdString(formatZone(set));
    static const QRegularExpression mxLine("^[^;\\n].*\\bMX\\b", QRegularExpression::MultilineOption);
    QVERIFY2(!zone.contains(mxLine), qPrintable(zone));
    QVERIFY2(zone.contains("include:_spf.google.com ~all"), qPrintable(zone));
}

void TestDnsRecords::dmarc_data()
{
    QTest::addColumn<DmarcPolicy>("policy");
    QTest::addColumn<QString>("rua");
    QTest::addColumn<QString>("ruf");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<bool>("externalNote");

    QTest::newRow("defaults") << DmarcPolicy::Quarantine << ""
                              << ""
                              << "v=DMARC1; p=quarantine; fo=1; rua=mailto:postmaster@example.com"
                              << false;
    QTest::newRow("p=none") << DmarcPolicy::None << ""
                            << ""
                            << "v=DMARC1; p=none; fo=1; rua=mailto:postmaster@example.com" << false;
    QTest::newRow("p=reject with both report addresses")
        << DmarcPolicy::Reject << "rua@example.com"
        << "ruf@example.com"
        << "v=DMARC1; p=reject; fo=1; rua=mailto:rua@example.com; ruf=mailto:ruf@example.com"
        << false;
    QTest::newRow("mailto: given by the user is not doubled")
        << DmarcPolicy::Quarantine << "MAILTO:Reports+dmarc@Example.COM"
        << ""
        << "v=DMARC1; p=quarantine; fo=1; rua=mailto:Reports+dmarc@example.com" << false;
    QTest::newRow("a subdomain's address needs no authorisation")
        << DmarcPolicy::Quarantine << "d@reports.example.com"
        << ""
        << "v=DMARC1; p=quarantine; fo=1; rua=mailto:d@reports.example.com" << false;
    QTest::newRow("reports to another domain: a note about RFC 7489 §7.1")
        << DmarcPolicy::Quarantine << "me@gmail.com"
        << ""
        << "v=DMARC1; p=quarantine; fo=1; rua=mailto:me@gmail.com" << true;
}

void TestDnsRecords::dmarc()
{
    QFETCH(DmarcPolicy, policy);
    QFETCH(QString, rua);
    QFETCH(QString, ruf);
    QFETCH(QString, expected);
    QFETCH(bool, externalNote);

    DnsRecordRequest r = request();
    r.dkimKeys = { m_ed25519 };
    r.dmarcPolicy = policy;
    r.dmarcRua = rua.toStdString();
    r.dmarcRuf = ruf.toStdString();
    const DnsRecordSet set = records(r);
    QCOMPARE(value(set, "dmarc"), expected);
    QCOMPARE(find(set, "dmarc")->name, std::string("_dmarc.example.com"));
    QCOMPARE(set.notes.size(), std::size_t { externalNote ? 1u : 0u });
    if (externalNote)
        QVERIFY2(
            set.notes.front().find("example.com._report._dmarc.gmail.com") != std::string::npos,
            set.notes.front().c_str());

    // postwrd's own DMARC parser reads it back.
    Result<DmarcRecord> parsed = parseDmarcRecord(value(set, "dmarc").toStdString());
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(parsed->policy, policy);
    QCOMPARE(parsed->failureOptions, std::string("1"));
    QVERIFY(!parsed->strictDkim && !parsed->strictSpf);
    QCOMPARE(parsed->aggregateReports.size(), std::size_t { 1 });
    QCOMPARE(parsed->failureReports.size(), std::size_t { ruf.isEmpty() ? 0u : 1u });
}

void TestDnsRecords::tlsRpt()
{
    DnsRecordRequest r = request();
    QCOMPARE(value(records(r), "tlsrpt"), QString("v=TLSRPTv1; rua=mailto:postmaster@example.com"));
    QCOMPARE(find(records(r), "tlsrpt")->name, std::string("_smtp._tls.example.com"));
    r.tlsrptRua = "tls-reports@example.com";
    QCOMPARE(
        value(records(r), "tlsrpt"), QString("v=TLSRPTv1; rua=mailto:tls-reports@example.com"));
}

void TestDnsRecords::mtaSts()
{
    DnsRecordRequest r = request();
    const DnsRecordSet testing = records(r);
    const DnsRecord *policy = find(testing, "mta-sts-policy");
    QVERIFY(policy);
    QCOMPARE(policy->type, std::string("FILE"));
    QCOMPARE(policy->place, RecordPlace::Web);
    QCOMPARE(policy->name, std::string("https://mta-sts.example.com/.well-known/mta-sts.txt"));
    QCOMPARE(policy->value,
        std::string("version: STSv1\nmode: testing\nmx: mail.example.com\nmax_age: 604800\n"));
    QVERIFY2(policy->purpose.find("not postwrd") != std::string::npos, policy->purpose.c_str());
    QCOMPARE(find(testing, "mta-sts")->name, std::string("_mta-sts.example.com"));
    const QString txt = value(testing, "mta-sts");
    QVERIFY2(
        QRegularExpression("^v=STSv1; id=[0-9a-f]{20}$").match(txt).hasMatch(), qPrintable(txt));

    // The id is stable for one policy, and changes with it (RFC 8461 §3.1).
    QCOMPARE(value(records(r), "mta-sts"), txt);
    r.ttl = 60;
    r.dmarcPolicy = DmarcPolicy::Reject;
    QCOMPARE(value(records(r), "mta-sts"), txt);
    r.mtaStsMode = MtaStsMode::Enforce;
    const DnsRecordSet enforce = records(r);
    QVERIFY(value(enforce, "mta-sts") != txt);
    QCOMPARE(value(enforce, "mta-sts-policy"),
        QString("version: STSv1\nmode: enforce\nmx: mail.example.com\nmax_age: 604800\n"));
    r.mtaStsMode = MtaStsMode::Testing;
    r.hostname = "smtp.example.com";
    QVERIFY(value(records(r), "mta-sts") != txt);
}

void TestDnsRecords::submissionSrv()
{
    const DnsRecordSet set = records(request());
    QCOMPARE(find(set, "srv-submissions")->name, std::string("_submissions._tcp.example.com"));
    QCOMPARE(value(set, "srv-submissions"), QString("0 1 465 mail.example.com"));
    QCOMPARE(find(set, "srv-submission")->name, std::string("_submission._tcp.example.com"));
    QCOMPARE(value(set, "srv-submission"), QString("10 1 587 mail.example.com"));
    QVERIFY(ids(set).filter(QRegularExpression("imap|pop")).isEmpty());
}

void TestDnsRecords::badInput_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("message"); // a part of the error

    QTest::newRow("no address at all") << "ipv4"
                                       << ""
                                       << "--ipv4 ADDR, --ipv6 ADDR";
    QTest::newRow("IPv4 octet over 255") << "ipv4"
                                         << "192.0.2.256"
                                         << "'192.0.2.256' is not an IPv4 address";
    QTest::newRow("IPv4 with three parts") << "ipv4"
                                           << "192.0.2"
                                           << "is not an IPv4 address";
    QTest::newRow("IPv4 with a leading zero") << "ipv4"
                                              << "192.0.2.010"
                                              << "is not an IPv4 address";
    QTest::newRow("IPv6 given as IPv4") << "ipv4"
                                        << "2001:db8::1"
                                        << "--ipv4: '2001:db8::1' is not an IPv4 address";
    QTest::newRow("IPv4 given as IPv6") << "ipv6"
                                        << "192.0.2.1"
                                        << "--ipv6: '192.0.2.1' is not an IPv6 address";
    QTest::newRow("IPv6 with two ::") << "ipv6"
                                      << "2001::db8::1"
                                      << "is not an IPv6 address";
    QTest::newRow("IPv4-mapped IPv6") << "ipv6"
                                      << "::ffff:192.0.2.1"
                                      << "give it with --ipv4";
    QTest::newRow("unspecified IPv4") << "ipv4"
                                      << "0.0.0.0"
                                      << "unspecified";
    QTest::newRow("unspecified IPv6") << "ipv6"
                                      << "::"
                                      << "unspecified";
    QTest::newRow("a host name is no address") << "ipv4"
                                               << "mail.example.com"
                                               << "is not an IPv4 address";
    QTest::newRow("DMARC rua without @") << "rua"
                                         << "postmaster"
                                         << "--dmarc-rua: 'postmaster' is not a report address";
    QTest::newRow("DMARC rua with ';'") << "rua"
                                        << "a;p=none@example.com"
                                        << "is not a report address";
    QTest::newRow("DMARC ruf with ','") << "ruf"
                                        << "a,b@example.com"
                                        << "--dmarc-ruf";
    QTest::newRow("DMARC ruf to an address literal") << "ruf"
                                                     << "a@[192.0.2.1]"
                                                     << "is not a report address";
    QTest::newRow("TLS-RPT with '!'") << "tlsrpt"
                                      << "a!b@example.com"
                                      << "--tlsrpt-rua";
    QTest::newRow("bad domain") << "domain"
                                << "exa mple.com"
                                << "is not a domain name";
    QTest::newRow("SPF include with a space") << "include"
                                              << "_spf.google .com"
                                              << "--spf-include: '_spf.google .com' is not a domain name";
    QTest::newRow("SPF include of a whole record") << "include"
                                                   << "v=spf1 include:_spf.google.com ~all"
                                                   << "is not a domain name";
    QTest::newRow("SPF include with a macro") << "include"
                                              << "%{i}._spf.example.net"
                                              << "is not a domain name";
    QTest::newRow("SPF include of one label") << "include"
                                              << "localhost"
                                              << "is not a domain name";
    QTest::newRow("nine SPF includes") << "includes"
                                       << "a.example,b.example,c.example,d.example,e.example,f.example,"
                                          "g.example,h.example,i.example"
                                       << "at most 8 other senders";
}

void TestDnsRecords::badInput()
{
    QFETCH(QString, field);
    QFETCH(QString, text);
    QFETCH(QString, message);

    DnsRecordRequest r = request("192.0.2.10", "");
    const std::string value = text.toStdString();
    if (field == "ipv4")
        r.ipv4 = value;
    else if (field == "ipv6")
        r.ipv6 = value;
    else if (field == "rua")
        r.dmarcRua = value;
    else if (field == "ruf")
        r.dmarcRuf = value;
    else if (field == "tlsrpt")
        r.tlsrptRua = value;
    else if (field == "include")
        r.spfIncludes = { value };
    else if (field == "includes")
        for (const QString &include : text.split(','))
            r.spfIncludes.push_back(include.toStdString());
    else
        r.domain = value;
    const Result<DnsRecordSet> set = dnsRecords(r);
    QVERIFY(!set);
    QVERIFY2(
        QString::fromStdString(set.error().message).contains(message), set.error().message.c_str());
}

void TestDnsRecords::reverseNames_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("name");

    QTest::newRow("IPv4") << "192.0.2.10"
                          << "10.2.0.192.in-addr.arpa";
    QTest::newRow("IPv4 with zeros") << "10.0.0.1"
                                     << "1.0.0.10.in-addr.arpa";
    QTest::newRow("IPv6 2001:db8::1, all 32 nibbles")
        << "2001:db8::1"
        << "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";
    QTest::newRow("IPv6 with letters, upper case in")
        << "2001:DB8:ABCD:12::FE"
        << "e.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.2.1.0.0.d.c.b.a.8.b.d.0.1.0.0.2.ip6.arpa";
    QTest::newRow("not an address") << "2001:db8::g"
                                    << "";
}

void TestDnsRecords::reverseNames()
{
    QFETCH(QString, ip);
    QFETCH(QString, name);
    const Result<std::string> reverse = reverseDnsName(ip.toStdString());
    QCOMPARE(bool(reverse), !name.isEmpty());
    if (reverse)
        QCOMPARE(QString::fromStdString(*reverse), name);
}

void TestDnsRecords::zoneQuoting_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("quoted");

    QTest::newRow("plain, spaces and ';' need no escape")
        << QByteArray("v=spf1 a; b") << QByteArray("\"v=spf1 a; b\"");
    QTest::newRow("quote") << QByteArray("say \"hi\"") << QByteArray(R"("say \"hi\"")");
    QTest::newRow("backslash") << QByteArray("a\\b") << QByteArray(R"("a\\b")");
    QTest::newRow("control byte as \\DDD")
        << QByteArray("a\tb\x01") << QByteArray(R"("a\009b\001")");
    QTest::newRow("8-bit byte as \\DDD") << QByteArray("\xc3\xa9") << QByteArray(R"("\195\169")");
    QTest::newRow("empty") << QByteArray("") << QByteArray("\"\"");
}

void TestDnsRecords::zoneQuoting()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, quoted);
    QCOMPARE(QByteArray::fromStdString(quoteZoneString(text.toStdString())), quoted);
}

void TestDnsRecords::jsonEscaping_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("literal");

    QTest::newRow("plain") << QByteArray("v=DKIM1; k=rsa") << QByteArray("\"v=DKIM1; k=rsa\"");
    QTest::newRow("quote and backslash") << QByteArray("a\"b\\c") << QByteArray(R"("a\"b\\c")");
    QTest::newRow("line ends and tab") << QByteArray("a\nb\r\tc") << QByteArray(R"("a\nb\r\tc")");
    QTest::newRow("other control bytes")
        << QByteArray("\x01\x1f") << QByteArray(R"("\u0001\u001f")");
    QTest::newRow("UTF-8 as is") << QByteArray("caf\xc3\xa9") << QByteArray("\"caf\xc3\xa9\"");
    QTest::newRow("slash needs nothing")
        << QByteArray("https://a/b") << QByteArray("\"https://a/b\"");
}

void TestDnsRecords::jsonEscaping()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, literal);
    const QByteArray out = QByteArray::fromStdString(jsonString(text.toStdString()));
    QCOMPARE(out, literal);
    // A JSON parser reads back the same text.
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson("[" + out + "]", &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(document.array().at(0).toString(), QString::fromUtf8(text));
}

void TestDnsRecords::zoneFormat()
{
    DnsRecordRequest r = request();
    r.ttl = 300;
    r.dkimKeys = { m_ed25519 };
    const QStringList zone = lines(formatZone(records(r)));
    QVERIFY(zone.contains("$ORIGIN example.com."));
    QVERIFY(zone.contains("$TTL 300"));
    QVERIFY(zone.indexOf("$ORIGIN example.com.") < zone.indexOf(QRegularExpression("@ +IN MX .*")));
    for (const char *expected : {
             "@                 IN MX    10 mail.example.com.",
             "mail              IN A     192.0.2.10",
             "mail              IN AAAA  2001:db8::10",
             "@                 IN TXT   \"v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 ~all\"",
             "mail              IN TXT   \"v=spf1 ip4:192.0.2.10 ip6:2001:db8::10 -all\"",
             "_dmarc            IN TXT   \"v=DMARC1; p=quarantine; fo=1; "
             "rua=mailto:postmaster@example.com\"",
             "_smtp._tls        IN TXT   \"v=TLSRPTv1; rua=mailto:postmaster@example.com\"",
             "mta-sts           IN A     192.0.2.10",
             "_submissions._tcp IN SRV   0 1 465 mail.example.com.",
             "_submission._tcp  IN SRV   10 1 587 mail.example.com.",
             // The provider's reverse zones and the web server's file: comments only.
             "; 10.2.0.192.in-addr.arpa. IN PTR mail.example.com.",
             "; 0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa. IN PTR "
             "mail.example.com.",
             ";   mode: testing",
         })
        QVERIFY2(zone.contains(expected),
            qPrintable(expected + QString("\nnot in:\n") + zone.join('\n')));
    // Every line is a comment, a directive, blank, or a record of this zone
    // with a purpose comment above it.
    for (qsizetype i = 0; i < zone.size(); ++i) {
        const QString &line = zone[i];
        if (line.isEmpty() || line.startsWith(';') || line.startsWith('$'))
            continue;
        QVERIFY2(
            QRegularExpression("^[@a-z0-9._-]+ +IN (MX|A|AAAA|TXT|SRV) ").match(line).hasMatch(),
            qPrintable(line));
        QVERIFY2(i > 0 && zone[i - 1].startsWith("; "), qPrintable(line));
        QVERIFY2(!line.contains("arpa") && !line.contains("https:"), qPrintable(line));
    }
}

void TestDnsRecords::jsonFormat()
{
    DnsRecordRequest r = request();
    r.dkimKeys = { m_rsa };
    r.dmarcRua = "me@gmail.com";
    const DnsRecordSet set = records(r);
    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromStdString(formatJson(set)), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    QCOMPARE(root["domain"].toString(), QString("example.com"));
    QCOMPARE(root["hostname"].toString(), QString("mail.example.com"));
    QCOMPARE(root["ttl"].toInt(), 3600);
    QCOMPARE(root["notes"].toArray().size(), 1);
    const QJsonArray entries = root["records"].toArray();
    QCOMPARE(std::size_t(entries.size()), set.records.size());
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject object = entries[i].toObject();
        const DnsRecord &record = set.records[std::size_t(i)];
        QCOMPARE(object["id"].toString().toStdString(), record.id);
        QCOMPARE(object["type"].toString().toStdString(), record.type);
        QCOMPARE(object["name"].toString().toStdString(), record.name);
        QCOMPARE(object["value"].toString().toStdString(), record.value);
        QCOMPARE(object["purpose"].toString().toStdString(), record.purpose);
        QCOMPARE(
            object["where"].toString().toStdString(), std::string(recordPlaceName(record.place)));
        QVERIFY(!object["name"].toString().endsWith('.'));
        QCOMPARE(object.contains("strings"), record.type == "TXT");
        QCOMPARE(object.contains("ttl"), record.place != RecordPlace::Web);
        if (object.contains("ttl"))
            QCOMPARE(object["ttl"].toInt(), 3600);
        QString joined;
        for (const QJsonValue &piece : object["strings"].toArray()) {
            QVERIFY(piece.toString().size() <= 255);
            joined += piece.toString();
        }
        if (record.type == "TXT")
            QCOMPARE(joined.toStdString(), record.value);
    }
    const QStringList places { "zone", "provider", "web" };
    for (const QString &place : places)
        QVERIFY2(std::any_of(entries.begin(), entries.end(),
                     [&](const QJsonValue &v) { return v["where"] == place; }),
            qPrintable(place));
}

void TestDnsRecords::tableFormat()
{
    DnsRecordRequest r = request();
    r.dkimKeys = { m_rsa };
    const DnsRecordSet set = records(r);
    const std::string text = formatTable(set);
    const QStringList table = lines(text);
    for (const QString &line : table)
        QVERIFY2(
            line.size() <= 80, qPrintable(QString("%1 columns: %2").arg(line.size()).arg(line)));
    QVERIFY(table.contains("In the DNS zone of example.com (TTL 3600):"));
    QVERIFY(table.contains("TYPE  NAME                           VALUE"));
    QVERIFY(table.contains("MX    example.com                    10 mail.example.com"));
    QVERIFY(table.contains("SRV   _submissions._tcp.example.com  0 1 465 mail.example.com"));
    QVERIFY(table.contains("PTR   10.2.0.192.in-addr.arpa        mail.example.com"));
    // A name too long for its column puts the value under the VALUE column.
    const qsizetype ptr6
        = table.indexOf("PTR   " + QString::fromStdString(*reverseDnsName("2001:db8::10")));
    QVERIFY(ptr6 > 0);
    QCOMPARE(table.value(ptr6 + 1), QString(37, ' ') + "mail.example.com");
    QVERIFY(
        table.contains("On a web server, at https://mta-sts.example.com/.well-known/mta-sts.txt:"));
    QVERIFY(table.contains("max_age: 604800"));
    // The DKIM key, wrapped, is all there in order.
    QString compact = QString::fromStdString(text);
    compact.remove(QRegularExpression("\\s"));
    QString key = QString::fromStdString(*dkimRecordValue(m_rsa));
    key.remove(' ');
    QVERIFY(compact.contains(key));
    QVERIFY(table.contains(
        "Long values are wrapped here: copy them from --format zone or --format json."));
}

QTEST_GUILESS_MAIN(TestDnsRecords)
#include "tst_dns_records.moc"
