#include "support/sshd_instance.h"

#include "support/process_runner.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QtDebug>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace {

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = static_cast<char>(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

ProcessResult runTool(const QString &program, const QStringList &arguments)
{
    ProcessRequest request;
    request.program = program;
    request.arguments = arguments;
    return runProcess(request);
}

QString sshKeygenPath(QString *error)
{
    return findTool(
        QStringLiteral("ssh-keygen"), QStringLiteral("apt-get install openssh-client"), error);
}

// Runs an administration tool (useradd, chpasswd, ...), which lives in
// /usr/sbin where a non-login PATH may not look.
bool runAdmin(
    const QString &program, const QStringList &arguments, const QByteArray &input, QString *error)
{
    QString path = QStandardPaths::findExecutable(program);
    if (path.isEmpty())
        path = QStandardPaths::findExecutable(
            program, { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") });
    if (path.isEmpty()) {
        *error = QStringLiteral("%1 not found: apt-get install passwd sudo").arg(program);
        return false;
    }
    ProcessRequest request;
    request.program = path;
    request.arguments = arguments;
    request.standardInput = input;
    const ProcessResult result = runProcess(request);
    if (!result.succeeded()) {
        *error = QStringLiteral("%1 %2: %3: %4")
                     .arg(program, arguments.join(QLatin1Char(' ')), result.status(),
                         QString::fromUtf8(result.standardError).trimmed());
        return false;
    }
    return true;
}

// A crashed test must not leave sshd or ssh-agent behind: they get SIGTERM
// when the test process dies.
void dieWithTheTest(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

// The GECOS field of our test users: a user whose test process is gone (it
// crashed before its cleanup) is removed by the next test that makes one.
const QString kUserComment = QStringLiteral("postwr-test pid=");

void removeStaleTestUsers()
{
    for (const QByteArray &line : readAll(QStringLiteral("/etc/passwd")).split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() < 5 || !fields.at(4).startsWith(kUserComment.toLatin1()))
            continue;
        const QByteArray pid = fields.at(4).mid(kUserComment.size());
        if (QFileInfo::exists(QStringLiteral("/proc/") + QString::fromLatin1(pid)))
            continue;
        const QString name = QString::fromLatin1(fields.at(0));
        QString error;
        runAdmin(QStringLiteral("userdel"), { QStringLiteral("-r"), name }, {}, &error);
        QFile::remove(QStringLiteral("/etc/sudoers.d/postwr-test-") + name);
    }
}

} // namespace

// --- SshdInstance -------------------------------------------------------------

SshdInstance::SshdInstance()
{
    // sshd reads authorized_keys as the user logging in.
    QFile::setPermissions(dir_.path(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
            | QFileDevice::ExeOther);
    QFile keys(dir_.filePath(QStringLiteral("authorized_keys")));
    if (keys.open(QIODevice::WriteOnly))
        keys.close();
    QFile::setPermissions(keys.fileName(),
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
            | QFileDevice::ReadOther);
}

SshdInstance::~SshdInstance()
{
    stop();
    if (QTest::currentTestFailed()) {
        const QString text = log();
        if (!text.isEmpty())
            qInfo().noquote() << "----- sshd log -----\n" + text + "----- end of sshd log -----";
    }
}

bool SshdInstance::fail(const QString &message)
{
    error_ = message;
    return false;
}

QString SshdInstance::sshdPath(QString *error)
{
    const QString path = QStringLiteral("/usr/sbin/sshd");
    if (!QFileInfo(path).isExecutable()) {
        if (error)
            *error = QStringLiteral("/usr/sbin/sshd not found: apt-get install openssh-server");
        return {};
    }
    return path;
}

bool SshdInstance::authorizeKey(const QString &publicKeyFile)
{
    const QByteArray key = readAll(publicKeyFile).trimmed();
    if (key.isEmpty())
        return fail(QStringLiteral("cannot read the public key %1").arg(publicKeyFile));
    QFile keys(dir_.filePath(QStringLiteral("authorized_keys")));
    if (!keys.open(QIODevice::Append) || keys.write(key + '\n') < 0)
        return fail(QStringLiteral("cannot write %1").arg(keys.fileName()));
    return true;
}

QString SshdInstance::hostPublicKeyFile(const QString &type) const
{
    return dir_.filePath(QStringLiteral("ssh_host_%1_key.pub").arg(type));
}

bool SshdInstance::makeHostKeys()
{
    QString error;
    const QString keygen = sshKeygenPath(&error);
    if (keygen.isEmpty())
        return fail(error);
    for (const QString &type : std::as_const(hostKeyTypes_)) {
        const QString path = dir_.filePath(QStringLiteral("ssh_host_%1_key").arg(type));
        // ssh-keygen asks before overwriting, and stdin is closed.
        QFile::remove(path);
        QFile::remove(path + QStringLiteral(".pub"));
        QStringList arguments = { QStringLiteral("-q"), QStringLiteral("-t"), type,
            QStringLiteral("-N"), QString(), QStringLiteral("-C"),
            QStringLiteral("postwr-test-host"), QStringLiteral("-f"), path };
        if (type == QLatin1String("rsa"))
            arguments << QStringLiteral("-b") << QStringLiteral("2048");
        const ProcessResult result = runTool(keygen, arguments);
        if (!result.succeeded())
            return fail(
                QStringLiteral("ssh-keygen -t %1: %2: %3")
                    .arg(type, result.status(), QString::fromUtf8(result.standardError).trimmed()));
    }
    hostKeysMade_ = true;
    return true;
}

bool SshdInstance::regenerateHostKeys()
{
    return makeHostKeys();
}

bool SshdInstance::writeConfig()
{
    const auto yesNo = [](bool on) { return on ? QStringLiteral("yes") : QStringLiteral("no"); };
    QStringList lines = {
        QStringLiteral("ListenAddress 127.0.0.1"),
        QStringLiteral("Port %1").arg(port_),
        QStringLiteral("PidFile %1").arg(dir_.filePath(QStringLiteral("sshd.pid"))),
        QStringLiteral("AuthorizedKeysFile %1")
            .arg(dir_.filePath(QStringLiteral("authorized_keys"))),
        QStringLiteral("StrictModes no"),
        QStringLiteral("UsePAM %1").arg(yesNo(usePam_)),
        QStringLiteral("PasswordAuthentication %1").arg(yesNo(passwordAuthentication_)),
        QStringLiteral("KbdInteractiveAuthentication %1").arg(yesNo(kbdInteractiveAuthentication_)),
        QStringLiteral("PubkeyAuthentication yes"),
        QStringLiteral("PermitRootLogin yes"),
        QStringLiteral("MaxAuthTries 20"),
        QStringLiteral("LogLevel VERBOSE"),
        // In-process SFTP: no dependency on the sftp-server package's path.
        QStringLiteral("Subsystem sftp internal-sftp"),
    };
    for (const QString &type : std::as_const(hostKeyTypes_))
        lines << QStringLiteral("HostKey %1")
                     .arg(dir_.filePath(QStringLiteral("ssh_host_%1_key").arg(type)));
    lines += extraConfig_;
    QFile config(dir_.filePath(QStringLiteral("sshd_config")));
    if (!config.open(QIODevice::WriteOnly)
        || config.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n') < 0)
        return fail(QStringLiteral("cannot write %1").arg(config.fileName()));
    return true;
}

quint16 SshdInstance::pickFreePort()
{
    QTcpServer server;
    return server.listen(QHostAddress(QHostAddress::LocalHost), 0) ? server.serverPort() : 0;
}

bool SshdInstance::start(int timeoutMs)
{
    if (isRunning())
        return fail(QStringLiteral("sshd is already running"));
    QString error;
    if (sshdPath(&error).isEmpty())
        return fail(error);
    if (!TestUser::runningAsRoot(&error))
        return fail(error);
    if (!dir_.isValid())
        return fail(QStringLiteral("cannot create a temporary directory"));
    // sshd's privilege separation directory (TESTING-NOTES.md).
    if (!QDir().mkpath(QStringLiteral("/run/sshd")))
        return fail(QStringLiteral("cannot create /run/sshd"));
    if (!hostKeysMade_ && !makeHostKeys())
        return false;

    const QDeadlineTimer deadline(timeoutMs);
    // The port may be taken between the check and sshd's bind: pick another.
    for (int attempt = 1; attempt <= 5 && !deadline.hasExpired(); ++attempt) {
        port_ = pickFreePort();
        if (port_ == 0)
            return fail(QStringLiteral("no free TCP port on 127.0.0.1"));
        if (launch(static_cast<int>(deadline.remainingTime())))
            return true;
        if (!log().contains(QLatin1String("Bind to port")))
            return false;
    }
    return false;
}

bool SshdInstance::restart(int timeoutMs)
{
    stop();
    return launch(timeoutMs);
}

bool SshdInstance::launch(int timeoutMs)
{
    if (!writeConfig())
        return false;
    logFile_ = dir_.filePath(QStringLiteral("sshd-%1.log").arg(++launches_));
    process_ = std::make_unique<QProcess>();
    dieWithTheTest(*process_);
    process_->setStandardOutputFile(logFile_);
    process_->setStandardErrorFile(logFile_, QIODevice::Append);
    // -D: stay in the foreground, -e: log to stderr.
    process_->start(sshdPath(nullptr),
        { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"),
            dir_.filePath(QStringLiteral("sshd_config")) });
    if (!process_->waitForStarted(5000))
        return fail(QStringLiteral("cannot start sshd: %1").arg(process_->errorString()));
    return waitForBanner(timeoutMs);
}

bool SshdInstance::waitForBanner(int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    const QString listening = QStringLiteral("Server listening on 127.0.0.1 port %1.").arg(port_);
    while (!deadline.hasExpired()) {
        if (process_->state() == QProcess::NotRunning)
            return fail(QStringLiteral("sshd exited at start:\n%1")
                            .arg(QString::fromUtf8(readAll(logFile_))));
        QTcpSocket socket;
        socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port_);
        if (socket.waitForConnected(500) && socket.waitForReadyRead(2000)
            && socket.readLine().startsWith("SSH-2.0-") && log().contains(listening))
            return true;
        QThread::msleep(50);
    }
    return fail(QStringLiteral("sshd on port %1 sent no SSH banner within %2 ms; its log:\n%3")
                    .arg(port_)
                    .arg(timeoutMs)
                    .arg(log()));
}

void SshdInstance::stop()
{
    if (!process_)
        return;
    if (process_->state() != QProcess::NotRunning) {
        process_->terminate();
        if (!process_->waitForFinished(5000)) {
            process_->kill();
            process_->waitForFinished(5000);
        }
    }
    process_.reset();
}

bool SshdInstance::isRunning() const
{
    return process_ && process_->state() != QProcess::NotRunning;
}

QString SshdInstance::log() const
{
    QString text;
    for (int i = 1; i <= launches_; ++i)
        text += QString::fromUtf8(readAll(dir_.filePath(QStringLiteral("sshd-%1.log").arg(i))));
    return text;
}

// --- TestUser -------------------------------------------------------------------

bool TestUser::runningAsRoot(QString *error)
{
    if (::geteuid() == 0)
        return true;
    *error = QStringLiteral(
        "this test starts sshd and creates throwaway users: run it as root (CI does), "
        "e.g. in a container");
    return false;
}

bool TestUser::create(QString *error)
{
    if (!runningAsRoot(error))
        return false;
    removeStaleTestUsers();
    name_ = QStringLiteral("pwt") + randomHex(4);
    password_ = randomHex(12);
    const QString comment = kUserComment + QString::number(QCoreApplication::applicationPid());
    if (!runAdmin(QStringLiteral("useradd"),
            { QStringLiteral("-m"), QStringLiteral("-s"), QStringLiteral("/bin/bash"),
                QStringLiteral("-c"), comment, name_ },
            {}, error))
        return false;
    created_ = true;
    return runAdmin(QStringLiteral("chpasswd"), {},
        (name_ + QLatin1Char(':') + password_ + QLatin1Char('\n')).toUtf8(), error);
}

bool TestUser::allowSudo(QString *error)
{
    const QString candidate = QDir::temp().filePath(QStringLiteral("postwr-sudoers-") + name_);
    QFile file(candidate);
    if (!file.open(QIODevice::WriteOnly)
        || file.write((name_ + QStringLiteral(" ALL=(ALL:ALL) ALL\n")).toUtf8()) < 0) {
        *error = QStringLiteral("cannot write %1").arg(candidate);
        return false;
    }
    file.close();
    const bool valid
        = runAdmin(QStringLiteral("visudo"), { QStringLiteral("-cf"), candidate }, {}, error);
    if (valid) {
        sudoersFile_ = QStringLiteral("/etc/sudoers.d/postwr-test-") + name_;
        QFile::setPermissions(candidate, QFileDevice::ReadOwner | QFileDevice::ReadGroup);
        QFile::remove(sudoersFile_);
        if (!QFile::copy(candidate, sudoersFile_))
            *error = QStringLiteral("cannot create %1").arg(sudoersFile_);
    }
    QFile::remove(candidate);
    return valid && QFileInfo::exists(sudoersFile_);
}

TestUser::~TestUser()
{
    if (!sudoersFile_.isEmpty())
        QFile::remove(sudoersFile_);
    if (!created_)
        return;
    QString error;
    // userdel refuses while a process of the user still runs (an sshd session
    // that is closing): try again briefly.
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (runAdmin(QStringLiteral("userdel"), { QStringLiteral("-r"), name_ }, {}, &error))
            return;
        if (!error.contains(QLatin1String("currently used")))
            break;
        QThread::msleep(250);
    }
    qWarning().noquote() << "cannot remove test user" << name_ << ":" << error;
}

// --- SshAgent ---------------------------------------------------------------------

bool SshAgent::start(const QString &directory, QString *error)
{
    const QString agent = findTool(
        QStringLiteral("ssh-agent"), QStringLiteral("apt-get install openssh-client"), error);
    if (agent.isEmpty())
        return false;
    socket_ = QDir(directory).filePath(QStringLiteral("agent.sock"));
    process_ = std::make_unique<QProcess>();
    dieWithTheTest(*process_);
    process_->setProcessChannelMode(QProcess::MergedChannels);
    process_->start(agent, { QStringLiteral("-D"), QStringLiteral("-a"), socket_ });
    if (!process_->waitForStarted(5000)) {
        *error = QStringLiteral("cannot start ssh-agent: %1").arg(process_->errorString());
        return false;
    }
    if (!QTest::qWaitFor([this] { return QFileInfo::exists(socket_); }, 5000)) {
        *error = QStringLiteral("ssh-agent made no socket at %1: %2")
                     .arg(socket_, QString::fromUtf8(process_->readAll()));
        return false;
    }
    return true;
}

bool SshAgent::add(const QString &privateKeyFile, QString *error)
{
    const QString add = findTool(
        QStringLiteral("ssh-add"), QStringLiteral("apt-get install openssh-client"), error);
    if (add.isEmpty())
        return false;
    ProcessRequest request;
    request.program = add;
    request.arguments = { privateKeyFile };
    request.environment.insert(QStringLiteral("SSH_AUTH_SOCK"), socket_);
    const ProcessResult result = runProcess(request);
    if (!result.succeeded()) {
        *error = QStringLiteral("ssh-add %1: %2: %3")
                     .arg(privateKeyFile, result.status(),
                         QString::fromUtf8(result.standardError).trimmed());
        return false;
    }
    return true;
}

SshAgent::~SshAgent()
{
    if (!process_)
        return;
    process_->kill();
    process_->waitForFinished(5000);
}

// --- Keys ---------------------------------------------------------------------------

bool generateSshKey(
    const QString &path, const QString &type, const QString &passphrase, QString *error)
{
    const QString keygen = sshKeygenPath(error);
    if (keygen.isEmpty())
        return false;
    QFile::remove(path);
    QFile::remove(path + QStringLiteral(".pub"));
    const ProcessResult result = runTool(keygen,
        { QStringLiteral("-q"), QStringLiteral("-t"), type, QStringLiteral("-N"), passphrase,
            QStringLiteral("-C"), QStringLiteral("postwr-test-user"), QStringLiteral("-f"), path });
    if (!result.succeeded()) {
        *error = QStringLiteral("ssh-keygen -t %1: %2: %3")
                     .arg(type, result.status(), QString::fromUtf8(result.standardError).trimmed());
        return false;
    }
    return true;
}

QString sshKeygenFingerprint(const QString &publicKeyFile, QString *error)
{
    const QString keygen = sshKeygenPath(error);
    if (keygen.isEmpty())
        return {};
    // "256 SHA256:… comment (ED25519)"
    const ProcessResult result = runTool(keygen, { QStringLiteral("-lf"), publicKeyFile });
    const QStringList fields
        = QString::fromUtf8(result.standardOutput).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (!result.succeeded() || fields.size() < 2) {
        *error = QStringLiteral("ssh-keygen -lf %1: %2: %3")
                     .arg(publicKeyFile, result.status(),
                         QString::fromUtf8(result.standardError).trimmed());
        return {};
    }
    return fields.at(1);
}

bool startKeyLogin(const QString &directory, SshdInstance &sshd, TestUser &user, KeyLogin *login, QString *error)
{
    login->key = directory + QStringLiteral("/user_ed25519");
    if (!generateSshKey(login->key, QStringLiteral("ed25519"), {}, error))
        return false;
    sshd.setHostKeyTypes({ QStringLiteral("ed25519") });
    if (!sshd.authorizeKey(login->key + QStringLiteral(".pub")) || !user.create(error) || !sshd.start()) {
        if (error->isEmpty())
            *error = sshd.errorString();
        return false;
    }
    login->hostKey = sshKeygenFingerprint(sshd.hostPublicKeyFile(QStringLiteral("ed25519")), error);
    return login->hostKey.startsWith(QStringLiteral("SHA256:"));
}
