#include "dnscheck/support_request.h"

#include <QStringList>

namespace postwr::dnscheck {

QString SupportRequest::text(const QString &hostname, const QList<ReverseDnsRequest> &reverse, bool openPort25)
{
    if (reverse.isEmpty() && !openPort25)
        return {};
    QStringList lines;
    lines << tr("Hello,") << QString();
    lines << tr("I run a mail server for my own domain on my server, under the name %1.").arg(hostname);
    if (!reverse.isEmpty()) {
        lines << tr("Please set the reverse DNS (PTR record) of these addresses:");
        for (const ReverseDnsRequest &request : reverse) {
            lines << (request.current.isEmpty() ? tr("- %1 → %2 (it has none now)").arg(request.address, hostname)
                                                : tr("- %1 → %2 (it is %3 now)").arg(request.address, hostname, request.current));
        }
        lines << tr("I have pointed %1 to these addresses in my domain's DNS, so the reverse DNS will be "
                    "forward-confirmed.")
                     .arg(hostname);
    }
    if (openPort25)
        lines << tr("Please also open outbound connections to TCP port 25, which my server needs to deliver mail "
                    "to other mail servers. It sends only mail from my own accounts, DKIM-signed and under SPF and "
                    "DMARC; it is not an open relay.");
    lines << QString() << tr("Thank you.");
    return lines.join(QLatin1Char('\n'));
}

} // namespace postwr::dnscheck
