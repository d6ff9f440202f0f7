// MTA-STS in outbound delivery (RFC 8461 §5), end to end: dnsmasq serves
// remote.test (MX 10 mx.remote.test), its "_mta-sts" TXT record and the
// address of mta-sts.remote.test; Python's http.server in TLS serves the
// policy; the aiosmtpd receiver plays mx.remote.test with a certificate from
// the same throwaway CA (made by the openssl CLI), or one that must fail.
// postwrd's [delivery] mta_sts_port and tls_ca_file point it at them.
//
// Checked, one row each: an enforce policy naming the MX delivers over TLS;
// with enforce, a self-signed certificate or one for another name, or an MX
// the policy does not list, defers the mail (never bounces it) and keeps it
// queued; a testing policy only logs the mismatch and delivers; a domain
// without the TXT record gets opportunistic TLS, self-signed or not. Every
// wait is bounded.

#include "support/delivery_setup.h"
#include "support/process_runner.h"
#include "support/test_message.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kAlice = QStringLiteral("alice@local.test");
const QString kRcpt = QStringLiteral("user@remote.test");
const QString kPolicyHost = QStringLiteral("mta-sts.remote.test");

// Python's own HTTP server, serving a directory, in TLS. It prints its port
// (picked by the kernel) once it listens, and logs every request on stderr.
const char *const kServerScript = R"PY(
import functools, http.server, ssl, sys
cert, key, root = sys.argv[1:4]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
)PY";

QString policyText(const QString &mode, const QStringList &mx) {
  QString text = QStringLiteral("version: STSv1\r\nmode: %1\r\n").arg(mode);
  for (const QString &pattern : mx) text += QStringLiteral("mx: %1\r\n").arg(pattern);
  return text + QStringLiteral("max_age: 86400\r\n");
}

QString rcptIs(const QString &rcpt) {
  return keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(QRegularExpression::escape(rcpt)));
}

}  // namespace

class ItDeliveryMtaSts : public QObject {
  Q_OBJECT

  QTemporaryDir pki_;  // the CA, certificates and the policy web root
  QString openssl_;
  QString python_;
  std::unique_ptr<QProcess> https_;
  quint16 httpsPort_ = 0;

  QString pki(const QString &name) const { return pki_.filePath(name); }
  QString webRoot() const { return pki(QStringLiteral("www")); }
  QString policyPath() const { return webRoot() + QStringLiteral("/.well-known/mta-sts.txt"); }
  QString httpsLogPath() const { return pki(QStringLiteral("https.log")); }

  bool runOpenssl(const QStringList &arguments) {
    const ProcessResult result = runProcess({openssl_, arguments, {}, 30000, QProcessEnvironment::systemEnvironment(), {}});
    if (!result.succeeded())
      qWarning("openssl %s: %s\n%s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(result.status()),
               result.standardError.constData());
    return result.succeeded();
  }

  bool makeCa(const QString &name) {
    return runOpenssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                       "-keyout", pki(name + ".key"), "-out", pki(name + ".pem"), "-days", "2", "-subj",
                       "/CN=Postwr test " + name});
  }

  // A server certificate for `dnsName`, signed by the CA "ca".
  bool makeServerCertificate(const QString &name, const QString &dnsName) {
    QFile ext(pki(name + ".ext"));
    if (!ext.open(QIODevice::WriteOnly)) return false;
    ext.write(QStringLiteral("subjectAltName=DNS:%1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
                  .arg(dnsName)
                  .toUtf8());
    ext.close();
    return runOpenssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                       pki(name + ".key"), "-out", pki(name + ".csr"), "-subj", "/CN=" + dnsName}) &&
           runOpenssl({"x509", "-req", "-in", pki(name + ".csr"), "-CA", pki("ca.pem"), "-CAkey", pki("ca.key"),
                       "-CAcreateserial", "-out", pki(name + ".pem"), "-days", "2", "-extfile", pki(name + ".ext")});
  }

  bool servePolicy(const QString &text) {
    QDir().mkpath(QFileInfo(policyPath()).absolutePath());
    QFile file(policyPath());
    const QByteArray data = text.toUtf8();
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
  }

  QString httpsLog() const {
    QFile file(httpsLogPath());
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
  }
  int policyRequests() const {
    return int(httpsLog().count(QStringLiteral("\"GET /.well-known/mta-sts.txt HTTP/1.1\" 200")));
  }

  bool startHttps() {
    QDir().mkpath(webRoot());
    https_ = std::make_unique<QProcess>();
    https_->setStandardErrorFile(httpsLogPath(), QIODevice::Append);
    https_->start(python_, {"-u", "-c", kServerScript, pki("policy.pem"), pki("policy.key"), webRoot()});
    if (!https_->waitForStarted(10000)) return false;
    QDeadlineTimer deadline(10000);
    QByteArray output;
    while (!output.contains('\n') && !deadline.hasExpired() && https_->state() == QProcess::Running) {
      https_->waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
      output += https_->readAllStandardOutput();
    }
    bool ok = false;
    httpsPort_ = static_cast<quint16>(output.trimmed().toUInt(&ok));
    if (!ok || httpsPort_ == 0) {
      qWarning("the HTTPS server did not start: %s", qPrintable(httpsLog()));
      return false;
    }
    return true;
  }

 private slots:
  void initTestCase() {
    QString error;
    openssl_ = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
    QVERIFY2(!openssl_.isEmpty(), qPrintable(error));
    python_ = systemPython(&error);
    QVERIFY2(!python_.isEmpty(), qPrintable(error));
    QVERIFY(pki_.isValid());
    QVERIFY(makeCa(QStringLiteral("ca")));
    QVERIFY(makeServerCertificate(QStringLiteral("policy"), kPolicyHost));
    QVERIFY(makeServerCertificate(QStringLiteral("mx"), QStringLiteral("mx.remote.test")));
    QVERIFY(makeServerCertificate(QStringLiteral("wrong-name"), QStringLiteral("mx.other.test")));
    // One policy server for every row: each row has its own postwrd, so its
    // own policy cache, and rewrites the policy before it starts.
    QVERIFY(startHttps());
  }

  void cleanupTestCase() {
    if (!https_) return;
    https_->kill();
    https_->waitForFinished(5000);
  }

  void policyIsHonoured_data() {
    QTest::addColumn<bool>("published");        // the _mta-sts TXT record exists
    QTest::addColumn<QString>("mode");          // of the policy served
    QTest::addColumn<QStringList>("mxPatterns");
    QTest::addColumn<QString>("mxCertificate");  // receiver's, from the CA; empty: self-signed
    QTest::addColumn<bool>("delivered");
    QTest::addColumn<QString>("reasonPattern");  // of event=deferred when not delivered
    QTest::addColumn<bool>("mismatch");          // event=mta_sts_mismatch expected

    const QStringList listed = {QStringLiteral("mx.remote.test")};
    const QStringList other = {QStringLiteral("mx2.remote.test")};
    const QString enforce = QStringLiteral("enforce");
    const QString testing = QStringLiteral("testing");
    const QString mx = QStringLiteral("mx");
    const QString certificate = QStringLiteral("certificate");

    QTest::newRow("an enforce policy naming the MX delivers over verified TLS")
        << true << enforce << listed << mx << true << QString() << false;
    QTest::newRow("an enforce policy defers mail to a self-signed MX certificate")
        << true << enforce << listed << QString() << false << certificate << false;
    QTest::newRow("an enforce policy defers mail to an MX certificate for another name")
        << true << enforce << listed << QStringLiteral("wrong-name") << false << certificate << false;
    QTest::newRow("an enforce policy defers mail to an MX it does not list")
        << true << enforce << other << mx << false << QStringLiteral("MTA-STS") << true;
    QTest::newRow("a testing policy only logs an MX it does not list")
        << true << testing << other << mx << true << QString() << true;
    QTest::newRow("a testing policy does not check the MX certificate")
        << true << testing << listed << QString() << true << QString() << false;
    QTest::newRow("without the TXT record a self-signed MX gets opportunistic TLS")
        << false << enforce << listed << QString() << true << QString() << false;
  }

  void policyIsHonoured() {
    QFETCH(bool, published);
    QFETCH(QString, mode);
    QFETCH(QStringList, mxPatterns);
    QFETCH(QString, mxCertificate);
    QFETCH(bool, delivered);
    QFETCH(QString, reasonPattern);
    QFETCH(bool, mismatch);

    QVERIFY(servePolicy(policyText(mode, mxPatterns)));
    const int requestsBefore = policyRequests();

    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    // A new id per row, though each postwrd starts with an empty cache anyway.
    if (published)
      world.dns.addTxt(QStringLiteral("_mta-sts.remote.test"), {QStringLiteral("v=STSv1; id=%1;").arg(uniqueToken())});
    world.dns.addHost(kPolicyHost, {QStringLiteral("127.0.0.1")});
    if (!mxCertificate.isEmpty()) world.receiver.setCertificate(pki(mxCertificate + ".pem"), pki(mxCertificate + ".key"));
    world.setDelivery(QStringLiteral("mta_sts"), QStringLiteral("yes"));
    world.setDelivery(QStringLiteral("mta_sts_port"), QString::number(httpsPort_));
    world.setDelivery(QStringLiteral("tls_ca_file"), pki(QStringLiteral("ca.pem")));
    QVERIFY2(world.start(), qPrintable(world.errorString()));

    const TestMessage message = makeMessage(kAlice, kRcpt, QStringLiteral("MTA-STS ") + QTest::currentDataTag());
    const SubmitResult submitted = world.submit(kAlice, password, {kRcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));
    const QString id = submitted.queueId;

    if (delivered) {
      QVERIFY2(world.receiver.waitForMessagesTo(kRcpt, 1, 30000),
               qPrintable(QStringLiteral("not delivered\n") + world.receiver.describe()));
      const auto line = world.waitForEvent(QStringLiteral("delivered"), id, rcptIs(kRcpt), 10000);
      QVERIFY2(line.hasMatch(), "no event=delivered");
      QVERIFY2(!line.captured(0).contains(QStringLiteral("tls=plaintext")), qPrintable(line.captured(0)));
      const ReceivedMessage got = world.receiver.messagesTo(kRcpt).first();
      QVERIFY2(got.tls, qPrintable(got.describe()));
      QVERIFY(got.content.endsWith(message.withCrlf()));
      QTRY_VERIFY_WITH_TIMEOUT(!world.queueList().contains(id), 10000);
    } else {
      const auto deferred = world.waitForEvent(QStringLiteral("deferred"), id, rcptIs(kRcpt), 30000);
      QVERIFY2(deferred.hasMatch(), qPrintable(QStringLiteral("no event=deferred for %1\n").arg(id) + world.receiver.describe()));
      const QRegularExpression reason(QStringLiteral("\\sreason=\"[^\"]*(?:%1)").arg(reasonPattern),
                                      QRegularExpression::CaseInsensitiveOption);
      QVERIFY2(reason.match(deferred.captured(0)).hasMatch(),
               qPrintable(QStringLiteral("the reason should mention /%1/: %2").arg(reasonPattern, deferred.captured(0))));
      // The retry (retry_initial = 1s) gives in no more than the first attempt.
      QVERIFY2(QTest::qWaitFor([&] { return world.events(QStringLiteral("deferred"), id).size() >= 2; }, 15000),
               "no second event=deferred: the message was not retried");
      QVERIFY2(world.receiver.events(QStringLiteral("rcpt")).isEmpty(),
               qPrintable(QStringLiteral("RCPT was sent to an MX the policy forbids\n") + world.receiver.describe()));
      QCOMPARE(world.receiver.messages().size(), 0);
      QVERIFY(world.events(QStringLiteral("delivered"), id).isEmpty());
      QVERIFY(world.events(QStringLiteral("bounced"), id).isEmpty());
      if (mismatch)
        QVERIFY2(world.receiver.events(QStringLiteral("connect")).isEmpty(),
                 qPrintable(QStringLiteral("postwrd connected to an MX not in the policy\n") + world.receiver.describe()));
      QString error;
      const QString listed = world.queueList(&error);
      QVERIFY2(error.isEmpty(), qPrintable(error));
      QVERIFY2(listed.contains(id), qPrintable(QStringLiteral("`postwrd queue list` does not show %1:\n%2").arg(id, listed)));
    }

    const auto mismatches = world.events(QStringLiteral("mta_sts_mismatch"), id,
                                         keyIs(QStringLiteral("mx"), QStringLiteral("mx\\.remote\\.test")) +
                                             keyIs(QStringLiteral("mode"), mode));
    if (mismatch)
      QVERIFY2(!mismatches.isEmpty(), "no event=mta_sts_mismatch ... mx=mx.remote.test for an MX the policy does not list");
    else
      QVERIFY2(world.events(QStringLiteral("mta_sts_mismatch"), id).isEmpty(), "event=mta_sts_mismatch for an MX the policy lists");

    // Fetched when published, and never looked for otherwise.
    if (published)
      QVERIFY2(policyRequests() > requestsBefore, "postwrd never fetched the policy");
    else
      QCOMPARE(policyRequests(), requestsBefore);
  }

  void cleanup() {
    if (QTest::currentTestFailed()) qWarning("HTTPS server log:\n%s", qPrintable(httpsLog()));
  }
};

QTEST_GUILESS_MAIN(ItDeliveryMtaSts)
#include "tst_it_delivery_mta_sts.moc"
