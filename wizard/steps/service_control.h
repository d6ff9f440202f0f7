// Starting, stopping and reloading postwrd on the server: systemd in system
// mode, the supervisor script (PREFIX/bin/postwrd-supervise) in user mode.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

// Runs a postwrd subcommand as the service's user: the login user in user
// mode, `postwr` (through runuser as root) in system mode, so that the
// files it writes belong to whoever reads them.
wizard::Result<remote::CommandResult> postwrd(StepContext &context, const QString &what,
    const QString &arguments, const QByteArray &input = {}, bool stream = true,
    std::chrono::milliseconds timeout = std::chrono::minutes(2));

// postwrd.conf on the server, and a new one in its place (owned by postwr
// in system mode).
wizard::Result<QString> readRemoteConfig(StepContext &context);
wizard::Status writeRemoteConfig(StepContext &context, const QString &text);

// After the wizard changed files itself: one commit with `message` in the
// configuration's git history (and a push), when the backup is set up. A
// failure is a warning in the log: the change itself is made.
void commitConfigChange(StepContext &context, const QString &message);

wizard::Result<bool> serviceRunning(StepContext &context);
// Starts postwrd and waits (bounded) until it says it is ready, or fails
// with the reason from its log.
wizard::Status startService(StepContext &context);
wizard::Status stopService(StepContext &context);
wizard::Status restartService(StepContext &context);
// Rereads config, users, aliases and certificate; nothing when not running.
wizard::Status reloadService(StepContext &context);

} // namespace postwr::steps
