#include "mail/srs.h"

#include "mail/text.h"

#include <array>
#include <cstdint>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

namespace postwr::mail {

namespace {

constexpr std::string_view kTimeChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::string_view kHashChars
    = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::size_t kHashLength = 4;
constexpr std::int64_t kSecondsPerDay = 24 * 60 * 60;
constexpr std::int64_t kTimeSlots = 1024; // two base32 characters
constexpr std::int64_t kMaxAgeDays = 21; // libsrs2's default

bool isSeparator(char c)
{
    return c == '=' || c == '-' || c == '+';
}

std::int64_t dayNumber(std::time_t now)
{
    return (static_cast<std::int64_t>(now) / kSecondsPerDay) % kTimeSlots;
}

std::string timestamp(std::time_t now)
{
    const auto day = static_cast<std::size_t>(dayNumber(now));
    return { kTimeChars[(day >> 5) & 31], kTimeChars[day & 31] };
}

// The day number a timestamp stands for, or -1 when it is not two base32 characters.
std::int64_t decodeTimestamp(std::string_view stamp)
{
    if (stamp.size() != 2)
        return -1;
    std::int64_t day = 0;
    for (char c : stamp) {
        const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        const std::size_t index = kTimeChars.find(upper);
        if (index == std::string_view::npos)
            return -1;
        day = day * 32 + static_cast<std::int64_t>(index);
    }
    return day;
}

// Splits "text" at the first '=' into head and the rest after it; false when
// there is none or the head is empty.
bool takeField(std::string_view &text, std::string_view &field)
{
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0)
        return false;
    field = text.substr(0, eq);
    text.remove_prefix(eq + 1);
    return true;
}

} // namespace

Srs::Srs(std::string secret, std::string domain)
    : m_secret(std::move(secret))
    , m_domain(toLowerAscii(domain))
{
}

bool Srs::looksLikeSrs(std::string_view localPart)
{
    return localPart.size() > 4
        && (startsWithIgnoreCase(localPart, "SRS0") || startsWithIgnoreCase(localPart, "SRS1"))
        && isSeparator(localPart[4]);
}

std::string Srs::hash(std::string_view a, std::string_view b, std::string_view c) const
{
    const std::string data = toLowerAscii(std::string(a) + std::string(b) + std::string(c));
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest {};
    unsigned int length = 0;
    HMAC(EVP_sha1(), m_secret.data(), static_cast<int>(m_secret.size()),
        reinterpret_cast<const unsigned char *>(data.data()), data.size(), digest.data(), &length);
    // Base64 of the first 3 bytes gives the 4 characters we keep.
    const std::uint32_t bits
        = (std::uint32_t { digest[0] } << 16) | (std::uint32_t { digest[1] } << 8) | digest[2];
    std::string out;
    for (int shift = 18; shift >= 0; shift -= 6)
        out += kHashChars[(bits >> shift) & 63u];
    return out;
}

bool Srs::hashMatches(
    std::string_view given, std::string_view a, std::string_view b, std::string_view c) const
{
    if (given.size() != kHashLength)
        return false;
    // Case-insensitive, as libsrs2: a receiver may have lowercased the address.
    // Constant time, so the comparison does not leak how much of a guess is right.
    const std::string expected = toLowerAscii(hash(a, b, c));
    const std::string actual = toLowerAscii(given);
    return CRYPTO_memcmp(expected.data(), actual.data(), kHashLength) == 0;
}

std::string Srs::forward(std::string_view sender, std::time_t now) const
{
    const std::size_t at = sender.rfind('@');
    if (at == std::string_view::npos)
        return std::string(sender);
    const std::string_view local = sender.substr(0, at);
    const std::string_view host = sender.substr(at + 1);
    if (equalsIgnoreCase(host, m_domain))
        return std::string(sender);

    if (looksLikeSrs(local) && startsWithIgnoreCase(local, "SRS1")) {
        // SRS1=HHHH=first==rest: keep the first forwarder, re-sign for us.
        std::string_view rest = local.substr(5);
        std::string_view oldHash;
        std::string_view first;
        if (takeField(rest, oldHash) && takeField(rest, first) && !rest.empty())
            return "SRS1=" + hash(first, rest) + "=" + std::string(first) + "=" + std::string(rest)
                + "@" + m_domain;
        // Malformed: rewrite it like any other local part below.
    } else if (looksLikeSrs(local)) {
        // SRS0 from the forwarder at `host`: point back at it.
        const std::string_view rest = local.substr(4);
        return "SRS1=" + hash(host, rest) + "=" + std::string(host) + "=" + std::string(rest) + "@"
            + m_domain;
    }

    const std::string stamp = timestamp(now);
    return "SRS0=" + hash(stamp, host, local) + "=" + stamp + "=" + std::string(host) + "="
        + std::string(local) + "@" + m_domain;
}

Result<std::string> Srs::reverse(std::string_view address, std::time_t now) const
{
    const std::size_t at = address.rfind('@');
    const std::string_view local = address.substr(0, at);
    if (!looksLikeSrs(local))
        return Error { "not an SRS address" };

    std::string_view rest = local.substr(5);
    std::string_view givenHash;
    if (startsWithIgnoreCase(local, "SRS1")) {
        std::string_view first;
        if (!takeField(rest, givenHash) || !takeField(rest, first) || rest.empty())
            return Error { "malformed SRS1 address" };
        if (!hashMatches(givenHash, first, rest))
            return Error { "SRS address has a wrong hash" };
        return "SRS0" + std::string(rest) + "@" + std::string(first);
    }

    std::string_view stamp;
    std::string_view host;
    if (!takeField(rest, givenHash) || !takeField(rest, stamp) || !takeField(rest, host)
        || rest.empty())
        return Error { "malformed SRS0 address" };
    const std::int64_t then = decodeTimestamp(stamp);
    if (then < 0)
        return Error { "malformed SRS0 timestamp" };
    const std::int64_t age = ((dayNumber(now) - then) % kTimeSlots + kTimeSlots) % kTimeSlots;
    if (age > kMaxAgeDays)
        return Error { "SRS address has expired" };
    if (!hashMatches(givenHash, stamp, host, rest))
        return Error { "SRS address has a wrong hash" };
    return std::string(rest) + "@" + std::string(host);
}

} // namespace postwr::mail
