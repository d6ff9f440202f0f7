// The Authentication-Results header field (RFC 8601) postwrd adds to mail
// arriving from the internet: what SPF, DKIM, DMARC and ARC said, so that the
// reader's mail program and a forwarding target (Gmail) can see it, and so
// that logs and the wizard's test-mail report can explain a verdict.
//
//   Authentication-Results: mx.example.org;
//   	spf=pass (192.0.2.1 matched ip4:192.0.2.0/24) smtp.mailfrom=a@example.com;
//   	dkim=pass (signature verified) header.d=example.com header.s=p2026a header.a=rsa-sha256 header.b=Vzz8h2QxL0Ra;
//   	dmarc=pass (p=reject; aligned DKIM pass) header.from=example.com;
//   	arc=none
//
// A field claiming our own authserv-id that came from outside is a forgery
// (RFC 8601 §5): it is removed before ours is added.
#pragma once

#include "mail/arc.h"
#include "mail/dkim_verifier.h"
#include "mail/dmarc.h"
#include "mail/spf.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct AuthenticationOutcome {
    std::string mailFrom; // the envelope sender, empty for <>
    std::string helo;
    SpfVerdict spf;
    std::vector<DkimVerdict> dkim;   // empty: the message has no signature
    std::vector<DmarcVerdict> dmarc; // one per From: domain; empty: no From: domain
    std::optional<ArcVerdict> arc;   // absent: ARC was not evaluated

    // The DMARC verdict that refuses the message, if any (RFC 7489 §6.7).
    const DmarcVerdict *refusal() const;
};

// The distinct domains of the From: field's mailboxes, lower case, at most
// `limit` (RFC 7489 §6.6.1: each is checked). Empty when there is no From:
// or it cannot be parsed.
std::vector<std::string> fromDomains(std::string_view message, std::size_t limit = 4);

// The field's value (after "Authentication-Results: "), one result per line,
// without the final CRLF; also the payload of ARC-Authentication-Results.
std::string authenticationResultsValue(std::string_view authservId, const AuthenticationOutcome &outcome);

// "Authentication-Results: " + value + CRLF.
std::string authenticationResultsField(std::string_view value);

// `message` without the Authentication-Results fields whose authserv-id is
// `authservId` (case-insensitive); other fields and the body are unchanged.
std::string removeAuthenticationResults(std::string_view message, std::string_view authservId);

} // namespace postwr::mail
