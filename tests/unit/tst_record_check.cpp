// The DNS check's verdicts: each kind of record correct, missing or wrong,
// and each paste mistake of DNS panels named.

#include "dnscheck/record_check.h"

#include <QTest>

using namespace postwr::dnscheck;

Q_DECLARE_METATYPE(Answer)
Q_DECLARE_METATYPE(Verdict)

namespace {

const QString kDomain = QStringLiteral("example.org");
// A 392-character DKIM key, as postwrd makes for RSA-2048.
const QString kKey = QStringLiteral("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAhUO9UsyN9veKAGaYqf96TP+6D4hTjgqDg3AB7XkCMsZzWiyEFSfcUZlZMLk"
                                    "TSaOpnBiN4eBRO/GweC3sQNueId5vEEgm8gtv5E8QPDGv6457g/KbRQMVCCyWMMXaflLt4TFRq2nQwm/LM0jUxwlCQOPhr+oqjHLp86Z"
                                    "2IENa36wPUUEs4pqZZFpTd2vHtti669ZzEma0yCe+2Gsr6Yfeh2dW4oHmPPQqKwgNxGmLWa5/L8I0oenlB9DrkvD5u24EKN5KfjmS9wLW6"
                                    "wenSeR1Hj20ou9xL+Pvw80ln2owQ7oyDjrc/6PTQ90FnwGBCvjEtQuDfyNmg8HguDaxK3trNQIDAQAB");
const QString kDkim = QStringLiteral("v=DKIM1; k=rsa; p=") + kKey;

ExpectedRecord record(const QString &id, const QString &type, const QString &name, const QString &value)
{
    ExpectedRecord r;
    r.id = id;
    r.type = type;
    r.name = name;
    r.value = value;
    return r;
}

ExpectedRecord mx() { return record(QStringLiteral("mx"), QStringLiteral("MX"), kDomain, QStringLiteral("10 mail.example.org")); }
ExpectedRecord a() { return record(QStringLiteral("a"), QStringLiteral("A"), QStringLiteral("mail.example.org"), QStringLiteral("203.0.113.5")); }
ExpectedRecord aaaa() { return record(QStringLiteral("aaaa"), QStringLiteral("AAAA"), QStringLiteral("mail.example.org"), QStringLiteral("2001:db8::5")); }
ExpectedRecord spf() { return record(QStringLiteral("spf"), QStringLiteral("TXT"), kDomain, QStringLiteral("v=spf1 ip4:203.0.113.5 ip6:2001:db8::5 ~all")); }
ExpectedRecord dkim() { return record(QStringLiteral("dkim:p2026a"), QStringLiteral("TXT"), QStringLiteral("p2026a._domainkey.example.org"), kDkim); }
ExpectedRecord dmarc() { return record(QStringLiteral("dmarc"), QStringLiteral("TXT"), QStringLiteral("_dmarc.example.org"), QStringLiteral("v=DMARC1; p=quarantine; fo=1")); }
ExpectedRecord mtaSts() { return record(QStringLiteral("mta-sts"), QStringLiteral("TXT"), QStringLiteral("_mta-sts.example.org"), QStringLiteral("v=STSv1; id=abc123")); }
ExpectedRecord tlsRpt() { return record(QStringLiteral("tlsrpt"), QStringLiteral("TXT"), QStringLiteral("_smtp._tls.example.org"), QStringLiteral("v=TLSRPTv1; rua=mailto:postmaster@example.org")); }
ExpectedRecord srv() { return record(QStringLiteral("srv-submissions"), QStringLiteral("SRV"), QStringLiteral("_submissions._tcp.example.org"), QStringLiteral("0 1 465 mail.example.org")); }

Answer txt(const QStringList &oneRecordStrings) { return Answer::txt({ oneRecordStrings }); }

Answer failed()
{
    Answer answer;
    answer.status = Answer::Status::Failed;
    answer.error = QStringLiteral("timed out");
    return answer;
}

Answer cname(const QString &target)
{
    Answer answer;
    answer.status = Answer::Status::Found;
    answer.cname = target;
    return answer;
}

} // namespace

class RecordCheckTest : public QObject {
    Q_OBJECT

private slots:
    void verdicts_data()
    {
        QTest::addColumn<ExpectedRecord>("expected");
        QTest::addColumn<Answer>("answer");
        QTest::addColumn<Answer>("atDoubledName");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("mistake");
        QTest::addColumn<QString>("problem"); // a part of the explanation

        const int correct = int(Verdict::State::Correct), missing = int(Verdict::State::Missing),
                  wrong = int(Verdict::State::Wrong), unknown = int(Verdict::State::Unknown);
        const Answer none = Answer::noData();
        const auto row = [&](const char *name, const ExpectedRecord &e, const Answer &answer, int state,
                             const QString &mistake = {}, const QString &problem = {}, const Answer &doubled = {}) {
            QTest::newRow(name) << e << answer << doubled << state << mistake << problem;
        };

        row("MX: ours, final dot and capitals", mx(), Answer::found({ QStringLiteral("10 Mail.Example.ORG.") }), correct);
        row("MX: ours at another priority", mx(), Answer::found({ QStringLiteral("20 mail.example.org") }), correct);
        row("MX: elsewhere", mx(), Answer::found({ QStringLiteral("1 aspmx.l.google.com.") }), wrong, {},
            QStringLiteral("should name mail.example.org"));
        row("MX: none", mx(), none, missing, {}, QStringLiteral("check again later"));
        row("MX: no such domain", mx(), Answer::nxDomain(), missing);
        row("A: the server's", a(), Answer::found({ QStringLiteral("198.51.100.1"), QStringLiteral("203.0.113.5") }), correct);
        row("A: another address", a(), Answer::found({ QStringLiteral("198.51.100.1") }), wrong, {},
            QStringLiteral("points to 198.51.100.1, not to the server's 203.0.113.5"));
        row("AAAA: written out in full", aaaa(), Answer::found({ QStringLiteral("2001:0db8:0000:0000:0000:0000:0000:0005") }), correct);
        row("SPF: as given", spf(), txt({ QStringLiteral("v=spf1 ip4:203.0.113.5 ip6:2001:db8::5 ~all") }), correct);
        row("SPF: next to other TXT records", spf(),
            Answer::txt({ { QStringLiteral("google-site-verification=abc") }, { QStringLiteral("v=spf1 ip4:203.0.113.5 ip6:2001:db8::5 ~all") } }),
            correct);
        row("SPF: with an include kept, our addresses in", spf(),
            txt({ QStringLiteral("v=spf1 include:_spf.google.com ip4:203.0.113.5 ip6:2001:db8::5 -all") }), correct);
        row("SPF: by mx", spf(), txt({ QStringLiteral("v=spf1 mx -all") }), correct);
        row("SPF: without the server", spf(), txt({ QStringLiteral("v=spf1 include:_spf.google.com ~all") }), wrong, {},
            QStringLiteral("add ip4:203.0.113.5 ip6:2001:db8::5"));
        row("SPF: pasted with quotes", spf(), txt({ QStringLiteral("\"v=spf1 ip4:203.0.113.5 ip6:2001:db8::5 ~all\"") }),
            wrong, QStringLiteral("quoted"));
        row("SPF: two records", spf(),
            Answer::txt({ { QStringLiteral("v=spf1 include:_spf.google.com ~all") }, { QStringLiteral("v=spf1 ip4:203.0.113.5 ~all") } }),
            wrong, QStringLiteral("two-spf"), QStringLiteral("There are 2 SPF records"));
        row("SPF: only other TXT records", spf(), txt({ QStringLiteral("google-site-verification=abc") }), missing);
        row("DKIM: in two 255-byte pieces", dkim(), txt({ kDkim.left(255), kDkim.mid(255) }), correct);
        row("DKIM: in one string", dkim(), txt({ kDkim }), correct);
        row("DKIM: cut at 255 characters", dkim(), txt({ kDkim.left(255) }), wrong, QStringLiteral("dkim-cut"),
            QStringLiteral("237 of 392 characters"));
        row("DKIM: pieces joined with a space", dkim(), txt({ kDkim.left(255) + QLatin1Char(' ') + kDkim.mid(255) }), wrong,
            QStringLiteral("dkim-split"));
        row("DKIM: quotes inside, the pieces pasted as text", dkim(),
            txt({ QLatin1Char('"') + kDkim.left(255) + QStringLiteral("\" \"") + kDkim.mid(255) + QLatin1Char('"') }), wrong,
            QStringLiteral("quoted"));
        row("DKIM: another key", dkim(), txt({ QStringLiteral("v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAxx") }),
            wrong, {}, QStringLiteral("another key"));
        row("DKIM: none", dkim(), Answer::nxDomain(), missing);
        row("DKIM: a CNAME where the TXT belongs", dkim(), cname(QStringLiteral("p2026a.dkim.example.net")), wrong,
            QStringLiteral("cname"), QStringLiteral("Delete the CNAME"));
        row("DMARC: another policy is the user's choice", dmarc(), txt({ QStringLiteral("v=DMARC1; p=reject; rua=mailto:d@example.org") }), correct);
        row("DMARC: a policy that does not exist", dmarc(), txt({ QStringLiteral("v=DMARC1; p=strict") }), wrong, {},
            QStringLiteral("none, quarantine or reject"));
        row("DMARC: two records", dmarc(), Answer::txt({ { QStringLiteral("v=DMARC1; p=none") }, { QStringLiteral("v=DMARC1; p=reject") } }),
            wrong, {}, QStringLiteral("Keep one"));
        row("DMARC: the name doubled by the panel", dmarc(), Answer::nxDomain(), wrong, QStringLiteral("doubled-name"),
            QStringLiteral("enter only _dmarc"), txt({ QStringLiteral("v=DMARC1; p=quarantine; fo=1") }));
        row("SPF: the name doubled at the apex", spf(), none, wrong, QStringLiteral("doubled-name"), QStringLiteral("enter only @"),
            txt({ QStringLiteral("v=spf1 ip4:203.0.113.5 ~all") }));
        row("MTA-STS: the current id", mtaSts(), txt({ QStringLiteral("v=STSv1; id=abc123") }), correct);
        row("MTA-STS: an old id", mtaSts(), txt({ QStringLiteral("v=STSv1; id=old") }), wrong, {}, QStringLiteral("Set it to abc123"));
        row("TLS-RPT: present", tlsRpt(), txt({ QStringLiteral("v=TLSRPTv1; rua=mailto:tls@example.org") }), correct);
        {
            ExpectedRecord keep = spf();
            keep.value = QStringLiteral("v=spf1 ip4:203.0.113.5 include:_spf.google.com ~all");
            row("SPF: the kept provider's include: left out", keep, txt({ QStringLiteral("v=spf1 ip4:203.0.113.5 ~all") }),
                wrong, QStringLiteral("spf-include"), QStringLiteral("include:_spf.google.com is missing"));
            row("SPF: the kept provider's include: in", keep,
                txt({ QStringLiteral("v=spf1 include:_spf.google.com ip4:203.0.113.5 -all") }), correct);
        }
        row("SRV: another host", srv(), Answer::found({ QStringLiteral("0 1 465 smtp.provider.net.") }), wrong, {},
            QStringLiteral("should name mail.example.org"));
        row("SRV: ours", srv(), Answer::found({ QStringLiteral("0 1 465 mail.example.org.") }), correct);
        row("DNS failed", mx(), failed(), unknown, {}, QStringLiteral("timed out"));
    }

    void verdicts()
    {
        QFETCH(ExpectedRecord, expected);
        QFETCH(Answer, answer);
        QFETCH(Answer, atDoubledName);
        QFETCH(int, state);
        QFETCH(QString, mistake);
        QFETCH(QString, problem);
        const Verdict verdict = checkRecord(expected, kDomain, answer, atDoubledName);
        QVERIFY2(int(verdict.state) == state,
            qPrintable(QStringLiteral("state %1, expected %2: %3").arg(int(verdict.state)).arg(state).arg(verdict.problem)));
        QCOMPARE(verdict.mistake, mistake);
        QVERIFY2(verdict.problem.contains(problem), qPrintable(verdict.problem));
        QCOMPARE(verdict.problem.isEmpty(), verdict.state == Verdict::State::Correct);
    }

    void reverseDns_data()
    {
        QTest::addColumn<Answer>("ptr");
        QTest::addColumn<Answer>("forward");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("problem");
        QTest::newRow("confirmed both ways") << Answer::found({ QStringLiteral("mail.example.org.") })
                                             << Answer::found({ QStringLiteral("203.0.113.5") }) << int(Verdict::State::Correct) << QString();
        QTest::newRow("no PTR") << Answer::nxDomain() << Answer::found({ QStringLiteral("203.0.113.5") })
                                << int(Verdict::State::Missing) << QStringLiteral("hosting provider's panel");
        QTest::newRow("the provider's default name") << Answer::found({ QStringLiteral("vps-203-0-113-5.provider.net") })
                                                      << Answer::found({ QStringLiteral("203.0.113.5") }) << int(Verdict::State::Wrong)
                                                      << QStringLiteral("it should be mail.example.org");
        QTest::newRow("the name does not lead back") << Answer::found({ QStringLiteral("mail.example.org") })
                                                      << Answer::found({ QStringLiteral("198.51.100.7") }) << int(Verdict::State::Wrong)
                                                      << QStringLiteral("does not lead back to 203.0.113.5");
    }

    void reverseDns()
    {
        QFETCH(Answer, ptr);
        QFETCH(Answer, forward);
        QFETCH(int, state);
        QFETCH(QString, problem);
        const Verdict verdict = checkReverse(QStringLiteral("203.0.113.5"), QStringLiteral("mail.example.org"), ptr, forward);
        QCOMPARE(int(verdict.state), state);
        QVERIFY2(verdict.problem.contains(problem), qPrintable(verdict.problem));
    }

    void spfEvaluation_data()
    {
        QTest::addColumn<Verdict>("published");
        QTest::addColumn<QStringList>("serverResults"); // "result reason" per address
        QTest::addColumn<QString>("strangerResult");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("mistake");
        QTest::addColumn<QString>("problem");
        const int correct = int(Verdict::State::Correct), wrong = int(Verdict::State::Wrong),
                  unknown = int(Verdict::State::Unknown), missing = int(Verdict::State::Missing);
        const Verdict right { Verdict::State::Correct, QStringLiteral("v=spf1 ip4:203.0.113.5 ~all"), {}, {} };
        const Verdict noIps { Verdict::State::Wrong, QStringLiteral("v=spf1 include:spf.host.example ~all"),
            QStringLiteral("It does not let the server send"), {} };
        const Verdict twoSpf { Verdict::State::Wrong, QStringLiteral("v=spf1 a | v=spf1 mx"), QStringLiteral("two"),
            QStringLiteral("two-spf") };
        const QString tooMany = QStringLiteral("permerror too many DNS lookups (limit 10)");
        QTest::newRow("passes, under the limit") << right << QStringList { QStringLiteral("pass") }
                                                  << QStringLiteral("softfail") << correct << QString() << QString();
        QTest::newRow("over 10 lookups past our addresses")
            << right << QStringList { QStringLiteral("pass") } << tooMany << wrong << QStringLiteral("spf-lookups")
            << QStringLiteral("more than the 10 DNS lookups");
        QTest::newRow("over 10 lookups before our addresses")
            << right << QStringList { tooMany } << tooMany << wrong << QStringLiteral("spf-lookups")
            << QStringLiteral("Remove the include:");
        QTest::newRow("another permerror")
            << right << QStringList { QStringLiteral("permerror unknown mechanism 'ipv4'") } << QStringLiteral("none")
            << wrong << QString() << QStringLiteral("unknown mechanism 'ipv4'");
        QTest::newRow("the server soft-fails on IPv6")
            << right << QStringList { QStringLiteral("pass"), QStringLiteral("softfail") } << QStringLiteral("softfail")
            << wrong << QString() << QStringLiteral("it says softfail");
        QTest::newRow("an include lets the server send after all")
            << noIps << QStringList { QStringLiteral("pass") } << QStringLiteral("softfail") << correct << QString()
            << QString();
        QTest::newRow("DNS failed during the walk")
            << right << QStringList { QStringLiteral("temperror timed out") } << QStringLiteral("none") << unknown
            << QString() << QStringLiteral("timed out");
        QTest::newRow("a paste mistake stays the verdict")
            << twoSpf << QStringList { QStringLiteral("permerror two records") } << QStringLiteral("permerror")
            << wrong << QStringLiteral("two-spf") << QStringLiteral("two");
        QTest::newRow("missing stays missing")
            << Verdict { Verdict::State::Missing, {}, QStringLiteral("Not published yet"), {} }
            << QStringList { QStringLiteral("none") } << QStringLiteral("none") << missing << QString()
            << QStringLiteral("Not published");
    }

    void spfEvaluation()
    {
        QFETCH(Verdict, published);
        QFETCH(QStringList, serverResults);
        QFETCH(QString, strangerResult);
        QFETCH(int, state);
        QFETCH(QString, mistake);
        QFETCH(QString, problem);
        const auto outcome = [](const QString &address, const QString &text) {
            return SpfOutcome { address, text.section(QLatin1Char(' '), 0, 0), text.section(QLatin1Char(' '), 1) };
        };
        QList<SpfOutcome> servers;
        for (const QString &text : serverResults)
            servers << outcome(servers.isEmpty() ? QStringLiteral("203.0.113.5") : QStringLiteral("2001:db8::5"), text);
        const Verdict verdict = checkSpfEvaluation(published, servers, outcome(QStringLiteral("192.0.2.1"), strangerResult));
        QVERIFY2(int(verdict.state) == state, qPrintable(QStringLiteral("state %1: %2").arg(int(verdict.state)).arg(verdict.problem)));
        QCOMPARE(verdict.mistake, mistake);
        QVERIFY2(verdict.problem.contains(problem), qPrintable(verdict.problem));
    }

    void sourceComparison_data()
    {
        QTest::addColumn<int>("resolver");
        QTest::addColumn<int>("source");
        QTest::addColumn<int>("state");
        QTest::addColumn<QString>("problem");
        const int correct = int(Verdict::State::Correct), wrong = int(Verdict::State::Wrong),
                  missing = int(Verdict::State::Missing), unknown = int(Verdict::State::Unknown),
                  stale = int(Verdict::State::Stale);
        QTest::newRow("both right") << correct << correct << correct << QString();
        QTest::newRow("new record not seen yet") << missing << correct << stale << QStringLiteral("within the record's TTL");
        QTest::newRow("changed record not seen yet") << wrong << correct << stale << QStringLiteral("ns1.example.org");
        QTest::newRow("removed at the source, still cached") << correct << missing << missing
                                                            << QStringLiteral("no longer have it");
        QTest::newRow("wrong everywhere") << wrong << wrong << wrong << QStringLiteral("resolver's own");
        QTest::newRow("the name servers did not answer") << missing << unknown << missing << QStringLiteral("resolver's own");
    }

    void sourceComparison()
    {
        QFETCH(int, resolver);
        QFETCH(int, source);
        QFETCH(int, state);
        QFETCH(QString, problem);
        const auto verdict = [](int s, const QString &text) {
            return Verdict { Verdict::State(s), QStringLiteral("found"), s == int(Verdict::State::Correct) ? QString() : text, {} };
        };
        const Verdict result = compareWithSource(verdict(resolver, QStringLiteral("resolver's own")),
            verdict(source, QStringLiteral("source's own")), { QStringLiteral("ns1.example.org") });
        QCOMPARE(int(result.state), state);
        QVERIFY2(result.problem.contains(problem), qPrintable(result.problem));
    }

    void parsesTheServersList()
    {
        const QByteArray json = R"({"domain": "Example.org.", "hostname": "mail.example.org", "ttl": 3600, "records": [
            {"id": "mx", "type": "MX", "name": "example.org", "value": "10 mail.example.org", "ttl": 3600, "where": "zone", "purpose": "x"},
            {"id": "dkim:s", "type": "TXT", "name": "s._domainkey.example.org", "value": "v=DKIM1; p=AB", "strings": ["v=DKIM1; p=A", "B"], "where": "zone"},
            {"id": "dmarc", "type": "txt", "name": "_dmarc.example.org.", "value": "v=DMARC1; p=none"}], "notes": ["add postmaster"]})";
        const auto parsed = parseExpectedRecords(json);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.failure().message));
        QCOMPARE(parsed->domain, QStringLiteral("example.org"));
        QCOMPARE(parsed->records.size(), 3);
        QCOMPARE(parsed->records[1].strings, QStringList({ QStringLiteral("v=DKIM1; p=A"), QStringLiteral("B") }));
        QCOMPARE(parsed->records[2].type, QStringLiteral("TXT"));
        QCOMPARE(parsed->records[2].name, QStringLiteral("_dmarc.example.org"));
        QCOMPARE(parsed->records[2].strings, QStringList { QStringLiteral("v=DMARC1; p=none") });
        QCOMPARE(parsed->notes, QStringList { QStringLiteral("add postmaster") });

        QVERIFY(!parseExpectedRecords("postwrd: unknown command").ok());
        QVERIFY(!parseExpectedRecords(R"({"domain": "example.org"})").ok());
        QVERIFY(!parseExpectedRecords(R"({"domain": "example.org", "records": [{"type": "MX"}]})").ok());
    }
};

QTEST_GUILESS_MAIN(RecordCheckTest)
#include "tst_record_check.moc"
