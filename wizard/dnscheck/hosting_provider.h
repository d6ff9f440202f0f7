// Where a server's reverse DNS is set: only the hosting provider can, in
// its control panel (or, for a few, by a support request). For the
// well-known VPS providers, their default PTR names tell which one hosts the
// server ("vmi123456.contaboserver.net"), and the wizard links straight to
// the right panel with the clicks it takes; otherwise it explains where
// such a setting usually hides.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace postwr::dnscheck {

struct HostingProvider {
    QString id; // "contabo", "hetzner", "ovh", "vultr", "digitalocean", "linode", "lightsail"
    QString name; // "Hetzner"
    QString panelUrl; // where the reverse DNS is set
};

class ReverseDnsHelp {
    Q_DECLARE_TR_FUNCTIONS(postwr::dnscheck::ReverseDnsHelp)

public:
    static const QList<HostingProvider> &providers();

    // The provider whose default reverse-DNS names look like `ptrName`
    // (as found before the user set it); nothing for any other name.
    static std::optional<HostingProvider> fromReverseName(const QString &ptrName);

    // How to set the reverse DNS of `address` to `hostname` at `provider`
    // (translated, one paragraph), or the general advice without one.
    static QString steps(const std::optional<HostingProvider> &provider, const QString &address, const QString &hostname);
};

} // namespace postwr::dnscheck
