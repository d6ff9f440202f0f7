// Asks DNS for every record the domain needs and gives each its verdict
// (record_check.h). Blocking: run it off the GUI thread. The resolver is
// postwrd's own (c-ares): the desktop's resolv.conf servers, or chosen ones
// ("127.0.0.1:5353", "9.9.9.9").
//
// Besides the resolver, the domain's own name servers (its NS records) are
// asked each record directly, so that an answer the resolver still keeps
// from before an edit is told apart from a wrong record. SPF is evaluated
// as receivers do (RFC 7208 check_host with postwrd's checker): for each
// server address, and for an address no record lists, which walks every
// include and finds the 10-lookup limit crossed.
#pragma once

#include "dnscheck/expected_records.h"
#include "dnscheck/record_check.h"

#include <QList>
#include <QString>
#include <atomic>
#include <memory>

namespace postwr::daemon {
class Resolver;
}

namespace postwr::dnscheck {

struct RecordVerdict {
    ExpectedRecord record;
    Verdict verdict;
};

// The address a PTR record's name stands for: "5.113.0.203.in-addr.arpa" →
// "203.0.113.5"; "" for a name that is not a reverse name.
QString addressOfReverseName(const QString &name);

class DnsChecker {
    Q_DECLARE_TR_FUNCTIONS(postwr::dnscheck::DnsChecker)

public:
    // `servers`: "" for the system's resolver, else postwrd's [dns] servers
    // syntax. `nameServerPort`: where the domain's name servers listen (53;
    // tests run theirs on a port of their own).
    static wizard::Result<std::unique_ptr<DnsChecker>> create(const QString &servers, quint16 nameServerPort = 53);
    ~DnsChecker();

    // Every record of `expected` that lives in DNS (not the web policy file),
    // in order; the reverse DNS of each address with its forward confirmation.
    QList<RecordVerdict> check(const ExpectedRecords &expected, const std::atomic_bool *cancel = nullptr) const;

    // The IPv4 and IPv6 addresses of `host` (none when it does not resolve).
    QStringList addressesOf(const QString &host) const;

private:
    DnsChecker(std::unique_ptr<daemon::Resolver> resolver, quint16 nameServerPort);
    // The domain's name servers (of the closest enclosing zone that has
    // some) as a resolver of their own, and their names; null when none
    // answer.
    std::unique_ptr<daemon::Resolver> nameServersOf(const QString &domain, QStringList &names) const;
    Verdict verdictOf(const daemon::Resolver &resolver, const ExpectedRecord &record, const ExpectedRecords &expected) const;
    // The published SPF record's verdict, refined by evaluating it (record_check.h).
    Verdict evaluateSpf(const daemon::Resolver &resolver, const Verdict &published, const ExpectedRecords &expected) const;

    std::unique_ptr<daemon::Resolver> m_resolver;
    quint16 m_nameServerPort;
};

} // namespace postwr::dnscheck
