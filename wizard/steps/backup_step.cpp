#include "steps/backup_step.h"

#include "mail/backup_files.h"
#include "remote/shell_quote.h"
#include "steps/backup_archive.h"
#include "steps/service_control.h"

#include <QDate>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace postwr::steps {

using remote::shellQuote;

namespace {

constexpr std::chrono::minutes pushTimeout { 4 };

QDateTime fromUnix(qint64 seconds)
{
    return seconds > 0 ? QDateTime::fromSecsSinceEpoch(seconds) : QDateTime();
}

// The last line postwrd wrote to standard error, without its "postwrd: ".
QString postwrdComplaint(const QString &failure)
{
    const qsizetype at = failure.lastIndexOf(QLatin1String("postwrd: "));
    return at < 0 ? failure : failure.mid(at + 9).trimmed();
}

} // namespace

QString backupArchiveName(const QString &domain, const QDate &date)
{
    return QStringLiteral("postwr-backup-%1-%2.tar.gz").arg(domain, date.toString(Qt::ISODate));
}

wizard::Result<BackupStatus> parseBackupStatus(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return wizard::Failure { BackupStep::tr("postwrd's backup status is not JSON: %1").arg(error.errorString()) };
    const QJsonObject o = document.object();
    BackupStatus status;
    status.enabled = o.value(QStringLiteral("enabled")).toBool();
    status.encrypted = o.value(QStringLiteral("encrypted")).toBool();
    status.remote = o.value(QStringLiteral("remote")).toString();
    status.deployKey = o.value(QStringLiteral("deploy_key")).toString();
    status.lastCommit = fromUnix(o.value(QStringLiteral("last_commit")).toInteger());
    status.lastCommitMessage = o.value(QStringLiteral("last_commit_message")).toString();
    status.commits = o.value(QStringLiteral("commits")).toInt();
    status.unpushed = o.value(QStringLiteral("unpushed")).toInt();
    const QJsonValue push = o.value(QStringLiteral("last_push"));
    if (push.isObject()) {
        const QJsonObject p = push.toObject();
        status.lastPush = BackupStatus::Push { fromUnix(p.value(QStringLiteral("time")).toInteger()),
            p.value(QStringLiteral("ok")).toBool(), p.value(QStringLiteral("message")).toString() };
    }
    return status;
}

wizard::Result<BackupStatus> readBackupStatus(StepContext &context)
{
    auto read = postwrd(context, BackupStep::tr("Reading the backup's state"), QStringLiteral("backup status --format json"), {}, false);
    if (!read)
        return read.failure();
    return parseBackupStatus(read->standardOutput);
}

Status ensureGit(StepContext &context)
{
    auto found = query(context, BackupStep::tr("Looking for git"),
        QStringLiteral("command -v git >/dev/null && command -v ssh-keygen >/dev/null && echo yes; true"));
    if (!found)
        return found.failure();
    if (found->standardOutput.trimmed() == QLatin1String("yes"))
        return wizard::Done {};
    if (context.layout.isUser())
        return wizard::Failure { BackupStep::tr("git is not installed on the server, and without root Postwr cannot "
                                                "install it: ask for the packages git and openssh-client.") };
    auto installed = runCommand(context, BackupStep::tr("Installing git"),
        QStringLiteral("export DEBIAN_FRONTEND=noninteractive; apt-get install -y -q git openssh-client || "
                       "{ apt-get update -q && apt-get install -y -q git openssh-client; }"),
        true, {},
        std::chrono::minutes(10));
    if (!installed)
        return installed.failure();
    return wizard::Done {};
}

namespace {

Status initBackup(StepContext &context, const QString &passphrase)
{
    auto made = passphrase.isNull()
        ? postwrd(context, BackupStep::tr("Keeping the configuration in git"), QStringLiteral("backup init --plain"))
        : postwrd(context, BackupStep::tr("Keeping the configuration in git"), QStringLiteral("backup init"),
            passphrase.toUtf8() + '\n');
    if (!made)
        return made.failure();
    return wizard::Done {};
}

wizard::Result<QString> setBackupRemote(StepContext &context, const QString &remote)
{
    auto set = postwrd(context, BackupStep::tr("Setting the remote %1").arg(remote),
        QStringLiteral("backup remote ") + shellQuote(remote), {}, false);
    if (!set)
        return set.failure();
    return set->standardOutput.trimmed();
}

} // namespace

wizard::Result<QString> setUpBackup(StepContext &context, const QString &remote,
    const std::function<wizard::Result<QString>()> &passphrase)
{
    wizard::Status git = ensureGit(context);
    if (!git)
        return git.failure();
    auto status = readBackupStatus(context);
    if (!status)
        return status.failure();
    if (!status->enabled) {
        auto chosen = passphrase();
        if (!chosen)
            return chosen.failure();
        wizard::Status made = initBackup(context, *chosen);
        if (!made)
            return made.failure();
    } else {
        context.log(BackupStep::tr("The configuration is kept in git already (%n commit(s)).", nullptr, status->commits));
    }
    if (remote.isEmpty())
        return QString();
    return setBackupRemote(context, remote);
}

Status pushBackup(StepContext &context)
{
    auto pushed = postwrd(context, BackupStep::tr("Pushing the backup"), QStringLiteral("backup push"), {}, true, pushTimeout);
    if (!pushed)
        return wizard::Failure { postwrdComplaint(pushed.failure().message) };
    return wizard::Done {};
}

wizard::Status downloadBackup(StepContext &context, const QString &path)
{
    auto exported = postwrd(context, BackupStep::tr("Reading the backup"), QStringLiteral("backup export"), {}, false);
    if (!exported)
        return exported.failure();
    auto files = mail::parseBackupFiles(exported->standardOutput.toStdString());
    if (!files)
        return wizard::Failure { BackupStep::tr("postwrd's export is damaged: %1")
                .arg(QString::fromStdString(files.error().describe())) };
    return writeBackupArchive(path, *files);
}

BackupStanding describeBackup(const BackupStatus &status)
{
    const QLocale locale;
    const auto when = [&locale](const QDateTime &time) { return locale.toString(time.toLocalTime(), QLocale::ShortFormat); };
    if (!status.enabled)
        return { Mark::Warning, BackupStep::tr("Not backed up yet: if the server is lost, its accounts, forwarding and "
                                               "DKIM key are lost with it.") };
    QString text = BackupStep::tr("The last change kept: \"%1\", %2 (%n change(s) in all).", nullptr, status.commits)
                       .arg(status.lastCommitMessage, when(status.lastCommit));
    text += QLatin1Char(' ')
        + (status.encrypted ? BackupStep::tr("Secrets are encrypted with your passphrase.")
                            : BackupStep::tr("Secrets are not encrypted: keep the repository private."));
    if (status.remote.isEmpty())
        return { Mark::Warning, text + QLatin1Char(' ') + BackupStep::tr("It is kept on the server only: give a git remote, so that a copy lives elsewhere.") };
    if (!status.lastPush)
        return { Mark::Warning, text + QLatin1Char(' ') + BackupStep::tr("Not pushed to %1 yet.").arg(status.remote) };
    if (!status.lastPush->ok)
        return { Mark::Problem, text + QLatin1Char(' ')
                + BackupStep::tr("The last push to %1 failed (%2): %3. The changes are kept on the server and go with the next push.")
                      .arg(status.remote, when(status.lastPush->time), status.lastPush->message) };
    if (status.unpushed > 0)
        return { Mark::Warning, text + QLatin1Char(' ') + BackupStep::tr("%n change(s) not pushed to %1 yet.", nullptr, status.unpushed).arg(status.remote) };
    return { Mark::Good, text + QLatin1Char(' ') + BackupStep::tr("Pushed to %1, %2.").arg(status.remote, when(status.lastPush->time)) };
}

QString BackupStep::title() const
{
    return tr("Back up the configuration");
}

wizard::Result<QStringList> BackupStep::plan(StepContext &context)
{
    auto status = readBackupStatus(context);
    if (!status)
        return status.failure();
    const BackupPlan &backup = context.plan.backup;
    QStringList changes;
    if (!status->enabled)
        changes << (backup.encrypt ? tr("Keep the configuration in git, secrets encrypted with your passphrase")
                                   : tr("Keep the configuration in git, secrets unencrypted"));
    if (!backup.remote.isEmpty() && backup.remote != status->remote)
        changes << tr("Push it to %1 with a deploy key of the server's own").arg(backup.remote);
    else if (!backup.remote.isEmpty() && (!status->lastPush || !status->lastPush->ok || status->unpushed > 0))
        changes << tr("Push it to %1").arg(backup.remote);
    return changes;
}

Status BackupStep::run(StepContext &context)
{
    const BackupPlan &backup = context.plan.backup;
    auto key = setUpBackup(context, backup.remote, [&]() -> wizard::Result<QString> {
        if (!backup.encrypt)
            return QString();
        const QString passphrase = context.secret ? context.secret(backup.passphraseEnv) : QString();
        if (passphrase.isNull())
            return wizard::Failure { tr("The backup's passphrase should be in the environment variable %1, which "
                                        "is not set.").arg(backup.passphraseEnv) };
        return passphrase;
    });
    if (!key)
        return key.failure();
    if (backup.remote.isEmpty())
        return wizard::Done {};
    const QString allowKey = tr("The server's deploy key, to allow with write access on %1:").arg(backup.remote);
    context.log(allowKey);
    context.log(*key);
    wizard::Status pushed = pushBackup(context);
    if (!pushed)
        return wizard::Failure { pushed.failure().message + QLatin1Char('\n') + allowKey + QLatin1Char('\n') + *key };
    context.check(Mark::Good, tr("The configuration is pushed to %1.").arg(backup.remote));
    return wizard::Done {};
}

QString DownloadBackupStep::title() const
{
    return tr("Download the backup");
}

wizard::Result<QStringList> DownloadBackupStep::plan(StepContext &context)
{
    const QString domain = context.plan.domains.value(0, context.plan.hostname);
    return QStringList { tr("Save %1 in %2").arg(backupArchiveName(domain, QDate::currentDate()), context.plan.backup.downloadTo) };
}

Status DownloadBackupStep::run(StepContext &context)
{
    const QString domain = context.plan.domains.value(0, context.plan.hostname);
    const QString path = QDir(context.plan.backup.downloadTo).filePath(backupArchiveName(domain, QDate::currentDate()));
    wizard::Status saved = downloadBackup(context, path);
    if (!saved)
        return saved;
    context.check(Mark::Good, tr("The backup is saved in %1.").arg(path));
    return wizard::Done {};
}

} // namespace postwr::steps
