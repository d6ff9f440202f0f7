// The servers the user manages, remembered between runs in the app's
// settings (QSettings): where to reach each one and what was set up on it.
// Never a secret: passwords and passphrases live in the keyring
// (secret_store.h), under the names keyringName() gives.
#pragma once

#include "remote/ssh_types.h"
#include "steps/plan_file.h"

#include <QList>
#include <QString>

class QSettings;

namespace postwr::servers {

struct ServerProfile {
    remote::SshTarget target;
    remote::AuthMethod auth = remote::AuthMethod::KeyFile;
    QString keyFile;
    QString domain;
    QString hostname;
    steps::InstallPlan install; // mode, prefix, listen, ports, settings; never purge
    steps::DnsCheckPlan dns; // the public addresses when the server cannot tell, who to ask
    QStringList accounts;

    // "user@host:port": how the profile is told apart and named in lists.
    QString id() const;
    // The plan the dashboard's steps run with.
    steps::Plan plan() const;
    static ServerProfile fromPlan(const steps::Plan &plan, const QStringList &accounts);
};

QList<ServerProfile> loadProfiles(QSettings &settings);
// Adds the profile, or replaces the one with the same id().
void saveProfile(QSettings &settings, const ServerProfile &profile);
void removeProfile(QSettings &settings, const QString &id);

// Keyring entries: the SSH password or key passphrase of a server, the
// password of one of its accounts.
QString sshSecretName(const QString &serverId);
QString accountSecretName(const QString &serverId, const QString &email);

} // namespace postwr::servers
