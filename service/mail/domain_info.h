// What we know about each recipient domain's mail servers: the best security
// an outgoing connection to it has had, so that a later downgrade (a STARTTLS
// stripped by an attacker on the path) is refused instead of followed.
// After chasquid's internal/domaininfo, outgoing direction only.
//
// File format (the queue directory's "domaininfo"), one domain per line:
//
//   # comment                 lines starting with '#' and blank lines are ignored
//   example.org tls           domain, whitespace, level
//   example.net plaintext
//
// Domains are lowercased and unique; levels are "plaintext" or "tls"
// ("unknown" is never written: such domains have no line). serializeDomainInfo
// writes the domains sorted, so the file diffs well.
#pragma once

#include "mail/result.h"

#include <map>
#include <string>
#include <string_view>

namespace postwr::mail {

enum class Security { Unknown = 0, Plaintext = 1, Tls = 2 };

class DomainInfo {
public:
    // The best security seen for this domain (case-insensitive); Unknown if never seen.
    Security outgoing(std::string_view domain) const;
    // A connection at `attempt` level is no worse than the best seen.
    bool allows(std::string_view domain, Security attempt) const;
    // Raises the recorded level, never lowers it; true when it changed (the
    // caller then saves the file).
    bool record(std::string_view domain, Security seen);

    const std::map<std::string, Security> &domains() const { return m_domains; }

private:
    std::map<std::string, Security> m_domains; // lowercased domain → best level
};

Result<DomainInfo> parseDomainInfo(std::string_view text);
std::string serializeDomainInfo(const DomainInfo &info);

} // namespace postwr::mail
