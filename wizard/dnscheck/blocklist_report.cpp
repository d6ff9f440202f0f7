#include "dnscheck/blocklist_report.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace postwr::dnscheck {

wizard::Result<QList<BlocklistResult>> parseBlocklistResults(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    const QJsonValue results = document.object().value(QStringLiteral("results"));
    if (error.error != QJsonParseError::NoError || !results.isArray())
        return wizard::Failure { BlocklistReport::tr("The server's blocklist answer cannot be read: %1")
                                     .arg(QString::fromUtf8(json.left(200))) };
    QList<BlocklistResult> list;
    for (const QJsonValue &value : results.toArray()) {
        const QJsonObject object = value.toObject();
        BlocklistResult result;
        result.list = object.value(QStringLiteral("list")).toString();
        result.name = object.value(QStringLiteral("name")).toString();
        result.address = object.value(QStringLiteral("address")).toString();
        result.state = object.value(QStringLiteral("state")).toString();
        for (const QJsonValue &code : object.value(QStringLiteral("codes")).toArray())
            result.codes << code.toString();
        result.message = object.value(QStringLiteral("message")).toString();
        result.delist = object.value(QStringLiteral("delist")).toString();
        if (result.address.isEmpty() || result.state.isEmpty())
            return wizard::Failure { BlocklistReport::tr("The server's blocklist answer cannot be read: %1")
                                         .arg(QString::fromUtf8(json.left(200))) };
        list << result;
    }
    return list;
}

QString BlocklistReport::line(const BlocklistResult &result, bool html)
{
    const QString name = html ? result.name.toHtmlEscaped() : result.name;
    QString delist;
    if (!result.delist.isEmpty())
        delist = html ? QStringLiteral("<a href=\"%1\">%1</a>").arg(result.delist.toHtmlEscaped()) : result.delist;
    if (result.state == QLatin1String("listed")) {
        const QString codes = result.codes.join(QStringLiteral(", "));
        return delist.isEmpty()
            ? tr("%1 is listed on %2 (%3): receivers that use this list refuse its mail.").arg(result.address, name, codes)
            : tr("%1 is listed on %2 (%3): receivers that use this list refuse its mail. See why and ask for "
                 "removal at %4.")
                  .arg(result.address, name, codes, delist);
    }
    if (result.state == QLatin1String("refused"))
        return tr("%1 would not answer the server's resolver about %2 (it refuses public resolvers): set [dns] "
                  "servers in postwrd.conf to a resolver of the server's own, such as a local unbound.")
            .arg(name, result.address);
    if (result.state == QLatin1String("unknown"))
        return tr("%1 could not be asked about %2: %3").arg(name, result.address, html ? result.message.toHtmlEscaped() : result.message);
    return {};
}

QString BlocklistReport::cleanSummary(const QList<BlocklistResult> &results)
{
    QSet<QString> notClean;
    for (const BlocklistResult &result : results) {
        if (result.state != QLatin1String("clean"))
            notClean.insert(result.name);
    }
    QStringList names;
    for (const BlocklistResult &result : results) {
        if (!notClean.contains(result.name) && !names.contains(result.name))
            names << result.name;
    }
    if (names.isEmpty())
        return {};
    return tr("Not listed on %n blocklist(s): %1.", nullptr, int(names.size())).arg(names.join(QStringLiteral(", ")));
}

} // namespace postwr::dnscheck
