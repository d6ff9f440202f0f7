#include "sandbox/sandbox_services.h"

#include "payload/payload.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandbox_process.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThread>
#include <pwd.h>
#include <signal.h>
#include <unistd.h>

namespace postwr::sandbox {

namespace {

// Marks a directory as a sandbox, so that only such a directory (or an empty
// one) is ever removed, and only its processes stopped.
const QString kMarker = QStringLiteral(".postwr-sandbox");
const QString kPasswordVariable = QStringLiteral("POSTWR_SANDBOX_PASSWORD");

QString currentUser()
{
    const passwd *entry = ::getpwuid(::geteuid());
    return entry ? QString::fromLocal8Bit(entry->pw_name) : qEnvironmentVariable("USER");
}

// Letters and digits only: a password no shell or SMTP layer can misread.
QString randomPassword()
{
    static const QString alphabet = QStringLiteral("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString password;
    for (int i = 0; i < 24; ++i)
        password += alphabet.at(static_cast<qsizetype>(QRandomGenerator::system()->bounded(alphabet.size())));
    return password;
}

} // namespace

SandboxServices::SandboxServices(QString directory)
    : m_directory(QDir::cleanPath(QDir(directory).absolutePath()))
    , m_password(randomPassword())
    , m_dns(path(QStringLiteral("dns")))
    , m_receiver(path(QStringLiteral("receiver")), path(QStringLiteral("postwrd")))
    , m_sshd(path(QStringLiteral("ssh")))
{
}

SandboxServices::~SandboxServices()
{
    stop([](const QString &, bool) {});
}

wizard::Status SandboxServices::prepareDirectory()
{
    const QDir dir(m_directory);
    const bool isSandbox = QFileInfo::exists(path(kMarker));
    if (dir.exists() && !isSandbox && !dir.isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
        return wizard::Failure { Sandbox::tr("%1 is not empty and is no sandbox of postwr: choose another "
                                             "--sandbox-dir, or empty it.")
                                     .arg(m_directory) };
    if (isSandbox) {
        // What an earlier run that was killed left running.
        stopProcessesUsing(m_directory);
        if (!QDir(m_directory).removeRecursively())
            return wizard::Failure { Sandbox::tr("Cannot remove the previous sandbox %1.").arg(m_directory) };
    }
    for (const QString &sub : { QStringLiteral("dns"), QStringLiteral("receiver"), QStringLiteral("ssh") }) {
        if (!QDir().mkpath(path(sub)))
            return wizard::Failure { Sandbox::tr("Cannot create %1.").arg(path(sub)) };
    }
    m_prepared = writeFile(path(kMarker), QByteArrayLiteral("made by postwr --sandbox\n"));
    if (!m_prepared)
        return wizard::Failure { Sandbox::tr("Cannot write in %1.").arg(m_directory) };
    // The receiver is the postwrd this app installs, run here.
    QFile binary(path(QStringLiteral("postwrd")));
    if (!binary.open(QIODevice::WriteOnly) || binary.write(payload::postwrdBinary()) < 0)
        return wizard::Failure { Sandbox::tr("Cannot write %1.").arg(binary.fileName()) };
    binary.close();
    binary.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::ExeOther);
    return wizard::Done {};
}

wizard::Status SandboxServices::start(const Report &report, const std::atomic_bool *cancel)
{
    wizard::Status prepared = prepareDirectory();
    if (!prepared)
        return prepared;
    report(Sandbox::tr("Starting the DNS server (dnsmasq) for sandbox.test and gmail.test"), true);
    wizard::Status started = m_dns.start(baseRecords(), cancel);
    if (!started)
        return started;
    report(Sandbox::tr("DNS: 127.0.0.1 port %1").arg(m_dns.port()), false);

    report(Sandbox::tr("Starting the receiver standing in for Gmail (postwrd for gmail.test)"), true);
    started = m_receiver.start(m_dns.server(), cancel);
    if (!started)
        return started;
    report(Sandbox::tr("Receiver: %1 on 127.0.0.1 port %2, mail lands in %3")
            .arg(QLatin1String(SandboxReceiver::kAccount))
            .arg(m_receiver.smtpPort())
            .arg(m_receiver.inbox()), false);

    report(Sandbox::tr("Starting the SSH server (sshd) standing in for the VPS"), true);
    started = m_sshd.start(cancel);
    if (!started)
        return started;
    report(Sandbox::tr("SSH: %1@127.0.0.1 port %2, host key %3")
            .arg(currentUser())
            .arg(m_sshd.port())
            .arg(m_sshd.hostKeyFingerprint()), false);

    const QList<quint16> ports = freeTcpPorts(3);
    if (ports.size() != 3)
        return wizard::Failure { Sandbox::tr("No free TCP port on 127.0.0.1.") };
    m_settings.sshPort = m_sshd.port();
    m_settings.user = currentUser();
    m_settings.keyFile = m_sshd.clientKeyFile();
    m_settings.hostKey = m_sshd.hostKeyFingerprint();
    m_settings.knownHosts = path(QStringLiteral("known_hosts"));
    m_settings.prefix = path(QStringLiteral("server"));
    m_settings.smtpPort = ports[0];
    m_settings.submissionPort = ports[1];
    m_settings.submissionsPort = ports[2];
    m_settings.dnsServer = m_dns.server();
    m_settings.receiverSmtpPort = m_receiver.smtpPort();
    m_settings.passwordVariable = kPasswordVariable;
    return wizard::Done {};
}

wizard::Status SandboxServices::publish(const QList<DnsRecord> &records, const std::atomic_bool *cancel)
{
    return m_dns.start(baseRecords() + records, cancel);
}

void SandboxServices::stopInstalledPostwrd()
{
    // Its supervisor runs detached from the SSH session (as on a VPS): the
    // pid file is the way to it. SIGTERM: it stops postwrd, then itself.
    const QString pidFile
        = m_settings.prefix.isEmpty() ? QString() : m_settings.prefix + QStringLiteral("/run/supervisor.pid");
    bool isNumber = false;
    const auto pid = static_cast<pid_t>(readFile(pidFile).trimmed().toInt(&isNumber));
    if (!isNumber || pid <= 0 || ::kill(pid, SIGTERM) != 0)
        return;
    const QDeadlineTimer deadline(15000);
    while (::kill(pid, 0) == 0 && !deadline.hasExpired())
        QThread::msleep(50);
}

void SandboxServices::stop(const Report &report)
{
    if (!m_prepared)
        return;
    report(Sandbox::tr("Stopping the sandbox"), true);
    stopInstalledPostwrd();
    m_receiver.stop();
    m_dns.stop();
    m_sshd.stop();
    // Whatever is left: an SSH session's command that a Ctrl-C interrupted.
    stopProcessesUsing(m_directory);
    report(Sandbox::tr("Stopped. Configs and logs stay in %1 until the next run.").arg(m_directory), false);
    m_prepared = false;
}

} // namespace postwr::sandbox
