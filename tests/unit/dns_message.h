// For unit tests of code that reads DNS messages as they come off the wire
// (RFC 1035 §4.1): builds answers byte by byte.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace postwr::testing {

using Bytes = std::vector<unsigned char>;

constexpr std::uint16_t flagResponse = 0x8000;
constexpr std::uint16_t flagTruncated = 0x0200;
constexpr std::uint16_t rcodeServFail = 2;
constexpr std::uint16_t rcodeNxDomain = 3;
constexpr std::uint16_t typeTxt = 16;
constexpr std::uint16_t typeSoa = 6;
constexpr std::uint16_t typeCname = 5;

inline void put16(Bytes &out, std::uint16_t value)
{
    out.push_back(static_cast<unsigned char>(value >> 8));
    out.push_back(static_cast<unsigned char>(value));
}

inline void put32(Bytes &out, std::uint32_t value)
{
    put16(out, static_cast<std::uint16_t>(value >> 16));
    put16(out, static_cast<std::uint16_t>(value));
}

// "example.org" as labels; "" is the root.
inline Bytes name(std::string_view dotted)
{
    Bytes out;
    while (!dotted.empty()) {
        const std::size_t dot = dotted.find('.');
        const std::string_view label = dotted.substr(0, dot);
        out.push_back(static_cast<unsigned char>(label.size()));
        out.insert(out.end(), label.begin(), label.end());
        dotted = dot == std::string_view::npos ? std::string_view{} : dotted.substr(dot + 1);
    }
    out.push_back(0);
    return out;
}

// A pointer to the question's name, which always starts at offset 12.
inline Bytes questionNamePointer()
{
    return {0xC0, 12};
}

inline Bytes record(const Bytes &owner, std::uint16_t type, std::uint32_t ttl, const Bytes &data)
{
    Bytes out = owner;
    put16(out, type);
    put16(out, 1);
    put32(out, ttl);
    put16(out, static_cast<std::uint16_t>(data.size()));
    out.insert(out.end(), data.begin(), data.end());
    return out;
}

inline Bytes txtData(std::string_view text)
{
    Bytes out{static_cast<unsigned char>(text.size())};
    out.insert(out.end(), text.begin(), text.end());
    return out;
}

inline Bytes soaData(std::uint32_t minimum)
{
    Bytes out = name("ns1.example.org");
    const Bytes mailbox = name("hostmaster.example.org");
    out.insert(out.end(), mailbox.begin(), mailbox.end());
    for (std::uint32_t field : {2026112901u, 7200u, 3600u, 1209600u, minimum})
        put32(out, field);
    return out;
}

// A response to "example.org TXT" with these answer and authority records.
inline Bytes message(std::uint16_t flags, std::initializer_list<Bytes> answers,
                     std::initializer_list<Bytes> authorities = {})
{
    Bytes out;
    put16(out, 0x1234);
    put16(out, flags);
    put16(out, 1);
    put16(out, static_cast<std::uint16_t>(answers.size()));
    put16(out, static_cast<std::uint16_t>(authorities.size()));
    put16(out, 0);
    const Bytes question = name("example.org");
    out.insert(out.end(), question.begin(), question.end());
    put16(out, typeTxt);
    put16(out, 1);
    for (const Bytes &part : answers)
        out.insert(out.end(), part.begin(), part.end());
    for (const Bytes &part : authorities)
        out.insert(out.end(), part.begin(), part.end());
    return out;
}

} // namespace postwr::testing
