// The sans-IO half of installing postwrd: what the server should look like
// (config text, listen values), the script that reads how it looks now in
// one round-trip, and the parser of that script's answer.
#pragma once

#include "steps/plan_file.h"
#include "steps/remote_layout.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace postwr::steps {

// `[listen]` values for one port: "127.0.0.1:2525, [::1]:2525".
// `addresses`: comma-separated IPs; empty means every IPv4 and IPv6 address
// in system mode and every IPv4 address in user mode.
QString listenValue(const QString &addresses, quint16 port, InstallMode mode);

// postwrd.conf as the plan wants it: `current` (empty for a new install) with
// the hostname, spool, maildir and listen keys set; everything else kept.
QString desiredConfig(const QString &current, const RemoteLayout &layout, const Plan &plan);

// How the server looks now, as far as installing is concerned.
struct InstalledState {
    QString binarySha256; // empty: no postwrd at the layout's path
    QString helperSha256; // the supervisor script (user) or unit file (system)
    bool configExists = false;
    QString config;
    QStringList domains; // directories under CONFIG/domains
    bool certificateExists = false;
    bool serviceUser = false; // system mode: the user postwr exists
    bool running = false;
    bool enabled = false; // system mode: systemctl is-enabled
    QStringList conflictingMtas; // running, and holding our ports: "postfix", "exim4"
    bool git = false; // git and ssh-keygen, which the backup runs
};

// A POSIX sh script that prints the state in marked sections. Run as root
// in system mode (the config is not readable by others).
QString stateScript(const RemoteLayout &layout);
wizard::Result<InstalledState> parseState(const QString &output);

QString sha256Hex(const QByteArray &data);

class InstallFiles {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::InstallFiles)
};

} // namespace postwr::steps
