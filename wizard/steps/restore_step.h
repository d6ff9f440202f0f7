// Step "restore": a backup brought back onto a server where the install step
// has just put postwrd — from the git remote (cloned with a deploy key of
// this server's own, which the remote must allow) or from an archive on this
// computer. postwrd checks and decrypts everything with the passphrase
// before it writes anything, so a wrong passphrase changes nothing. The
// backup's configuration then gets this server's own listen addresses and
// paths, and postwrd restarts with the accounts, aliases and DKIM keys of
// the old server: mail flows with the same DNS records.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

// Restores `from` (a git remote, or a local .tar.gz) with `passphrase`
// (empty for a plain backup) and makes the configuration this server's.
wizard::Status restoreBackup(StepContext &context, const QString &from, const QString &passphrase);

class RestoreStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::RestoreStep)

public:
    QString name() const override { return QStringLiteral("restore"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

} // namespace postwr::steps
