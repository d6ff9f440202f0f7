// Which hosts to try for a recipient domain, from its MX records.
//
// RFC 5321 §5.1: try the MX hosts in order of preference (lowest first),
// randomising among equal preferences to spread the load; with no MX records
// the domain itself is the one host ("implicit MX", its A/AAAA records).
// RFC 7505: a single MX record whose host is "." (the root, empty once the
// trailing dot is removed) is a "null MX": the domain accepts no mail at all.
#pragma once

#include "mail/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct MxRecord {
    std::uint16_t preference = 0;
    std::string host; // as the resolver gives it, maybe with a trailing dot
};

// The hosts to try in order, lowercased and without a trailing dot.
// Equal preferences are shuffled by a generator seeded with `seed`, so tests
// can fix the order. Error (a permanent failure) for a null MX.
Result<std::vector<std::string>> orderMxHosts(
    std::vector<MxRecord> records, std::string_view domain, std::uint32_t seed);

} // namespace postwr::mail
