#include "cli/user_commands.h"

#include "cli/backup_commands.h"

#include "daemon/config_dir.h"
#include "daemon/safeio.h"
#include "mail/address.h"
#include "mail/password_hash.h"
#include "mail/text.h"
#include "mail/users.h"

#include <sys/stat.h>

#include <algorithm>
#include <iostream>

namespace postwr::cli {

namespace {

constexpr std::size_t minPasswordLength = 8;

struct Account {
    std::string localPart;
    std::string domain;
    std::string address() const { return localPart + "@" + domain; }
};

mail::Result<Account> parseAccount(const std::string &text)
{
    mail::Result<mail::Address> address = mail::parseAddress(text, false);
    if (!address)
        return mail::Error{"'" + text + "' is not an email address: " + address.error().message};
    if (!mail::isValidDomain(address->domain, false) || address->domain.front() == '[')
        return mail::Error{"'" + address->domain + "' is not a domain name"};
    mail::Result<std::string> localPart = mail::validateLocalPart(address->localPart);
    if (!localPart)
        return localPart.error();
    return Account{*localPart, mail::toLowerAscii(address->domain)};
}

// The users file of a domain; a missing file is an empty one.
mail::Result<mail::UserDb> loadUsers(const std::string &configDir, const std::string &domain)
{
    const std::string path = daemon::usersFilePath(configDir, domain);
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return mail::UserDb{};
    mail::Result<std::string> text = daemon::readFile(path);
    if (!text)
        return text.error();
    mail::Parsed<mail::UserDb> users = mail::parseUsers(*text);
    if (!users.ok())
        return mail::Error{users.errors.front().describe(path) + " (fix the file before changing it)"};
    return std::move(users.value);
}

mail::Status saveUsers(const std::string &configDir, const std::string &domain, const mail::UserDb &users)
{
    if (mail::Status status = daemon::makeDirectories(daemon::domainDirectory(configDir, domain), 0750); !status)
        return status;
    // The password hashes are secret, like the keys: 0600, as a restore from
    // a backup writes them too (daemon/config_repository.cpp).
    return daemon::writeFileAtomically(daemon::usersFilePath(configDir, domain), mail::serializeUsers(users), 0600);
}

int fail(const std::string &message)
{
    std::cerr << "postwrd: " << message << '\n';
    return 2;
}

int add(const Arguments &arguments, const Account &account)
{
    std::string password;
    const bool generate = arguments.flags.count("--generate") > 0;
    if (generate) {
        password = mail::generatePassword();
        if (password.empty())
            return fail("cannot generate a password: OpenSSL has no randomness");
    } else {
        password = readSecretLine();
        if (password.size() < minPasswordLength)
            return fail("the password (read from standard input) must have at least " +
                        std::to_string(minPasswordLength) + " characters; or use --generate");
    }
    mail::Result<mail::UserDb> users = loadUsers(arguments.configDir, account.domain);
    if (!users)
        return fail(users.error().message);
    std::string hash = mail::hashPassword(password);
    if (hash.empty())
        return fail("cannot hash the password: OpenSSL has no randomness or memory");
    const bool existed = users->remove(account.localPart);
    users->add({account.localPart, std::move(hash)});
    if (mail::Status status = saveUsers(arguments.configDir, account.domain, *users); !status)
        return fail(status.error().message);
    if (generate)
        std::cout << password << '\n';
    std::cerr << (existed ? "changed the password of " : "added ") << account.address()
              << "; reload postwrd (systemctl reload postwrd) to use it\n";
    recordConfigChange(arguments, (existed ? "change the password of " : "add account ") + account.address());
    return 0;
}

int remove(const Arguments &arguments, const Account &account)
{
    mail::Result<mail::UserDb> users = loadUsers(arguments.configDir, account.domain);
    if (!users)
        return fail(users.error().message);
    if (!users->remove(account.localPart)) {
        std::cerr << "postwrd: no such user: " << account.address() << '\n';
        return 1;
    }
    if (mail::Status status = saveUsers(arguments.configDir, account.domain, *users); !status)
        return fail(status.error().message);
    std::cerr << "removed " << account.address() << '\n';
    recordConfigChange(arguments, "remove account " + account.address());
    return 0;
}

int check(const Arguments &arguments, const Account &account)
{
    const std::string password = readSecretLine();
    mail::Result<mail::UserDb> users = loadUsers(arguments.configDir, account.domain);
    if (!users)
        return fail(users.error().message);
    const mail::UserEntry *user = users->find(account.localPart);
    if (user && mail::verifyPassword(password, user->passwordHash)) {
        std::cerr << "password is right\n";
        return 0;
    }
    std::cerr << (user ? "password is wrong\n" : "no such user\n");
    return 1;
}

int list(const Arguments &arguments)
{
    std::vector<std::string> domains =
        arguments.words.size() > 2 ? std::vector<std::string>{arguments.words[2]} : daemon::localDomains(arguments.configDir);
    for (const std::string &domain : domains) {
        mail::Result<mail::UserDb> users = loadUsers(arguments.configDir, domain);
        if (!users)
            return fail(users.error().message);
        for (const mail::UserEntry &user : users->entries())
            std::cout << user.localPart << '@' << domain << '\n';
    }
    return 0;
}

} // namespace

int runUserCommand(const Arguments &arguments)
{
    const std::vector<std::string> &words = arguments.words;
    const std::string verb = words.size() > 1 ? words[1] : "";
    if (verb == "list")
        return list(arguments);
    if ((verb == "add" || verb == "remove" || verb == "check") && words.size() == 3) {
        mail::Result<Account> account = parseAccount(words[2]);
        if (!account)
            return fail(account.error().message);
        if (verb == "add")
            return add(arguments, *account);
        if (verb == "remove")
            return remove(arguments, *account);
        return check(arguments, *account);
    }
    return fail("usage: postwrd user add EMAIL [--generate] | user remove EMAIL | user list [DOMAIN] | user check EMAIL");
}

} // namespace postwr::cli
