// `postwrd config check` and `postwrd alias resolve`: read-only looks at the
// configuration directory, for people and for the wizard.
#pragma once

#include "cli/arguments.h"

namespace postwr::cli {

int runConfigCheck(const Arguments &arguments);
int runAliasResolve(const Arguments &arguments);

} // namespace postwr::cli
