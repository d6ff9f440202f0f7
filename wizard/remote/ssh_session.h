// One SSH connection to the server being set up (libssh), blocking, used from
// one thread at a time (RemoteWorker runs it off the GUI thread).
//
//   SshSession ssh(appDataDir + "/known_hosts");
//   auto check = ssh.connectTo({"vps.example.org", 22, "root"}, 20s);
//   if (check && check->state == HostKeyState::Unknown)  // ask the user first
//       ssh.trustHostKey();
//   ssh.authenticate({AuthMethod::KeyFile, keyPath, passphrase, {}});
//   CommandResult r = ssh.run("uname -a", {}, onLine);
//
// Host keys live in the app's own known_hosts file (OpenSSH format, so
// `ssh-keygen -F '[host]:port' -f FILE` finds them); ~/.ssh/known_hosts,
// /etc/ssh/ssh_known_hosts and ~/.ssh/config are never read. A key that
// differs from the recorded one is never accepted: trustHostKey() and
// authenticate() refuse with a warning, and only removing the old entry from
// that file (on purpose, outside this class) makes the host Unknown again.
#pragma once

#include "remote/ssh_types.h"
#include "result.h"

#include <QByteArray>
#include <QString>
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>

struct ssh_session_struct;
struct sftp_session_struct;

namespace postwr::remote {

class SshSession {
public:
    // `knownHostsFile`: the app's own known_hosts (created on the first trust).
    explicit SshSession(QString knownHostsFile);
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    // Opens the connection (TCP, key exchange) and checks the server's host
    // key against the known_hosts file. Any previous connection is closed.
    // `timeout` bounds the TCP connect and the key exchange.
    wizard::Result<HostKeyCheck> connectTo(
        const SshTarget &target, std::chrono::milliseconds timeout);

    // Records the current connection's host key in the known_hosts file, once
    // the user has confirmed its fingerprint. Refuses a Changed key.
    wizard::Status trustHostKey();

    // Logs in; refuses unless the host key is Trusted. Password login uses
    // the "password" method, or "keyboard-interactive" when that is what the
    // server offers. May be retried with other credentials after a failure.
    wizard::Status authenticate(const SshCredentials &credentials);

    // Runs `command` with the login user's shell (a POSIX one: sh, bash,
    // dash, zsh) and waits for it to end, for `options.timeout` at most.
    // Output is streamed to `onLine` (on this thread) as it arrives;
    // `*cancel` is checked at least every 100 ms. On timeout or cancel the
    // command's process group gets SIGTERM and its channel is closed. With
    // options.sudo and a login user other than root it runs as
    // `sudo -- sh -c COMMAND`; sudo's refusals become a translated `error`.
    // Once the command has exited, a background process it left holding
    // stdout/stderr does not keep run() waiting for more than half a second.
    CommandResult run(const QString &command, const CommandOptions &options,
        const LineHandler &onLine = {}, const std::atomic_bool *cancel = nullptr);

    // The login user's password for sudo, typed only when sudo asks for it.
    // Never logged, never part of any output or message. Kept until replaced
    // (also across connectTo()).
    void setSudoPassword(QString password);

    // Replaces `path` atomically: the content goes to a new file in the same
    // directory, gets `mode`, and is renamed over `path` (with `mv -f`), so a
    // reader sees the old file or the new one, never a part. The new file
    // belongs to the login user, uploaded with SFTP; with asRoot and a login
    // user other than root it is written through sudo and belongs to root.
    wizard::Status writeFile(
        const QString &path, const QByteArray &content, int mode, bool asRoot = false);

    // The whole file over SFTP; a failure when it is larger than `maxBytes`.
    wizard::Result<QByteArray> readFile(const QString &path, qint64 maxBytes = 16 << 20);

    bool isConnected() const;
    void disconnect();

private:
    struct SessionDeleter {
        void operator()(ssh_session_struct *session) const;
    };
    struct SftpDeleter {
        void operator()(sftp_session_struct *sftp) const;
    };

    // The login methods return libssh's SSH_AUTH_* code and, on a refusal,
    // leave the message for the user in m_authFailure.
    int authenticateWithAgent(unsigned methods);
    int authenticateWithKeyFile(unsigned methods, const SshCredentials &credentials);
    int authenticateWithPassword(unsigned methods, const QString &password);
    int answerPasswordPrompts(const QString &password);
    int refuseMethod(const QString &message);

    wizard::Status requireLogin() const;
    wizard::Result<bool> loginIsRoot();
    wizard::Result<sftp_session_struct *> sftp();
    wizard::Status writeFileWithSftp(const QString &path, const QByteArray &content, int mode);
    wizard::Status writeFileWithSudo(const QString &path, const QByteArray &content, int mode);
    QString sftpError(const QString &path) const;
    QString changedKeyWarning() const;

    QString m_knownHostsFile;
    std::unique_ptr<ssh_session_struct, SessionDeleter> m_session;
    std::unique_ptr<sftp_session_struct, SftpDeleter> m_sftp;
    SshTarget m_target;
    HostKeyCheck m_hostKey;
    bool m_authenticated = false;
    QString m_authFailure;
    std::optional<bool> m_loginIsRoot;
    QString m_sudoPassword;
};

} // namespace postwr::remote
