#include "steps/probe_advice.h"

namespace postwr::steps {

namespace {

using Level = Finding::Level;

QString mebibytes(qint64 kib)
{
    return QString::number(kib / 1024);
}

// Who holds a port, in words a user recognises.
QString programName(const QString &process)
{
    if (process == QLatin1String("master"))
        return QStringLiteral("Postfix");
    if (process.startsWith(QLatin1String("exim")))
        return QStringLiteral("Exim");
    if (process.isEmpty())
        return ProbeAdvice::tr("another program");
    return process;
}

void addSystem(QList<Finding> &out, const ProbeReport &r, const AdviceContext &c)
{
    const QString os = r.osName.isEmpty() ? ProbeAdvice::tr("an unknown system") : r.osName;
    if (r.osId == QLatin1String("debian") || r.osId == QLatin1String("ubuntu"))
        out << Finding { Level::Good, QStringLiteral("os"), ProbeAdvice::tr("The server runs %1.").arg(os) };
    else
        out << Finding { Level::Warning, QStringLiteral("os"),
            ProbeAdvice::tr("The server runs %1. Postwr is tested on Debian and Ubuntu; postwrd should work on any "
                            "Linux, but the steps may need adjusting.")
                .arg(os) };

    if (r.architecture == QLatin1String("x86_64"))
        out << Finding { Level::Good, QStringLiteral("arch"), ProbeAdvice::tr("Its processor architecture is x86_64.") };
    else
        out << Finding { Level::Problem, QStringLiteral("arch"),
            ProbeAdvice::tr("Its processor architecture is %1, but the postwrd that Postwr carries is built for x86_64. "
                            "Choose an x86_64 server, or build postwrd from source on this one.")
                .arg(r.architecture.isEmpty() ? ProbeAdvice::tr("unknown") : r.architecture) };

    if (r.hasSystemd)
        out << Finding { Level::Good, QStringLiteral("init"), ProbeAdvice::tr("systemd runs the services.") };
    else if (c.mode == InstallMode::System)
        out << Finding { Level::Problem, QStringLiteral("init"),
            ProbeAdvice::tr("The server does not run systemd (PID 1 is %1), which a system install needs. "
                            "Choose the user install instead.")
                .arg(r.init.isEmpty() ? ProbeAdvice::tr("unknown") : r.init) };
    else
        out << Finding { Level::Good, QStringLiteral("init"),
            ProbeAdvice::tr("No systemd here; the user install keeps postwrd running itself.") };

    if (r.memoryTotalKiB < 0)
        out << Finding { Level::Warning, QStringLiteral("memory"),
            ProbeAdvice::tr("Cannot tell how much memory the server has (no /proc/meminfo). postwrd needs about 10 MiB.") };
    else if (r.memoryTotalKiB > 0 && r.memoryTotalKiB < 128 * 1024)
        out << Finding { Level::Warning, QStringLiteral("memory"),
            ProbeAdvice::tr("The server has %1 MiB of memory. postwrd needs about 10 MiB, but the system may be "
                            "short of memory for anything else.")
                .arg(mebibytes(r.memoryTotalKiB)) };
    else
        out << Finding { Level::Good, QStringLiteral("memory"),
            ProbeAdvice::tr("%1 MiB of memory, %2 MiB available: plenty (postwrd needs about 10 MiB).")
                .arg(mebibytes(r.memoryTotalKiB), mebibytes(r.memoryAvailableKiB)) };

    if (r.diskFreeKiB < 0)
        out << Finding { Level::Warning, QStringLiteral("disk"),
            ProbeAdvice::tr("Cannot tell how much disk space is free (no df on the server).") };
    else if (r.diskFreeKiB < 100 * 1024)
        out << Finding { Level::Problem, QStringLiteral("disk"),
            ProbeAdvice::tr("Only %1 MiB are free on the disk: free some space, the queue and the mailboxes need it.")
                .arg(mebibytes(r.diskFreeKiB)) };
    else if (r.diskFreeKiB < 1024 * 1024)
        out << Finding { Level::Warning, QStringLiteral("disk"),
            ProbeAdvice::tr("%1 MiB are free on the disk: enough to start, but mail with attachments fills it quickly.")
                .arg(mebibytes(r.diskFreeKiB)) };
    else
        out << Finding { Level::Good, QStringLiteral("disk"),
            ProbeAdvice::tr("%1 MiB are free on the disk.").arg(mebibytes(r.diskFreeKiB)) };
}

void addAddresses(QList<Finding> &out, const ProbeReport &r, const AdviceContext &c)
{
    bool publicV4 = false;
    bool publicV6 = false;
    for (const ServerAddress &a : r.addresses) {
        if (!a.isPublic)
            continue;
        (a.ipv6 ? publicV6 : publicV4) = true;
        const QString wanted = c.hostname.isEmpty() ? ProbeAdvice::tr("your mail host name") : c.hostname;
        if (a.reverseNames.isEmpty())
            out << Finding { Level::Problem, QStringLiteral("rdns"),
                ProbeAdvice::tr("%1 has no reverse DNS. Receivers like Gmail refuse mail from such addresses: set its "
                                "PTR record to %2 in your provider's control panel.")
                    .arg(a.address, wanted) };
        else if (!c.hostname.isEmpty() && !a.reverseNames.contains(c.hostname, Qt::CaseInsensitive))
            out << Finding { Level::Warning, QStringLiteral("rdns"),
                ProbeAdvice::tr("The reverse DNS of %1 is %2, not %3: set its PTR record to %3 in your provider's "
                                "control panel.")
                    .arg(a.address, a.reverseNames.join(QStringLiteral(", ")), c.hostname) };
        else
            out << Finding { Level::Good, QStringLiteral("rdns"),
                ProbeAdvice::tr("The reverse DNS of %1 is %2.").arg(a.address, a.reverseNames.join(QStringLiteral(", "))) };
    }
    if (!publicV4)
        out << Finding { Level::Warning, QStringLiteral("ipv4"),
            ProbeAdvice::tr("The server has no public IPv4 address on its network interfaces. Behind NAT, the "
                            "provider must forward ports %1, %2 and %3 to it.")
                .arg(c.ports.smtp)
                .arg(c.ports.submission)
                .arg(c.ports.submissions) };
    if (r.ipv6Missing)
        out << Finding { Level::Warning, QStringLiteral("ipv6"),
            ProbeAdvice::tr("The kernel has no IPv6 (ipv6.disable=1 on its command line). Remove that option from "
                            "the boot loader's configuration and reboot to use IPv6.") };
    else if (r.ipv6Disabled)
        out << Finding { Level::Warning, QStringLiteral("ipv6"),
            ProbeAdvice::tr("IPv6 is switched off (net.ipv6.conf.all.disable_ipv6 = 1). If your provider gave the "
                            "server an IPv6 address, the step \"Enable IPv6\" switches it on.") };
    else if (!publicV6)
        out << Finding { Level::Warning, QStringLiteral("ipv6"),
            ProbeAdvice::tr("The server has no public IPv6 address. Mail works without one; if your provider offers "
                            "IPv6, configure it (the step \"Enable IPv6\" shows how).") };
}

void addPorts(QList<Finding> &out, const ProbeReport &r, const AdviceContext &c)
{
    if (!r.listenersKnown) {
        out << Finding { Level::Warning, QStringLiteral("ports"),
            ProbeAdvice::tr("Cannot tell which programs listen on the mail ports: the server has no `ss` (package "
                            "iproute2).") };
        return;
    }
    for (quint16 port : { c.ports.smtp, c.ports.submission, c.ports.submissions }) {
        const QString topic = QStringLiteral("port%1").arg(port);
        const PortListener *holder = nullptr;
        for (const PortListener &listener : r.listeners) {
            if (listener.port == port)
                holder = &listener;
        }
        if (!holder)
            out << Finding { Level::Good, topic, ProbeAdvice::tr("Port %1 is free.").arg(port) };
        else if (holder->process == QLatin1String("postwrd"))
            out << Finding { Level::Good, topic, ProbeAdvice::tr("Port %1 is postwrd's already.").arg(port) };
        else
            out << Finding { Level::Problem, topic,
                ProbeAdvice::tr("Port %1 is taken by %2. Postwr can stop and disable it during the install, with "
                                "your consent.")
                    .arg(port)
                    .arg(programName(holder->process)) };
    }
    for (const QString &mta : r.mtas)
        out << Finding { Level::Warning, QStringLiteral("mta"),
            ProbeAdvice::tr("%1 is installed. Only one mail server can have the mail ports; postwrd replaces it.")
                .arg(programName(mta == QLatin1String("postfix") ? QStringLiteral("master") : mta)) };
}

void addOutbound(QList<Finding> &out, const ProbeReport &r)
{
    switch (r.outbound) {
    case OutboundState::Open:
        out << Finding { Level::Good, QStringLiteral("outbound25"),
            ProbeAdvice::tr("Outbound port 25 is open: the server can deliver mail to other servers.") };
        break;
    case OutboundState::Blocked:
        out << Finding { Level::Problem, QStringLiteral("outbound25"),
            ProbeAdvice::tr("Your provider blocks outbound port 25: the server cannot deliver mail to Gmail or "
                            "anyone else. Ask your provider to open it (many do on request for new accounts).") };
        break;
    case OutboundState::Refused:
        out << Finding { Level::Warning, QStringLiteral("outbound25"),
            ProbeAdvice::tr("A test connection on port 25 was refused (%1). A firewall on the server or at the "
                            "provider may block outbound mail.")
                .arg(r.outboundDetail) };
        break;
    case OutboundState::Unknown:
        out << Finding { Level::Warning, QStringLiteral("outbound25"),
            ProbeAdvice::tr("Could not test outbound port 25 (%1).").arg(r.outboundDetail) };
        break;
    }
}

} // namespace

QList<Finding> adviceFor(const ProbeReport &report, const AdviceContext &context)
{
    QList<Finding> findings;
    addSystem(findings, report, context);
    addAddresses(findings, report, context);
    addPorts(findings, report, context);
    addOutbound(findings, report);
    if (!report.postwrdVersion.isEmpty())
        findings << Finding { Level::Good, QStringLiteral("postwrd"),
            ProbeAdvice::tr("%1 is installed already; installing again upgrades it in place.").arg(report.postwrdVersion) };
    return findings;
}

} // namespace postwr::steps
