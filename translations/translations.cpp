#include "translations.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTranslator>

#include <memory>

namespace postwr::translations {

namespace {

QString g_language = QStringLiteral("en");

} // namespace

QList<Language> languages()
{
    return { { QStringLiteral("en"), QStringLiteral("English") }, { QStringLiteral("zh_CN"), QStringLiteral("中文（简体）") },
        { QStringLiteral("cy"), QStringLiteral("Cymraeg") } };
}

QString currentLanguage()
{
    return g_language;
}

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
    if (!found) {
        g_language = QStringLiteral("en");
        return false;
    }
    const QString name = locale.name();
    g_language = name.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : name.section(QLatin1Char('_'), 0, 0);
    current = translator.release();
    return QCoreApplication::installTranslator(current);
}

} // namespace postwr::translations
