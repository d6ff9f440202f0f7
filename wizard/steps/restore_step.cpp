#include "steps/restore_step.h"

#include "mail/backup_files.h"
#include "remote/shell_quote.h"
#include "steps/accounts_step.h"
#include "steps/backup_archive.h"
#include "steps/backup_step.h"
#include "steps/config_edit.h"
#include "steps/install_files.h"
#include "steps/service_control.h"

namespace postwr::steps {

using remote::shellQuote;

namespace {

constexpr std::chrono::minutes restoreTimeout { 4 };

} // namespace

Status restoreBackup(StepContext &context, const QString &from, const QString &passphrase)
{
    wizard::Status git = ensureGit(context);
    if (!git)
        return git;
    auto before = readRemoteConfig(context);
    if (!before)
        return before.failure();

    QByteArray input = passphrase.toUtf8() + '\n';
    QString arguments;
    QString allowKey; // for a remote: what to do when it refuses this server
    if (isBackupArchive(from)) {
        auto files = readBackupArchive(from);
        if (!files)
            return files.failure();
        input += QByteArray::fromStdString(mail::serializeBackupFiles(*files));
        arguments = QStringLiteral("backup restore --stdin");
    } else {
        auto key = postwrd(context, RestoreStep::tr("Making the server's deploy key"), QStringLiteral("backup key"), {}, false);
        if (!key)
            return key.failure();
        allowKey = RestoreStep::tr("The server's deploy key, which %1 must allow:").arg(from) + QLatin1Char('\n')
            + key->standardOutput.trimmed();
        context.log(allowKey);
        arguments = QStringLiteral("backup restore --from ") + shellQuote(from);
    }
    auto restored = postwrd(context, RestoreStep::tr("Restoring from %1").arg(from), arguments, input, true, restoreTimeout);
    if (!restored)
        return wizard::Failure { restored.failure().message + (allowKey.isEmpty() ? QString() : QLatin1Char('\n') + allowKey) };

    // The backup's postwrd.conf names the old server's addresses, ports and
    // paths: this one keeps its own, as the install step set them.
    auto after = readRemoteConfig(context);
    if (!after)
        return after.failure();
    Plan plan = context.plan;
    if (plan.hostname.isEmpty())
        plan.hostname = configValue(*after, {}, QStringLiteral("hostname"));
    const QString local = desiredConfig(*after, context.layout, plan);
    if (local != *after) {
        wizard::Status written = writeRemoteConfig(context, local);
        if (!written)
            return written;
        commitConfigChange(context, QStringLiteral("keep the listen addresses and paths of ") + plan.hostname);
    }
    auto checked = postwrd(context, RestoreStep::tr("Checking the configuration"), QStringLiteral("config check"));
    if (!checked)
        return checked.failure();
    wizard::Status restarted = restartService(context);
    if (!restarted)
        return restarted;
    auto accounts = listAccounts(context);
    if (!accounts)
        return accounts.failure();
    context.check(Mark::Good, RestoreStep::tr("Restored from %1: %n account(s) (%2).", nullptr, int(accounts->size()))
            .arg(from, accounts->join(QStringLiteral(", "))));
    return wizard::Done {};
}

QString RestoreStep::title() const
{
    return tr("Restore from a backup");
}

wizard::Result<QStringList> RestoreStep::plan(StepContext &context)
{
    return QStringList { tr("Bring back the configuration, accounts, forwarding and DKIM keys from %1")
            .arg(context.plan.restore.from) };
}

Status RestoreStep::run(StepContext &context)
{
    const RestorePlan &restore = context.plan.restore;
    QString passphrase;
    if (!restore.passphraseEnv.isEmpty()) {
        passphrase = context.secret ? context.secret(restore.passphraseEnv) : QString();
        if (passphrase.isNull())
            return wizard::Failure { tr("The backup's passphrase should be in the environment variable %1, which "
                                        "is not set.").arg(restore.passphraseEnv) };
    }
    return restoreBackup(context, restore.from, passphrase);
}

} // namespace postwr::steps
