// SIGHUP makes postwrd re-read users (and the rest of its configuration);
// nothing else does. Sessions open across the reload go on undisturbed.

#include "support/postwrd_instance.h"
#include "support/raw_smtp_client.h"
#include "support/swaks.h"
#include "support/test_message.h"

#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");
const QString kBob = QStringLiteral("bob@local.test");
const QString kNewcomer = QStringLiteral("newcomer@local.test");

SwaksResult submit(PostwrdInstance &postwrd, const QString &user, const QString &password, const TestMessage &message) {
  SwaksRequest request;
  request.port = postwrd.port(Role::Submission);
  request.tls = SwaksRequest::Tls::StartTls;
  request.authMechanism = QStringLiteral("PLAIN");
  request.user = user;
  request.password = password;
  request.from = user;
  request.to = {kAlice};
  request.data = message.forSwaks();
  return runSwaks(request);
}
}  // namespace

class SighupReload : public QObject {
  Q_OBJECT

 private slots:
  void userAddedWhileRunningCanAuthenticateAfterSighup() {
    PostwrdInstance postwrd;
    postwrd.addUser(kAlice, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    // A session opened before the reload, in the middle of a transaction.
    RawSmtpClient session;
    QVERIFY(session.connectTo(PostwrdInstance::loopback(), postwrd.port(Role::Smtp)));
    QCOMPARE(session.readReply().code, 220);
    QCOMPARE(session.command("EHLO client.example.test").code, 250);
    QCOMPARE(session.command("MAIL FROM:<stranger@remote.example>").code, 250);

    const QString password = newPassword();
    QVERIFY2(postwrd.cliAddUser(kNewcomer, password), qPrintable(postwrd.errorString()));
    const SwaksResult before = submit(postwrd, kNewcomer, password, makeMessage(kNewcomer, kAlice, QStringLiteral("before")));
    QVERIFY2(before.setupError.isEmpty(), qPrintable(before.setupError));
    QVERIFY2(before.firstError().code == 535,
             qPrintable(QStringLiteral("the new user authenticated before SIGHUP: postwrd must re-read only on SIGHUP\n") +
                        before.describe()));

    QVERIFY2(postwrd.reload(), qPrintable(postwrd.errorString()));

    // The old session finishes its transaction.
    QVERIFY2(session.isConnected(), qPrintable(QStringLiteral("SIGHUP dropped the session\n") + session.transcript()));
    const TestMessage old = makeMessage(QStringLiteral("stranger@remote.example"), kAlice, QStringLiteral("across the reload"));
    QVERIFY2(session.command("RCPT TO:<alice@local.test>").code == 250, qPrintable(session.transcript()));
    QVERIFY2(session.command("DATA").code == 354, qPrintable(session.transcript()));
    session.send(old.withCrlf() + ".\r\n");
    QVERIFY2(session.readReply().code == 250, qPrintable(session.transcript()));
    QVERIFY2(session.command("QUIT").code == 221, qPrintable(session.transcript()));

    const TestMessage fresh = makeMessage(kNewcomer, kAlice, QStringLiteral("after"));
    const SwaksResult after = submit(postwrd, kNewcomer, password, fresh);
    QVERIFY2(after.exitCode() == 0 && after.hasReply(235), qPrintable(after.describe()));

    QTRY_COMPARE_WITH_TIMEOUT(postwrd.maildirFiles(kAlice).size(), 2, 10000);
    QCOMPARE(countWithMessageId(postwrd.maildirFiles(kAlice), old.messageId), 1);
    QCOMPARE(countWithMessageId(postwrd.maildirFiles(kAlice), fresh.messageId), 1);
    QVERIFY2(postwrd.stop(), qPrintable(postwrd.errorString()));
  }

  void userRemovedWhileRunningIsRefusedAfterSighup() {
    PostwrdInstance postwrd;
    const QString password = newPassword();
    postwrd.addUser(kAlice, newPassword());
    postwrd.addUser(kBob, password);
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const ProcessResult removed = postwrd.cli({QStringLiteral("user"), QStringLiteral("remove"), kBob});
    QVERIFY2(removed.succeeded(), qPrintable(removed.status() + QLatin1Char(' ') + QString::fromUtf8(removed.standardError)));
    QVERIFY2(postwrd.reload(), qPrintable(postwrd.errorString()));

    const SwaksResult refused = submit(postwrd, kBob, password, makeMessage(kBob, kAlice, QStringLiteral("removed")));
    QVERIFY2(refused.setupError.isEmpty(), qPrintable(refused.setupError));
    QVERIFY2(refused.firstError().code == 535, qPrintable(refused.describe()));

    // And bob@ is no longer a mailbox.
    RawSmtpClient client;
    QVERIFY(client.connectTo(PostwrdInstance::loopback(), postwrd.port(Role::Smtp)));
    QCOMPARE(client.readReply().code, 220);
    QCOMPARE(client.command("EHLO client.example.test").code, 250);
    QCOMPARE(client.command("MAIL FROM:<stranger@remote.example>").code, 250);
    const SmtpReply rcpt = client.command("RCPT TO:<bob@local.test>");
    QVERIFY2(rcpt.code == 550 && rcpt.enhancedCode() == QLatin1String("5.1.1"), qPrintable(client.transcript()));
  }
};

QTEST_GUILESS_MAIN(SighupReload)
#include "tst_it_sighup_reload.moc"
