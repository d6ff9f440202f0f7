// The files an operator (or the wizard) writes on the server: postwrd.conf
// (mail/config.h over mail/ini.h), a domain's users and aliases files
// (mail/users.h, mail/aliases.h), and the recipient resolution that follows
// from them (mail/directory.h).
//
// Input: one text, read as each of the formats in turn; it is also the
// users file and the aliases file of example.test, under the address
// settings the config gave.
//
// Invariants besides "no crash, no leak, no UB":
// - every error points at a line of the text;
// - the accounts read, written back with serializeUsers, read back the same
//   and without an error;
// - alias keys and targets are lower case where the format says so;
// - resolving any alias or user ends (no loop), and gives no duplicate.
#include "fuzz_input.h"

#include "mail/aliases.h"
#include "mail/config.h"
#include "mail/directory.h"
#include "mail/ini.h"
#include "mail/users.h"

#include <algorithm>
#include <set>
#include <string>

using namespace postwr::mail;
using postwr::fuzz::require;

namespace {

template <typename T>
void checkLines(const Parsed<T> &parsed, std::string_view text)
{
    const int lines = static_cast<int>(splitLines(text).size());
    for (const Error &error : parsed.errors) {
        require(!error.message.empty(), "an error says what is wrong");
        require(error.line >= 0 && error.line <= lines + 1, "an error points into the text");
    }
}

bool hasUpperCase(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);

    const Parsed<IniDocument> ini = parseIni(text);
    checkLines(ini, text);
    require(!ini.value.sections.empty() && ini.value.sections.front().name.empty(), "the top-level section comes first");

    const Parsed<Config> config = parseConfig(text, "/etc/postwr");
    checkLines(config, text);
    for (const ListenAddress &address : config.value.smtp)
        require(!address.toString().empty(), "a listen address can be written");

    Parsed<UserDb> users = parseUsers(text);
    checkLines(users, text);
    const Parsed<UserDb> again = parseUsers(serializeUsers(users.value));
    require(again.ok(), "written accounts read back without an error");
    require(again.value == users.value, "written accounts read back the same");

    Parsed<AliasFile> aliases = parseAliases(text, "example.test");
    checkLines(aliases, text);
    for (const auto &[name, targets] : aliases.value.entries) {
        require(!hasUpperCase(name), "an alias name is lower case");
        for (const AliasTarget &target : targets) {
            if (target.kind == AliasTarget::Kind::Address)
                require(target.value.find('@') != std::string::npos, "an alias target is an address");
        }
    }

    std::vector<std::string> localParts { "nobody", "postmaster+tag" };
    for (const auto &entry : aliases.value.entries)
        localParts.push_back(entry.first == "*" ? "anything" : entry.first);
    for (const UserEntry &user : users.value.entries())
        localParts.push_back(user.localPart);
    localParts.resize(std::min<std::size_t>(localParts.size(), 64));

    Directory directory(config.value.suffixSeparators, config.value.dropCharacters);
    directory.addDomain("example.test", std::move(users.value), std::move(aliases.value));
    for (const std::string &localPart : localParts) {
        if (Result<std::vector<Recipient>> recipients = directory.resolve(localPart, "example.test")) {
            std::set<std::string> seen;
            for (const Recipient &recipient : *recipients) {
                require(seen.insert(recipient.address()).second, "a resolution has no duplicate");
                if (recipient.kind == Recipient::Kind::Local)
                    require(directory.findUser(recipient.localPart, recipient.domain) != nullptr,
                        "a local recipient is an account");
            }
        }
    }
    return 0;
}
