// Postwr's icon: an envelope with a check mark, drawn at each size the
// platform asks for, so that it stays sharp at 100% and 200% scaling and
// needs no image plugin.
#pragma once

#include <QIcon>

namespace postwr::pages {

QIcon appIcon();

} // namespace postwr::pages
