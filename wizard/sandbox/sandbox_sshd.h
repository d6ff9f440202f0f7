// The sandbox's stand-in for the VPS's SSH server: OpenSSH's sshd on
// 127.0.0.1, a port picked at run time, for the user running postwr, with a
// fresh ed25519 host key and a fresh client key (no passphrase) whose public
// half is the only authorized key. All of it lives in one directory.
#pragma once

#include "result.h"

#include <QProcess>
#include <QString>
#include <atomic>
#include <memory>

namespace postwr::sandbox {

struct SshdSettings {
    QString directory; // keys, config, authorized_keys, pid file
    quint16 port = 0;
    // Root logs in only with PermitRootLogin and, its password being locked
    // on most machines, with PAM's account check instead of sshd's own.
    // sshd run by another user can log in only that user, and without PAM.
    bool runAsRoot = false;
};

// The sshd_config for `settings`.
QString sshdConfigText(const SshdSettings &settings);

// "SHA256:…" from `ssh-keygen -lf KEY.pub`'s line ("256 SHA256:… comment
// (ED25519)"); empty when the line is not one.
QString fingerprintOf(const QString &sshKeygenLine);

class SandboxSshd {
public:
    explicit SandboxSshd(QString directory);
    ~SandboxSshd();
    SandboxSshd(const SandboxSshd &) = delete;
    SandboxSshd &operator=(const SandboxSshd &) = delete;

    // Makes the keys and the config, starts sshd and waits until it listens.
    wizard::Status start(const std::atomic_bool *cancel);
    void stop();

    quint16 port() const { return m_settings.port; }
    QString clientKeyFile() const;
    QString hostKeyFingerprint() const { return m_hostKeyFingerprint; }
    QString logFile() const;

private:
    wizard::Status makeKeys();
    QString path(const QString &name) const;

    SshdSettings m_settings;
    QString m_hostKeyFingerprint;
    std::unique_ptr<QProcess> m_process;
};

} // namespace postwr::sandbox
