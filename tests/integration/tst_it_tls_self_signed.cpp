// `postwrd tls self-signed`, as openssl and real clients see it: the
// certificate names the configured hostname (CN and subjectAltName), is EC
// P-256 signed with SHA-256, not a CA, for server authentication, valid from
// an hour ago for the days asked; the key is a 0600 file owned like the DKIM
// keys and belongs to the certificate. Running it again changes nothing
// (the wizard may), --force makes a new pair, and postwrd started with it
// offers STARTTLS that verifies against the certificate, with AUTH working
// after it. A bad configuration or command line writes nothing.

#include "support/postwrd_instance.h"
#include "support/process_runner.h"
#include "support/swaks.h"
#include "support/test_message.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>

namespace {
const QString kHost = QStringLiteral("mail.example.test");
const QString kAlice = QStringLiteral("alice@local.test");
const QString kBob = QStringLiteral("bob@local.test");

QString tlsDir(const PostwrdInstance &postwrd) { return postwrd.configDir() + QStringLiteral("/tls"); }
QString certPath(const PostwrdInstance &postwrd) { return tlsDir(postwrd) + QStringLiteral("/cert.pem"); }
QString keyPath(const PostwrdInstance &postwrd) { return tlsDir(postwrd) + QStringLiteral("/key.pem"); }

// The fixture's prepare() makes a certificate with openssl itself; these
// tests start from none, without even the tls/ directory.
bool prepareWithoutCertificate(PostwrdInstance &postwrd) {
  if (!postwrd.prepare()) return false;
  return QDir(tlsDir(postwrd)).removeRecursively() && !QFileInfo::exists(tlsDir(postwrd));
}

// Replaces the line starting with `key =` by `replacement` (empty: removes it).
bool replaceLine(QString &config, const QString &key, const QString &replacement) {
  QStringList lines = config.split(QLatin1Char('\n'));
  for (int i = 0; i < lines.size(); ++i) {
    if (lines[i].startsWith(key + QStringLiteral(" ="))) {
      if (replacement.isEmpty())
        lines.removeAt(i);
      else
        lines[i] = replacement;
      config = lines.join(QLatin1Char('\n'));
      return true;
    }
  }
  return false;
}

QString describe(const ProcessResult &result) {
  return result.status() + QStringLiteral("\nstdout: ") + QString::fromUtf8(result.standardOutput) +
         QStringLiteral("\nstderr: ") + QString::fromUtf8(result.standardError);
}

ProcessResult selfSigned(const PostwrdInstance &postwrd, const QStringList &extra = {}) {
  return postwrd.cli(QStringList{QStringLiteral("tls"), QStringLiteral("self-signed")} + extra);
}

// The fingerprint at the end of postwrd's one line of output.
QString printedFingerprint(const ProcessResult &result) {
  static const QRegularExpression pattern(QStringLiteral("SHA-256 fingerprint ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\\n$"));
  return pattern.match(QString::fromUtf8(result.standardOutput)).captured(1);
}

struct Stat {
  bool exists = false;
  mode_t mode = 0;
  uid_t uid = 0;
  gid_t gid = 0;
  ino_t inode = 0;
  qint64 mtimeNs = 0;
};

Stat statFile(const QString &path) {
  struct stat info {};
  Stat result;
  if (::stat(QFile::encodeName(path).constData(), &info) != 0) return result;
  result.exists = true;
  result.mode = info.st_mode & 07777;
  result.uid = info.st_uid;
  result.gid = info.st_gid;
  result.inode = info.st_ino;
  result.mtimeNs = qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec;
  return result;
}

// The names in `dir`, dot files (temporary files) included.
QStringList entries(const QString &dir) {
  return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

class OpenSsl {
 public:
  OpenSsl() { path_ = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error_); }
  bool found() const { return !path_.isEmpty(); }
  QString path() const { return path_; }
  QString error() const { return error_; }

  ProcessResult run(const QStringList &arguments, const QByteArray &input = {}) const {
    ProcessRequest request;
    request.program = path_;
    request.arguments = arguments;
    request.standardInput = input;
    request.timeoutMs = 15000;
    return runProcess(request);
  }
  // `openssl x509 -in CERT -noout ARGS`, its standard output.
  QString x509(const QString &cert, const QStringList &arguments, QString *failure) const {
    const ProcessResult result =
        run(QStringList{QStringLiteral("x509"), QStringLiteral("-in"), cert, QStringLiteral("-noout")} + arguments);
    if (!result.succeeded()) *failure += QStringLiteral("openssl x509 %1: %2\n").arg(arguments.join(QLatin1Char(' ')), describe(result));
    return QString::fromUtf8(result.standardOutput);
  }

 private:
  QString path_;
  QString error_;
};

// "notBefore=Nov 28 18:33:12 2025 GMT" (also with two spaces before a one-digit day).
QDateTime parseOpensslDate(const QString &output, const QString &name) {
  const QRegularExpression line(QStringLiteral("^%1=(.*) GMT$").arg(name), QRegularExpression::MultilineOption);
  const QString text = line.match(output).captured(1).simplified();
  const QDateTime local = QLocale::c().toDateTime(text, QStringLiteral("MMM d HH:mm:ss yyyy"));
  return local.isValid() ? QDateTime(local.date(), local.time(), Qt::UTC) : QDateTime();
}

// Everything this command promises about one certificate and key; empty when
// all is well, else what is wrong.
QString checkCertificate(const OpenSsl &openssl, const QString &cert, const QString &key, int days,
                         const QDateTime &madeAt) {
  QString failure;
  const QString text = openssl.x509(cert, {QStringLiteral("-text")}, &failure);
  const QList<QPair<QString, QString>> expected = {
      {QStringLiteral("X.509 version 3"), QStringLiteral("Version: 3 \\(0x2\\)")},
      {QStringLiteral("an ECDSA signature with SHA-256"), QStringLiteral("Signature Algorithm: ecdsa-with-SHA256")},
      {QStringLiteral("an EC key"), QStringLiteral("Public Key Algorithm: id-ecPublicKey")},
      {QStringLiteral("the P-256 curve"), QStringLiteral("NIST CURVE: P-256")},
      {QStringLiteral("the hostname as subject"), QStringLiteral("Subject: CN ?= ?mail\\.example\\.test\\s*\\n")},
      {QStringLiteral("the hostname as issuer"), QStringLiteral("Issuer: CN ?= ?mail\\.example\\.test\\s*\\n")},
      {QStringLiteral("critical CA:FALSE"), QStringLiteral("X509v3 Basic Constraints: critical\\s+CA:FALSE\\s*\\n")},
      {QStringLiteral("critical keyUsage digitalSignature only"), QStringLiteral("X509v3 Key Usage: critical\\s+Digital Signature\\s*\\n")},
      {QStringLiteral("extendedKeyUsage serverAuth"), QStringLiteral("X509v3 Extended Key Usage:\\s+TLS Web Server Authentication\\s*\\n")},
  };
  for (const auto &[what, pattern] : expected) {
    if (!QRegularExpression(pattern).match(text).hasMatch())
      failure += QStringLiteral("the certificate lacks %1 (no /%2/)\n").arg(what, pattern);
  }

  const QString san = openssl.x509(cert, {QStringLiteral("-ext"), QStringLiteral("subjectAltName")}, &failure);
  if (!QRegularExpression(QStringLiteral("X509v3 Subject Alternative Name:\\s*\\n\\s*DNS:mail\\.example\\.test\\s*$")).match(san).hasMatch())
    failure += QStringLiteral("the subjectAltName is not exactly DNS:%1:\n%2\n").arg(kHost, san);

  const QString serial = openssl.x509(cert, {QStringLiteral("-serial")}, &failure).trimmed();
  const QRegularExpressionMatch serialHex = QRegularExpression(QStringLiteral("^serial=([0-9A-F]+)$")).match(serial);
  // 128 random bits: 32 hex digits, fewer only when the leading bytes are 0.
  if (!serialHex.hasMatch() || serialHex.captured(1).size() < 26 || serialHex.captured(1).size() > 32)
    failure += QStringLiteral("the serial is not 128 random bits: %1\n").arg(serial);

  const QString dates = openssl.x509(cert, {QStringLiteral("-startdate"), QStringLiteral("-enddate")}, &failure);
  const QDateTime notBefore = parseOpensslDate(dates, QStringLiteral("notBefore"));
  const QDateTime notAfter = parseOpensslDate(dates, QStringLiteral("notAfter"));
  const qint64 slack = 120;  // seconds: the command ran within the test's own clock readings
  if (!notBefore.isValid() || !notAfter.isValid())
    failure += QStringLiteral("cannot read the validity:\n%1\n").arg(dates);
  else if (qAbs(notBefore.secsTo(madeAt.addSecs(-3600))) > slack)
    failure += QStringLiteral("notBefore is %1, not an hour before %2\n")
                   .arg(notBefore.toString(Qt::ISODate), madeAt.toString(Qt::ISODate));
  else if (qAbs(notAfter.secsTo(madeAt.addDays(days))) > slack)
    failure += QStringLiteral("notAfter is %1, not %2 days after %3\n")
                   .arg(notAfter.toString(Qt::ISODate))
                   .arg(days)
                   .arg(madeAt.toString(Qt::ISODate));

  // The key: readable by openssl, and the one the certificate holds.
  const ProcessResult pkey = openssl.run({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-noout")});
  if (!pkey.succeeded()) failure += QStringLiteral("openssl pkey cannot read the key: %1\n").arg(describe(pkey));
  const ProcessResult keyPublic = openssl.run({QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout")});
  const QString certPublic = openssl.x509(cert, {QStringLiteral("-pubkey")}, &failure);
  if (!keyPublic.succeeded() || keyPublic.standardOutput.isEmpty() ||
      QString::fromUtf8(keyPublic.standardOutput) != certPublic)
    failure += QStringLiteral("the key does not belong to the certificate:\nkey: %1\ncertificate: %2\n")
                   .arg(QString::fromUtf8(keyPublic.standardOutput), certPublic);
  return failure;
}

// `openssl x509 -fingerprint -sha256`: "sha256 Fingerprint=AB:CD:...".
QString opensslFingerprint(const OpenSsl &openssl, const QString &cert) {
  QString failure;
  const QString output = openssl.x509(cert, {QStringLiteral("-fingerprint"), QStringLiteral("-sha256")}, &failure);
  return output.section(QLatin1Char('='), 1).trimmed();
}
}  // namespace

class TlsSelfSigned : public QObject {
  Q_OBJECT

 private slots:
  void makesAServerCertificateForTheHostname_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("days");
    QTest::newRow("without --days the certificate is valid for 365 days") << QStringList{} << 365;
    QTest::newRow("--days 30 makes it valid for 30 days") << QStringList{QStringLiteral("--days"), QStringLiteral("30")} << 30;
    QTest::newRow("--days=3650 is the longest allowed") << QStringList{QStringLiteral("--days=3650")} << 3650;
  }
  void makesAServerCertificateForTheHostname() {
    QFETCH(QStringList, arguments);
    QFETCH(int, days);
    const OpenSsl openssl;
    QVERIFY2(openssl.found(), qPrintable(openssl.error()));
    PostwrdInstance postwrd;
    postwrd.addDomain(QStringLiteral("local.test"));
    QVERIFY2(prepareWithoutCertificate(postwrd), qPrintable(postwrd.errorString()));

    const QDateTime madeAt = QDateTime::currentDateTimeUtc();
    const ProcessResult made = selfSigned(postwrd, arguments);
    QVERIFY2(made.succeeded(), qPrintable(describe(made)));

    // One line: the certificate's path and the fingerprint openssl computes too.
    const QString out = QString::fromUtf8(made.standardOutput);
    QVERIFY2(out.endsWith(QLatin1Char('\n')) && out.count(QLatin1Char('\n')) == 1, qPrintable(out));
    QVERIFY2(out.contains(certPath(postwrd)), qPrintable(out));
    const QString fingerprint = printedFingerprint(made);
    QVERIFY2(!fingerprint.isEmpty(), qPrintable(QStringLiteral("no SHA-256 fingerprint at the end of: ") + out));
    QCOMPARE(fingerprint, opensslFingerprint(openssl, certPath(postwrd)));

    const QString problem = checkCertificate(openssl, certPath(postwrd), keyPath(postwrd), days, madeAt);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));

    // The tls/ directory was made, and holds the two files and no leftovers.
    QCOMPARE(entries(tlsDir(postwrd)), (QStringList{QStringLiteral("cert.pem"), QStringLiteral("key.pem")}));
    const Stat key = statFile(keyPath(postwrd));
    const Stat cert = statFile(certPath(postwrd));
    QCOMPARE(key.mode, mode_t(0600));
    QCOMPARE(cert.mode, mode_t(0644));

    // Owned like the DKIM keys, which `postwrd dkim keygen` writes.
    const ProcessResult keygen = postwrd.cli({QStringLiteral("dkim"), QStringLiteral("keygen"), QStringLiteral("local.test"),
                                              QStringLiteral("--selector"), QStringLiteral("s1")});
    QVERIFY2(keygen.succeeded(), qPrintable(describe(keygen)));
    const Stat dkim = statFile(postwrd.configDir() + QStringLiteral("/domains/local.test/dkim/s1.pem"));
    QVERIFY(dkim.exists);
    QCOMPARE(key.uid, dkim.uid);
    QCOMPARE(key.gid, dkim.gid);
    QCOMPARE(dkim.mode, key.mode);
  }

  void runningAgainChangesNothing() {
    const OpenSsl openssl;
    QVERIFY2(openssl.found(), qPrintable(openssl.error()));
    PostwrdInstance postwrd;
    QVERIFY2(prepareWithoutCertificate(postwrd), qPrintable(postwrd.errorString()));
    const ProcessResult first = selfSigned(postwrd);
    QVERIFY2(first.succeeded(), qPrintable(describe(first)));
    const QByteArray certBytes = PostwrdInstance::readFile(certPath(postwrd));
    const QByteArray keyBytes = PostwrdInstance::readFile(keyPath(postwrd));
    const Stat certBefore = statFile(certPath(postwrd));
    const Stat keyBefore = statFile(keyPath(postwrd));

    for (const QStringList &arguments : {QStringList{}, QStringList{QStringLiteral("--days"), QStringLiteral("90")}}) {
      const ProcessResult again = selfSigned(postwrd, arguments);
      QVERIFY2(again.succeeded(), qPrintable(describe(again)));
      const QString out = QString::fromUtf8(again.standardOutput);
      QVERIFY2(out.count(QLatin1Char('\n')) == 1 && out.contains(certPath(postwrd)) && out.contains(QLatin1String("unchanged")),
               qPrintable(QStringLiteral("expected one line saying %1 is left unchanged, got: %2").arg(certPath(postwrd), out)));
      QCOMPARE(printedFingerprint(again), printedFingerprint(first));
      QVERIFY(PostwrdInstance::readFile(certPath(postwrd)) == certBytes);
      QVERIFY(PostwrdInstance::readFile(keyPath(postwrd)) == keyBytes);
      const Stat certAfter = statFile(certPath(postwrd));
      const Stat keyAfter = statFile(keyPath(postwrd));
      QVERIFY2(certAfter.inode == certBefore.inode && certAfter.mtimeNs == certBefore.mtimeNs, "the certificate was rewritten");
      QVERIFY2(keyAfter.inode == keyBefore.inode && keyAfter.mtimeNs == keyBefore.mtimeNs, "the key was rewritten");
      QCOMPARE(entries(tlsDir(postwrd)), (QStringList{QStringLiteral("cert.pem"), QStringLiteral("key.pem")}));
    }
  }

  void forceMakesANewPair() {
    const OpenSsl openssl;
    QVERIFY2(openssl.found(), qPrintable(openssl.error()));
    PostwrdInstance postwrd;
    QVERIFY2(prepareWithoutCertificate(postwrd), qPrintable(postwrd.errorString()));
    const ProcessResult first = selfSigned(postwrd);
    QVERIFY2(first.succeeded(), qPrintable(describe(first)));
    const QByteArray certBytes = PostwrdInstance::readFile(certPath(postwrd));
    const QByteArray keyBytes = PostwrdInstance::readFile(keyPath(postwrd));
    QString failure;
    const QString firstSerial = openssl.x509(certPath(postwrd), {QStringLiteral("-serial")}, &failure);

    const QDateTime madeAt = QDateTime::currentDateTimeUtc();
    const ProcessResult forced = selfSigned(postwrd, {QStringLiteral("--force"), QStringLiteral("--days"), QStringLiteral("7")});
    QVERIFY2(forced.succeeded(), qPrintable(describe(forced)));
    QVERIFY2(!QString::fromUtf8(forced.standardOutput).contains(QLatin1String("unchanged")), forced.standardOutput.constData());
    QVERIFY(PostwrdInstance::readFile(certPath(postwrd)) != certBytes);
    QVERIFY(PostwrdInstance::readFile(keyPath(postwrd)) != keyBytes);
    QVERIFY(printedFingerprint(forced) != printedFingerprint(first));
    QCOMPARE(printedFingerprint(forced), opensslFingerprint(openssl, certPath(postwrd)));
    QVERIFY2(openssl.x509(certPath(postwrd), {QStringLiteral("-serial")}, &failure) != firstSerial,
             "the new certificate reuses the serial of the old one");
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString problem = checkCertificate(openssl, certPath(postwrd), keyPath(postwrd), 7, madeAt);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(statFile(keyPath(postwrd)).mode, mode_t(0600));
    QCOMPARE(statFile(certPath(postwrd)).mode, mode_t(0644));
    QCOMPARE(entries(tlsDir(postwrd)), (QStringList{QStringLiteral("cert.pem"), QStringLiteral("key.pem")}));
  }

  // What the wizard relies on: the first start already has STARTTLS and AUTH.
  void postwrdServesStartTlsAndAuthWithIt() {
    const OpenSsl openssl;
    QVERIFY2(openssl.found(), qPrintable(openssl.error()));
    PostwrdInstance postwrd;
    const QString password = newPassword();
    postwrd.addUser(kAlice, password);
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(prepareWithoutCertificate(postwrd), qPrintable(postwrd.errorString()));
    const ProcessResult made = selfSigned(postwrd);
    QVERIFY2(made.succeeded(), qPrintable(describe(made)));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
    QVERIFY2(!postwrd.log().contains(QLatin1String("no certificate yet")), qPrintable(postwrd.log()));

    // openssl s_client trusts only this certificate and checks the host name
    // against it: verification passes only for a certificate valid for it.
    ProcessRequest request;
    request.program = openssl.path();
    request.arguments = {QStringLiteral("s_client"), QStringLiteral("-connect"),
                         QStringLiteral("127.0.0.1:%1").arg(postwrd.port(Role::Submission)),
                         QStringLiteral("-starttls"), QStringLiteral("smtp"), QStringLiteral("-servername"), kHost,
                         QStringLiteral("-CAfile"), certPath(postwrd), QStringLiteral("-verify_hostname"), kHost,
                         QStringLiteral("-verify_return_error"), QStringLiteral("-brief"), QStringLiteral("-ign_eof")};
    // Lower case: s_client takes a line starting with "Q" as its own command.
    request.standardInput = "quit\r\n";
    request.timeoutMs = 15000;
    const ProcessResult client = runProcess(request);
    const QString output = QString::fromUtf8(client.standardOutput + client.standardError);
    QVERIFY2(!client.timedOut, qPrintable(QStringLiteral("s_client timed out:\n") + output));
    QVERIFY2(output.contains(QLatin1String("Verification: OK")),
             qPrintable(QStringLiteral("the certificate does not verify for %1:\n%2").arg(kHost, output)));
    QVERIFY2(QRegularExpression(QStringLiteral("^Protocol version: TLSv1\\.[23]$"), QRegularExpression::MultilineOption)
                 .match(output).hasMatch(),
             qPrintable(output));
    QVERIFY2(output.contains(QLatin1String("221")), qPrintable(QStringLiteral("no 221 after quit over TLS:\n") + output));

    // And AUTH works after STARTTLS: swaks submits a message that is delivered.
    const TestMessage message = makeMessage(kAlice, kBob, QStringLiteral("over a self-signed certificate"));
    SwaksRequest swaksRequest;
    swaksRequest.port = postwrd.port(Role::Submission);
    swaksRequest.tls = SwaksRequest::Tls::StartTls;
    swaksRequest.authMechanism = QStringLiteral("PLAIN");
    swaksRequest.user = kAlice;
    swaksRequest.password = password;
    swaksRequest.from = kAlice;
    swaksRequest.to = {kBob};
    swaksRequest.data = message.forSwaks();
    const qsizetype mark = postwrd.logMark();
    const SwaksResult swaks = runSwaks(swaksRequest);
    QVERIFY2(swaks.setupError.isEmpty(), qPrintable(swaks.setupError));
    QVERIFY2(swaks.exitCode() == 0, qPrintable(swaks.describe()));
    QVERIFY2(swaks.hasReply(235), qPrintable(QStringLiteral("no 235 after AUTH\n") + swaks.describe()));
    const QString id = swaks.queuedId();
    QVERIFY2(!id.isEmpty(), qPrintable(swaks.describe()));
    QVERIFY2(postwrd.waitForLog(PostwrdInstance::deliveredPattern(id, kBob), 10000, mark).hasMatch(),
             qPrintable(QStringLiteral("no event=delivered id=%1 rcpt=%2").arg(id, kBob)));
    QVERIFY2(postwrd.stop(), qPrintable(postwrd.errorString()));
  }

  // The paths come from [tls], relative to DIR as postwrd run reads them,
  // not to the working directory.
  void writesWhereTheConfigurationSays() {
    const OpenSsl openssl;
    QVERIFY2(openssl.found(), qPrintable(openssl.error()));
    PostwrdInstance postwrd;
    QVERIFY2(prepareWithoutCertificate(postwrd), qPrintable(postwrd.errorString()));
    QString config = postwrd.defaultConfigText();
    QVERIFY(replaceLine(config, QStringLiteral("certificate"), QStringLiteral("certificate = certs/server.crt")));
    QVERIFY(replaceLine(config, QStringLiteral("key"), QStringLiteral("key = private/server.key")));
    QVERIFY2(postwrd.writeConfigFile(QStringLiteral("postwrd.conf"), config.toUtf8()), qPrintable(postwrd.errorString()));

    const QDateTime madeAt = QDateTime::currentDateTimeUtc();
    const ProcessResult made = selfSigned(postwrd);
    QVERIFY2(made.succeeded(), qPrintable(describe(made)));
    const QString cert = postwrd.configDir() + QStringLiteral("/certs/server.crt");
    const QString key = postwrd.configDir() + QStringLiteral("/private/server.key");
    QVERIFY2(QString::fromUtf8(made.standardOutput).contains(cert), made.standardOutput.constData());
    const QString problem = checkCertificate(openssl, cert, key, 365, madeAt);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(statFile(key).mode, mode_t(0600));
    QVERIFY(!QFileInfo::exists(tlsDir(postwrd)));
    // The fixture runs the CLI in the parent of DIR.
    QVERIFY(!QFileInfo::exists(postwrd.configDir() + QStringLiteral("/../certs")));
    QVERIFY(!QFileInfo::exists(postwrd.configDir() + QStringLiteral("/../private")));
  }

  void aBadConfigurationWritesNothing_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("replacement");  // empty: the line is removed
    QTest::addColumn<QString>("mentions");     // a pattern the message must match
    QTest::newRow("no hostname") << "hostname" << QString() << "`hostname` is required";
    QTest::newRow("a certificate path through a file is not writable")
        << "certificate" << "certificate = postwrd.conf/cert.pem" << "postwrd\\.conf/cert\\.pem: .*Not a directory";
    QTest::newRow("a key path through a file is not writable")
        << "key" << "key = postwrd.conf/key.pem" << "postwrd\\.conf/key\\.pem: .*Not a directory";
  }
  void aBadConfigurationWritesNothing() {
    QFETCH(QString, key);
    QFETCH(QString, replacement);
    QFETCH(QString, mentions);
    PostwrdInstance postwrd;
    QVERIFY2(prepareWithoutCertificate(postwrd), qPrintable(postwrd.errorString()));
    QString config = postwrd.defaultConfigText();
    QVERIFY(replaceLine(config, key, replacement));
    QVERIFY2(postwrd.writeConfigFile(QStringLiteral("postwrd.conf"), config.toUtf8()), qPrintable(postwrd.errorString()));

    const ProcessResult result = selfSigned(postwrd);
    const QString err = QString::fromUtf8(result.standardError);
    QVERIFY2(result.exitCode == 1 && !result.timedOut && !result.crashed,
             qPrintable(QStringLiteral("expected exit 1: ") + describe(result)));
    QVERIFY2(QRegularExpression(mentions).match(err).hasMatch(),
             qPrintable(QStringLiteral("the message does not match /%1/: %2").arg(mentions, err)));
    QVERIFY2(result.standardOutput.isEmpty(), result.standardOutput.constData());
    // No certificate, key or temporary file anywhere in DIR.
    for (const QString &file : PostwrdInstance::allFiles(postwrd.configDir()))
      QVERIFY2(!file.contains(QLatin1String(".pem")) && !file.contains(QLatin1String(".tmp.")), qPrintable(file));
  }

  // A certificate without its key (or the other way round) is no pair
  // postwrd can use; without --force nothing is touched.
  void halfAPairIsReportedAndKept() {
    PostwrdInstance postwrd;
    QVERIFY2(prepareWithoutCertificate(postwrd), qPrintable(postwrd.errorString()));
    const ProcessResult first = selfSigned(postwrd);
    QVERIFY2(first.succeeded(), qPrintable(describe(first)));
    QVERIFY(QFile::remove(certPath(postwrd)));
    const QByteArray keyBytes = PostwrdInstance::readFile(keyPath(postwrd));

    const ProcessResult half = selfSigned(postwrd);
    const QString err = QString::fromUtf8(half.standardError);
    QVERIFY2(half.exitCode == 1, qPrintable(describe(half)));
    QVERIFY2(err.contains(keyPath(postwrd)) && err.contains(QLatin1String("--force")), qPrintable(err));
    QVERIFY(PostwrdInstance::readFile(keyPath(postwrd)) == keyBytes);
    QVERIFY(!QFileInfo::exists(certPath(postwrd)));

    const ProcessResult forced = selfSigned(postwrd, {QStringLiteral("--force")});
    QVERIFY2(forced.succeeded(), qPrintable(describe(forced)));
    QVERIFY(QFileInfo::exists(certPath(postwrd)));
    QVERIFY(PostwrdInstance::readFile(keyPath(postwrd)) != keyBytes);
  }

  void aBadCommandLineWritesNothing_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("--days 0") << QStringList{QStringLiteral("--days"), QStringLiteral("0")};
    QTest::newRow("--days 3651 (over ten years)") << QStringList{QStringLiteral("--days"), QStringLiteral("3651")};
    QTest::newRow("--days that is not a number") << QStringList{QStringLiteral("--days=soon")};
    QTest::newRow("--days without a value") << QStringList{QStringLiteral("--days")};
    QTest::newRow("an unknown flag") << QStringList{QStringLiteral("--rsa")};
    QTest::newRow("an extra argument") << QStringList{QStringLiteral("mail.example.test")};
  }
  void aBadCommandLineWritesNothing() {
    QFETCH(QStringList, arguments);
    PostwrdInstance postwrd;
    QVERIFY2(prepareWithoutCertificate(postwrd), qPrintable(postwrd.errorString()));
    const ProcessResult result = selfSigned(postwrd, arguments);
    QVERIFY2(result.exitCode == 2, qPrintable(QStringLiteral("expected exit 2: ") + describe(result)));
    QVERIFY2(!result.standardError.isEmpty(), "no message");
    QVERIFY(!QFileInfo::exists(tlsDir(postwrd)));
  }
};

QTEST_GUILESS_MAIN(TlsSelfSigned)
#include "tst_it_tls_self_signed.moc"
