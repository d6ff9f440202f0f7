// Edits postwrd.conf the way a careful person would: one key's line is
// replaced or added, everything else (comments, order, other keys) stays as
// the user left it. The format is postwrd's INI (service/mail/ini.h):
// `key = value`, `[section]`, whole-line `#`/`;` comments.
#pragma once

#include <QString>

namespace postwr::steps {

// `text` with `key = value` in `section` ("" for the keys before the first
// section): the key's first line there is replaced, or a line is added after
// the section's last key, or the section is added at the end.
QString setConfigValue(const QString &text, const QString &section, const QString &key, const QString &value);

// The value of `key` in `section`, or a null QString when it is not set.
QString configValue(const QString &text, const QString &section, const QString &key);

} // namespace postwr::steps
