// ARC, the Authenticated Received Chain (RFC 8617): validating the chain a
// message arrives with, and sealing it before passing it on.
//
// Each handler that seals adds an ARC set of three header fields with the
// same instance i=N (1 for the first, at most 50):
//
//   ARC-Authentication-Results  i=N; then what it found (its A-R payload)
//   ARC-Message-Signature       a DKIM signature of the message, no v=
//   ARC-Seal                    a signature over every ARC set 1..N, with
//                               cv= the chain's state as it arrived:
//                               none (i=1), pass, or fail
//
// Validation is a check in the style of dns_lookup.h: it asks for the keys
// it needs, one question at a time. Both signatures use the DKIM key records
// and algorithms (rsa-sha256, ed25519-sha256; RFC 8301's limits apply).
#pragma once

#include "mail/dkim_key.h"
#include "mail/dns_lookup.h"
#include "mail/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace postwr::mail {

enum class ArcChainResult { None, Pass, Fail };

// "none", "pass", "fail": the arc= result of Authentication-Results and the
// cv= of a seal.
std::string_view arcChainResultName(ArcChainResult result);

struct ArcVerdict {
    ArcChainResult result = ArcChainResult::None;
    int instances = 0; // the highest i= present (0 when none)
    std::string reason; // one line
    // d= of the oldest ARC-Message-Signature that still verifies, with all
    // newer ones verifying too (RFC 8617 §5.2 "oldest-pass"): the first
    // handler whose view of the message survives. Empty unless Pass.
    std::string oldestPassDomain;
};

inline constexpr int maxArcInstances = 50; // RFC 8617 §4.2.1

// RFC 8617 §5.2: none without ARC fields; fail on a broken structure (an
// instance missing, repeated or above 50, a set without one of its three
// fields, cv= other than none at i=1 and pass above), on a latest seal saying
// cv=fail, when the newest ARC-Message-Signature does not verify, or when any
// ARC-Seal does not; otherwise pass. A key that cannot be fetched, even for
// now, fails the chain: ARC has no temperror.
Lookup<ArcVerdict> validateArc(
    std::string_view message, const DnsAnswers &answers, std::int64_t now);

// RFC 8617 §5.1: the ARC set to put at the top of `message`, with CRLFs, in
// the order ARC-Seal, ARC-Message-Signature, ARC-Authentication-Results.
//
// `authenticationResults` is the payload of our Authentication-Results
// field (what follows "Authentication-Results: "); the AAR is
// "ARC-Authentication-Results: i=N; " followed by it. `chain` is
// validateArc's verdict on `message` as received, and gives cv=. The AMS is
// c=relaxed/relaxed over the fields dkim_signer.h signs plus the
// DKIM-Signature fields present; the seal covers all sets 1..N, or for
// cv=fail only the new one (§5.1.2).
//
// Fails when the chain already ends in a seal saying cv=fail (§5.1 step 1:
// there is nothing left to seal), when it has 50 sets, when `chain` is not a
// verdict on this message, or when OpenSSL cannot sign.
Result<std::string> arcSeal(std::string_view message, const DkimKey &key,
    std::string_view authenticationResults, const ArcVerdict &chain, std::int64_t now);

} // namespace postwr::mail
