// Where postwrd lives on the server, in each install mode.
//
//   system (root, systemd)          user (no root, no systemd)
//   /usr/local/bin/postwrd          PREFIX/bin/postwrd
//   /etc/postwr                     PREFIX/etc            config, users, aliases, keys
//   /var/spool/postwr               PREFIX/spool          the queue
//   /var/lib/postwr/mail            PREFIX/mail           local Maildirs
//   journald (unit postwrd)         PREFIX/log/postwrd.log
//   /etc/systemd/system/postwrd.service
//                                   PREFIX/bin/postwrd-supervise, PREFIX/run/*.pid
#pragma once

#include "steps/plan_file.h"

#include <QString>

namespace postwr::steps {

struct RemoteLayout {
    InstallMode mode = InstallMode::System;
    QString prefix; // user mode: absolute, "~/" expanded
    QString binary;
    QString configDir;
    QString spool;
    QString maildir;
    QString logFile; // user mode only
    QString supervisor; // user mode only
    QString runDir; // user mode only: supervisor.pid, postwrd.pid
    QString unitFile; // system mode only

    static RemoteLayout system();
    // `home`: the login user's home directory, for a prefix starting "~/".
    static RemoteLayout user(const QString &prefix, const QString &home);

    bool isUser() const { return mode == InstallMode::User; }
    // `postwrd --config DIR`, quoted for the shell.
    QString postwrdCommand() const;
    QString supervisorPidFile() const { return runDir + QStringLiteral("/supervisor.pid"); }
    QString postwrdPidFile() const { return runDir + QStringLiteral("/postwrd.pid"); }
};

} // namespace postwr::steps
