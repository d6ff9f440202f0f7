#include "mail/users.h"

#include "mail/text.h"

#include <algorithm>

namespace postwr::mail {

namespace {

std::string describeByte(unsigned char c)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    if (c < 0x20 || c == 0x7F)
        return std::string("the control character 0x") + hex[c >> 4] + hex[c & 0xF];
    return std::string("'") + static_cast<char>(c) + "'";
}

} // namespace

const UserEntry *UserDb::find(std::string_view localPart) const
{
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const UserEntry &e) { return equalsIgnoreCase(e.localPart, localPart); });
    return it == m_entries.end() ? nullptr : &*it;
}

bool UserDb::add(UserEntry entry)
{
    if (find(entry.localPart))
        return false;
    entry.localPart = toLowerAscii(entry.localPart);
    m_entries.push_back(std::move(entry));
    return true;
}

bool UserDb::remove(std::string_view localPart)
{
    const auto removed = std::erase_if(m_entries,
                                       [&](const UserEntry &e) { return equalsIgnoreCase(e.localPart, localPart); });
    return removed > 0;
}

Result<std::string> validateLocalPart(std::string_view localPart)
{
    if (localPart.empty())
        return Error{"the user name is empty", 0, 1};
    // RFC 5321 §4.5.3.1.1: the maximum length of a local part is 64 octets.
    if (localPart.size() > 64)
        return Error{"the user name is longer than 64 bytes", 0, 1};
    for (std::size_t i = 0; i < localPart.size(); ++i) {
        const auto c = static_cast<unsigned char>(localPart[i]);
        const bool control = c < 0x20 || c == 0x7F;
        if (control || c == ' ' || std::string_view("@%!\":,").find(static_cast<char>(c)) != std::string_view::npos) {
            return Error{"the user name must not contain " + (c == ' ' ? std::string("spaces") : describeByte(c)),
                         0, columnAt(localPart, i)};
        }
    }
    return toLowerAscii(localPart);
}

Parsed<UserDb> parseUsers(std::string_view text)
{
    Parsed<UserDb> out;
    std::vector<int> lineOf; // the line of each entry, for duplicate reports
    for (const TextLine &line : splitLines(text)) {
        const std::string_view content = trim(line.text);
        if (content.empty() || content.front() == '#')
            continue;
        const std::size_t start = static_cast<std::size_t>(content.data() - line.text.data());
        const auto columnOf = [&](std::string_view part) {
            return columnAt(line.text, static_cast<std::size_t>(part.data() - line.text.data()));
        };

        const std::size_t nameEnd = std::min(content.find_first_of(" \t"), content.size());
        const std::string_view name = content.substr(0, nameEnd);
        const std::string_view afterName = trim(content.substr(nameEnd));
        const std::size_t hashEnd = std::min(afterName.find_first_of(" \t"), afterName.size());
        const std::string_view hash = afterName.substr(0, hashEnd);
        const std::string_view extra = trim(afterName.substr(hashEnd));

        const Result<std::string> localPart = validateLocalPart(name);
        if (!localPart) {
            const Error &e = localPart.error();
            out.errors.push_back({e.message, line.number, columnAt(line.text, start) + e.column - 1});
            continue;
        }
        if (hash.empty()) {
            out.errors.push_back({"`" + *localPart + "` has no password hash after its name", line.number,
                                  columnAt(line.text, start + content.size())});
            continue;
        }
        if (!hash.starts_with('$')) {
            out.errors.push_back({"the password hash must start with '$'; this file holds hashes, never "
                                  "passwords in clear",
                                  line.number, columnOf(hash)});
            continue;
        }
        if (!extra.empty()) {
            out.errors.push_back({"unexpected text after the password hash", line.number, columnOf(extra)});
            continue;
        }
        if (const UserEntry *existing = out.value.find(*localPart)) {
            const auto index = static_cast<std::size_t>(existing - out.value.entries().data());
            out.errors.push_back({"user `" + *localPart + "` is already defined on line " +
                                      std::to_string(lineOf[index]),
                                  line.number, columnAt(line.text, start)});
            continue;
        }
        out.value.add({*localPart, std::string(hash)});
        lineOf.push_back(line.number);
    }
    return out;
}

std::string serializeUsers(const UserDb &db)
{
    std::string out =
        "# The accounts of this domain, one per line: the user name (the part of\n"
        "# the address before '@'), blanks, and the password's hash, which starts\n"
        "# with '$'; this file never holds a password in clear. Lines starting\n"
        "# with '#' are comments.\n";
    for (const UserEntry &entry : db.entries())
        out += entry.localPart + " " + entry.passwordHash + "\n";
    return out;
}

} // namespace postwr::mail
