// Outbound delivery, the plain case: a local user submits a message (AUTH on
// the submission port) for a remote address; postwrd finds the MX in DNS
// (dnsmasq), connects to it (aiosmtpd), uses STARTTLS since it is offered, and
// hands over the message exactly as submitted, once. The log says so with one
// event=attempt and one event=delivered line, and the queue is empty after.

#include "support/delivery_setup.h"
#include "support/test_message.h"

#include <QRegularExpression>
#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");

QString quoted(const QString &text) { return QRegularExpression::escape(text); }
}  // namespace

class ItDeliveryDirect : public QObject {
  Q_OBJECT

 private slots:
  void submittedMailReachesTheRemoteMx_data() {
    QTest::addColumn<QString>("rcpt");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<QString>("mx");
    QTest::addColumn<QString>("peer");
    QTest::newRow("mail to remote.test goes to its MX host over TLS")
        << QStringLiteral("user@remote.test") << false << QStringLiteral("mx.remote.test") << QStringLiteral("127.0.0.1");
    QTest::newRow("with an IPv6 address and ipv6_first, the MX is reached over IPv6")
        << QStringLiteral("user@remote.test") << true << QStringLiteral("mx.remote.test") << QStringLiteral("::1");
    QTest::newRow("a domain without MX records gets the mail at its own address (implicit MX)")
        << QStringLiteral("user@nomx.test") << false << QStringLiteral("nomx.test") << QStringLiteral("127.0.0.1");
  }
  void submittedMailReachesTheRemoteMx() {
    QFETCH(QString, rcpt);
    QFETCH(bool, ipv6);
    QFETCH(QString, mx);
    QFETCH(QString, peer);
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    world.setIpv6(ipv6);
    QVERIFY2(world.start(), qPrintable(world.errorString()));

    const TestMessage message = makeMessage(kAlice, rcpt, QString::fromUtf8(QTest::currentDataTag()));
    const SubmitResult submitted = world.submit(kAlice, password, {rcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));

    QVERIFY2(world.receiver.waitForMessagesTo(rcpt, 1, 30000), qPrintable(world.receiver.describe()));
    const ReceivedMessage got = world.receiver.messagesTo(rcpt).first();
    QCOMPARE(got.mailFrom, kAlice);
    QCOMPARE(got.rcpts, QStringList{rcpt});
    QVERIFY2(got.tls, qPrintable(QStringLiteral("STARTTLS was offered but not used: ") + got.describe()));
    QCOMPARE(got.tlsVersion, QStringLiteral("TLSv1.3"));
    QCOMPARE(got.peer, peer);
    // The message as submitted, after the headers postwrd puts on top.
    QVERIFY2(got.content.endsWith(message.withCrlf()),
             qPrintable(QStringLiteral("the message was changed on the way:\n") + QString::fromUtf8(got.content)));
    const QByteArray added = got.content.left(got.content.size() - message.withCrlf().size());
    QVERIFY2(added.startsWith("Received:") || added.contains("\r\nReceived:"),
             qPrintable(QStringLiteral("no Received: header added on top:\n") + QString::fromUtf8(added)));

    const auto delivered = world.waitForEvent(QStringLiteral("delivered"), submitted.queueId,
                                              keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(quoted(rcpt))) +
                                                  keyIs(QStringLiteral("mx"), quoted(mx)),
                                              10000);
    QVERIFY2(delivered.hasMatch(), qPrintable(QStringLiteral("no `event=delivered id=%1 rcpt=%2 mx=%3` line")
                                                  .arg(submitted.queueId, rcpt, mx)));
    const auto attempts = world.events(QStringLiteral("attempt"), submitted.queueId,
                                       keyIs(QStringLiteral("mx"), quoted(mx)) +
                                           keyIs(QStringLiteral("ip"), quoted(peer)) +
                                           keyIs(QStringLiteral("tls"), QStringLiteral("TLS1\\.3|\"TLS1\\.3[^\"]*\"")) +
                                           keyIs(QStringLiteral("result"), QStringLiteral("\"250[^\"]*\"")));
    QVERIFY2(attempts.size() == 1,
             qPrintable(QStringLiteral("expected one `event=attempt id=%1 mx=%2 ip=%3 tls=TLS1.3 result=\"250 ...\"` line, got %4")
                            .arg(submitted.queueId, mx, peer)
                            .arg(attempts.size())));

    // Done with: off the queue, and no second copy turns up.
    QString error;
    QTRY_VERIFY2_WITH_TIMEOUT(!world.queueList(&error).contains(submitted.queueId) && error.isEmpty(),
                              qPrintable(error.isEmpty() ? world.queueList() : error), 10000);
    QTest::qWait(1500);
    QCOMPARE(world.receiver.messagesTo(rcpt).size(), 1);
  }

  // Recipients at one domain go in one transaction, with one copy of the data.
  void recipientsOfOneDomainShareOneTransaction() {
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    const QStringList rcpts = {QStringLiteral("one@remote.test"), QStringLiteral("two@remote.test")};
    const TestMessage message = makeMessage(kAlice, rcpts.join(QStringLiteral(", ")), QStringLiteral("two recipients"));
    const SubmitResult submitted = world.submit(kAlice, password, rcpts, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));
    QVERIFY2(world.receiver.waitForMessagesTo(rcpts[1], 1, 30000), qPrintable(world.receiver.describe()));
    QVERIFY2(world.receiver.waitForMessagesTo(rcpts[0], 1, 5000), qPrintable(world.receiver.describe()));
    QTest::qWait(1000);
    QCOMPARE(world.receiver.messages().size(), 1);
    QCOMPARE(world.receiver.messages().first().rcpts, rcpts);
    for (const QString &rcpt : rcpts) {
      QVERIFY2(world.waitForEvent(QStringLiteral("delivered"), submitted.queueId,
                                  keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(quoted(rcpt))), 10000)
                   .hasMatch(),
               qPrintable(QStringLiteral("no event=delivered for ") + rcpt));
    }
  }
};

QTEST_GUILESS_MAIN(ItDeliveryDirect)
#include "tst_it_delivery_direct.moc"
