#include "mail/smtp_reply.h"

#include <algorithm>
#include <utility>

namespace postwr::mail {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "5.1.1" at the start of `text`, followed by a space or the end, whose class
// is `codeClass` (RFC 3463 §2: class "." subject "." detail, subject and
// detail of 1 to 3 digits; RFC 2034 §4: the class matches the reply code).
std::size_t enhancedCodeLength(std::string_view text, char codeClass)
{
    if (text.size() < 5 || text[0] != codeClass || text[1] != '.')
        return 0;
    std::size_t i = 2;
    for (int part = 0; part < 2; ++part) {
        const std::size_t begin = i;
        while (i < text.size() && isDigit(text[i]) && i - begin < 4)
            ++i;
        if (i == begin || i - begin > 3)
            return 0;
        if (part == 0) {
            if (i >= text.size() || text[i] != '.')
                return 0;
            ++i;
        }
    }
    return i == text.size() || text[i] == ' ' ? i : 0;
}

// A short, printable excerpt of a bad line for the error message.
std::string excerpt(std::string_view line)
{
    constexpr std::size_t maxExcerpt = 60;
    std::string out;
    for (char c : line.substr(0, maxExcerpt)) {
        const auto u = static_cast<unsigned char>(c);
        out += (u >= 0x20 && u < 0x7f) ? c : '?';
    }
    if (line.size() > maxExcerpt)
        out += "...";
    return '"' + out + '"';
}

} // namespace

Reply Reply::synthetic(int code, std::string enhanced, std::string text)
{
    Reply reply;
    reply.code = code;
    reply.enhanced = std::move(enhanced);
    reply.lines.push_back(std::move(text));
    return reply;
}

std::string Reply::text() const
{
    std::string out;
    for (const std::string &line : lines) {
        if (line.empty())
            continue;
        if (!out.empty())
            out += ' ';
        out += line;
    }
    return out;
}

std::string Reply::toString() const
{
    std::string out = std::to_string(code);
    if (!enhanced.empty())
        out += ' ' + enhanced;
    if (std::string joined = text(); !joined.empty())
        out += ' ' + joined;
    return out;
}

void ReplyParser::receive(std::string_view bytes)
{
    // Drop what was consumed before growing, so the buffer holds at most
    // one reply's worth of unread lines plus this chunk.
    if (m_start > 0) {
        m_input.erase(0, m_start);
        m_start = 0;
    }
    m_input.append(bytes);
}

void ReplyParser::clear()
{
    m_input.clear();
    m_start = 0;
    m_discardingLongLine = false;
    m_partial = {};
}

Error ReplyParser::fail(std::string message)
{
    m_partial = {};
    return Error{std::move(message)};
}

std::optional<Result<Reply>> ReplyParser::next()
{
    for (;;) {
        const std::size_t newline = m_input.find('\n', m_start);
        if (newline == std::string::npos) {
            if (m_input.size() - m_start > maxLineLength + 1) { // + 1: room for the CR
                const std::string start = excerpt(std::string_view(m_input).substr(m_start));
                m_input.clear();
                m_start = 0;
                if (!m_discardingLongLine) {
                    m_discardingLongLine = true;
                    return fail("reply line longer than " + std::to_string(maxLineLength) + " octets: " + start);
                }
            }
            return std::nullopt;
        }
        std::string_view line = std::string_view(m_input).substr(m_start, newline - m_start);
        m_start = newline + 1;
        if (m_discardingLongLine) { // the end of a line already reported
            m_discardingLongLine = false;
            continue;
        }
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.size() > maxLineLength)
            return fail("reply line longer than " + std::to_string(maxLineLength) + " octets: " + excerpt(line));
        if (line.find_first_of(std::string_view("\r\0", 2)) != std::string_view::npos)
            return fail("bare CR or NUL in reply line " + excerpt(line));
        // RFC 5321 §4.2.1: the first digit is 2 to 5, the second 0 to 5.
        if (line.size() < 3 || line[0] < '2' || line[0] > '5' || line[1] < '0' || line[1] > '5' || !isDigit(line[2])
            || (line.size() > 3 && line[3] != ' ' && line[3] != '-'))
            return fail("no reply code in " + excerpt(line));
        const int code = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
        if (!m_partial.lines.empty() && code != m_partial.code)
            return fail("reply code " + std::to_string(code) + " inside a multi-line " + std::to_string(m_partial.code)
                        + " reply");
        if (m_partial.lines.size() >= maxLines)
            return fail("reply longer than " + std::to_string(maxLines) + " lines");
        const bool last = line.size() == 3 || line[3] == ' ';
        std::string_view text = line.size() > 4 ? line.substr(4) : std::string_view{};

        if (m_partial.lines.empty()) {
            m_partial.code = code;
            if (const std::size_t length = enhancedCodeLength(text, line[0]))
                m_partial.enhanced = std::string(text.substr(0, length));
        }
        // RFC 2034 §4: every line of a multi-line reply repeats the code.
        const std::string &enhanced = m_partial.enhanced;
        if (!enhanced.empty() && text.substr(0, enhanced.size()) == enhanced
            && (text.size() == enhanced.size() || text[enhanced.size()] == ' '))
            text.remove_prefix(std::min(text.size(), enhanced.size() + 1));
        m_partial.lines.emplace_back(text);
        if (last)
            return Result<Reply>(std::exchange(m_partial, Reply{}));
    }
}

} // namespace postwr::mail
