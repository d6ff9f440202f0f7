// Delivery state format, version 1.
//
//   postwr-delivery 1               magic and version, first line
//   attempts: 3                     delivery attempts so far, decimal >= 0
//   next-attempt: 1700000000        unix seconds, decimal
//   delay-warning-sent: yes|no
//   bounce-sent: yes|no
//   rcpt: <addr> <status> <attempts> <host> <reply>
//                                   one line per recipient (zero or more),
//                                   status pending|delivered|failed
//   end                             last line: a file cut short is refused
//
// Lines end in LF and come in exactly this order; a field is "key:" then one
// space then the value. The five rcpt values are separated by one space; in
// them '%', space, control characters and DEL are written as %XX (uppercase
// hex), and an empty value as "-" (a value that is "-" is written "%2D"), so
// a server's reply can never break a line or shift a field. A change to the
// format bumps the version; a reader refuses versions it does not know.
#include "mail/delivery_state.h"

#include "mail/text.h"

#include <charconv>
#include <vector>

namespace postwr::mail {

namespace {

constexpr std::string_view kMagic = "postwr-delivery 1";
constexpr char kHex[] = "0123456789ABCDEF";

std::string encodeValue(std::string_view value)
{
    if (value.empty())
        return "-";
    if (value == "-")
        return "%2D";
    std::string out;
    for (char c : value) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '%' || c == ' ' || byte < 0x20 || byte == 0x7f) {
            out += '%';
            out += kHex[byte >> 4];
            out += kHex[byte & 0xfu];
        } else {
            out += c;
        }
    }
    return out;
}

int hexDigit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

Result<std::string> decodeValue(std::string_view value)
{
    if (value == "-")
        return std::string();
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        if (value[i] != '%') {
            out += value[i];
            continue;
        }
        const int high = i + 2 < value.size() ? hexDigit(value[i + 1]) : -1;
        const int low = high >= 0 ? hexDigit(value[i + 2]) : -1;
        if (low < 0)
            return Error { "bad %XX escape" };
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

template<typename Int> bool parseNumber(std::string_view text, Int &value)
{
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return error == std::errc {} && end == text.data() + text.size() && !text.empty();
}

const char *statusName(RecipientState::Status status)
{
    switch (status) {
    case RecipientState::Status::Delivered:
        return "delivered";
    case RecipientState::Status::Failed:
        return "failed";
    case RecipientState::Status::Pending:
        break;
    }
    return "pending";
}

bool parseStatus(std::string_view text, RecipientState::Status &status)
{
    for (auto candidate : { RecipientState::Status::Pending, RecipientState::Status::Delivered,
             RecipientState::Status::Failed }) {
        if (text == statusName(candidate)) {
            status = candidate;
            return true;
        }
    }
    return false;
}

// Reads "key: value" at line `number`; the value of the field, or Error.
Result<std::string_view> field(std::string_view line, std::string_view key, int number)
{
    if (line.size() < key.size() + 2 || line.substr(0, key.size()) != key
        || line.substr(key.size(), 2) != ": ")
        return Error { "expected \"" + std::string(key) + ": \"", number };
    return line.substr(key.size() + 2);
}

Result<bool> yesNo(std::string_view line, std::string_view key, int number)
{
    const Result<std::string_view> value = field(line, key, number);
    if (!value)
        return value.error();
    if (*value == "yes" || *value == "no")
        return *value == "yes";
    return Error { std::string(key) + " must be yes or no", number };
}

} // namespace

std::string serializeDeliveryState(const DeliveryState &state)
{
    std::string out = std::string(kMagic) + "\n";
    out += "attempts: " + std::to_string(state.attempts) + "\n";
    out += "next-attempt: " + std::to_string(state.nextAttemptAt) + "\n";
    out += std::string("delay-warning-sent: ") + (state.delayWarningSent ? "yes" : "no") + "\n";
    out += std::string("bounce-sent: ") + (state.bounceSent ? "yes" : "no") + "\n";
    for (const auto &[recipient, rcpt] : state.recipients) {
        out += "rcpt: " + encodeValue(recipient) + " " + statusName(rcpt.status) + " "
            + std::to_string(rcpt.attempts) + " " + encodeValue(rcpt.lastHost) + " "
            + encodeValue(rcpt.lastReply) + "\n";
    }
    out += "end\n";
    return out;
}

Result<DeliveryState> parseDeliveryState(std::string_view data)
{
    if (data.empty() || data.back() != '\n')
        return Error { "delivery state is truncated" };
    data.remove_suffix(1);
    const std::vector<std::string_view> lines = split(data, '\n');
    if (lines.front() != kMagic) {
        if (lines.front().substr(0, 16) == "postwr-delivery ")
            return Error { "unknown delivery state version", 1 };
        return Error { "not a delivery state file", 1 };
    }
    if (lines.size() < 6 || lines.back() != "end")
        return Error { "delivery state is truncated" };

    DeliveryState state;
    const Result<std::string_view> attempts = field(lines[1], "attempts", 2);
    if (!attempts)
        return attempts.error();
    if (!parseNumber(*attempts, state.attempts) || state.attempts < 0)
        return Error { "attempts must be a number >= 0", 2 };
    const Result<std::string_view> next = field(lines[2], "next-attempt", 3);
    if (!next)
        return next.error();
    if (!parseNumber(*next, state.nextAttemptAt))
        return Error { "next-attempt must be a number", 3 };
    const Result<bool> warned = yesNo(lines[3], "delay-warning-sent", 4);
    if (!warned)
        return warned.error();
    state.delayWarningSent = *warned;
    const Result<bool> bounced = yesNo(lines[4], "bounce-sent", 5);
    if (!bounced)
        return bounced.error();
    state.bounceSent = *bounced;

    for (std::size_t i = 5; i + 1 < lines.size(); ++i) {
        const int number = static_cast<int>(i) + 1;
        const Result<std::string_view> value = field(lines[i], "rcpt", number);
        if (!value)
            return value.error();
        const std::vector<std::string_view> parts = split(*value, ' ');
        if (parts.size() != 5)
            return Error { "rcpt needs 5 values", number };
        const Result<std::string> recipient = decodeValue(parts[0]);
        const Result<std::string> host = decodeValue(parts[3]);
        const Result<std::string> reply = decodeValue(parts[4]);
        if (!recipient || !host || !reply)
            return Error { "bad %XX escape", number };
        RecipientState rcpt;
        if (recipient->empty())
            return Error { "empty recipient", number };
        if (!parseStatus(parts[1], rcpt.status))
            return Error { "unknown recipient status \"" + std::string(parts[1]) + "\"", number };
        if (!parseNumber(parts[2], rcpt.attempts) || rcpt.attempts < 0)
            return Error { "recipient attempts must be a number >= 0", number };
        rcpt.lastHost = *host;
        rcpt.lastReply = *reply;
        if (!state.recipients.emplace(*recipient, std::move(rcpt)).second)
            return Error { "recipient " + *recipient + " is listed twice", number };
    }
    return state;
}

} // namespace postwr::mail
