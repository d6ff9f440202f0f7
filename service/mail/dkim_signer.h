// DKIM signing (RFC 6376 §5; Ed25519 per RFC 8463). Always c=relaxed/relaxed:
// it survives the whitespace and case changes relays are known to make, and
// every verifier supports it.
//
// Which header fields are signed (RFC 6376 §5.4.1 recommends the ones that
// carry the message's meaning to the reader):
//
//   From, To, Cc, Subject, Date, Reply-To      signed and oversigned
//   Message-ID, In-Reply-To, References,       signed when present
//   Sender, MIME-Version, Content-Type,
//   Content-Transfer-Encoding, Content-Disposition, Content-Language,
//   List-Id, List-Unsubscribe, List-Unsubscribe-Post
//
// A field is signed once per occurrence, bottom up (§5.4.2). Oversigning
// (§8.15) lists a name once more than it occurs: the extra entry stands for
// "no further field of this name", so nobody can add a second From or
// Subject, or a Reply-To that was not there, without breaking the signature.
// Oversigned names are listed even when absent for the same reason. Fields
// that relays add or change (Received, Return-Path, DKIM-Signature itself)
// are never signed.
#pragma once

#include "mail/dkim_key.h"
#include "mail/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

// The header field names signed, in the order they appear in h= (before
// counting occurrences), and which of them are oversigned.
const std::vector<std::string_view> &dkimSignedHeaderNames();
bool isDkimOversignedHeader(std::string_view name);

// The complete "DKIM-Signature: ..." field with its final CRLF, folded so that
// no line exceeds 78 columns, to put in front of `message` (CRLF lines; see
// dkim_canon.h). Tags: v, a, c=relaxed/relaxed, d, s, t=now, h, bh, b. Fails
// only when OpenSSL does.
// The DKIM keys of each local domain that has some.
using DkimKeyring = std::map<std::string, std::vector<DkimKey>>;

Result<std::string> signMessage(const DkimKey &key, std::string_view message, std::int64_t now);

// Adds "Date:" (RFC 5322 §3.6.1) and "Message-ID: <uniqueId@domain>"
// (§3.6.4) at the top of the header section when the message lacks them;
// both are required of an originator, and the submission path adds them for
// authenticated users before signing (RFC 6409 §8.2, §8.3). The message is
// otherwise unchanged.
std::string addMissingHeaders(
    std::string_view message, std::string_view domain, std::int64_t now, std::string_view uniqueId);

} // namespace postwr::mail
