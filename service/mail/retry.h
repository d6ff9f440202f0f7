// When to try a queued message again, when to warn its sender that it is
// late, and when to give up and bounce it.
//
// The schedule is exponential backoff: after the n-th failed attempt the next
// one waits initial * 2^(n-1), capped at `maximum`. RFC 5321 §4.5.4.1 asks for
// at least 30 minutes between retries and 4-5 days before giving up; the
// shorter first delay gets past greylisting, which refuses a first try for a
// few minutes, and the cap keeps to the RFC's rhythm after that.
#pragma once

#include "mail/result.h"

#include <chrono>
#include <cstdint>
#include <string_view>

namespace postwr::mail {

struct RetryPolicy {
    std::chrono::seconds initial { 60 };
    std::chrono::seconds maximum { 4 * 3600 };
    std::chrono::seconds maxQueueTime { 5 * 24 * 3600 }; // then bounce (RFC 5321 §4.5.4.1)
    std::chrono::seconds delayWarning { 4 * 3600 }; // then a "delayed" DSN once; 0 disables it
};

// The wait before the next attempt after `failedAttempts` failures: 0 before
// any failure, then initial * 2^(n-1) capped at maximum, whatever n.
std::chrono::seconds retryDelay(const RetryPolicy &policy, int failedAttempts);

// The message has been in the queue for maxQueueTime or longer.
bool expired(const RetryPolicy &policy, std::int64_t receivedAt, std::int64_t now);

// A delay warning should be sent now: it is enabled, not sent yet, the
// message is at least `delayWarning` old, and not expired (then it bounces).
bool delayWarningDue(
    const RetryPolicy &policy, std::int64_t receivedAt, std::int64_t now, bool alreadySent);

// A duration from the config: a non-negative decimal number with an optional
// unit, s (the default), m, h or d: "90", "90s", "5m", "4h", "5d".
Result<std::chrono::seconds> parseDuration(std::string_view text);

} // namespace postwr::mail
