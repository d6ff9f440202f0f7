// Starting, stopping and reloading postwrd on the server: systemd in system
// mode, the supervisor script (PREFIX/bin/postwrd-supervise) in user mode.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

// Runs a postwrd subcommand as the service's user: the login user in user
// mode, `postwr` (through runuser as root) in system mode, so that the
// files it writes belong to whoever reads them.
wizard::Result<remote::CommandResult> postwrd(StepContext &context, const QString &what,
    const QString &arguments, const QByteArray &input = {}, bool stream = true);

wizard::Result<bool> serviceRunning(StepContext &context);
// Starts postwrd and waits (bounded) until it says it is ready, or fails
// with the reason from its log.
wizard::Status startService(StepContext &context);
wizard::Status stopService(StepContext &context);
wizard::Status restartService(StepContext &context);
// Rereads config, users, aliases and certificate; nothing when not running.
wizard::Status reloadService(StepContext &context);

} // namespace postwr::steps
