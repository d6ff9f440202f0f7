// A 250 is a promise: the message is on disk (fsynced) before it. Killing
// postwrd with SIGKILL at any moment after the 250, and starting it again,
// delivers the message exactly once: never lost, never twice. A message cut
// off before its final dot was never accepted and is never delivered.

#include "support/postwrd_instance.h"
#include "support/raw_smtp_client.h"
#include "support/test_message.h"

#include <QDir>
#include <QFile>
#include <QTest>

namespace {
const QString kBob = QStringLiteral("bob@local.test");
const QString kStranger = QStringLiteral("stranger@remote.example");

bool openData(RawSmtpClient &client, quint16 port) {
  return client.connectTo(PostwrdInstance::loopback(), port) && client.readReply().code == 220 &&
         client.command("EHLO client.example.test").code == 250 &&
         client.command("MAIL FROM:<stranger@remote.example>").code == 250 &&
         client.command("RCPT TO:<bob@local.test>").code == 250 && client.command("DATA").code == 354;
}

// Sends a message and waits for its delivery: anything recovered from the
// spool at start-up has had time to be delivered too.
bool deliverCanary(PostwrdInstance &postwrd) {
  const TestMessage canary = makeMessage(kStranger, kBob, QStringLiteral("canary"));
  RawSmtpClient client;
  if (!openData(client, postwrd.port(Role::Smtp))) return false;
  client.send(canary.withCrlf() + ".\r\n");
  if (client.readReply().code != 250) return false;
  return QTest::qWaitFor([&] { return countWithMessageId(postwrd.maildirFiles(kBob), canary.messageId) == 1; }, 10000);
}
}  // namespace

class CrashSafety : public QObject {
  Q_OBJECT

 private slots:
  void acceptedMessageIsDeliveredExactlyOnce_data() {
    QTest::addColumn<int>("delayMs");           // -1: wait for event=delivered
    QTest::addColumn<bool>("blockMailbox");     // make the first delivery attempt fail
    QTest::newRow("killed the instant the 250 arrives") << 0 << false;
    QTest::newRow("killed 20 ms after the 250") << 20 << false;
    QTest::newRow("killed right after the delivery was logged") << -1 << false;
    // Deterministically "accepted but not yet delivered": a plain file where
    // bob's Maildir should be makes delivery fail (even for root) until removed.
    QTest::newRow("killed while the delivery could not be made") << 500 << true;
  }
  void acceptedMessageIsDeliveredExactlyOnce() {
    QFETCH(int, delayMs);
    QFETCH(bool, blockMailbox);
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
    const QString blocker = postwrd.maildirRoot() + QStringLiteral("/local.test/bob");
    if (blockMailbox) {
      QVERIFY(QDir().mkpath(postwrd.maildirRoot() + QStringLiteral("/local.test")));
      QFile file(blocker);
      QVERIFY(file.open(QIODevice::WriteOnly));
      file.write("not a Maildir\n");
    }

    const TestMessage message = makeMessage(kStranger, kBob, QString::fromUtf8(QTest::currentDataTag()));
    RawSmtpClient client;
    QVERIFY2(openData(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    client.send(message.withCrlf() + ".\r\n");
    const SmtpReply accepted = client.readReply();
    if (delayMs == 0) postwrd.kill9();
    QVERIFY2(accepted.code == 250, qPrintable(client.transcript()));
    static const QRegularExpression queuedAs(QStringLiteral("queued as (\\S+)"));
    const QString id = queuedAs.match(accepted.text()).captured(1);
    QVERIFY2(!id.isEmpty(), qPrintable(client.transcript()));
    if (delayMs > 0) {
      QTest::qWait(delayMs);
      postwrd.kill9();
    } else if (delayMs < 0) {
      QVERIFY2(postwrd.waitForLog(PostwrdInstance::deliveredPattern(id, kBob), 10000).hasMatch(),
               qPrintable(QStringLiteral("no event=delivered id=%1").arg(id)));
      postwrd.kill9();
    }
    QVERIFY(!postwrd.isRunning());
    client.close();
    // Which case this run hit depends on timing; say which, to read the results right.
    const bool deliveredBeforeKill = !postwrd.logMatches(PostwrdInstance::deliveredPattern(id, kBob)).isEmpty();
    qInfo("%s", deliveredBeforeKill ? "postwrd had delivered before SIGKILL" : "postwrd was killed before delivering");
    if (blockMailbox) {
      QVERIFY2(!deliveredBeforeKill, "postwrd claims a delivery into a Maildir that cannot exist");
      QVERIFY(QFile::remove(blocker));
    }

    QVERIFY2(postwrd.restart(), qPrintable(postwrd.errorString()));
    QTRY_VERIFY2_WITH_TIMEOUT(countWithMessageId(postwrd.maildirFiles(kBob), message.messageId) >= 1,
                              "the accepted message was lost", 15000);
    QVERIFY2(deliverCanary(postwrd), "the canary was not delivered after the restart");
    QTest::qWait(1000);  // a late duplicate has time to show up
    QCOMPARE(countWithMessageId(postwrd.maildirFiles(kBob), message.messageId), 1);
    // Delivered local mail leaves the queue.
    QTRY_VERIFY2_WITH_TIMEOUT(PostwrdInstance::filesContaining(postwrd.spoolDir(), message.marker.toUtf8()).isEmpty(),
                              "the delivered message is still in the spool", 10000);
    QVERIFY2(postwrd.stop(), qPrintable(postwrd.errorString()));
  }

  void messageCutOffBeforeTheFinalDotIsNeverDelivered() {
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const TestMessage message = makeMessage(kStranger, kBob, QStringLiteral("cut off"));
    RawSmtpClient client;
    QVERIFY2(openData(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    client.send(message.withCrlf());  // no final dot
    QTest::qWait(300);
    postwrd.kill9();
    client.close();

    QVERIFY2(postwrd.restart(), qPrintable(postwrd.errorString()));
    QVERIFY2(deliverCanary(postwrd), "the canary was not delivered after the restart");
    QTest::qWait(1000);
    QVERIFY(PostwrdInstance::filesContaining(postwrd.maildirRoot(), message.marker.toUtf8()).isEmpty());
  }
};

QTEST_GUILESS_MAIN(CrashSafety)
#include "tst_it_crash_safety.moc"
