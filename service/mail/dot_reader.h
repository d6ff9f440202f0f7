// Reads the content of an SMTP DATA command (RFC 5321 §4.1.1.4, §4.5.2),
// incrementally, from whatever chunks the network delivers.
//
// Why this is strict: the end of the data is CRLF "." CRLF and nothing else.
// Servers that also accept LF "." LF, or a bare CR, disagree with other
// servers about where a message ends, and an attacker can hide a second,
// forged message inside the first one ("SMTP smuggling", CVE-2023-51764/5/6).
// So a bare LF or bare CR anywhere in the data is never a line end here: it
// is remembered as a problem, the reader goes on to the real end marker, and
// the whole message is refused. Only CRLF "." CRLF ends it.
//
// Dot-stuffing: a line that starts with "." has that first "." removed
// (§4.5.2). Lines longer than 998 octets plus CRLF (§4.5.3.1.6) and messages
// larger than the configured maximum are consumed to the end and refused, and
// their content is dropped as soon as the problem is seen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace postwr::mail {

class DotReader {
public:
    enum class Problem { None, BareLineFeed, BareCarriageReturn, LineTooLong, MessageTooBig };

    explicit DotReader(std::uint64_t maxMessageSize);

    // Consumes bytes up to and including the end marker; returns how many
    // were consumed (less than input.size() only when the end was found).
    std::size_t feed(std::string_view input);

    bool finished() const { return m_state == State::Finished; }
    // The first problem seen, if any.
    Problem problem() const { return m_problem; }
    // The unstuffed message with CRLF line ends, without the end marker.
    std::string takeMessage() { return std::move(m_message); }
    std::uint64_t size() const { return m_size; }

    static constexpr std::size_t maxLineLength = 998;

private:
    enum class State { LineStart, Dot, DotCr, Text, Cr, Finished };

    void append(char c);
    void endLine();
    void flag(Problem problem);

    State m_state = State::LineStart;
    Problem m_problem = Problem::None;
    std::uint64_t m_maxSize;
    std::uint64_t m_size = 0;
    std::size_t m_lineLength = 0;
    std::string m_message;
};

} // namespace postwr::mail
