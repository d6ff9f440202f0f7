#include "cli/config_commands.h"

#include "daemon/runtime.h"
#include "mail/address.h"

#include <iostream>

namespace postwr::cli {

int runConfigCheck(const Arguments &arguments)
{
    const daemon::LoadedRuntime loaded = daemon::loadRuntime(arguments.configDir);
    for (const std::string &warning : loaded.warnings)
        std::cerr << "warning: " << warning << '\n';
    for (const std::string &problem : loaded.problems)
        std::cerr << problem << '\n';
    if (!loaded.runtime) {
        std::cerr << loaded.problems.size() << " problem(s) in " << arguments.configDir << '\n';
        return 1;
    }
    std::cout << "configuration ok: " << loaded.runtime->directory()->domains().size() << " domain(s)\n";
    return 0;
}

int runAliasResolve(const Arguments &arguments)
{
    if (arguments.words.size() != 3) {
        std::cerr << "postwrd: usage: postwrd alias resolve ADDRESS\n";
        return 2;
    }
    mail::Result<mail::Address> address = mail::parseAddress(arguments.words[2]);
    if (!address) {
        std::cerr << "postwrd: '" << arguments.words[2] << "' is not an email address: " << address.error().message
                  << '\n';
        return 2;
    }
    const daemon::LoadedConfigDir loaded = daemon::loadConfigDir(arguments.configDir);
    if (!loaded.value) {
        for (const std::string &problem : loaded.problems)
            std::cerr << problem << '\n';
        return 2;
    }
    const mail::Directory &directory = *loaded.value->directory;
    mail::Result<std::vector<mail::Recipient>> recipients = directory.resolve(address->localPart, address->domain);
    if (!recipients) {
        std::cerr << "postwrd: " << address->toString() << ": " << recipients.error().message << '\n';
        return 1;
    }
    for (const mail::Recipient &recipient : *recipients)
        std::cout << (recipient.kind == mail::Recipient::Kind::Local ? "local " : "remote ") << recipient.address()
                  << '\n';
    return 0;
}

} // namespace postwr::cli
