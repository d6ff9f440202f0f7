// Step "backup": the server's configuration directory becomes a git
// repository (`postwrd backup init`), its secrets encrypted with the user's
// passphrase unless they chose otherwise, and pushed to their remote with a
// deploy key made on the server (its public half is shown, to be allowed
// write access). From then on every change is a commit, pushed at once.
//
// Step "download-backup": the same files as a .tar.gz on this computer.
#pragma once

#include "steps/step.h"

#include <QDate>
#include <QDateTime>
#include <optional>

namespace postwr::steps {

// `postwrd backup status --format json`.
struct BackupStatus {
    bool enabled = false;
    bool encrypted = false;
    QString remote;
    QString deployKey;
    QDateTime lastCommit;
    QString lastCommitMessage;
    int commits = 0;
    int unpushed = 0;
    struct Push {
        QDateTime time;
        bool ok = false;
        QString message;
    };
    std::optional<Push> lastPush;
};

wizard::Result<BackupStatus> parseBackupStatus(const QString &json);

// How the backup stands, for the page and the dashboard: not set up, on the
// server only, pushed, or the last push failed (and why).
struct BackupStanding {
    Mark mark = Mark::Good;
    QString text;
};
BackupStanding describeBackup(const BackupStatus &status);
wizard::Result<BackupStatus> readBackupStatus(StepContext &context);

// Git (and ssh-keygen) on the server: installed in system mode, asked for in
// user mode.
wizard::Status ensureGit(StepContext &context);
// Git on the server, the backup turned on unless it is (`passphrase` asked
// only then; a null QString for a plain backup), and `remote` set when not
// empty: the deploy key to allow there, or an empty QString without one.
wizard::Result<QString> setUpBackup(StepContext &context, const QString &remote,
    const std::function<wizard::Result<QString>()> &passphrase);
// Pushes now; the failure says what to do (e.g. allow the key).
wizard::Status pushBackup(StepContext &context);
// "postwr-backup-example.org-2026-11-29.tar.gz"
QString backupArchiveName(const QString &domain, const QDate &date);
// Saves the backup as the .tar.gz `path` on this computer (steps/backup_archive.h).
wizard::Status downloadBackup(StepContext &context, const QString &path);

class BackupStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::BackupStep)

public:
    QString name() const override { return QStringLiteral("backup"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

class DownloadBackupStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::DownloadBackupStep)

public:
    QString name() const override { return QStringLiteral("download-backup"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

} // namespace postwr::steps
