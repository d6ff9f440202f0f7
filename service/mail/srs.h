// Sender Rewriting Scheme, so that mail we forward passes SPF at the next hop:
// the envelope sender becomes an address of ours, and a bounce sent to that
// address can be turned back into the original sender.
//
// Spec: Shevek, "Sender Rewriting Scheme" (2004, libsrs2), as implemented by
// libsrs2 and postsrsd, with which our addresses interoperate given the same
// secret and domain:
//
//   SRS0=HHHH=TT=orig-domain=orig-local@our-domain
//   SRS1=HHHH=first-forwarder==HHHH=TT=orig-domain=orig-local@our-domain
//
//   TT    the day number (unix time / 86400) mod 1024, as two base32 characters
//         of "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", most significant first.
//   HHHH  the first 4 characters of the base64 encoding ("A-Za-z0-9+/") of
//         HMAC-SHA1(secret, lowercase(concatenation of the hashed fields)):
//         SRS0 hashes TT, orig-domain and orig-local; SRS1 hashes the first
//         forwarder's domain and what followed "SRS0" in its local part.
//
// A sender that is already SRS0 from another forwarder becomes SRS1 pointing at
// that forwarder (so the address does not grow with each hop); an SRS1 sender
// keeps its first forwarder and gets our hash. Reversing SRS1 yields the SRS0
// address at the first forwarder, which reverses it in turn. After "SRS0" and
// "SRS1" libsrs2 accepts '=', '-' or '+' as separator; so do we, and we write '='.
#pragma once

#include "mail/result.h"

#include <ctime>
#include <string>
#include <string_view>

namespace postwr::mail {

class Srs {
public:
    // secret: random bytes, at least 16 (the config refuses shorter ones);
    // domain: our forwarding domain, which the rewritten addresses end in.
    Srs(std::string secret, std::string domain);

    // The rewritten envelope sender for a message we forward. Returned
    // unchanged: the null sender "" (bounces stay bounces), an address without
    // '@', and an address in our own domain (it passes SPF already; libsrs2
    // does the same).
    std::string forward(std::string_view sender, std::time_t now) const;

    // The sender that a bounce to one of our SRS addresses goes back to.
    // Error when the syntax is bad, the hash does not match (compared
    // case-insensitively: receivers may lowercase addresses) or, for SRS0, the
    // timestamp is more than 21 days old (a timestamp from the future looks
    // ~1000 days old modulo 1024 and is refused as well). The domain after '@'
    // is not checked: routing it to us is the caller's business.
    Result<std::string> reverse(std::string_view address, std::time_t now) const;

    // The local part starts with SRS0 or SRS1 and a separator ('=', '-', '+'),
    // case-insensitively.
    static bool looksLikeSrs(std::string_view localPart);

    // Our forwarding domain, lowercased.
    const std::string &domain() const { return m_domain; }

private:
    std::string hash(std::string_view a, std::string_view b, std::string_view c = {}) const;
    bool hashMatches(std::string_view given, std::string_view a, std::string_view b,
        std::string_view c = {}) const;

    std::string m_secret;
    std::string m_domain;
};

} // namespace postwr::mail
