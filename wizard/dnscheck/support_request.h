// What only the hosting provider can fix — the reverse DNS of the
// server's addresses, a blocked outbound port 25 — as a ready-made support
// request the user copies into the provider's ticket form, with the
// addresses and names filled in. Translated: the user writes to their
// provider in their language, or switches to English first.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace postwr::dnscheck {

struct ReverseDnsRequest {
    QString address; // "203.0.113.5"
    QString current; // the PTR name now, "" when there is none
};

class SupportRequest {
    Q_DECLARE_TR_FUNCTIONS(postwr::dnscheck::SupportRequest)

public:
    // `reverse`: the addresses whose PTR must name `hostname`; `openPort25`:
    // also ask for outbound port 25. "" when there is nothing to ask.
    static QString text(const QString &hostname, const QList<ReverseDnsRequest> &reverse, bool openPort25);
};

} // namespace postwr::dnscheck
