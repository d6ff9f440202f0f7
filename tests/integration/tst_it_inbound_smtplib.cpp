// Mail from the outside world on the smtp (MX) port, sent with Python's
// smtplib: local users and aliases get it, unknown users get 550 5.1.1, and
// other domains are never relayed to (550 5.7.1 or 554).

#include "support/postwrd_instance.h"
#include "support/smtplib_client.h"
#include "support/test_message.h"

#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");
const QString kBob = QStringLiteral("bob@local.test");
const QString kStranger = QStringLiteral("stranger@remote.example");

QString describe(const SmtplibResult &result) {
  return result.setupError.isEmpty() ? QStringLiteral("smtplib report: ") + result.report : result.setupError;
}
}  // namespace

class InboundSmtplib : public QObject {
  Q_OBJECT

 private slots:
  void deliveredToLocalUser_data() {
    QTest::addColumn<QString>("rcpt");
    QTest::addColumn<bool>("startTls");
    QTest::addColumn<bool>("ipv6");
    QTest::newRow("plain SMTP to a local user lands in its Maildir") << kBob << false << false;
    QTest::newRow("SMTP with STARTTLS to a local user lands in its Maildir") << kBob << true << false;
    QTest::newRow("SMTP over IPv6 loopback lands in the Maildir") << kBob << false << true;
    QTest::newRow("a +suffix and dropped dots reach the same user") << QStringLiteral("b.o.b+news@local.test") << false << false;
  }
  void deliveredToLocalUser() {
    QFETCH(QString, rcpt);
    QFETCH(bool, startTls);
    QFETCH(bool, ipv6);
    PostwrdInstance postwrd;
    postwrd.addUser(kAlice, newPassword());
    postwrd.addUser(kBob, newPassword());
    postwrd.setIpv6Smtp(ipv6);
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const TestMessage message = makeMessage(kStranger, rcpt, QString::fromUtf8(QTest::currentDataTag()));
    SmtplibPlan plan;
    plan.host = ipv6 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
    plan.port = ipv6 ? postwrd.ipv6SmtpPort() : postwrd.port(Role::Smtp);
    plan.startTls = startTls;
    plan.mailFrom = kStranger;
    plan.rcpts = {rcpt};
    plan.message = message.withCrlf();
    plan.useSendmail = true;
    const SmtplibResult result = runSmtplib(plan);
    QVERIFY2(result.setupError.isEmpty() && result.error.isEmpty(), qPrintable(describe(result)));
    QVERIFY2(result.refused.isEmpty(), qPrintable(describe(result)));
    if (startTls) QCOMPARE(result.step(QStringLiteral("starttls")).code, 220);

    QTRY_COMPARE_WITH_TIMEOUT(postwrd.maildirFiles(kBob).size(), 1, 10000);
    const QString problem = checkDeliveredFile(PostwrdInstance::readFile(postwrd.maildirFiles(kBob).first()), message,
                                               kStranger, rcpt == kBob ? kBob : QString());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(postwrd.maildirFiles(kAlice).isEmpty());
    QVERIFY2(postwrd.waitForLog(PostwrdInstance::deliveredPattern({}, kBob), 10000).hasMatch(),
             "no event=delivered rcpt=bob@local.test");
  }

  void aliasReachesEveryLocalTarget() {
    PostwrdInstance postwrd;
    postwrd.addUser(kAlice, newPassword());
    postwrd.addUser(kBob, newPassword());
    postwrd.setAliases(QStringLiteral("local.test"), QStringLiteral("sales: alice@local.test, bob@local.test\n"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const TestMessage message = makeMessage(kStranger, QStringLiteral("sales@local.test"), QStringLiteral("alias"));
    SmtplibPlan plan;
    plan.port = postwrd.port(Role::Smtp);
    plan.mailFrom = kStranger;
    plan.rcpts = {QStringLiteral("sales@local.test")};
    plan.message = message.withCrlf();
    plan.useSendmail = true;
    const SmtplibResult result = runSmtplib(plan);
    QVERIFY2(result.setupError.isEmpty() && result.error.isEmpty(), qPrintable(describe(result)));
    QTRY_COMPARE_WITH_TIMEOUT(postwrd.maildirFiles(kAlice).size(), 1, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(postwrd.maildirFiles(kBob).size(), 1, 10000);
    QTest::qWait(300);  // and no second copy turns up
    QCOMPARE(countWithMessageId(postwrd.maildirFiles(kAlice), message.messageId), 1);
    QCOMPARE(countWithMessageId(postwrd.maildirFiles(kBob), message.messageId), 1);
  }

  void refusedRecipient_data() {
    QTest::addColumn<QString>("rcpt");
    QTest::addColumn<QString>("expected");  // regular expression on "CODE TEXT"
    QTest::newRow("relay to a non-local domain is denied")
        << QStringLiteral("someone@remote.example") << QStringLiteral("^(550 5\\.7\\.1|554)\\b");
    QTest::newRow("an unknown local user gets 550 5.1.1") << QStringLiteral("nobody@local.test")
                                                          << QStringLiteral("^550 5\\.1\\.1\\b");
  }
  void refusedRecipient() {
    QFETCH(QString, rcpt);
    QFETCH(QString, expected);
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const TestMessage message = makeMessage(kStranger, rcpt, QStringLiteral("refused"));
    SmtplibPlan plan;
    plan.port = postwrd.port(Role::Smtp);
    plan.mailFrom = kStranger;
    plan.rcpts = {rcpt};
    plan.message = message.withCrlf();
    const SmtplibResult result = runSmtplib(plan);
    QVERIFY2(result.setupError.isEmpty() && result.error.isEmpty(), qPrintable(describe(result)));
    QCOMPARE(result.step(QStringLiteral("mail")).code, 250);
    QCOMPARE(result.rcpts.size(), 1);
    QVERIFY2(QRegularExpression(expected).match(result.rcpts.first().toString()).hasMatch(),
             qPrintable(QStringLiteral("RCPT got `%1`, expected /%2/").arg(result.rcpts.first().toString(), expected)));
    QVERIFY(!result.steps.contains(QStringLiteral("data")));
    QTest::qWait(300);
    QVERIFY(PostwrdInstance::filesContaining(postwrd.configDir(), message.marker.toUtf8()).isEmpty());
    QVERIFY(postwrd.logMatches(PostwrdInstance::queuedPattern()).isEmpty());
  }

  // smtplib's sendmail() goes on when some recipients are refused: only the
  // accepted ones get the mail.
  void partlyRefusedRecipientsGetNothing() {
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const TestMessage message = makeMessage(kStranger, kBob, QStringLiteral("partly refused"));
    SmtplibPlan plan;
    plan.port = postwrd.port(Role::Smtp);
    plan.mailFrom = kStranger;
    plan.rcpts = {QStringLiteral("nobody@local.test"), kBob, QStringLiteral("someone@remote.example")};
    plan.message = message.withCrlf();
    plan.useSendmail = true;
    const SmtplibResult result = runSmtplib(plan);
    QVERIFY2(result.setupError.isEmpty() && result.error.isEmpty(), qPrintable(describe(result)));
    QCOMPARE(result.refused.size(), 2);
    QVERIFY(result.refused.contains(QStringLiteral("nobody@local.test")));
    QVERIFY(result.refused.contains(QStringLiteral("someone@remote.example")));
    QTRY_COMPARE_WITH_TIMEOUT(postwrd.maildirFiles(kBob).size(), 1, 10000);
    QTest::qWait(300);
    QCOMPARE(PostwrdInstance::filesContaining(postwrd.maildirRoot(), message.marker.toUtf8()).size(), 1);
  }
};

QTEST_GUILESS_MAIN(InboundSmtplib)
#include "tst_it_inbound_smtplib.moc"
