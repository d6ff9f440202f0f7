// Authenticated submission with swaks: AUTH PLAIN and AUTH LOGIN, over
// STARTTLS on the submission port and over implicit TLS on submissions. The
// mail lands in the recipient's Maildir exactly as sent; a wrong password or
// an unknown user gets 535 and nothing is delivered.

#include "support/postwrd_instance.h"
#include "support/swaks.h"
#include "support/test_message.h"

#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");
const QString kBob = QStringLiteral("bob@local.test");

SwaksRequest::Tls tlsMode(const QString &name) {
  return name == QLatin1String("implicit") ? SwaksRequest::Tls::Implicit : SwaksRequest::Tls::StartTls;
}

void addRows() {
  QTest::addColumn<int>("role");
  QTest::addColumn<QString>("tls");
  QTest::addColumn<QString>("mechanism");
  QTest::newRow("AUTH PLAIN over STARTTLS on submission") << int(Role::Submission) << "starttls" << "PLAIN";
  QTest::newRow("AUTH LOGIN over STARTTLS on submission") << int(Role::Submission) << "starttls" << "LOGIN";
  QTest::newRow("AUTH PLAIN over implicit TLS on submissions") << int(Role::Submissions) << "implicit" << "PLAIN";
  QTest::newRow("AUTH LOGIN over implicit TLS on submissions") << int(Role::Submissions) << "implicit" << "LOGIN";
}
}  // namespace

class SubmissionAuth : public QObject {
  Q_OBJECT

 private slots:
  void authenticatedMailIsDeliveredExactly_data() { addRows(); }
  void authenticatedMailIsDeliveredExactly() {
    QFETCH(int, role);
    QFETCH(QString, tls);
    QFETCH(QString, mechanism);
    PostwrdInstance postwrd;
    const QString password = newPassword();
    postwrd.addUser(kAlice, password);
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const TestMessage message = makeMessage(kAlice, kBob, QString::fromUtf8(QTest::currentDataTag()));
    SwaksRequest request;
    request.port = postwrd.port(Role(role));
    request.tls = tlsMode(tls);
    request.authMechanism = mechanism;
    request.user = kAlice;
    request.password = password;
    request.from = kAlice;
    request.to = {kBob};
    request.data = message.forSwaks();
    const qsizetype mark = postwrd.logMark();
    const SwaksResult swaks = runSwaks(request);
    QVERIFY2(swaks.setupError.isEmpty(), qPrintable(swaks.setupError));
    QVERIFY2(swaks.exitCode() == 0, qPrintable(swaks.describe()));
    QVERIFY2(swaks.hasReply(235), qPrintable(QStringLiteral("no 235 after AUTH\n") + swaks.describe()));

    // The QID in the 250 is the one postwrd logs, queued and then delivered.
    const QString id = swaks.queuedId();
    QVERIFY2(!id.isEmpty(), qPrintable(QStringLiteral("no `250 2.0.0 Ok: queued as QID`\n") + swaks.describe()));
    QVERIFY2(!postwrd.logMatches(PostwrdInstance::queuedPattern(id), mark).isEmpty(),
             qPrintable(QStringLiteral("no event=queued id=%1 before the 250").arg(id)));
    QVERIFY2(postwrd.waitForLog(PostwrdInstance::deliveredPattern(id, kBob), 10000, mark).hasMatch(),
             qPrintable(QStringLiteral("no event=delivered id=%1 rcpt=%2").arg(id, kBob)));

    const QStringList files = postwrd.maildirFiles(kBob);
    QCOMPARE(files.size(), 1);
    const QString problem = checkDeliveredFile(PostwrdInstance::readFile(files.first()), message, kAlice, kBob);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(postwrd.maildirFiles(kAlice).isEmpty());
  }

  void wrongPasswordGets535_data() { addRows(); }
  void wrongPasswordGets535() {
    QFETCH(int, role);
    QFETCH(QString, tls);
    QFETCH(QString, mechanism);
    PostwrdInstance postwrd;
    postwrd.addUser(kAlice, newPassword());
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    SwaksRequest request;
    request.port = postwrd.port(Role(role));
    request.tls = tlsMode(tls);
    request.authMechanism = mechanism;
    request.user = kAlice;
    request.password = newPassword();  // not Alice's
    request.from = kAlice;
    request.to = {kBob};
    request.data = makeMessage(kAlice, kBob, QStringLiteral("wrong password")).forSwaks();
    const SwaksResult swaks = runSwaks(request);
    QVERIFY2(swaks.setupError.isEmpty(), qPrintable(swaks.setupError));
    QVERIFY2(swaks.exitCode() == 28, qPrintable(QStringLiteral("expected swaks exit 28 (AUTH error)\n") + swaks.describe()));
    const SwaksServerLine error = swaks.firstError();
    QVERIFY2(error.code == 535, qPrintable(swaks.describe()));
    QVERIFY2(error.text.startsWith(QLatin1String("5.7.8")),
             qPrintable(QStringLiteral("expected 535 5.7.8 (RFC 4954 §6)\n") + swaks.describe()));
    QVERIFY(!swaks.hasReply(235));
    QTest::qWait(300);
    QVERIFY(PostwrdInstance::allFiles(postwrd.maildirRoot()).isEmpty());
  }

  // No user enumeration: an unknown user gets the same answer as a wrong password.
  void unknownUserGetsTheSameAnswerAsAWrongPassword() {
    PostwrdInstance postwrd;
    postwrd.addUser(kAlice, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    SwaksRequest request;
    request.port = postwrd.port(Role::Submission);
    request.tls = SwaksRequest::Tls::StartTls;
    request.authMechanism = QStringLiteral("PLAIN");
    request.password = newPassword();
    request.from = kAlice;
    request.to = {kAlice};
    request.quitAfter = QStringLiteral("AUTH");

    request.user = kAlice;
    const SwaksResult wrongPassword = runSwaks(request);
    request.user = QStringLiteral("nobody@local.test");
    const SwaksResult unknownUser = runSwaks(request);
    QVERIFY2(wrongPassword.setupError.isEmpty(), qPrintable(wrongPassword.setupError));
    QCOMPARE(wrongPassword.firstError().code, 535);
    QCOMPARE(unknownUser.firstError().code, 535);
    QCOMPARE(unknownUser.firstError().text, wrongPassword.firstError().text);
  }
};

QTEST_GUILESS_MAIN(SubmissionAuth)
#include "tst_it_submission_auth.moc"
