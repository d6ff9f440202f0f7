// Temporary failures are retried with a growing delay, and a message is handed
// over exactly once in the end:
//  - a receiver answering 451 twice, then 250, gets the message once, on the
//    third attempt, with two event=deferred lines before it;
//  - the queue survives a restart: a message waiting for its retry when
//    postwrd stops is delivered after it starts again.

#include "support/delivery_setup.h"
#include "support/test_message.h"

#include <QRegularExpression>
#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");
const QString kRcpt = QStringLiteral("slow@remote.test");

QString quoted(const QString &text) { return QRegularExpression::escape(text); }
QString rcptIs(const QString &rcpt) { return keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(quoted(rcpt))); }
}  // namespace

class ItDeliveryRetry : public QObject {
  Q_OBJECT

 private slots:
  void twoTemporaryFailuresThenDeliveredOnce() {
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    QVERIFY(world.receiver.setTempFail(kRcpt, 2));

    const TestMessage message = makeMessage(kAlice, kRcpt, QStringLiteral("451 twice"));
    const SubmitResult submitted = world.submit(kAlice, password, {kRcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));

    // retry_initial = 1s: attempts at about 0 s, 1 s and 3 s.
    QVERIFY2(world.receiver.waitForMessagesTo(kRcpt, 1, 60000),
             qPrintable(QStringLiteral("not delivered after two 451s\n") + world.receiver.describe()));
    QVERIFY2(world.waitForEvent(QStringLiteral("delivered"), submitted.queueId, rcptIs(kRcpt), 10000).hasMatch(),
             "no event=delivered");
    QTest::qWait(2500);  // a retry too many would show up by now
    QCOMPARE(world.receiver.messagesTo(kRcpt).size(), 1);
    QCOMPARE(world.receiver.rcptAttempts(kRcpt), 3);
    QVERIFY(world.receiver.messagesTo(kRcpt).first().content.endsWith(message.withCrlf()));

    QCOMPARE(world.events(QStringLiteral("deferred"), submitted.queueId, rcptIs(kRcpt)).size(), 2);
    QVERIFY2(world.events(QStringLiteral("deferred"), submitted.queueId, keyIs(QStringLiteral("reason"), QStringLiteral("\"[^\"]*451[^\"]*\"")))
                     .size() == 2,
             "the deferral reason should quote the receiver's 451 reply");
    QCOMPARE(world.events(QStringLiteral("attempt"), submitted.queueId, rcptIs(kRcpt)).size(), 3);
    QVERIFY(world.events(QStringLiteral("bounced"), submitted.queueId).isEmpty());

    // The operator sees when the next try comes, and it comes later each time.
    const auto deferred = world.events(QStringLiteral("deferred"), submitted.queueId,
                                       rcptIs(kRcpt) + QStringLiteral("(?=[^\\n]*\\snext_attempt_in=(\\d+))"));
    QVERIFY2(deferred.size() == 2,
             qPrintable(QStringLiteral("%1 event=deferred lines with next_attempt_in=SECONDS, expected 2").arg(deferred.size())));
    const int first = deferred[0].captured(1).toInt();
    const int second = deferred[1].captured(1).toInt();
    QVERIFY2(first >= 1 && second >= first,
             qPrintable(QStringLiteral("next_attempt_in=%1 then %2: the delay must not shrink").arg(first).arg(second)));
  }

  void aMessageWaitingForItsRetryIsDeliveredAfterARestart() {
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    world.setDelivery(QStringLiteral("retry_initial"), QStringLiteral("3s"));
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    QVERIFY(world.receiver.setTempFail(kRcpt, 1));

    const TestMessage message = makeMessage(kAlice, kRcpt, QStringLiteral("restart mid-backoff"));
    const SubmitResult submitted = world.submit(kAlice, password, {kRcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));
    QVERIFY2(world.waitForEvent(QStringLiteral("deferred"), submitted.queueId, rcptIs(kRcpt), 30000).hasMatch(),
             "no event=deferred after the first 451");

    QVERIFY2(world.postwrd.stop(), qPrintable(world.postwrd.errorString()));
    QString error;
    const QString listed = world.queueList(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY2(listed.contains(submitted.queueId),
             qPrintable(QStringLiteral("`postwrd queue list` with postwrd stopped does not show %1:\n%2").arg(submitted.queueId, listed)));
    QCOMPARE(world.receiver.messagesTo(kRcpt).size(), 0);

    const qsizetype mark = world.postwrd.logMark();
    QVERIFY2(world.postwrd.restart(), qPrintable(world.postwrd.errorString()));
    QVERIFY2(world.receiver.waitForMessagesTo(kRcpt, 1, 60000),
             qPrintable(QStringLiteral("not delivered after the restart\n") + world.receiver.describe()));
    QVERIFY2(world.waitForEvent(QStringLiteral("delivered"), submitted.queueId, rcptIs(kRcpt), 10000, mark).hasMatch(),
             "no event=delivered after the restart");
    QTest::qWait(1500);
    QCOMPARE(world.receiver.messagesTo(kRcpt).size(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(!world.queueList().contains(submitted.queueId), 10000);
  }
};

QTEST_GUILESS_MAIN(ItDeliveryRetry)
#include "tst_it_delivery_retry.moc"
