#include "mail/retry.h"

#include "mail/text.h"

#include <algorithm>
#include <charconv>
#include <limits>

namespace postwr::mail {

std::chrono::seconds retryDelay(const RetryPolicy &policy, int failedAttempts)
{
    if (failedAttempts <= 0)
        return std::chrono::seconds { 0 };
    const std::chrono::seconds cap = std::max(policy.maximum, std::chrono::seconds { 0 });
    std::chrono::seconds delay = std::clamp(policy.initial, std::chrono::seconds { 0 }, cap);
    // Doubling stops at the cap, so a huge count neither loops long nor overflows.
    for (int n = 1; n < failedAttempts && delay < cap; ++n)
        delay = delay > cap - delay ? cap : delay * 2;
    return delay;
}

bool expired(const RetryPolicy &policy, std::int64_t receivedAt, std::int64_t now)
{
    return now - receivedAt >= policy.maxQueueTime.count();
}

bool delayWarningDue(
    const RetryPolicy &policy, std::int64_t receivedAt, std::int64_t now, bool alreadySent)
{
    return !alreadySent && policy.delayWarning.count() > 0
        && now - receivedAt >= policy.delayWarning.count() && !expired(policy, receivedAt, now);
}

Result<std::chrono::seconds> parseDuration(std::string_view text)
{
    text = trim(text);
    std::int64_t unit = 1;
    if (!text.empty()) {
        switch (text.back()) {
        case 's':
            unit = 1;
            text.remove_suffix(1);
            break;
        case 'm':
            unit = 60;
            text.remove_suffix(1);
            break;
        case 'h':
            unit = 3600;
            text.remove_suffix(1);
            break;
        case 'd':
            unit = 24 * 3600;
            text.remove_suffix(1);
            break;
        default:
            break;
        }
    }
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    if (text.empty() || !std::all_of(text.begin(), text.end(), isDigit))
        return Error { "expected a duration such as 90s, 5m, 4h or 5d" };
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc {} || end != text.data() + text.size()
        || value > std::numeric_limits<std::int64_t>::max() / unit)
        return Error { "duration is too long" };
    return std::chrono::seconds { value * unit };
}

} // namespace postwr::mail
