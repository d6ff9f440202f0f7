#include "translations.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTranslator>

#include <memory>

namespace postwr::translations {

bool install(QCoreApplication &app, const QLocale &locale)
{
    static QPointer<QTranslator> current;
    auto translator = std::make_unique<QTranslator>(&app);
    const bool found
        = translator->load(locale, QStringLiteral("postwr"), QStringLiteral("_"), QStringLiteral(":/i18n"));
    if (current) {
        QCoreApplication::removeTranslator(current);
        delete current;
    }
    if (!found)
        return false;
    current = translator.release();
    return QCoreApplication::installTranslator(current);
}

} // namespace postwr::translations
