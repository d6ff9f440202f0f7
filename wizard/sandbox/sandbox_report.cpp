#include "sandbox/sandbox_report.h"

#include <QRegularExpression>

namespace postwr::sandbox {

namespace {

// The header's fields, each unfolded (RFC 5322 §2.2.3): "Name: value".
QStringList headerFields(const QByteArray &message)
{
    QStringList fields;
    for (QByteArray line : message.split('\n')) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.isEmpty())
            break; // the end of the header
        if ((line.startsWith(' ') || line.startsWith('\t')) && !fields.isEmpty())
            fields.last() += QLatin1Char(' ') + QString::fromUtf8(line).trimmed();
        else
            fields << QString::fromUtf8(line);
    }
    return fields;
}

} // namespace

QStringList authenticationResults(const QByteArray &message)
{
    QStringList found;
    for (const QString &field : headerFields(message)) {
        if (field.startsWith(QLatin1String("Authentication-Results:"), Qt::CaseInsensitive))
            found << field;
    }
    return found;
}

QString resultOf(const QStringList &fields, const QString &method)
{
    // "; dkim=pass (…)": a method follows the authserv-id's ";" (RFC 8601 §2.2).
    const QRegularExpression pattern(
        QStringLiteral(";\\s*%1\\s*=\\s*([A-Za-z]+)").arg(QRegularExpression::escape(method)),
        QRegularExpression::CaseInsensitiveOption);
    QString result = QStringLiteral("missing");
    for (const QString &field : fields) {
        auto matches = pattern.globalMatch(field);
        while (matches.hasNext()) {
            const QString value = matches.next().captured(1).toLower();
            if (value == QLatin1String("pass"))
                return value;
            result = value;
        }
    }
    return result;
}

QString headerField(const QByteArray &message, const QString &name)
{
    const QString prefix = name + QLatin1Char(':');
    for (const QString &field : headerFields(message)) {
        if (field.startsWith(prefix, Qt::CaseInsensitive))
            return field.mid(prefix.size()).trimmed();
    }
    return {};
}

} // namespace postwr::sandbox
