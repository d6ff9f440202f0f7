// Forwarding by alias to a remote address (the catch-all `*: me@gmail.test`):
//  - mail from an outside sender leaves with an SRS0 envelope sender of the SRS
//    domain (so SPF passes at the receiver), its headers untouched;
//  - a bounce sent back to that SRS0 address on the MX port is accepted and
//    reaches the original sender, wherever its mailbox is;
//  - a message that has already been through 50 hops (Received: headers) is a
//    loop and is bounced, not forwarded again (RFC 5321 §6.3).

#include "support/delivery_setup.h"
#include "support/raw_smtp_client.h"
#include "support/test_message.h"

#include <QRegularExpression>
#include <QTest>

namespace {
const QString kForwardTo = QStringLiteral("me@gmail.test");
const QString kCarol = QStringLiteral("carol@home.test");

QString quoted(const QString &text) { return QRegularExpression::escape(text); }

// "SRS0=HASH=TT=outside.test=stranger@local.test" (the SRS domain is local.test).
const QRegularExpression kSrs0(QStringLiteral("^SRS0[=+-][^@]+@local\\.test$"), QRegularExpression::CaseInsensitiveOption);

// A bounce as a remote MX would send it: null sender, to the SRS address.
TestMessage makeBounce(const QString &to, const QString &originalMessageId) {
  TestMessage bounce;
  const QString token = uniqueToken();
  bounce.messageId = QStringLiteral("%1@mx.gmail.test").arg(token);
  bounce.marker = QStringLiteral("bounce-marker-%1").arg(token);
  bounce.text = QStringLiteral(
                    "From: Mail Delivery System <MAILER-DAEMON@mx.gmail.test>\n"
                    "To: <%1>\n"
                    "Subject: Undelivered Mail Returned to Sender\n"
                    "Message-ID: <%2>\n"
                    "Date: Sat, 28 Nov 2026 10:05:00 +0000\n"
                    "MIME-Version: 1.0\n"
                    "Content-Type: text/plain; charset=us-ascii\n"
                    "\n"
                    "The mailbox me@gmail.test is full; the message <%3> was not delivered.\n"
                    "%4\n")
                    .arg(to, bounce.messageId, originalMessageId, bounce.marker)
                    .toUtf8();
  return bounce;
}

// Sends with the null sender (MAIL FROM:<>), which swaks cannot be asked for
// portably; the reply to each step is checked.
QString sendNullSender(quint16 port, const QString &rcpt, const TestMessage &message) {
  RawSmtpClient client;
  if (!client.connectTo(PostwrdInstance::loopback(), port)) return QStringLiteral("cannot connect");
  const auto expect = [&client](const QByteArray &command, int code) -> QString {
    const SmtpReply reply = command.isEmpty() ? client.readReply() : client.command(command);
    if (reply.code != code)
      return QStringLiteral("`%1` got %2, expected %3\n%4")
          .arg(QString::fromUtf8(command), reply.toString())
          .arg(code)
          .arg(client.transcript());
    return {};
  };
  for (const auto &[command, code] : QList<QPair<QByteArray, int>>{{QByteArray(), 220},
                                                                   {"EHLO mx.gmail.test", 250},
                                                                   {"MAIL FROM:<>", 250},
                                                                   {"RCPT TO:<" + rcpt.toUtf8() + ">", 250},
                                                                   {"DATA", 354}}) {
    if (QString problem = expect(command, code); !problem.isEmpty()) return problem;
  }
  QByteArray data = message.withCrlf();
  data.replace("\r\n.", "\r\n..");  // dot-stuffing (RFC 5321 §4.5.2)
  client.send(data + ".\r\n");
  const SmtpReply reply = client.readReply();
  if (reply.code != 250) return QStringLiteral("DATA got %1\n%2").arg(reply.toString(), client.transcript());
  client.command("QUIT");
  return {};
}

QByteArray withReceivedHeaders(const TestMessage &message, int count) {
  QByteArray headers;
  for (int hop = count; hop >= 1; --hop)
    headers += QStringLiteral("Received: from hop%1.outside.test (hop%1.outside.test [192.0.2.%2])\n"
                              "\tby hop%3.outside.test with ESMTP id H%1; Sat, 28 Nov 2026 09:%4:00 +0000\n")
                   .arg(hop)
                   .arg(hop % 250 + 1)
                   .arg(hop + 1)
                   .arg(hop % 60, 2, 10, QLatin1Char('0'))
                   .toUtf8();
  return headers + message.text;
}
}  // namespace

class ItDeliveryForwarding : public QObject {
  Q_OBJECT

 private slots:
  // The forwarded copy, then a bounce for it sent back to its SRS address.
  void catchAllForwardingWithSrsAndItsBounce_data() {
    QTest::addColumn<QString>("sender");
    QTest::addColumn<bool>("senderIsLocal");
    QTest::newRow("an outside sender: the bounce goes back out to its MX")
        << QStringLiteral("stranger@outside.test") << false;
    QTest::newRow("a sender with a mailbox here: the bounce lands in its Maildir") << kCarol << true;
  }
  void catchAllForwardingWithSrsAndItsBounce() {
    QFETCH(QString, sender);
    QFETCH(bool, senderIsLocal);
    DeliverySetup world;
    world.postwrd.setAliases(QStringLiteral("local.test"), QStringLiteral("*: %1\n").arg(kForwardTo));
    world.postwrd.addUser(kCarol, newPassword());
    QVERIFY2(world.start(), qPrintable(world.errorString()));

    // 1. Mail from the sender, arriving on the MX port for anyone@local.test.
    const TestMessage message =
        makeMessage(sender, QStringLiteral("anyone@local.test"), QString::fromUtf8(QTest::currentDataTag()));
    const SubmitResult sent = world.sendFromOutside(sender, {QStringLiteral("anyone@local.test")}, message.forSwaks());
    QVERIFY2(sent.ok(), qPrintable(sent.problem));
    QVERIFY2(world.receiver.waitForMessagesTo(kForwardTo, 1, 30000), qPrintable(world.receiver.describe()));
    const ReceivedMessage forwarded = world.receiver.messagesTo(kForwardTo).first();
    qInfo("forwarded with MAIL FROM:<%s>", qPrintable(forwarded.mailFrom));
    QCOMPARE(forwarded.rcpts, QStringList{kForwardTo});
    QVERIFY2(forwarded.tls, qPrintable(forwarded.describe()));
    if (!senderIsLocal) {
      QVERIFY2(kSrs0.match(forwarded.mailFrom).hasMatch(),
               qPrintable(QStringLiteral("MAIL FROM:<%1>, expected an SRS0 address @local.test").arg(forwarded.mailFrom)));
      QVERIFY2(forwarded.mailFrom.contains(QStringLiteral("outside.test"), Qt::CaseInsensitive) &&
                   forwarded.mailFrom.contains(QStringLiteral("stranger"), Qt::CaseInsensitive),
               qPrintable(QStringLiteral("the SRS0 address %1 does not hold the original sender").arg(forwarded.mailFrom)));
    } else {
      // Either rewritten (SRS0) or, since this server is home.test's own MX,
      // left as it is; both are addresses that reach carol.
      QVERIFY2(kSrs0.match(forwarded.mailFrom).hasMatch() || forwarded.mailFrom == kCarol,
               qPrintable(QStringLiteral("MAIL FROM:<%1>").arg(forwarded.mailFrom)));
    }
    // Headers and body byte for byte; postwrd only adds trace headers on top.
    QVERIFY2(forwarded.content.endsWith(message.withCrlf()),
             qPrintable(QStringLiteral("the forwarded message was changed:\n") + QString::fromUtf8(forwarded.content)));
    QVERIFY2(world.waitForEvent(QStringLiteral("delivered"), {},
                                keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(quoted(kForwardTo))), 10000)
                 .hasMatch(),
             "no event=delivered rcpt=me@gmail.test");

    // 2. gmail.test bounces it, to the envelope sender it was given.
    const TestMessage bounce = makeBounce(forwarded.mailFrom, message.messageId);
    const QString problem = sendNullSender(world.postwrd.port(Role::Smtp), forwarded.mailFrom, bounce);
    QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("the bounce to %1 was not accepted: %2").arg(forwarded.mailFrom, problem)));

    if (senderIsLocal) {
      QTRY_VERIFY2_WITH_TIMEOUT(countWithMessageId(world.postwrd.maildirFiles(kCarol), bounce.messageId) == 1,
                                qPrintable(QStringLiteral("the bounce did not reach %1's Maildir").arg(kCarol)), 30000);
      const QByteArray file = PostwrdInstance::readFile(world.postwrd.maildirFiles(kCarol).first());
      QVERIFY2(file.startsWith("Return-Path: <>\n"),
               qPrintable(QStringLiteral("a bounce keeps the null sender:\n") + QString::fromUtf8(file.left(300))));
      QVERIFY(file.endsWith(bounce.text));
    } else {
      QVERIFY2(world.receiver.waitForMessagesTo(sender, 1, 30000),
               qPrintable(QStringLiteral("the bounce never reached %1\n").arg(sender) + world.receiver.describe()));
      const ReceivedMessage back = world.receiver.messagesTo(sender).first();
      QCOMPARE(back.mailFrom, QString());  // still the null sender: no bounce loops
      QVERIFY2(back.content.endsWith(bounce.withCrlf()), qPrintable(QString::fromUtf8(back.content)));
    }
    QTest::qWait(1000);
    QCOMPARE(world.receiver.messagesTo(kForwardTo).size(), 1);
  }

  // RFC 5321 §6.3: a message that has gone round too many times is a loop.
  void tooManyHopsAreBouncedNotForwarded_data() {
    QTest::addColumn<int>("hops");
    QTest::addColumn<bool>("forwarded");
    QTest::newRow("30 Received: headers are forwarded") << 30 << true;
    QTest::newRow("50 Received: headers are a loop: bounced, not forwarded") << 50 << false;
  }
  void tooManyHopsAreBouncedNotForwarded() {
    QFETCH(int, hops);
    QFETCH(bool, forwarded);
    const QString sender = QStringLiteral("stranger@outside.test");
    DeliverySetup world;
    world.postwrd.setAliases(QStringLiteral("local.test"), QStringLiteral("*: %1\n").arg(kForwardTo));
    QVERIFY2(world.start(), qPrintable(world.errorString()));

    TestMessage message = makeMessage(sender, QStringLiteral("anyone@local.test"), QString::fromUtf8(QTest::currentDataTag()));
    message.text = withReceivedHeaders(message, hops);
    const SubmitResult sent = world.sendFromOutside(sender, {QStringLiteral("anyone@local.test")}, message.forSwaks());
    if (forwarded) {
      QVERIFY2(sent.ok(), qPrintable(sent.problem));
      QVERIFY2(world.receiver.waitForMessagesTo(kForwardTo, 1, 30000), qPrintable(world.receiver.describe()));
      QVERIFY(world.receiver.messagesTo(kForwardTo).first().content.endsWith(message.withCrlf()));
      return;
    }
    // A loop: refused at DATA (5xx), or accepted and then bounced to the
    // sender. Never forwarded.
    qInfo("the looping message was %s", sent.ok() ? "accepted, to be bounced" : "refused at DATA");
    if (sent.ok()) {
      QVERIFY2(world.waitForEvent(QStringLiteral("bounced"), {}, {}, 30000).hasMatch(),
               "accepted, but no event=bounced for the looping message");
      QVERIFY2(world.receiver.waitForMessagesTo(sender, 1, 30000),
               qPrintable(QStringLiteral("no bounce (DSN) reached the sender\n") + world.receiver.describe()));
      const ReceivedMessage dsn = world.receiver.messagesTo(sender).first();
      QCOMPARE(dsn.mailFrom, QString());
      QVERIFY2(dsn.header(QStringLiteral("Content-Type")).contains(QStringLiteral("multipart/report"), Qt::CaseInsensitive),
               qPrintable(dsn.describe()));
    } else {
      QVERIFY2(sent.problem.contains(QRegularExpression(QStringLiteral("\\b55[0-9] "))), qPrintable(sent.problem));
    }
    QTest::qWait(1500);
    QVERIFY2(world.receiver.messagesTo(kForwardTo).isEmpty(),
             qPrintable(QStringLiteral("the looping message was forwarded\n") + world.receiver.describe()));
  }
};

QTEST_GUILESS_MAIN(ItDeliveryForwarding)
#include "tst_it_delivery_forwarding.moc"
