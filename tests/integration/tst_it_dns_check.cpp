// The DNS check against a real DNS server (dnsmasq on loopback), with the
// records a real postwrd says the domain needs (`dns records --format
// json`). One zone per case, each published as a user would, right or with
// one mistake; each must get its exact verdict:
//
//   right.test      everything right (DKIM in two 255-byte strings), PTR confirmed
//   missing.test    only the MX and the host's address published
//   wrongkey.test   another DKIM key
//   twospf.test     a second SPF record
//   cut.test        the DKIM key cut at 255 characters
//   split.test      the DKIM key's pieces joined with a space
//   doubled.test    DMARC at _dmarc.doubled.test.doubled.test
//   ptr.test        the address's PTR names the provider's default name
//   farptr.test     the PTR names the host, whose A record is elsewhere
//   v6.test         IPv4 and IPv6: the IPv4 PTR right, the IPv6 one missing
//   lookups.test    SPF lists the server first, then 11 includes: over the
//                   10-lookup limit for everyone else
//   viainc.test     SPF names the server only through an include: correct
//   cname.test      _dmarc is a CNAME to a name without TXT
//   stale.test      the resolver (dnsmasq) lacks the DKIM record and still
//                   has a DMARC record; the domain's name server (NSD, the
//                   zone `postwrd dns records --format zone` exported, with
//                   DMARC deleted) has the DKIM record and no DMARC
//
// SRV records are checked too (right.test has them, missing.test not).

#include "dnscheck/dns_checker.h"
#include "support/dnsmasq_instance.h"
#include "support/nsd_instance.h"
#include "support/postwrd_instance.h"

#include <QTest>

using namespace postwr::dnscheck;

namespace {

const QString kTemplateDomain = QStringLiteral("example.test");
const QString kTemplateAddress = QStringLiteral("127.0.1.250");

// The template's JSON for `domain` at `address`.
QByteArray recordsFor(const QByteArray &json, const QString &domain, const QString &address)
{
    QString text = QString::fromUtf8(json);
    const QString reverse = DnsmasqInstance::reverseName(kTemplateAddress);
    text.replace(reverse, DnsmasqInstance::reverseName(address));
    text.replace(kTemplateAddress, address);
    text.replace(kTemplateDomain, domain);
    return text.toUtf8();
}

const ExpectedRecord *find(const ExpectedRecords &records, const QString &id)
{
    for (const ExpectedRecord &record : records.records) {
        if (record.id == id || (id == QLatin1String("dkim") && record.id.startsWith(QLatin1String("dkim:"))))
            return &record;
    }
    return nullptr;
}

} // namespace

class DnsCheckTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        postwrd_.addDomain(kTemplateDomain);
        QVERIFY2(postwrd_.prepare(), qPrintable(postwrd_.errorString()));
        const ProcessResult key = postwrd_.cli({ QStringLiteral("dkim"), QStringLiteral("keygen"), kTemplateDomain });
        QVERIFY2(key.succeeded(), key.standardError.constData());
        const ProcessResult records = postwrd_.cli({ QStringLiteral("dns"), QStringLiteral("records"), kTemplateDomain,
            QStringLiteral("--ipv4"), kTemplateAddress, QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(records.succeeded(), records.standardError.constData());
        json_ = records.standardOutput;
        const ProcessResult dualStack = postwrd_.cli({ QStringLiteral("dns"), QStringLiteral("records"), kTemplateDomain,
            QStringLiteral("--ipv4"), kTemplateAddress, QStringLiteral("--ipv6"), QStringLiteral("fd00::250"),
            QStringLiteral("--format"), QStringLiteral("json") });
        QVERIFY2(dualStack.succeeded(), dualStack.standardError.constData());
        auto v6 = parseExpectedRecords(recordsFor(dualStack.standardOutput, QStringLiteral("v6.test"), QStringLiteral("127.0.1.60")));
        QVERIFY2(v6.ok(), v6.ok() ? "" : qPrintable(v6.failure().message));
        expected_.insert(QStringLiteral("v6.test"), *v6);
        dns_.addAddressWithoutPtr(QStringLiteral("mail.v6.test"), QStringLiteral("127.0.1.60"));
        dns_.addAddressWithoutPtr(QStringLiteral("mail.v6.test"), QStringLiteral("fd00::250"));
        dns_.addPtr(QStringLiteral("127.0.1.60"), QStringLiteral("mail.v6.test"));

        int n = 0;
        for (const QString &domain : { QStringLiteral("right.test"), QStringLiteral("missing.test"), QStringLiteral("wrongkey.test"),
                 QStringLiteral("twospf.test"), QStringLiteral("cut.test"), QStringLiteral("split.test"),
                 QStringLiteral("doubled.test"), QStringLiteral("ptr.test"), QStringLiteral("farptr.test"),
                 QStringLiteral("lookups.test"), QStringLiteral("viainc.test"), QStringLiteral("cname.test"),
                 QStringLiteral("stale.test") }) {
            const QString address = QStringLiteral("127.0.1.%1").arg(++n);
            if (domain == QLatin1String("stale.test"))
                staleAddress_ = address;
            auto expected = parseExpectedRecords(recordsFor(json_, domain, address));
            QVERIFY2(expected.ok(), expected.ok() ? "" : qPrintable(expected.failure().message));
            expected_.insert(domain, *expected);
            publish(domain, address, *expected);
        }
        const ProcessResult zone = postwrd_.cli({ QStringLiteral("dns"), QStringLiteral("records"), kTemplateDomain,
            QStringLiteral("--ipv4"), kTemplateAddress, QStringLiteral("--format"), QStringLiteral("zone") });
        QVERIFY2(zone.succeeded(), zone.standardError.constData());
        QByteArray staleZone;
        for (const QByteArray &line : recordsFor(zone.standardOutput, QStringLiteral("stale.test"), staleAddress_).split('\n')) {
            if (!line.startsWith("_dmarc"))
                staleZone += line + '\n';
        }
        staleZone = NsdInstance::soaAndNs(QStringLiteral("stale.test")) + staleZone;
        QVERIFY2(nsd_.checkZone(QStringLiteral("stale.test"), staleZone), qPrintable(nsd_.errorString()));
        nsd_.addZone(QStringLiteral("stale.test"), staleZone);
        QVERIFY2(nsd_.start(), qPrintable(nsd_.errorString()));
        dns_.addNs(QStringLiteral("stale.test"), QStringLiteral("ns1.stale.test"));
        dns_.addAddressWithoutPtr(QStringLiteral("ns1.stale.test"), NsdInstance::address());

        QVERIFY2(dns_.start(), qPrintable(dns_.errorString()));
        auto checker = DnsChecker::create(dns_.serverSpec(), nsd_.port());
        QVERIFY2(checker.ok(), checker.ok() ? "" : qPrintable(checker.failure().message));
        checker_ = std::move(checker.value());
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("mistake");
        const int correct = int(Verdict::State::Correct), missing = int(Verdict::State::Missing),
                  wrong = int(Verdict::State::Wrong);
        for (const char *id : { "mx", "a", "spf", "spf-helo", "dkim", "dmarc", "tlsrpt", "mta-sts", "ptr:ipv4" })
            QTest::addRow("right.test %s", id) << "right.test" << id << correct << "";
        QTest::newRow("missing.test mx") << "missing.test" << "mx" << correct << "";
        QTest::newRow("missing.test spf") << "missing.test" << "spf" << missing << "";
        QTest::newRow("missing.test dkim") << "missing.test" << "dkim" << missing << "";
        QTest::newRow("missing.test dmarc") << "missing.test" << "dmarc" << missing << "";
        QTest::newRow("wrongkey.test dkim") << "wrongkey.test" << "dkim" << wrong << "";
        QTest::newRow("twospf.test spf") << "twospf.test" << "spf" << wrong << "two-spf";
        QTest::newRow("cut.test dkim") << "cut.test" << "dkim" << wrong << "dkim-cut";
        QTest::newRow("split.test dkim") << "split.test" << "dkim" << wrong << "dkim-split";
        QTest::newRow("doubled.test dmarc") << "doubled.test" << "dmarc" << wrong << "doubled-name";
        QTest::newRow("ptr.test ptr") << "ptr.test" << "ptr:ipv4" << wrong << "";
        QTest::newRow("farptr.test ptr") << "farptr.test" << "ptr:ipv4" << wrong << "";
        QTest::newRow("farptr.test a") << "farptr.test" << "a" << wrong << "";
        QTest::newRow("v6.test ptr:ipv4") << "v6.test" << "ptr:ipv4" << correct << "";
        QTest::newRow("v6.test aaaa") << "v6.test" << "aaaa" << correct << "";
        QTest::newRow("v6.test ptr:ipv6") << "v6.test" << "ptr:ipv6" << missing << "";
        QTest::newRow("right.test srv-submissions") << "right.test" << "srv-submissions" << correct << "";
        QTest::newRow("right.test srv-submission") << "right.test" << "srv-submission" << correct << "";
        QTest::newRow("missing.test srv-submissions") << "missing.test" << "srv-submissions" << missing << "";
        QTest::newRow("lookups.test spf") << "lookups.test" << "spf" << wrong << "spf-lookups";
        QTest::newRow("viainc.test spf") << "viainc.test" << "spf" << correct << "";
        QTest::newRow("cname.test dmarc") << "cname.test" << "dmarc" << wrong << "cname";
        QTest::newRow("stale.test dkim") << "stale.test" << "dkim" << int(Verdict::State::Stale) << "";
        QTest::newRow("stale.test dmarc") << "stale.test" << "dmarc" << missing << "";
        QTest::newRow("stale.test mx") << "stale.test" << "mx" << correct << "";
        QTest::newRow("stale.test spf") << "stale.test" << "spf" << correct << "";
    }

    void verdicts()
    {
        QFETCH(QString, domain);
        QFETCH(QString, id);
        QFETCH(int, state);
        QFETCH(QString, mistake);
        const QList<RecordVerdict> verdicts = results(domain);
        const RecordVerdict *found = nullptr;
        for (const RecordVerdict &verdict : verdicts) {
            if (verdict.record.id == id || (id == QLatin1String("dkim") && verdict.record.id.startsWith(QLatin1String("dkim:"))))
                found = &verdict;
        }
        QVERIFY2(found, qPrintable(id));
        QVERIFY2(int(found->verdict.state) == state,
            qPrintable(QStringLiteral("state %1: found \"%2\", %3").arg(int(found->verdict.state)).arg(found->verdict.found, found->verdict.problem)));
        QCOMPARE(found->verdict.mistake, mistake);
    }

private:
    // The zone of `domain` as its case has it.
    void publish(const QString &domain, const QString &address, const ExpectedRecords &expected)
    {
        const QString host = QStringLiteral("mail.") + domain;
        dns_.addMx(domain, host, 10);
        const ExpectedRecord *dkim = find(expected, QStringLiteral("dkim"));
        QVERIFY(dkim);
        const QString key = dkim->value;
        if (domain == QLatin1String("farptr.test")) {
            dns_.addAddressWithoutPtr(host, QStringLiteral("127.0.2.99"));
            dns_.addPtr(address, host);
        } else if (domain == QLatin1String("ptr.test")) {
            dns_.addAddressWithoutPtr(host, address);
            dns_.addPtr(address, QStringLiteral("vps-127-0-1-8.provider.test"));
        } else {
            dns_.addHost(host, { address });
        }
        if (domain == QLatin1String("missing.test"))
            return;
        for (const char *id : { "srv-submissions", "srv-submission" }) {
            const ExpectedRecord *record = find(expected, QLatin1String(id));
            QVERIFY(record);
            const QStringList srv = record->value.split(QLatin1Char(' ')); // priority weight port target
            dns_.addOption(QStringLiteral("srv-host=%1,%2,%3,%4,%5").arg(record->name, srv[3], srv[2], srv[0], srv[1]));
        }
        for (const char *id : { "spf", "spf-helo", "tlsrpt", "mta-sts" }) {
            const ExpectedRecord *record = find(expected, QLatin1String(id));
            QVERIFY(record);
            if (QLatin1String(id) == QLatin1String("spf") && domain == QLatin1String("lookups.test")) {
                QString value = QStringLiteral("v=spf1 ip4:%1").arg(address);
                for (int i = 1; i <= 11; ++i) {
                    value += QStringLiteral(" include:i%1.lookups.test").arg(i);
                    dns_.addTxt(QStringLiteral("i%1.lookups.test").arg(i), { QStringLiteral("v=spf1 -all") });
                }
                dns_.addTxt(record->name, { value + QStringLiteral(" ~all") });
            } else if (QLatin1String(id) == QLatin1String("spf") && domain == QLatin1String("viainc.test")) {
                dns_.addTxt(record->name, { QStringLiteral("v=spf1 include:_spf.provider.test ~all") });
                dns_.addTxt(QStringLiteral("_spf.provider.test"), { QStringLiteral("v=spf1 ip4:127.0.1.0/24 -all") });
            } else {
                dns_.addTxt(record->name, record->strings);
            }
        }
        if (domain == QLatin1String("twospf.test"))
            dns_.addTxt(domain, { QStringLiteral("v=spf1 include:_spf.google.com ~all") });
        const ExpectedRecord *dmarc = find(expected, QStringLiteral("dmarc"));
        if (domain == QLatin1String("cname.test")) {
            dns_.addHost(QStringLiteral("reports.provider.test"), { QStringLiteral("127.0.2.50") });
            dns_.addOption(QStringLiteral("cname=%1,reports.provider.test").arg(dmarc->name));
        } else {
            dns_.addTxt(domain == QLatin1String("doubled.test") ? doubledName(dmarc->name, domain) : dmarc->name, dmarc->strings);
        }
        if (domain == QLatin1String("stale.test"))
            return; // the DKIM record is on the name server only
        if (domain == QLatin1String("wrongkey.test"))
            dns_.addTxt(dkim->name, { QStringLiteral("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwrong") });
        else if (domain == QLatin1String("cut.test"))
            dns_.addTxt(dkim->name, { key.left(255) });
        else if (domain == QLatin1String("split.test"))
            dns_.addTxt(dkim->name, { key.left(255) + QLatin1Char(' '), key.mid(255) });
        else
            dns_.addTxt(dkim->name, dkim->strings);
    }

    QList<RecordVerdict> results(const QString &domain)
    {
        if (!results_.contains(domain))
            results_.insert(domain, checker_->check(expected_.value(domain)));
        return results_.value(domain);
    }

    PostwrdInstance postwrd_;
    DnsmasqInstance dns_;
    NsdInstance nsd_;
    QString staleAddress_;
    QByteArray json_;
    QMap<QString, ExpectedRecords> expected_;
    QMap<QString, QList<RecordVerdict>> results_;
    std::unique_ptr<DnsChecker> checker_;
};

QTEST_GUILESS_MAIN(DnsCheckTest)
#include "tst_it_dns_check.moc"
