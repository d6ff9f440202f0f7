// The wizard's SSH layer (wizard/remote) against a real OpenSSH server on
// loopback: host-key trust, every login method, commands (streaming, exit
// status, stdin, timeout, cancel), atomic SFTP writes, sudo, and the worker
// thread that keeps the GUI thread free.
//
// Runs as root (it starts sshd and creates throwaway users, as CI does). The
// server is the same machine, so the test checks remote files directly.

#include "remote/remote_worker.h"
#include "remote/ssh_session.h"
#include "support/process_runner.h"
#include "support/sshd_instance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMap>
#include <QMutex>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <sys/stat.h>
#include <thread>

using namespace postwr::remote;
using namespace std::chrono_literals;

namespace {

const QString kRoot = QStringLiteral("root");
const QString kPassphrase = QStringLiteral("correct horse battery");

struct Line {
    qint64 atMs;
    Stream stream;
    QString text;
};

ProcessResult runTool(const QString &program, const QStringList &arguments)
{
    ProcessRequest request;
    request.program = program;
    request.arguments = arguments;
    return runProcess(request);
}

// Whether a process whose command line contains `pattern` runs on this
// machine (the server is local).
bool processRuns(const QString &pattern)
{
    const ProcessResult result
        = runTool(QStringLiteral("pgrep"), { QStringLiteral("-f"), pattern });
    return result.exitCode == 0;
}

struct FileState {
    ino_t inode = 0;
    uid_t owner = 0;
    int mode = 0;
    bool exists = false;
};

FileState stateOf(const QString &path)
{
    struct stat info { };
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return {};
    return { info.st_ino, info.st_uid, static_cast<int>(info.st_mode & 07777), true };
}

QByteArray readLocal(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A directory only root may write to, readable by all.
bool makeRootOnlyDirectory(const QTemporaryDir &dir)
{
    return QFile::setPermissions(dir.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
            | QFileDevice::ExeOther);
}

// Every message of every logging category, to prove a secret is never logged.
QMutex capturedMutex;
QStringList captured;
void captureMessage(QtMsgType, const QMessageLogContext &, const QString &message)
{
    const QMutexLocker lock(&capturedMutex);
    captured << message;
}

} // namespace

class SshSessionTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void unknownHostKeyIsTrustedOnRequest();
    void fingerprintMatchesSshKeygen_data();
    void fingerprintMatchesSshKeygen();
    void changedHostKeyIsRefused();
    void connectionFailuresSayWhatHappened_data();
    void connectionFailuresSayWhatHappened();

    void keyFileLogin_data();
    void keyFileLogin();
    void passwordLogin_data();
    void passwordLogin();
    void agentLogin_data();
    void agentLogin();

    void outputIsStreamedLineByLine();
    void commandResults_data();
    void commandResults();
    void standardInputIsPassed_data();
    void standardInputIsPassed();
    void timeoutEndsTheCommand();
    void cancelFromAnotherThreadEndsTheCommand();

    void writeFileReplacesTheFileAtomically();
    void readFileRefusesWhatItCannotRead_data();
    void readFileRefusesWhatItCannotRead();
    void writeFileWithoutPermissionFails();

    void sudoRunsAsIsForRoot();
    void sudoWithoutRightsGivesAClearError_data();
    void sudoWithoutRightsGivesAClearError();
    void sudoWithPasswordRunsAsRootAndHidesThePassword();
    void sudoWithAWrongPasswordGivesAClearError();
    void sudoMissingGivesAClearError();
    void writeFileAsRootThroughSudo();

    void workerStreamsLinesToTheCallersThread();
    void workerCancelsRunningAndQueuedCommands();

private:
    QString knownHostsFile() const { return knownHosts_->filePath(QStringLiteral("known_hosts")); }
    static SshTarget target(const SshdInstance &sshd, const QString &user)
    {
        return { SshdInstance::host(), sshd.port(), user };
    }
    SshCredentials keyLogin() const { return { AuthMethod::KeyFile, userKey_, {}, {} }; }
    // Connects, trusts the host key and logs in; the failure's message, or empty.
    QString login(SshSession &ssh, const QString &user, const SshCredentials &credentials,
        const SshdInstance *sshd = nullptr);

    QTemporaryDir keys_;
    QString userKey_; // ed25519, no passphrase, authorized
    QString passphraseKey_; // ed25519 with kPassphrase, authorized
    QString strangerKey_; // not authorized anywhere
    SshdInstance sshd_; // key and password login, UsePAM no
    SshdInstance pamSshd_; // keyboard-interactive only, through PAM
    TestUser plainUser_; // no sudo
    TestUser sudoUser_; // sudo with its own password
    TestUser noSudoUser_; // on sshd_, finds no sudo on its PATH
    QTemporaryDir noSudoPath_;
    std::unique_ptr<QTemporaryDir> knownHosts_;
};

void SshSessionTest::initTestCase()
{
    QString error;
    QVERIFY2(TestUser::runningAsRoot(&error), qPrintable(error));
    QVERIFY2(keys_.isValid(), "cannot create a temporary directory");
    userKey_ = keys_.filePath(QStringLiteral("user_ed25519"));
    passphraseKey_ = keys_.filePath(QStringLiteral("passphrase_ed25519"));
    strangerKey_ = keys_.filePath(QStringLiteral("stranger_ed25519"));
    QVERIFY2(generateSshKey(userKey_, QStringLiteral("ed25519"), {}, &error), qPrintable(error));
    QVERIFY2(generateSshKey(passphraseKey_, QStringLiteral("ed25519"), kPassphrase, &error),
        qPrintable(error));
    QVERIFY2(
        generateSshKey(strangerKey_, QStringLiteral("ed25519"), {}, &error), qPrintable(error));

    for (SshdInstance *sshd : { &sshd_, &pamSshd_ }) {
        QVERIFY2(
            sshd->authorizeKey(userKey_ + QStringLiteral(".pub")), qPrintable(sshd->errorString()));
        QVERIFY2(sshd->authorizeKey(passphraseKey_ + QStringLiteral(".pub")),
            qPrintable(sshd->errorString()));
    }
    QVERIFY2(plainUser_.create(&error), qPrintable(error));
    QVERIFY2(sudoUser_.create(&error), qPrintable(error));
    QVERIFY2(sudoUser_.allowSudo(&error), qPrintable(error));
    QVERIFY2(noSudoUser_.create(&error), qPrintable(error));

    // A server without sudo, as noSudoUser_ sees it: a PATH with `id` only.
    QVERIFY(QFile::setPermissions(noSudoPath_.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadOther | QFileDevice::ExeOther));
    QVERIFY(QFile::link(QStringLiteral("/usr/bin/id"), noSudoPath_.filePath(QStringLiteral("id"))));
    sshd_.addConfig(QStringLiteral("Match User %1\n  SetEnv PATH=%2")
                        .arg(noSudoUser_.name(), noSudoPath_.path()));

    pamSshd_.setUsePam(true);
    pamSshd_.setPasswordAuthentication(false);
    pamSshd_.setKbdInteractiveAuthentication(true);
    QVERIFY2(sshd_.start(), qPrintable(sshd_.errorString()));
    QVERIFY2(pamSshd_.start(), qPrintable(pamSshd_.errorString()));
}

void SshSessionTest::init()
{
    knownHosts_ = std::make_unique<QTemporaryDir>();
    QVERIFY(knownHosts_->isValid());
}

void SshSessionTest::cleanup()
{
    if (!QTest::currentTestFailed())
        return;
    for (const SshdInstance *sshd : { &sshd_, &pamSshd_ }) {
        const QStringList lines = sshd->log().split(QLatin1Char('\n'));
        qInfo().noquote() << "----- end of sshd log (port" << sshd->port()
                          << ") -----\n"
                + lines.mid(std::max<qsizetype>(0, lines.size() - 30)).join(QLatin1Char('\n'));
    }
}

QString SshSessionTest::login(SshSession &ssh, const QString &user,
    const SshCredentials &credentials, const SshdInstance *sshd)
{
    const auto check = ssh.connectTo(target(sshd ? *sshd : sshd_, user), 10s);
    if (!check)
        return QStringLiteral("connect: ") + check.failure().message;
    if (check->state == HostKeyState::Unknown) {
        if (const auto trusted = ssh.trustHostKey(); !trusted)
            return QStringLiteral("trust: ") + trusted.failure().message;
    }
    if (const auto in = ssh.authenticate(credentials); !in)
        return QStringLiteral("login: ") + in.failure().message;
    return {};
}

// --- Host keys ----------------------------------------------------------------------

void SshSessionTest::unknownHostKeyIsTrustedOnRequest()
{
    QString error;
    const QString expected
        = sshKeygenFingerprint(sshd_.hostPublicKeyFile(QStringLiteral("ed25519")), &error);
    QVERIFY2(!expected.isEmpty(), qPrintable(error));

    SshSession ssh(knownHostsFile());
    const auto check = ssh.connectTo(target(sshd_, kRoot), 10s);
    QVERIFY2(check, qPrintable(check ? QString() : check.failure().message));
    QCOMPARE(check->state, HostKeyState::Unknown);
    QCOMPARE(check->key.type, QStringLiteral("ssh-ed25519"));
    QCOMPARE(check->key.fingerprint, expected);

    // No login before the user has trusted the key.
    const auto early = ssh.authenticate(keyLogin());
    QVERIFY(!early);
    QVERIFY2(early.failure().message.contains(QLatin1String("fingerprint")),
        qPrintable(early.failure().message));
    QVERIFY(!QFile::exists(knownHostsFile()));

    const auto trusted = ssh.trustHostKey();
    QVERIFY2(trusted, qPrintable(trusted ? QString() : trusted.failure().message));
    const auto in = ssh.authenticate(keyLogin());
    QVERIFY2(in, qPrintable(in ? QString() : in.failure().message));

    // OpenSSH format: ssh-keygen finds the entry under [host]:port ...
    const QString hostPort = QStringLiteral("[127.0.0.1]:%1").arg(sshd_.port());
    const ProcessResult found = runTool(QStringLiteral("ssh-keygen"),
        { QStringLiteral("-l"), QStringLiteral("-F"), hostPort, QStringLiteral("-f"),
            knownHostsFile() });
    QVERIFY2(
        found.succeeded(), qPrintable(found.status() + QString::fromUtf8(found.standardError)));
    QVERIFY2(found.standardOutput.contains(expected.toUtf8()), found.standardOutput.constData());

    // ... and OpenSSH's own client trusts the server through it, strictly.
    const ProcessResult ssh2 = runTool(QStringLiteral("ssh"),
        { QStringLiteral("-F"), QStringLiteral("/dev/null"), QStringLiteral("-o"),
            QStringLiteral("BatchMode=yes"), QStringLiteral("-o"),
            QStringLiteral("StrictHostKeyChecking=yes"), QStringLiteral("-o"),
            QStringLiteral("UserKnownHostsFile=") + knownHostsFile(), QStringLiteral("-o"),
            QStringLiteral("GlobalKnownHostsFile=/dev/null"), QStringLiteral("-i"), userKey_,
            QStringLiteral("-p"), QString::number(sshd_.port()), QStringLiteral("root@127.0.0.1"),
            QStringLiteral("echo trusted") });
    QVERIFY2(ssh2.succeeded() && ssh2.standardOutput == "trusted\n",
        qPrintable(ssh2.status() + QLatin1Char(' ') + QString::fromUtf8(ssh2.standardError)));

    // A new session finds the key trusted.
    SshSession again(knownHostsFile());
    const auto second = again.connectTo(target(sshd_, kRoot), 10s);
    QVERIFY2(second, qPrintable(second ? QString() : second.failure().message));
    QCOMPARE(second->state, HostKeyState::Trusted);
    QCOMPARE(second->key.fingerprint, expected);
}

void SshSessionTest::fingerprintMatchesSshKeygen_data()
{
    QTest::addColumn<QString>("keyType");
    QTest::addColumn<QString>("sshName");
    QTest::newRow("Ed25519 host key") << QStringLiteral("ed25519") << QStringLiteral("ssh-ed25519");
    QTest::newRow("ECDSA P-256 host key")
        << QStringLiteral("ecdsa") << QStringLiteral("ecdsa-sha2-nistp256");
    QTest::newRow("RSA host key") << QStringLiteral("rsa") << QStringLiteral("ssh-rsa");
}

void SshSessionTest::fingerprintMatchesSshKeygen()
{
    QFETCH(QString, keyType);
    QFETCH(QString, sshName);
    SshdInstance sshd;
    sshd.setHostKeyTypes({ keyType });
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    QString error;
    const QString expected = sshKeygenFingerprint(sshd.hostPublicKeyFile(keyType), &error);
    QVERIFY2(!expected.isEmpty(), qPrintable(error));

    SshSession ssh(knownHostsFile());
    const auto check = ssh.connectTo(target(sshd, kRoot), 10s);
    QVERIFY2(check, qPrintable(check ? QString() : check.failure().message));
    QCOMPARE(check->key.type, sshName);
    QCOMPARE(check->key.fingerprint, expected);
    QVERIFY(expected.startsWith(QLatin1String("SHA256:")) && !expected.endsWith(QLatin1Char('=')));
}

void SshSessionTest::changedHostKeyIsRefused()
{
    SshdInstance sshd;
    QVERIFY2(sshd.authorizeKey(userKey_ + QStringLiteral(".pub")), qPrintable(sshd.errorString()));
    QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
    {
        SshSession ssh(knownHostsFile());
        const QString failure = login(ssh, kRoot, keyLogin(), &sshd);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }
    const QByteArray knownBefore = readLocal(knownHostsFile());
    QVERIFY(!knownBefore.isEmpty());

    // Every host key is new (TESTING-NOTES.md: clients prefer ed25519, so
    // rotating one type only would not be a change to them).
    QVERIFY2(sshd.regenerateHostKeys(), qPrintable(sshd.errorString()));
    QVERIFY2(sshd.restart(), qPrintable(sshd.errorString()));
    QString error;
    const QString newFingerprint
        = sshKeygenFingerprint(sshd.hostPublicKeyFile(QStringLiteral("ed25519")), &error);
    QVERIFY2(!newFingerprint.isEmpty(), qPrintable(error));

    SshSession ssh(knownHostsFile());
    const auto check = ssh.connectTo(target(sshd, kRoot), 10s);
    QVERIFY2(check, qPrintable(check ? QString() : check.failure().message));
    QCOMPARE(check->state, HostKeyState::Changed);
    QCOMPARE(check->key.fingerprint, newFingerprint);

    const auto trust = ssh.trustHostKey();
    QVERIFY(!trust);
    QVERIFY2(trust.failure().message.contains(QLatin1String("identity changed"))
            && trust.failure().message.contains(QLatin1String("attack")),
        qPrintable(trust.failure().message));
    const auto in = ssh.authenticate(keyLogin());
    QVERIFY(!in);
    QVERIFY2(in.failure().message.contains(QLatin1String("identity changed")),
        qPrintable(in.failure().message));
    QVERIFY(!ssh.run(QStringLiteral("true"), {}).ok());
    QCOMPARE(readLocal(knownHostsFile()), knownBefore);
    // Only the login before the change reached the server.
    QCOMPARE(sshd.log().count(QLatin1String("Accepted publickey for root")), 1);
}

void SshSessionTest::connectionFailuresSayWhatHappened_data()
{
    QTest::addColumn<bool>("silentServer");
    QTest::addColumn<QString>("expected");
    QTest::newRow("nothing listens: refused") << false << QStringLiteral("refused the connection");
    QTest::newRow("a server that never answers: timeout")
        << true << QStringLiteral("No answer from");
}

void SshSessionTest::connectionFailuresSayWhatHappened()
{
    QFETCH(bool, silentServer);
    QFETCH(QString, expected);
    // A listening socket whose connections the kernel accepts and nobody
    // ever answers; or, closed again, a port where nothing listens.
    QTcpServer server;
    QVERIFY(server.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const quint16 port = server.serverPort();
    if (!silentServer)
        server.close();

    SshSession ssh(knownHostsFile());
    QElapsedTimer clock;
    clock.start();
    const auto check = ssh.connectTo({ SshdInstance::host(), port, kRoot }, 1500ms);
    QVERIFY(!check);
    QVERIFY2(check.failure().message.contains(expected), qPrintable(check.failure().message));
    QVERIFY2(clock.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
    QVERIFY(!ssh.isConnected());
}

// --- Login ----------------------------------------------------------------------------

void SshSessionTest::keyFileLogin_data()
{
    QTest::addColumn<QString>("keyName");
    QTest::addColumn<QString>("passphrase");
    QTest::addColumn<QString>("expectedFailure"); // empty: the login works
    QTest::newRow("key without passphrase logs in") << "user_ed25519" << QString() << QString();
    QTest::newRow("key with its passphrase logs in")
        << "passphrase_ed25519" << kPassphrase << QString();
    QTest::newRow("wrong passphrase is named") << "passphrase_ed25519"
                                               << "not-the-passphrase-42"
                                               << "Wrong passphrase";
    QTest::newRow("missing passphrase is asked for")
        << "passphrase_ed25519" << QString() << "protected by a passphrase";
    QTest::newRow("key the server does not know is refused")
        << "stranger_ed25519" << QString() << "refused the key";
    QTest::newRow("missing key file is named")
        << "no_such_key" << QString() << "Cannot read the key file";
    QTest::newRow("public key instead of private is explained")
        << "user_ed25519.pub" << QString() << "not a private key";
}

void SshSessionTest::keyFileLogin()
{
    QFETCH(QString, keyName);
    QFETCH(QString, passphrase);
    QFETCH(QString, expectedFailure);
    SshSession ssh(knownHostsFile());
    const QString failure
        = login(ssh, kRoot, { AuthMethod::KeyFile, keys_.filePath(keyName), passphrase, {} });
    if (!expectedFailure.isEmpty()) {
        QVERIFY2(failure.contains(expectedFailure), qPrintable(failure));
        if (!passphrase.isEmpty())
            QVERIFY(!failure.contains(passphrase));
        QVERIFY(!ssh.run(QStringLiteral("true"), {}).ok());
        return;
    }
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const CommandResult whoami = ssh.run(QStringLiteral("whoami"), {});
    QVERIFY2(whoami.ok(), qPrintable(whoami.error + whoami.standardError));
    QCOMPARE(whoami.standardOutput, QStringLiteral("root\n"));
}

void SshSessionTest::passwordLogin_data()
{
    QTest::addColumn<bool>("keyboardInteractive");
    QTest::addColumn<bool>("rightPassword");
    QTest::newRow("password accepted") << false << true;
    QTest::newRow("wrong password refused") << false << false;
    QTest::newRow("keyboard-interactive password accepted") << true << true;
    QTest::newRow("keyboard-interactive wrong password refused") << true << false;
}

void SshSessionTest::passwordLogin()
{
    QFETCH(bool, keyboardInteractive);
    QFETCH(bool, rightPassword);
    const SshdInstance &sshd = keyboardInteractive ? pamSshd_ : sshd_;
    const QString password
        = rightPassword ? plainUser_.password() : QStringLiteral("not-") + plainUser_.password();
    SshSession ssh(knownHostsFile());
    const QString failure
        = login(ssh, plainUser_.name(), { AuthMethod::Password, {}, {}, password }, &sshd);
    if (!rightPassword) {
        QVERIFY2(failure.contains(QLatin1String("refused the password"))
                && failure.contains(plainUser_.name()),
            qPrintable(failure));
        QVERIFY(!failure.contains(password));
        return;
    }
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const CommandResult whoami = ssh.run(QStringLiteral("whoami"), {});
    QVERIFY2(whoami.ok(), qPrintable(whoami.error + whoami.standardError));
    QCOMPARE(whoami.standardOutput.trimmed(), plainUser_.name());
    const QString method = keyboardInteractive ? QStringLiteral("keyboard-interactive/pam")
                                               : QStringLiteral("password");
    QVERIFY2(
        sshd.log().contains(QStringLiteral("Accepted %1 for %2").arg(method, plainUser_.name())),
        "sshd did not log the expected login method");
}

void SshSessionTest::agentLogin_data()
{
    QTest::addColumn<QString>("agentKey"); // empty: no agent at all
    QTest::addColumn<QString>("expectedFailure");
    QTest::newRow("agent holding the key logs in") << "user_ed25519" << QString();
    QTest::newRow("agent without a usable key is refused") << "stranger_ed25519"
                                                           << "none of the keys in your SSH agent";
    QTest::newRow("no agent running is explained") << QString() << "No SSH agent";
}

void SshSessionTest::agentLogin()
{
    QFETCH(QString, agentKey);
    QFETCH(QString, expectedFailure);
    const QByteArray savedSocket = qgetenv("SSH_AUTH_SOCK");
    const auto restore = qScopeGuard([&] {
        if (savedSocket.isEmpty())
            qunsetenv("SSH_AUTH_SOCK");
        else
            qputenv("SSH_AUTH_SOCK", savedSocket);
    });
    QTemporaryDir agentDir;
    SshAgent agent;
    QString error;
    if (agentKey.isEmpty()) {
        qunsetenv("SSH_AUTH_SOCK");
    } else {
        QVERIFY2(agent.start(agentDir.path(), &error), qPrintable(error));
        QVERIFY2(agent.add(keys_.filePath(agentKey), &error), qPrintable(error));
        // libssh reads the variable when it contacts the agent.
        qputenv("SSH_AUTH_SOCK", QFile::encodeName(agent.socket()));
    }
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, { AuthMethod::Agent, {}, {}, {} });
    if (!expectedFailure.isEmpty()) {
        QVERIFY2(failure.contains(expectedFailure), qPrintable(failure));
        return;
    }
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QVERIFY(ssh.run(QStringLiteral("true"), {}).ok());
}

// --- Commands --------------------------------------------------------------------------

void SshSessionTest::outputIsStreamedLineByLine()
{
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QElapsedTimer clock;
    clock.start();
    QList<Line> lines;
    const CommandResult result
        = ssh.run(QStringLiteral("for i in 1 2 3; do echo line$i; sleep 0.4; done; echo done"), {},
            [&](Stream stream, const QString &text) {
                lines.append({ clock.elapsed(), stream, text });
            });
    const qint64 end = clock.elapsed();
    QVERIFY2(result.ok(), qPrintable(result.error + result.standardError));
    QCOMPARE(lines.size(), 4);
    QStringList texts;
    for (const Line &line : std::as_const(lines)) {
        texts << line.text;
        QCOMPARE(line.stream, Stream::Stdout);
    }
    QCOMPARE(texts, (QStringList { "line1", "line2", "line3", "done" }));
    // Each line came as it was printed, not all at the end.
    QVERIFY2(end - lines.first().atMs >= 900,
        qPrintable(
            QStringLiteral("first line at %1 ms, end at %2 ms").arg(lines.first().atMs).arg(end)));
    QVERIFY2(lines.at(1).atMs - lines.at(0).atMs >= 250, "line 2 did not come after the sleep");
    QVERIFY2(lines.at(2).atMs - lines.at(1).atMs >= 250, "line 3 did not come after the sleep");
    QCOMPARE(result.standardOutput, QStringLiteral("line1\nline2\nline3\ndone\n"));
}

void SshSessionTest::commandResults_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QStringList>("stdoutLines");
    QTest::addColumn<QStringList>("stderrLines");
    QTest::addColumn<int>("exitStatus");
    QTest::newRow("exit status is reported")
        << "echo before; exit 3" << QStringList { "before" } << QStringList {} << 3;
    QTest::newRow("stderr is kept apart from stdout")
        << "echo out; echo err >&2; echo out2; echo err2 >&2" << QStringList { "out", "out2" }
        << QStringList { "err", "err2" } << 0;
    QTest::newRow("CR before LF is dropped from lines")
        << "printf 'a\\r\\nb\\r\\n'" << QStringList { "a", "b" } << QStringList {} << 0;
    QTest::newRow("a last line without newline still arrives")
        << "printf 'x\\ny'; printf 'e' >&2" << QStringList { "x", "y" } << QStringList { "e" } << 0;
    QTest::newRow("UTF-8 is decoded")
        << "printf 'caf\\303\\251 \\342\\234\\223\\n'"
        << QStringList { QString::fromUtf8("caf\xc3\xa9 \xe2\x9c\x93") } << QStringList {} << 0;
    QTest::newRow("empty lines are lines")
        << "printf 'a\\n\\nb\\n'" << QStringList { "a", "", "b" } << QStringList {} << 0;
    QTest::newRow("a failing command's status")
        << "ls /nonexistent-postwr-dir >/dev/null 2>&1" << QStringList {} << QStringList {} << 2;
}

void SshSessionTest::commandResults()
{
    QFETCH(QString, command);
    QFETCH(QStringList, stdoutLines);
    QFETCH(QStringList, stderrLines);
    QFETCH(int, exitStatus);
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QStringList out;
    QStringList err;
    const CommandResult result = ssh.run(command, {}, [&](Stream stream, const QString &text) {
        (stream == Stream::Stdout ? out : err) << text;
    });
    QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
    QCOMPARE(result.exitStatus, exitStatus);
    QCOMPARE(out, stdoutLines);
    QCOMPARE(err, stderrLines);
    QCOMPARE(result.ok(), exitStatus == 0);
    QVERIFY(!result.timedOut && !result.cancelled);
}

void SshSessionTest::standardInputIsPassed_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("no input: EOF at once") << QByteArray();
    QTest::newRow("a few lines") << QByteArray("hello\nworld\n");
    QByteArray big(3 * 1024 * 1024, Qt::Uninitialized);
    for (qsizetype i = 0; i < big.size(); ++i)
        big[i] = static_cast<char>('a' + (i * 7 + i / 4096) % 26);
    QTest::newRow("three megabytes, beyond the channel window") << big;
}

void SshSessionTest::standardInputIsPassed()
{
    QFETCH(QByteArray, input);
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    CommandOptions options;
    options.standardInput = input;
    options.timeout = 60s;
    const CommandResult result = ssh.run(QStringLiteral("sha256sum"), options);
    QVERIFY2(result.ok(), qPrintable(result.error + result.standardError));
    const QByteArray expected = QCryptographicHash::hash(input, QCryptographicHash::Sha256).toHex();
    QCOMPARE(result.standardOutput.section(QLatin1Char(' '), 0, 0).toLatin1(), expected);
}

void SshSessionTest::timeoutEndsTheCommand()
{
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    CommandOptions options;
    // Long enough for a loaded machine to start the command and say so; far
    // below the 61 s it would take.
    options.timeout = 5s;
    QElapsedTimer clock;
    clock.start();
    const CommandResult result = ssh.run(QStringLiteral("echo started; sleep 61.17"), options);
    QVERIFY2(clock.elapsed() < 30000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
    QVERIFY(result.timedOut);
    QVERIFY(!result.ok());
    QCOMPARE(result.standardOutput, QStringLiteral("started\n"));
    // The remote command got SIGTERM.
    QTRY_VERIFY_WITH_TIMEOUT(!processRuns(QStringLiteral("sleep 61.17")), 5000);
    // The session goes on.
    const CommandResult next = ssh.run(QStringLiteral("echo still here"), {});
    QVERIFY2(next.ok(), qPrintable(next.error));
    QCOMPARE(next.standardOutput, QStringLiteral("still here\n"));
}

void SshSessionTest::cancelFromAnotherThreadEndsTheCommand()
{
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    std::atomic_bool cancel { false };
    QElapsedTimer clock;
    clock.start();
    std::thread canceller([&cancel] {
        std::this_thread::sleep_for(500ms);
        cancel = true;
    });
    const CommandResult result = ssh.run(QStringLiteral("sleep 61.23"), {}, {}, &cancel);
    const qint64 elapsed = clock.elapsed();
    canceller.join();
    QVERIFY(result.cancelled);
    QVERIFY(!result.ok());
    // Ends long before the 61 s the command would take, even on a loaded machine.
    QVERIFY2(
        elapsed >= 450 && elapsed < 20000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
    QTRY_VERIFY_WITH_TIMEOUT(!processRuns(QStringLiteral("sleep 61.23")), 5000);
    QVERIFY(ssh.run(QStringLiteral("true"), {}).ok());
}

// --- Files -----------------------------------------------------------------------------

void SshSessionTest::writeFileReplacesTheFileAtomically()
{
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("postwrd.conf"));
    const QByteArray a(400 * 1024, 'a');
    const QByteArray b(250 * 1024, 'b');
    const auto written = ssh.writeFile(path, a, 0640);
    QVERIFY2(written, qPrintable(written ? QString() : written.failure().message));
    QCOMPARE(readLocal(path), a);
    QCOMPARE(stateOf(path).mode, 0640);

    // A reader on the server reads the file over and over while it is
    // replaced: it must only ever see one whole version or the other.
    std::atomic_bool stop { false };
    std::atomic_int reads { 0 };
    std::atomic_int torn { 0 };
    std::thread reader([&] {
        while (!stop) {
            const QByteArray seen = readLocal(path);
            if (seen != a && seen != b)
                ++torn;
            ++reads;
        }
    });
    auto joinReader = qScopeGuard([&] {
        stop = true;
        reader.join();
    });
    for (int round = 0; round < 10; ++round) {
        const QByteArray &content = round % 2 ? a : b;
        const ino_t before = stateOf(path).inode;
        const auto replaced = ssh.writeFile(path, content, round % 2 ? 0640 : 0600);
        QVERIFY2(replaced, qPrintable(replaced ? QString() : replaced.failure().message));
        // Replaced by rename: another file (inode), never rewritten in place.
        QVERIFY(stateOf(path).inode != before);
    }
    joinReader.dismiss();
    stop = true;
    reader.join();
    QCOMPARE(torn.load(), 0);
    QVERIFY(reads.load() > 10);
    QCOMPARE(readLocal(path), a);
    QCOMPARE(stateOf(path).mode, 0640);
    QCOMPARE(stateOf(path).owner, 0u);
    // No temporary file left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("postwrd.conf") });

    // Binary content survives the round trip through readFile.
    QByteArray binary;
    for (int i = 0; i < 256 * 64; ++i)
        binary += static_cast<char>(i % 256);
    QVERIFY(ssh.writeFile(path, binary, 0600));
    const auto back = ssh.readFile(path);
    QVERIFY2(back, qPrintable(back ? QString() : back.failure().message));
    QCOMPARE(*back, binary);
    QCOMPARE(stateOf(path).mode, 0600);
}

void SshSessionTest::readFileRefusesWhatItCannotRead_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<qint64>("maxBytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << "absent.conf" << qint64(1024) << "does not exist";
    QTest::newRow("larger than the limit") << "big.conf" << qint64(100) << "larger than 100 bytes";
}

void SshSessionTest::readFileRefusesWhatItCannotRead()
{
    QFETCH(QString, fileName);
    QFETCH(qint64, maxBytes);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QFile big(dir.filePath(QStringLiteral("big.conf")));
    QVERIFY(big.open(QIODevice::WriteOnly) && big.write(QByteArray(101, 'x')) == 101);
    big.close();
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const auto read = ssh.readFile(dir.filePath(fileName), maxBytes);
    QVERIFY(!read);
    QVERIFY2(read.failure().message.contains(expected), qPrintable(read.failure().message));
}

void SshSessionTest::writeFileWithoutPermissionFails()
{
    QTemporaryDir dir;
    QVERIFY(makeRootOnlyDirectory(dir));
    const QString path = dir.filePath(QStringLiteral("postwrd.conf"));
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, plainUser_.name(), keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const auto written = ssh.writeFile(path, "x = 1\n", 0644);
    QVERIFY(!written);
    QVERIFY2(written.failure().message.contains(QLatin1String("no permission")),
        qPrintable(written.failure().message));
    QVERIFY(QDir(dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    const auto read = ssh.readFile(QStringLiteral("/etc/shadow"));
    QVERIFY(!read);
    QVERIFY2(read.failure().message.contains(QLatin1String("no permission")),
        qPrintable(read.failure().message));
}

// --- sudo -------------------------------------------------------------------------------

void SshSessionTest::sudoRunsAsIsForRoot()
{
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, kRoot, keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    CommandOptions options;
    options.sudo = true;
    options.standardInput = "through\n";
    // Through sudo, SUDO_USER would be set.
    const CommandResult result
        = ssh.run(QStringLiteral("echo \"$(id -u) ${SUDO_USER:-none}\"; cat"), options);
    QVERIFY2(result.ok(), qPrintable(result.error + result.standardError));
    QCOMPARE(result.standardOutput, QStringLiteral("0 none\nthrough\n"));
}

void SshSessionTest::sudoWithoutRightsGivesAClearError_data()
{
    QTest::addColumn<bool>("givePassword");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no password given: asks for it") << false << "asks for the password";
    QTest::newRow("password given: user may not use sudo") << true << "may not use sudo";
}

void SshSessionTest::sudoWithoutRightsGivesAClearError()
{
    QFETCH(bool, givePassword);
    QFETCH(QString, expected);
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, plainUser_.name(), keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    if (givePassword)
        ssh.setSudoPassword(plainUser_.password());
    CommandOptions options;
    options.sudo = true;
    options.timeout = 30s;
    QElapsedTimer clock;
    clock.start();
    const CommandResult result = ssh.run(QStringLiteral("echo ran-as-root"), options);
    QVERIFY2(
        clock.elapsed() < 10000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
    QVERIFY(!result.ok());
    QVERIFY(!result.timedOut);
    QVERIFY2(result.error.contains(expected) && result.error.contains(plainUser_.name()),
        qPrintable(result.error));
    QVERIFY(!result.standardOutput.contains(QLatin1String("ran-as-root")));
    const QString everything = result.error + result.standardOutput + result.standardError;
    QVERIFY(!everything.contains(plainUser_.password()));
    QVERIFY(!everything.contains(QLatin1String("postwr-sudo")));
}

void SshSessionTest::sudoWithPasswordRunsAsRootAndHidesThePassword()
{
    QLoggingCategory::setFilterRules(QStringLiteral("postwr.remote.debug=true"));
    {
        const QMutexLocker lock(&capturedMutex);
        captured.clear();
    }
    const QtMessageHandler previous = qInstallMessageHandler(captureMessage);
    const auto restore = qScopeGuard([previous] {
        qInstallMessageHandler(previous);
        QLoggingCategory::setFilterRules({});
    });

    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, sudoUser_.name(), keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString password = sudoUser_.password();

    CommandOptions options;
    options.sudo = true;
    options.timeout = 30s;
    // Without the password, sudo's question becomes advice.
    const CommandResult asked = ssh.run(QStringLiteral("id -u"), options);
    QVERIFY2(asked.error.contains(QLatin1String("asks for the password")), qPrintable(asked.error));

    ssh.setSudoPassword(password);
    QStringList lines;
    const LineHandler onLine = [&lines](Stream, const QString &text) { lines << text; };
    const CommandResult id = ssh.run(QStringLiteral("id -u; echo \"$SUDO_USER\""), options, onLine);
    QVERIFY2(id.ok(), qPrintable(id.error + id.standardError));
    QCOMPARE(id.standardOutput, QStringLiteral("0\n") + sudoUser_.name() + QLatin1Char('\n'));
    QCOMPARE(id.standardError, QString());

    // The password goes to sudo only, never to the command's stdin.
    options.standardInput = "payload\n";
    const CommandResult cat = ssh.run(QStringLiteral("cat; echo to-stderr >&2"), options, onLine);
    QVERIFY2(cat.ok(), qPrintable(cat.error + cat.standardError));
    QCOMPARE(cat.standardOutput, QStringLiteral("payload\n"));
    QCOMPARE(cat.standardError, QStringLiteral("to-stderr\n"));

    for (const CommandResult *result : { &asked, &id, &cat })
        QVERIFY(
            !(result->error + result->standardOutput + result->standardError).contains(password));
    QVERIFY(!lines.join(QLatin1Char('\n')).contains(password));
    const QMutexLocker lock(&capturedMutex);
    QVERIFY(!captured.isEmpty());
    QVERIFY(!captured.join(QLatin1Char('\n')).contains(password));
}

void SshSessionTest::sudoWithAWrongPasswordGivesAClearError()
{
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, sudoUser_.name(), keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    const QString wrong = QStringLiteral("wrong-") + sudoUser_.password();
    ssh.setSudoPassword(wrong);
    CommandOptions options;
    options.sudo = true;
    options.timeout = 30s;
    options.standardInput = "second line that sudo must not read as a password\n";
    QElapsedTimer clock;
    clock.start();
    const CommandResult result = ssh.run(QStringLiteral("echo ran-as-root"), options);
    QVERIFY2(
        clock.elapsed() < 15000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
    QVERIFY(!result.timedOut);
    QVERIFY2(result.error.contains(QLatin1String("did not accept the password")),
        qPrintable(result.error));
    QVERIFY(!result.standardOutput.contains(QLatin1String("ran-as-root")));
    QVERIFY(!(result.error + result.standardOutput + result.standardError).contains(wrong));
}

void SshSessionTest::sudoMissingGivesAClearError()
{
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, noSudoUser_.name(), keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    CommandOptions options;
    options.sudo = true;
    options.timeout = 30s;
    const CommandResult result = ssh.run(QStringLiteral("echo ran-as-root"), options);
    QVERIFY(!result.ok() && !result.timedOut);
    QVERIFY2(
        result.error.contains(QLatin1String("sudo is not installed")), qPrintable(result.error));
    QCOMPARE(result.exitStatus, 127);
    QVERIFY(!result.standardOutput.contains(QLatin1String("ran-as-root")));
}

void SshSessionTest::writeFileAsRootThroughSudo()
{
    QTemporaryDir dir;
    QVERIFY(makeRootOnlyDirectory(dir));
    const QString path = dir.filePath(QStringLiteral("postwrd.conf"));
    SshSession ssh(knownHostsFile());
    const QString failure = login(ssh, sudoUser_.name(), keyLogin());
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    ssh.setSudoPassword(sudoUser_.password());

    QVERIFY(!ssh.writeFile(path, "as the user\n", 0644));
    const QByteArray first = "hostname = mail.example.org\n";
    const auto written = ssh.writeFile(path, first, 0644, true);
    QVERIFY2(written, qPrintable(written ? QString() : written.failure().message));
    const FileState before = stateOf(path);
    QCOMPARE(readLocal(path), first);
    QCOMPARE(before.owner, 0u);
    QCOMPARE(before.mode, 0644);

    QByteArray second;
    for (int i = 0; i < 200000; ++i)
        second += static_cast<char>(i % 256);
    const auto replaced = ssh.writeFile(path, second, 0600, true);
    QVERIFY2(replaced, qPrintable(replaced ? QString() : replaced.failure().message));
    const FileState after = stateOf(path);
    QCOMPARE(readLocal(path), second);
    QCOMPARE(after.mode, 0600);
    QCOMPARE(after.owner, 0u);
    QVERIFY(after.inode != before.inode);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
        QStringList { QStringLiteral("postwrd.conf") });
}

// --- RemoteWorker -------------------------------------------------------------------------

void SshSessionTest::workerStreamsLinesToTheCallersThread()
{
    RemoteWorker worker(knownHostsFile());
    std::optional<postwr::wizard::Result<HostKeyCheck>> check;
    std::optional<postwr::wizard::Status> trusted;
    std::optional<postwr::wizard::Status> authenticated;
    connect(&worker, &RemoteWorker::hostKeyChecked, this,
        [&check](const auto &result) { check = result; });
    connect(&worker, &RemoteWorker::hostKeyTrusted, this,
        [&trusted](const auto &status) { trusted = status; });
    connect(&worker, &RemoteWorker::authenticated, this,
        [&authenticated](const auto &status) { authenticated = status; });
    worker.connectTo(target(sshd_, kRoot));
    QTRY_VERIFY_WITH_TIMEOUT(check.has_value(), 15000);
    QVERIFY2(*check, qPrintable(*check ? QString() : check->failure().message));
    QCOMPARE((*check)->state, HostKeyState::Unknown);
    worker.trustHostKey();
    worker.authenticate(keyLogin());
    QTRY_VERIFY_WITH_TIMEOUT(authenticated.has_value(), 15000);
    QVERIFY(trusted.has_value() && trusted->ok());
    QVERIFY2(authenticated->ok(),
        qPrintable(authenticated->ok() ? QString() : authenticated->failure().message));

    // The caller's event loop keeps turning while the command runs.
    int ticks = 0;
    QTimer timer;
    timer.setInterval(20);
    connect(&timer, &QTimer::timeout, this, [&ticks] { ++ticks; });
    timer.start();

    QElapsedTimer clock;
    clock.start();
    QList<Line> lines;
    bool allInThisThread = true;
    connect(&worker, &RemoteWorker::line, this, [&](int id, Stream stream, const QString &text) {
        allInThisThread = allInThisThread && QThread::currentThread() == thread() && id == 7;
        lines.append({ clock.elapsed(), stream, text });
    });
    std::optional<CommandResult> finished;
    qint64 finishedAt = 0;
    connect(
        &worker, &RemoteWorker::commandFinished, this, [&](int id, const CommandResult &result) {
            allInThisThread = allInThisThread && QThread::currentThread() == thread() && id == 7;
            finished = result;
            finishedAt = clock.elapsed();
        });
    worker.run(
        7, QStringLiteral("for i in 1 2 3 4; do echo tick$i; sleep 0.5; done; echo oops >&2"), {});
    QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 20000);
    timer.stop();

    QVERIFY2(finished->ok(), qPrintable(finished->error + finished->standardError));
    QVERIFY(allInThisThread);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0).text, QStringLiteral("tick1"));
    QCOMPARE(lines.at(3).text, QStringLiteral("tick4"));
    QCOMPARE(lines.at(4).stream, Stream::Stderr);
    QVERIFY2(finishedAt - lines.first().atMs >= 1200,
        "the first line did not arrive while the command ran");
    QVERIFY2(ticks >= 40,
        qPrintable(
            QStringLiteral("the timer fired only %1 times in %2 ms").arg(ticks).arg(finishedAt)));
}

void SshSessionTest::workerCancelsRunningAndQueuedCommands()
{
    RemoteWorker worker(knownHostsFile());
    std::optional<postwr::wizard::Status> authenticated;
    connect(&worker, &RemoteWorker::authenticated, this,
        [&authenticated](const auto &status) { authenticated = status; });
    worker.connectTo(target(sshd_, kRoot));
    worker.trustHostKey();
    worker.authenticate(keyLogin());
    QTRY_VERIFY_WITH_TIMEOUT(authenticated.has_value(), 15000);
    QVERIFY2(authenticated->ok(),
        qPrintable(authenticated->ok() ? QString() : authenticated->failure().message));

    QMap<int, CommandResult> results;
    connect(&worker, &RemoteWorker::commandFinished, this,
        [&results](int id, const CommandResult &result) { results.insert(id, result); });
    QElapsedTimer clock;
    clock.start();
    worker.run(1, QStringLiteral("sleep 61.41"), {});
    worker.run(2, QStringLiteral("echo never"), {});
    worker.run(3, QStringLiteral("echo after"), {});
    QTest::qWait(500);
    worker.cancel(2); // still queued
    worker.cancel(1); // running
    // Well before the 61 s the sleep would take: the cancel stopped it (the
    // bound is loose, as a loaded machine may take seconds to answer).
    QTRY_COMPARE_WITH_TIMEOUT(results.size(), 3, 20000);
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QStringLiteral("took %1 ms").arg(clock.elapsed())));
    QVERIFY(results[1].cancelled);
    QVERIFY(results[2].cancelled);
    QCOMPARE(results[2].standardOutput, QString());
    QVERIFY(results[3].ok());
    QCOMPARE(results[3].standardOutput, QStringLiteral("after\n"));
    QTRY_VERIFY_WITH_TIMEOUT(!processRuns(QStringLiteral("sleep 61.41")), 5000);
}

QTEST_GUILESS_MAIN(SshSessionTest)
#include "tst_it_ssh_session.moc"
