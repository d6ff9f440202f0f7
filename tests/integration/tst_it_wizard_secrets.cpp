// The setup engine keeps secrets secret: a full headless setup (install,
// host name, two accounts, a DKIM key, status) over real SSH, logged in with
// a passphrase-protected key, with an account password from the environment
// and one generated, leaves none of those secrets, and no private key
// material, in its output, in any file it writes on this machine (its data,
// its settings and whatever else lands under HOME and the XDG directories
// it is given), or in the server's log; on the server no file holds a
// password in clear, and every file with a private key, and every users
// file, is readable by its owner only (0600).
//
// Host-key changes being refused is tst_it_ssh_session's
// changedHostKeyIsRefused; an unknown host key without a pin stopping
// before login is tst_it_headless_install's.

#include "support/headless_run.h"
#include "support/process_runner.h"
#include "support/sshd_instance.h"
#include "support/test_message.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

namespace {
const QString kPassphraseVariable = QStringLiteral("POSTWR_TEST_KEY_PASSPHRASE");
const QString kPasswordVariable = QStringLiteral("POSTWR_TEST_ACCOUNT_PASSWORD");

QList<quint16> freePorts(int count) {
  QList<quint16> ports;
  QList<std::shared_ptr<QTcpServer>> held;
  for (int i = 0; i < count; ++i) {
    auto server = std::make_shared<QTcpServer>();
    if (!server->listen(QHostAddress::LocalHost, 0)) return {};
    ports << server->serverPort();
    held << server;
  }
  return ports;
}

QByteArray readAll(const QString &path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList filesUnder(const QString &root) {
  QStringList files;
  QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
  while (it.hasNext()) files << it.next();
  return files;
}

// The lines between a PEM or OpenSSH key's BEGIN and END lines, but for a
// last one too short to be told from chance.
QList<QByteArray> keyBody(const QByteArray &pem) {
  QList<QByteArray> lines;
  for (const QByteArray &line : pem.split('\n'))
    if (line.size() >= 16 && !line.startsWith("-----")) lines << line;
  return lines;
}

// Where `text` holds any of the secrets: their names, never their values,
// so that a failure message cannot leak one.
QStringList leaks(const QByteArray &text, const QMap<QString, QByteArray> &secrets) {
  QStringList found;
  for (auto it = secrets.cbegin(); it != secrets.cend(); ++it)
    if (text.contains(it.value())) found << it.key();
  return found;
}
}  // namespace

class WizardSecrets : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QString error;
    QVERIFY2(TestUser::runningAsRoot(&error), qPrintable(error));
    QVERIFY2(dir_.isValid(), "cannot create a temporary directory");
    QVERIFY2(!qEnvironmentVariable("POSTWR_APP").isEmpty(), "POSTWR_APP (the postwr executable) is not set; run through ctest");
    QVERIFY(QDir().mkpath(dir_.filePath(QStringLiteral("keys"))));
    key_ = dir_.filePath(QStringLiteral("keys/user_ed25519"));
    passphrase_ = newPassword();
    accountPassword_ = newPassword();
    QVERIFY2(generateSshKey(key_, QStringLiteral("ed25519"), passphrase_, &error), qPrintable(error));
    sshd_.setHostKeyTypes({QStringLiteral("ed25519")});
    QVERIFY2(sshd_.authorizeKey(key_ + QStringLiteral(".pub")), qPrintable(sshd_.errorString()));
    QVERIFY2(user_.create(&error), qPrintable(error));
    QVERIFY2(sshd_.start(), qPrintable(sshd_.errorString()));
    hostKey_ = sshKeygenFingerprint(sshd_.hostPublicKeyFile(QStringLiteral("ed25519")), &error);
    QVERIFY2(hostKey_.startsWith(QStringLiteral("SHA256:")), qPrintable(error));
    ports_ = freePorts(3);
    QCOMPARE(ports_.size(), 3);
  }

  void cleanupTestCase() {
    // postwrd and its supervisor run as the test user: they go before userdel.
    ProcessRequest request;
    request.program = QStringLiteral("pkill");
    request.arguments = {QStringLiteral("-KILL"), QStringLiteral("-u"), user_.name()};
    request.timeoutMs = 10000;
    runProcess(request);
  }

  void setupLeavesNoSecretBehind() {
    const QString home = dir_.filePath(QStringLiteral("home"));
    const QString plan = dir_.filePath(QStringLiteral("plan"));
    QVERIFY(QDir().mkpath(home) && QDir().mkpath(plan));
    const QJsonObject steps{
        {QStringLiteral("server"),
         QJsonObject{{QStringLiteral("host"), SshdInstance::host()}, {QStringLiteral("port"), sshd_.port()},
                     {QStringLiteral("user"), user_.name()}, {QStringLiteral("auth"), QStringLiteral("key")},
                     {QStringLiteral("key_file"), key_}, {QStringLiteral("passphrase_env"), kPassphraseVariable},
                     {QStringLiteral("host_key"), hostKey_}, {QStringLiteral("known_hosts"), home + QStringLiteral("/known_hosts")}}},
        {QStringLiteral("steps"), QJsonArray{QStringLiteral("install"), QStringLiteral("hostname"), QStringLiteral("accounts"),
                                             QStringLiteral("dkim"), QStringLiteral("status")}},
        {QStringLiteral("install"),
         QJsonObject{{QStringLiteral("mode"), QStringLiteral("user")}, {QStringLiteral("prefix"), QStringLiteral("~/postwr")},
                     {QStringLiteral("listen"), QStringLiteral("127.0.0.1")},
                     {QStringLiteral("ports"), QJsonObject{{QStringLiteral("smtp"), ports_[0]}, {QStringLiteral("submission"), ports_[1]},
                                                           {QStringLiteral("submissions"), ports_[2]}}}}},
        {QStringLiteral("hostname"), QStringLiteral("mail.local.test")},
        {QStringLiteral("domains"), QJsonArray{QStringLiteral("local.test")}},
        {QStringLiteral("accounts"),
         QJsonArray{QJsonObject{{QStringLiteral("email"), QStringLiteral("me@local.test")}, {QStringLiteral("password_env"), kPasswordVariable}},
                    QJsonObject{{QStringLiteral("email"), QStringLiteral("shop@local.test")}, {QStringLiteral("generate"), true}}}},
        {QStringLiteral("status"), QJsonObject{{QStringLiteral("log_lines"), 20}}},
    };
    // Every place the app may write to on this machine is under `home`.
    const QMap<QString, QString> environment{
        {kPassphraseVariable, passphrase_},
        {kPasswordVariable, accountPassword_},
        {QStringLiteral("HOME"), home},
        {QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/.config")},
        {QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/.cache")},
        {QStringLiteral("XDG_STATE_HOME"), home + QStringLiteral("/.local/state")},
        {QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/.local/share")},
        {QStringLiteral("XDG_RUNTIME_DIR"), home + QStringLiteral("/run")},
    };
    const ProcessResult result = runHeadlessPlan(plan, steps, environment);
    const QByteArray output = result.standardOutput + result.standardError;

    QMap<QString, QByteArray> secrets{{QStringLiteral("the key's passphrase"), passphrase_.toUtf8()},
                                      {QStringLiteral("the password of me@local.test"), accountPassword_.toUtf8()}};
    const QList<QByteArray> body = keyBody(readAll(key_));
    QVERIFY(!body.isEmpty());
    for (qsizetype i = 0; i < body.size(); ++i)
      secrets.insert(QStringLiteral("line %1 of the login key").arg(i + 1), body[i]);
    const QStringList outputLeaks = leaks(output, secrets);
    // The output has only passed the leak check when it is shown.
    QVERIFY2(outputLeaks.isEmpty(), qPrintable(QStringLiteral("the output shows ") + outputLeaks.join(QStringLiteral(", "))));
    QVERIFY2(result.succeeded(), qPrintable(result.status() + QLatin1Char('\n') + QString::fromUtf8(output.right(4000))));
    QVERIFY2(!output.contains("PRIVATE KEY"), "the output shows private key material");
    const QRegularExpressionMatch generated =
        QRegularExpression(QStringLiteral("Password of shop@local\\.test \\(shown only now, keep it safe\\): (\\S+)"))
            .match(QString::fromUtf8(result.standardOutput));
    QVERIFY2(generated.hasMatch(), "no generated password for shop@local.test in the output");
    // Shown once on purpose; it must be nowhere else.
    secrets.insert(QStringLiteral("the generated password of shop@local.test"), generated.captured(1).toUtf8());
    QVERIFY2(QString::fromUtf8(output).count(generated.captured(1)) == 1, "the generated password is shown more than once");

    // This machine: everything the app wrote, and the plan beside it.
    const QStringList local = filesUnder(home) + filesUnder(plan);
    QVERIFY2(local.contains(home + QStringLiteral("/known_hosts")), qPrintable(local.join(QLatin1Char('\n'))));
    for (const QString &file : local) {
      const QByteArray content = readAll(file);
      const QStringList found = leaks(content, secrets);
      QVERIFY2(found.isEmpty(), qPrintable(file + QStringLiteral(" holds ") + found.join(QStringLiteral(", "))));
      QVERIFY2(!content.contains("PRIVATE KEY"), qPrintable(file + QStringLiteral(" holds private key material")));
    }
    qInfo("checked the output and %lld files on this machine", static_cast<long long>(local.size()));

    // The server: no secret in any file of the login user's, no key in its log.
    const QString prefix = user_.home() + QStringLiteral("/postwr");
    const QString log = prefix + QStringLiteral("/log/postwrd.log");
    QVERIFY2(QFileInfo(log).size() > 0, qPrintable(log + QStringLiteral(" is missing or empty")));
    QVERIFY2(!readAll(log).contains("PRIVATE KEY"), "the server's log holds private key material");
    const QStringList remote = filesUnder(user_.home());
    for (const QString &file : remote) {
      const QStringList found = leaks(readAll(file), secrets);
      QVERIFY2(found.isEmpty(), qPrintable(file + QStringLiteral(" holds ") + found.join(QStringLiteral(", "))));
    }
    qInfo("checked %lld files on the server", static_cast<long long>(remote.size()));
    serverFiles_ = filesUnder(prefix + QStringLiteral("/etc"));
  }

  void serverKeysAndUsersAreOwnerOnly() {
    QVERIFY2(!serverFiles_.isEmpty(), "the setup test did not pass");
    QStringList keys, users, tooOpen;
    for (const QString &file : std::as_const(serverFiles_)) {
      const bool isKey = readAll(file).contains("PRIVATE KEY");
      const bool isUsers = QFileInfo(file).fileName() == QStringLiteral("users");
      if (!isKey && !isUsers) continue;
      (isKey ? keys : users) << file;
      struct stat info {};
      QVERIFY(::stat(QFile::encodeName(file).constData(), &info) == 0);
      if ((info.st_mode & 07777) != 0600) tooOpen << QStringLiteral("%1 (%2)").arg(file).arg(info.st_mode & 07777, 4, 8, QLatin1Char('0'));
    }
    // The TLS key and the DKIM key, and the domain's users file.
    QVERIFY2(keys.size() >= 2, qPrintable(QStringLiteral("private keys found: ") + keys.join(QLatin1Char(' '))));
    QVERIFY2(keys.filter(QStringLiteral("dkim"), Qt::CaseInsensitive).size() >= 1, qPrintable(keys.join(QLatin1Char(' '))));
    QVERIFY2(users.size() >= 1, qPrintable(serverFiles_.join(QLatin1Char(' '))));
    QVERIFY2(tooOpen.isEmpty(), qPrintable(QStringLiteral("not 0600: ") + tooOpen.join(QStringLiteral(", "))));
  }

 private:
  QTemporaryDir dir_;
  QString key_;
  QString passphrase_;
  QString accountPassword_;
  QString hostKey_;
  SshdInstance sshd_;
  TestUser user_;
  QList<quint16> ports_;
  QStringList serverFiles_;
};

QTEST_GUILESS_MAIN(WizardSecrets)
#include "tst_it_wizard_secrets.moc"
