// The aliases of one domain: DIR/domains/<domain>/aliases.
//
// The syntax is chasquid's (https://blitiri.com.ar/p/chasquid/aliases/), so
// that its users can copy their files over; it follows the traditional
// sendmail/exim aliases format. One construct per line:
//
//   # a comment                a line whose first non-blank character is '#'
//   user: address, address     mail to user@<domain> goes to these addresses
//   user: | command            mail to user@<domain> is piped to a command
//   *: address, ...            the catch-all: mail to any local part that is
//                              neither an alias nor a user goes here
//
// Blank lines are ignored; blanks around every part are trimmed.
//
// The left side is a local part only: the domain is the file's. It is
// stored with ASCII letters lowercased, and must be `*` or a valid user name
// (see mail/users.h): this is stricter than chasquid, which forbids only
// '@', ':' and ',' there, because postwrd never treats '%', '!' or quotes as
// routing. When the same left side appears twice, the later line wins, as
// in chasquid.
//
// The right side is either a pipe ('|' then the command) or a list of
// comma-separated addresses; empty items are skipped, so "a: b," is fine. An
// address without '@' is a local part of the file's domain. An address
// whose local part is `*`, as in "*: *@example.org", stands for the local
// part the mail was sent to.
//
// postwrd does not run commands: pipe aliases are kept, so that `postwrd
// config check` can point at them, and skipped at delivery. chasquid's
// "address via server" forwarding is not supported and is an error.
//
// Drop characters and suffix separators (see mail/config.h) are applied at
// lookup time, by mail/directory.h.
#pragma once

#include "mail/ini.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct AliasTarget {
    enum class Kind { Address, Pipe };
    Kind kind = Kind::Address;
    // "local@domain" with the domain lowercased, or the command of a pipe.
    std::string value;
    int line = 0;

    bool operator==(const AliasTarget &) const = default;
};

struct AliasFile {
    // Key: the lowercase local part, or "*" for the catch-all.
    std::map<std::string, std::vector<AliasTarget>> entries;
};

// `domain` completes the addresses that have none.
Parsed<AliasFile> parseAliases(std::string_view text, std::string_view domain);

} // namespace postwr::mail
