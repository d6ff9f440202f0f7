// The submission ports as a TLS scanner sees them: testssl.sh's default run
// (protocols, cipher categories, forward secrecy, server defaults and the
// certificate, the vulnerability checks from Heartbleed to RC4, and its
// client simulations) against STARTTLS on submission and implicit TLS on
// submissions reports nothing HIGH or CRITICAL; only TLS 1.2 and 1.3 are
// offered, no NULL, anonymous, export, low, 3DES/IDEA or "average" ciphers,
// and every vulnerability check ran.
//
// postwrd serves a certificate from a throwaway CA that testssl.sh is told
// to trust (--add-ca), as a deployment serves one from an ACME CA, so that
// findings about a self-signed test certificate do not hide real ones.
// testssl.sh contacts 127.0.0.1 only: no DNS (--nodns none, --ip), and no
// CRL or OCSP fetches (it only does those with --phone-out).

#include "support/postwrd_instance.h"
#include "support/process_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

namespace {
// Each id must be in the report: proof that the check ran.
const QStringList kVulnerabilityChecks = {
    QStringLiteral("heartbleed"), QStringLiteral("CCS"),          QStringLiteral("ROBOT"),        QStringLiteral("secure_renego"),
    QStringLiteral("secure_client_renego"), QStringLiteral("CRIME_TLS"), QStringLiteral("POODLE_SSL"), QStringLiteral("fallback_SCSV"),
    QStringLiteral("SWEET32"),    QStringLiteral("FREAK"),        QStringLiteral("DROWN"),        QStringLiteral("LOGJAM"),
    QStringLiteral("BEAST"),      QStringLiteral("LUCKY13"),      QStringLiteral("RC4")};

bool runOpenssl(const QString &openssl, const QStringList &arguments, QString *error) {
  ProcessRequest request;
  request.program = openssl;
  request.arguments = arguments;
  const ProcessResult result = runProcess(request);
  if (!result.succeeded())
    *error = QStringLiteral("openssl %1 failed (%2): %3")
                 .arg(arguments.first(), result.status(), QString::fromUtf8(result.standardError));
  return result.succeeded();
}

// A CA in `dir`, and a certificate it signs for postwrd: the host name and
// 127.0.0.1 as subject alternative names, valid for 90 days, with a CRL
// address (on a closed loopback port) as a public CA's would have.
bool makeCertificates(const QString &dir, const PostwrdInstance &postwrd, QString *error) {
  const QString openssl = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), error);
  if (openssl.isEmpty()) return false;
  const QString ca = dir + QStringLiteral("/ca.pem");
  const QString caKey = dir + QStringLiteral("/ca.key");
  const QString request = dir + QStringLiteral("/server.csr");
  const QString extensions = dir + QStringLiteral("/server.ext");
  QFile file(extensions);
  if (!file.open(QIODevice::WriteOnly) ||
      file.write("subjectAltName = DNS:mail.example.test, IP:127.0.0.1\n"
                 "basicConstraints = critical, CA:FALSE\n"
                 "keyUsage = critical, digitalSignature\n"
                 "extendedKeyUsage = serverAuth\n"
                 "crlDistributionPoints = URI:http://127.0.0.1:9/test.crl\n") < 0) {
    *error = QStringLiteral("cannot write %1").arg(extensions);
    return false;
  }
  file.close();
  const QStringList ecKey = {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                             QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes")};
  return runOpenssl(openssl,
                    QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ecKey +
                        QStringList{QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=Postwr test CA"), QStringLiteral("-addext"),
                                    QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                                    QStringLiteral("keyUsage=critical,keyCertSign,cRLSign"), QStringLiteral("-keyout"), caKey,
                                    QStringLiteral("-out"), ca},
                    error) &&
         runOpenssl(openssl,
                    QStringList{QStringLiteral("req"), QStringLiteral("-new")} + ecKey +
                        QStringList{QStringLiteral("-subj"), QStringLiteral("/CN=mail.example.test"), QStringLiteral("-keyout"),
                                    postwrd.configDir() + QStringLiteral("/tls/key.pem"), QStringLiteral("-out"), request},
                    error) &&
         runOpenssl(openssl,
                    {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), request, QStringLiteral("-CA"), ca,
                     QStringLiteral("-CAkey"), caKey, QStringLiteral("-set_serial"), QStringLiteral("2"), QStringLiteral("-days"),
                     QStringLiteral("90"), QStringLiteral("-extfile"), extensions, QStringLiteral("-out"),
                     postwrd.configDir() + QStringLiteral("/tls/cert.pem")},
                    error);
}
}  // namespace

class TlsScan : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QString error;
    testssl_ = findTool(QStringLiteral("testssl"), QStringLiteral("apt-get install testssl.sh"), &error);
    QVERIFY2(!testssl_.isEmpty(), qPrintable(error));
    QVERIFY(dir_.isValid());
    QVERIFY2(postwrd_.prepare(), qPrintable(postwrd_.errorString()));
    QVERIFY2(makeCertificates(dir_.path(), postwrd_, &error), qPrintable(error));
    QVERIFY2(postwrd_.start(), qPrintable(postwrd_.errorString()));
  }

  void cleanupTestCase() { QVERIFY2(postwrd_.stop(), qPrintable(postwrd_.errorString())); }

  void testsslFindsNothingHighOrCritical_data() {
    QTest::addColumn<int>("role");
    QTest::newRow("submission, STARTTLS") << static_cast<int>(Role::Submission);
    QTest::newRow("submissions, implicit TLS") << static_cast<int>(Role::Submissions);
  }
  void testsslFindsNothingHighOrCritical() {
    QFETCH(int, role);
    const QString json = dir_.path() + QStringLiteral("/testssl-%1.json").arg(role);
    ProcessRequest request;
    request.program = testssl_;
    request.arguments = {QStringLiteral("--quiet"),           QStringLiteral("--color"),  QStringLiteral("0"),
                         QStringLiteral("--warnings"),        QStringLiteral("off"),      QStringLiteral("--nodns"),
                         QStringLiteral("none"),              QStringLiteral("--ip"),     QStringLiteral("127.0.0.1"),
                         QStringLiteral("--connect-timeout"), QStringLiteral("5"),        QStringLiteral("--openssl-timeout"),
                         QStringLiteral("10"),                QStringLiteral("--add-ca"), dir_.path() + QStringLiteral("/ca.pem"),
                         QStringLiteral("--jsonfile"),        json};
    if (static_cast<Role>(role) == Role::Submission) request.arguments << QStringLiteral("--starttls") << QStringLiteral("smtp");
    request.arguments << QStringLiteral("127.0.0.1:%1").arg(postwrd_.port(static_cast<Role>(role)));
    request.timeoutMs = 240000;
    const ProcessResult scan = runProcess(request);
    // testssl.sh's exit code counts findings of any kind: the JSON decides.
    QVERIFY2(scan.started && !scan.timedOut && !scan.crashed,
             qPrintable(scan.status() + QLatin1Char('\n') + QString::fromUtf8(scan.standardOutput.right(4000))));

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(PostwrdInstance::readFile(json), &parseError);
    QVERIFY2(document.isArray(), qPrintable(QStringLiteral("%1: %2\n%3").arg(json, parseError.errorString(),
                                                                              QString::fromUtf8(scan.standardOutput.right(4000)))));
    QMap<QString, QJsonObject> findings;
    QStringList severe;
    for (const QJsonValue &value : document.array()) {
      const QJsonObject finding = value.toObject();
      const QString id = finding.value(QStringLiteral("id")).toString();
      const QString severity = finding.value(QStringLiteral("severity")).toString();
      findings.insert(id, finding);
      const QString line = QStringLiteral("%1 %2: %3").arg(severity, id, finding.value(QStringLiteral("finding")).toString());
      if (severity == QStringLiteral("HIGH") || severity == QStringLiteral("CRITICAL") || severity == QStringLiteral("FATAL"))
        severe << line;
      else if (severity != QStringLiteral("OK") && severity != QStringLiteral("INFO") && severity != QStringLiteral("DEBUG"))
        qInfo("%s", qPrintable(line));
    }
    qInfo("%lld findings", static_cast<long long>(findings.size()));
    QVERIFY2(severe.isEmpty(), qPrintable(severe.join(QLatin1Char('\n'))));

    auto findingOf = [&findings](const QString &id) {
      return findings.value(id).value(QStringLiteral("finding")).toString();
    };
    for (const QString &id : {QStringLiteral("SSLv2"), QStringLiteral("SSLv3"), QStringLiteral("TLS1"), QStringLiteral("TLS1_1")})
      QVERIFY2(findingOf(id) == QStringLiteral("not offered"), qPrintable(id + QStringLiteral(": ") + findingOf(id)));
    for (const QString &id : {QStringLiteral("TLS1_2"), QStringLiteral("TLS1_3"), QStringLiteral("cipherlist_STRONG"), QStringLiteral("PFS")})
      QVERIFY2(findingOf(id).startsWith(QStringLiteral("offered")), qPrintable(id + QStringLiteral(": ") + findingOf(id)));
    for (const QString &id : {QStringLiteral("cipherlist_NULL"), QStringLiteral("cipherlist_aNULL"), QStringLiteral("cipherlist_EXPORT"),
                              QStringLiteral("cipherlist_LOW"), QStringLiteral("cipherlist_3DES_IDEA"), QStringLiteral("cipherlist_AVERAGE")})
      QVERIFY2(findingOf(id) == QStringLiteral("not offered"), qPrintable(id + QStringLiteral(": ") + findingOf(id)));
    for (const QString &id : kVulnerabilityChecks) QVERIFY2(findings.contains(id), qPrintable(id + QStringLiteral(" was not checked")));
    QCOMPARE(findings.value(QStringLiteral("cert_chain_of_trust")).value(QStringLiteral("severity")).toString(), QStringLiteral("OK"));
  }

 private:
  QString testssl_;
  QTemporaryDir dir_;
  PostwrdInstance postwrd_;
};

QTEST_GUILESS_MAIN(TlsScan)
#include "tst_it_tls_scan.moc"
