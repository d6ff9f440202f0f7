#include "mail/headers.h"

#include "mail/text.h"

namespace postwr::mail {

std::vector<HeaderField> parseHeaderSection(std::string_view message)
{
    std::vector<HeaderField> fields;
    std::size_t pos = 0;
    while (pos < message.size()) {
        std::size_t end = message.find('\n', pos);
        if (end == std::string_view::npos)
            end = message.size();
        std::string_view line = message.substr(pos, end - pos);
        pos = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.empty())
            break;
        if ((line.front() == ' ' || line.front() == '\t') && !fields.empty()) {
            // A field may fold right after its colon ("From:" CRLF " <a@b>"),
            // so the first text can come from a continuation line.
            std::string &value = fields.back().value;
            const std::string_view more = trim(line);
            if (!value.empty() && !more.empty())
                value += ' ';
            value += more;
            continue;
        }
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos || colon == 0)
            continue; // Not a field: nothing to learn from it.
        fields.push_back({std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1)))});
    }
    return fields;
}

std::vector<std::string> headerValues(const std::vector<HeaderField> &fields, std::string_view name)
{
    std::vector<std::string> values;
    for (const HeaderField &field : fields) {
        if (equalsIgnoreCase(field.name, name))
            values.push_back(field.value);
    }
    return values;
}

namespace {

// Removes comments (nested parentheses) and quoted display names, keeping
// what is inside angle brackets untouched.
std::string stripCommentsAndQuotes(std::string_view value)
{
    std::string out;
    int depth = 0;
    bool quoted = false;
    bool angle = false;
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        if (c == '\\' && (quoted || depth > 0)) {
            ++i;
            continue;
        }
        if (angle) {
            out += c;
            angle = c != '>';
        } else if (quoted) {
            quoted = c != '"';
        } else if (depth > 0) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        } else if (c == '(') {
            depth = 1;
        } else if (c == '"') {
            quoted = true;
        } else {
            out += c;
            angle = c == '<';
        }
    }
    return out;
}

} // namespace

Result<std::vector<Address>> parseAddressList(std::string_view value)
{
    const std::string plain = stripCommentsAndQuotes(value);
    std::vector<Address> addresses;
    for (std::string_view item : split(plain, ',')) {
        item = trim(item);
        if (item.empty())
            continue;
        const std::size_t open = item.find('<');
        if (open != std::string_view::npos) {
            const std::size_t close = item.find('>', open);
            if (close == std::string_view::npos)
                return Error{"unbalanced '<' in address list"};
            item = trim(item.substr(open + 1, close - open - 1));
        } else if (const std::size_t colon = item.find(':'); colon != std::string_view::npos) {
            item = trim(item.substr(colon + 1)); // RFC 5322 group: "name: a@b;"
        }
        while (!item.empty() && item.back() == ';')
            item.remove_suffix(1);
        if (item.empty())
            continue;
        Result<Address> address = parseAddress(item);
        if (!address)
            return Error{"bad address '" + std::string(item) + "': " + address.error().message};
        addresses.push_back(*address);
    }
    if (addresses.empty())
        return Error{"no address"};
    return addresses;
}

} // namespace postwr::mail
