#include "steps/config_edit.h"

#include <QStringList>

namespace postwr::steps {

namespace {

struct Line {
    enum class Kind { Blank, Comment, Section, Key, Other } kind = Kind::Other;
    QString name; // the section, or the key
    QString value;
};

Line classify(const QString &raw)
{
    const QString text = raw.trimmed();
    if (text.isEmpty())
        return { Line::Kind::Blank, {}, {} };
    if (text.startsWith(QLatin1Char('#')) || text.startsWith(QLatin1Char(';')))
        return { Line::Kind::Comment, {}, {} };
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']')))
        return { Line::Kind::Section, text.mid(1, text.size() - 2).simplified(), {} };
    const qsizetype equals = text.indexOf(QLatin1Char('='));
    if (equals > 0)
        return { Line::Kind::Key, text.left(equals).trimmed(), text.mid(equals + 1).trimmed() };
    return { Line::Kind::Other, {}, {} };
}

} // namespace

QString setConfigValue(const QString &text, const QString &section, const QString &key, const QString &value)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    if (text.isEmpty() || text.endsWith(QLatin1Char('\n')))
        lines.removeLast(); // the "line" after the last line end
    const QString wanted = key + QStringLiteral(" = ") + value;

    QString current; // the section of the line being looked at
    qsizetype sectionStart = section.isEmpty() ? 0 : -1; // index after the header
    qsizetype lastKey = -1; // the section's last key line
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const Line line = classify(lines[i]);
        if (line.kind == Line::Kind::Section) {
            current = line.name;
            if (current == section)
                sectionStart = i + 1;
            continue;
        }
        if (current != section || line.kind != Line::Kind::Key)
            continue;
        if (line.name == key) {
            lines[i] = wanted;
            return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
        }
        lastKey = i;
    }

    if (section.isEmpty()) {
        qsizetype at = 0;
        if (lastKey >= 0) {
            at = lastKey + 1;
        } else {
            // After the leading comments, before the first section.
            while (at < lines.size() && classify(lines[at]).kind != Line::Kind::Section)
                ++at;
            while (at > 0 && classify(lines[at - 1]).kind == Line::Kind::Blank)
                --at;
        }
        lines.insert(at, wanted);
    } else if (sectionStart >= 0) {
        lines.insert(lastKey >= 0 ? lastKey + 1 : sectionStart, wanted);
    } else {
        while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
            lines.removeLast();
        if (!lines.isEmpty())
            lines << QString();
        lines << QLatin1Char('[') + section + QLatin1Char(']') << wanted;
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString configValue(const QString &text, const QString &section, const QString &key)
{
    QString current;
    for (const QString &raw : text.split(QLatin1Char('\n'))) {
        const Line line = classify(raw);
        if (line.kind == Line::Kind::Section)
            current = line.name;
        else if (line.kind == Line::Kind::Key && current == section && line.name == key)
            return line.value;
    }
    return {};
}

} // namespace postwr::steps
