// Address parsing (mail/address.h): MAIL FROM / RCPT TO paths and bare
// addresses, as any client or config file may write them.
//
// Input: byte 0 chooses the options (bit 0 the null path is allowed, bit 1
// SMTPUTF8); the rest is the text.
//
// Invariants: what parses is canonical and round-trips, i.e. formatting an
// address with toString() and parsing that again gives the same address;
// a parsed domain has no ASCII upper case and, unless it is an address
// literal, passes isValidDomain; non-ASCII appears only with SMTPUTF8.
#include "fuzz_input.h"

#include "mail/address.h"

#include <algorithm>
#include <string>

using namespace postwr::mail;
using postwr::fuzz::require;

namespace {

void checkAddress(const Address &address, bool allowUtf8)
{
    // An IPv6 literal keeps its tag spelled "IPv6" (RFC 5321 §4.1.3).
    std::string_view domain = address.domain;
    if (domain.starts_with("[IPv6:"))
        domain.remove_prefix(6);
    require(std::none_of(domain.begin(), domain.end(), [](char c) { return c >= 'A' && c <= 'Z'; }),
        "a parsed domain is lower case");
    if (!address.isNull() && address.domain.front() != '[')
        require(isValidDomain(address.domain, allowUtf8), "a parsed domain is valid");
    if (!allowUtf8) {
        const std::string whole = address.localPart + address.domain;
        require(std::none_of(whole.begin(), whole.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }),
            "no 8-bit octets without SMTPUTF8");
    } else {
        require(isValidUtf8(address.localPart) && isValidUtf8(address.domain), "a UTF-8 address is valid UTF-8");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    postwr::fuzz::FuzzInput input(data, size);
    const std::uint8_t choice = input.byte();
    const PathOptions options { .allowNull = (choice & 1) != 0, .allowUtf8 = (choice & 2) != 0 };
    const std::string_view text = input.rest();

    if (Result<ParsedPath> path = parsePath(text, options)) {
        const Address &address = path->address;
        require(options.allowNull || !address.isNull(), "<> only where allowed");
        checkAddress(address, options.allowUtf8);
        const std::string again = "<" + address.toString() + ">";
        Result<ParsedPath> reparsed = parsePath(again, options);
        require(reparsed.ok(), "a formatted path parses");
        require(reparsed->address == address, "a path round-trips");
        require(reparsed->rest.empty(), "a formatted path has no parameters");
    }

    if (Result<Address> address = parseAddress(text, options.allowUtf8)) {
        require(!address->isNull(), "a bare address is never null");
        checkAddress(*address, options.allowUtf8);
        Result<Address> reparsed = parseAddress(address->toString(), options.allowUtf8);
        require(reparsed.ok(), "a formatted address parses");
        require(*reparsed == *address, "an address round-trips");
    }

    // Within the 64 + 255 octets an address may have (RFC 5321 §4.5.3.1).
    if (text.size() <= 200 && isValidDomain(text, options.allowUtf8))
        require(parseAddress("x@" + std::string(text), options.allowUtf8).ok(), "a valid domain makes an address");
    return 0;
}
