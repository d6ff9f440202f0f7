// The Language menu: every language in its own name; choosing one changes
// the whole app at once (LanguageChange), on any page or window.
#pragma once

#include <QMenu>

namespace postwr::pages {

QMenu *languageMenu(QWidget *parent);

} // namespace postwr::pages
