#include "remote/marker_line.h"

#include <QRandomGenerator>

namespace postwr::remote {

std::optional<QByteArray> takeMarkerLine(QByteArray &held, QByteArrayView prefix)
{
    for (qsizetype at = held.indexOf(prefix); at >= 0; at = held.indexOf(prefix, at + 1)) {
        if (at > 0 && held.at(at - 1) != '\n')
            continue;
        const qsizetype end = held.indexOf('\n', at);
        if (end < 0)
            return std::nullopt;
        QByteArray value = held.mid(at + prefix.size(), end - at - prefix.size());
        held.remove(at, end + 1 - at);
        return value;
    }
    return std::nullopt;
}

QByteArray randomMarker(const char *prefix)
{
    return QByteArray(prefix) + QByteArray::number(QRandomGenerator::system()->generate64(), 16);
}

} // namespace postwr::remote
