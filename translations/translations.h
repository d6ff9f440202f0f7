// Loading the app's translations (embedded under :/i18n) for a language.
#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace postwr::translations {

// Makes `locale` ("zh_CN", "cy", …) the language of `app`, replacing the one
// chosen before (widgets then get a LanguageChange event); false when there
// is no translation for it (English, the source language, needs none).
bool install(QCoreApplication &app, const QLocale &locale);

// The languages there are, each named in itself: code ("en", "zh_CN", "cy") and name.
struct Language {
    QString code;
    QString name;
};
QList<Language> languages();

// The code of the language install() made current: "en" before any.
QString currentLanguage();

} // namespace postwr::translations
