// The grammar, from RFC 5321 §4.1.2 with the RFC 6531 §3.3 extensions:
//
//   Path         = "<" [ A-d-l ":" ] Mailbox ">"
//   A-d-l        = At-domain *( "," At-domain )      ; source route, dropped
//   Mailbox      = Local-part "@" ( Domain / address-literal )
//   Local-part   = Dot-string / Quoted-string
//   Dot-string   = Atom *( "." Atom )
//   Quoted-string = DQUOTE *( qtextSMTP / quoted-pairSMTP ) DQUOTE
//   quoted-pairSMTP = "\" %d32-126
//   Domain       = sub-domain *( "." sub-domain )   ; letters, digits, '-'
//
// With SMTPUTF8, atext, qtextSMTP and sub-domain also take any non-ASCII
// UTF-8 character. Control characters are never part of a path.
#include "mail/address.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstddef>

namespace postwr::mail {

namespace {

// RFC 5321 §4.5.3.1: the size limits every implementation must accept, and
// that we enforce so nothing downstream has to handle more.
constexpr std::size_t maxLocalPart = 64;  // §4.5.3.1.1
constexpr std::size_t maxDomain = 255;    // §4.5.3.1.2
constexpr std::size_t maxPath = 256;      // §4.5.3.1.3, brackets included
constexpr std::size_t maxLabel = 63;      // RFC 1035 §2.3.4

bool isAsciiLetter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool isAsciiDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// atext (RFC 5322 §3.2.3), widened to UTF8-non-ascii by RFC 6531 §3.3. The
// bytes were checked to be well-formed UTF-8 before we look at them one by one.
bool isAtext(unsigned char c, bool allowUtf8)
{
    if (c >= 0x80)
        return allowUtf8;
    if (isAsciiLetter(c) || isAsciiDigit(c))
        return true;
    return std::string_view("!#$%&'*+-/=?^_`{|}~").find(static_cast<char>(c))
        != std::string_view::npos;
}

bool hasMisplacedDot(std::string_view text)
{
    return text.front() == '.' || text.back() == '.' || text.find("..") != std::string_view::npos;
}

bool isAtextOrDot(std::string_view text, bool allowUtf8)
{
    return std::all_of(text.begin(), text.end(), [allowUtf8](char c) {
        return c == '.' || isAtext(static_cast<unsigned char>(c), allowUtf8);
    });
}

std::string asciiLower(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Checks done once on the whole path so the grammar below only sees
// printable ASCII and well-formed UTF-8. CR, LF and NUL are refused here:
// they would let a path smuggle a second command or truncate a C string.
Status checkCharacters(std::string_view text, bool allowUtf8)
{
    bool eightBit = false;
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7f)
            return Error{"control character in address"};
        eightBit = eightBit || c >= 0x80;
    }
    // RFC 6531 §3.4: without SMTPUTF8 a path is ASCII.
    if (eightBit && !allowUtf8)
        return Error{"non-ASCII address requires SMTPUTF8"};
    if (eightBit && !isValidUtf8(text))
        return Error{"invalid UTF-8 in address"};
    return Ok{};
}

Status checkDomainName(std::string_view domain, bool allowUtf8)
{
    if (domain.empty())
        return Error{"empty domain"};
    if (domain.size() > maxDomain)
        return Error{"domain too long (max 255 octets)"};
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = domain.find('.', start);
        const std::string_view label = domain.substr(start, dot - start);
        if (label.empty())
            return Error{"empty domain label"};
        // A U-label's A-label form can differ in length; the UTF-8 octets are
        // the bound we can check without an IDNA library.
        if (label.size() > maxLabel)
            return Error{"domain label too long (max 63 octets)"};
        if (label.front() == '-' || label.back() == '-')
            return Error{"domain label starts or ends with '-'"};
        for (char ch : label) {
            const auto c = static_cast<unsigned char>(ch);
            if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != '-' && !(allowUtf8 && c >= 0x80))
                return Error{"invalid character in domain"};
        }
        if (dot == std::string_view::npos)
            return Ok{};
        start = dot + 1;
    }
}

// RFC 5321 §4.1.3: "[" IPv4 "]" or "[IPv6:" IPv6 "]". The General-address-
// literal form names no protocol we can deliver to, so it is refused.
Result<std::string> parseAddressLiteral(std::string_view literal)
{
    if (literal.size() < 2 || literal.back() != ']')
        return Error{"invalid address literal"};
    const std::string_view inside = literal.substr(1, literal.size() - 2);
    constexpr std::string_view ipv6Tag = "ipv6:";
    // ABNF quoted strings are case-insensitive (RFC 5234 §2.3).
    if (asciiLower(inside.substr(0, ipv6Tag.size())) == ipv6Tag) {
        const std::string ip = asciiLower(inside.substr(ipv6Tag.size()));
        in6_addr parsed{};
        if (inet_pton(AF_INET6, ip.c_str(), &parsed) != 1)
            return Error{"invalid address literal"};
        return "[IPv6:" + ip + "]";
    }
    if (inside.find(':') != std::string_view::npos)
        return Error{"unsupported address literal"};
    const std::string ip(inside);
    in_addr parsed{};
    if (inet_pton(AF_INET, ip.c_str(), &parsed) != 1)
        return Error{"invalid address literal"};
    return "[" + ip + "]";
}

// Local-part "@" domain, after checkCharacters.
Result<Address> parseMailbox(std::string_view text, bool allowUtf8)
{
    Address address;
    std::size_t at = 0;
    if (!text.empty() && text.front() == '"') {
        std::size_t i = 1;
        for (; i < text.size() && text[i] != '"'; ++i) {
            if (text[i] == '\\') {
                // quoted-pairSMTP escapes printable ASCII only.
                if (++i == text.size() || static_cast<unsigned char>(text[i]) >= 0x80)
                    return Error{"invalid character in local part"};
            }
            address.localPart += text[i];
        }
        if (i == text.size())
            return Error{"unterminated quoted string"};
        at = i + 1;
        if (at == text.size() || text[at] != '@')
            return Error{"missing '@' after quoted local part"};
    } else {
        at = text.find('@');
        if (at == std::string_view::npos)
            return Error{"missing '@'"};
        address.localPart = text.substr(0, at);
    }
    if (at > maxLocalPart)
        return Error{"local part too long (max 64 octets)"};
    if (address.localPart.empty())
        return Error{"empty local part"};
    if (text.front() != '"') {
        if (hasMisplacedDot(address.localPart))
            return Error{"misplaced '.' in local part"};
        if (!isAtextOrDot(address.localPart, allowUtf8))
            return Error{"invalid character in local part"};
    }

    const std::string_view domain = text.substr(at + 1);
    if (!domain.empty() && domain.front() == '[') {
        auto literal = parseAddressLiteral(domain);
        if (!literal)
            return literal.error();
        address.domain = std::move(literal).value();
        return address;
    }
    if (auto status = checkDomainName(domain, allowUtf8); !status)
        return status.error();
    address.domain = asciiLower(domain);
    return address;
}

// A-d-l = At-domain *( "," At-domain ), without the final ':'.
bool isValidSourceRoute(std::string_view route, bool allowUtf8)
{
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = route.find(',', start);
        const std::string_view hop = route.substr(start, comma - start);
        if (hop.empty() || hop.front() != '@' || !checkDomainName(hop.substr(1), allowUtf8))
            return false;
        if (comma == std::string_view::npos)
            return true;
        start = comma + 1;
    }
}

} // namespace

std::string Address::toString() const
{
    if (isNull())
        return {};
    // Any non-ASCII bytes got here through SMTPUTF8, so they count as atext.
    if (!localPart.empty() && !hasMisplacedDot(localPart) && isAtextOrDot(localPart, true))
        return localPart + "@" + domain;
    std::string quoted = "\"";
    for (char c : localPart) {
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\"@" + domain;
}

Result<ParsedPath> parsePath(std::string_view argument, PathOptions options)
{
    if (argument.empty() || argument.front() != '<')
        return Error{"missing '<'"};
    // The closing '>' is the first one outside a quoted string: a quoted
    // local part may itself contain '>'.
    std::size_t end = 1;
    bool quoted = false;
    for (; end < argument.size(); ++end) {
        const char c = argument[end];
        if (quoted && c == '\\')
            ++end;
        else if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '>')
            break;
    }
    if (end >= argument.size())
        return Error{quoted ? "unterminated quoted string" : "missing '>'"};
    if (end + 1 > maxPath)
        return Error{"path too long (max 256 octets)"};
    const std::string_view rest = argument.substr(end + 1);
    // RFC 5321 §4.1.1.2: parameters are separated from the path by a space.
    if (!rest.empty() && rest.front() != ' ')
        return Error{"unexpected text after '>'"};

    std::string_view inside = argument.substr(1, end - 1);
    if (auto status = checkCharacters(inside, options.allowUtf8); !status)
        return status.error();
    if (inside.empty()) {
        if (!options.allowNull)
            return Error{"empty address"};
        return ParsedPath{Address{}, rest};
    }
    // RFC 5321 §3.3 and Appendix C: source routes are obsolete and a server
    // SHOULD ignore them, delivering to the mailbox at the end. Without a ':'
    // a leading '@' is just an empty local part, reported as such below.
    if (inside.front() == '@') {
        const std::size_t colon = inside.find(':');
        if (colon != std::string_view::npos) {
            if (!isValidSourceRoute(inside.substr(0, colon), options.allowUtf8))
                return Error{"invalid source route"};
            inside.remove_prefix(colon + 1);
        }
    }
    auto address = parseMailbox(inside, options.allowUtf8);
    if (!address)
        return address.error();
    return ParsedPath{std::move(address).value(), rest};
}

Result<Address> parseAddress(std::string_view text, bool allowUtf8)
{
    if (text.empty())
        return Error{"empty address"};
    if (auto status = checkCharacters(text, allowUtf8); !status)
        return status.error();
    return parseMailbox(text, allowUtf8);
}

bool isValidDomain(std::string_view domain, bool allowUtf8)
{
    return checkCharacters(domain, allowUtf8).ok() && checkDomainName(domain, allowUtf8).ok();
}

bool isValidUtf8(std::string_view text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        char32_t codePoint = 0;
        char32_t minimum = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        }
        if ((lead & 0xe0) == 0xc0) {
            length = 2;
            codePoint = lead & 0x1fu;
            minimum = 0x80;
        } else if ((lead & 0xf0) == 0xe0) {
            length = 3;
            codePoint = lead & 0x0fu;
            minimum = 0x800;
        } else if ((lead & 0xf8) == 0xf0) {
            length = 4;
            codePoint = lead & 0x07u;
            minimum = 0x10000;
        } else {
            return false;
        }
        if (text.size() - i < length)
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xc0) != 0x80)
                return false;
            codePoint = (codePoint << 6) | (next & 0x3fu);
        }
        if (codePoint < minimum || codePoint > 0x10ffff
            || (codePoint >= 0xd800 && codePoint <= 0xdfff))
            return false;
        i += length;
    }
    return true;
}

} // namespace postwr::mail
