#include "remote/line_splitter.h"

namespace postwr::remote {

namespace {

QString decodeLine(QByteArrayView bytes)
{
    if (bytes.endsWith('\r'))
        bytes.chop(1);
    return QString::fromUtf8(bytes);
}

} // namespace

QStringList LineSplitter::feed(QByteArrayView bytes)
{
    m_pending.append(bytes);
    QStringList lines;
    qsizetype start = 0;
    for (qsizetype end = m_pending.indexOf('\n'); end >= 0; end = m_pending.indexOf('\n', start)) {
        lines << decodeLine(QByteArrayView(m_pending).sliced(start, end - start));
        start = end + 1;
    }
    m_pending.remove(0, start);
    return lines;
}

std::optional<QString> LineSplitter::finish()
{
    if (m_pending.isEmpty())
        return std::nullopt;
    QString line = decodeLine(m_pending);
    m_pending.clear();
    return line;
}

} // namespace postwr::remote
