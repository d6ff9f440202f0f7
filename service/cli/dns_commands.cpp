#include "cli/dns_commands.h"

#include "daemon/config_dir.h"
#include "daemon/inbound_auth.h"
#include "daemon/resolver.h"
#include "mail/address.h"
#include "mail/blocklist.h"
#include "mail/dns_records.h"
#include "mail/text.h"

#include <algorithm>
#include <atomic>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <thread>

namespace postwr::cli {

namespace {

constexpr const char *usage
    = "usage: postwrd dns records DOMAIN --ipv4 ADDR [--ipv6 ADDR] [--format table|zone|json]\n"
      "         [--spf-all soft|hard] [--dmarc-policy none|quarantine|reject] [--dmarc-rua ADDR]\n"
      "         [--dmarc-ruf ADDR] [--tlsrpt-rua ADDR] [--mta-sts-mode testing|enforce] [--ttl "
      "SECONDS]\n"
      "         [--receive here|elsewhere] [--spf-include DOMAIN[,DOMAIN...]]";

constexpr const char *blocklistsUsage
    = "usage: postwrd dns blocklists --ipv4 ADDR [--ipv6 ADDR] [--lists ZONE[,ZONE...]]\n"
      "         [--format table|json]";

const std::vector<std::string> blocklistOptions = { "--ipv4", "--ipv6", "--lists", "--format" };

const std::vector<std::string> allowedOptions = { "--ipv4", "--ipv6", "--format", "--spf-all",
    "--dmarc-policy", "--dmarc-rua", "--dmarc-ruf", "--tlsrpt-rua", "--mta-sts-mode", "--ttl",
    "--receive", "--spf-include" };

int usageError(const std::string &message)
{
    std::cerr << "postwrd: " << message << '\n';
    return 2;
}

std::string option(const Arguments &arguments, const std::string &name)
{
    const auto it = arguments.options.find(name);
    return it == arguments.options.end() ? std::string() : it->second;
}

// The value of an option that takes one of a few words; `fallback` when absent.
template<typename T>
std::optional<T> choice(const Arguments &arguments, const std::string &name,
    const std::map<std::string, T> &choices, T fallback, std::string &error)
{
    const auto given = arguments.options.find(name);
    if (given == arguments.options.end())
        return fallback;
    const auto it = choices.find(given->second);
    if (it != choices.end())
        return it->second;
    std::string names;
    for (const auto &entry : choices)
        names += (names.empty() ? "" : ", ") + entry.first;
    error = name + " must be one of " + names + ", not '" + given->second + "'";
    return std::nullopt;
}

// RFC 2181 §8: a TTL is an unsigned 31-bit number of seconds.
std::optional<std::uint32_t> parseTtl(const std::string &text)
{
    if (text.empty() || text.size() > 10
        || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const unsigned long long value = std::stoull(text);
    if (value > 2147483647ULL)
        return std::nullopt;
    return static_cast<std::uint32_t>(value);
}

enum class Format { Table, Zone, Json };

struct Request {
    mail::DnsRecordRequest records;
    Format format = Format::Table;
};

// False, with the error, when an option is not among `allowed` or a flag is given.
bool onlyOptions(
    const Arguments &arguments, const std::vector<std::string> &allowed, std::string &error)
{
    for (const auto &entry : arguments.options) {
        if (std::find(allowed.begin(), allowed.end(), entry.first) == allowed.end()) {
            error = "unknown option " + entry.first;
            return false;
        }
    }
    if (!arguments.flags.empty()) {
        error = "unknown option " + *arguments.flags.begin();
        return false;
    }
    return true;
}

// Everything the command line says; the error is for exit 2.
std::optional<Request> parseRequest(const Arguments &arguments, std::string &error)
{
    if (!onlyOptions(arguments, allowedOptions, error))
        return std::nullopt;
    if (arguments.words.size() != 3) {
        error = usage;
        return std::nullopt;
    }
    Request request;
    mail::DnsRecordRequest &records = request.records;
    records.domain = mail::toLowerAscii(arguments.words[2]);
    if (!mail::isValidDomain(records.domain, false) || records.domain.front() == '[') {
        error = "'" + arguments.words[2] + "' is not a domain name";
        return std::nullopt;
    }
    records.ipv4 = option(arguments, "--ipv4");
    records.ipv6 = option(arguments, "--ipv6");
    if (records.ipv4.empty() && records.ipv6.empty()) {
        error = "give the server's public address: --ipv4 ADDR, --ipv6 ADDR, or both";
        return std::nullopt;
    }
    records.dmarcRua = option(arguments, "--dmarc-rua");
    records.dmarcRuf = option(arguments, "--dmarc-ruf");
    records.tlsrptRua = option(arguments, "--tlsrpt-rua");
    if (const std::string ttl = option(arguments, "--ttl"); !ttl.empty()) {
        const std::optional<std::uint32_t> seconds = parseTtl(ttl);
        if (!seconds) {
            error = "--ttl needs a number of seconds from 0 to 2147483647, not '" + ttl + "'";
            return std::nullopt;
        }
        records.ttl = *seconds;
    }

    const auto format = choice<Format>(arguments, "--format",
        { { "table", Format::Table }, { "zone", Format::Zone }, { "json", Format::Json } },
        Format::Table, error);
    const auto spfAll = choice<mail::SpfAll>(arguments, "--spf-all",
        { { "soft", mail::SpfAll::Soft }, { "hard", mail::SpfAll::Hard } }, mail::SpfAll::Soft,
        error);
    const auto dmarc = choice<mail::DmarcPolicy>(arguments, "--dmarc-policy",
        { { "none", mail::DmarcPolicy::None }, { "quarantine", mail::DmarcPolicy::Quarantine },
            { "reject", mail::DmarcPolicy::Reject } },
        mail::DmarcPolicy::Quarantine, error);
    const auto mtaSts = choice<mail::MtaStsMode>(arguments, "--mta-sts-mode",
        { { "testing", mail::MtaStsMode::Testing }, { "enforce", mail::MtaStsMode::Enforce } },
        mail::MtaStsMode::Testing, error);
    const auto receive = choice<bool>(arguments, "--receive",
        { { "here", true }, { "elsewhere", false } }, true, error);
    if (!format || !spfAll || !dmarc || !mtaSts || !receive)
        return std::nullopt;
    records.receiveHere = *receive;
    const std::string includes = option(arguments, "--spf-include");
    for (std::string_view include : mail::split(includes, ',')) {
        include = mail::trim(include);
        if (!include.empty())
            records.spfIncludes.emplace_back(include);
    }
    request.format = *format;
    records.spfAll = *spfAll;
    records.dmarcPolicy = *dmarc;
    records.mtaStsMode = *mtaSts;
    return request;
}

// Reports sent to postmaster@DOMAIN by default must be deliverable, and RFC
// 5321 §4.5.1 requires that address anyway.
void notePostmaster(const daemon::ConfigDir &config, const mail::DnsRecordRequest &request)
{
    if (!request.dmarcRua.empty() && !request.tlsrptRua.empty())
        return;
    if (config.directory->resolve("postmaster", request.domain))
        return;
    std::cerr
        << "note: postmaster@" << request.domain
        << " is no account or alias, so the reports sent there would be refused: add an alias "
           "(a line 'postmaster: you@example.org' in "
        << daemon::aliasesFilePath(config.path, request.domain) << ") or a catch-all\n";
}

enum class BlocklistFormat { Table, Json };

struct BlocklistRequest {
    std::vector<mail::BlocklistAddress> addresses;
    std::vector<mail::Blocklist> lists;
    BlocklistFormat format = BlocklistFormat::Table;
};

// --ipv4 must be an IPv4 address, --ipv6 an IPv6 one; an IPv4-mapped IPv6
// address given with --ipv6 is asked about as the IPv4 address it is.
std::optional<mail::BlocklistAddress> blocklistAddress(
    const std::string &option, const std::string &text, std::string &error)
{
    mail::Result<mail::BlocklistAddress> address = mail::parseBlocklistAddress(text);
    if (!address) {
        error = option + ": '" + text + "' is not an " + (option == "--ipv4" ? "IPv4" : "IPv6")
            + " address";
        return std::nullopt;
    }
    if (option == "--ipv4" && address->ipv6) {
        error = "--ipv4: '" + text + "' is an IPv6 address: give it with --ipv6";
        return std::nullopt;
    }
    if (option == "--ipv6" && text.find(':') == std::string::npos) {
        error = "--ipv6: '" + text + "' is an IPv4 address: give it with --ipv4";
        return std::nullopt;
    }
    return std::move(address).value();
}

std::optional<BlocklistRequest> parseBlocklistRequest(
    const Arguments &arguments, std::string &error)
{
    if (!onlyOptions(arguments, blocklistOptions, error))
        return std::nullopt;
    if (arguments.words.size() != 2) {
        error = blocklistsUsage;
        return std::nullopt;
    }
    BlocklistRequest request;
    for (const std::string name : { "--ipv4", "--ipv6" }) {
        const auto given = arguments.options.find(name);
        if (given == arguments.options.end())
            continue;
        std::optional<mail::BlocklistAddress> address
            = blocklistAddress(name, given->second, error);
        if (!address)
            return std::nullopt;
        const bool seen = std::any_of(request.addresses.begin(), request.addresses.end(),
            [&](const mail::BlocklistAddress &other) { return other.text == address->text; });
        if (!seen)
            request.addresses.push_back(std::move(*address));
    }
    if (request.addresses.empty()) {
        error = "give the server's public address: --ipv4 ADDR, --ipv6 ADDR, or both";
        return std::nullopt;
    }
    if (const auto lists = arguments.options.find("--lists"); lists != arguments.options.end()) {
        for (std::string_view zone : mail::split(lists->second, ',')) {
            mail::Result<mail::Blocklist> list = mail::blocklistForZone(zone);
            if (!list) {
                error = "--lists: " + list.error().message;
                return std::nullopt;
            }
            const bool seen = std::any_of(request.lists.begin(), request.lists.end(),
                [&](const mail::Blocklist &other) { return other.zone == list->zone; });
            if (!seen)
                request.lists.push_back(std::move(list).value());
        }
    } else {
        request.lists = mail::defaultBlocklists();
    }
    const auto format = choice<BlocklistFormat>(arguments, "--format",
        { { "table", BlocklistFormat::Table }, { "json", BlocklistFormat::Json } },
        BlocklistFormat::Table, error);
    if (!format)
        return std::nullopt;
    request.format = *format;
    return request;
}

// At most this many lookups at once: the default lists make at most 7, all
// in parallel, so the check takes about one resolver timeout; a long
// --lists takes one timeout per this many lookups at worst.
constexpr std::size_t parallelLookups = 16;

// Asks every list about every address it serves, in the order of the
// addresses, then of the lists.
std::vector<mail::BlocklistResult> askBlocklists(
    const daemon::Resolver &resolver, const BlocklistRequest &request)
{
    std::vector<mail::BlocklistResult> results;
    std::vector<const mail::BlocklistAddress *> asked;
    for (const mail::BlocklistAddress &address : request.addresses) {
        for (const mail::Blocklist &list : request.lists) {
            if (mail::blocklistServes(list, address)) {
                results.push_back({ list, address.text, {} });
                asked.push_back(&address);
            }
        }
    }
    // The resolver is thread-safe and each lookup ends within its timeout
    // (daemon/resolver.h); every thread writes only the results it takes.
    std::atomic<std::size_t> next { 0 };
    const auto work = [&] {
        for (std::size_t i = next++; i < results.size(); i = next++) {
            mail::BlocklistResult &result = results[i];
            const daemon::DnsResult<std::vector<std::string>> answer
                = resolver.ipv4(mail::blocklistQueryName(*asked[i], result.list));
            result.verdict = mail::interpretBlocklistAnswer(
                result.list, *asked[i], daemon::dnsAnswerOf(answer), answer.message);
        }
    };
    std::vector<std::thread> workers;
    for (std::size_t i = 0; i < std::min(results.size(), parallelLookups); ++i)
        workers.emplace_back(work);
    for (std::thread &worker : workers)
        worker.join();
    return results;
}

// The configuration, or nothing after saying on stderr what is wrong with it.
std::optional<daemon::ConfigDir> loadConfig(const Arguments &arguments)
{
    daemon::LoadedConfigDir loaded = daemon::loadConfigDir(arguments.configDir);
    if (!loaded.value) {
        for (const std::string &problem : loaded.problems)
            std::cerr << problem << '\n';
        std::cerr << "postwrd: the configuration in " << arguments.configDir
                  << " has problems (see postwrd config check)\n";
    }
    return std::move(loaded.value);
}

int runRecords(const Arguments &arguments)
{
    std::string error;
    std::optional<Request> request = parseRequest(arguments, error);
    if (!request)
        return usageError(error);

    const std::optional<daemon::ConfigDir> loaded = loadConfig(arguments);
    if (!loaded)
        return 1;
    const daemon::ConfigDir &config = *loaded;
    mail::DnsRecordRequest &records = request->records;
    if (!config.directory->isLocalDomain(records.domain)) {
        std::cerr << "postwrd: " << records.domain << " is not a local domain ("
                  << daemon::domainDirectory(config.path, records.domain) << " does not exist)\n";
        return 1;
    }
    records.hostname = config.config.hostname;
    if (const auto keys = config.dkimKeys->find(records.domain); keys != config.dkimKeys->end())
        records.dkimKeys = keys->second;

    mail::Result<mail::DnsRecordSet> set = mail::dnsRecords(records);
    if (!set)
        return usageError(set.error().message);
    for (const std::string &note : set->notes)
        std::cerr << "note: " << note << '\n';
    notePostmaster(config, records);

    switch (request->format) {
    case Format::Table:
        std::cout << mail::formatTable(*set);
        break;
    case Format::Zone:
        std::cout << mail::formatZone(*set);
        break;
    case Format::Json:
        std::cout << mail::formatJson(*set);
        break;
    }
    std::cout.flush();
    return std::cout ? 0 : 1;
}

int runBlocklists(const Arguments &arguments)
{
    std::string error;
    const std::optional<BlocklistRequest> request = parseBlocklistRequest(arguments, error);
    if (!request)
        return usageError(error);

    const std::optional<daemon::ConfigDir> config = loadConfig(arguments);
    if (!config)
        return 1;
    // The servers the daemon asks (`[dns] servers`, or resolv.conf's): the
    // lists' answer to them is the one that matters, and Spamhaus refuses
    // public resolvers.
    std::vector<daemon::DnsServer> servers;
    for (const mail::ListenAddress &server : config->config.dnsServers)
        servers.push_back({ server.host, server.port });
    mail::Result<std::unique_ptr<daemon::Resolver>> resolver
        = daemon::Resolver::create(std::move(servers));
    if (!resolver) {
        std::cerr << "postwrd: cannot set up DNS: " << resolver.error().message << '\n';
        return 1;
    }

    const std::vector<mail::BlocklistResult> results = askBlocklists(**resolver, *request);
    switch (request->format) {
    case BlocklistFormat::Table:
        std::cout << mail::formatBlocklistTable(results);
        break;
    case BlocklistFormat::Json:
        std::cout << mail::formatBlocklistJson(results);
        break;
    }
    std::cout.flush();
    const bool listed
        = std::any_of(results.begin(), results.end(), [](const mail::BlocklistResult &result) {
              return result.verdict.state == mail::BlocklistState::Listed;
          });
    return listed || !std::cout ? 1 : 0;
}

} // namespace

int runDnsCommand(const Arguments &arguments)
{
    const std::string verb = arguments.words.size() > 1 ? arguments.words[1] : "";
    if (verb == "records")
        return runRecords(arguments);
    if (verb == "blocklists")
        return runBlocklists(arguments);
    return usageError(std::string(usage) + "\n" + blocklistsUsage);
}

} // namespace postwr::cli
