// DKIM canonicalization (RFC 6376 §3.4): the "simple" and "relaxed" forms of
// header fields and of the body, which are what a DKIM signature covers.
//
// Input is a message as it travels in SMTP: lines end with CRLF. A bare LF or
// CR is not a line end here (postwrd refuses them in DATA; see dot_reader.h),
// it is an ordinary octet of its line. 8-bit octets (UTF-8) pass through
// unchanged: canonicalization works on octets, never on characters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

enum class DkimCanonicalization { Simple, Relaxed };

// One header field exactly as written, continuation lines included.
struct RawHeaderField {
    std::string_view name; // as written, before the colon
    std::string_view raw; // the whole field with its final CRLF (when it has one)
};

struct RawMessage {
    std::vector<RawHeaderField> fields; // in message order
    std::string_view body; // everything after the empty line
};

// Splits a message at the first empty line (RFC 5322 §2.1). A line of the
// header section that is neither a field nor a continuation is left out.
RawMessage splitMessage(std::string_view message);

// One header field in canonical form, ending with CRLF (RFC 6376 §3.4.1,
// §3.4.2). Relaxed: the name in lower case, continuation lines unfolded, runs
// of spaces and tabs made one space, none at the end of the value nor around
// the colon.
std::string canonicalizeHeader(std::string_view rawField, DkimCanonicalization canonicalization);

// The body in canonical form (RFC 6376 §3.4.3, §3.4.4). Both forms remove the
// empty lines at the end of the body; simple makes an empty body one CRLF,
// relaxed keeps it empty (errata 1384), and also drops spaces and tabs at the
// ends of lines and makes runs of them one space.
std::string canonicalizeBody(std::string_view body, DkimCanonicalization canonicalization);

} // namespace postwr::mail
