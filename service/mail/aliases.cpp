#include "mail/aliases.h"

#include "mail/text.h"
#include "mail/users.h"

#include <algorithm>

namespace postwr::mail {

namespace {

// One trimmed item of a right side, completed to "local@domain".
Result<std::string> parseTargetAddress(std::string_view item, std::string_view domain)
{
    if (item.find(" via ") != std::string_view::npos)
        return Error{"forwarding through chosen servers (`via`) is not supported; remove the `via` part"};
    if (item.find_first_of(" \t") != std::string_view::npos)
        return Error{"`" + std::string(item) + "` is not an address: addresses are separated by commas"};
    const std::size_t at = item.rfind('@');
    if (at == std::string_view::npos)
        return std::string(item) + "@" + toLowerAscii(domain);
    if (at == 0 || at + 1 == item.size())
        return Error{"`" + std::string(item) + "` is not a complete address (local@domain)"};
    return std::string(item.substr(0, at + 1)) + toLowerAscii(item.substr(at + 1));
}

} // namespace

Parsed<AliasFile> parseAliases(std::string_view text, std::string_view domain)
{
    Parsed<AliasFile> out;
    for (const TextLine &line : splitLines(text)) {
        const std::string_view content = trim(line.text);
        if (content.empty() || content.front() == '#')
            continue;
        const auto columnOf = [&](std::string_view part) {
            return columnAt(line.text, static_cast<std::size_t>(part.data() - line.text.data()));
        };
        const auto fail = [&](std::string message, std::string_view where) {
            out.errors.push_back({std::move(message), line.number, columnOf(where)});
        };

        const std::size_t colon = content.find(':');
        if (colon == std::string_view::npos) {
            fail("expected `user: address, ...` or `user: | command`, but there is no ':'", content);
            continue;
        }
        const std::string_view left = trim(content.substr(0, colon));
        const std::string_view right = trim(content.substr(colon + 1));
        if (left.empty()) {
            fail("missing the user name before ':'", content);
            continue;
        }
        if (right.empty()) {
            fail("missing the addresses after ':'", content.substr(colon));
            continue;
        }

        std::string key = "*";
        if (left != "*") {
            if (left.find('@') != std::string_view::npos) {
                fail("the left side is a user name without '@': the domain is the file's", left);
                continue;
            }
            Result<std::string> localPart = validateLocalPart(left);
            if (!localPart) {
                out.errors.push_back({localPart.error().message, line.number,
                                      columnOf(left) + localPart.error().column - 1});
                continue;
            }
            key = std::move(localPart).value();
        }

        std::vector<AliasTarget> targets;
        bool failed = false;
        if (right.front() == '|') {
            const std::string_view command = trim(right.substr(1));
            if (command.empty()) {
                fail("the pipe alias is missing its command", right);
                continue;
            }
            targets.push_back({AliasTarget::Kind::Pipe, std::string(command), line.number});
        } else {
            for (const std::string_view raw : split(right, ',')) {
                const std::string_view item = trim(raw);
                if (item.empty())
                    continue;
                Result<std::string> address = parseTargetAddress(item, domain);
                if (!address) {
                    fail(address.error().message, item);
                    failed = true;
                    continue;
                }
                targets.push_back({AliasTarget::Kind::Address, std::move(address).value(), line.number});
            }
            if (targets.empty() && !failed) {
                fail("missing the addresses after ':'", content.substr(colon));
                continue;
            }
        }
        if (!failed)
            out.value.entries[key] = std::move(targets);
    }
    return out;
}

} // namespace postwr::mail
