#include "cli/dkim_commands.h"

#include "daemon/config_dir.h"
#include "daemon/safeio.h"
#include "mail/address.h"
#include "mail/dkim_key.h"
#include "mail/dkim_signer.h"
#include "mail/text.h"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>

namespace postwr::cli {

namespace {

constexpr std::size_t maxMessageSize = 64u * 1024u * 1024u;
const std::vector<std::string> valueOptions = {"--selector", "--algorithm", "--bits"};

int fail(const std::string &message)
{
    std::cerr << "postwrd: " << message << '\n';
    return 2;
}

// The words after "dkim VERB" and the options' values. Arguments keeps flags
// as a set, so "--bits 3072" arrives as the flag "--bits" and a stray word
// "3072": the stray words are given to the value-less options by what they
// look like (an algorithm name, a number, else a selector), and anything
// ambiguous asks for the --option=value form.
struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;
    std::string error;
};

bool isNumber(const std::string &text)
{
    return !text.empty() && text.size() < 7 &&
           std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Options parseOptions(const Arguments &arguments, std::size_t positionalCount,
                     const std::vector<std::string> &allowed)
{
    Options options;
    std::vector<std::string> bare;
    for (const std::string &flag : arguments.flags) {
        const std::size_t equals = flag.find('=');
        const std::string name = flag.substr(0, equals);
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
            options.error = "unknown option " + name;
            return options;
        }
        if (equals != std::string::npos)
            options.values[name] = flag.substr(equals + 1);
        else
            bare.push_back(name);
    }
    const std::vector<std::string> &words = arguments.words;
    for (std::size_t i = 2; i < words.size() && i < 2 + positionalCount; ++i)
        options.positional.push_back(words[i]);
    std::vector<std::string> extra;
    if (words.size() > 2 + positionalCount)
        extra.assign(words.begin() + static_cast<std::ptrdiff_t>(2 + positionalCount), words.end());
    if (extra.size() != bare.size()) {
        options.error = bare.empty() ? "unexpected argument '" + extra.front() + "'"
                                     : bare.front() + " needs a value";
        return options;
    }
    // Most specific first: an algorithm name, then a number, then anything.
    const std::vector<std::pair<std::string, bool (*)(const std::string &)>> kinds = {
        {"--algorithm", [](const std::string &w) { return w == "rsa" || w == "ed25519"; }},
        {"--bits", [](const std::string &w) { return isNumber(w); }},
        {"--selector", [](const std::string &) { return true; }},
    };
    for (const auto &[name, looksLike] : kinds) {
        if (std::find(bare.begin(), bare.end(), name) == bare.end())
            continue;
        std::vector<std::size_t> candidates;
        for (std::size_t i = 0; i < extra.size(); ++i) {
            if (!extra[i].empty() && looksLike(extra[i]))
                candidates.push_back(i);
        }
        if (candidates.size() != 1) {
            options.error = "cannot tell which word is the value of " + name + "; write " + name + "=VALUE";
            return options;
        }
        options.values[name] = extra[candidates.front()];
        extra[candidates.front()].clear();
    }
    return options;
}

std::string dkimDirectory(const std::string &configDir, const std::string &domain)
{
    return daemon::domainDirectory(configDir, domain) + "/dkim";
}

bool exists(const std::string &path)
{
    struct stat info {};
    return ::stat(path.c_str(), &info) == 0;
}

std::vector<std::string> entriesOf(const std::string &dir, std::string_view suffix)
{
    std::vector<std::string> names;
    DIR *handle = ::opendir(dir.c_str());
    if (!handle)
        return names;
    while (const dirent *entry = ::readdir(handle)) {
        const std::string name = entry->d_name;
        if (name.front() == '.')
            continue;
        if (suffix.empty())
            names.push_back(name);
        else if (name.size() > suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
            names.push_back(name.substr(0, name.size() - suffix.size()));
    }
    ::closedir(handle);
    std::sort(names.begin(), names.end());
    return names;
}

// A local domain: its directory must exist, since creating it would make the
// domain local (daemon/config_dir.h).
mail::Result<std::string> localDomain(const std::string &configDir, const std::string &text)
{
    const std::string domain = mail::toLowerAscii(text);
    if (!mail::isValidDomain(domain, false) || domain.front() == '[')
        return mail::Error{"'" + text + "' is not a domain name"};
    if (!exists(daemon::domainDirectory(configDir, domain)))
        return mail::Error{domain + " is not a local domain (" + daemon::domainDirectory(configDir, domain) +
                           " does not exist)"};
    return domain;
}

mail::Result<mail::DkimKey> loadKey(const std::string &configDir, const std::string &domain,
                                    const std::string &selector)
{
    const std::string path = dkimDirectory(configDir, domain) + "/" + selector + ".pem";
    mail::Result<std::string> pem = daemon::readFile(path, 1024u * 1024u);
    if (!pem)
        return pem.error();
    mail::Result<mail::DkimKey> key = mail::loadDkimKey(*pem, domain, selector);
    if (!key)
        return mail::Error{path + ": " + key.error().message};
    return key;
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
    const auto algorithm =
        algorithmName == "rsa" ? mail::DkimKey::Algorithm::RsaSha256 : mail::DkimKey::Algorithm::Ed25519Sha256;
    int bits = mail::defaultRsaBits;
    if (const std::optional<std::string> text = value("--bits")) {
        if (algorithm != mail::DkimKey::Algorithm::RsaSha256)
            return fail("--bits applies to RSA keys only");
        if (!isNumber(*text))
            return fail("--bits needs a number, not '" + *text + "'");
        bits = std::stoi(*text);
    }

    const std::string dir = dkimDirectory(arguments.configDir, *domain);
    std::string selector = value("--selector").value_or("");
    if (selector.empty()) {
        selector = mail::defaultDkimSelector(std::time(nullptr), entriesOf(dir, ".pem"));
        if (selector.empty())
            return fail("every default selector of this year is taken; choose one with --selector");
    }
    if (!mail::isValidDkimSelector(selector))
        return fail("'" + selector + "' is not a selector: use lower-case letters, digits, '-' and '.'");
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
    return 0;
}

int list(const Arguments &arguments)
{
    const Options options = parseOptions(arguments, 1, {});
    if (!options.error.empty())
        return fail(options.error);
    std::vector<std::string> domains;
    if (options.positional.empty()) {
        domains = entriesOf(arguments.configDir + "/domains", "");
    } else {
        mail::Result<std::string> domain = localDomain(arguments.configDir, options.positional.front());
        if (!domain)
            return fail(domain.error().message);
        domains.push_back(*domain);
    }
    int status = 0;
    for (const std::string &domain : domains) {
        for (const std::string &selector : entriesOf(dkimDirectory(arguments.configDir, domain), ".pem")) {
            mail::Result<mail::DkimKey> key = loadKey(arguments.configDir, domain, selector);
            mail::Result<std::string> record = key ? mail::dkimRecordValue(*key) : mail::Result<std::string>(key.error());
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
            return mail::Error{"the message is larger than 64 MiB"};
    }
    return message;
}

int sign(const Arguments &arguments)
{
    const Options options = parseOptions(arguments, 1, {"--selector"});
    if (!options.error.empty() || options.positional.size() != 1)
        return fail(options.error.empty() ? "usage: postwrd dkim sign DOMAIN [--selector S] < MESSAGE" : options.error);
    mail::Result<std::string> domain = localDomain(arguments.configDir, options.positional.front());
    if (!domain)
        return fail(domain.error().message);
    std::vector<std::string> selectors;
    if (const auto it = options.values.find("--selector"); it != options.values.end())
        selectors.push_back(it->second);
    else
        selectors = entriesOf(dkimDirectory(arguments.configDir, *domain), ".pem");
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
        mail::Result<mail::DkimKey> key = loadKey(arguments.configDir, *domain, selector);
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
    return fail("usage: postwrd dkim keygen DOMAIN [--selector S] [--algorithm rsa|ed25519] [--bits 2048] | "
                "dkim list [DOMAIN] | dkim sign DOMAIN [--selector S] < MESSAGE");
}

} // namespace postwr::cli
