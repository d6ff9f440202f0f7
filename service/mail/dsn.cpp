#include "mail/dsn.h"

#include "mail/date.h"
#include "mail/headers.h"
#include "mail/text.h"

#include <algorithm>

namespace postwr::mail {

namespace {

constexpr std::size_t kFoldAt = 76; // where we fold or wrap when we can (RFC 5322 §2.1.1: 78)
constexpr std::size_t kMaxLine = 998; // the hard limit of RFC 5322 §2.1.1, CRLF excluded
constexpr std::size_t kMaxWord = 900; // longer runs without spaces are split

bool isAscii(std::string_view text)
{
    return std::all_of(
        text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// One line of text from outside: controls (CR and LF above all) become
// spaces, so nothing from a remote server can start a new field or part.
std::string sanitize(std::string_view text)
{
    std::string out(trim(text));
    for (char &c : out) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7f)
            c = ' ';
    }
    return out;
}

std::string alphanumeric(std::string_view text, std::size_t maximum)
{
    std::string out;
    for (char c : text) {
        if (out.size() < maximum
            && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            out += c;
    }
    return out;
}

// Words of `text` joined into lines of at most kFoldAt octets where the words
// allow; each line after the first starts with `indent`. A word longer than
// kMaxWord is split so that no line can pass kMaxLine.
std::vector<std::string> wrap(
    std::string_view text, std::string_view first, std::string_view indent)
{
    std::vector<std::string> words;
    for (std::string_view word : split(text, ' ')) {
        while (word.size() > kMaxWord) {
            words.emplace_back(word.substr(0, kMaxWord));
            word.remove_prefix(kMaxWord);
        }
        if (!word.empty())
            words.emplace_back(word);
    }
    std::vector<std::string> lines { std::string(first) };
    bool lineHasWord = false;
    for (const std::string &word : words) {
        if (lineHasWord && lines.back().size() + 1 + word.size() > kFoldAt) {
            lines.emplace_back(indent);
            lineHasWord = false;
        }
        if (lineHasWord)
            lines.back() += ' ';
        lines.back() += word;
        lineHasWord = true;
    }
    return lines;
}

// "Name: value" folded (RFC 5322 §2.2.3) with CRLF.
std::string field(std::string_view name, std::string_view value)
{
    std::string out;
    for (const std::string &line : wrap(sanitize(value), std::string(name) + ": ", "\t"))
        out += line + "\r\n";
    return out;
}

// A paragraph of the human-readable part, wrapped, with a blank line after it.
std::string paragraph(
    std::string_view text, std::string_view indent = {}, std::string_view rest = {})
{
    std::string out;
    for (const std::string &line : wrap(text, indent, rest.empty() ? indent : rest))
        out += line + "\r\n";
    return out + "\r\n";
}

bool isValidStatus(std::string_view status)
{
    // RFC 3463 §2: class "." subject "." detail; class 2, 4 or 5, 1-3 digits each.
    const std::vector<std::string_view> parts = split(status, '.');
    if (parts.size() != 3 || parts[0].size() != 1
        || (parts[0][0] != '2' && parts[0][0] != '4' && parts[0][0] != '5'))
        return false;
    return std::all_of(parts.begin() + 1, parts.end(), [](std::string_view part) {
        return !part.empty() && part.size() <= 3
            && std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; });
    });
}

bool isValidAction(std::string_view action)
{
    // RFC 3464 §2.3.3.
    return action == "failed" || action == "delayed" || action == "delivered" || action == "relayed"
        || action == "expanded";
}

// "type; text" as Diagnostic-Code wants it (RFC 3464 §2.3.6); a local error
// without a type is marked as ours.
std::string diagnosticCode(std::string_view diagnostic)
{
    const std::string text = sanitize(diagnostic);
    const std::size_t semicolon = text.find(';');
    if (semicolon != std::string::npos && semicolon > 0 && text.find(' ') > semicolon)
        return text;
    return "X-Postwr; " + text;
}

// The diagnostic without its type, for people.
std::string diagnosticText(std::string_view diagnostic)
{
    const std::string code = diagnosticCode(diagnostic);
    return std::string(trim(std::string_view(code).substr(code.find(';') + 1)));
}

// What the sender can do about this recipient, by RFC 3463 status code.
std::string advice(const FailedRecipient &recipient)
{
    if (recipient.action == "delayed")
        return "Nothing to do yet: we keep trying.";
    if (startsWithIgnoreCase(recipient.status, "4."))
        return "Delivery kept failing with a temporary error for days, until we gave up. "
               "You can try sending the message again later.";
    if (startsWithIgnoreCase(recipient.status, "5.1."))
        return "The address looks wrong or no longer exists. Check it for typing mistakes, "
               "or ask the recipient for their current address.";
    if (recipient.status == "5.2.2")
        return "The recipient's mailbox is full. Try again later, or reach them another way.";
    if (startsWithIgnoreCase(recipient.status, "5.2.")
        || startsWithIgnoreCase(recipient.status, "5.3."))
        return "The message was refused because of its size or the recipient's mailbox. "
               "Try sending it again without large attachments.";
    if (startsWithIgnoreCase(recipient.status, "5.7."))
        return "The receiving server refused the message for security or policy reasons, "
               "for example spam filtering. The server's answer above may say more; "
               "the recipient's postmaster can help.";
    return "The server's answer above says why. If you think this is a mistake, "
           "contact the recipient another way.";
}

std::string humanReadable(const DsnInput &input)
{
    std::string text = paragraph("This is the mail system at host " + input.reportingMta + ".");
    if (input.delayWarning) {
        text += paragraph(
            "Your message has not been delivered yet to the recipients below: their mail "
            "servers are not accepting it at the moment.");
        const std::string until = input.retryUntil > 0
            ? "until " + rfc5322Date(static_cast<std::time_t>(input.retryUntil))
            : "for a few days";
        text += paragraph(
            "This is only a warning: you do not need to send the message again. We will keep "
            "trying "
            + until + ". If it still cannot be delivered by then, you will get another message.");
    } else {
        text += paragraph(
            "I'm sorry to tell you that your message could not be delivered to the recipients "
            "below. The reasons follow; the headers of your message are attached.");
    }
    for (const FailedRecipient &recipient : input.recipients) {
        std::string line = "<" + sanitize(recipient.recipient) + ">: ";
        std::string said = diagnosticText(recipient.diagnostic);
        if (said.empty())
            said = "status " + recipient.status;
        if (!recipient.remoteMta.empty())
            said = "the server " + sanitize(recipient.remoteMta) + " answered: " + said;
        line += said;
        // Continuation lines are indented: no line of a server's reply starts a line here.
        text += paragraph(line, "", "    ");
        text += paragraph(advice(recipient), "    ");
    }
    return text;
}

std::string deliveryStatus(const DsnInput &input)
{
    std::string out = field("Reporting-MTA", "dns; " + input.reportingMta);
    if (!input.queueId.empty())
        out += field("X-Postwr-Queue-ID", input.queueId);
    if (input.arrivalDate > 0)
        out += field("Arrival-Date", rfc5322Date(static_cast<std::time_t>(input.arrivalDate)));
    for (const FailedRecipient &recipient : input.recipients) {
        out += "\r\n";
        // RFC 6533 §3: the "utf-8" address type for addresses beyond ASCII.
        out += field("Final-Recipient",
            (isAscii(recipient.recipient) ? "rfc822; " : "utf-8; ") + recipient.recipient);
        out += field("Action", recipient.action);
        out += field("Status", recipient.status);
        if (!recipient.remoteMta.empty())
            out += field("Remote-MTA", "dns; " + recipient.remoteMta);
        if (!trim(recipient.diagnostic).empty())
            out += field("Diagnostic-Code", diagnosticCode(recipient.diagnostic));
        if (recipient.action == "delayed" && input.retryUntil > 0)
            out += field(
                "Will-Retry-Until", rfc5322Date(static_cast<std::time_t>(input.retryUntil)));
    }
    return out;
}

// The header section of the original, CRLF lines, each cut at kMaxLine.
std::string originalHeaders(std::string_view message)
{
    std::string out;
    for (std::string_view line : split(message, '\n')) {
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            break;
        out += std::string(line.substr(0, kMaxLine)) + "\r\n";
    }
    return out;
}

} // namespace

Result<Dsn> makeDsn(const DsnInput &input)
{
    // RFC 5321 §4.5.5 / RFC 3464 §2: a message from the null sender is itself
    // a notification; answering it could loop between two servers forever.
    if (trim(input.sender).empty())
        return Error { "the original sender is null (<>): a bounce is never bounced" };
    if (input.recipients.empty())
        return Error { "no recipients to report" };
    if (input.reportingMta.empty())
        return Error { "the reporting MTA's hostname is missing" };
    for (const FailedRecipient &recipient : input.recipients) {
        if (!isValidStatus(recipient.status))
            return Error { "invalid status code \"" + recipient.status + "\" for "
                + recipient.recipient };
        if (!isValidAction(recipient.action))
            return Error { "invalid action \"" + recipient.action + "\" for "
                + recipient.recipient };
    }

    const std::string text = humanReadable(input);
    const std::string status = deliveryStatus(input);
    const std::string headers = originalHeaders(input.originalMessage);
    const bool global = !isAscii(status) || !isAscii(headers);

    // The boundary must not occur in any part (RFC 2046 §5.1.1). "=_" cannot
    // start a line of quoted-printable text, and we check the rest.
    std::string boundary = "=_postwr_" + alphanumeric(input.boundarySeed, 40) + "_"
        + alphanumeric(input.queueId, 20);
    const auto occurs = [&](const std::string &b) {
        const std::string delimiter = "--" + b;
        return text.find(delimiter) != std::string::npos
            || status.find(delimiter) != std::string::npos
            || headers.find(delimiter) != std::string::npos;
    };
    while (occurs(boundary) && boundary.size() < 70)
        boundary += '_';
    if (occurs(boundary))
        return Error { "no MIME boundary fits the original headers" };

    const std::string host = sanitize(input.reportingMta);
    std::string message;
    message += "From: Mail Delivery System <MAILER-DAEMON@" + host + ">\r\n";
    message += field("To", "<" + input.sender + ">");
    message += field("Subject",
        input.delayWarning ? "Delayed Mail (still being retried)"
                           : "Undelivered Mail Returned to Sender");
    message += field("Date", rfc5322Date(static_cast<std::time_t>(input.now)));
    std::string id = std::to_string(input.now);
    for (const std::string &part :
        { alphanumeric(input.queueId, 40), alphanumeric(input.boundarySeed, 40) }) {
        if (!part.empty())
            id += "." + part;
    }
    message += field("Message-ID", "<" + id + "@" + host + ">");
    // RFC 3834 §5: marks the DSN as automatic, so auto-responders leave it alone.
    message += "Auto-Submitted: auto-replied\r\n";
    message += "MIME-Version: 1.0\r\n";
    message += "Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\""
        + boundary + "\"\r\n";
    message += "\r\nThis is a MIME-encapsulated message.\r\n\r\n";

    message += "--" + boundary + "\r\n";
    message += "Content-Description: Notification\r\n";
    message += "Content-Type: text/plain; charset=utf-8\r\n";
    message += std::string("Content-Transfer-Encoding: ") + (isAscii(text) ? "7bit" : "8bit")
        + "\r\n\r\n";
    message += text;

    message += "\r\n--" + boundary + "\r\n";
    message += "Content-Description: Delivery report\r\n";
    message += global
        ? "Content-Type: message/global-delivery-status\r\nContent-Transfer-Encoding: 8bit\r\n"
        : "Content-Type: message/delivery-status\r\n";
    message += "\r\n" + status;

    message += "\r\n--" + boundary + "\r\n";
    message += "Content-Description: Undelivered message headers\r\n";
    message += global
        ? "Content-Type: message/global-headers\r\nContent-Transfer-Encoding: 8bit\r\n"
        : "Content-Type: text/rfc822-headers\r\n";
    message += "\r\n" + headers;
    message += "\r\n--" + boundary + "--\r\n";

    return Dsn { "", input.sender, std::move(message) };
}

bool isAutomatedMessage(std::string_view message)
{
    const std::vector<HeaderField> fields = parseHeaderSection(message);
    for (const std::string &value : headerValues(fields, "Auto-Submitted")) {
        // RFC 3834 §5.1: the keyword comes first, parameters after ';'.
        const std::string_view keyword
            = trim(std::string_view(value).substr(0, value.find_first_of(";( \t")));
        if (!equalsIgnoreCase(keyword, "no"))
            return true;
    }
    for (const std::string &value : headerValues(fields, "Content-Type")) {
        if (startsWithIgnoreCase(trim(value), "multipart/report"))
            return true;
    }
    return false;
}

std::size_t countReceivedHeaders(std::string_view message)
{
    return headerValues(parseHeaderSection(message), "Received").size();
}

} // namespace postwr::mail
