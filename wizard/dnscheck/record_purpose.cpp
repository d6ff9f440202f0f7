#include "dnscheck/record_purpose.h"

namespace postwr::dnscheck {

QString RecordPurpose::of(const ExpectedRecord &record, const QString &domain, const QString &hostname)
{
    const QString &id = record.id;
    if (id == QLatin1String("mx"))
        return tr("Mail for %1 is delivered to this server, %2.").arg(domain, hostname);
    if (id == QLatin1String("a") || id == QLatin1String("aaaa"))
        return tr("The address of %1, the mail server: the MX points here and the reverse DNS must lead back here.")
            .arg(hostname);
    if (id == QLatin1String("spf"))
        return tr("SPF: this server may send mail for @%1; receivers distrust mail from other servers.").arg(domain);
    if (id == QLatin1String("spf-helo"))
        return tr("SPF for the name the server greets with: bounces have no sender, so receivers check this name.");
    if (id.startsWith(QLatin1String("dkim:")))
        return tr("DKIM: the public key receivers check the signature of each message with.");
    if (id == QLatin1String("dmarc"))
        return tr("DMARC: what receivers do with mail from @%1 that passes neither SPF nor DKIM, and where they "
                  "send reports.")
            .arg(domain);
    if (id == QLatin1String("tlsrpt"))
        return tr("TLS-RPT: where other servers report when they could not reach this one over TLS.");
    if (id == QLatin1String("mta-sts"))
        return tr("MTA-STS: tells senders to use TLS with a valid certificate; the policy itself is on a web server.");
    if (id.startsWith(QLatin1String("mta-sts-")))
        return tr("The web server that serves the MTA-STS policy (not postwrd).");
    if (id.startsWith(QLatin1String("srv-")))
        return tr("Lets mail programs find the server and port to send from.");
    if (id.startsWith(QLatin1String("ptr:")))
        return tr("Reverse DNS, set in your hosting provider's panel (not in your domain's): it must name %1, or "
                  "many receivers refuse the mail.")
            .arg(hostname);
    return record.purpose;
}

QString quotedPieces(const ExpectedRecord &record)
{
    if (record.type != QLatin1String("TXT"))
        return record.value;
    QStringList quoted;
    for (const QString &piece : record.strings)
        quoted << QLatin1Char('"') + piece + QLatin1Char('"');
    return quoted.join(QLatin1Char(' '));
}

} // namespace postwr::dnscheck
