#include "cli/dns_commands.h"

#include "daemon/config_dir.h"
#include "mail/address.h"
#include "mail/dns_records.h"
#include "mail/text.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <optional>
#include <string>

namespace postwr::cli {

namespace {

constexpr const char *usage
    = "usage: postwrd dns records DOMAIN --ipv4 ADDR [--ipv6 ADDR] [--format table|zone|json]\n"
      "         [--spf-all soft|hard] [--dmarc-policy none|quarantine|reject] [--dmarc-rua ADDR]\n"
      "         [--dmarc-ruf ADDR] [--tlsrpt-rua ADDR] [--mta-sts-mode testing|enforce] [--ttl "
      "SECONDS]\n"
      "         [--receive here|elsewhere] [--spf-include DOMAIN[,DOMAIN...]]";

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

// Everything the command line says; the error is for exit 2.
std::optional<Request> parseRequest(const Arguments &arguments, std::string &error)
{
    for (const auto &entry : arguments.options) {
        if (std::find(allowedOptions.begin(), allowedOptions.end(), entry.first)
            == allowedOptions.end()) {
            error = "unknown option " + entry.first;
            return std::nullopt;
        }
    }
    if (!arguments.flags.empty()) {
        error = "unknown option " + *arguments.flags.begin();
        return std::nullopt;
    }
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
    for (std::string_view include : mail::split(option(arguments, "--spf-include"), ',')) {
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

} // namespace

int runDnsCommand(const Arguments &arguments)
{
    const std::string verb = arguments.words.size() > 1 ? arguments.words[1] : "";
    if (verb != "records")
        return usageError(usage);
    std::string error;
    std::optional<Request> request = parseRequest(arguments, error);
    if (!request)
        return usageError(error);

    const daemon::LoadedConfigDir loaded = daemon::loadConfigDir(arguments.configDir);
    if (!loaded.value) {
        for (const std::string &problem : loaded.problems)
            std::cerr << problem << '\n';
        std::cerr << "postwrd: the configuration in " << arguments.configDir
                  << " has problems (see postwrd config check)\n";
        return 1;
    }
    const daemon::ConfigDir &config = *loaded.value;
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

} // namespace postwr::cli
