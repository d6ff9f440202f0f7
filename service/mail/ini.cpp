#include "mail/ini.h"

#include "mail/text.h"

#include <algorithm>

namespace postwr::mail {

std::vector<TextLine> splitLines(std::string_view text)
{
    constexpr std::string_view bom = "\xEF\xBB\xBF";
    if (text.starts_with(bom))
        text.remove_prefix(bom.size());

    std::vector<TextLine> lines;
    int number = 1;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        lines.push_back({line, number++});
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

int columnAt(std::string_view line, std::size_t offset)
{
    offset = std::min(offset, line.size());
    // UTF-8 continuation bytes are 10xxxxxx; every other byte starts a code point.
    const auto starts = std::count_if(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(offset),
                                      [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    return static_cast<int>(starts) + 1;
}

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

// Offset of the first non-blank byte of `line`.
std::size_t indentOf(std::string_view line)
{
    std::size_t i = 0;
    while (i < line.size() && isBlank(line[i]))
        ++i;
    return i;
}

void parseHeader(const TextLine &line, std::size_t open, Parsed<IniDocument> &out)
{
    const std::string_view text = line.text;
    const std::size_t close = text.find(']', open);
    if (close == std::string_view::npos) {
        out.errors.push_back({"section header is missing its closing ']'", line.number, columnAt(text, open)});
        return;
    }
    const std::string_view after = trim(text.substr(close + 1));
    if (!after.empty()) {
        out.errors.push_back({"unexpected text after the section header", line.number,
                              columnAt(text, static_cast<std::size_t>(after.data() - text.data()))});
        return;
    }
    const std::string_view inside = trim(text.substr(open + 1, close - open - 1));
    if (inside.empty()) {
        out.errors.push_back({"section header has no name", line.number, columnAt(text, open)});
        return;
    }
    const std::size_t blank = std::min(inside.find(' '), inside.find('\t'));
    IniSection section;
    section.name = std::string(inside.substr(0, blank));
    section.argument = blank == std::string_view::npos ? std::string() : std::string(trim(inside.substr(blank)));
    section.line = line.number;

    for (const IniSection &existing : out.value.sections) {
        if (existing.line > 0 && existing.name == section.name && existing.argument == section.argument) {
            out.errors.push_back({"section [" + std::string(inside) + "] already appeared on line " +
                                      std::to_string(existing.line),
                                  line.number, columnAt(text, open)});
            break;
        }
    }
    // Kept even when duplicated, so that its keys are not reported as
    // belonging to the previous section.
    out.value.sections.push_back(std::move(section));
}

void parseEntry(const TextLine &line, std::size_t start, Parsed<IniDocument> &out)
{
    const std::string_view text = line.text;
    const std::size_t equals = text.find('=', start);
    if (equals == std::string_view::npos) {
        out.errors.push_back({"expected `key = value`, a [section] header or a comment", line.number,
                              columnAt(text, start)});
        return;
    }
    const std::string_view key = trim(text.substr(start, equals - start));
    if (key.empty()) {
        out.errors.push_back({"missing key before '='", line.number, columnAt(text, equals)});
        return;
    }
    std::size_t valueStart = equals + 1;
    while (valueStart < text.size() && isBlank(text[valueStart]))
        ++valueStart;

    IniSection &section = out.value.sections.back();
    for (const IniEntry &existing : section.entries) {
        if (existing.key == key) {
            out.errors.push_back({"`" + std::string(key) + "` is already set on line " +
                                      std::to_string(existing.line),
                                  line.number, columnAt(text, start)});
            return;
        }
    }
    section.entries.push_back({std::string(key), std::string(trim(text.substr(valueStart))), line.number,
                               columnAt(text, start), columnAt(text, valueStart)});
}

} // namespace

Parsed<IniDocument> parseIni(std::string_view text)
{
    Parsed<IniDocument> out;
    out.value.sections.emplace_back();
    for (const TextLine &line : splitLines(text)) {
        const std::size_t start = indentOf(line.text);
        if (start == line.text.size() || line.text[start] == '#' || line.text[start] == ';')
            continue;
        if (line.text[start] == '[')
            parseHeader(line, start, out);
        else
            parseEntry(line, start, out);
    }
    return out;
}

} // namespace postwr::mail
