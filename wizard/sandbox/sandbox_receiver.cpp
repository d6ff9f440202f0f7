#include "sandbox/sandbox.h"
#include "sandbox/sandbox_process.h"
#include "sandbox/sandbox_receiver.h"

#include <QDir>

namespace postwr::sandbox {

QString receiverConfigText(const ReceiverSettings &settings)
{
    return QStringLiteral("# The sandbox's stand-in for Gmail; README.md \"Configuration\" has every key.\n"
                          "hostname = %1\n"
                          "spool = spool\n"
                          "maildir = mail\n"
                          "\n"
                          "[listen]\n"
                          "smtp = 127.0.0.1:%2\n"
                          "submission = 127.0.0.1:%3\n"
                          "submissions = 127.0.0.1:%4\n"
                          "\n"
                          "[dns]\n"
                          "servers = %5\n")
        .arg(settings.hostname)
        .arg(settings.smtpPort)
        .arg(settings.submissionPort)
        .arg(settings.submissionsPort)
        .arg(settings.dnsServer);
}

SandboxReceiver::SandboxReceiver(QString directory, QString postwrd)
    : m_directory(std::move(directory))
    , m_postwrd(std::move(postwrd))
{
}

SandboxReceiver::~SandboxReceiver()
{
    stop();
}

QString SandboxReceiver::inbox() const
{
    return QDir(m_directory).filePath(QStringLiteral("mail/%1/me/new").arg(QLatin1String(kDomain)));
}

QStringList SandboxReceiver::messages() const
{
    QStringList paths;
    const QDir dir(inbox());
    for (const QString &name : dir.entryList(QDir::Files, QDir::Time | QDir::Reversed))
        paths << dir.filePath(name);
    return paths;
}

QString SandboxReceiver::logFile() const
{
    return QDir(m_directory).filePath(QStringLiteral("postwrd.log"));
}

wizard::Result<QByteArray> SandboxReceiver::postwrd(const QString &what, const QStringList &arguments)
{
    return runTool(what, m_postwrd, QStringList { QStringLiteral("--config"), m_directory } + arguments);
}

wizard::Status SandboxReceiver::start(const QString &dnsServer, const std::atomic_bool *cancel)
{
    const QList<quint16> ports = freeTcpPorts(3);
    if (ports.size() != 3)
        return wizard::Failure { Sandbox::tr("No free TCP port on 127.0.0.1.") };
    m_settings.smtpPort = ports[0];
    m_settings.submissionPort = ports[1];
    m_settings.submissionsPort = ports[2];
    m_settings.dnsServer = dnsServer;
    const QDir dir(m_directory);
    // A domain is local when its directory exists.
    if (!dir.mkpath(QStringLiteral("domains/%1").arg(QLatin1String(kDomain)))
        || !writeFile(dir.filePath(QStringLiteral("postwrd.conf")), receiverConfigText(m_settings).toUtf8()))
        return wizard::Failure { Sandbox::tr("Cannot write the receiver's configuration in %1.").arg(m_directory) };
    // A password nobody needs: the account only receives.
    auto account = postwrd(Sandbox::tr("Adding the receiver's account"),
        { QStringLiteral("user"), QStringLiteral("add"), QLatin1String(kAccount), QStringLiteral("--generate") });
    if (!account)
        return account.failure();
    auto certificate = postwrd(
        Sandbox::tr("Making the receiver's certificate"), { QStringLiteral("tls"), QStringLiteral("self-signed") });
    if (!certificate)
        return certificate.failure();
    auto checked = postwrd(
        Sandbox::tr("Checking the receiver's configuration"), { QStringLiteral("config"), QStringLiteral("check") });
    if (!checked)
        return checked.failure();

    m_process = std::make_unique<QProcess>();
    tieToThisProcess(*m_process);
    m_process->setStandardOutputFile(logFile());
    m_process->setStandardErrorFile(logFile(), QIODevice::Append);
    m_process->start(m_postwrd, { QStringLiteral("--config"), m_directory, QStringLiteral("run") });
    if (!m_process->waitForStarted(5000))
        return wizard::Failure { Sandbox::tr("Cannot start the receiver: %1").arg(m_process->errorString()) };
    if (waitForText(logFile(), QStringLiteral("event=ready"), *m_process, 15000, cancel))
        return wizard::Done {};
    stop();
    return wizard::Failure { Sandbox::tr("The receiver did not start; its log %1 says: %2")
                                 .arg(logFile(), QString::fromUtf8(readFile(logFile())).trimmed().right(600)) };
}

void SandboxReceiver::stop()
{
    if (m_process)
        stopProcess(*m_process, 10000);
    m_process.reset();
}

} // namespace postwr::sandbox
