// Input postwrd must not swallow: a message over max_message_size (552, and
// nothing kept), lines over 1000 octets (500, RFC 5321 §4.5.3.1), an HTTP
// request on an SMTP port (5xx, then closed), and a client that keeps making
// errors (closed after a bounded number, with 421 or a 5xx).

#include "support/postwrd_instance.h"
#include "support/raw_smtp_client.h"
#include "support/smtplib_client.h"
#include "support/test_message.h"

#include <QTest>

namespace {
const QString kBob = QStringLiteral("bob@local.test");
const QString kStranger = QStringLiteral("stranger@remote.example");

// A message of about `size` octets, CRLF line ends, with a unique marker.
TestMessage messageOfSize(qsizetype size) {
  TestMessage message = makeMessage(kStranger, kBob, QStringLiteral("size"));
  QByteArray filler;
  const QByteArray line = QByteArray(76, 'z') + '\n';
  while (message.text.size() + filler.size() < size) filler += line;
  message.text += filler;
  return message;
}

bool startWithBob(PostwrdInstance &postwrd) {
  postwrd.addUser(kBob, newPassword());
  postwrd.setLimit(QStringLiteral("max_message_size"), QStringLiteral("64K"));
  return postwrd.start();
}

bool openSession(RawSmtpClient &client, quint16 port) {
  return client.connectTo(PostwrdInstance::loopback(), port) && client.readReply().code == 220 &&
         client.command("EHLO client.example.test").code == 250;
}
}  // namespace

class InputLimits : public QObject {
  Q_OBJECT

 private slots:
  void messageOverTheSizeLimitGets552AfterTheData() {
    PostwrdInstance postwrd;
    QVERIFY2(startWithBob(postwrd), qPrintable(postwrd.errorString()));
    const TestMessage big = messageOfSize(200 * 1024);

    RawSmtpClient client;
    QVERIFY2(openSession(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    QCOMPARE(client.command("MAIL FROM:<stranger@remote.example>").code, 250);  // no SIZE= declared
    QCOMPARE(client.command("RCPT TO:<bob@local.test>").code, 250);
    QCOMPARE(client.command("DATA").code, 354);
    client.send(big.withCrlf() + ".\r\n");
    const SmtpReply reply = client.readReply();
    QVERIFY2(reply.code == 552, qPrintable(QStringLiteral("expected 552\n") + client.transcript()));

    QTest::qWait(500);
    QVERIFY2(PostwrdInstance::filesContaining(postwrd.configDir(), big.marker.toUtf8()).isEmpty(),
             "the refused message was kept in the spool or the Maildir");
    QVERIFY(postwrd.logMatches(PostwrdInstance::queuedPattern()).isEmpty());
  }

  // smtplib declares SIZE= on MAIL FROM (RFC 1870), so postwrd can refuse at once.
  void declaredSizeOverTheLimitGets552AtMailFrom() {
    PostwrdInstance postwrd;
    QVERIFY2(startWithBob(postwrd), qPrintable(postwrd.errorString()));
    const TestMessage big = messageOfSize(200 * 1024);
    SmtplibPlan plan;
    plan.port = postwrd.port(Role::Smtp);
    plan.mailFrom = kStranger;
    plan.rcpts = {kBob};
    plan.message = big.withCrlf();
    plan.useSendmail = true;
    const SmtplibResult result = runSmtplib(plan);
    QVERIFY2(result.setupError.isEmpty(), qPrintable(result.setupError));
    QVERIFY2(result.step(QStringLiteral("mail")).code == 552,
             qPrintable(QStringLiteral("expected 552 at MAIL FROM ... SIZE=\n") + result.report));
    QTest::qWait(300);
    QVERIFY(PostwrdInstance::filesContaining(postwrd.configDir(), big.marker.toUtf8()).isEmpty());
  }

  // Control for the two above: under the limit, the same kind of message is delivered.
  void messageUnderTheSizeLimitIsDelivered() {
    PostwrdInstance postwrd;
    QVERIFY2(startWithBob(postwrd), qPrintable(postwrd.errorString()));
    const TestMessage fits = messageOfSize(50 * 1000);
    SmtplibPlan plan;
    plan.port = postwrd.port(Role::Smtp);
    plan.mailFrom = kStranger;
    plan.rcpts = {kBob};
    plan.message = fits.withCrlf();
    plan.useSendmail = true;
    const SmtplibResult result = runSmtplib(plan);
    QVERIFY2(result.setupError.isEmpty() && result.error.isEmpty(), qPrintable(result.setupError + result.report));
    QTRY_COMPARE_WITH_TIMEOUT(postwrd.maildirFiles(kBob).size(), 1, 10000);
    QVERIFY(PostwrdInstance::readFile(postwrd.maildirFiles(kBob).first()).endsWith(fits.text));
  }

  void overLongCommandLineGets500() {
    PostwrdInstance postwrd;
    QVERIFY2(startWithBob(postwrd), qPrintable(postwrd.errorString()));
    RawSmtpClient client;
    QVERIFY2(openSession(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    const QByteArray line = "MAIL FROM:<" + QByteArray(1100, 'a') + "@remote.example>";
    const SmtpReply reply = client.command(line);
    QVERIFY2(reply.code == 500, qPrintable(QStringLiteral("expected 500\n") + client.transcript()));
  }

  // RFC 5321 §4.5.3.1.6: a text line is at most 1000 octets with its CRLF.
  // The reply comes after the final dot; any 5xx will do (500, or 554 5.6.0).
  void overLongDataLineIsRefusedAndNothingIsKept() {
    PostwrdInstance postwrd;
    QVERIFY2(startWithBob(postwrd), qPrintable(postwrd.errorString()));
    TestMessage message = makeMessage(kStranger, kBob, QStringLiteral("long line"));
    message.text += QByteArray(1500, 'y') + '\n';
    RawSmtpClient client;
    QVERIFY2(openSession(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    QCOMPARE(client.command("MAIL FROM:<stranger@remote.example>").code, 250);
    QCOMPARE(client.command("RCPT TO:<bob@local.test>").code, 250);
    QCOMPARE(client.command("DATA").code, 354);
    client.send(message.withCrlf() + ".\r\n");
    const SmtpReply reply = client.readReply();
    QVERIFY2(reply.code >= 500 && reply.code < 600, qPrintable(QStringLiteral("expected a 5xx\n") + client.transcript()));
    QTest::qWait(500);
    QVERIFY(PostwrdInstance::filesContaining(postwrd.configDir(), message.marker.toUtf8()).isEmpty());
    QVERIFY(postwrd.logMatches(PostwrdInstance::queuedPattern()).isEmpty());
  }

  void httpRequestIsRefusedAndClosed_data() {
    QTest::addColumn<int>("role");
    QTest::newRow("an HTTP request on the smtp port is refused and closed") << int(Role::Smtp);
    QTest::newRow("an HTTP request on the submission port is refused and closed") << int(Role::Submission);
  }
  void httpRequestIsRefusedAndClosed() {
    QFETCH(int, role);
    PostwrdInstance postwrd;
    QVERIFY2(startWithBob(postwrd), qPrintable(postwrd.errorString()));
    RawSmtpClient client;
    QVERIFY(client.connectTo(PostwrdInstance::loopback(), postwrd.port(Role(role))));
    // A browser speaks first, without waiting for the banner.
    client.send("GET / HTTP/1.1\r\nHost: mail.example.test\r\nUser-Agent: Mozilla/5.0\r\nAccept: */*\r\n\r\n");
    QList<SmtpReply> replies;
    for (int i = 0; i < 10; ++i) {
      const SmtpReply reply = client.readReply(5000);
      if (!reply.isValid()) break;
      replies << reply;
    }
    QVERIFY2(client.waitForClosed(5000), qPrintable(QStringLiteral("the session stayed open\n") + client.transcript()));
    bool refused = false;
    for (const SmtpReply &reply : replies) {
      if (reply.code >= 500) refused = true;
      QVERIFY2(reply.code == 220 || reply.code >= 400, qPrintable(QStringLiteral("an HTTP line got a success reply\n") + client.transcript()));
      QVERIFY2(!reply.text().contains(QLatin1String("Ok"), Qt::CaseInsensitive) || reply.code >= 400,
               qPrintable(client.transcript()));
    }
    QVERIFY2(refused, qPrintable(QStringLiteral("no 5xx before the close\n") + client.transcript()));
  }

  void repeatedErrorsCloseTheSession() {
    PostwrdInstance postwrd;
    QVERIFY2(startWithBob(postwrd), qPrintable(postwrd.errorString()));
    RawSmtpClient client;
    QVERIFY2(openSession(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    const int attempts = 100;
    int errors = 0;
    SmtpReply last;
    for (; errors < attempts; ++errors) {
      const SmtpReply reply = client.command("XYZZY plugh", 5000);
      if (!reply.isValid()) break;
      QVERIFY2(reply.code >= 400, qPrintable(client.transcript()));
      last = reply;
    }
    QVERIFY2(errors < attempts, qPrintable(QStringLiteral("still talking after %1 errors").arg(attempts)));
    QVERIFY2(client.waitForClosed(5000), qPrintable(client.transcript()));
    QVERIFY2(last.code == 421 || last.code >= 500, qPrintable(client.transcript()));
    QVERIFY(postwrd.isRunning());
  }
};

QTEST_GUILESS_MAIN(InputLimits)
#include "tst_it_input_limits.moc"
