// The DNS check as a step: the records the domains need, from postwrd on
// the server (so they match its real keys and addresses), each asked of
// DNS from here and marked good, a warning (optional records) or a problem
// with what to fix. Fails when a record receivers need is missing or
// wrong, so that `postwr --headless --check-dns` exits non-zero. Changes
// nothing on the server.
#pragma once

#include "dnscheck/blocklist_report.h"
#include "steps/step.h"

namespace postwr::steps {

class DnsCheckStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::DnsCheckStep)

public:
    QString name() const override { return QStringLiteral("check-dns"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

struct PublicAddresses {
    QString ipv4;
    QString ipv6;
};

// The server's public addresses: the plan's dns.ipv4/ipv6, or those the
// server has (asked once; a failure when it has none, e.g. behind NAT).
wizard::Result<PublicAddresses> publicAddresses(StepContext &context);

// `postwrd dns records DOMAIN --format FORMAT` ("json", "zone", "table") on
// the server, for `addresses`, with the plan's record choices (receive here
// or elsewhere, SPF includes and ending, DMARC policy and reports).
wizard::Result<QString> dnsRecordsOf(
    StepContext &context, const QString &domain, const QString &format, const PublicAddresses &addresses);

// `postwrd dns blocklists` on the server for `addresses` (the plan's
// dns.blocklists, else postwrd's own lists): each list's verdict.
wizard::Result<QList<dnscheck::BlocklistResult>> blocklistsOf(StepContext &context, const PublicAddresses &addresses);

// Records receivers need (MX, the host's address, SPF, DKIM, DMARC, reverse
// DNS); the others (HELO SPF, MTA-STS, TLS-RPT) only help.
bool isRequiredRecord(const QString &id);

} // namespace postwr::steps
