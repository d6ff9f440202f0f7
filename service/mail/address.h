// Mail addresses as SMTP carries them: the paths of MAIL FROM and RCPT TO
// (RFC 5321 §4.1.2), with UTF-8 allowed when the client asked for SMTPUTF8
// (RFC 6531 §3.3), and bare "local@domain" for the CLI and config files.
#pragma once

#include "mail/result.h"

#include <string>
#include <string_view>

namespace postwr::mail {

struct Address {
    // Unquoted form: the quotes and quoted-pair backslashes are removed, so
    // "john smith"@example.com has the local part `john smith`.
    std::string localPart;
    // ASCII letters lowercased; address literals kept as "[192.0.2.1]" or
    // "[IPv6:2001:db8::1]" (the tag spelled so, hex digits lowercased).
    std::string domain;

    // The null reverse-path <> of bounces (RFC 5321 §4.5.5).
    bool isNull() const { return localPart.empty() && domain.empty(); }
    // "local@domain", re-quoting the local part when it is not a dot-atom;
    // "" for the null path.
    std::string toString() const;

    bool operator==(const Address &) const = default;
};

struct PathOptions {
    bool allowNull = false; // <> is valid in MAIL FROM only
    bool allowUtf8 = false; // the client gave SMTPUTF8 (RFC 6531 §3.4)
};

struct ParsedPath {
    Address address;
    // What follows the closing '>': the ESMTP parameters, leading space kept.
    std::string_view rest;
};

// Parses the argument of MAIL FROM: / RCPT TO:, which starts at '<'.
// A source route (<@a.example,@b.example:user@c.example>) is accepted and
// dropped. Errors are short enough for an SMTP reply.
Result<ParsedPath> parsePath(std::string_view argument, PathOptions options);

// Parses a bare "local@domain" without angle brackets or source route.
Result<Address> parseAddress(std::string_view text, bool allowUtf8 = true);

// A domain name (not an address literal) as RFC 5321 §4.1.2 "Domain" allows,
// with U-labels when allowUtf8.
bool isValidDomain(std::string_view domain, bool allowUtf8);

// Well-formed UTF-8 (RFC 3629 §4): no overlong forms, surrogates or code
// points above U+10FFFF.
bool isValidUtf8(std::string_view text);

} // namespace postwr::mail
