// TLS as `openssl s_client` sees it: STARTTLS on the smtp and submission
// ports and implicit TLS on submissions negotiate TLS 1.2 or 1.3 with our
// certificate; a client that only speaks TLS 1.1 is refused. A control run
// against `openssl s_server -tls1_1` proves that client really can speak
// TLS 1.1, so the refusal is postwrd's.

#include "support/postwrd_instance.h"
#include "support/process_runner.h"

#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Handshake {
  ProcessResult process;
  QString output;
  QString protocol;  // "TLSv1.3", or empty when no session was established
};

// Lets the client offer TLS 1.1: Debian's openssl.cnf forbids it (MinProtocol
// TLSv1.2, SECLEVEL 2), so point OPENSSL_CONF at an empty file and lower the level.
QProcessEnvironment legacyEnvironment(const QString &emptyConfig) {
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("OPENSSL_CONF"), emptyConfig);
  return environment;
}

// With untilServerCloses, s_client sends "quit" and waits for the server to
// hang up; without, it hangs up itself at the end of its stdin.
Handshake sClient(const QString &openssl, quint16 port, bool startTls, const QStringList &extra,
                  const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment(),
                  bool untilServerCloses = true) {
  ProcessRequest request;
  request.program = openssl;
  request.arguments = {QStringLiteral("s_client"), QStringLiteral("-connect"), QStringLiteral("127.0.0.1:%1").arg(port),
                       QStringLiteral("-servername"), QStringLiteral("mail.example.test"), QStringLiteral("-brief")};
  if (startTls) request.arguments << QStringLiteral("-starttls") << QStringLiteral("smtp");
  request.arguments << extra;
  // s_client takes a line starting with "Q" as its own quit command, and
  // without -ign_eof it hangs up at the end of stdin: send "quit" in lower
  // case and let postwrd close the session after its 221.
  if (untilServerCloses) {
    request.arguments << QStringLiteral("-ign_eof");
    request.standardInput = "quit\r\n";
  }
  request.timeoutMs = 15000;
  request.environment = environment;
  Handshake handshake;
  handshake.process = runProcess(request);
  handshake.output = QString::fromUtf8(handshake.process.standardOutput + handshake.process.standardError);
  const auto match = QRegularExpression(QStringLiteral("^Protocol version: (\\S+)"), QRegularExpression::MultilineOption)
                         .match(handshake.output);
  if (match.hasMatch()) handshake.protocol = match.captured(1);
  return handshake;
}

void addPortRows() {
  QTest::addColumn<int>("role");
  QTest::addColumn<bool>("startTls");
  QTest::newRow("STARTTLS on the smtp port") << int(Role::Smtp) << true;
  QTest::newRow("STARTTLS on the submission port") << int(Role::Submission) << true;
  QTest::newRow("implicit TLS on the submissions port") << int(Role::Submissions) << false;
}
}  // namespace

class TlsVersions : public QObject {
  Q_OBJECT

 private slots:
  void negotiatesModernTls_data() { addPortRows(); }
  void negotiatesModernTls() {
    QFETCH(int, role);
    QFETCH(bool, startTls);
    QString error;
    const QString openssl = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
    QVERIFY2(!openssl.isEmpty(), qPrintable(error));
    PostwrdInstance postwrd;
    postwrd.addUser(QStringLiteral("alice@local.test"), QStringLiteral("unused-password-1"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    const Handshake handshake = sClient(openssl, postwrd.port(Role(role)), startTls, {});
    QVERIFY2(handshake.protocol == QLatin1String("TLSv1.3") || handshake.protocol == QLatin1String("TLSv1.2"),
             qPrintable(QStringLiteral("no TLS 1.2/1.3 session (%1):\n%2").arg(handshake.process.status(), handshake.output)));
    QVERIFY2(handshake.output.contains(QLatin1String("CN = mail.example.test")) ||
                 handshake.output.contains(QLatin1String("CN=mail.example.test")),
             qPrintable(QStringLiteral("the peer certificate is not ours:\n") + handshake.output));
    // The session works over TLS: QUIT got its 221 and postwrd closed.
    QVERIFY2(handshake.output.contains(QLatin1String("221")), qPrintable(handshake.output));
    QVERIFY2(!handshake.process.timedOut, "postwrd did not close the session after QUIT");
  }

  void refusesTls11_data() { addPortRows(); }
  void refusesTls11() {
    QFETCH(int, role);
    QFETCH(bool, startTls);
    QString error;
    const QString openssl = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
    QVERIFY2(!openssl.isEmpty(), qPrintable(error));
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString emptyConfig = scratch.filePath(QStringLiteral("empty.cnf"));
    QFile(emptyConfig).open(QIODevice::WriteOnly);
    const QStringList tls11 = {QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0")};

    PostwrdInstance postwrd;
    postwrd.addUser(QStringLiteral("alice@local.test"), QStringLiteral("unused-password-1"));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    // Control: the same client settings do get TLS 1.1 from a server that allows it.
    {
      QTcpServer picker;
      QVERIFY(picker.listen(QHostAddress::LocalHost, 0));
      const quint16 controlPort = picker.serverPort();
      picker.close();
      QProcess server;
      server.setProcessEnvironment(legacyEnvironment(emptyConfig));
      server.setProcessChannelMode(QProcess::MergedChannels);
      server.start(openssl, {QStringLiteral("s_server"), QStringLiteral("-accept"), QStringLiteral("127.0.0.1:%1").arg(controlPort),
                             QStringLiteral("-cert"), postwrd.configDir() + QStringLiteral("/tls/cert.pem"),
                             QStringLiteral("-key"), postwrd.configDir() + QStringLiteral("/tls/key.pem"),
                             QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("DEFAULT:@SECLEVEL=0"),
                             QStringLiteral("-naccept"), QStringLiteral("1")});
      QVERIFY(server.waitForStarted(5000));
      QByteArray serverOutput;
      QVERIFY2(QTest::qWaitFor([&] { serverOutput += server.readAll(); return serverOutput.contains("ACCEPT"); }, 10000),
               serverOutput.constData());
      const Handshake control = sClient(openssl, controlPort, false, tls11, legacyEnvironment(emptyConfig), false);
      server.kill();
      server.waitForFinished(5000);
      QVERIFY2(control.protocol == QLatin1String("TLSv1.1"),
               qPrintable(QStringLiteral("control: this openssl client cannot do TLS 1.1 at all:\n") + control.output));
    }

    const Handshake refused = sClient(openssl, postwrd.port(Role(role)), startTls, tls11, legacyEnvironment(emptyConfig));
    QVERIFY2(refused.protocol.isEmpty(), qPrintable(QStringLiteral("postwrd accepted %1:\n%2").arg(refused.protocol, refused.output)));
    QVERIFY2(!refused.process.succeeded(), qPrintable(refused.output));
    QVERIFY(!refused.process.timedOut);

    // And postwrd still serves modern clients.
    const Handshake after = sClient(openssl, postwrd.port(Role(role)), startTls, {});
    QVERIFY2(after.protocol == QLatin1String("TLSv1.3") || after.protocol == QLatin1String("TLSv1.2"), qPrintable(after.output));
    QVERIFY(postwrd.isRunning());
  }
};

QTEST_GUILESS_MAIN(TlsVersions)
#include "tst_it_tls_versions.moc"
