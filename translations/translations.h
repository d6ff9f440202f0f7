// Loading the app's translations (embedded under :/i18n) for a language.
#pragma once

#include <QLocale>

class QCoreApplication;

namespace postwr::translations {

// Installs the translation for `locale` ("zh_CN", "cy", …) into `app`;
// false when there is none (English, the source language, needs none).
bool install(QCoreApplication &app, const QLocale &locale);

} // namespace postwr::translations
