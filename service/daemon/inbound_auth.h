// SPF, DKIM, ARC and DMARC for a message that arrived on the MX port, with
// the DNS questions of the sans-IO checks (mail/dns_lookup.h) answered by the
// resolver. Blocking: run it on a pool thread, never on a network thread.
//
// Time: every lookup is bounded by the resolver, and the whole check by
// `budget`; questions asked after the budget (or past a total of
// maxInboundQuestions) are answered "temporary failure", so the checks end
// with temperror rather than keep the client waiting at end of DATA.
#pragma once

#include "daemon/resolver.h"
#include "mail/authentication_results.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace postwr::daemon {

inline constexpr int maxInboundQuestions = 60;

struct InboundMessage {
    std::string clientAddress; // IP literal
    std::string helo;
    std::string mailFrom;      // "" for <>
    std::string_view message;  // as received, CRLF lines
};

mail::AuthenticationOutcome authenticateInbound(const Resolver &resolver, const InboundMessage &inbound,
                                                std::int64_t now,
                                                std::chrono::seconds budget = std::chrono::seconds(30));

// A resolver's list answer (A, AAAA, TXT, PTR) in the checks' terms.
mail::DnsAnswer dnsAnswerOf(const DnsResult<std::vector<std::string>> &result);

// What the resolver says to one question, in the checks' terms.
mail::DnsAnswer askResolver(const Resolver &resolver, const mail::DnsQuestion &question);

} // namespace postwr::daemon
