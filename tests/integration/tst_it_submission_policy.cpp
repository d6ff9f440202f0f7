// The rules of the submission ports: STARTTLS before AUTH (530 5.7.0), AUTH
// before MAIL (530 5.7.0), an authenticated user sends only from their own
// domain (5xx 5.7.x), and may relay to any domain (the mail is queued).

#include "support/postwrd_instance.h"
#include "support/raw_smtp_client.h"
#include "support/swaks.h"
#include "support/test_message.h"

#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");
const QString kCarol = QStringLiteral("carol@other.test");
}  // namespace

class SubmissionPolicy : public QObject {
  Q_OBJECT

 private slots:
  void authBeforeStartTlsIsRefused_data() {
    QTest::addColumn<QString>("mechanism");
    QTest::newRow("AUTH PLAIN before STARTTLS on submission is refused") << "PLAIN";
    QTest::newRow("AUTH LOGIN before STARTTLS on submission is refused") << "LOGIN";
  }
  void authBeforeStartTlsIsRefused() {
    QFETCH(QString, mechanism);
    PostwrdInstance postwrd;
    const QString password = newPassword();
    postwrd.addUser(kAlice, password);
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    RawSmtpClient client;
    QVERIFY(client.connectTo(PostwrdInstance::loopback(), postwrd.port(Role::Submission)));
    QCOMPARE(client.readReply().code, 220);
    const SmtpReply ehlo = client.command("EHLO client.example.test");
    QCOMPARE(ehlo.code, 250);
    for (const QString &line : ehlo.lines)
      QVERIFY2(!line.startsWith(QLatin1String("AUTH"), Qt::CaseInsensitive),
               qPrintable(QStringLiteral("AUTH advertised before STARTTLS: ") + line));

    // Real credentials, so a 235 here would be a real hole, not a bad guess.
    SmtpReply auth;
    if (mechanism == QLatin1String("PLAIN")) {
      client.sendSecret("AUTH PLAIN " + (QByteArray(1, '\0') + kAlice.toUtf8() + '\0' + password.toUtf8()).toBase64() + "\r\n");
      auth = client.readReply();
    } else {
      auth = client.command("AUTH LOGIN");  // no 334: the exchange must not even start
    }
    QVERIFY2(auth.code == 530 && auth.enhancedCode() == QLatin1String("5.7.0"),
             qPrintable(QStringLiteral("expected 530 5.7.0\n") + client.transcript()));
    // Not authenticated, and still not allowed to send.
    const SmtpReply mail = client.command("MAIL FROM:<alice@local.test>");
    QVERIFY2(mail.code == 530 && mail.enhancedCode() == QLatin1String("5.7.0"), qPrintable(client.transcript()));
  }

  void mailBeforeAuthIsRefused_data() {
    QTest::addColumn<int>("role");
    QTest::addColumn<bool>("implicitTls");
    QTest::newRow("MAIL before AUTH over STARTTLS on submission is refused") << int(Role::Submission) << false;
    QTest::newRow("MAIL before AUTH over implicit TLS on submissions is refused") << int(Role::Submissions) << true;
  }
  void mailBeforeAuthIsRefused() {
    QFETCH(int, role);
    QFETCH(bool, implicitTls);
    PostwrdInstance postwrd;
    postwrd.addUser(kAlice, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    SwaksRequest request;
    request.port = postwrd.port(Role(role));
    request.tls = implicitTls ? SwaksRequest::Tls::Implicit : SwaksRequest::Tls::StartTls;
    request.from = kAlice;
    request.to = {kAlice};
    request.data = makeMessage(kAlice, kAlice, QStringLiteral("no auth")).forSwaks();
    const SwaksResult swaks = runSwaks(request);
    QVERIFY2(swaks.setupError.isEmpty(), qPrintable(swaks.setupError));
    QVERIFY2(swaks.exitCode() == 23, qPrintable(QStringLiteral("expected swaks exit 23 (MAIL refused)\n") + swaks.describe()));
    QCOMPARE(swaks.firstError().code, 530);
    QVERIFY2(swaks.firstError().text.startsWith(QLatin1String("5.7.0")), qPrintable(swaks.describe()));
    QTest::qWait(300);
    QVERIFY(PostwrdInstance::allFiles(postwrd.maildirRoot()).isEmpty());
  }

  void mailBeforeStartTlsIsRefused() {
    PostwrdInstance postwrd;
    postwrd.addUser(kAlice, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
    RawSmtpClient client;
    QVERIFY(client.connectTo(PostwrdInstance::loopback(), postwrd.port(Role::Submission)));
    QCOMPARE(client.readReply().code, 220);
    QCOMPARE(client.command("EHLO client.example.test").code, 250);
    const SmtpReply mail = client.command("MAIL FROM:<alice@local.test>");
    QVERIFY2(mail.code == 530 && mail.enhancedCode() == QLatin1String("5.7.0"), qPrintable(client.transcript()));
  }

  void senderMustBeInTheUsersOwnDomain_data() {
    QTest::addColumn<QString>("from");
    QTest::newRow("a MAIL FROM in a foreign domain is refused") << "mallory@elsewhere.example";
    QTest::newRow("a MAIL FROM in another local domain is refused") << kCarol;
  }
  void senderMustBeInTheUsersOwnDomain() {
    QFETCH(QString, from);
    PostwrdInstance postwrd;
    const QString password = newPassword();
    postwrd.addUser(kAlice, password);
    postwrd.addUser(kCarol, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    SwaksRequest request;
    request.port = postwrd.port(Role::Submission);
    request.tls = SwaksRequest::Tls::StartTls;
    request.authMechanism = QStringLiteral("PLAIN");
    request.user = kAlice;
    request.password = password;
    request.from = from;
    request.to = {kAlice};
    request.data = makeMessage(from, kAlice, QStringLiteral("spoofed sender")).forSwaks();
    const SwaksResult swaks = runSwaks(request);
    QVERIFY2(swaks.setupError.isEmpty(), qPrintable(swaks.setupError));
    QVERIFY2(swaks.hasReply(235), qPrintable(swaks.describe()));
    QVERIFY2(swaks.exitCode() == 23, qPrintable(QStringLiteral("expected swaks exit 23 (MAIL refused)\n") + swaks.describe()));
    const SwaksServerLine error = swaks.firstError();
    QVERIFY2(error.code >= 500 && error.code < 600 && error.text.startsWith(QLatin1String("5.7.")),
             qPrintable(QStringLiteral("expected 5xx 5.7.x\n") + swaks.describe()));
    QTest::qWait(300);
    QVERIFY(PostwrdInstance::allFiles(postwrd.maildirRoot()).isEmpty());
  }

  // Remote delivery is another component: here the mail must be accepted
  // and stay queued, not be delivered locally.
  void authenticatedUserMayRelayToAnyDomain() {
    PostwrdInstance postwrd;
    const QString password = newPassword();
    postwrd.addUser(kAlice, password);
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const QString remote = QStringLiteral("friend@remote.example");
    const TestMessage message = makeMessage(kAlice, remote, QStringLiteral("relay"));
    SwaksRequest request;
    request.port = postwrd.port(Role::Submission);
    request.tls = SwaksRequest::Tls::StartTls;
    request.authMechanism = QStringLiteral("LOGIN");
    request.user = kAlice;
    request.password = password;
    request.from = kAlice;
    request.to = {remote};
    request.data = message.forSwaks();
    const qsizetype mark = postwrd.logMark();
    const SwaksResult swaks = runSwaks(request);
    QVERIFY2(swaks.setupError.isEmpty(), qPrintable(swaks.setupError));
    QVERIFY2(swaks.exitCode() == 0, qPrintable(swaks.describe()));
    const QString id = swaks.queuedId();
    QVERIFY2(!id.isEmpty(), qPrintable(swaks.describe()));
    QVERIFY(!postwrd.logMatches(PostwrdInstance::queuedPattern(id), mark).isEmpty());
    QVERIFY2(!PostwrdInstance::filesContaining(postwrd.spoolDir(), message.marker.toUtf8()).isEmpty(),
             "the accepted message is not in the spool");
    QTest::qWait(500);
    QVERIFY(postwrd.logMatches(PostwrdInstance::deliveredPattern(id, {}), mark).isEmpty());
    QVERIFY(PostwrdInstance::filesContaining(postwrd.maildirRoot(), message.marker.toUtf8()).isEmpty());
  }
};

QTEST_GUILESS_MAIN(SubmissionPolicy)
#include "tst_it_submission_policy.moc"
