// Delivery settings and notices beyond the basics:
//  - [delivery] source_ipv4 is the address outgoing connections come from;
//  - a message waiting longer than delay_warning earns its sender exactly one
//    delay notice (RFC 3464 Action: delayed), however many retries follow;
//  - bounces are DKIM-signed with the keys of the local domain that holds
//    postwrd's hostname, and the signature verifies (dkimpy).

#include "support/delivery_setup.h"
#include "support/process_runner.h"
#include "support/test_message.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");

QString quoted(const QString &text) { return QRegularExpression::escape(text); }
QString rcptIs(const QString &rcpt) { return keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(quoted(rcpt))); }

QString unfolded(const QByteArray &text) {
  QString out = QString::fromUtf8(text);
  out.replace(QRegularExpression(QStringLiteral("\r?\n[ \t]+")), QStringLiteral(" "));
  return out;
}

// The first header or DSN field (RFC 3464 §2.3) of this name, unfolded.
QString field(const QByteArray &message, const QString &name) {
  const QRegularExpression line(QStringLiteral("^%1:[ \\t]*(.*)$").arg(QRegularExpression::escape(name)),
                                QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
  return line.match(unfolded(message)).captured(1).trimmed();
}

// The header block's field names, in order (continuation lines skipped).
QStringList headerNames(const QByteArray &message) {
  QStringList names;
  for (const QByteArray &line : message.split('\n')) {
    const QByteArray bare = line.endsWith('\r') ? line.chopped(1) : line;
    if (bare.isEmpty()) break;
    if (bare.startsWith(' ') || bare.startsWith('\t')) continue;
    names << QString::fromUtf8(bare.left(bare.indexOf(':')));
  }
  return names;
}

// A DKIM-Signature tag (d=, s=, ...) from the header's unfolded value.
QString dkimTag(const QString &signature, const QString &tag) {
  const QRegularExpression re(QStringLiteral("(?:^|;)\\s*%1\\s*=\\s*([^;]*)").arg(QRegularExpression::escape(tag)));
  return re.match(signature).captured(1).remove(QRegularExpression(QStringLiteral("\\s"))).trimmed();
}

// alice's Maildir files that are delivery status reports.
QList<QByteArray> reports(const PostwrdInstance &postwrd, const QString &address) {
  QList<QByteArray> out;
  for (const QString &path : postwrd.maildirFiles(address)) {
    const QByteArray content = PostwrdInstance::readFile(path);
    if (field(content, QStringLiteral("Content-Type")).contains(QStringLiteral("multipart/report"), Qt::CaseInsensitive))
      out << content;
  }
  return out;
}

const char kVerifyScript[] = R"PY(
import sys
try:
    import dkim
except ImportError:
    print("python3-dkim is missing: apt-get install python3-dkim")
    sys.exit(3)
message = open(sys.argv[1], "rb").read()
record = open(sys.argv[2], "rb").read().strip()
names = []
def dnsfunc(name, timeout=5):
    names.append(name)
    return record
ok = dkim.verify(message, dnsfunc=dnsfunc)
print("verified" if ok else "NOT verified", "names asked:", names)
sys.exit(0 if ok else 1)
)PY";
}  // namespace

class ItDeliveryExtras : public QObject {
  Q_OBJECT

 private slots:
  void sourceAddressIsUsed() {
    const QString rcpt = QStringLiteral("bob@remote.test");
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    world.setDelivery(QStringLiteral("source_ipv4"), QStringLiteral("127.0.0.2"));
    QVERIFY2(world.start(), qPrintable(world.errorString()));

    const TestMessage message = makeMessage(kAlice, rcpt, QStringLiteral("from 127.0.0.2"));
    const SubmitResult submitted = world.submit(kAlice, password, {rcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));

    QVERIFY2(world.receiver.waitForMessagesTo(rcpt, 1, 30000),
             qPrintable(QStringLiteral("not delivered with source_ipv4 = 127.0.0.2\n") + world.receiver.describe()));
    QVERIFY2(world.waitForEvent(QStringLiteral("delivered"), submitted.queueId, rcptIs(rcpt), 10000).hasMatch(),
             "no event=delivered");
    const QList<ReceivedMessage> received = world.receiver.messagesTo(rcpt);
    QCOMPARE(received.size(), 1);
    QVERIFY(received.first().content.endsWith(message.withCrlf()));
    QVERIFY2(received.first().peer == QLatin1String("127.0.0.2"),
             qPrintable(QStringLiteral("the receiver saw the message come from %1, expected 127.0.0.2\n%2")
                            .arg(received.first().peer, world.receiver.describe())));
    const QList<QJsonObject> connects = world.receiver.events(QStringLiteral("connect"));
    QVERIFY(!connects.isEmpty());
    for (const QJsonObject &event : connects)
      QVERIFY2(event.value(QStringLiteral("peer")).toString() == QLatin1String("127.0.0.2"),
               qPrintable(QStringLiteral("a connection came from %1\n%2")
                              .arg(event.value(QStringLiteral("peer")).toString(), world.receiver.describe())));
  }

  void delayWarningIsSentOnce() {
    const QString rcpt = QStringLiteral("slow@remote.test");
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    world.setDelivery(QStringLiteral("retry_initial"), QStringLiteral("1s"));
    world.setDelivery(QStringLiteral("retry_max"), QStringLiteral("2s"));
    world.setDelivery(QStringLiteral("delay_warning"), QStringLiteral("2s"));
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    QVERIFY(world.receiver.setTempFail(rcpt, 1000000));  // 451 forever

    const TestMessage message = makeMessage(kAlice, rcpt, QStringLiteral("never accepted"));
    const SubmitResult submitted = world.submit(kAlice, password, {rcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));

    QTRY_VERIFY2_WITH_TIMEOUT(reports(world.postwrd, kAlice).size() >= 1,
                              qPrintable(QStringLiteral("no delay notice in alice's Maildir after 40 s; %1 RCPT attempts\n%2")
                                             .arg(world.receiver.rcptAttempts(rcpt))
                                             .arg(world.receiver.describe())),
                              40000);
    const QByteArray notice = reports(world.postwrd, kAlice).first();
    const QString text = QString::fromUtf8(notice);
    QVERIFY2(notice.startsWith("Return-Path: <>\n"),
             qPrintable(QStringLiteral("a delay notice is sent with the null sender:\n") + text.left(400)));
    QVERIFY2(field(notice, QStringLiteral("Content-Type")).contains(QStringLiteral("delivery-status"), Qt::CaseInsensitive), qPrintable(text));
    QVERIFY2(notice.contains("message/delivery-status"), qPrintable(text));
    QVERIFY2(field(notice, QStringLiteral("Action")).compare(QStringLiteral("delayed"), Qt::CaseInsensitive) == 0,
             qPrintable(QStringLiteral("Action: %1, expected delayed\n%2").arg(field(notice, QStringLiteral("Action")), text)));
    QVERIFY2(QRegularExpression(QStringLiteral("^4\\.\\d+\\.\\d+$")).match(field(notice, QStringLiteral("Status"))).hasMatch(),
             qPrintable(QStringLiteral("Status: %1, expected 4.x.x\n%2").arg(field(notice, QStringLiteral("Status")), text)));
    QVERIFY2(field(notice, QStringLiteral("Final-Recipient")).contains(rcpt, Qt::CaseInsensitive), qPrintable(text));
    const QString subject = field(notice, QStringLiteral("Subject"));
    QVERIFY2(subject.contains(QStringLiteral("delay"), Qt::CaseInsensitive),
             qPrintable(QStringLiteral("Subject: %1 does not speak of a delay").arg(subject)));
    QVERIFY2(notice.contains(message.messageId.toUtf8()), "the notice does not name the original Message-ID");

    // A few more retries: still one notice, and the message still queued.
    const int attemptsThen = world.receiver.rcptAttempts(rcpt);
    QVERIFY2(QTest::qWaitFor([&] { return world.receiver.rcptAttempts(rcpt) >= attemptsThen + 3; }, 20000),
             qPrintable(QStringLiteral("no 3 more attempts after the notice (%1 then %2)")
                            .arg(attemptsThen)
                            .arg(world.receiver.rcptAttempts(rcpt))));
    QTest::qWait(1000);  // a second notice, if queued at the last attempt, is delivered by now
    QCOMPARE(reports(world.postwrd, kAlice).size(), 1);
    QCOMPARE(world.postwrd.maildirFiles(kAlice).size(), 1);
    QCOMPARE(world.postwrd.logMatches(PostwrdInstance::eventPattern(QStringLiteral("delay_warning_queued"))).size(), 1);
    QVERIFY(world.events(QStringLiteral("bounced"), submitted.queueId).isEmpty());
    QVERIFY(world.queueList().contains(submitted.queueId));
    QCOMPARE(world.receiver.messagesTo(rcpt).size(), 0);
  }

  void bouncesAreDkimSigned() {
    // postwrd's hostname is mail.example.test (PostwrdInstance): the bounce is
    // signed with the keys of example.test when that domain is local.
    const QString signingDomain = QStringLiteral("example.test");
    const QString rcpt = QStringLiteral("nobody@remote.test");
    QString error;
    const QString python = systemPython(&error);
    QVERIFY2(!python.isEmpty(), qPrintable(error));
    {
      ProcessRequest check;
      check.program = python;
      check.arguments = {QStringLiteral("-c"), QStringLiteral("import dkim")};
      check.timeoutMs = 15000;
      const ProcessResult result = runProcess(check);
      if (!result.succeeded())
        QFAIL(qPrintable(QStringLiteral("%1 cannot import dkim (dkimpy): apt-get install python3-dkim").arg(python)));
    }

    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    world.postwrd.addDomain(signingDomain);
    QVERIFY2(world.start(), qPrintable(world.errorString()));

    const ProcessResult keygen = world.postwrd.cli(
        {QStringLiteral("dkim"), QStringLiteral("keygen"), signingDomain, QStringLiteral("--selector"), QStringLiteral("t1")});
    QVERIFY2(keygen.succeeded(), qPrintable(QStringLiteral("`postwrd dkim keygen %1 --selector t1` failed (%2): %3")
                                                .arg(signingDomain, keygen.status(), QString::fromUtf8(keygen.standardError))));
    const QList<QByteArray> lines = keygen.standardOutput.trimmed().split('\n');
    QVERIFY2(lines.size() >= 2, keygen.standardOutput.constData());
    const QString recordName = QString::fromUtf8(lines[0]).trimmed();
    const QByteArray recordValue = lines[1].trimmed();
    QCOMPARE(recordName, QStringLiteral("t1._domainkey.") + signingDomain);
    QVERIFY2(recordValue.contains("p="), recordValue.constData());
    QVERIFY2(world.postwrd.reload(), qPrintable(world.postwrd.errorString()));
    QVERIFY(world.receiver.setPermFail(rcpt));

    const TestMessage message = makeMessage(kAlice, rcpt, QStringLiteral("refused, bounced, signed"));
    const SubmitResult submitted = world.submit(kAlice, password, {rcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));
    QVERIFY2(world.waitForEvent(QStringLiteral("bounced"), submitted.queueId, rcptIs(rcpt), 30000).hasMatch(), "no event=bounced");

    QTRY_VERIFY2_WITH_TIMEOUT(reports(world.postwrd, kAlice).size() == 1, "no DSN in alice's Maildir", 30000);
    const QByteArray dsn = reports(world.postwrd, kAlice).first();
    const QString text = QString::fromUtf8(dsn);

    // Return-Path, Delivered-To and Received (added on local delivery), then
    // the signature, then the DSN's own header.
    const QStringList names = headerNames(dsn);
    qsizetype first = 0;
    while (first < names.size() &&
           (names[first].compare(QStringLiteral("Return-Path"), Qt::CaseInsensitive) == 0 ||
            names[first].compare(QStringLiteral("Delivered-To"), Qt::CaseInsensitive) == 0 ||
            names[first].compare(QStringLiteral("Received"), Qt::CaseInsensitive) == 0))
      ++first;
    QVERIFY2(first < names.size() && names[first].compare(QStringLiteral("DKIM-Signature"), Qt::CaseInsensitive) == 0,
             qPrintable(QStringLiteral("after the delivery headers comes %1, not DKIM-Signature:\n%2")
                            .arg(first < names.size() ? names[first] : QStringLiteral("nothing"), text.left(1500))));
    const QString signature = field(dsn, QStringLiteral("DKIM-Signature"));
    QCOMPARE(dkimTag(signature, QStringLiteral("d")), signingDomain);
    QCOMPARE(dkimTag(signature, QStringLiteral("s")), QStringLiteral("t1"));

    // The message as it was signed: without what the Maildir delivery added
    // in front of it (Received stays: an unsigned header above is harmless).
    QByteArray signedMessage;
    bool inHeader = true;
    bool skipping = false;
    for (const QByteArray &line : dsn.split('\n')) {
      if (inHeader) {
        if (line.isEmpty() || line == "\r") {
          inHeader = false;
        } else if (line.startsWith(' ') || line.startsWith('\t')) {
          if (skipping) continue;
        } else {
          skipping = line.startsWith("Return-Path:") || line.startsWith("Delivered-To:");
          if (skipping) continue;
        }
      }
      signedMessage += (line.endsWith('\r') ? line.chopped(1) : line) + "\r\n";
    }
    signedMessage.chop(2);  // split() gave an empty last line after the final LF, or none

    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString messagePath = scratch.filePath(QStringLiteral("bounce.eml"));
    const QString recordPath = scratch.filePath(QStringLiteral("record.txt"));
    {
      QFile file(messagePath);
      QVERIFY(file.open(QIODevice::WriteOnly) && file.write(signedMessage) == signedMessage.size());
      QFile record(recordPath);
      QVERIFY(record.open(QIODevice::WriteOnly) && record.write(recordValue) == recordValue.size());
    }
    ProcessRequest verify;
    verify.program = python;
    verify.arguments = {QStringLiteral("-c"), QString::fromLatin1(kVerifyScript), messagePath, recordPath};
    verify.timeoutMs = 30000;
    const ProcessResult verified = runProcess(verify);
    if (verified.exitCode == 3) QFAIL("python3-dkim is missing: apt-get install python3-dkim");
    QVERIFY2(verified.succeeded(),
             qPrintable(QStringLiteral("dkim.verify() of the bounce failed (%1): %2%3\n%4")
                            .arg(verified.status(), QString::fromUtf8(verified.standardOutput),
                                 QString::fromUtf8(verified.standardError), text.left(3000))));
  }
};

QTEST_GUILESS_MAIN(ItDeliveryExtras)
#include "tst_it_delivery_extras.moc"
