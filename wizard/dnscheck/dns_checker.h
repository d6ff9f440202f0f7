// Asks DNS for every record the domain needs and gives each its verdict
// (record_check.h). Blocking: run it off the GUI thread. The resolver is
// postwrd's own (c-ares): the desktop's resolv.conf servers, or chosen ones
// ("127.0.0.1:5353", "9.9.9.9").
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
    // `servers`: "" for the system's resolver, else postwrd's [dns] servers syntax.
    static wizard::Result<std::unique_ptr<DnsChecker>> create(const QString &servers);
    ~DnsChecker();

    // Every record of `expected` that lives in DNS (not the web policy file),
    // in order; the reverse DNS of each address with its forward confirmation.
    QList<RecordVerdict> check(const ExpectedRecords &expected, const std::atomic_bool *cancel = nullptr) const;

private:
    explicit DnsChecker(std::unique_ptr<daemon::Resolver> resolver);
    Answer ask(const QString &name, const QString &type) const;

    std::unique_ptr<daemon::Resolver> m_resolver;
};

} // namespace postwr::dnscheck
