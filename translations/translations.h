// Loading the app's translations (embedded under :/i18n) for a language.
#pragma once

#include <QLocale>

class QCoreApplication;

namespace postwr::translations {

// Makes `locale` ("zh_CN", "cy", …) the language of `app`, replacing the one
// chosen before (widgets then get a LanguageChange event); false when there
// is no translation for it (English, the source language, needs none).
bool install(QCoreApplication &app, const QLocale &locale);

} // namespace postwr::translations
