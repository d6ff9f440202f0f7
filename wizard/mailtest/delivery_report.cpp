#include "mailtest/delivery_report.h"

namespace postwr::mailtest {

LogEvent parseLogLine(const QString &line)
{
    LogEvent event;
    qsizetype i = 0;
    const qsizetype n = line.size();
    while (i < n) {
        while (i < n && line[i] == QLatin1Char(' '))
            ++i;
        const qsizetype equals = line.indexOf(QLatin1Char('='), i);
        if (equals < 0)
            break;
        const QString key = line.mid(i, equals - i);
        if (key.isEmpty() || key.contains(QLatin1Char(' ')))
            return {};
        i = equals + 1;
        QString value;
        if (i < n && line[i] == QLatin1Char('"')) {
            ++i;
            while (i < n && line[i] != QLatin1Char('"')) {
                if (line[i] == QLatin1Char('\\') && i + 1 < n) {
                    if (line[i + 1] == QLatin1Char('x') && i + 3 < n) {
                        value += QChar(line.mid(i + 2, 2).toUShort(nullptr, 16));
                        i += 4;
                        continue;
                    }
                    ++i;
                }
                value += line[i++];
            }
            ++i; // the closing quote
        } else {
            const qsizetype space = line.indexOf(QLatin1Char(' '), i);
            const qsizetype end = space < 0 ? n : space;
            value = line.mid(i, end - i);
            i = end;
        }
        event.fields.insert(key, value);
    }
    event.level = event.fields.take(QStringLiteral("level"));
    event.event = event.fields.take(QStringLiteral("event"));
    if (event.level.isEmpty())
        event.event.clear();
    return event;
}

DeliveryReport reportFor(const QStringList &lines, const QString &queueId)
{
    DeliveryReport report;
    for (const QString &line : lines) {
        if (!line.contains(queueId))
            continue;
        const LogEvent event = parseLogLine(line);
        if (event.fields.value(QStringLiteral("id")) != queueId)
            continue;
        const auto field = [&](const char *key) { return event.fields.value(QLatin1String(key)); };
        if (event.event == QLatin1String("queued")) {
            report.state = DeliveryReport::State::Queued;
            for (const QString &signature : field("dkim").split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                const QStringList parts = signature.split(QLatin1Char(':'));
                if (parts.size() == 3)
                    report.signatures << DkimSignature { parts[0], parts[1], parts[2] };
            }
        } else if (event.event == QLatin1String("attempt")) {
            ++report.attempts;
            report.mx = field("mx");
            report.ip = field("ip");
            report.tls = field("tls");
            report.reply = field("result");
        } else if (event.event == QLatin1String("delivered")) {
            report.state = DeliveryReport::State::Delivered;
            report.recipient = field("rcpt");
            report.mx = field("mx").isEmpty() ? field("mailbox") : field("mx");
            report.ip = field("ip");
            report.tls = field("tls");
            report.reply = field("result");
        } else if (event.event == QLatin1String("deferred")) {
            report.state = DeliveryReport::State::Deferred;
            report.recipient = field("rcpt");
            report.reply = field("reason");
            report.nextAttemptInSeconds = field("next_attempt_in");
        } else if (event.event == QLatin1String("reflected")) {
            report.reflected << ReflectorVerdict { field("address"), field("spf"), field("spf_reason"), field("dkim"),
                field("dkim_reason"), field("dmarc"), field("dmarc_reason"), field("reason") };
        } else if (event.event == QLatin1String("bounced")) {
            report.state = DeliveryReport::State::Bounced;
            report.recipient = field("rcpt");
            report.reply = field("reason");
        }
    }
    if (report.state == DeliveryReport::State::Deferred || report.state == DeliveryReport::State::Bounced)
        report.advice = adviceForReply(report.reply, report.ip);
    return report;
}

QString adviceForReply(const QString &reply, const QString &receiverIp)
{
    const QString text = reply.toLower();
    // Our address of the same family as the receiver's sent it.
    const bool ipv6 = receiverIp.contains(QLatin1Char(':'));
    const QString family = ipv6 ? QStringLiteral("IPv6") : QStringLiteral("IPv4");
    if (text.contains(QLatin1String("5.7.25")) || text.contains(QLatin1String("ptr record"))
        || text.contains(QLatin1String("reverse dns")))
        return DeliveryReportText::tr("The receiver refused mail from an address without reverse DNS: set the PTR "
                                      "record of your server's %1 address to your mail host name in your "
                                      "provider's control panel.")
            .arg(family);
    if (text.contains(QLatin1String("5.7.26")) || text.contains(QLatin1String("5.7.27"))
        || text.contains(QLatin1String("unauthenticated")) || text.contains(QLatin1String("dmarc")))
        return DeliveryReportText::tr("The receiver could not authenticate the message: check that the SPF, DKIM "
                                      "and DMARC records are published (the DNS step checks them).");
    if (text.contains(QLatin1String("spf")))
        return DeliveryReportText::tr("The receiver's SPF check failed: the SPF record must list the server's %1 "
                                      "address (the DNS step shows the record).")
            .arg(family);
    if (text.contains(QLatin1String("5.1.1")) || text.contains(QLatin1String("does not exist"))
        || text.contains(QLatin1String("user unknown")) || text.contains(QLatin1String("no such user")))
        return DeliveryReportText::tr("The recipient's address does not exist. Check it for typos.");
    if (text.contains(QLatin1String("cannot connect")) || text.contains(QLatin1String("timed out"))
        || text.contains(QLatin1String("connection refused")))
        return DeliveryReportText::tr("The receiving server could not be reached. postwrd keeps the message and "
                                      "tries again; if this lasts, your provider may block outbound port 25.");
    if (text.startsWith(QLatin1Char('4')) || text.contains(QLatin1String("try again")))
        return DeliveryReportText::tr("The receiver asked to try again later. postwrd keeps the message and "
                                      "retries on its own.");
    return {};
}

} // namespace postwr::mailtest
