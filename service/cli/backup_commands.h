// `postwrd backup …`: the configuration directory in git, pushed to the
// user's remote (daemon/config_repository.h), and restored from it.
#pragma once

#include "cli/arguments.h"

#include <string>

namespace postwr::cli {

int runBackupCommand(const Arguments &arguments);

// After a command changed the configuration: one commit with `message`,
// pushed when there is a remote. Says on standard error what happened; a
// failed push does not undo the change (the next push carries it).
void recordConfigChange(const Arguments &arguments, const std::string &message);

} // namespace postwr::cli
