#include "dnscheck/expected_records.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace postwr::dnscheck {

namespace {

QString withoutFinalDot(QString name)
{
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

} // namespace

wizard::Result<ExpectedRecords> parseExpectedRecords(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return wizard::Failure { ExpectedRecordsText::tr("The server's list of DNS records is not JSON (%1); is "
                                                         "postwrd on the server up to date?")
                                     .arg(error.errorString()) };
    const QJsonObject root = document.object();
    ExpectedRecords result;
    result.domain = withoutFinalDot(root.value(QStringLiteral("domain")).toString()).toLower();
    result.hostname = withoutFinalDot(root.value(QStringLiteral("hostname")).toString()).toLower();
    if (result.domain.isEmpty() || !root.value(QStringLiteral("records")).isArray())
        return wizard::Failure { ExpectedRecordsText::tr("The server's list of DNS records has no domain or no "
                                                         "records.") };
    for (const QJsonValue &value : root.value(QStringLiteral("records")).toArray()) {
        const QJsonObject object = value.toObject();
        ExpectedRecord record;
        record.id = object.value(QStringLiteral("id")).toString();
        record.type = object.value(QStringLiteral("type")).toString().toUpper();
        record.name = withoutFinalDot(object.value(QStringLiteral("name")).toString());
        record.value = object.value(QStringLiteral("value")).toString();
        for (const QJsonValue &piece : object.value(QStringLiteral("strings")).toArray())
            record.strings << piece.toString();
        record.ttl = object.value(QStringLiteral("ttl")).toInt(3600);
        record.where = object.value(QStringLiteral("where")).toString();
        record.purpose = object.value(QStringLiteral("purpose")).toString();
        if (record.id.isEmpty() || record.type.isEmpty() || record.name.isEmpty())
            return wizard::Failure { ExpectedRecordsText::tr("Record %1 of the server's list has no id, type or "
                                                             "name.")
                                         .arg(result.records.size() + 1) };
        if (record.type == QLatin1String("TXT") && record.strings.isEmpty())
            record.strings << record.value;
        result.records << record;
    }
    for (const QJsonValue &note : root.value(QStringLiteral("notes")).toArray())
        result.notes << note.toString();
    return result;
}

} // namespace postwr::dnscheck
