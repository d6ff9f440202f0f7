// The certificate postwrd serves, as `postwrd tls show --format json` says
// it and as the certificate page and the dashboard tell it: good, self-signed,
// ending soon (its renewal failed), expired.

#include "steps/tls_step.h"

#include <QTest>

using namespace postwr::steps;

Q_DECLARE_METATYPE(Mark)

namespace {

constexpr qint64 kNow = 1795910400; // 2026-11-29 00:00 UTC
constexpr qint64 kDay = 24 * 3600;

} // namespace

class ServedCertificateTest : public QObject {
    Q_OBJECT

private slots:
    void parses()
    {
        // Not a raw string: moc's lexer takes the apostrophe in it for a character literal.
        const auto served = parseServedCertificate(
            "{\"path\":\"/etc/postwr/tls/cert.pem\",\"names\":[\"mail.example.org\",\"smtp.example.org\"],"
            "\"subject\":\"CN=mail.example.org\",\"issuer\":\"CN=R11,O=Let's Encrypt,C=US\",\"serial\":\"04A1\","
            "\"not_before\":1790000000,\"not_after\":1797000000,\"days_left\":11,\"self_signed\":false,"
            "\"fingerprint\":\"AB:CD\"}");
        QVERIFY2(served.ok(), served.ok() ? "" : qPrintable(served.failure().message));
        QCOMPARE(served->names, QStringList({ QStringLiteral("mail.example.org"), QStringLiteral("smtp.example.org") }));
        QCOMPARE(served->issuer, QStringLiteral("CN=R11,O=Let's Encrypt,C=US"));
        QCOMPARE(served->serial, QStringLiteral("04A1"));
        QCOMPARE(served->notAfter, qint64(1797000000));
        QVERIFY(!served->selfSigned);
        QVERIFY(!parseServedCertificate("postwrd: DIR/tls/cert.pem: No such file or directory").ok());
    }

    void standing_data()
    {
        QTest::addColumn<bool>("selfSigned");
        QTest::addColumn<qint64>("notAfter");
        QTest::addColumn<Mark>("mark");
        QTest::addColumn<QString>("text");
        QTest::newRow("trusted, two months left") << false << kNow + 60 * kDay << Mark::Good
                                                  << "Certificate for mail.example.org from CN=R11,O=Let's Encrypt,C=US, valid until 2027-01-28.";
        QTest::newRow("trusted, 15 days left: renewal still has time") << false << kNow + 15 * kDay + 60 << Mark::Good << "valid until";
        QTest::newRow("trusted, 14 days left: renewal failed") << false << kNow + 14 * kDay + 60 << Mark::Warning
                                                               << "ends in 14 day(s), on 2026-12-13: its renewal has failed";
        QTest::newRow("self-signed") << true << kNow + 300 * kDay << Mark::Warning << "Self-signed certificate for mail.example.org";
        QTest::newRow("expired") << false << kNow - kDay << Mark::Problem << "expired on 2026-11-28";
        QTest::newRow("self-signed and expired") << true << kNow - kDay << Mark::Problem << "expired";
    }

    void standing()
    {
        QFETCH(bool, selfSigned);
        QFETCH(qint64, notAfter);
        QFETCH(Mark, mark);
        QFETCH(QString, text);
        ServedCertificate served;
        served.names = { QStringLiteral("mail.example.org") };
        served.issuer = selfSigned ? QStringLiteral("CN=mail.example.org") : QStringLiteral("CN=R11,O=Let's Encrypt,C=US");
        served.notAfter = notAfter;
        served.selfSigned = selfSigned;
        const CertificateStanding standing = describeCertificate(served, kNow);
        QCOMPARE(standing.mark, mark);
        QVERIFY2(standing.text.contains(text), qPrintable(standing.text));
    }
};

QTEST_GUILESS_MAIN(ServedCertificateTest)
#include "tst_served_certificate.moc"
