// SPF (RFC 7208): may this client IP send mail for the MAIL FROM domain (or,
// for a null reverse-path, for the HELO name)? A pure function of the query
// and of the DNS answers gathered so far (see dns_lookup.h).
//
// Choices where the RFC leaves room:
// - %{p} expands to "unknown" (RFC 7208 §7.3 allows it, and discourages p).
// - exp= is checked for syntax only; no explanation text is fetched.
// - The void lookup limit (§4.6.4) counts terms, as the RFC words it: the
//   first query of a, mx, ptr and exists. The address lookups of MX and PTR
//   host names do not count, so "mx" with IPv4-only hosts does not fail an
//   IPv6 client.
// - ptr looks up the addresses only of PTR names in the target domain: the
//   others cannot make it match (§5.5).
// - A Ptr question's name is the client IP in canonical form ("192.0.2.1",
//   "2001:db8::cb01"); an IPv4-mapped IPv6 client is asked as IPv4.
#pragma once

#include "mail/dns_lookup.h"
#include "mail/result.h"

#include <string>
#include <string_view>

namespace postwr::mail {

enum class SpfResult { None, Neutral, Pass, Fail, SoftFail, TempError, PermError };

// RFC 8601 / RFC 7208 §8 names: "none", "neutral", "pass", "fail",
// "softfail", "temperror", "permerror".
std::string_view spfResultName(SpfResult result);

struct SpfQuery {
    std::string ip; // the client's IP literal; an IPv4-mapped IPv6 address counts as IPv4
    std::string sender; // MAIL FROM address, empty for the null reverse-path
    std::string helo; // the EHLO/HELO name
};

struct SpfVerdict {
    SpfResult result = SpfResult::None;
    std::string domain; // the domain whose policy was checked (lower case)
    std::string scope; // "mailfrom", or "helo" for a null sender
    std::string reason; // one line for logs and the Authentication-Results comment
};

// RFC 7208 check_host() for the MAIL FROM identity; for an empty sender the
// identity is postmaster@HELO (§2.4). Returns the verdict, or the next DNS
// question to answer.
Lookup<SpfVerdict> checkSpf(const SpfQuery &query, const DnsAnswers &answers);

// RFC 7208 §7 macro expansion of a domain-spec, with `domain` as %{d}: the
// name check_host() would look up (lower case, no trailing dot, cut to 253
// octets). The error names a bad macro; c, r and t are refused, as they
// belong to explanation text only.
Result<std::string> expandSpfMacros(
    std::string_view domainSpec, const SpfQuery &query, std::string_view domain);

} // namespace postwr::mail
