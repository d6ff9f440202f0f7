// Mail from the internet on the MX port gets SPF, DKIM and DMARC checked
// against records in a real DNS server (dnsmasq), and one
// Authentication-Results field (RFC 8601) that python3-authres parses:
//
//   senders   swaks from 127.0.0.1 with HELO mx.outside.test; DKIM
//             signatures made by dkimpy with a key from `openssl genrsa`;
//   records   SPF, DKIM and DMARC TXT records of several sender domains,
//             one per case, served by dnsmasq;
//   verdicts  read back from the delivered Maildir file with authres; a
//             DMARC p=reject failure must be refused with 550 5.7.1 instead;
//   ARC       mail forwarded by alias to a remote address carries an ARC set
//             sealed with the local domain's key (`postwrd dkim keygen`,
//             published in dnsmasq); dkimpy's arc_verify, asking dnsmasq,
//             must say pass, and the sender's DKIM signature must still verify.
//
// Forged Authentication-Results fields that claim our host name are removed.
// Missing tools fail the test with the package to install.

#include "support/delivery_setup.h"
#include "support/dkimpy_dns.h"
#include "support/process_runner.h"
#include "support/swaks.h"
#include "support/test_message.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kMailbox = QStringLiteral("me@local.test");
const QString kForwardTo = QStringLiteral("me@gmail.test");
const QString kSelector = QStringLiteral("sel1");
const QString kOurHost = QStringLiteral("mail.example.test");

// Signs a message (stdin, CRLF) for DOMAIN with SELECTOR and the PKCS#1 key
// file KEY; prints the signed message.
const char *kDkimpySign = R"PY(
import sys, dkim
domain, selector, key = sys.argv[1].encode(), sys.argv[2].encode(), open(sys.argv[3], 'rb').read()
message = sys.stdin.buffer.read()
signature = dkim.sign(message, selector, domain, key, linesep=b'\r\n',
                      include_headers=[b'from', b'to', b'subject', b'date', b'message-id'])
sys.stdout.buffer.write(signature + message)
)PY";

// The Authentication-Results fields of a message file as JSON:
// [{"authserv": ID, "results": {method: [result, {ptype.property: value}]}}].
const char *kAuthresParse = R"PY(
import sys, json, email, email.policy
import authres, authres.dmarc, authres.arc
message = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=email.policy.compat32)
features = authres.FeatureContext(authres.dmarc, authres.arc)
out = []
for value in message.get_all('Authentication-Results', []):
    parsed = features.parse('Authentication-Results: ' + value.replace('\r\n', '').replace('\n', ''))
    results = {}
    for result in parsed.results:
        results[result.method] = [result.result, {p.type + '.' + p.name: p.value for p in result.properties}]
    out.append({'authserv': parsed.authserv_id, 'results': results})
print(json.dumps(out))
)PY";

// dkimpy's ARC and DKIM verifiers (DNS: support/dkimpy_dns.h). Argument:
// the message file. Prints "arc=RESULT dkim=pass|fail reason=…".
const char *kDkimpyArcVerify = R"PY(
message = open(sys.argv[3], 'rb').read()
cv, results, reason = dkim.arc_verify(message, dnsfunc=dnsfunc)
verified = dkim.verify(message, dnsfunc=dnsfunc)
print('arc=%s dkim=%s reason=%s' % (cv.decode(), 'pass' if verified else 'fail', reason))
)PY";

QString failure(const QString &what, const ProcessResult &result) {
  return QStringLiteral("%1: %2\nstdout: %3\nstderr: %4")
      .arg(what, result.status(), QString::fromUtf8(result.standardOutput), QString::fromUtf8(result.standardError));
}

struct Case {
  QString spf;     // the sender domain's SPF record, or empty
  QString dmarc;   // its DMARC record, or empty
  bool dkim = false;  // signed, and the key published
};

}  // namespace

class ItInboundAuth : public QObject {
  Q_OBJECT

 public:
  ItInboundAuth() = default;

 private:
  QTemporaryDir work_;
  QString python_;
  QString keyFile_;
  QString publicKey_;  // base64 SubjectPublicKeyInfo
  DeliverySetup *world_ = nullptr;
  std::unique_ptr<DeliverySetup> worldOwner_;
  QString arcRecordName_;

  const QMap<QString, Case> &cases() {
    static const QMap<QString, Case> all{
        {QStringLiteral("spf-pass.test"), {QStringLiteral("v=spf1 ip4:127.0.0.1 -all"), QStringLiteral("v=DMARC1; p=reject"), false}},
        {QStringLiteral("dkim-pass.test"), {QStringLiteral("v=spf1 ip4:192.0.2.1 -all"), QStringLiteral("v=DMARC1; p=reject"), true}},
        {QStringLiteral("both-pass.test"), {QStringLiteral("v=spf1 a:mx.outside.test ~all"), QStringLiteral("v=DMARC1; p=quarantine"), true}},
        {QStringLiteral("reject.test"), {QStringLiteral("v=spf1 ip4:192.0.2.1 -all"), QStringLiteral("v=DMARC1; p=reject"), false}},
        {QStringLiteral("quarantine.test"), {QStringLiteral("v=spf1 -all"), QStringLiteral("v=DMARC1; p=quarantine"), false}},
        {QStringLiteral("softfail.test"), {QStringLiteral("v=spf1 ~all"), QString(), false}},
        {QStringLiteral("permerror.test"), {QStringLiteral("v=spf1 ip4:127.0.0.1 bogus:x -all"), QString(), false}},
        {QStringLiteral("nothing.test"), {QString(), QString(), false}},
    };
    return all;
  }

  // Runs python with a script and arguments; the result's stdout.
  QByteArray python(const QString &script, const QStringList &arguments, const QByteArray &input = {}) {
    ProcessRequest request;
    request.program = python_;
    request.arguments = QStringList{QStringLiteral("-c"), script} + arguments;
    request.standardInput = input;
    const ProcessResult result = runProcess(request);
    [&] { QVERIFY2(result.succeeded(), qPrintable(failure(QStringLiteral("python"), result))); }();
    return result.standardOutput;
  }

  QByteArray signedBy(const QString &domain, const QByteArray &crlfMessage) {
    return python(QString::fromUtf8(kDkimpySign), {domain, kSelector, keyFile_}, crlfMessage);
  }

  QString writeTemp(const QString &name, const QByteArray &data) {
    const QString path = work_.filePath(name);
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) file.write(data);
    return path;
  }

  QJsonArray authenticationResults(const QByteArray &message) {
    const QString path = writeTemp(QStringLiteral("delivered.eml"), message);
    return QJsonDocument::fromJson(python(QString::fromUtf8(kAuthresParse), {path})).array();
  }

  // The only message in the mailbox, removed afterwards so each case reads its own.
  QByteArray takeDelivered() {
    QStringList files;
    for (int i = 0; i < 300 && files.isEmpty(); ++i) {
      files = world_->postwrd.maildirFiles(kMailbox);
      if (files.isEmpty()) QTest::qWait(100);
    }
    [&] { QVERIFY2(files.size() == 1, qPrintable(QStringLiteral("%1 messages in the mailbox").arg(files.size()))); }();
    if (files.size() != 1) return {};
    const QByteArray content = PostwrdInstance::readFile(files.first());
    QFile::remove(files.first());
    return content;
  }

 private slots:
  void initTestCase() {
    QString error;
    python_ = systemPython(&error);
    QVERIFY2(!python_.isEmpty(), qPrintable(error));
    for (const char *module : {"dkim", "authres", "dns.resolver"}) {
      ProcessRequest check;
      check.program = python_;
      check.arguments = {QStringLiteral("-c"), QStringLiteral("import %1").arg(QLatin1String(module))};
      QVERIFY2(runProcess(check).succeeded(),
               qPrintable(QStringLiteral("python module %1 missing: apt-get install python3-dkim python3-authres "
                                         "python3-dnspython").arg(QLatin1String(module))));
    }
    const QString openssl = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
    QVERIFY2(!openssl.isEmpty(), qPrintable(error));
    QVERIFY(work_.isValid());

    // The senders' key: PKCS#1, which dkimpy reads.
    keyFile_ = work_.filePath(QStringLiteral("sender.key"));
    const ProcessResult key = runProcess({openssl, {QStringLiteral("genrsa"), QStringLiteral("-traditional"),
                                                    QStringLiteral("-out"), keyFile_, QStringLiteral("2048")},
                                          {}, 30000, QProcessEnvironment::systemEnvironment(), {}});
    QVERIFY2(key.succeeded(), qPrintable(failure(QStringLiteral("openssl genrsa"), key)));
    const ProcessResult spki = runProcess({openssl, {QStringLiteral("rsa"), QStringLiteral("-in"), keyFile_,
                                                     QStringLiteral("-pubout"), QStringLiteral("-outform"),
                                                     QStringLiteral("DER")},
                                           {}, 30000, QProcessEnvironment::systemEnvironment(), {}});
    QVERIFY2(spki.succeeded(), qPrintable(failure(QStringLiteral("openssl rsa -pubout"), spki)));
    publicKey_ = QString::fromLatin1(spki.standardOutput.toBase64());

    worldOwner_ = std::make_unique<DeliverySetup>();
    world_ = worldOwner_.get();
    world_->postwrd.addUser(kMailbox, newPassword());
    world_->postwrd.setAliases(QStringLiteral("local.test"), QStringLiteral("fwd: %1\n").arg(kForwardTo));
    QVERIFY2(world_->postwrd.prepare(), qPrintable(world_->postwrd.errorString()));

    // The key ARC seals with: local.test's, published like a user would.
    const ProcessResult keygen = world_->postwrd.cli({QStringLiteral("dkim"), QStringLiteral("keygen"),
                                                      QStringLiteral("local.test")});
    QVERIFY2(keygen.succeeded(), qPrintable(failure(QStringLiteral("dkim keygen"), keygen)));
    const QStringList lines = QString::fromUtf8(keygen.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2);
    arcRecordName_ = lines[0];
    QStringList pieces;
    for (qsizetype i = 0; i < lines[1].size(); i += 255) pieces << lines[1].mid(i, 255);
    world_->dns.addTxt(arcRecordName_, pieces);

    DnsmasqInstance &dns = world_->dns;
    const QString record = QStringLiteral("v=DKIM1; k=rsa; p=") + publicKey_;
    for (auto it = cases().cbegin(); it != cases().cend(); ++it) {
      if (!it->spf.isEmpty()) dns.addTxt(it.key(), {it->spf});
      if (!it->dmarc.isEmpty()) dns.addTxt(QStringLiteral("_dmarc.") + it.key(), {it->dmarc});
      if (it->dkim) {
        QStringList strings;
        for (qsizetype i = 0; i < record.size(); i += 255) strings << record.mid(i, 255);
        dns.addTxt(kSelector + QStringLiteral("._domainkey.") + it.key(), strings);
      }
    }
    QVERIFY2(world_->start(), qPrintable(world_->errorString()));
  }

  void cleanupTestCase() { worldOwner_.reset(); }

  void verdicts_data() {
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("tamper");  // change the body after signing
    QTest::addColumn<QString>("spf");
    QTest::addColumn<QString>("dkim");
    QTest::addColumn<QString>("dmarc");  // "refused": 550 5.7.1 at end of DATA

    QTest::newRow("SPF pass, aligned") << "spf-pass.test" << false << "pass" << "none" << "pass";
    QTest::newRow("DKIM pass saves an SPF fail") << "dkim-pass.test" << false << "fail" << "pass" << "pass";
    QTest::newRow("both pass") << "both-pass.test" << false << "pass" << "pass" << "pass";
    QTest::newRow("tampered body under p=reject") << "dkim-pass.test" << true << "fail" << "fail" << "refused";
    QTest::newRow("tampered body under p=quarantine") << "both-pass.test" << true << "pass" << "fail" << "pass";
    QTest::newRow("p=reject failure") << "reject.test" << false << "fail" << "none" << "refused";
    QTest::newRow("p=quarantine failure is delivered") << "quarantine.test" << false << "fail" << "none" << "fail";
    QTest::newRow("softfail, no DMARC") << "softfail.test" << false << "softfail" << "none" << "none";
    QTest::newRow("SPF syntax error") << "permerror.test" << false << "permerror" << "none" << "none";
    QTest::newRow("no records at all") << "nothing.test" << false << "none" << "none" << "none";
  }

  void verdicts() {
    QFETCH(QString, domain);
    QFETCH(bool, tamper);
    QFETCH(QString, spf);
    QFETCH(QString, dkim);
    QFETCH(QString, dmarc);
    const QString sender = QStringLiteral("someone@") + domain;
    TestMessage message = makeMessage(sender, kMailbox, QString::fromUtf8(QTest::currentDataTag()));
    // A forged result claiming our host name, which must not survive.
    QByteArray crlf = "Authentication-Results: " + kOurHost.toUtf8() + "; spf=pass; dkim=pass; dmarc=pass\r\n" +
                      message.withCrlf();
    if (cases()[domain].dkim) {
      crlf = signedBy(domain, crlf);
      QVERIFY(!QTest::currentTestFailed());
    }
    if (tamper) crlf.replace(message.marker.toUtf8(), "changed-after-signing");
    QByteArray lf = crlf;
    lf.replace("\r\n", "\n");
    if (lf.endsWith('\n')) lf.chop(1);

    const qsizetype mark = world_->postwrd.logMark();
    const SubmitResult sent = world_->sendFromOutside(sender, {kMailbox}, lf);
    if (dmarc == QStringLiteral("refused")) {
      QVERIFY2(!sent.ok(), "a DMARC p=reject failure was accepted");
      QVERIFY2(sent.problem.contains(QStringLiteral("550 5.7.1")) && sent.problem.contains(domain),
               qPrintable(sent.problem));
      QVERIFY(world_->postwrd.waitForLog(PostwrdInstance::eventPattern(QStringLiteral("refused"),
                                                                      keyIs(QStringLiteral("reason"), QStringLiteral("dmarc"))),
                                         5000, mark)
                  .hasMatch());
      QVERIFY(world_->postwrd.maildirFiles(kMailbox).isEmpty());
      return;
    }
    QVERIFY2(sent.ok(), qPrintable(sent.problem));
    const QByteArray delivered = takeDelivered();
    QVERIFY(!QTest::currentTestFailed());
    // Ours comes first, above the Received: field of this hop (Maildir files have LF line ends).
    const qsizetype ours = delivered.indexOf("\nAuthentication-Results: " + kOurHost.toUtf8() + ";");
    QVERIFY2(ours > 0 && ours < delivered.indexOf("\nReceived: "), delivered.left(600).constData());

    const QJsonArray fields = authenticationResults(delivered);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(fields.size(), 1);  // ours; the forged one is gone
    const QJsonObject field = fields.first().toObject();
    QCOMPARE(field.value(QStringLiteral("authserv")).toString(), kOurHost);
    const QJsonObject results = field.value(QStringLiteral("results")).toObject();
    const auto result = [&](const QString &method) {
      return results.value(method).toArray().at(0).toString();
    };
    const auto property = [&](const QString &method, const QString &name) {
      return results.value(method).toArray().at(1).toObject().value(name).toString();
    };
    const QString all = QString::fromUtf8(QJsonDocument(results).toJson(QJsonDocument::Compact));
    QVERIFY2(result(QStringLiteral("spf")) == spf, qPrintable(all));
    QVERIFY2(result(QStringLiteral("dkim")) == dkim, qPrintable(all));
    QVERIFY2(result(QStringLiteral("dmarc")) == dmarc, qPrintable(all));
    QCOMPARE(property(QStringLiteral("spf"), QStringLiteral("smtp.mailfrom")), sender);
    if (dkim != QStringLiteral("none")) {
      QCOMPARE(property(QStringLiteral("dkim"), QStringLiteral("header.d")), domain);
      QCOMPARE(property(QStringLiteral("dkim"), QStringLiteral("header.s")), kSelector);
    }
    if (dmarc != QStringLiteral("none") || !cases()[domain].dmarc.isEmpty())
      QCOMPARE(property(QStringLiteral("dmarc"), QStringLiteral("header.from")), domain);
    QVERIFY(world_->postwrd.waitForLog(PostwrdInstance::eventPattern(QStringLiteral("authentication"),
                                                                    keyIs(QStringLiteral("spf"), spf)),
                                       5000, mark)
                .hasMatch());
  }

  // Forwarded by alias: sealed with ARC; dkimpy verifies the seal and the
  // sender's own DKIM signature through dnsmasq.
  void forwardedMailIsArcSealed() {
    const QString domain = QStringLiteral("dkim-pass.test");
    const QString sender = QStringLiteral("someone@") + domain;
    const TestMessage message = makeMessage(sender, QStringLiteral("fwd@local.test"), QStringLiteral("arc"));
    QByteArray signedMessage = signedBy(domain, message.withCrlf());
    QVERIFY(!QTest::currentTestFailed());
    signedMessage.replace("\r\n", "\n");
    if (signedMessage.endsWith('\n')) signedMessage.chop(1);
    const SubmitResult sent = world_->sendFromOutside(sender, {QStringLiteral("fwd@local.test")}, signedMessage);
    QVERIFY2(sent.ok(), qPrintable(sent.problem));
    QVERIFY2(world_->receiver.waitForMessagesTo(kForwardTo, 1, 30000), qPrintable(world_->receiver.describe()));
    const ReceivedMessage forwarded = world_->receiver.messagesTo(kForwardTo).last();
    QVERIFY2(forwarded.content.startsWith("ARC-Seal: i=1;"), forwarded.content.left(400).constData());
    QVERIFY(forwarded.content.contains("\r\nARC-Message-Signature: i=1;"));
    QVERIFY(forwarded.content.contains("\r\nARC-Authentication-Results: i=1; " + kOurHost.toUtf8() + ";"));
    QVERIFY(forwarded.content.contains("d=local.test"));

    const QString path = writeTemp(QStringLiteral("forwarded.eml"), forwarded.content);
    const QString verdict = QString::fromUtf8(
        python(withDkimpyDns(kDkimpyArcVerify), {DnsmasqInstance::address(), QString::number(world_->dns.port()), path}).trimmed());
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY2(verdict.startsWith(QStringLiteral("arc=pass dkim=pass")), qPrintable(verdict));

    // The same copy changed in transit: the seal no longer holds.
    QByteArray changed = forwarded.content;
    changed.replace(message.marker.toUtf8(), "changed-in-transit");
    const QString changedPath = writeTemp(QStringLiteral("changed.eml"), changed);
    const QString broken = QString::fromUtf8(
        python(withDkimpyDns(kDkimpyArcVerify), {DnsmasqInstance::address(), QString::number(world_->dns.port()), changedPath}).trimmed());
    QVERIFY2(broken.startsWith(QStringLiteral("arc=fail dkim=fail")), qPrintable(broken));
  }
};

QTEST_GUILESS_MAIN(ItInboundAuth)
#include "tst_it_inbound_auth.moc"
