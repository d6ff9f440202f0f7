// The configuration directory as a git repository: one commit per change,
// pushed to the user's remote with a deploy key of this server's own, the
// secrets encrypted first (mail/backup_crypto.h) unless the user chose a
// plain backup. Git and ssh-keygen are run as programs (daemon/child_process.h).
//
// Kept in the directory:
//   .git/                     the history; .git/postwr-push: the last push,
//                             .git/postwr-secrets: fingerprints of the secrets
//                             last encrypted, so unchanged ones are not again
//   .gitignore                mail/backup_layout.h
//   backup/recipient, backup/identity, backup/encrypted/…
//   backup/ssh/id_ed25519[.pub], known_hosts    never committed
#pragma once

#include "mail/backup_files.h"
#include "mail/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace postwr::daemon {

struct PushRecord {
    std::int64_t time = 0; // Unix seconds
    bool ok = false;
    std::string message; // why it failed, for the user
};

struct BackupState {
    bool enabled = false;
    bool encrypted = false;
    std::string remote;
    std::string deployKey; // the public key line; empty until made
    std::int64_t lastCommitTime = 0;
    std::string lastCommitMessage;
    int commits = 0;
    int unpushed = 0; // commits the remote does not have (as of the last push)
    std::optional<PushRecord> lastPush;
};

class ConfigRepository {
public:
    explicit ConfigRepository(std::string configDir);

    bool enabled() const;
    // Makes the directory a repository and commits what is there. With a
    // passphrase the secrets are encrypted to a new key pair; without, they
    // are committed as they are. Refuses when already enabled.
    mail::Status init(const std::optional<std::string> &passphrase);
    // Encrypts changed secrets, commits every change with `message`; false
    // when there was nothing to commit. Nothing at all when not enabled.
    mail::Result<bool> commit(const std::string &message);
    // The deploy key's public line, made on first use.
    mail::Result<std::string> deployKey();
    mail::Status setRemote(const std::string &url);
    std::string remote() const;
    // Pushes to the remote and records the outcome (BackupState::lastPush).
    PushRecord push();
    mail::Result<BackupState> state() const;
    // The committed files, as a backup holds them.
    mail::Result<std::vector<mail::BackupFile>> exportFiles() const;

    // Restore: the files of a backup (an export, or a clone of the remote)
    // are checked and, when encrypted, decrypted with `passphrase` before
    // anything is written; only then written over the directory's. With
    // `cloneDir`, its history becomes this directory's (the remote stays
    // the remote); else a new history starts.
    mail::Status restore(const std::vector<mail::BackupFile> &files, const std::string &passphrase,
        const std::string &cloneDir);
    // Clones `url` into a new directory inside the configuration directory
    // (removed by restore() or on failure) and returns its path.
    mail::Result<std::string> cloneRemote(const std::string &url);
    // The files of a clone, without .git.
    static mail::Result<std::vector<mail::BackupFile>> filesOf(const std::string &dir);

private:
    mail::Status restoreFrom(const std::vector<mail::BackupFile> &files, const std::string &passphrase,
        const std::string &cloneDir);
    struct Git {
        int exitCode = -1;
        std::string output;
        std::string errors;
        bool ok() const { return exitCode == 0; }
    };
    mail::Result<Git> git(const std::vector<std::string> &arguments, const std::string &input = {}) const;
    mail::Status gitOrFail(const std::vector<std::string> &arguments, const std::string &what) const;
    mail::Status encryptSecrets();
    mail::Status writeSecretFingerprints(const std::vector<mail::BackupFile> &secrets);
    std::string sshCommand() const;
    std::string path(std::string_view relative) const;

    std::string m_dir;
};

} // namespace postwr::daemon
