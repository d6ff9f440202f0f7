#include "mail/dkim_canon.h"

#include "mail/text.h"

namespace postwr::mail {

namespace {

constexpr std::string_view crlf = "\r\n";

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

// The line starting at `pos`, with its CRLF; the rest of the text when no
// CRLF follows.
std::string_view lineAt(std::string_view text, std::size_t pos)
{
    const std::size_t end = text.find(crlf, pos);
    return end == std::string_view::npos ? text.substr(pos) : text.substr(pos, end + 2 - pos);
}

std::string_view withoutCrlf(std::string_view line)
{
    if (line.size() >= 2 && line.substr(line.size() - 2) == crlf)
        line.remove_suffix(2);
    return line;
}

} // namespace

RawMessage splitMessage(std::string_view message)
{
    RawMessage result;
    std::size_t pos = 0;
    // Where the current field started, or npos while there is none.
    std::size_t fieldStart = std::string_view::npos;
    std::size_t nameEnd = 0;
    auto finishField = [&](std::size_t end) {
        if (fieldStart != std::string_view::npos)
            result.fields.push_back({ message.substr(fieldStart, nameEnd - fieldStart),
                message.substr(fieldStart, end - fieldStart) });
        fieldStart = std::string_view::npos;
    };
    while (pos < message.size()) {
        const std::string_view line = lineAt(message, pos);
        if (line == crlf) {
            finishField(pos);
            result.body = message.substr(pos + 2);
            return result;
        }
        if (isWsp(line.front())) {
            // A continuation line (RFC 5322 §2.2.3) belongs to the field above.
            pos += line.size();
            continue;
        }
        finishField(pos);
        const std::size_t colon = line.find(':');
        if (colon != std::string_view::npos && colon > 0) {
            fieldStart = pos;
            nameEnd = pos + colon;
        }
        pos += line.size();
    }
    finishField(message.size());
    return result; // no empty line: no body
}

std::string canonicalizeHeader(std::string_view rawField, DkimCanonicalization canonicalization)
{
    if (canonicalization == DkimCanonicalization::Simple) {
        // §3.4.1: not changed in any way.
        std::string out(rawField);
        if (withoutCrlf(rawField).size() == rawField.size())
            out += crlf;
        return out;
    }
    // §3.4.2. Unfolding removes only the CRLFs: the WSP after them stays and
    // is then merged with its neighbours.
    std::string unfolded;
    unfolded.reserve(rawField.size());
    for (std::size_t i = 0; i < rawField.size(); ++i) {
        if (rawField.compare(i, 2, crlf) == 0) {
            ++i;
            continue;
        }
        unfolded += rawField[i];
    }
    const std::size_t colon = unfolded.find(':');
    std::string_view name = std::string_view(unfolded).substr(0, colon);
    std::string_view value = colon == std::string::npos
        ? std::string_view()
        : std::string_view(unfolded).substr(colon + 1);
    while (!name.empty() && isWsp(name.back()))
        name.remove_suffix(1);
    while (!value.empty() && isWsp(value.front()))
        value.remove_prefix(1);
    while (!value.empty() && isWsp(value.back()))
        value.remove_suffix(1);

    std::string out = toLowerAscii(name);
    out += ':';
    bool inWsp = false;
    for (const char c : value) {
        if (isWsp(c)) {
            inWsp = true;
            continue;
        }
        if (inWsp)
            out += ' ';
        inWsp = false;
        out += c;
    }
    out += crlf;
    return out;
}

std::string canonicalizeBody(std::string_view body, DkimCanonicalization canonicalization)
{
    const bool relaxed = canonicalization == DkimCanonicalization::Relaxed;
    std::string out;
    out.reserve(body.size() + 2);
    // Empty lines are held back until a non-empty line follows, so that the
    // ones at the end of the body are dropped (§3.4.3, §3.4.4 "Ignore all
    // empty lines at the end of the message body").
    std::size_t pendingEmptyLines = 0;
    std::size_t pos = 0;
    while (pos < body.size()) {
        const std::string_view line = lineAt(body, pos);
        pos += line.size();
        std::string_view content = withoutCrlf(line);
        std::string canonical;
        if (relaxed) {
            while (!content.empty() && isWsp(content.back()))
                content.remove_suffix(1);
            bool inWsp = false;
            for (const char c : content) {
                if (isWsp(c)) {
                    inWsp = true;
                    continue;
                }
                if (inWsp)
                    canonical += ' ';
                inWsp = false;
                canonical += c;
            }
        } else {
            canonical = content;
        }
        if (canonical.empty()) {
            ++pendingEmptyLines;
            continue;
        }
        for (; pendingEmptyLines > 0; --pendingEmptyLines)
            out += crlf;
        out += canonical;
        // A last line without CRLF gets one: the canonical body is a series
        // of CRLF-terminated lines.
        out += crlf;
    }
    if (out.empty() && !relaxed)
        return std::string(crlf); // §3.4.3: an empty body is one CRLF
    return out;
}

} // namespace postwr::mail
