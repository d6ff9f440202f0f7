#include "steps/server_probe.h"

#include "remote/shell_quote.h"

#include <QHostAddress>
#include <QMap>
#include <QRegularExpression>

namespace postwr::steps {

using remote::shellQuote;

namespace {

const QString kMarker = QStringLiteral("@@postwr-probe ");
const QStringList kSections { QStringLiteral("os"), QStringLiteral("arch"), QStringLiteral("init"),
    QStringLiteral("memory"), QStringLiteral("disk"), QStringLiteral("names"), QStringLiteral("addresses"),
    QStringLiteral("reverse"), QStringLiteral("ipv6"), QStringLiteral("listeners"), QStringLiteral("mtas"),
    QStringLiteral("postwrd"), QStringLiteral("outbound") };

// Connects with bash's /dev/tcp (or nc), bounded by timeout; prints "open",
// "blocked" (no answer in time), "refused ERROR" (the connection was
// refused) or "unknown WHY" (no name, no route, no tool, no host given:
// nothing learnt).
QString outboundCheck(const ProbeOptions &options)
{
    if (options.outboundHost.isEmpty())
        return QStringLiteral("echo 'unknown not asked'");
    const QString host = shellQuote(options.outboundHost);
    const QString port = QString::number(options.outboundPort);
    const QString seconds = QString::number(options.outboundTimeoutSeconds);
    return QStringLiteral(
        "classify() { case \"$2\" in *[Rr]efused*) echo \"refused $(echo \"$2\" | tail -n 1)\";;\n"
        "  *[Tt]imed\\ out*) echo blocked;; *) [ \"$1\" -eq 124 ] && echo blocked || "
        "echo \"unknown $(echo \"$2\" | tail -n 1)\";; esac; }\n"
        "if ! command -v timeout >/dev/null 2>&1; then echo 'unknown no timeout command';\n"
        "elif command -v bash >/dev/null 2>&1; then\n"
        "  out=$(timeout %3 bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' %1 %2 2>&1); rc=$?\n"
        "  if [ $rc -eq 0 ]; then echo open; else classify $rc \"$out\"; fi\n"
        "elif command -v nc >/dev/null 2>&1; then\n"
        "  out=$(timeout %3 nc -z -w %4 %1 %2 2>&1); rc=$?\n"
        "  if [ $rc -eq 0 ]; then echo open; else classify $rc \"$out\"; fi\n"
        "else echo 'unknown neither bash nor nc'; fi")
        .arg(host, port, seconds, QString::number(options.outboundTimeoutSeconds + 2));
}

QString portFilter(const QList<quint16> &ports)
{
    QStringList terms;
    for (quint16 port : ports)
        terms << QStringLiteral("sport = :%1").arg(port);
    return terms.join(QStringLiteral(" or "));
}

QString valueOf(const QStringList &lines, const QString &key)
{
    for (const QString &line : lines) {
        if (line.startsWith(key + QLatin1Char('='))) {
            QString value = line.mid(key.size() + 1).trimmed();
            if (value.size() >= 2 && value.startsWith(QLatin1Char('"')) && value.endsWith(QLatin1Char('"')))
                value = value.mid(1, value.size() - 2);
            return value;
        }
    }
    return {};
}

// "MemTotal:  2030000 kB" → 2030000
qint64 meminfo(const QStringList &lines, const QString &key)
{
    for (const QString &line : lines) {
        if (line.startsWith(key + QLatin1Char(':')))
            return line.mid(key.size() + 1).simplified().section(QLatin1Char(' '), 0, 0).toLongLong();
    }
    return 0;
}

} // namespace

bool setOutboundCheck(ProbeOptions &options, const QString &hostAndPort)
{
    const qsizetype colon = hostAndPort.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = hostAndPort.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = hostAndPort.mid(colon + 1).toUInt(&ok);
    if (!ok || port == 0 || port > 65535 || host.isEmpty())
        return false;
    options.outboundHost = host;
    options.outboundPort = static_cast<quint16>(port);
    return true;
}

QString probeScript(const ProbeOptions &options)
{
    QString script = QStringLiteral("PATH=\"$PATH:/usr/sbin:/sbin\"\n");
    const auto section = [&](const QString &name, const QString &body) {
        script += QStringLiteral("echo '%1%2'\n%3\n").arg(kMarker, name, body);
    };
    section(QStringLiteral("os"), QStringLiteral("cat /etc/os-release 2>/dev/null"));
    section(QStringLiteral("arch"), QStringLiteral("uname -m"));
    section(QStringLiteral("init"),
        QStringLiteral("echo \"pid1=$(cat /proc/1/comm 2>/dev/null)\"; [ -d /run/systemd/system ] && echo systemd=yes"));
    section(QStringLiteral("memory"), QStringLiteral("grep -E '^(MemTotal|MemAvailable):' /proc/meminfo 2>/dev/null"));
    section(QStringLiteral("disk"), QStringLiteral("df -Pk / 2>/dev/null | tail -n 1"));
    section(QStringLiteral("names"),
        QStringLiteral("echo \"hostname=$(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)\"; "
                       "echo \"fqdn=$(hostname -f 2>/dev/null)\""));
    section(QStringLiteral("addresses"),
        QStringLiteral("if command -v ip >/dev/null 2>&1; then ip -o addr show scope global 2>/dev/null | "
                       "awk '{print $3, $4}'; else for a in $(hostname -I 2>/dev/null); do "
                       "case $a in *:*) echo inet6 $a;; *) echo inet $a;; esac; done; fi"));
    // getent reads /etc/hosts first, where images often name their own
    // address: the PTR is asked for first, with host or dig when there.
    section(QStringLiteral("reverse"),
        QStringLiteral("if command -v ip >/dev/null 2>&1; then addrs=$(ip -o addr show scope global 2>/dev/null | "
                       "awk '{print $4}' | cut -d/ -f1); else addrs=$(hostname -I 2>/dev/null); fi\n"
                       "t=; command -v timeout >/dev/null 2>&1 && t='timeout 5'\n"
                       "for a in $addrs; do\n"
                       "  if command -v dig >/dev/null 2>&1; then n=$($t dig +short -x \"$a\" 2>/dev/null | "
                       "sed 's/\\.$//' | head -n 1)\n"
                       "  elif command -v host >/dev/null 2>&1; then n=$($t host \"$a\" 2>/dev/null | "
                       "awk '/domain name pointer/ {print $NF}' | sed 's/\\.$//' | head -n 1)\n"
                       "  else n=$($t getent hosts \"$a\" 2>/dev/null | awk '{print $2}' | head -n 1); fi\n"
                       "  echo \"$a $n\"\n"
                       "done"));
    section(QStringLiteral("ipv6"),
        QStringLiteral("echo \"all=$(cat /proc/sys/net/ipv6/conf/all/disable_ipv6 2>/dev/null)\"; "
                       "echo \"default=$(cat /proc/sys/net/ipv6/conf/default/disable_ipv6 2>/dev/null)\""));
    section(QStringLiteral("listeners"),
        QStringLiteral("if command -v ss >/dev/null 2>&1; then echo ss=yes; ss -Hltnp %1 2>/dev/null; "
                       "else echo ss=no; fi")
            .arg(shellQuote(portFilter(options.ports))));
    section(QStringLiteral("mtas"),
        QStringLiteral("dpkg-query -W -f='${Package} ${Status}\\n' postfix exim4-base sendmail-bin opensmtpd chasquid "
                       "2>/dev/null | grep ' installed$' | cut -d' ' -f1"));
    section(QStringLiteral("postwrd"),
        QStringLiteral("[ -x %1 ] && %1 version 2>/dev/null").arg(shellQuote(options.postwrdPath)));
    section(QStringLiteral("outbound"), outboundCheck(options));
    script += QStringLiteral("echo '%1end'\n").arg(kMarker);
    return script;
}

wizard::Result<ProbeReport> parseProbe(const QString &output)
{
    QMap<QString, QStringList> sections;
    QString current;
    for (const QString &line : output.split(QLatin1Char('\n'))) {
        if (line.startsWith(kMarker)) {
            current = line.mid(kMarker.size()).trimmed();
            sections[current];
        } else if (!current.isEmpty() && !line.trimmed().isEmpty()) {
            sections[current] << line.trimmed();
        }
    }
    for (const QString &name : kSections + QStringList { QStringLiteral("end") }) {
        if (!sections.contains(name))
            return wizard::Failure { ServerProbe::tr("The server's answer has no \"%1\" part: the probe was cut short.").arg(name) };
    }

    ProbeReport report;
    const QStringList os = sections.value(QStringLiteral("os"));
    report.osId = valueOf(os, QStringLiteral("ID"));
    report.osName = valueOf(os, QStringLiteral("PRETTY_NAME"));
    report.osVersion = valueOf(os, QStringLiteral("VERSION_ID"));
    report.architecture = sections.value(QStringLiteral("arch")).value(0);
    const QStringList init = sections.value(QStringLiteral("init"));
    report.init = valueOf(init, QStringLiteral("pid1"));
    report.hasSystemd = valueOf(init, QStringLiteral("systemd")) == QLatin1String("yes");
    const QStringList memory = sections.value(QStringLiteral("memory"));
    report.memoryTotalKiB = meminfo(memory, QStringLiteral("MemTotal"));
    report.memoryAvailableKiB = meminfo(memory, QStringLiteral("MemAvailable"));
    // "/dev/vda1  41152736 2375272 36663464  7% /": the fourth field is free KiB.
    bool diskKnown = false;
    report.diskFreeKiB
        = sections.value(QStringLiteral("disk")).value(0).simplified().section(QLatin1Char(' '), 3, 3).toLongLong(&diskKnown);
    if (!diskKnown)
        report.diskFreeKiB = -1;
    const QStringList names = sections.value(QStringLiteral("names"));
    report.hostname = valueOf(names, QStringLiteral("hostname"));
    report.fqdn = valueOf(names, QStringLiteral("fqdn"));

    QMap<QString, QStringList> reverse;
    for (const QString &line : sections.value(QStringLiteral("reverse"))) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (!words.isEmpty())
            reverse[words.first()] = words.mid(1);
    }
    for (const QString &line : sections.value(QStringLiteral("addresses"))) {
        const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (words.size() != 2 || (words[0] != QLatin1String("inet") && words[0] != QLatin1String("inet6")))
            continue;
        ServerAddress address;
        address.address = words[1].section(QLatin1Char('/'), 0, 0);
        address.ipv6 = words[0] == QLatin1String("inet6");
        address.isPublic = isPublicAddress(address.address);
        address.reverseNames = reverse.value(address.address);
        report.addresses << address;
    }
    const QStringList ipv6 = sections.value(QStringLiteral("ipv6"));
    report.ipv6Disabled = valueOf(ipv6, QStringLiteral("all")) == QLatin1String("1")
        || valueOf(ipv6, QStringLiteral("default")) == QLatin1String("1");
    report.ipv6Missing = valueOf(ipv6, QStringLiteral("all")).isEmpty();

    const QStringList listeners = sections.value(QStringLiteral("listeners"));
    report.listenersKnown = valueOf(listeners, QStringLiteral("ss")) == QLatin1String("yes");
    // "LISTEN 0 100 0.0.0.0:25 0.0.0.0:* users:(("master",pid=812,fd=13))"
    static const QRegularExpression processName(QStringLiteral("users:\\(\\(\"([^\"]+)\""));
    for (const QString &line : listeners.mid(1)) {
        const QStringList fields = line.simplified().split(QLatin1Char(' '));
        if (fields.size() < 4)
            continue;
        const quint16 port = static_cast<quint16>(fields[3].section(QLatin1Char(':'), -1).toUInt());
        bool seen = false;
        for (const PortListener &listener : std::as_const(report.listeners))
            seen = seen || listener.port == port;
        if (port != 0 && !seen)
            report.listeners << PortListener { port, processName.match(line).captured(1) };
    }
    for (const QString &package : sections.value(QStringLiteral("mtas")))
        report.mtas << (package == QLatin1String("exim4-base") ? QStringLiteral("exim4")
                : package == QLatin1String("sendmail-bin")     ? QStringLiteral("sendmail")
                                                               : package);
    report.postwrdVersion = sections.value(QStringLiteral("postwrd")).value(0);

    const QString outbound = sections.value(QStringLiteral("outbound")).value(0);
    if (outbound == QLatin1String("open"))
        report.outbound = OutboundState::Open;
    else if (outbound == QLatin1String("blocked"))
        report.outbound = OutboundState::Blocked;
    else if (outbound.startsWith(QLatin1String("refused")))
        report.outbound = OutboundState::Refused;
    report.outboundDetail = outbound.section(QLatin1Char(' '), 1).trimmed();
    if (report.memoryTotalKiB == 0)
        report.memoryTotalKiB = -1;
    return report;
}

bool isPublicAddress(const QString &text)
{
    const QHostAddress address(text);
    if (address.isNull() || address.isLoopback() || address.isLinkLocal() || address.isMulticast()
        || address.isUniqueLocalUnicast() || address.isSiteLocal() || address.isBroadcast())
        return false;
    static const QList<QPair<QHostAddress, int>> notPublic = {
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")), // CGNAT, RFC 6598
        QHostAddress::parseSubnet(QStringLiteral("0.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("192.0.2.0/24")), // documentation, RFC 5737
        QHostAddress::parseSubnet(QStringLiteral("198.51.100.0/24")),
        QHostAddress::parseSubnet(QStringLiteral("203.0.113.0/24")),
        QHostAddress::parseSubnet(QStringLiteral("2001:db8::/32")), // documentation, RFC 3849
    };
    for (const auto &subnet : notPublic) {
        if (address.isInSubnet(subnet))
            return false;
    }
    return true;
}

} // namespace postwr::steps
