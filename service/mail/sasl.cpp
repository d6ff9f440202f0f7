#include "mail/sasl.h"

#include "mail/address.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <utility>

namespace postwr::mail {

namespace {

constexpr std::string_view alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// RFC 4616 §2: a server MUST accept fields of up to 255 octets; we accept
// no more, so a client cannot make us carry arbitrarily long strings.
constexpr std::size_t maxField = 255;

// The 6-bit value of each alphabet character, -1 for anything else.
constexpr std::array<int, 256> decodeTable = [] {
    std::array<int, 256> table{};
    table.fill(-1);
    for (std::size_t i = 0; i < alphabet.size(); ++i)
        table[static_cast<unsigned char>(alphabet[i])] = static_cast<int>(i);
    return table;
}();

int sextet(char c) { return decodeTable[static_cast<unsigned char>(c)]; }

Status checkField(std::string_view field, std::string_view name)
{
    if (field.size() > maxField)
        return Error{std::string(name) + " too long (max 255 octets)"};
    // RFC 4616 §2: every field is UTF-8.
    if (!isValidUtf8(field))
        return Error{std::string(name) + " is not valid UTF-8"};
    return Ok{};
}

} // namespace

std::string encodeBase64(std::string_view data)
{
    std::string out;
    out.reserve((data.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < data.size(); i += 3) {
        const std::size_t count = std::min<std::size_t>(3, data.size() - i);
        std::uint32_t group = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            const auto byte = k < count ? static_cast<unsigned char>(data[i + k]) : 0u;
            group = (group << 8) | byte;
        }
        for (std::size_t k = 0; k < 4; ++k) {
            const std::uint32_t index = (group >> (18 - 6 * k)) & 0x3fu;
            out += k <= count ? alphabet[index] : '=';
        }
    }
    return out;
}

std::optional<std::string> decodeBase64(std::string_view text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const std::string_view quad = text.substr(i, 4);
        // Padding may only end the last quantum: "xx==" or "xxx=".
        std::size_t padding = 0;
        if (i + 4 == text.size())
            padding = quad[3] != '=' ? 0 : quad[2] != '=' ? 1 : 2;
        std::uint32_t group = 0;
        for (std::size_t k = 0; k < 4; ++k) {
            const int value = k < 4 - padding ? sextet(quad[k]) : 0;
            if (value < 0)
                return std::nullopt;
            group = (group << 6) | static_cast<std::uint32_t>(value);
        }
        // RFC 4648 §3.5: the bits below the last full octet must be zero.
        if (padding > 0 && (group & ((1u << (8 * padding)) - 1)) != 0)
            return std::nullopt;
        for (std::size_t k = 0; k < 3 - padding; ++k)
            out += static_cast<char>((group >> (16 - 8 * k)) & 0xffu);
    }
    return out;
}

Result<PlainCredentials> decodePlain(std::string_view base64)
{
    const auto decoded = decodeBase64(base64);
    if (!decoded)
        return Error{"invalid base64"};
    // RFC 4616 §2: message = [authzid] UTF8NUL authcid UTF8NUL passwd, and
    // no field contains a NUL, so there are exactly two.
    const std::string_view message = *decoded;
    const std::size_t first = message.find('\0');
    const std::size_t second = first == std::string_view::npos
        ? std::string_view::npos : message.find('\0', first + 1);
    if (second == std::string_view::npos || message.find('\0', second + 1) != std::string_view::npos)
        return Error{"malformed PLAIN response"};

    PlainCredentials credentials{
        std::string(message.substr(0, first)),
        std::string(message.substr(first + 1, second - first - 1)),
        std::string(message.substr(second + 1)),
    };
    if (credentials.username.empty())
        return Error{"empty username"};
    if (credentials.password.empty())
        return Error{"empty password"};
    const std::pair<std::string_view, std::string_view> fields[] = {
        {credentials.authorizationId, "authorization identity"},
        {credentials.username, "username"},
        {credentials.password, "password"},
    };
    for (const auto &[field, name] : fields) {
        if (auto status = checkField(field, name); !status)
            return status.error();
    }
    return credentials;
}

Result<std::string> decodeLoginField(std::string_view base64)
{
    auto decoded = decodeBase64(base64);
    if (!decoded)
        return Error{"invalid base64"};
    if (decoded->empty())
        return Error{"empty response"};
    if (decoded->find('\0') != std::string::npos)
        return Error{"NUL in response"};
    if (auto status = checkField(*decoded, "response"); !status)
        return status.error();
    return std::move(*decoded);
}

} // namespace postwr::mail
