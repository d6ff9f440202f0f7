#include "steps/acme_advice.h"

#include <QRegularExpression>

namespace postwr::steps {

namespace {

bool has(const QString &output, const char *pattern)
{
    return output.contains(QRegularExpression(QLatin1String(pattern), QRegularExpression::CaseInsensitiveOption));
}

// certbot's last "Detail:" line, or its last line: what it said in the end.
QString lastWords(const QString &output)
{
    const QRegularExpressionMatch detail
        = QRegularExpression(QStringLiteral("Detail: *(.+)$"), QRegularExpression::MultilineOption).match(output);
    if (detail.hasMatch())
        return detail.captured(1).trimmed();
    const QStringList lines = output.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace

QString AcmeAdvice::explain(const QString &output, const QString &hostname, int httpPort)
{
    if (has(output, "rateLimited|too many (certificates|failed authorizations|new orders|registrations)"))
        return tr("Let's Encrypt's rate limit was reached for %1 (at most 5 certificates for the same names a week, "
                  "and 5 failed tries an hour). Wait and try again later; the self-signed certificate stays in "
                  "use until then.")
            .arg(hostname);
    if (has(output, "Invalid access token|9109|Invalid request headers|6003"))
        return tr("Cloudflare refused the API token. Make a token with the permission Zone, DNS, Edit for the zone of "
                  "%1 in Cloudflare's dashboard (My Profile, API Tokens) and give it here.")
            .arg(hostname);
    if (has(output, "Unable to determine zone_id|zone_id"))
        return tr("The Cloudflare API token cannot see the zone of %1: give the token access to that zone, or check "
                  "that the domain is on this Cloudflare account.")
            .arg(hostname);
    if (has(output, "NXDOMAIN|no valid A records|DNS problem|SERVFAIL"))
        return tr("Let's Encrypt could not find %1 in DNS yet. Add its A (and AAAA) record with this server's "
                  "address on the DNS page, wait a few minutes for it to spread, and try again.")
            .arg(hostname);
    if (has(output, "Could not bind|Problem binding|Address already in use"))
        return tr("Port %1 on the server is taken by another program (a web server?). Stop it for a moment, or "
                  "choose the DNS method, and try again.")
            .arg(httpPort);
    if (has(output, "Timeout during connect|Connection refused|Fetching http://|firewall|connection reset"))
        return tr("Let's Encrypt could not reach %1 on port %2: a firewall (the server's, or your hosting "
                  "provider's) blocks it. Open TCP port %2 to the internet for a moment, or choose the DNS method.")
            .arg(hostname)
            .arg(httpPort);
    if (has(output, "unauthorized|Invalid response"))
        return tr("Let's Encrypt reached %1 but another server answered: the A or AAAA record of %1 points "
                  "somewhere else. Make it point to this server and try again.")
            .arg(hostname);
    if (has(output, "certificate verify failed|SSLError|CERTIFICATE_VERIFY_FAILED"))
        return tr("The server could not reach the certificate authority securely (its certificate was not "
                  "trusted): %1")
            .arg(lastWords(output));
    if (has(output, "Failed to establish a new connection|Name or service not known|Max retries exceeded"))
        return tr("The server could not reach the certificate authority: it needs outbound HTTPS. %1")
            .arg(lastWords(output));
    return tr("certbot could not get the certificate: %1").arg(lastWords(output));
}

} // namespace postwr::steps
