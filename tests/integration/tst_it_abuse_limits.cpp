// The limits that keep abusers in check, each against a real postwrd on
// loopback, other clients played by other 127.x addresses: connections per
// client and in all (421 before the greeting), commands per minute (a
// pipelined flood is cut off), a command sent a byte at a time times out as
// if nothing had come (slowloris) while slow message data does not, the
// session time limit, and failed logins per client: answered ever more
// slowly, then refused (454) without a password check, logged for fail2ban.

#include "support/postwrd_instance.h"
#include "support/raw_smtp_client.h"
#include "support/smtplib_client.h"
#include "support/test_message.h"

#include <QElapsedTimer>
#include <QTest>

namespace {
const QString kBob = QStringLiteral("bob@local.test");
const QHostAddress kSecondClient(QStringLiteral("127.0.0.2"));
const QHostAddress kThirdClient(QStringLiteral("127.0.0.3"));

// A session that got its greeting, or why not.
bool greeted(RawSmtpClient &client, quint16 port, const QHostAddress &source = QHostAddress()) {
  return client.connectTo(PostwrdInstance::loopback(), port, 5000, source) && client.readReply().code == 220;
}

SmtplibPlan loginPlan(const PostwrdInstance &postwrd, const QString &password, const QString &source = {}) {
  SmtplibPlan plan;
  plan.port = postwrd.port(Role::Submission);
  plan.startTls = true;
  plan.login = kBob;
  plan.password = password;
  plan.mechanism = QStringLiteral("PLAIN");
  plan.source = source;
  return plan;
}
}  // namespace

class AbuseLimits : public QObject {
  Q_OBJECT

 private slots:
  void connectionsPerClientAreLimited() {
    PostwrdInstance postwrd;
    postwrd.setLimit(QStringLiteral("connections_per_client"), QStringLiteral("2"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
    const quint16 port = postwrd.port(Role::Smtp);

    RawSmtpClient first, second, third, elsewhere;
    QVERIFY2(greeted(first, port), qPrintable(first.transcript()));
    QVERIFY2(greeted(second, port), qPrintable(second.transcript()));
    QVERIFY(third.connectTo(PostwrdInstance::loopback(), port));
    const SmtpReply refused = third.readReply();
    QVERIFY2(refused.code == 421 && refused.enhancedCode() == QLatin1String("4.7.0") &&
                 refused.text().contains(QLatin1String("Too many connections from your address")),
             qPrintable(third.transcript()));
    QVERIFY(third.waitForClosed());
    QVERIFY(postwrd.waitForLog(PostwrdInstance::eventPattern(QStringLiteral("connection_refused"),
                                                             QStringLiteral("client=127\\.0\\.0\\.1 ")))
                .hasMatch());

    QVERIFY2(greeted(elsewhere, port, kSecondClient), qPrintable(elsewhere.transcript()));

    // A connection that ends gives its place back.
    first.close();
    bool admitted = false;
    for (int attempt = 0; attempt < 20 && !admitted; ++attempt) {
      RawSmtpClient again;
      admitted = greeted(again, port);
      if (!admitted) QTest::qWait(100);
    }
    QVERIFY2(admitted, "a client below its limit again was still refused");
  }

  void connectionsInAllAreLimited() {
    PostwrdInstance postwrd;
    postwrd.setLimit(QStringLiteral("connections"), QStringLiteral("2"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
    const quint16 port = postwrd.port(Role::Smtp);

    RawSmtpClient first, second, third;
    QVERIFY2(greeted(first, port), qPrintable(first.transcript()));
    QVERIFY2(greeted(second, port, kSecondClient), qPrintable(second.transcript()));
    QVERIFY(third.connectTo(PostwrdInstance::loopback(), port, 5000, kThirdClient));
    const SmtpReply refused = third.readReply();
    QVERIFY2(refused.code == 421 && refused.text().contains(QLatin1String("Too many connections; try again later")),
             qPrintable(third.transcript()));
    QVERIFY(third.waitForClosed());
  }

  void aFloodOfCommandsIsCutOff() {
    PostwrdInstance postwrd;
    postwrd.setLimit(QStringLiteral("commands_per_minute"), QStringLiteral("20"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
    const quint16 port = postwrd.port(Role::Smtp);

    RawSmtpClient calm;
    QVERIFY2(greeted(calm, port), qPrintable(calm.transcript()));
    for (int i = 0; i < 10; ++i) QCOMPARE(calm.command("NOOP").code, 250);

    RawSmtpClient flood;
    QVERIFY2(greeted(flood, port), qPrintable(flood.transcript()));
    QByteArray commands;
    for (int i = 0; i < 50; ++i) commands += "NOOP\r\n";
    flood.send(commands);
    int answered = 0;
    SmtpReply reply;
    for (int i = 0; i < 50; ++i) {
      reply = flood.readReply();
      if (reply.code != 250) break;
      ++answered;
    }
    QCOMPARE(answered, 20);
    QVERIFY2(reply.code == 421 && reply.text().contains(QLatin1String("Too many commands")), qPrintable(flood.transcript()));
    QVERIFY(flood.waitForClosed());
    QCOMPARE(calm.command("NOOP").code, 250);
  }

  void aCommandSentByteByByteTimesOut() {
    PostwrdInstance postwrd;
    postwrd.setLimit(QStringLiteral("command_timeout"), QStringLiteral("2"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    RawSmtpClient slow;
    QVERIFY2(greeted(slow, postwrd.port(Role::Smtp)), qPrintable(slow.transcript()));
    QElapsedTimer clock;
    clock.start();
    // One byte every 300 ms: each read would have restarted a per-read timeout.
    const QByteArray command = "EHLO slowloris.example.test";
    for (int i = 0; i < command.size() && slow.isConnected() && clock.elapsed() < 8000; ++i) {
      slow.send(command.mid(i, 1));
      QTest::qWait(300);
    }
    const SmtpReply reply = slow.readReply(5000);
    QVERIFY2(reply.code == 421 && reply.enhancedCode() == QLatin1String("4.4.2"), qPrintable(slow.transcript()));
    QVERIFY2(clock.elapsed() < 6000, qPrintable(QStringLiteral("timed out only after %1 ms").arg(clock.elapsed())));
    QVERIFY(slow.waitForClosed());
  }

  void slowMessageDataIsNotCutOff() {
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    postwrd.setLimit(QStringLiteral("command_timeout"), QStringLiteral("2"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    RawSmtpClient client;
    QVERIFY2(greeted(client, postwrd.port(Role::Smtp)), qPrintable(client.transcript()));
    QCOMPARE(client.command("EHLO sender.example.test").code, 250);
    QCOMPARE(client.command("MAIL FROM:<someone@sender.example.test>").code, 250);
    QCOMPARE(client.command("RCPT TO:<bob@local.test>").code, 250);
    QCOMPARE(client.command("DATA").code, 354);
    // Five seconds of data, more than the command timeout, a line a second.
    client.send("From: <someone@sender.example.test>\r\nTo: <bob@local.test>\r\nSubject: slow\r\n\r\n");
    for (int i = 0; i < 5; ++i) {
      QTest::qWait(1000);
      client.send("a line that took its time\r\n");
    }
    const SmtpReply reply = client.command(".");
    QVERIFY2(reply.code == 250, qPrintable(client.transcript()));
  }

  void aSessionEndsAtItsTimeLimit() {
    PostwrdInstance postwrd;
    postwrd.setLimit(QStringLiteral("session_timeout"), QStringLiteral("3s"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    RawSmtpClient busy;
    QVERIFY2(greeted(busy, postwrd.port(Role::Smtp)), qPrintable(busy.transcript()));
    QElapsedTimer clock;
    clock.start();
    SmtpReply reply;
    // Never idle, so only the session's own limit can end it.
    while (clock.elapsed() < 10000) {
      reply = busy.command("NOOP");
      if (reply.code != 250) break;
      QTest::qWait(300);
    }
    QVERIFY2(reply.code == 421 && reply.enhancedCode() == QLatin1String("4.7.0") &&
                 reply.text().contains(QLatin1String("Session too long")),
             qPrintable(busy.transcript()));
    QVERIFY2(clock.elapsed() >= 2500 && clock.elapsed() < 8000,
             qPrintable(QStringLiteral("ended after %1 ms").arg(clock.elapsed())));
    QVERIFY(postwrd.waitForLog(PostwrdInstance::eventPattern(QStringLiteral("session_too_long"))).hasMatch());
  }

  void failedLoginsAreSlowedThenRefused() {
    PostwrdInstance postwrd;
    const QString password = newPassword();
    postwrd.addUser(kBob, password);
    postwrd.setLimit(QStringLiteral("auth_failures"), QStringLiteral("3"));
    postwrd.setLimit(QStringLiteral("auth_block"), QStringLiteral("1m"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    // Each failure after the first is answered later: 0, 1 and 2 seconds.
    const int leastDelayMs[] = {0, 1000, 2000};
    for (int attempt = 0; attempt < 3; ++attempt) {
      QElapsedTimer clock;
      clock.start();
      const SmtplibResult result = runSmtplib(loginPlan(postwrd, QStringLiteral("wrong-%1").arg(attempt)));
      QVERIFY2(result.setupError.isEmpty(), qPrintable(result.setupError));
      QVERIFY2(result.step(QStringLiteral("login")).code == 535, qPrintable(result.report));
      QVERIFY2(clock.elapsed() >= leastDelayMs[attempt],
               qPrintable(QStringLiteral("failure %1 answered after %2 ms").arg(attempt + 1).arg(clock.elapsed())));
    }

    // Now even the right password is not checked, and the client is told for how long.
    const SmtplibResult refused = runSmtplib(loginPlan(postwrd, password));
    const SmtplibReply login = refused.step(QStringLiteral("login"));
    QVERIFY2(login.code == 454 && login.text.contains(QLatin1String("4.7.0")) &&
                 login.text.contains(QLatin1String("try again in 1 minute")),
             qPrintable(refused.report));

    // Another client is not punished for it.
    const SmtplibResult other = runSmtplib(loginPlan(postwrd, password, kSecondClient.toString()));
    QVERIFY2(other.step(QStringLiteral("login")).code == 235, qPrintable(other.report));

    const auto failed = postwrd.logMatches(PostwrdInstance::eventPattern(
        QStringLiteral("auth"), QStringLiteral("client=127\\.0\\.0\\.1 user=bob@local\\.test result=failed")));
    QCOMPARE(failed.size(), 3);
    const auto throttled = postwrd.logMatches(PostwrdInstance::eventPattern(
        QStringLiteral("auth"), QStringLiteral("client=127\\.0\\.0\\.1 user=bob@local\\.test result=throttled")));
    QCOMPARE(throttled.size(), 1);
    QCOMPARE(postwrd.logMatches(PostwrdInstance::eventPattern(
                                    QStringLiteral("auth"), QStringLiteral("client=127\\.0\\.0\\.2 [^\\n]*result=ok")))
                 .size(),
             1);
    QVERIFY2(!postwrd.log().contains(password), "a password is in the log");
  }
};

QTEST_GUILESS_MAIN(AbuseLimits)
#include "tst_it_abuse_limits.moc"
