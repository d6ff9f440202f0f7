// The local domains with their users, aliases and settings, and the
// resolution of a recipient address into the mailboxes and remote addresses
// that get the mail.
//
// Resolution of local@domain, after chasquid (internal/aliases):
//
//   1. A domain that is not local gives one Remote recipient, as is.
//   2. The local part is lowercased (ASCII) and the drop characters before
//      the first suffix separator are removed: "J.Doe+news" -> "jdoe+news".
//      If an alias has that name, its targets are resolved in turn.
//   3. Else the same, with the suffix cut off as well: "jdoe". An alias for
//      "jdoe+news" thus takes precedence over one for "jdoe".
//   4. Else a user whose name is the local part, or normalized as in 2 or
//      3, gives one Local recipient named as the account.
//   5. Else the catch-all alias `*`, if any, is resolved in turn.
//   6. Else it is an error: no such user here.
//
// Alias targets on local domains are resolved from step 1 again, so an
// alias may point at another alias, a user or a catch-all; targets on other
// domains are Remote. Pipe targets are skipped, since postwrd runs no
// commands. A chain of more than 10 aliases, an alias that leads back to
// itself, and an alias whose targets all end up skipped are errors. The
// final list has no duplicates.
//
// Never an open relay: the local part is only ever a lookup key. Characters
// that once meant routing, '%' ("user%other@relay", RFC 1123 §5.2.16), '!'
// (UUCP bang paths), '@' and quotes (RFC 5321 §2.4 treats the local part as
// opaque), are never interpreted: "user%example.org@local" is an unknown
// local part of the local domain, never mail for example.org.
#pragma once

#include "mail/aliases.h"
#include "mail/config.h"
#include "mail/result.h"
#include "mail/users.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct Recipient {
    enum class Kind { Local, Remote };
    Kind kind = Kind::Local;
    // For Local, the account's name; for Remote, as written.
    std::string localPart;
    std::string domain; // lowercase

    std::string address() const { return localPart + "@" + domain; }
    bool operator==(const Recipient &) const = default;
};

class Directory {
public:
    // See [addresses] in mail/config.h.
    explicit Directory(std::string suffixSeparators = "+", std::string dropCharacters = ".");

    // Adding a domain again replaces it.
    void addDomain(std::string domain, UserDb users, AliasFile aliases, DomainSettings settings = {});

    // Case-insensitive.
    bool isLocalDomain(std::string_view domain) const;
    // The account with exactly this name (ASCII case aside), for AUTH: no
    // suffix or drop-character matching, no aliases.
    const UserEntry *findUser(std::string_view localPart, std::string_view domain) const;
    // nullptr when the domain is not local.
    const DomainSettings *settings(std::string_view domain) const;
    // Who gets mail sent to localPart@domain; see the top of this file.
    Result<std::vector<Recipient>> resolve(std::string_view localPart, std::string_view domain) const;
    // Lowercase, sorted.
    std::vector<std::string> domains() const;
    // The longest local domain that `hostname` is in (mail.example.com →
    // example.com), or "" when it is in none.
    std::string domainOfHost(std::string_view hostname) const;

private:
    struct Domain {
        UserDb users;
        // Keyed by the alias name with drop characters removed, as in step 2.
        std::map<std::string, std::vector<AliasTarget>> aliases;
        DomainSettings settings;
    };
    struct Walk;

    const Domain *findDomain(std::string_view domain) const;
    std::string withoutDrops(std::string_view localPart) const;
    std::string withoutSuffix(std::string_view localPart) const;
    Status resolveInto(std::string_view localPart, const std::string &domain, Walk &walk) const;
    Status expand(const std::vector<AliasTarget> &targets, std::string_view localPart, const std::string &aliasName,
                  const std::string &domain, Walk &walk) const;

    std::string m_suffixSeparators;
    std::string m_dropCharacters;
    std::map<std::string, Domain> m_domains;
};

} // namespace postwr::mail
