// MTA-STS (RFC 8461): a recipient domain announces, over DNS and HTTPS, that
// its MX hosts speak TLS with certificates valid for their names, and which
// names those are. Outbound delivery then refuses (mode "enforce") an MX that
// is not listed or whose TLS is not verified, which a man in the middle who
// strips STARTTLS or redirects MX lookups can no longer hide.
// After chasquid's internal/sts. Sans-IO: the caller does the DNS and HTTPS.
//
// Three formats live here:
//
// 1. The TXT record at "_mta-sts.<domain>" (RFC 8461 §3.1):
//        v=STSv1; id=20160831085700Z;
//    "v=STSv1" first, then ";"-separated "key=value" fields; "id" (1 to 32
//    letters and digits) is required, other keys are extensions and ignored.
//    When several TXT records start with "v=STSv1;", the domain has no policy.
//
// 2. The policy file at https://mta-sts.<domain>/.well-known/mta-sts.txt
//    (RFC 8461 §3.2), "key: value" lines ended by CRLF or LF:
//        version: STSv1
//        mode: enforce            enforce | testing | none
//        mx: mail.example.com     one line per allowed MX; "*.example.net"
//        mx: *.example.net        matches exactly one more leftmost label
//        max_age: 604800          seconds the policy may be cached, at most 31557600
//    Keys and the version and mode values are case-sensitive (the RFC's ABNF
//    uses %s"..."); unknown keys are extensions and ignored.
//
// 3. postwrd's cache of fetched policies, one block per domain:
//        # comment                   '#' lines and blank lines are ignored
//        postwr-mta-sts-cache 1      the format's version: always the first line
//        domain example.com          starts a block; the keys below belong to it
//        id 20160831085700Z          the TXT record's id the policy was fetched for
//        fetched 1700000000          when, in seconds since the epoch
//        mode enforce
//        max_age 604800
//        mx mail.example.com         zero or more
//    Leading whitespace is ignored. Any other line, a missing key or a domain
//    listed twice makes the whole file an Error (the caller then starts afresh:
//    the cache only saves fetches, it is never the only copy of anything).
#pragma once

#include "mail/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

// RFC 8461 §3.2: "max_age ... Max value is 31557600" (a year).
constexpr std::int64_t kMtaStsMaxAge = 31557600;

enum class MtaStsMode { Enforce, Testing, None };

// "enforce", "testing", "none".
std::string_view modeName(MtaStsMode mode);

struct MtaStsRecord {
    std::string id;
};

struct MtaStsPolicy {
    MtaStsMode mode = MtaStsMode::None;
    std::vector<std::string>
        mx; // lowercased patterns, as listed: "mail.example.com", "*.example.net"
    std::int64_t maxAge = 0; // seconds

    friend bool operator==(const MtaStsPolicy &, const MtaStsPolicy &) = default;
};

// One TXT record's text (its character-strings joined).
Result<MtaStsRecord> parseMtaStsRecord(std::string_view text);
// All TXT records of "_mta-sts.<domain>": the one that starts with "v=STSv1;",
// parsed. An Error when there is none, more than one, or it is invalid.
Result<MtaStsRecord> selectMtaStsRecord(const std::vector<std::string> &txtRecords);

Result<MtaStsPolicy> parseMtaStsPolicy(std::string_view text);

// RFC 8461 §4.1: whether `host` (an MX host name, with or without its trailing
// dot, any case) matches one of the policy's mx patterns.
bool mxMatches(const MtaStsPolicy &policy, std::string_view host);

// A policy as cached: which TXT id it answers and when it was fetched.
struct CachedMtaStsPolicy {
    std::string id;
    std::int64_t fetchedAt = 0;
    MtaStsPolicy policy;

    std::int64_t expiresAt() const { return fetchedAt + policy.maxAge; }
    bool expired(std::int64_t now) const { return now >= expiresAt(); }

    friend bool operator==(const CachedMtaStsPolicy &, const CachedMtaStsPolicy &) = default;
};

// Lowercased domain → its cached policy.
using MtaStsCacheEntries = std::map<std::string, CachedMtaStsPolicy>;

Result<MtaStsCacheEntries> parseMtaStsCache(std::string_view text);
// Domains sorted, so the file diffs well.
std::string serializeMtaStsCache(const MtaStsCacheEntries &entries);

} // namespace postwr::mail
