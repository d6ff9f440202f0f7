// DMARC records, the DNS tree walk and alignment (RFC 7489, DMARCbis §4.10).
#include "mail/dmarc.h"

#include "dns_table.h"

#include <QTest>

using namespace postwr::mail;
using postwr::testing::DnsTable;

Q_DECLARE_METATYPE(DmarcInput)

namespace {

std::optional<DmarcVerdict> check(const DnsTable &table, const DmarcInput &input,
                                  std::vector<DnsQuestion> *asked = nullptr)
{
    return table.run<DmarcVerdict>([&](const DnsAnswers &answers) { return checkDmarc(input, answers); }, 20,
                                   asked);
}

DmarcInput input(std::string from, std::string spfDomain, bool spfPassed, std::vector<std::string> dkim = {})
{
    return DmarcInput{std::move(from), std::move(spfDomain), spfPassed, std::move(dkim)};
}

} // namespace

class TestDmarc : public QObject {
    Q_OBJECT

private slots:
    void parsesRecords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("error"); // empty: valid
        QTest::addColumn<int>("policy");
        QTest::addColumn<int>("subdomainPolicy"); // -1: none
        QTest::addColumn<bool>("strictDkim");
        QTest::addColumn<bool>("strictSpf");
        QTest::addColumn<int>("percent");
        QTest::addColumn<int>("reports");

        const int none = int(DmarcPolicy::None), quarantine = int(DmarcPolicy::Quarantine),
                  reject = int(DmarcPolicy::Reject);
        QTest::newRow("minimal") << "v=DMARC1; p=none" << "" << none << -1 << false << false << 100 << 0;
        QTest::newRow("full") << "v=DMARC1; p=reject; sp=quarantine; adkim=s; aspf=s; pct=50; fo=1; "
                                 "rua=mailto:a@example.org,mailto:b@example.net; ruf=mailto:f@example.org"
                              << "" << reject << quarantine << true << true << 50 << 2;
        QTest::newRow("spaces and case") << "  v = DMARC1 ;P=Quarantine;  " << "" << quarantine << -1 << false
                                         << false << 100 << 0;
        QTest::newRow("no trailing semicolon needed") << "v=DMARC1;p=reject" << "" << reject << -1 << false << false
                                                      << 100 << 0;
        QTest::newRow("unknown tags ignored") << "v=DMARC1; p=none; np=reject; t=y" << "" << none << -1 << false
                                              << false << 100 << 0;
        QTest::newRow("bad optional values keep defaults") << "v=DMARC1; p=reject; adkim=x; pct=500; sp=maybe"
                                                           << "" << reject << -1 << false << false << 100 << 0;
        // Found by fuzzing: the digits were summed past the size check, an
        // int overflow (undefined behaviour) that the sanitizer build reports.
        QTest::newRow("a pct of many digits keeps the default")
            << "v=DMARC1; p=reject; pct=12267000150" << "" << reject << -1 << false << false << 100 << 0;
        QTest::newRow("bad p with rua is none") << "v=DMARC1; p=strict; rua=mailto:a@example.org" << "" << none
                                                << -1 << false << false << 100 << 1;
        QTest::newRow("missing p with rua is none") << "v=DMARC1; rua=mailto:a@example.org" << "" << none << -1
                                                    << false << false << 100 << 1;
        QTest::newRow("missing p") << "v=DMARC1; sp=reject" << "p= is missing" << 0 << -1 << false << false << 100
                                   << 0;
        QTest::newRow("bad p") << "v=DMARC1; p=strict" << "p= must be none, quarantine or reject" << 0 << -1
                               << false << false << 100 << 0;
        QTest::newRow("v not first") << "p=none; v=DMARC1" << "the record must start with v=DMARC1" << 0 << -1
                                     << false << false << 100 << 0;
        QTest::newRow("wrong version") << "v=DMARC2; p=none" << "the record must start with v=DMARC1" << 0 << -1
                                       << false << false << 100 << 0;
        QTest::newRow("not a tag") << "v=DMARC1; p=none; junk" << "\"junk\" is not a tag=value pair" << 0 << -1
                                   << false << false << 100 << 0;
        QTest::newRow("empty") << "" << "the record is empty" << 0 << -1 << false << false << 100 << 0;
    }

    void parsesRecords()
    {
        QFETCH(QString, text);
        QFETCH(QString, error);
        const Result<DmarcRecord> record = parseDmarcRecord(text.toStdString());
        if (!error.isEmpty()) {
            QVERIFY(!record);
            QCOMPARE(QString::fromStdString(record.error().message), error);
            return;
        }
        QVERIFY2(record, record ? "" : record.error().message.c_str());
        QTEST(int(record->policy), "policy");
        QTEST(record->subdomainPolicy ? int(*record->subdomainPolicy) : -1, "subdomainPolicy");
        QTEST(record->strictDkim, "strictDkim");
        QTEST(record->strictSpf, "strictSpf");
        QTEST(record->percent, "percent");
        QTEST(int(record->aggregateReports.size()), "reports");
    }

    void alignment_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("organizational");
        QTest::addColumn<bool>("strict");
        QTest::addColumn<bool>("aligned");

        QTest::newRow("same") << "example.org" << "example.org" << "example.org" << false << true;
        QTest::newRow("same, strict") << "example.org" << "example.org" << "example.org" << true << true;
        QTest::newRow("case") << "Example.ORG" << "example.org" << "example.org" << true << true;
        QTest::newRow("subdomain relaxed") << "mail.example.org" << "example.org" << "example.org" << false << true;
        QTest::newRow("subdomain strict") << "mail.example.org" << "example.org" << "example.org" << true << false;
        QTest::newRow("parent relaxed") << "example.org" << "news.example.org" << "example.org" << false << true;
        QTest::newRow("sibling relaxed") << "a.example.org" << "b.example.org" << "example.org" << false << true;
        QTest::newRow("suffix is not a subdomain") << "badexample.org" << "example.org" << "example.org" << false
                                                   << false;
        QTest::newRow("other domain") << "example.net" << "example.org" << "example.org" << false << false;
        QTest::newRow("public suffix above org") << "org" << "example.org" << "example.org" << false << false;
        QTest::newRow("empty") << "" << "example.org" << "example.org" << false << false;
    }

    void alignment()
    {
        QFETCH(QString, domain);
        QFETCH(QString, from);
        QFETCH(QString, organizational);
        QFETCH(bool, strict);
        QTEST(dmarcAligned(domain.toStdString(), from.toStdString(), organizational.toStdString(), strict),
              "aligned");
    }

    void verdicts_data()
    {
        QTest::addColumn<DmarcInput>("input");
        QTest::addColumn<QStringList>("records"); // "name=text"
        QTest::addColumn<QString>("result");
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("policyDomain");
        QTest::addColumn<QString>("organizational");
        QTest::addColumn<bool>("refuse");

        const QStringList reject{"_dmarc.example.org=v=DMARC1; p=reject"};
        QTest::newRow("no record") << input("example.org", "example.org", true) << QStringList{} << "none"
                                   << "none" << "" << "" << false;
        QTest::newRow("aligned SPF") << input("example.org", "example.org", true) << reject << "pass" << "reject"
                                     << "example.org" << "example.org" << false;
        QTest::newRow("aligned DKIM") << input("example.org", "bounce.other.net", true, {"example.org"}) << reject
                                      << "pass" << "reject" << "example.org" << "example.org" << false;
        QTest::newRow("relaxed SPF from subdomain") << input("example.org", "bounces.example.org", true) << reject
                                                    << "pass" << "reject" << "example.org" << "example.org"
                                                    << false;
        QTest::newRow("strict SPF from subdomain")
            << input("example.org", "bounces.example.org", true)
            << QStringList{"_dmarc.example.org=v=DMARC1; p=reject; aspf=s"} << "fail" << "reject" << "example.org"
            << "example.org" << true;
        QTest::newRow("strict DKIM subdomain")
            << input("example.org", "other.net", true, {"mail.example.org"})
            << QStringList{"_dmarc.example.org=v=DMARC1; p=quarantine; adkim=s"} << "fail" << "quarantine"
            << "example.org" << "example.org" << false;
        QTest::newRow("SPF pass but unaligned") << input("example.org", "other.net", true) << reject << "fail"
                                                << "reject" << "example.org" << "example.org" << true;
        QTest::newRow("SPF failed") << input("example.org", "example.org", false) << reject << "fail" << "reject"
                                    << "example.org" << "example.org" << true;
        QTest::newRow("DKIM of another domain") << input("example.org", "", false, {"evil.example"}) << reject
                                                << "fail" << "reject" << "example.org" << "example.org" << true;
        QTest::newRow("p=none fails without refusal")
            << input("example.org", "", false) << QStringList{"_dmarc.example.org=v=DMARC1; p=none"} << "fail"
            << "none" << "example.org" << "example.org" << false;
        QTest::newRow("pct below 100 never refuses")
            << input("example.org", "", false) << QStringList{"_dmarc.example.org=v=DMARC1; p=reject; pct=99"}
            << "fail" << "reject" << "example.org" << "example.org" << false;
        QTest::newRow("subdomain gets sp")
            << input("news.example.org", "", false)
            << QStringList{"_dmarc.example.org=v=DMARC1; p=reject; sp=quarantine"} << "fail" << "quarantine"
            << "example.org" << "example.org" << false;
        QTest::newRow("subdomain without sp gets p") << input("news.example.org", "", false) << reject << "fail"
                                                     << "reject" << "example.org" << "example.org" << true;
        QTest::newRow("subdomain passes with parent DKIM")
            << input("news.example.org", "", false, {"example.org"}) << reject << "pass" << "reject"
            << "example.org" << "example.org" << false;
        QTest::newRow("own record of the subdomain")
            << input("news.example.org", "", false)
            << QStringList{"_dmarc.news.example.org=v=DMARC1; p=none", "_dmarc.example.org=v=DMARC1; p=reject"}
            << "fail" << "none" << "news.example.org" << "example.org" << false;
        QTest::newRow("psd=y marks the public suffix")
            << input("shop.example.gov.test", "", false, {"other.gov.test"})
            << QStringList{"_dmarc.shop.example.gov.test=v=DMARC1; p=reject",
                           "_dmarc.gov.test=v=DMARC1; p=reject; psd=y"}
            << "fail" << "reject" << "shop.example.gov.test" << "example.gov.test" << true;
        QTest::newRow("psd=n stops the walk")
            << input("a.b.example.org", "", false, {"b.example.org"})
            << QStringList{"_dmarc.b.example.org=v=DMARC1; p=reject; psd=n",
                           "_dmarc.example.org=v=DMARC1; p=none"}
            << "pass" << "reject" << "b.example.org" << "b.example.org" << false;
        QTest::newRow("two records: DMARC does not apply")
            << input("example.org", "", false)
            << QStringList{"_dmarc.example.org=v=DMARC1; p=reject", "_dmarc.example.org=v=DMARC1; p=none"}
            << "none" << "none" << "" << "" << false;
        QTest::newRow("invalid record: DMARC does not apply")
            << input("example.org", "", false) << QStringList{"_dmarc.example.org=v=DMARC1; p=bogus"} << "none"
            << "none" << "" << "" << false;
        QTest::newRow("other TXT records ignored")
            << input("example.org", "", false)
            << QStringList{"_dmarc.example.org=some verification token", "_dmarc.example.org=v=DMARC1; p=reject"}
            << "fail" << "reject" << "example.org" << "example.org" << true;
        QTest::newRow("no From domain") << input("", "example.org", true) << reject << "none" << "none" << ""
                                        << "" << false;
    }

    void verdicts()
    {
        QFETCH(DmarcInput, input);
        QFETCH(QStringList, records);
        DnsTable table;
        std::map<std::string, std::vector<std::string>> byName;
        for (const QString &entry : records) {
            const qsizetype equals = entry.indexOf('=');
            byName[entry.left(equals).toStdString()].push_back(entry.mid(equals + 1).toStdString());
        }
        for (auto &[name, texts] : byName)
            table.add(DnsType::Txt, name, texts);
        const std::optional<DmarcVerdict> verdict = check(table, input);
        QVERIFY(verdict);
        QVERIFY2(!verdict->reason.empty(), "every verdict says why");
        QTEST(QString::fromUtf8(dmarcResultName(verdict->result)), "result");
        QTEST(QString::fromUtf8(dmarcPolicyName(verdict->policy)), "policy");
        QTEST(QString::fromStdString(verdict->policyDomain), "policyDomain");
        QTEST(QString::fromStdString(verdict->organizationalDomain), "organizational");
        QTEST(verdict->refuse(), "refuse");
    }

    void temporaryErrorGivesTempError()
    {
        DnsTable table;
        table.fail(DnsType::Txt, "_dmarc.example.org");
        const std::optional<DmarcVerdict> verdict = check(table, input("example.org", "example.org", false));
        QVERIFY(verdict);
        QCOMPARE(verdict->result, DmarcResult::TempError);
        QVERIFY(!verdict->refuse());
    }

    void walkIsBoundedAndSkipsTheTopLevelDomain()
    {
        DnsTable table;
        std::vector<DnsQuestion> asked;
        const std::optional<DmarcVerdict> verdict =
            check(table, input("a.b.c.d.e.f.g.h.i.j.example.org", "", false), &asked);
        QVERIFY(verdict);
        QCOMPARE(verdict->result, DmarcResult::None);
        QStringList names;
        for (const DnsQuestion &question : asked)
            names << QString::fromStdString(question.name);
        QCOMPARE(names, QStringList({"_dmarc.a.b.c.d.e.f.g.h.i.j.example.org", "_dmarc.f.g.h.i.j.example.org",
                                     "_dmarc.g.h.i.j.example.org", "_dmarc.h.i.j.example.org",
                                     "_dmarc.i.j.example.org", "_dmarc.j.example.org", "_dmarc.example.org"}));
    }

    void exactPassNeedsNoOrganizationalWalk()
    {
        DnsTable table;
        table.add(DnsType::Txt, "_dmarc.news.example.org", {"v=DMARC1; p=reject"});
        std::vector<DnsQuestion> asked;
        const std::optional<DmarcVerdict> verdict =
            check(table, input("news.example.org", "", false, {"news.example.org"}), &asked);
        QVERIFY(verdict);
        QCOMPARE(verdict->result, DmarcResult::Pass);
        QCOMPARE(asked.size(), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestDmarc)
#include "tst_dmarc.moc"
