#include "pages/language_menu.h"

#include "translations.h"

#include <QApplication>

namespace postwr::pages {

QMenu *languageMenu(QWidget *parent)
{
    auto *menu = new QMenu(parent);
    menu->setObjectName(QStringLiteral("languageMenu"));
    for (const translations::Language &language : translations::languages()) {
        QAction *action = menu->addAction(language.name);
        action->setData(language.code);
        QObject::connect(action, &QAction::triggered, menu, [code = language.code] {
            translations::install(*QApplication::instance(), QLocale(code));
        });
    }
    return menu;
}

} // namespace postwr::pages
