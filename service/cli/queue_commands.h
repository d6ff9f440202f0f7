// `postwrd queue list|flush|drop`: the outgoing queue, beside a running
// daemon (which is found through SPOOL/postwrd.pid).
#pragma once

#include "cli/arguments.h"

namespace postwr::cli {

int runQueueCommand(const Arguments &arguments);

} // namespace postwr::cli
