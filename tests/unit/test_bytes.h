// Conversions between Qt's byte arrays and the std strings of the sans-IO
// core, shared by the unit tests.
#pragma once

#include <QByteArray>

#include <string_view>

inline std::string_view view(const QByteArray &bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

inline QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}
