// DMARC (RFC 7489): does the domain in From: — the one the reader sees —
// stand behind this message, through an SPF pass or a DKIM pass for a domain
// aligned with it, and what does that domain ask receivers to do when not?
//
// Finding the policy and the organizational domain: RFC 7489 needs the Public
// Suffix List, which a static binary on a server would carry and never
// update. We use the DNS tree walk of DMARCbis (draft-ietf-dmarc-dmarcbis
// §4.10) instead: ask _dmarc.<name> for the From domain and then for each
// parent, at most 8 names, stopping below the top-level domain. The policy
// is the first record found walking up; the organizational domain is the
// shortest name with a record (or one label below a record with psd=y), and
// the From domain itself when there is none. Relaxed alignment (the default)
// then means: the authenticated domain is the organizational domain or below
// it.
//
// pct= below 100 never leads to a refusal here: sampling would make the same
// message pass or bounce at random, and DMARCbis drops pct for that reason.
#pragma once

#include "mail/dns_lookup.h"
#include "mail/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

enum class DmarcPolicy { None, Quarantine, Reject };
enum class DmarcResult { None, Pass, Fail, TempError, PermError };

// "none", "quarantine", "reject" / RFC 8601 "none", "pass", "fail", "temperror", "permerror".
std::string_view dmarcPolicyName(DmarcPolicy policy);
std::string_view dmarcResultName(DmarcResult result);

struct DmarcRecord {
    DmarcPolicy policy = DmarcPolicy::None;             // p=
    std::optional<DmarcPolicy> subdomainPolicy;         // sp=
    bool strictDkim = false;                            // adkim=s
    bool strictSpf = false;                             // aspf=s
    int percent = 100;                                  // pct=
    std::optional<bool> publicSuffix;                   // psd=y|n (DMARCbis)
    std::vector<std::string> aggregateReports;          // rua= URIs
    std::vector<std::string> failureReports;            // ruf= URIs
    std::string failureOptions = "0";                   // fo=
};

// A TXT record's text (RFC 7489 §6.3): "v=DMARC1" first, p= required (a
// missing or bad p= with a valid rua= counts as p=none, §6.6.3), unknown tags
// ignored. The error names the bad tag.
Result<DmarcRecord> parseDmarcRecord(std::string_view text);

struct DmarcInput {
    std::string fromDomain;                  // the RFC5322.From domain
    std::string spfDomain;                   // the domain SPF checked (MAIL FROM's, or HELO's for a null sender)
    bool spfPassed = false;
    std::vector<std::string> dkimPassDomains; // d= of every signature that verified
};

struct DmarcVerdict {
    DmarcResult result = DmarcResult::None;
    std::string fromDomain;
    std::string policyDomain;                 // where the record was found
    std::string organizationalDomain;
    DmarcPolicy policy = DmarcPolicy::None;   // the one that applies to fromDomain (p= or sp=)
    int percent = 100;
    std::string reason;                       // one line, e.g. "aligned DKIM pass (example.org)"

    // A fail under p=reject, pct=100: the message is refused (RFC 7489 §6.7).
    bool refuse() const { return result == DmarcResult::Fail && policy == DmarcPolicy::Reject && percent >= 100; }
};

Lookup<DmarcVerdict> checkDmarc(const DmarcInput &input, const DnsAnswers &answers);

// True when `domain` is `organizationalDomain` or below it (relaxed
// alignment), or equal to `fromDomain` under strict alignment. Case-insensitive.
bool dmarcAligned(std::string_view domain, std::string_view fromDomain, std::string_view organizationalDomain,
                  bool strict);

} // namespace postwr::mail
