#include "daemon/config_dir.h"

#include "daemon/safeio.h"
#include "mail/address.h"
#include "mail/aliases.h"
#include "mail/password_hash.h"
#include "mail/text.h"
#include "mail/users.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace postwr::daemon {

std::string configFilePath(const std::string &dir)
{
    return dir + "/postwrd.conf";
}

std::string domainDirectory(const std::string &dir, const std::string &domain)
{
    return dir + "/domains/" + domain;
}

std::string usersFilePath(const std::string &dir, const std::string &domain)
{
    return domainDirectory(dir, domain) + "/users";
}

std::string aliasesFilePath(const std::string &dir, const std::string &domain)
{
    return domainDirectory(dir, domain) + "/aliases";
}

std::string dkimDirectory(const std::string &dir, const std::string &domain)
{
    return domainDirectory(dir, domain) + "/dkim";
}

std::vector<std::string> localDomains(const std::string &dir)
{
    std::vector<std::string> domains;
    for (const std::string &name : listNames(dir + "/domains", "")) {
        struct stat info {};
        if (::stat(domainDirectory(dir, name).c_str(), &info) == 0 && S_ISDIR(info.st_mode))
            domains.push_back(name);
    }
    return domains;
}

mail::Result<mail::DkimKey> loadDkimKey(const std::string &dir, const std::string &domain, const std::string &selector)
{
    const std::string path = dkimDirectory(dir, domain) + "/" + selector + ".pem";
    mail::Result<std::string> pem = readFile(path, 1024u * 1024u);
    if (!pem)
        return pem.error();
    mail::Result<mail::DkimKey> key = mail::loadDkimKey(*pem, domain, selector);
    if (!key)
        return mail::Error{path + ": " + key.error().message};
    return key;
}

namespace {

void addProblems(std::vector<std::string> &problems, const std::string &file, const std::vector<mail::Error> &errors)
{
    for (const mail::Error &error : errors)
        problems.push_back(error.describe(file));
}

bool exists(const std::string &path)
{
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0;
}

// An optional file: missing is empty, unreadable is a problem.
std::optional<std::string> readOptional(const std::string &path, std::vector<std::string> &problems)
{
    if (!exists(path))
        return std::string{};
    Result<std::string> text = readFile(path);
    if (!text) {
        problems.push_back(text.error().message);
        return std::nullopt;
    }
    return std::move(text).value();
}

} // namespace

LoadedConfigDir loadConfigDir(const std::string &dir)
{
    LoadedConfigDir loaded;
    std::vector<std::string> &problems = loaded.problems;

    const std::string confPath = configFilePath(dir);
    Result<std::string> text = readFile(confPath);
    if (!text) {
        problems.push_back(text.error().message);
        return loaded;
    }
    mail::Parsed<mail::Config> config = mail::parseConfig(*text, dir);
    addProblems(problems, confPath, config.errors);

    auto directory = std::make_shared<mail::Directory>(config.value.suffixSeparators, config.value.dropCharacters);
    auto dkimKeys = std::make_shared<mail::DkimKeyring>();
    for (const std::string &domain : localDomains(dir)) {
        const std::string domainPath = domainDirectory(dir, domain);
        if (!mail::isValidDomain(domain, true) || domain != mail::toLowerAscii(domain)) {
            problems.push_back(domainPath + ": not a valid lowercase domain name");
            continue;
        }
        mail::Parsed<mail::UserDb> users;
        const std::string usersPath = usersFilePath(dir, domain);
        if (std::optional<std::string> usersText = readOptional(usersPath, problems)) {
            users = mail::parseUsers(*usersText);
            addProblems(problems, usersPath, users.errors);
        }
        for (const mail::UserEntry &user : users.value.entries()) {
            if (!mail::isPasswordHash(user.passwordHash))
                problems.push_back(usersPath + ": " + user.localPart +
                                   ": the password hash is not one postwrd understands; set the password again "
                                   "with 'postwrd user add'");
        }
        mail::Parsed<mail::AliasFile> aliases;
        const std::string aliasesPath = aliasesFilePath(dir, domain);
        if (std::optional<std::string> aliasesText = readOptional(aliasesPath, problems)) {
            aliases = mail::parseAliases(*aliasesText, domain);
            addProblems(problems, aliasesPath, aliases.errors);
        }
        for (const auto &[name, targets] : aliases.value.entries) {
            for (const mail::AliasTarget &target : targets) {
                if (target.kind == mail::AliasTarget::Kind::Pipe)
                    problems.push_back(mail::Error{"alias '" + name +
                                                       "': pipe aliases (| command) are not supported by postwrd; "
                                                       "forward to an address instead",
                                                   target.line, 0}
                                           .describe(aliasesPath));
            }
        }
        for (const std::string &selector : listNames(dkimDirectory(dir, domain), ".pem")) {
            mail::Result<mail::DkimKey> key = loadDkimKey(dir, domain, selector);
            if (key)
                (*dkimKeys)[domain].push_back(std::move(key).value());
            else
                problems.push_back(key.error().message);
        }
        const auto settings = config.value.domains.find(domain);
        directory->addDomain(domain, std::move(users.value), std::move(aliases.value),
                             settings == config.value.domains.end() ? mail::DomainSettings{} : settings->second);
    }
    for (const auto &[domain, settings] : config.value.domains) {
        if (!directory->isLocalDomain(domain))
            problems.push_back(confPath + ": [domain " + domain + "]: no such domain: create " +
                               domainDirectory(dir, domain) + " or remove the section");
    }
    if (problems.empty())
        loaded.value = ConfigDir{dir, std::move(config.value), std::move(directory), std::move(dkimKeys)};
    return loaded;
}

} // namespace postwr::daemon
