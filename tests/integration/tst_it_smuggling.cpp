// SMTP smuggling (SEC Consult, 2023): a message carries a fake end of data
// made with a bare LF or bare CR, followed by a second, forged transaction.
// A server that takes the fake end for the real one delivers the forgery.
// postwrd must refuse the whole message with a 5xx after the real final dot
// and deliver nothing: not the outer message, not the smuggled one.
//
// The bytes are sent over a raw socket: no real client would send them.

#include "support/postwrd_instance.h"
#include "support/raw_smtp_client.h"
#include "support/test_message.h"

#include <QTest>

namespace {
const QString kBob = QStringLiteral("bob@local.test");

struct Smuggle {
  QString outerId = uniqueToken() + QStringLiteral("@outer.example");
  QString innerId = uniqueToken() + QStringLiteral("@inner.example");
  QByteArray outerMarker = "outer-" + uniqueToken().toUtf8();
  QByteArray innerMarker = "inner-" + uniqueToken().toUtf8();

  QByteArray innerTransaction() const {
    return "MAIL FROM:<ceo@partner.example>\r\n"
           "RCPT TO:<bob@local.test>\r\n"
           "DATA\r\n"
           "From: <ceo@partner.example>\r\n"
           "To: <bob@local.test>\r\n"
           "Subject: smuggled\r\n"
           "Message-ID: <" + innerId.toUtf8() + ">\r\n"
           "\r\n"
           "Please wire the money. " + innerMarker + "\r\n";
  }
  QByteArray outerStart() const {
    return "From: <stranger@remote.example>\r\n"
           "To: <bob@local.test>\r\n"
           "Subject: outer\r\n"
           "Message-ID: <" + outerId.toUtf8() + ">\r\n"
           "\r\n"
           "Hello. " + outerMarker;
  }
};

// Opens a session on the smtp port up to the 354 after DATA.
bool openData(RawSmtpClient &client, quint16 port) {
  return client.connectTo(PostwrdInstance::loopback(), port) && client.readReply().code == 220 &&
         client.command("EHLO client.example.test").code == 250 &&
         client.command("MAIL FROM:<stranger@remote.example>").code == 250 &&
         client.command("RCPT TO:<bob@local.test>").code == 250 && client.command("DATA").code == 354;
}

// A good message after the bad one: once it is delivered, anything postwrd
// accepted before it has had its chance to be delivered too.
bool deliverCanary(PostwrdInstance &postwrd, QString *messageId) {
  const TestMessage canary = makeMessage(QStringLiteral("stranger@remote.example"), kBob, QStringLiteral("canary"));
  *messageId = canary.messageId;
  RawSmtpClient client;
  if (!openData(client, postwrd.port(Role::Smtp))) return false;
  client.send(canary.withCrlf() + ".\r\n");
  if (client.readReply().code != 250) return false;
  client.command("QUIT");
  return QTest::qWaitFor([&] { return countWithMessageId(postwrd.maildirFiles(kBob), canary.messageId) == 1; }, 10000);
}
}  // namespace

class Smuggling : public QObject {
  Q_OBJECT

 private slots:
  void fakeEndOfDataIsRefused_data() {
    QTest::addColumn<QByteArray>("fakeEnd");
    QTest::newRow("<LF>.<LF> before a second transaction") << QByteArray("\n.\n");
    QTest::newRow("<LF>.<CR><LF> before a second transaction") << QByteArray("\n.\r\n");
    QTest::newRow("<CR><LF>.<LF> before a second transaction") << QByteArray("\r\n.\n");
    QTest::newRow("<CR>.<CR> before a second transaction") << QByteArray("\r.\r");
    QTest::newRow("<CR>.<CR><LF> before a second transaction") << QByteArray("\r.\r\n");
    QTest::newRow("<CR><LF>.<CR> before a second transaction") << QByteArray("\r\n.\r");
    QTest::newRow("<CR>.<LF> before a second transaction") << QByteArray("\r.\n");
    QTest::newRow("a bare LF inside a line, no smuggling") << QByteArray("\nstill the same message\r\n");
    QTest::newRow("a bare CR inside a line, no smuggling") << QByteArray("\rstill the same message\r\n");
  }
  void fakeEndOfDataIsRefused() {
    QFETCH(QByteArray, fakeEnd);
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
    const qsizetype mark = postwrd.logMark();

    const Smuggle smuggle;
    RawSmtpClient client;
    QVERIFY2(openData(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    const bool smuggling = fakeEnd.contains('.');
    client.send(smuggle.outerStart() + fakeEnd + (smuggling ? smuggle.innerTransaction() : QByteArray("More text.\r\n")) +
                ".\r\n");

    const SmtpReply verdict = client.readReply();
    QVERIFY2(verdict.code >= 500 && verdict.code < 600,
             qPrintable(QStringLiteral("expected a 5xx after the final dot\n") + client.transcript()));
    // Nothing of the forged transaction was answered: the next reply is QUIT's
    // (or postwrd has closed the session).
    const SmtpReply next = client.command("QUIT", 5000);
    QVERIFY2(!next.isValid() || next.code == 221, qPrintable(client.transcript()));
    QVERIFY2(postwrd.logMatches(PostwrdInstance::queuedPattern(), mark).isEmpty(), "a smuggling attempt was queued");

    QString canaryId;
    QVERIFY2(deliverCanary(postwrd, &canaryId), "the canary message was not delivered");
    QTest::qWait(300);
    const QStringList files = PostwrdInstance::allFiles(postwrd.maildirRoot());
    QCOMPARE(files.size(), 1);  // the canary, nothing else
    QCOMPARE(countWithMessageId(files, canaryId), 1);
    for (const QByteArray &marker : {smuggle.outerMarker, smuggle.innerMarker}) {
      QVERIFY2(PostwrdInstance::filesContaining(postwrd.configDir(), marker).isEmpty(),
               qPrintable(QStringLiteral("%1 was kept on disk").arg(QString::fromUtf8(marker))));
    }
  }

  // Control: two real transactions on one connection, built from the same
  // pieces, are both delivered, so the checks above can see a smuggled mail.
  void twoRealTransactionsAreBothDelivered() {
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const Smuggle smuggle;
    RawSmtpClient client;
    QVERIFY2(openData(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    client.send(smuggle.outerStart() + "\r\n.\r\n");
    QVERIFY2(client.readReply().code == 250, qPrintable(client.transcript()));
    const QList<QByteArray> inner = smuggle.innerTransaction().split('\n');
    QCOMPARE(client.command(inner[0].chopped(1)).code, 250);  // MAIL
    QCOMPARE(client.command(inner[1].chopped(1)).code, 250);  // RCPT
    QCOMPARE(client.command(inner[2].chopped(1)).code, 354);  // DATA
    const QByteArray innerMessage = smuggle.innerTransaction().mid(smuggle.innerTransaction().indexOf("From:"));
    client.send(innerMessage + ".\r\n");
    QVERIFY2(client.readReply().code == 250, qPrintable(client.transcript()));
    QCOMPARE(client.command("QUIT").code, 221);

    QTRY_COMPARE_WITH_TIMEOUT(countWithMessageId(postwrd.maildirFiles(kBob), smuggle.outerId), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(countWithMessageId(postwrd.maildirFiles(kBob), smuggle.innerId), 1, 10000);
    QCOMPARE(postwrd.maildirFiles(kBob).size(), 2);
  }
};

QTEST_GUILESS_MAIN(Smuggling)
#include "tst_it_smuggling.moc"
