// How long a DNS answer may be kept (RFC 1035 §3.2.1, RFC 2308 §5), read from
// the answer itself: postwrd keeps the answers of the lookups every incoming
// message makes (SPF, DMARC, DKIM keys) no longer than their owners allow.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace postwr::mail {

// Seconds: for an answer with records, the smallest TTL among them; for "no
// such name" or "no record of this type", the smaller of the SOA record's
// TTL and MINIMUM field in the authority section. Nothing (do not keep it)
// for a negative answer without an SOA, for another error (SERVFAIL,
// REFUSED, ...), a truncated answer, or a message that cannot be read.
std::optional<std::uint32_t> answerLifetime(std::span<const unsigned char> message);

} // namespace postwr::mail
