#include "cli/dkim_commands.h"

#include "cli/backup_commands.h"

#include "daemon/config_dir.h"
#include "daemon/safeio.h"
#include "mail/address.h"
#include "mail/dkim_key.h"
#include "mail/dkim_signer.h"
#include "mail/text.h"

#include <algorithm>
#include <ctime>
#include <dirent.h>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <sys/stat.h>

namespace postwr::cli {

namespace {

constexpr std::size_t maxMessageSize = 64u * 1024u * 1024u;
const std::vector<std::string> valueOptions = { "--selector", "--algorithm", "--bits" };

int fail(const std::string &message)
{
    std::cerr << "postwrd: " << message << '\n';
    return 2;
}

// The words after "dkim VERB", and the options this command accepts.
struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;
    std::string error;
};

bool isNumber(const std::string &text)
{
    return !text.empty() && text.size() < 7
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Options parseOptions(const Arguments &arguments, std::size_t positionalCount,
    const std::vector<std::string> &allowed)
{
    Options options;
    for (const auto &[name, value] : arguments.options) {
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            options.error = "unknown option " + name;
            return options;
        }
    }
    if (!arguments.flags.empty()) {
        options.error = "unknown option " + *arguments.flags.begin();
        return options;
    }
    options.values = arguments.options;
    const std::vector<std::string> &words = arguments.words;
    if (words.size() > 2 + positionalCount) {
        options.error = "unexpected argument '" + words[2 + positionalCount] + "'";
        return options;
    }
    options.positional.assign(words.begin() + std::min<std::ptrdiff_t>(2, static_cast<std::ptrdiff_t>(words.size())),
                              words.end());
    return options;
}

bool exists(const std::string &path)
{
    struct stat info { };
    return ::stat(path.c_str(), &info) == 0;
}

// A local domain: its directory must exist, since creating it would make the
// domain local (daemon/config_dir.h).
mail::Result<std::string> localDomain(const std::string &configDir, const std::string &text)
{
    const std::string domain = mail::toLowerAscii(text);
    if (!mail::isValidDomain(domain, false) || domain.front() == '[')
        return mail::Error { "'" + text + "' is not a domain name" };
    if (!exists(daemon::domainDirectory(configDir, domain)))
        return mail::Error { domain + " is not a local domain ("
            + daemon::domainDirectory(configDir, domain) + " does not exist)" };
    return domain;
}

int keygen(const Arguments &arguments)
{
    const Options options = parseOptions(arguments, 1, valueOptions);
    if (!options.error.empty() || options.positional.size() != 1)
        return fail(options.error.empty() ? "usage: postwrd dkim keygen DOMAIN [--selector S] "
                                            "[--algorithm rsa|ed25519] [--bits 2048]"
                                          : options.error);
    mail::Result<std::string> domain = localDomain(arguments.configDir, options.positional.front());
    if (!domain)
        return fail(domain.error().message);

    const auto value = [&](const std::string &name) -> std::optional<std::string> {
        const auto it = options.values.find(name);
        return it == options.values.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
    const std::string algorithmName = value("--algorithm").value_or("rsa");
    if (algorithmName != "rsa" && algorithmName != "ed25519")
        return fail("--algorithm must be rsa or ed25519, not '" + algorithmName + "'");
    const auto algorithm = algorithmName == "rsa" ? mail::DkimKey::Algorithm::RsaSha256
                                                  : mail::DkimKey::Algorithm::Ed25519Sha256;
    int bits = mail::defaultRsaBits;
    if (const std::optional<std::string> text = value("--bits")) {
        if (algorithm != mail::DkimKey::Algorithm::RsaSha256)
            return fail("--bits applies to RSA keys only");
        if (!isNumber(*text))
            return fail("--bits needs a number, not '" + *text + "'");
        bits = std::stoi(*text);
    }

    const std::string dir = daemon::dkimDirectory(arguments.configDir, *domain);
    std::string selector = value("--selector").value_or("");
    if (selector.empty()) {
        selector = mail::defaultDkimSelector(std::time(nullptr), daemon::listNames(dir, ".pem"));
        if (selector.empty())
            return fail("every default selector of this year is taken; choose one with --selector");
    }
    if (!mail::isValidDkimSelector(selector))
        return fail(
            "'" + selector + "' is not a selector: use lower-case letters, digits, '-' and '.'");
    const std::string path = dir + "/" + selector + ".pem";
    // A selector names one key for good: receivers may cache its record, and
    // replacing the key would break the signatures of mail still in transit.
    if (exists(path))
        return fail(path + " exists: choose another selector (keys are never replaced)");

    mail::Result<mail::DkimKey> key = mail::generateDkimKey(algorithm, bits, *domain, selector);
    if (!key)
        return fail(key.error().message);
    mail::Result<std::string> pem = mail::dkimPrivateKeyPem(*key);
    mail::Result<std::string> record = mail::dkimRecordValue(*key);
    if (!pem || !record)
        return fail(!pem ? pem.error().message : record.error().message);
    if (mail::Status status = daemon::makeDirectories(dir, 0750); !status)
        return fail(status.error().message);
    if (mail::Status status = daemon::writeFileAtomically(path, *pem, 0600); !status)
        return fail(status.error().message);

    std::cout << mail::dkimRecordName(*key) << '\n' << *record << '\n';
    std::cerr << "wrote " << path << " (" << mail::describeDkimKey(*key)
              << "); publish the TXT record above, then sign with selector " << selector << '\n';
    recordConfigChange(arguments, "add DKIM key " + selector + " for " + *domain);
    return 0;
}

int list(const Arguments &arguments)
{
    const Options options = parseOptions(arguments, 1, {});
    if (!options.error.empty())
        return fail(options.error);
    std::vector<std::string> domains;
    if (options.positional.empty()) {
        domains = daemon::localDomains(arguments.configDir);
    } else {
        mail::Result<std::string> domain
            = localDomain(arguments.configDir, options.positional.front());
        if (!domain)
            return fail(domain.error().message);
        domains.push_back(*domain);
    }
    int status = 0;
    for (const std::string &domain : domains) {
        for (const std::string &selector :
            daemon::listNames(daemon::dkimDirectory(arguments.configDir, domain), ".pem")) {
            mail::Result<mail::DkimKey> key = daemon::loadDkimKey(arguments.configDir, domain, selector);
            mail::Result<std::string> record
                = key ? mail::dkimRecordValue(*key) : mail::Result<std::string>(key.error());
            if (!record) {
                std::cerr << "postwrd: " << record.error().message << '\n';
                status = 1;
                continue;
            }
            std::cout << domain << '\t' << selector << '\t' << mail::describeDkimKey(*key) << '\t'
                      << mail::dkimRecordName(*key) << '\t' << *record << '\n';
        }
    }
    return status;
}

// Standard input with every line ending in CRLF.
mail::Result<std::string> readMessage()
{
    std::string message;
    char buffer[65536];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        for (std::streamsize i = 0; i < std::cin.gcount(); ++i) {
            const char c = buffer[i];
            if (c == '\n' && (message.empty() || message.back() != '\r'))
                message += '\r';
            message += c;
        }
        if (message.size() > maxMessageSize)
            return mail::Error { "the message is larger than 64 MiB" };
    }
    return message;
}

int sign(const Arguments &arguments)
{
    const Options options = parseOptions(arguments, 1, { "--selector" });
    if (!options.error.empty() || options.positional.size() != 1)
        return fail(options.error.empty()
                ? "usage: postwrd dkim sign DOMAIN [--selector S] < MESSAGE"
                : options.error);
    mail::Result<std::string> domain = localDomain(arguments.configDir, options.positional.front());
    if (!domain)
        return fail(domain.error().message);
    std::vector<std::string> selectors;
    if (const auto it = options.values.find("--selector"); it != options.values.end())
        selectors.push_back(it->second);
    else
        selectors = daemon::listNames(daemon::dkimDirectory(arguments.configDir, *domain), ".pem");
    if (selectors.empty())
        return fail(*domain + " has no DKIM key: make one with postwrd dkim keygen " + *domain);

    mail::Result<std::string> message = readMessage();
    if (!message)
        return fail(message.error().message);
    const std::int64_t now = std::time(nullptr);
    std::string signatures;
    for (const std::string &selector : selectors) {
        if (!mail::isValidDkimSelector(selector))
            return fail("'" + selector + "' is not a selector");
        mail::Result<mail::DkimKey> key = daemon::loadDkimKey(arguments.configDir, *domain, selector);
        if (!key)
            return fail(key.error().message);
        mail::Result<std::string> signature = mail::signMessage(*key, *message, now);
        if (!signature)
            return fail(signature.error().message);
        signatures += *signature;
    }
    std::cout << signatures << *message;
    std::cout.flush();
    return std::cout ? 0 : 1;
}

} // namespace

int runDkimCommand(const Arguments &arguments)
{
    const std::string verb = arguments.words.size() > 1 ? arguments.words[1] : "";
    if (verb == "keygen")
        return keygen(arguments);
    if (verb == "list")
        return list(arguments);
    if (verb == "sign")
        return sign(arguments);
    return fail("usage: postwrd dkim keygen DOMAIN [--selector S] [--algorithm rsa|ed25519] "
                "[--bits 2048] | "
                "dkim list [DOMAIN] | dkim sign DOMAIN [--selector S] < MESSAGE");
}

} // namespace postwr::cli
