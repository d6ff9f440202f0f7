// Delivery status notifications: the bounce (or delay warning) postwrd sends
// to a message's envelope sender when delivery to some recipients failed
// permanently (or is taking long).
//
// Format: a multipart/report message, RFC 6522 §3, report-type=delivery-status,
// with three parts:
//   1. text/plain: what happened and what the sender can do, in plain English;
//   2. message/delivery-status, RFC 3464 §2: per-message fields
//        Reporting-MTA: dns; <our hostname>
//        X-Postwr-Queue-ID: <queue id>        (an RFC 3464 §2.1 extension field)
//        Arrival-Date: <RFC 5322 date>
//      then per recipient, after an empty line:
//        Final-Recipient: rfc822; <address>
//        Action: failed | delayed
//        Status: 5.1.1                         (RFC 3463 code)
//        Remote-MTA: dns; <host>               (when a remote host answered)
//        Diagnostic-Code: smtp; 550 5.1.1 ...  (when there is one; a local error
//                                               without a type gets "X-Postwr; ")
//        Will-Retry-Until: <RFC 5322 date>     (delays only, when known)
//   3. text/rfc822-headers: the header section of the original message only
//      (RFC 6522 §4 allows returning just the headers; it keeps bounces small).
// When an address or the original headers are not ASCII (SMTPUTF8 mail), parts
// 2 and 3 use message/global-delivery-status and message/global-headers with
// the "utf-8" address type instead (RFC 6533 §3, §6.2, §6.3).
//
// The message is CRLF, lines at most 998 octets (RFC 5322 §2.1.1): values from
// outside (a remote server's reply, addresses) have CR/LF and other controls
// replaced by spaces and are folded, so they can never inject fields.
#pragma once

#include "mail/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct FailedRecipient {
    std::string recipient; // "local@domain"
    std::string status; // RFC 3463 code, "5.1.1"
    std::string action; // "failed" or "delayed" (RFC 3464 §2.3.3)
    std::string diagnostic; // "smtp; 550 5.1.1 No such user", or ""
    std::string remoteMta; // "mx.example.org", or "" when no server answered
};

struct DsnInput {
    std::string reportingMta; // our hostname
    std::string queueId;
    std::string sender; // original envelope sender: the DSN goes to it
    std::int64_t arrivalDate = 0;
    std::vector<FailedRecipient> recipients;
    std::string originalMessage; // CRLF; only its header section is included
    bool delayWarning = false;
    std::int64_t retryUntil = 0; // delays: when we give up (Will-Retry-Until); 0 to leave out
    std::int64_t now = 0;
    std::string boundarySeed; // random; makes the MIME boundary and Message-ID unique
};

struct Dsn {
    std::string from; // "": DSNs are sent with the null sender (RFC 5321 §4.5.5)
    std::string to; // the original sender
    std::string message; // complete RFC 5322 message, CRLF
};

// Error when the original sender is null: never bounce a bounce
// (RFC 3464 §2, RFC 5321 §4.5.5), or when there is nothing to report.
Result<Dsn> makeDsn(const DsnInput &input);

// The message says by its headers that it is automatic: Auto-Submitted other
// than "no" (RFC 3834 §5) or a multipart/report content type (a DSN or MDN).
// No automatic answer is sent to such messages, so two robots cannot loop.
bool isAutomatedMessage(std::string_view message);

// The number of Received: fields: each relay adds one (RFC 5321 §4.4), so a
// high count means a mail loop (postwrd gives up at 50, RFC 5321 §6.3).
std::size_t countReceivedHeaders(std::string_view message);

} // namespace postwr::mail
