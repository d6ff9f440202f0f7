// Step 1's eyes: one POSIX sh script, run as the login user in one SSH
// round-trip, prints what the server is (OS, architecture, init system,
// memory, disk, names, addresses and their reverse DNS, IPv6 sysctls, who
// holds the mail ports, which MTAs are installed, whether outbound port 25
// gets out) in marked sections; parseProbe() reads them back. Sans-IO: the
// parser is unit-tested with captured and crafted outputs.
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace postwr::steps {

struct ProbeOptions {
    // Where the outbound port 25 check connects (a big provider's MX).
    QString outboundHost = QStringLiteral("gmail-smtp-in.l.google.com");
    quint16 outboundPort = 25;
    int outboundTimeoutSeconds = 5;
    // The ports whose listeners are reported: the plan's SMTP ports.
    QList<quint16> ports { 25, 465, 587 };
    // Where a user-mode postwrd would be, to report its version.
    QString postwrdPath = QStringLiteral("/usr/local/bin/postwrd");
};

// "HOST:PORT" (or "[IPv6]:PORT") into the options; false when malformed.
bool setOutboundCheck(ProbeOptions &options, const QString &hostAndPort);

struct ServerAddress {
    QString address;
    bool ipv6 = false;
    bool isPublic = false;
    QStringList reverseNames; // PTR names, empty when there is none
};

struct PortListener {
    quint16 port = 0;
    QString process; // "master" (Postfix), "exim4", "postwrd", or "" when not visible
};

enum class OutboundState { Open, Blocked, Refused, Unknown };

struct ProbeReport {
    QString osId; // "debian", "ubuntu"
    QString osName; // "Debian GNU/Linux 12 (bookworm)"
    QString osVersion; // "12"
    QString architecture; // `uname -m`: "x86_64"
    QString init; // PID 1's name: "systemd", "init", …
    bool hasSystemd = false;
    qint64 memoryTotalKiB = 0; // -1: unknown (no /proc/meminfo)
    qint64 memoryAvailableKiB = 0;
    qint64 diskFreeKiB = 0; // of /; -1: unknown (no df)
    QString hostname;
    QString fqdn;
    QList<ServerAddress> addresses; // global ones
    bool ipv6Disabled = false; // net.ipv6.conf.{all,default}.disable_ipv6 = 1
    bool ipv6Missing = false; // no /proc/sys/net/ipv6: ipv6.disable=1 on the kernel command line
    QList<PortListener> listeners; // only the taken ports of ProbeOptions::ports
    bool listenersKnown = true; // false: no `ss` on the server
    QStringList mtas; // installed packages: "postfix", "exim4", …
    QString postwrdVersion; // "postwrd 0.1.0", or empty
    OutboundState outbound = OutboundState::Unknown;
    QString outboundDetail; // the error text of a failed connect
};

QString probeScript(const ProbeOptions &options);
wizard::Result<ProbeReport> parseProbe(const QString &output);

// Not private, loopback, link-local, CGNAT, ULA, multicast or documentation.
bool isPublicAddress(const QString &address);

class ServerProbe {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::ServerProbe)
};

} // namespace postwr::steps
