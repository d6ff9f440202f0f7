// `postwrd user add|remove|list|check`: the accounts that may send mail,
// kept in DIR/domains/<domain>/users. A running postwrd picks changes up on
// SIGHUP (systemctl reload postwrd).
#pragma once

#include "cli/arguments.h"

namespace postwr::cli {

int runUserCommand(const Arguments &arguments);

} // namespace postwr::cli
