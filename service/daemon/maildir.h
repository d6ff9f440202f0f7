// Local delivery into Maildir (https://cr.yp.to/proto/maildir.html).
#pragma once

#include "mail/result.h"

#include <string>
#include <string_view>

namespace postwr::daemon {

using mail::Status;

// The file name of (queueId, recipient) in new/: "<queueId>.<hash>.postwr",
// where hash is 16 hex digits of a hash of the recipient. Deterministic, so a
// retry finds an earlier delivery; unique, as queue ids are; no ':' or '/'.
std::string maildirFileName(const std::string &queueId, const std::string &recipient);

// Whether an earlier attempt of the same delivery may have left its copy: not
// when the message was queued by this process and never tried for this
// recipient, which spares the look through new/ and cur/ (a mailbox's cur/
// can hold many thousand messages).
enum class EarlierAttempt { None, Possible };

// Delivers one message into ROOT/<domain>/<localPart>/new, exactly once across
// crashes: a retry after a crash between delivery and spool removal finds the
// message in new/, or in cur/ where a mail reader moved it (as NAME:2,FLAGS),
// and delivers no second copy. Creates tmp/, new/ and cur/ (0700) when
// missing. The stored message starts with "Return-Path: <returnPath>" (RFC
// 5321 §4.4: the final delivery adds it) and "Delivered-To: <recipient>", and
// has LF line ends, the Maildir convention; `message` is CRLF, as queued.
Status deliverToMaildir(const std::string &root, const std::string &domain, const std::string &localPart,
                        const std::string &queueId, const std::string &recipient, std::string_view returnPath,
                        std::string_view message, EarlierAttempt earlier = EarlierAttempt::Possible);

} // namespace postwr::daemon
