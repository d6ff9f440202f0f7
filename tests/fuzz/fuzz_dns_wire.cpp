// DNS messages as they come off the wire (RFC 1035 §4.1), read by the
// service to keep answers for their TTL (mail/dns_ttl.h). Anyone who runs
// a name server we ask controls every byte of them.
//
// Input: one DNS message.
//
// Invariants besides "no crash, no leak, no UB": a lifetime comes only from a
// response that is not truncated, with NOERROR or NXDOMAIN; it is never
// above 2^31 - 1 (RFC 2181 §8); and bytes after the message, which the
// parser never needs, do not change it.
#include "fuzz_input.h"

#include "mail/dns_ttl.h"

#include <vector>

using namespace postwr::mail;
using postwr::fuzz::require;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::span<const unsigned char> message(data, size);
    const std::optional<std::uint32_t> lifetime = answerLifetime(message);
    if (!lifetime)
        return 0;
    require(size >= 12, "a lifetime comes from a whole header");
    const unsigned flags = static_cast<unsigned>(data[2] << 8 | data[3]);
    require((flags & 0x8000) != 0 && (flags & 0x0200) == 0, "a lifetime comes from a whole response");
    require((flags & 0xF) == 0 || (flags & 0xF) == 3, "a lifetime comes from NOERROR or NXDOMAIN");
    require(*lifetime <= 0x7fffffffu, "a TTL with its top bit set counts as zero");

    std::vector<unsigned char> longer(data, data + size);
    longer.insert(longer.end(), { 0xC0, 0x0C, 0x00 });
    require(answerLifetime(longer) == lifetime, "trailing bytes change nothing");
    return 0;
}
