// `postwrd queue list | flush | drop ID` against a running daemon: list shows
// each waiting message with its sender, recipients, attempts and last error;
// flush makes the daemon retry now (SIGUSR1, found through SPOOL/postwrd.pid);
// drop removes a message for good.

#include "support/delivery_setup.h"
#include "support/test_message.h"

#include <QRegularExpression>
#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");
const QString kKeep = QStringLiteral("keep@remote.test");
const QString kDrop = QStringLiteral("drop@remote.test");

QString quoted(const QString &text) { return QRegularExpression::escape(text); }
QString rcptIs(const QString &rcpt) { return keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(quoted(rcpt))); }

QString lineOf(const QString &listing, const QString &queueId) {
  for (const QString &line : listing.split(QLatin1Char('\n')))
    if (line.startsWith(queueId)) return line;
  return {};
}
}  // namespace

class ItDeliveryQueue : public QObject {
  Q_OBJECT

 private slots:
  void listFlushAndDrop() {
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    world.setDelivery(QStringLiteral("retry_initial"), QStringLiteral("1h"));  // only flush retries
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    QVERIFY(world.receiver.setTempFail(kKeep, 1));
    QVERIFY(world.receiver.setTempFail(kDrop, 1000));

    const TestMessage keep = makeMessage(kAlice, kKeep, QStringLiteral("to keep"));
    const TestMessage drop = makeMessage(kAlice, kDrop, QStringLiteral("to drop"));
    const SubmitResult kept = world.submit(kAlice, password, {kKeep}, keep.forSwaks());
    QVERIFY2(kept.ok(), qPrintable(kept.problem));
    const SubmitResult dropped = world.submit(kAlice, password, {kDrop}, drop.forSwaks());
    QVERIFY2(dropped.ok(), qPrintable(dropped.problem));
    QVERIFY2(world.waitForEvent(QStringLiteral("deferred"), kept.queueId, rcptIs(kKeep), 30000).hasMatch(), "not deferred");
    QVERIFY2(world.waitForEvent(QStringLiteral("deferred"), dropped.queueId, rcptIs(kDrop), 30000).hasMatch(), "not deferred");

    // list: one line per message: id, age, sender, recipients, attempts, last error.
    QString error;
    const QString listing = world.queueList(&error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (const auto &[id, rcpt] : {std::pair{kept.queueId, kKeep}, std::pair{dropped.queueId, kDrop}}) {
      const QString line = lineOf(listing, id);
      QVERIFY2(!line.isEmpty(), qPrintable(QStringLiteral("%1 is not listed:\n%2").arg(id, listing)));
      QVERIFY2(line.contains(kAlice), qPrintable(line));
      QVERIFY2(line.contains(rcpt), qPrintable(line));
      QVERIFY2(line.contains(QRegularExpression(QStringLiteral("\\battempts=1\\b"))), qPrintable(line));
      QVERIFY2(line.contains(QStringLiteral("451")), qPrintable(QStringLiteral("no last error in: ") + line));
    }

    // drop: gone from the list, and never delivered.
    const ProcessResult removed = world.postwrd.cli({QStringLiteral("queue"), QStringLiteral("drop"), dropped.queueId});
    QVERIFY2(removed.succeeded(), qPrintable(removed.status() + QStringLiteral(": ") + QString::fromUtf8(removed.standardError)));
    QVERIFY2(lineOf(world.queueList(), dropped.queueId).isEmpty(), qPrintable(world.queueList()));
    const ProcessResult unknown = world.postwrd.cli({QStringLiteral("queue"), QStringLiteral("drop"), QStringLiteral("NOSUCHID")});
    QVERIFY2(unknown.started && !unknown.timedOut && unknown.exitCode != 0, "dropping an unknown id must fail");
    QVERIFY(!unknown.standardError.isEmpty());

    // flush: the daemon retries now, not in an hour.
    QTest::qWait(1000);
    QCOMPARE(world.receiver.messages().size(), 0);
    const qsizetype mark = world.postwrd.logMark();
    const ProcessResult flushed = world.postwrd.cli({QStringLiteral("queue"), QStringLiteral("flush")});
    QVERIFY2(flushed.succeeded(), qPrintable(flushed.status() + QStringLiteral(": ") + QString::fromUtf8(flushed.standardError)));
    QVERIFY2(world.receiver.waitForMessagesTo(kKeep, 1, 15000),
             qPrintable(QStringLiteral("not delivered after `postwrd queue flush`\n") + world.receiver.describe()));
    QVERIFY(world.waitForEvent(QStringLiteral("delivered"), kept.queueId, rcptIs(kKeep), 10000, mark).hasMatch());
    QTest::qWait(1500);
    QCOMPARE(world.receiver.rcptAttempts(kDrop), 1);  // the dropped one was not tried again
    QVERIFY(world.receiver.messagesTo(kDrop).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(lineOf(world.queueList(), kept.queueId).isEmpty(), 10000);
  }

  void flushWithoutADaemonSaysSo() {
    DeliverySetup world;
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    QVERIFY2(world.postwrd.stop(), qPrintable(world.postwrd.errorString()));
    const ProcessResult flushed = world.postwrd.cli({QStringLiteral("queue"), QStringLiteral("flush")});
    QVERIFY2(flushed.started && !flushed.timedOut && flushed.exitCode != 0,
             qPrintable(QStringLiteral("`postwrd queue flush` with no daemon: ") + flushed.status()));
    QVERIFY(!flushed.standardError.isEmpty());
  }
};

QTEST_GUILESS_MAIN(ItDeliveryQueue)
#include "tst_it_delivery_queue.moc"
