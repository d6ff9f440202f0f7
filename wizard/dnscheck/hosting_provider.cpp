#include "dnscheck/hosting_provider.h"

#include <QRegularExpression>

namespace postwr::dnscheck {

namespace {

struct DefaultName {
    const char *provider;
    const char *pattern; // the provider's own PTR names, lower case
};

// The names these providers give a new server's addresses. DigitalOcean
// has none of its own: a droplet's PTR is the droplet's name, whose default
// says image, size and region ("ubuntu-s-1vcpu-1gb-fra1-01").
constexpr DefaultName defaultNames[] = {
    { "contabo", R"(\.contaboserver\.net$)" },
    { "hetzner", R"(\.(clients\.your-server\.de|hetzner\.(com|de|cloud))$)" },
    { "ovh", R"((^|\.)ip-\d+-\d+-\d+\.(eu|net|us)$|\.(vps\.)?ovh\.(net|ca|us)$)" },
    { "vultr", R"(\.(vultrusercontent\.com|vultr\.com|choopa\.net)$)" },
    { "linode", R"(\.(members\.linode\.com|ip\.linodeusercontent\.com)$)" },
    { "lightsail", R"(\.compute(-\d+)?\.amazonaws\.com$)" },
    { "digitalocean", R"(^[a-z]+(-[0-9a-z]+)*-s-\d+vcpu-\d+gb(-[a-z0-9]+)*-[a-z]+\d-\d+$)" },
};

} // namespace

const QList<HostingProvider> &ReverseDnsHelp::providers()
{
    static const QList<HostingProvider> list {
        { QStringLiteral("contabo"), QStringLiteral("Contabo"), QStringLiteral("https://my.contabo.com/rdns") },
        { QStringLiteral("hetzner"), QStringLiteral("Hetzner"), QStringLiteral("https://console.hetzner.cloud/") },
        { QStringLiteral("ovh"), QStringLiteral("OVHcloud"), QStringLiteral("https://www.ovh.com/manager/") },
        { QStringLiteral("vultr"), QStringLiteral("Vultr"), QStringLiteral("https://my.vultr.com/") },
        { QStringLiteral("digitalocean"), QStringLiteral("DigitalOcean"), QStringLiteral("https://cloud.digitalocean.com/droplets") },
        { QStringLiteral("linode"), QStringLiteral("Linode (Akamai)"), QStringLiteral("https://cloud.linode.com/linodes") },
        { QStringLiteral("lightsail"), QStringLiteral("AWS Lightsail"),
            QStringLiteral("https://lightsail.aws.amazon.com/ls/webapp/account/email-limit") },
    };
    return list;
}

std::optional<HostingProvider> ReverseDnsHelp::fromReverseName(const QString &ptrName)
{
    QString name = ptrName.trimmed().toLower();
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    for (const DefaultName &known : defaultNames) {
        if (!QRegularExpression(QLatin1String(known.pattern)).match(name).hasMatch())
            continue;
        for (const HostingProvider &provider : providers()) {
            if (provider.id == QLatin1String(known.provider))
                return provider;
        }
    }
    return std::nullopt;
}

QString ReverseDnsHelp::steps(const std::optional<HostingProvider> &provider, const QString &address, const QString &hostname)
{
    if (!provider)
        return tr("Reverse DNS is set where you rent the server, not where your domain's DNS is: in your hosting "
                  "provider's control panel, look for \"Reverse DNS\", \"rDNS\" or \"PTR\" next to the server's "
                  "IP addresses, and set %1 to %2. If there is no such setting, ask their support (Postwr writes "
                  "the request for you).")
            .arg(address, hostname);
    const QString link = QStringLiteral("<a href=\"%1\">%2</a>").arg(provider->panelUrl, provider->name);
    const QString &id = provider->id;
    if (id == QLatin1String("contabo"))
        return tr("This server is at %1: in the customer panel, open \"Reverse DNS Management\", click the pencil "
                  "next to %2 and enter %3.")
            .arg(link, address, hostname);
    if (id == QLatin1String("hetzner"))
        return tr("This server is at %1: in the Cloud Console open the server, then \"Networking\", and edit the "
                  "reverse DNS of %2 to %3 (for a dedicated server: Robot, \"IPs\").")
            .arg(link, address, hostname);
    if (id == QLatin1String("ovh"))
        return tr("This server is at %1: in the control panel open \"Network\" then \"Public IP addresses\", "
                  "choose \"Modify the reverse path\" for %2 and enter %3.")
            .arg(link, address, hostname);
    if (id == QLatin1String("vultr"))
        return tr("This server is at %1: open the server, then \"Settings\" and \"IPv4\" (or \"IPv6\"), and set "
                  "the reverse DNS of %2 to %3.")
            .arg(link, address, hostname);
    if (id == QLatin1String("digitalocean"))
        return tr("This server is at %1, which takes the reverse DNS from the droplet's name: rename the droplet "
                  "to %3 and %2 follows.")
            .arg(link, address, hostname);
    if (id == QLatin1String("linode"))
        return tr("This server is at %1: open the Linode, then \"Network\", and choose \"Edit RDNS\" next to %2 "
                  "to enter %3.")
            .arg(link, address, hostname);
    return tr("This server is at %1: reverse DNS and sending on port 25 are opened together by the request "
              "\"Enable email sending\"; give %2 and %3 in it.")
        .arg(link, address, hostname);
}

} // namespace postwr::dnscheck
