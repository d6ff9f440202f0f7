// The accounts of one domain: DIR/domains/<domain>/users.
//
// Format, one construct per line:
//
//   # a comment            a line whose first non-blank character is '#'
//   alice $scrypt$...      an account: its local part, blanks, its password
//                          hash. Nothing may follow the hash.
//
// Blank lines are ignored; LF and CRLF line ends are accepted.
//
// The local part is the part of the address before '@', without the domain
// (the file's directory names it). It is stored with ASCII letters
// lowercased and must be unique, non-empty, at most 64 bytes (RFC 5321
// §4.5.3.1.1), and free of blanks, control characters and of the characters
// '@', '%', '!' and '"', which have meant routing or quoting in mail
// addresses (RFC 5321 §2.4, RFC 1123 §5.2.16), as well as ':' and ',', which
// the aliases file could not name. UTF-8 is allowed.
//
// The password hash is opaque here: one token starting with '$', in the
// modular crypt style "$scrypt$ln=14,r=8,p=1$SALT$HASH". Checking it against
// a password is the job of mail/password_hash.h.
#pragma once

#include "mail/ini.h"

#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct UserEntry {
    std::string localPart;
    std::string passwordHash;

    bool operator==(const UserEntry &) const = default;
};

class UserDb {
public:
    // Case-insensitive for ASCII letters; no other normalization.
    const UserEntry *find(std::string_view localPart) const;
    // The local part is stored lowercase; callers check it with
    // validateLocalPart first. False when the account already exists.
    bool add(UserEntry entry);
    // False when there was no such account.
    bool remove(std::string_view localPart);
    // In file order.
    const std::vector<UserEntry> &entries() const { return m_entries; }

    bool operator==(const UserDb &) const = default;

private:
    std::vector<UserEntry> m_entries;
};

Parsed<UserDb> parseUsers(std::string_view text);

// The file's text: a comment explaining the format, then one line per
// account. parseUsers(serializeUsers(db)).value == db.
std::string serializeUsers(const UserDb &db);

// The stored (lowercase) form of a local part, or why it cannot be one; the
// error's column points into `localPart`.
Result<std::string> validateLocalPart(std::string_view localPart);

} // namespace postwr::mail
