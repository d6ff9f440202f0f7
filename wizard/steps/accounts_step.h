// Step 5: the sender accounts, through `postwrd user …` on the server (so
// the password hashes are made there, by the same code that checks them).
// Passwords travel on the command's standard input, never in its text.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

class AccountsStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::AccountsStep)

public:
    QString name() const override { return QStringLiteral("accounts"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

// The pieces, for the accounts page too.
wizard::Result<QStringList> listAccounts(StepContext &context);
// Adds the account, or changes its password.
wizard::Status setAccountPassword(StepContext &context, const QString &email, const QString &password);
// Adds the account (or resets its password) with a new strong password, which is returned.
wizard::Result<QString> generateAccountPassword(StepContext &context, const QString &email);
wizard::Status removeAccount(StepContext &context, const QString &email);
wizard::Result<bool> accountPasswordIs(StepContext &context, const QString &email, const QString &password);

} // namespace postwr::steps
