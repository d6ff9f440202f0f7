// DKIM verification (RFC 6376 §6; Ed25519 per RFC 8463; RFC 8301's limits),
// as a check in the style of dns_lookup.h: it asks for the key records it
// needs one question at a time and never does DNS itself.
//
// Results are those of Authentication-Results (RFC 8601 §2.7.1):
//
//   pass       the signature verified
//   fail       it did not: body hash mismatch, header hash mismatch, a
//              body shorter than l=, or more From fields than h= signs
//              (RFC 6376 §8.15)
//   permerror  it cannot verify and never will: syntax errors, missing
//              tags, no key or a revoked one, RSA under 1024 bits, rsa-sha1
//              (RFC 8301 §3.1), an expired x=, a t= far in the future
//   temperror  the key lookup failed for now (timeout, SERVFAIL)
//
// (neutral and policy exist for Authentication-Results; no check here gives
// them.) Body hashes are compared before the key is asked for, so a message
// changed in transit costs no DNS lookup.
//
// l= (body length) is honoured: only that many octets of the canonical body
// are hashed, and the reason says so, since whatever follows them is unsigned
// (RFC 6376 §8.2).
//
// At most eight signatures are verified, the topmost (most recently added)
// first; any further ones are ignored, not reported, so that a message
// carrying hundreds of them costs neither hundreds of DNS lookups nor an
// Authentication-Results field of hundreds of entries.
#pragma once

#include "mail/dkim_canon.h"
#include "mail/dns_lookup.h"
#include "mail/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace postwr::mail {

enum class DkimResult { None, Pass, Fail, Neutral, Policy, TempError, PermError };

// The RFC 8601 name: "none", "pass", "fail", "neutral", "policy",
// "temperror", "permerror".
std::string_view dkimResultName(DkimResult result);

struct DkimVerdict {
    DkimResult result = DkimResult::None;
    std::string domain; // d=
    std::string selector; // s=
    std::string algorithm; // a=, e.g. "rsa-sha256"
    std::string identity; // i=, or "@" + d= when absent
    std::string signaturePrefix; // first 12 characters of b= (RFC 6008 header.b)
    std::string reason; // one line, e.g. "signature verified", "body hash mismatch"
};

inline constexpr std::size_t maxDkimSignatures = 8;

// Verifies the DKIM-Signature fields of `message` (CRLF lines), one verdict
// each, in header order. Empty: the message has no signature. `now` is Unix
// time, for t= and x=.
Lookup<std::vector<DkimVerdict>> verifyDkim(
    std::string_view message, const DnsAnswers &answers, std::int64_t now);

// ---------------------------------------------------------------------------
// The pieces below are shared with ARC (arc.h), whose ARC-Message-Signature
// and ARC-Seal are signed and verified the DKIM way (RFC 8617 §4.1).

// A tag-list (RFC 6376 §3.2): "name=value" separated by semicolons. Values
// keep their inner folding whitespace and lose it at both ends.
struct DkimTagList {
    std::vector<std::pair<std::string, std::string>> tags; // in order
    const std::string *find(std::string_view name) const;
};

// Fails on a tag without "=", a bad tag name, or a duplicate (which §3.2
// says makes the whole list invalid).
Result<DkimTagList> parseDkimTagList(std::string_view text);

// A base64 tag value (b=, bh=, p=) with its whitespace removed, decoded.
std::optional<std::string> decodeDkimBase64(std::string_view value);

// The canonical header fields that h= `names` select (§5.4.2): for each
// name the last field of that name not yet taken, bottom up; a name with none
// left adds nothing. `signatureField`, when given, is never taken: it did not
// exist when it was signed.
std::string dkimSignedHeaders(const RawMessage &message, const std::vector<std::string> &names,
    DkimCanonicalization canonicalization, const RawHeaderField *signatureField = nullptr);

// A signature field as it is hashed last (§3.7): the value of its b= tag
// removed, canonicalized, without the final CRLF.
std::string canonicalSignatureField(
    std::string_view rawField, DkimCanonicalization canonicalization);

struct DkimCheck {
    DkimResult result = DkimResult::None;
    std::string reason;
};

// Fetches the key at "<selector>._domainkey.<domain>" (§3.6.2) and checks
// that `signature` (decoded b=) signs `headerData` with `algorithm` (a=).
// With `identityDomain`, a key with the t=s flag also requires it to be the
// domain itself, not a subdomain (§3.6.1).
Lookup<DkimCheck> verifyDkimSignatureData(std::string_view algorithm, std::string_view domain,
    std::string_view selector, std::string_view signature, std::string_view headerData,
    const DnsAnswers &answers, std::optional<std::string_view> identityDomain = std::nullopt);

// The tags of a DKIM-Signature or of an ARC-Message-Signature, which has the
// same syntax without v= and with i= as its instance (RFC 8617 §4.1.2).
struct DkimSignatureFields {
    std::string algorithm; // a=
    std::string domain; // d=
    std::string selector; // s=
    DkimCanonicalization headerCanonicalization = DkimCanonicalization::Simple;
    DkimCanonicalization bodyCanonicalization = DkimCanonicalization::Simple;
    std::vector<std::string> headers; // h=, lower case
    std::string bodyHash; // bh=, decoded
    std::string signature; // b=, decoded
    std::optional<std::uint64_t> bodyLength; // l=
    std::optional<std::int64_t> timestamp; // t=
    std::optional<std::int64_t> expiration; // x=
    std::string identity; // i= of a DKIM-Signature; empty for an AMS
};

enum class DkimFieldKind { DkimSignature, ArcMessageSignature };

// Parses and checks the tags of a signature field's value (after the colon):
// required tags, v=1, known algorithm and canonicalization, From in h=, i=
// within d=. An error is a permerror's reason.
Result<DkimSignatureFields> parseDkimSignatureFields(std::string_view value, DkimFieldKind kind);

// Verifies one parsed signature field of `message` (§6.1): times, body hash,
// unsigned From fields, then the header hash against the key.
Lookup<DkimCheck> checkDkimSignature(const RawMessage &message, const RawHeaderField &field,
    const DkimSignatureFields &fields, const DnsAnswers &answers, std::int64_t now);

} // namespace postwr::mail
