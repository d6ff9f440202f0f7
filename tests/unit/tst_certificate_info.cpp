// What postwrd reads from a certificate (tls show) and what it checks
// before installing one (tls install): names, self-signed or not, validity,
// the key belonging to it, and which host names a certificate covers.

#include "daemon/certificate_info.h"
#include "daemon/self_signed.h"

#include <QTest>

using namespace postwr::daemon;

namespace {

constexpr std::time_t kNow = 1795910400; // 2026-11-29 00:00 UTC

SelfSignedCertificate made(const std::string &host, std::time_t from = kNow)
{
    auto certificate = makeSelfSignedCertificate(host, 30, from);
    if (!certificate)
        qFatal("makeSelfSignedCertificate: %s", certificate.error().message.c_str());
    return *certificate;
}

} // namespace

class CertificateInfoTest : public QObject {
    Q_OBJECT

private slots:
    void inspects()
    {
        const SelfSignedCertificate own = made("mail.example.org");
        const auto info = inspectCertificate(own.certificatePem + made("other.example.org").certificatePem);
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().message.c_str());
        QCOMPARE(info->names, std::vector<std::string> { "mail.example.org" });
        QCOMPARE(info->subject, std::string("CN=mail.example.org"));
        QCOMPARE(info->issuer, info->subject);
        QVERIFY(info->selfSigned);
        QCOMPARE(info->fingerprint, own.fingerprint);
        QCOMPARE(info->chainLength, 2);
        QCOMPARE(info->notAfter, kNow - 3600 + 30 * 24 * 3600 + 3600);
        QVERIFY(!info->serial.empty());
        QVERIFY(!inspectCertificate("not a certificate").ok());
    }

    void covers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("covered");
        QTest::newRow("the name") << "mail.example.org" << "mail.example.org" << true;
        QTest::newRow("in capitals") << "mail.example.org" << "MAIL.Example.org" << true;
        QTest::newRow("another name") << "mail.example.org" << "smtp.example.org" << false;
        QTest::newRow("wildcard, one label") << "*.example.org" << "smtp.example.org" << true;
        QTest::newRow("wildcard, not two labels") << "*.example.org" << "a.b.example.org" << false;
        QTest::newRow("wildcard, not the domain itself") << "*.example.org" << "example.org" << false;
    }

    void covers()
    {
        QFETCH(QString, name);
        QFETCH(QString, host);
        QFETCH(bool, covered);
        CertificateInfo info;
        info.names = { name.toStdString() };
        QCOMPARE(certificateCovers(info, host.toStdString()), covered);
    }

    void checksAPair_data()
    {
        QTest::addColumn<int>("certificateOf"); // 0 the host's, 1 another host's, 2 an old one
        QTest::addColumn<int>("keyOf");
        QTest::addColumn<QString>("problem"); // "" = accepted
        QTest::newRow("the host's own pair") << 0 << 0 << "";
        QTest::newRow("a key of another certificate") << 0 << 1 << "the key is not the certificate's own key";
        QTest::newRow("a certificate for another name") << 1 << 1 << "the certificate is for other.example.org, not for mail.example.org";
        QTest::newRow("an expired certificate") << 2 << 2 << "the certificate expired on 2026-08";
    }

    void checksAPair()
    {
        QFETCH(int, certificateOf);
        QFETCH(int, keyOf);
        QFETCH(QString, problem);
        const SelfSignedCertificate pairs[] = { made("mail.example.org"), made("other.example.org"),
            made("mail.example.org", kNow - 120 * 24 * 3600) };
        const auto checked
            = checkCertificatePair(pairs[certificateOf].certificatePem, pairs[keyOf].keyPem, "mail.example.org", kNow);
        if (problem.isEmpty()) {
            QVERIFY2(checked.ok(), checked.ok() ? "" : checked.error().message.c_str());
            return;
        }
        QVERIFY(!checked.ok());
        QVERIFY2(QString::fromStdString(checked.error().message).contains(problem), checked.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(CertificateInfoTest)
#include "tst_certificate_info.moc"
