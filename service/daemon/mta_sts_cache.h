// MTA-STS policies of recipient domains (RFC 8461 §5), fetched when their
// "_mta-sts" TXT record announces a new one and kept on disk, so that an
// attacker who later blocks the HTTPS fetch or the TXT lookup cannot make us
// forget a domain's policy before its max_age runs out.
//
//   MtaStsCache cache(spoolDir + "/mta-sts", resolver, {});
//   if (std::optional<mail::MtaStsPolicy> policy = cache.policyFor(domain, now)) {
//       // only MX hosts with mxMatches(*policy, host), with TLS verified for
//       // that name; in mode testing, report a mismatch but deliver anyway
//   }
//
// policyFor() blocks (DNS, then HTTPS when a policy must be fetched; each
// bounded by its timeout): call it from the blocking pool. It is thread-safe;
// two threads asking for the same new domain may both fetch it, harmlessly.
#pragma once

#include "daemon/resolver.h"
#include "mail/mta_sts.h"

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace postwr::daemon {

struct FetchSettings {
    std::uint16_t port = 443; // tests use another
    std::string caFile; // "" = the system's CA store
    std::chrono::milliseconds timeout { std::chrono::seconds(15) }; // one whole HTTPS fetch
};

class MtaStsCache {
public:
    // Loads `path` if it exists; a corrupt file is logged and started afresh.
    MtaStsCache(std::string path, Resolver &resolver, FetchSettings settings = {});

    // The policy to apply to mail for `domain` at `now` (seconds since the
    // epoch): std::nullopt when the domain has none (no or a bad TXT record
    // and nothing cached, a failed fetch and nothing cached, or mode "none").
    // Fetches and saves a new policy when the TXT id differs from the cached
    // one or the cached one has expired; keeps an unexpired cached policy when
    // DNS or the fetch fails (RFC 8461 §5).
    std::optional<mail::MtaStsPolicy> policyFor(const std::string &domain, std::int64_t now);

    // The cached entry, for tests and diagnostics.
    std::optional<mail::CachedMtaStsPolicy> cached(const std::string &domain) const;

private:
    mail::Result<mail::MtaStsPolicy> fetch(const std::string &domain) const;
    void store(const std::string &domain, mail::CachedMtaStsPolicy entry, std::int64_t now);

    std::string m_path;
    Resolver &m_resolver;
    FetchSettings m_settings;
    mutable std::mutex m_mutex;
    mail::MtaStsCacheEntries m_entries;
};

} // namespace postwr::daemon
