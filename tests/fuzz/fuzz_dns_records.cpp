// DNS answers as the checks and delivery code get them (mail/dns_lookup.h):
// SPF records and their evaluation (mail/spf.h), DMARC records and the
// policy walk (mail/dmarc.h), DKIM key records (mail/dkim_verifier.h), MX
// lists (mail/mx.h), MTA-STS records, policies and the policy cache
// (mail/mta_sts.h), DNS blocklist answers (mail/blocklist.h). Whoever runs
// a domain's DNS controls all of this text.
//
// Input: byte 0 chooses the code: 'S' SPF, 'D' DMARC, 'K' DKIM key, 'M' MX,
// 'T' MTA-STS, 'B' blocklist (any other byte: that byte modulo 6); byte 1
// the variant (the client's address, the algorithm, ...). The rest is lines:
// for the checks, the answer to each question in the order asked, its first
// byte the status (modulo 4: found, no such domain, no data, temporary
// error) and then its records separated by '|'. Questions past the last
// line get "no such domain".
//
// Invariants besides "no crash, no leak, no UB": a check never asks the same
// question twice and asks a bounded number; SPF macro expansion gives a
// lower-case name of at most 253 octets; a parsed MTA-STS cache written out
// reads back equal; every well-formed MX host is tried, lower case and
// without its trailing dot.
#include "fuzz_input.h"
#include "fuzz_settle.h"

#include "mail/blocklist.h"
#include "mail/config.h"
#include "mail/dkim_verifier.h"
#include "mail/dmarc.h"
#include "mail/mta_sts.h"
#include "mail/mx.h"
#include "mail/spf.h"
#include "mail/text.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace postwr::mail;
using postwr::fuzz::FuzzInput;
using postwr::fuzz::require;
using postwr::fuzz::settle;

namespace {

std::vector<std::string> split(std::string_view text, char separator)
{
    std::vector<std::string> parts;
    FuzzInput rest(reinterpret_cast<const std::uint8_t *>(text.data()), text.size());
    while (!rest.empty())
        parts.emplace_back(rest.until(separator));
    return parts;
}

DnsAnswer parseAnswer(std::string_view line)
{
    if (line.empty())
        return { DnsAnswer::Status::NoSuchDomain, {} };
    DnsAnswer answer;
    answer.status = static_cast<DnsAnswer::Status>(static_cast<unsigned char>(line.front()) % 4);
    if (answer.status == DnsAnswer::Status::Found)
        answer.records = split(line.substr(1), '|');
    if (answer.records.empty() && answer.status == DnsAnswer::Status::Found)
        answer.status = DnsAnswer::Status::NoData;
    return answer;
}

// Each question is answered by the input's next line.
auto fromInput(FuzzInput &input)
{
    return [&input](const DnsQuestion &) { return parseAnswer(input.until('\n')); };
}

bool lowerCase(std::string_view text)
{
    return std::none_of(text.begin(), text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

void spf(std::uint8_t variant, FuzzInput &input)
{
    const char *const ips[] = { "192.0.2.1", "2001:db8::cb01", "::ffff:192.0.2.1", "198.51.100.7" };
    const SpfQuery query { ips[variant & 3], variant & 4 ? "" : "Alice.Smith@Example.ORG", "mail.example.org" };
    // Ten lookups (RFC 7208 §4.6.4), each of which may need the addresses of
    // ten MX or PTR hosts, plus the record itself.
    settle<SpfVerdict>([&](const DnsAnswers &answers) { return checkSpf(query, answers); },
        fromInput(input), 1 + 10 * 11 + 11);
    if (variant & 8) {
        if (Result<std::string> name = expandSpfMacros(input.rest(), query, "example.org")) {
            require(name->size() <= 253, "an expanded name fits in DNS");
            require(lowerCase(*name), "an expanded name is lower case");
        }
    }
}

void dmarc(std::uint8_t variant, FuzzInput &input)
{
    if (variant & 1) {
        if (Result<DmarcRecord> record = parseDmarcRecord(input.rest()))
            require(record->percent >= 0 && record->percent <= 100, "pct= is a percentage");
        return;
    }
    const DmarcInput query { "news.mail.example.org", variant & 2 ? "example.org" : "other.example",
        (variant & 4) != 0, { variant & 8 ? "mail.example.org" : "example.net" } };
    const DmarcVerdict verdict
        = settle<DmarcVerdict>([&](const DnsAnswers &answers) { return checkDmarc(query, answers); },
            fromInput(input), 8);
    require(verdict.percent >= 0 && verdict.percent <= 100, "pct= is a percentage");
}

void dkimKey(std::uint8_t variant, FuzzInput &input)
{
    const std::string_view algorithms[] = { "rsa-sha256", "ed25519-sha256", "rsa-sha1", "" };
    const std::string signature(variant & 4 ? 64 : 256, '\x5a');
    const std::optional<std::string_view> identity
        = variant & 8 ? std::optional<std::string_view>("example.org") : std::nullopt;
    settle<DkimCheck>(
        [&](const DnsAnswers &answers) {
            return verifyDkimSignatureData(algorithms[variant & 3], "example.org", "sel", signature,
                "from:a@example.org\r\n", answers, identity);
        },
        fromInput(input), 1);
}

void mx(std::uint8_t variant, FuzzInput &input)
{
    std::vector<MxRecord> records;
    for (const std::string &line : split(input.rest(), '\n')) {
        const std::size_t space = line.find(' ');
        const std::string preference = line.substr(0, space);
        MxRecord record;
        record.preference = static_cast<std::uint16_t>(std::strtoul(preference.c_str(), nullptr, 10));
        record.host = space == std::string::npos ? "" : line.substr(space + 1);
        records.push_back(std::move(record));
    }
    // Names a resolver can give: a valid host name, maybe with its trailing
    // dot. Anything else is passed through as a host that will not resolve.
    std::vector<std::string> wellFormed;
    for (const MxRecord &record : records) {
        std::string_view host = record.host;
        if (host.ends_with('.'))
            host.remove_suffix(1);
        if (isValidHostname(host))
            wellFormed.emplace_back(host);
    }
    const std::size_t count = records.size();
    if (Result<std::vector<std::string>> hosts = orderMxHosts(std::move(records), "Example.ORG", variant)) {
        require(hosts->size() <= std::max<std::size_t>(count, 1), "no more hosts than records");
        for (const std::string &host : *hosts)
            require(lowerCase(host), "an MX host is lower case");
        for (const std::string &host : wellFormed)
            require(std::find(hosts->begin(), hosts->end(), toLowerAscii(host)) != hosts->end(),
                "a well-formed MX host is tried, without its trailing dot");
    }
}

void mtaSts(std::uint8_t variant, FuzzInput &input)
{
    const std::string_view text = input.rest();
    switch (variant % 3) {
    case 0:
        parseMtaStsRecord(text);
        selectMtaStsRecord(split(text, '\n'));
        break;
    case 1:
        if (Result<MtaStsPolicy> policy = parseMtaStsPolicy(text)) {
            require(policy->maxAge >= 0 && policy->maxAge <= kMtaStsMaxAge, "max_age is within a year");
            for (const std::string &pattern : policy->mx)
                mxMatches(*policy, pattern);
        }
        break;
    default:
        if (Result<MtaStsCacheEntries> cache = parseMtaStsCache(text)) {
            Result<MtaStsCacheEntries> again = parseMtaStsCache(serializeMtaStsCache(*cache));
            require(again.ok(), "a written cache reads back");
            require(*again == *cache, "a written cache reads back equal");
        }
        break;
    }
}

void blocklist(std::uint8_t variant, FuzzInput &input)
{
    const Result<BlocklistAddress> address = parseBlocklistAddress(input.until('\n'));
    if (!address)
        return;
    const std::vector<Blocklist> &lists = defaultBlocklists();
    const Blocklist &list = lists[variant % lists.size()];
    blocklistQueryName(*address, list);
    const BlocklistVerdict verdict = interpretBlocklistAnswer(list, *address, parseAnswer(input.until('\n')), "timeout");
    require(!verdict.message.empty(), "a verdict says what it means");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    FuzzInput input(data, size);
    const char kinds[] = "SDKMTB";
    const std::uint8_t kind = input.byte();
    const std::uint8_t variant = input.byte();
    const char *named = std::find(kinds, kinds + 6, static_cast<char>(kind));
    const std::size_t index = named != kinds + 6 ? static_cast<std::size_t>(named - kinds) : kind % 6u;
    switch (index) {
    case 0: spf(variant, input); break;
    case 1: dmarc(variant, input); break;
    case 2: dkimKey(variant, input); break;
    case 3: mx(variant, input); break;
    case 4: mtaSts(variant, input); break;
    default: blocklist(variant, input); break;
    }
    return 0;
}
