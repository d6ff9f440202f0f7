// SMTP replies (RFC 5321 §4.2) as the client reads them: a three-digit code,
// the text of one or more lines, and the enhanced status code of RFC 3463
// (RFC 2034) when the server gives one.
//
// The wire format, as this parser accepts it:
//
//     reply  = *( code "-" text CRLF ) code [ " " text ] CRLF
//     code   = %x32-35 %x30-35 DIGIT     ; 2yz .. 5yz, x0 .. x5 (§4.2.1)
//     text   = the rest of the line; if it starts with an enhanced status
//              code "c.sss.ddd" (c = the code's first digit) followed by a
//              space or the end, that code is taken out of the text
//
// Every line of one reply carries the same code (§4.2.1). A lone LF is taken
// as a line end too (some servers send it; no message boundary depends on
// it here), but a CR or NUL inside a line is refused: reply text ends up in
// logs and in bounce messages (DSN Diagnostic-Code), where a stray CR could
// forge a line. Lines are limited to 2000 octets (four times the 512 of
// §4.5.3.1.5, for the servers that exceed it) and a reply to 256 lines, so a
// hostile server cannot make us buffer without bound.
#pragma once

#include "mail/result.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct Reply {
    int code = 0;
    std::string enhanced;           // "5.1.1", or "" when the server gave none
    std::vector<std::string> lines; // the text of each line, without code and enhanced code

    // A reply we make up ourselves, for local errors and lost connections.
    static Reply synthetic(int code, std::string enhanced, std::string text);

    std::string text() const; // the non-empty lines joined by ' '
    bool positive() const { return code >= 200 && code < 300; }     // 2yz: done
    bool intermediate() const { return code >= 300 && code < 400; } // 3yz: go on (354, 334)
    bool transient() const { return code >= 400 && code < 500; }    // 4yz: try again later
    bool permanent() const { return code >= 500 && code < 600; }    // 5yz: do not retry
    // "550 5.1.1 text" (or "550 text"), for logs and DSNs.
    std::string toString() const;
};

class ReplyParser {
public:
    void receive(std::string_view bytes);
    // The next whole reply; nothing when more bytes are needed. An Error
    // stands for one malformed line (the partial reply it was part of is
    // dropped); the parser goes on with the line after it.
    std::optional<Result<Reply>> next();
    // Forgets every byte received and not yet returned as a reply.
    void clear();
    // Bytes received that are not part of a returned reply yet.
    bool hasPendingInput() const { return m_start < m_input.size() || !m_partial.lines.empty(); }

    static constexpr std::size_t maxLineLength = 2000;
    static constexpr std::size_t maxLines = 256;

private:
    Error fail(std::string message);

    std::string m_input;
    std::size_t m_start = 0; // m_input before this offset is consumed
    bool m_discardingLongLine = false;
    Reply m_partial; // the lines so far of a multi-line reply
};

} // namespace postwr::mail
