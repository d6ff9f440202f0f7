// The Authentication-Results field (RFC 8601): its text, that nothing a
// sender controls can inject properties, and the removal of forged fields.
// tst_it_inbound_auth parses the fields postwrd writes with python3-authres.
#include "mail/authentication_results.h"

#include <QTest>

using namespace postwr::mail;

namespace {

AuthenticationOutcome passingOutcome()
{
    AuthenticationOutcome outcome;
    outcome.mailFrom = "alice@example.com";
    outcome.helo = "mail.example.com";
    outcome.spf = {SpfResult::Pass, "example.com", "mailfrom", "192.0.2.1 matched ip4:192.0.2.0/24"};
    DkimVerdict dkim;
    dkim.result = DkimResult::Pass;
    dkim.domain = "example.com";
    dkim.selector = "p2026a";
    dkim.algorithm = "rsa-sha256";
    dkim.signaturePrefix = "Vzz8h2QxL0Ra";
    dkim.reason = "signature verified";
    outcome.dkim.push_back(dkim);
    DmarcVerdict dmarc;
    dmarc.result = DmarcResult::Pass;
    dmarc.fromDomain = "example.com";
    dmarc.policyDomain = "example.com";
    dmarc.policy = DmarcPolicy::Reject;
    dmarc.reason = "aligned DKIM pass (example.com)";
    outcome.dmarc.push_back(dmarc);
    outcome.arc = ArcVerdict{ArcChainResult::None, 0, "no ARC sets", {}};
    return outcome;
}

} // namespace

class TestAuthenticationResults : public QObject {
    Q_OBJECT

private slots:
    void formatsEveryResult()
    {
        QCOMPARE(authenticationResultsValue("mx.example.org", passingOutcome()),
                 std::string("mx.example.org;\r\n"
                             "\tspf=pass (192.0.2.1 matched ip4:192.0.2.0/24) smtp.mailfrom=alice@example.com;\r\n"
                             "\tdkim=pass (signature verified) header.d=example.com header.s=p2026a "
                             "header.a=rsa-sha256 header.b=Vzz8h2QxL0Ra;\r\n"
                             "\tdmarc=pass (p=reject; aligned DKIM pass [example.com]) header.from=example.com;\r\n"
                             "\tarc=none (no ARC sets)"));
    }

    void formatsAbsentResults()
    {
        AuthenticationOutcome outcome;
        outcome.helo = "relay.example.net";
        outcome.spf = {SpfResult::None, "relay.example.net", "helo", "no SPF record"};
        QCOMPARE(authenticationResultsValue("mx.example.org", outcome),
                 std::string("mx.example.org;\r\n"
                             "\tspf=none (no SPF record) smtp.helo=relay.example.net;\r\n"
                             "\tdkim=none (no signature);\r\n"
                             "\tdmarc=none (no From: domain)"));
    }

    void senderControlledTextCannotInject_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("expected");

        QTest::newRow("plain") << "example.com" << "ok" << "dkim=fail (ok) header.d=example.com";
        QTest::newRow("semicolon in d=") << "evil.test; dkim=pass" << "ok"
                                         << "dkim=fail (ok) header.d=\"evil.test; dkim=pass\"";
        QTest::newRow("quote and backslash") << "a\"b\\c" << "ok" << "dkim=fail (ok) header.d=\"a\\\"b\\\\c\"";
        QTest::newRow("line break in d=") << "a\r\nX-Evil: 1" << "ok" << "dkim=fail (ok) header.d=\"aX-Evil: 1\"";
        QTest::newRow("parentheses in reason") << "example.com" << "bad (key) \\ here"
                                               << "dkim=fail (bad [key] / here) header.d=example.com";
        QTest::newRow("control and 8-bit in reason") << "example.com" << "a\r\nb\xc3\xa9"
                                                     << "dkim=fail (a?" "?b?" "?) header.d=example.com";
    }

    void senderControlledTextCannotInject()
    {
        QFETCH(QString, domain);
        QFETCH(QString, reason);
        QFETCH(QString, expected);
        AuthenticationOutcome outcome = passingOutcome();
        outcome.dkim.front().result = DkimResult::Fail;
        outcome.dkim.front().domain = domain.toStdString();
        outcome.dkim.front().reason = reason.toStdString();
        outcome.dkim.front().selector.clear();
        outcome.dkim.front().algorithm.clear();
        outcome.dkim.front().signaturePrefix.clear();
        const std::string value = authenticationResultsValue("mx.example.org", outcome);
        QVERIFY2(value.find(expected.toStdString() + ";\r\n") != std::string::npos, value.c_str());
        // Every line break is a fold the field made itself.
        std::size_t breaks = 0;
        for (std::size_t i = value.find("\r\n"); i != std::string::npos; i = value.find("\r\n", i + 1)) {
            QCOMPARE(value[i + 2], '\t');
            ++breaks;
        }
        QCOMPARE(breaks, std::size_t(4));
    }

    void fieldHasNameAndLineEnd()
    {
        QCOMPARE(authenticationResultsField("mx.example.org; none"),
                 std::string("Authentication-Results: mx.example.org; none\r\n"));
    }

    void refusalIsTheRejectingDmarcVerdict()
    {
        AuthenticationOutcome outcome = passingOutcome();
        QVERIFY(!outcome.refusal());
        DmarcVerdict failed = outcome.dmarc.front();
        failed.fromDomain = "bank.example";
        failed.result = DmarcResult::Fail;
        outcome.dmarc.push_back(failed);
        QVERIFY(outcome.refusal());
        QCOMPARE(outcome.refusal()->fromDomain, std::string("bank.example"));
        outcome.dmarc.back().policy = DmarcPolicy::Quarantine;
        QVERIFY(!outcome.refusal());
    }

    void removesOnlyOurFields_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QByteArray>("expected");

        const QByteArray tail = "From: a@example.com\r\n\r\nAuthentication-Results: mx.example.org; body text\r\n";
        QTest::newRow("ours, one line") << "Authentication-Results: mx.example.org; spf=pass\r\n" + tail
                                        << QByteArray(tail);
        QTest::newRow("ours, folded") << "Received: x\r\nAuthentication-Results: mx.example.org;\r\n\tspf=pass;\r\n"
                                         " dkim=pass\r\n" +
                                             tail
                                      << "Received: x\r\n" + tail;
        QTest::newRow("ours, case and comment")
            << "authentication-results:  (forged) MX.Example.ORG ; dmarc=pass\r\n" + tail << QByteArray(tail);
        QTest::newRow("ours, id on the next line") << "Authentication-Results:\r\n mx.example.org; spf=pass\r\n" +
                                                          tail
                                                   << QByteArray(tail);
        QTest::newRow("ours, id only") << "Authentication-Results: mx.example.org\r\n" + tail << QByteArray(tail);
        QTest::newRow("another receiver's kept")
            << "Authentication-Results: mx.google.com; spf=pass\r\n" + tail
            << "Authentication-Results: mx.google.com; spf=pass\r\n" + tail;
        QTest::newRow("a longer id is not ours")
            << "Authentication-Results: mx.example.org.evil; spf=pass\r\n" + tail
            << "Authentication-Results: mx.example.org.evil; spf=pass\r\n" + tail;
        QTest::newRow("ARC fields kept") << "ARC-Authentication-Results: i=1; mx.example.org; spf=pass\r\n" + tail
                                         << "ARC-Authentication-Results: i=1; mx.example.org; spf=pass\r\n" + tail;
        QTest::newRow("several, mixed")
            << "Authentication-Results: mx.example.org; a\r\nX: 1\r\nAuthentication-Results: other; b\r\n"
               "Authentication-Results: mx.example.org; c\r\n\tmore\r\n" +
                   tail
            << "X: 1\r\nAuthentication-Results: other; b\r\n" + tail;
        QTest::newRow("no body") << QByteArray("Authentication-Results: mx.example.org; a\r\nX: 1\r\n")
                                 << QByteArray("X: 1\r\n");
    }

    void removesOnlyOurFields()
    {
        QFETCH(QByteArray, message);
        QFETCH(QByteArray, expected);
        const std::string out = removeAuthenticationResults(message.toStdString(), "mx.example.org");
        QCOMPARE(QByteArray::fromStdString(out), expected);
    }

    void listsFromDomains_data()
    {
        QTest::addColumn<QByteArray>("message");
        QTest::addColumn<QStringList>("domains");

        QTest::newRow("one") << QByteArray("From: Alice <alice@Example.COM>\r\n\r\nbody") << QStringList{"example.com"};
        QTest::newRow("group of two") << QByteArray("From: a@one.test, b@two.test, c@one.test\r\n\r\n")
                                      << QStringList{"one.test", "two.test"};
        QTest::newRow("two fields") << QByteArray("From: a@one.test\r\nSubject: x\r\nFrom: b@two.test\r\n\r\n")
                                    << QStringList{"one.test", "two.test"};
        QTest::newRow("bounded") << QByteArray("From: a@1.test, a@2.test, a@3.test, a@4.test, a@5.test\r\n\r\n")
                                 << QStringList{"1.test", "2.test", "3.test", "4.test"};
        QTest::newRow("none") << QByteArray("Subject: x\r\n\r\nFrom: a@body.test\r\n") << QStringList{};
        QTest::newRow("unparsable") << QByteArray("From: <<<\r\n\r\n") << QStringList{};
    }

    void listsFromDomains()
    {
        QFETCH(QByteArray, message);
        QStringList domains;
        for (const std::string &domain : fromDomains(message.toStdString()))
            domains << QString::fromStdString(domain);
        QTEST(domains, "domains");
    }
};

QTEST_GUILESS_MAIN(TestAuthenticationResults)
#include "tst_authentication_results.moc"
