#include "sandbox/sandbox.h"
#include "sandbox/sandbox_process.h"
#include "sandbox/sandbox_sshd.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <unistd.h>

namespace postwr::sandbox {

namespace {

const QString kSshdPath = QStringLiteral("/usr/sbin/sshd");

} // namespace

QString sshdConfigText(const SshdSettings &settings)
{
    const QDir dir(settings.directory);
    const QString yesNo = settings.runAsRoot ? QStringLiteral("yes") : QStringLiteral("no");
    const QStringList lines {
        QStringLiteral("# The sandbox's SSH server: loopback only, key login only."),
        QStringLiteral("ListenAddress 127.0.0.1"),
        QStringLiteral("Port %1").arg(settings.port),
        QStringLiteral("HostKey %1").arg(dir.filePath(QStringLiteral("ssh_host_ed25519_key"))),
        QStringLiteral("PidFile %1").arg(dir.filePath(QStringLiteral("sshd.pid"))),
        QStringLiteral("AuthorizedKeysFile %1").arg(dir.filePath(QStringLiteral("authorized_keys"))),
        // The keys live in a directory whose modes sshd's checks need not like.
        QStringLiteral("StrictModes no"),
        QStringLiteral("PubkeyAuthentication yes"),
        QStringLiteral("PasswordAuthentication no"),
        QStringLiteral("KbdInteractiveAuthentication no"),
        QStringLiteral("PermitRootLogin %1")
            .arg(settings.runAsRoot ? QStringLiteral("prohibit-password") : QStringLiteral("no")),
        QStringLiteral("UsePAM %1").arg(yesNo),
        // In-process SFTP: no dependency on the sftp-server package's path.
        QStringLiteral("Subsystem sftp internal-sftp"),
        QStringLiteral("LogLevel VERBOSE"),
    };
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString fingerprintOf(const QString &sshKeygenLine)
{
    static const QRegularExpression pattern(QStringLiteral("^\\d+ (SHA256:[A-Za-z0-9+/=]+) "));
    return pattern.match(sshKeygenLine.trimmed()).captured(1);
}

SandboxSshd::SandboxSshd(QString directory)
{
    m_settings.directory = std::move(directory);
    m_settings.runAsRoot = ::geteuid() == 0;
}

SandboxSshd::~SandboxSshd()
{
    stop();
}

QString SandboxSshd::path(const QString &name) const
{
    return QDir(m_settings.directory).filePath(name);
}

QString SandboxSshd::clientKeyFile() const
{
    return path(QStringLiteral("client_ed25519"));
}

QString SandboxSshd::logFile() const
{
    return path(QStringLiteral("sshd.log"));
}

wizard::Status SandboxSshd::makeKeys()
{
    const QString keygen = findProgram(QStringLiteral("ssh-keygen"));
    if (keygen.isEmpty())
        return wizard::Failure { Sandbox::tr("ssh-keygen is missing: apt-get install openssh-client") };
    const QString hostKey = path(QStringLiteral("ssh_host_ed25519_key"));
    for (const QString &key : { hostKey, clientKeyFile() }) {
        auto made = runTool(Sandbox::tr("Making the key %1").arg(key), keygen,
            { QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"), QString(),
                QStringLiteral("-C"), QStringLiteral("postwr-sandbox"), QStringLiteral("-f"), key });
        if (!made)
            return made.failure();
    }
    auto listed = runTool(Sandbox::tr("Reading the host key's fingerprint"), keygen,
        { QStringLiteral("-lf"), hostKey + QStringLiteral(".pub") });
    if (!listed)
        return listed.failure();
    m_hostKeyFingerprint = fingerprintOf(QString::fromUtf8(*listed));
    if (m_hostKeyFingerprint.isEmpty())
        return wizard::Failure {
            Sandbox::tr("ssh-keygen -lf printed no SHA256 fingerprint: %1").arg(QString::fromUtf8(*listed).trimmed())
        };
    // sshd reads authorized_keys as the user logging in: this user.
    if (!writeFile(path(QStringLiteral("authorized_keys")), readFile(clientKeyFile() + QStringLiteral(".pub"))))
        return wizard::Failure { Sandbox::tr("Cannot write %1.").arg(path(QStringLiteral("authorized_keys"))) };
    return wizard::Done {};
}

wizard::Status SandboxSshd::start(const std::atomic_bool *cancel)
{
    if (!QFileInfo(kSshdPath).isExecutable())
        return wizard::Failure { Sandbox::tr("%1 is missing: apt-get install openssh-server").arg(kSshdPath) };
    // sshd as root insists on its privilege separation directory.
    if (m_settings.runAsRoot && !QDir().mkpath(QStringLiteral("/run/sshd")))
        return wizard::Failure { Sandbox::tr("Cannot create /run/sshd, which sshd needs.") };
    wizard::Status keys = makeKeys();
    if (!keys)
        return keys;

    // The port may be taken between the check and sshd's bind: then another.
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const QList<quint16> ports = freeTcpPorts(1);
        if (ports.isEmpty())
            return wizard::Failure { Sandbox::tr("No free TCP port on 127.0.0.1.") };
        m_settings.port = ports.first();
        const QString config = path(QStringLiteral("sshd_config"));
        if (!writeFile(config, sshdConfigText(m_settings).toUtf8()))
            return wizard::Failure { Sandbox::tr("Cannot write %1.").arg(config) };
        QFile::remove(logFile());
        m_process = std::make_unique<QProcess>();
        tieToThisProcess(*m_process);
        m_process->setStandardOutputFile(logFile());
        m_process->setStandardErrorFile(logFile(), QIODevice::Append);
        // -D: in the foreground, -e: log to stderr.
        m_process->start(kSshdPath, { QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config });
        if (!m_process->waitForStarted(5000))
            return wizard::Failure { Sandbox::tr("Cannot start sshd: %1").arg(m_process->errorString()) };
        const QString listening = QStringLiteral("Server listening on 127.0.0.1 port %1.").arg(m_settings.port);
        if (waitForText(logFile(), listening, *m_process, 10000, cancel))
            return wizard::Done {};
        stop();
        if (cancel && cancel->load())
            return wizard::Failure { Sandbox::tr("Cancelled.") };
        if (!readFile(logFile()).contains("Bind to port"))
            break;
    }
    return wizard::Failure { Sandbox::tr("sshd did not start; its log %1 says: %2")
                                 .arg(logFile(), QString::fromUtf8(readFile(logFile())).trimmed().right(600)) };
}

void SandboxSshd::stop()
{
    if (m_process)
        stopProcess(*m_process);
    m_process.reset();
}

} // namespace postwr::sandbox
