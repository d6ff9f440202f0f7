// The INI syntax of postwrd.conf, and the pieces every line-based format of
// ours (config, users, aliases) shares: the Parsed<T> result that keeps all
// problems, line splitting and column counting.
//
// Syntax, one construct per line:
//
//   # a comment            a line whose first non-blank character is '#' or ';'
//   key = value            the key and the value are trimmed of blanks; the
//                          value may be empty and may contain '=', '#' and ';'
//                          (a comment is only ever a whole line)
//   [section]              starts a section; keys before the first header
//   [section argument]     belong to the unnamed top-level section. The
//                          argument is everything after the first blank, e.g.
//                          [domain example.com]
//
// Blank lines are ignored, LF and CRLF line ends are accepted, a UTF-8 byte
// order mark at the start is skipped, and UTF-8 is allowed anywhere. Errors:
// a line that is neither of the above (no '='), an empty key, a '[' without
// its ']' or with text after it, an empty section name, the same section
// header twice, and the same key twice in one section.
#pragma once

#include "mail/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

// A parse that goes on after a problem, so `postwrd config check` can print
// every problem at once. `value` holds whatever was valid.
template <typename T>
struct Parsed {
    T value;
    std::vector<Error> errors;
    bool ok() const { return errors.empty(); }
};

struct IniEntry {
    std::string key;
    std::string value;
    int line = 0;
    int keyColumn = 0;
    // Where the value starts (or would start, when it is empty), so that the
    // layer that understands the value can point at it.
    int valueColumn = 0;
};

struct IniSection {
    std::string name;     // "" for the top-level section
    std::string argument; // "example.com" in [domain example.com]
    int line = 0;         // of the header; 0 for the top-level section
    std::vector<IniEntry> entries;
};

struct IniDocument {
    // The top-level section always comes first, even when empty; then the
    // sections in file order.
    std::vector<IniSection> sections;
};

Parsed<IniDocument> parseIni(std::string_view text);

// One line of a text file, without its line end.
struct TextLine {
    std::string_view text;
    int number = 0; // 1-based
};

// Splits at LF, dropping a CR before it and a UTF-8 byte order mark at the
// start. A final line end does not start another line.
std::vector<TextLine> splitLines(std::string_view text);

// The 1-based column of the byte at `offset` in `line`, counting UTF-8 code
// points rather than bytes, as editors do.
int columnAt(std::string_view line, std::size_t offset);

} // namespace postwr::mail
