#include "steps/accounts_step.h"

#include "remote/shell_quote.h"
#include "steps/service_control.h"

namespace postwr::steps {

using remote::shellQuote;

namespace {

// The plan's password for `account`, or a failure naming what is missing.
wizard::Result<QString> plannedPassword(StepContext &context, const AccountPlan &account)
{
    const QString password = context.secret ? context.secret(account.passwordEnv) : QString();
    if (password.isNull())
        return wizard::Failure { AccountsStep::tr("The password of %1 should be in the environment variable %2, "
                                                  "which is not set.")
                .arg(account.email, account.passwordEnv) };
    if (password.size() < 8)
        return wizard::Failure { AccountsStep::tr("The password of %1 is too short: use at least 8 characters, "
                                                  "or let Postwr generate one.")
                .arg(account.email) };
    return password;
}

struct Change {
    enum class Kind { None, SetPassword, Generate, Remove } kind = Kind::None;
    QString description;
};

wizard::Result<Change> changeFor(StepContext &context, const AccountPlan &account, const QStringList &existing)
{
    const bool exists = existing.contains(account.email);
    if (account.remove) {
        if (!exists)
            return Change {};
        return Change { Change::Kind::Remove, AccountsStep::tr("Remove the account %1").arg(account.email) };
    }
    if (account.generate) {
        if (exists)
            return Change {}; // keeps the password the user already has
        return Change { Change::Kind::Generate,
            AccountsStep::tr("Add the account %1 with a generated password").arg(account.email) };
    }
    auto password = plannedPassword(context, account);
    if (!password)
        return password.failure();
    if (exists) {
        auto same = accountPasswordIs(context, account.email, *password);
        if (!same)
            return same.failure();
        if (*same)
            return Change {};
        return Change { Change::Kind::SetPassword, AccountsStep::tr("Change the password of %1").arg(account.email) };
    }
    return Change { Change::Kind::SetPassword, AccountsStep::tr("Add the account %1").arg(account.email) };
}

} // namespace

wizard::Result<QStringList> listAccounts(StepContext &context)
{
    auto listed = postwrd(context, AccountsStep::tr("Listing the accounts"), QStringLiteral("user list"), {}, false);
    if (!listed)
        return listed.failure();
    return listed->standardOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

Status setAccountPassword(StepContext &context, const QString &email, const QString &password)
{
    auto added = postwrd(context, AccountsStep::tr("Setting the password of %1").arg(email),
        QStringLiteral("user add ") + shellQuote(email), password.toUtf8() + '\n', false);
    if (!added)
        return added.failure();
    return wizard::Done {};
}

wizard::Result<QString> generateAccountPassword(StepContext &context, const QString &email)
{
    auto added = postwrd(context, AccountsStep::tr("Adding %1").arg(email),
        QStringLiteral("user add ") + shellQuote(email) + QStringLiteral(" --generate"), {}, false);
    if (!added)
        return added.failure();
    const QString password = added->standardOutput.trimmed();
    if (password.isEmpty())
        return wizard::Failure { AccountsStep::tr("postwrd made no password for %1.").arg(email) };
    return password;
}

Status removeAccount(StepContext &context, const QString &email)
{
    auto removed = postwrd(context, AccountsStep::tr("Removing %1").arg(email), QStringLiteral("user remove ") + shellQuote(email));
    if (!removed)
        return removed.failure();
    return wizard::Done {};
}

wizard::Result<bool> accountPasswordIs(StepContext &context, const QString &email, const QString &password)
{
    // Exit 1 is the answer "wrong or no such user"; only other failures are errors.
    const RemoteLayout &layout = context.layout;
    const QString command = (layout.isUser() ? QString() : QStringLiteral("runuser -u postwr -- "))
        + layout.postwrdCommand() + QStringLiteral(" user check ") + shellQuote(email)
        + QStringLiteral("; echo \"exit=$?\"");
    auto checked = query(context, AccountsStep::tr("Checking the password of %1").arg(email), command,
        !layout.isUser(), password.toUtf8() + '\n');
    if (!checked)
        return checked.failure();
    const QString out = checked->standardOutput.trimmed();
    if (out.endsWith(QLatin1String("exit=0")))
        return true;
    if (out.endsWith(QLatin1String("exit=1")))
        return false;
    return wizard::Failure { AccountsStep::tr("Checking the password of %1 failed: %2")
            .arg(email, checked->standardError.trimmed()) };
}

QString AccountsStep::title() const
{
    return tr("Sender accounts");
}

wizard::Result<QStringList> AccountsStep::plan(StepContext &context)
{
    auto existing = listAccounts(context);
    if (!existing)
        return existing.failure();
    QStringList changes;
    for (const AccountPlan &account : context.plan.accounts) {
        auto change = changeFor(context, account, *existing);
        if (!change)
            return change.failure();
        if (change->kind != Change::Kind::None)
            changes << change->description;
    }
    return changes;
}

Status AccountsStep::run(StepContext &context)
{
    auto existing = listAccounts(context);
    if (!existing)
        return existing.failure();
    bool changed = false;
    for (const AccountPlan &account : context.plan.accounts) {
        auto change = changeFor(context, account, *existing);
        if (!change)
            return change.failure();
        switch (change->kind) {
        case Change::Kind::None:
            context.log(tr("%1: as planned already.").arg(account.email));
            continue;
        case Change::Kind::SetPassword: {
            wizard::Status set = setAccountPassword(context, account.email, *plannedPassword(context, account));
            if (!set)
                return set;
            break;
        }
        case Change::Kind::Generate: {
            auto password = generateAccountPassword(context, account.email);
            if (!password)
                return password.failure();
            if (context.reveal)
                context.reveal(tr("Password of %1").arg(account.email), *password);
            break;
        }
        case Change::Kind::Remove: {
            wizard::Status removed = removeAccount(context, account.email);
            if (!removed)
                return removed;
            break;
        }
        }
        context.log(change->description);
        changed = true;
    }
    return changed ? reloadService(context) : wizard::Status(wizard::Done {});
}

} // namespace postwr::steps
