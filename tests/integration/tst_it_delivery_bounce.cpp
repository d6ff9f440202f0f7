// Permanent failures bounce: the local sender gets a delivery status
// notification (RFC 3464: multipart/report; report-type=delivery-status) in
// its Maildir, sent with the null sender, saying Action: failed and a 5.x.x
// Status. A message that itself has the null sender is never bounced, so two
// servers can never bounce at each other forever (RFC 5321 §4.5.5).

#include "support/delivery_setup.h"
#include "support/raw_smtp_client.h"
#include "support/test_message.h"

#include <QRegularExpression>
#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");

QString quoted(const QString &text) { return QRegularExpression::escape(text); }
QString rcptIs(const QString &rcpt) { return keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(quoted(rcpt))); }

// The first header or DSN field (RFC 3464 §2.3) of this name, unfolded.
QString field(const QByteArray &dsn, const QString &name) {
  const QRegularExpression line(QStringLiteral("^%1:[ \\t]*(.*)$").arg(QRegularExpression::escape(name)),
                                QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
  QString text = QString::fromUtf8(dsn);
  text.replace(QRegularExpression(QStringLiteral("\r?\n[ \t]+")), QStringLiteral(" "));  // unfold
  return line.match(text).captured(1).trimmed();
}
}  // namespace

class ItDeliveryBounce : public QObject {
  Q_OBJECT

 private slots:
  void permanentFailureBouncesToTheLocalSender_data() {
    QTest::addColumn<QString>("rcpt");
    QTest::addColumn<bool>("refusedByReceiver");  // else never reaches it
    QTest::addColumn<QString>("status");          // regular expression
    QTest::newRow("550 from the receiver: a DSN with the receiver's status")
        << QStringLiteral("nobody@remote.test") << true << QStringLiteral("5\\.1\\.1");
    QTest::newRow("a null MX domain: bounced without any connection")
        << QStringLiteral("user@nullmx.test") << false << QStringLiteral("5\\.\\d+\\.\\d+");
    QTest::newRow("a domain that does not exist: bounced without any connection")
        << QStringLiteral("user@nowhere.test") << false << QStringLiteral("5\\.\\d+\\.\\d+");
  }
  void permanentFailureBouncesToTheLocalSender() {
    QFETCH(QString, rcpt);
    QFETCH(bool, refusedByReceiver);
    QFETCH(QString, status);
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    if (refusedByReceiver) QVERIFY(world.receiver.setPermFail(rcpt));

    const TestMessage message = makeMessage(kAlice, rcpt, QString::fromUtf8(QTest::currentDataTag()));
    const SubmitResult submitted = world.submit(kAlice, password, {rcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));

    const auto bounced = world.waitForEvent(QStringLiteral("bounced"), submitted.queueId, rcptIs(rcpt), 30000);
    QVERIFY2(bounced.hasMatch(), qPrintable(QStringLiteral("no event=bounced id=%1 rcpt=%2").arg(submitted.queueId, rcpt)));
    const auto queued = world.waitForEvent(QStringLiteral("bounce_queued"), {},
                                           keyIs(QStringLiteral("for"), quoted(submitted.queueId)) +
                                               keyIs(QStringLiteral("to"), QStringLiteral("<?%1>?").arg(quoted(kAlice))),
                                           10000);
    QVERIFY2(queued.hasMatch(), qPrintable(QStringLiteral("no event=bounce_queued for=%1 to=%2").arg(submitted.queueId, kAlice)));

    QTRY_VERIFY2_WITH_TIMEOUT(world.postwrd.maildirFiles(kAlice).size() == 1, "no DSN in alice's Maildir", 30000);
    const QByteArray dsn = PostwrdInstance::readFile(world.postwrd.maildirFiles(kAlice).first());
    QVERIFY2(dsn.startsWith("Return-Path: <>\n"),
             qPrintable(QStringLiteral("a DSN is sent with the null sender:\n") + QString::fromUtf8(dsn.left(400))));
    const QString type = field(dsn, QStringLiteral("Content-Type"));
    QVERIFY2(type.contains(QStringLiteral("multipart/report"), Qt::CaseInsensitive) &&
                 type.contains(QStringLiteral("delivery-status"), Qt::CaseInsensitive),
             qPrintable(QString::fromUtf8(dsn)));
    QVERIFY2(dsn.contains("message/delivery-status"), qPrintable(QString::fromUtf8(dsn)));
    QVERIFY2(field(dsn, QStringLiteral("Action")).compare(QStringLiteral("failed"), Qt::CaseInsensitive) == 0,
             qPrintable(QString::fromUtf8(dsn)));
    QVERIFY2(QRegularExpression(QStringLiteral("^%1$").arg(status)).match(field(dsn, QStringLiteral("Status"))).hasMatch(),
             qPrintable(QStringLiteral("Status: %1, expected /%2/\n%3").arg(field(dsn, QStringLiteral("Status")), status, QString::fromUtf8(dsn))));
    QVERIFY2(field(dsn, QStringLiteral("Final-Recipient")).contains(rcpt, Qt::CaseInsensitive),
             qPrintable(QString::fromUtf8(dsn)));
    // The sender can tell which message it was.
    QVERIFY2(dsn.contains(message.messageId.toUtf8()), "the DSN does not name the original Message-ID");

    if (!refusedByReceiver)
      QCOMPARE(world.receiver.events(QStringLiteral("connect")).size(), 0);
    else
      QCOMPARE(world.receiver.rcptAttempts(rcpt), 1);  // a 5xx is not retried
    QTRY_VERIFY_WITH_TIMEOUT(!world.queueList().contains(submitted.queueId), 10000);
  }

  void aMessageWithTheNullSenderIsNeverBounced() {
    const QString lost = QStringLiteral("nobody@remote.test");
    DeliverySetup world;
    world.postwrd.setAliases(QStringLiteral("local.test"), QStringLiteral("lost: %1\n").arg(lost));
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    QVERIFY(world.receiver.setPermFail(lost));

    // A bounce from elsewhere, forwarded by the alias, refused by the receiver.
    RawSmtpClient client;
    QVERIFY(client.connectTo(PostwrdInstance::loopback(), world.postwrd.port(Role::Smtp)));
    QCOMPARE(client.readReply().code, 220);
    QCOMPARE(client.command("EHLO mx.outside.test").code, 250);
    QCOMPARE(client.command("MAIL FROM:<>").code, 250);
    QCOMPARE(client.command("RCPT TO:<lost@local.test>").code, 250);
    QCOMPARE(client.command("DATA").code, 354);
    const TestMessage message = makeMessage(QStringLiteral("MAILER-DAEMON@outside.test"), QStringLiteral("lost@local.test"),
                                            QStringLiteral("a bounce"));
    QByteArray data = message.withCrlf();
    data.replace("\r\n.", "\r\n..");  // dot-stuffing (RFC 5321 §4.5.2)
    client.send(data + ".\r\n");
    const SmtpReply accepted = client.readReply();
    QVERIFY2(accepted.code == 250, qPrintable(client.transcript()));

    QVERIFY2(world.waitForEvent(QStringLiteral("bounced"), {}, rcptIs(lost), 30000).hasMatch(), "no event=bounced");
    QTest::qWait(2000);
    QVERIFY2(world.postwrd.logMatches(PostwrdInstance::eventPattern(QStringLiteral("bounce_queued"))).isEmpty(),
             "a bounce was queued for a message with the null sender");
    QCOMPARE(world.receiver.messages().size(), 0);
  }
};

QTEST_GUILESS_MAIN(ItDeliveryBounce)
#include "tst_it_delivery_bounce.moc"
