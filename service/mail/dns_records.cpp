#include "mail/dns_records.h"

#include "mail/address.h"
#include "mail/config.h"
#include "mail/text.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <openssl/evp.h>

namespace postwr::mail {

namespace {

constexpr std::string_view hexDigits = "0123456789abcdef";

bool isInside(std::string_view name, std::string_view domain)
{
    return name == domain
        || (name.size() > domain.size() && name.substr(name.size() - domain.size()) == domain
            && name[name.size() - domain.size() - 1] == '.');
}

// An address in its canonical text form (inet_ntop: lower case, "::" for the
// longest run of zeros), so records compare equal to what resolvers print.
Result<std::string> canonicalAddress(std::string_view text, bool v6)
{
    const char *family = v6 ? "IPv6" : "IPv4";
    std::array<unsigned char, 16> bytes {};
    if (inet_pton(v6 ? AF_INET6 : AF_INET, std::string(text).c_str(), bytes.data()) != 1)
        return Error { "'" + std::string(text) + "' is not an " + family + " address" };
    constexpr std::array<unsigned char, 12> mappedPrefix { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
        0xff };
    if (v6 && std::equal(mappedPrefix.begin(), mappedPrefix.end(), bytes.begin()))
        return Error { "'" + std::string(text)
            + "' is an IPv4 address written as IPv6: give it with --ipv4" };
    const std::size_t size = v6 ? 16 : 4;
    if (std::all_of(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(size),
            [](unsigned char b) { return b == 0; }))
        return Error { "'" + std::string(text) + "' is the unspecified address, not the server's" };
    std::array<char, INET6_ADDRSTRLEN> out {};
    inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), out.data(), out.size());
    return std::string(out.data());
}

// The characters allowed in the local part of a report address. DMARC's tag
// list and URI list use ';', ',' and '!' (RFC 7489 §6.4), and a mailto: URI
// would need others percent-encoded (RFC 6068): those addresses are refused
// rather than encoded, since report mailboxes are ours to name.
bool isPlainLocalPart(std::string_view localPart)
{
    return !localPart.empty() && std::all_of(localPart.begin(), localPart.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '+' || c == '-' || c == '_' || c == '=';
    });
}

// A report address given as "a@b" or "mailto:a@b"; the plain "a@b".
Result<std::string> reportAddress(std::string_view text, std::string_view option)
{
    std::string_view bare = text;
    if (startsWithIgnoreCase(bare, "mailto:"))
        bare.remove_prefix(7);
    Result<Address> address = parseAddress(bare, false);
    if (!address || address->isNull() || !isValidHostname(address->domain)
        || !isPlainLocalPart(address->localPart))
        return Error { std::string(option) + ": '" + std::string(text)
            + "' is not a report address: use local@domain with letters, digits and . + - _ = "
              "before the @" };
    return address->localPart + "@" + address->domain;
}

std::string sha256Hex(std::string_view text, std::size_t digits)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest {};
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr);
    std::string hex;
    for (unsigned int i = 0; i < length && hex.size() < digits; ++i) {
        hex += hexDigits[digest[i] >> 4];
        hex += hexDigits[digest[i] & 0x0f];
    }
    return hex.substr(0, digits);
}

std::string spfValue(const std::string &ipv4, const std::string &ipv6,
    const std::vector<std::string> &includes, std::string_view all)
{
    std::string value = "v=spf1";
    if (!ipv4.empty())
        value += " ip4:" + ipv4;
    if (!ipv6.empty())
        value += " ip6:" + ipv6;
    for (const std::string &include : includes)
        value += " include:" + include;
    return value + " " + std::string(all);
}

// RFC 7208 §4.6.4 allows 10 DNS lookups; every include costs one at least,
// and the provider's own record usually more.
constexpr std::size_t maxSpfIncludes = 8;

// The records and notes so far, for a request already checked: lower-case
// names, canonical addresses.
struct Builder {
    const DnsRecordRequest &request;
    std::vector<DnsRecord> records;
    std::vector<std::string> notes;

    void add(std::string id, std::string type, std::string name, std::string value,
        RecordPlace place, std::string purpose)
    {
        const std::uint32_t ttl = place == RecordPlace::Web ? 0 : request.ttl;
        records.push_back({ std::move(id), std::move(type), std::move(name), std::move(value), ttl,
            place, std::move(purpose) });
    }

    // A and AAAA of `name`, for the addresses given; `purpose` follows the name.
    void addAddresses(const std::string &idPrefix, const std::string &name, RecordPlace place,
        const std::string &purpose)
    {
        if (!request.ipv4.empty())
            add(idPrefix + "a", "A", name, request.ipv4, place,
                "IPv4 address of " + name + purpose);
        if (!request.ipv6.empty())
            add(idPrefix + "aaaa", "AAAA", name, request.ipv6, place,
                "IPv6 address of " + name + purpose);
    }
};

void addMailHost(Builder &builder)
{
    const DnsRecordRequest &request = builder.request;
    const std::string &domain = request.domain;
    const std::string &host = request.hostname;
    const RecordPlace hostPlace
        = isInside(host, domain) ? RecordPlace::Zone : RecordPlace::OtherZone;
    if (request.receiveHere)
        builder.add("mx", "MX", domain, "10 " + host, RecordPlace::Zone,
            "Mail for " + domain + " is delivered to this server, " + host + ".");
    else
        builder.notes.push_back("Mail for " + domain
            + " stays with its current provider: keep its MX records (and its MTA-STS and "
              "TLS-RPT records, if any) as they are.");
    builder.addAddresses("", host, hostPlace,
        request.receiveHere
            ? ", the mail server: where the MX points and the reverse DNS leads, which receivers "
              "check."
            : ", the mail server: where the reverse DNS leads, which receivers check.");
    const std::string spfAll = request.spfAll == SpfAll::Hard ? "-all" : "~all";
    std::string others;
    for (const std::string &include : request.spfIncludes)
        others += (others.empty() ? " and the servers of " : ", ") + include;
    builder.add("spf", "TXT", domain,
        spfValue(request.ipv4, request.ipv6, request.spfIncludes, spfAll), RecordPlace::Zone,
        "SPF: this server" + others + " may send mail from @" + domain + " addresses; receivers "
            + (request.spfAll == SpfAll::Hard ? "refuse mail from other servers"
                                              : "mark mail from other servers as suspect")
            + " (" + spfAll + ").");
    // RFC 7208 §3.2: one SPF record per name; the domain's covers the host then.
    if (host != domain)
        builder.add("spf-helo", "TXT", host, spfValue(request.ipv4, request.ipv6, {}, "-all"),
            hostPlace,
            "SPF for the name this server greets with (HELO): bounces have no sender, so "
            "receivers check this name instead.");
}

Status addDkim(Builder &builder)
{
    const DnsRecordRequest &request = builder.request;
    std::vector<const DkimKey *> keys;
    for (const DkimKey &key : request.dkimKeys)
        keys.push_back(&key);
    std::sort(keys.begin(), keys.end(),
        [](const DkimKey *a, const DkimKey *b) { return a->selector < b->selector; });
    for (const DkimKey *key : keys) {
        Result<std::string> value = dkimRecordValue(*key);
        if (!value)
            return Error { "selector " + key->selector + ": " + value.error().message };
        builder.add("dkim:" + key->selector, "TXT", dkimRecordName(*key), *value, RecordPlace::Zone,
            "DKIM public key (" + describeDkimKey(*key) + ") of selector " + key->selector
                + ": receivers check with it the signature postwrd puts on each message.");
    }
    if (keys.empty())
        builder.notes.push_back(request.domain
            + " has no DKIM key: make one with 'postwrd dkim keygen " + request.domain
            + "' and publish its record; unsigned mail goes to spam at Gmail.");
    return Ok {};
}

std::string dmarcAction(DmarcPolicy policy)
{
    switch (policy) {
    case DmarcPolicy::None:
        return "is only reported";
    case DmarcPolicy::Quarantine:
        return "goes to spam";
    case DmarcPolicy::Reject:
        return "is refused";
    }
    return "goes to spam";
}

// RFC 7489 §7.1: reports to another domain are sent only when it agrees.
void noteExternalReports(Builder &builder, const std::string &domain, const std::string &address)
{
    const std::string reportDomain = address.substr(address.rfind('@') + 1);
    if (isInside(reportDomain, domain))
        return;
    builder.notes.push_back("DMARC reports go to " + address + " only if " + reportDomain
        + " publishes the TXT record " + domain + "._report._dmarc." + reportDomain
        + " \"v=DMARC1\" (RFC 7489 §7.1), unless both domains share one organizational domain.");
}

Status addReporting(Builder &builder)
{
    const DnsRecordRequest &request = builder.request;
    const std::string &domain = request.domain;
    const std::string postmaster = "postmaster@" + domain;
    Result<std::string> rua
        = reportAddress(request.dmarcRua.empty() ? postmaster : request.dmarcRua, "--dmarc-rua");
    if (!rua)
        return rua.error();
    std::string dmarc = "v=DMARC1; p=" + std::string(dmarcPolicyName(request.dmarcPolicy))
        + "; fo=1; rua=mailto:" + *rua;
    noteExternalReports(builder, domain, *rua);
    if (!request.dmarcRuf.empty()) {
        Result<std::string> ruf = reportAddress(request.dmarcRuf, "--dmarc-ruf");
        if (!ruf)
            return ruf.error();
        dmarc += "; ruf=mailto:" + *ruf;
        noteExternalReports(builder, domain, *ruf);
    }
    builder.add("dmarc", "TXT", "_dmarc." + domain, dmarc, RecordPlace::Zone,
        "DMARC: mail with From: @" + domain + " that passes neither SPF nor DKIM "
            + dmarcAction(request.dmarcPolicy) + "; receivers send daily reports to " + *rua + ".");

    if (!request.receiveHere)
        return Ok {};
    Result<std::string> tlsrpt
        = reportAddress(request.tlsrptRua.empty() ? postmaster : request.tlsrptRua, "--tlsrpt-rua");
    if (!tlsrpt)
        return tlsrpt.error();
    builder.add("tlsrpt", "TXT", "_smtp._tls." + domain, "v=TLSRPTv1; rua=mailto:" + *tlsrpt,
        RecordPlace::Zone,
        "TLS-RPT: where sending servers report daily when they could not reach this server over "
        "TLS.");
    return Ok {};
}

void addMtaSts(Builder &builder)
{
    const DnsRecordRequest &request = builder.request;
    const std::string &domain = request.domain;
    const std::string policyHost = "mta-sts." + domain;
    const std::string url = "https://" + policyHost + "/.well-known/mta-sts.txt";
    const bool enforce = request.mtaStsMode == MtaStsMode::Enforce;
    // RFC 8461 §3.2; a week's max_age, so a mistake does not stay cached for long.
    const std::string policy
        = "version: STSv1\nmode: " + std::string(enforce ? "enforce" : "testing")
        + "\nmx: " + request.hostname + "\nmax_age: 604800\n";
    builder.add("mta-sts", "TXT", "_mta-sts." + domain, "v=STSv1; id=" + sha256Hex(policy, 20),
        RecordPlace::Zone,
        "MTA-STS: tells senders that " + url
            + " holds a policy; its id changes whenever the policy does.");
    builder.addAddresses("mta-sts-", policyHost, RecordPlace::Zone,
        ": a web server there must serve the MTA-STS policy over HTTPS (postwrd does not); "
        "or give your web host's address.");
    builder.add("mta-sts-policy", "FILE", url, policy, RecordPlace::Web,
        std::string("The MTA-STS policy, served by a web server (not postwrd): senders must reach ")
            + request.hostname + " over TLS with a valid certificate"
            + (enforce ? ", else they hold the mail back."
                       : "; in testing mode they only report failures."));
}

void addSubmission(Builder &builder)
{
    const DnsRecordRequest &request = builder.request;
    const std::string &domain = request.domain;
    const std::string &host = request.hostname;
    builder.add("srv-submissions", "SRV", "_submissions._tcp." + domain, "0 1 465 " + host,
        RecordPlace::Zone,
        "Mail programs find where to send from: port 465, TLS from the start (RFC 8314), "
        "preferred.");
    builder.add("srv-submission", "SRV", "_submission._tcp." + domain, "10 1 587 " + host,
        RecordPlace::Zone,
        "Mail programs find where to send from: port 587 with STARTTLS, the fallback.");
}

void addReverseDns(Builder &builder)
{
    const std::string &host = builder.request.hostname;
    for (const auto &[family, address] :
        { std::pair<std::string, std::string> { "ipv4", builder.request.ipv4 },
            std::pair<std::string, std::string> { "ipv6", builder.request.ipv6 } }) {
        if (address.empty())
            continue;
        Result<std::string> name = reverseDnsName(address);
        builder.add("ptr:" + family, "PTR", *name, host, RecordPlace::Provider,
            "Reverse DNS of " + address
                + ", set in your hosting provider's panel: receivers "
                  "check that it names "
                + host + " and that this name leads back to " + address + ".");
    }
}

// --- Formatting -------------------------------------------------------------

// The owner name relative to $ORIGIN, as a zone file writes it.
std::string relativeName(const std::string &name, const std::string &origin)
{
    if (name == origin)
        return "@";
    if (isInside(name, origin))
        return name.substr(0, name.size() - origin.size() - 1);
    return name + ".";
}

// The RDATA in master-file syntax: the host name that ends MX, SRV and PTR
// values made absolute, TXT as quoted character-strings.
std::string zoneData(const DnsRecord &record)
{
    if (record.type == "TXT") {
        std::string data;
        for (const std::string &piece : splitTxtStrings(record.value))
            data += (data.empty() ? "" : " ") + quoteZoneString(piece);
        return data;
    }
    if (record.type == "MX" || record.type == "SRV" || record.type == "PTR")
        return record.value + ".";
    return record.value;
}

std::string padded(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    return text;
}

// Words of `text` on lines of at most `width` columns; a word longer than a
// line (a DKIM key) is cut.
std::vector<std::string> wrap(std::string_view text, std::size_t width)
{
    std::vector<std::string> lines;
    std::string current;
    for (std::string_view word : split(text, ' ')) {
        std::string joined
            = current.empty() ? std::string(word) : current + " " + std::string(word);
        if (joined.size() <= width) {
            current = std::move(joined);
            continue;
        }
        if (word.size() <= width) {
            lines.push_back(current);
            current = std::string(word);
            continue;
        }
        while (joined.size() > width) {
            lines.push_back(joined.substr(0, width));
            joined.erase(0, width);
        }
        current = std::move(joined);
    }
    lines.push_back(current);
    return lines;
}

// Comment lines of a master file, wrapped to stay readable.
std::string zoneComment(std::string_view text)
{
    std::string out;
    for (const std::string &line : wrap(text, 76))
        out += "; " + line + "\n";
    return out;
}

std::string tableHeading(RecordPlace place, const DnsRecordSet &set, const DnsRecord &first)
{
    switch (place) {
    case RecordPlace::Zone:
        return "In the DNS zone of " + set.domain + " (TTL " + std::to_string(set.ttl) + "):";
    case RecordPlace::OtherZone:
        return "In the DNS zone that holds " + set.hostname + " (outside " + set.domain + "):";
    case RecordPlace::Provider:
        return "At your hosting provider (reverse DNS, set in its panel, not in your zone):";
    case RecordPlace::Web:
        return "On a web server, at " + first.name + ":";
    }
    return {};
}

} // namespace

std::string_view recordPlaceName(RecordPlace place)
{
    switch (place) {
    case RecordPlace::Zone:
        return "zone";
    case RecordPlace::OtherZone:
        return "other-zone";
    case RecordPlace::Provider:
        return "provider";
    case RecordPlace::Web:
        return "web";
    }
    return "zone";
}

Result<std::string> reverseDnsName(std::string_view ip)
{
    std::array<unsigned char, 16> bytes {};
    const std::string text(ip);
    std::string name;
    if (inet_pton(AF_INET, text.c_str(), bytes.data()) == 1) {
        for (int i = 3; i >= 0; --i)
            name += std::to_string(bytes[static_cast<std::size_t>(i)]) + ".";
        return name + "in-addr.arpa";
    }
    if (inet_pton(AF_INET6, text.c_str(), bytes.data()) == 1) {
        for (auto byte = bytes.rbegin(); byte != bytes.rend(); ++byte) {
            name += hexDigits[*byte & 0x0f];
            name += '.';
            name += hexDigits[*byte >> 4];
            name += '.';
        }
        return name + "ip6.arpa";
    }
    return Error { "'" + text + "' is not an IP address" };
}

bool isSpfIncludeDomain(std::string_view name)
{
    if (name.empty() || name.size() > 253 || name.find('.') == std::string_view::npos)
        return false;
    for (std::string_view label : split(name, '.')) {
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (const char c : label) {
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
                return false;
        }
    }
    return true;
}

Result<DnsRecordSet> dnsRecords(const DnsRecordRequest &request)
{
    if (!isValidHostname(request.domain))
        return Error { "'" + request.domain + "' is not a domain name" };
    if (!isValidHostname(request.hostname))
        return Error { "the host name '" + request.hostname + "' is not a DNS name" };
    if (request.ipv4.empty() && request.ipv6.empty())
        return Error { "the server's address is needed: give --ipv4 ADDR, --ipv6 ADDR, or both" };
    Result<std::string> ipv4
        = request.ipv4.empty() ? std::string() : canonicalAddress(request.ipv4, false);
    if (!ipv4)
        return Error { "--ipv4: " + ipv4.error().message };
    Result<std::string> ipv6
        = request.ipv6.empty() ? std::string() : canonicalAddress(request.ipv6, true);
    if (!ipv6)
        return Error { "--ipv6: " + ipv6.error().message };

    if (request.spfIncludes.size() > maxSpfIncludes)
        return Error { "--spf-include: at most " + std::to_string(maxSpfIncludes)
            + " other senders fit in SPF's 10 DNS lookups" };
    DnsRecordRequest normalized = request;
    normalized.spfIncludes.clear();
    for (const std::string &include : request.spfIncludes) {
        std::string name = toLowerAscii(include);
        if (name.rfind("include:", 0) == 0)
            name.erase(0, 8);
        if (!name.empty() && name.back() == '.')
            name.pop_back();
        if (!isSpfIncludeDomain(name))
            return Error { "--spf-include: '" + include
                + "' is not a domain name (give the provider's SPF domain, e.g. _spf.google.com)" };
        if (std::find(normalized.spfIncludes.begin(), normalized.spfIncludes.end(), name)
            == normalized.spfIncludes.end())
            normalized.spfIncludes.push_back(name);
    }
    normalized.domain = toLowerAscii(request.domain);
    normalized.hostname = toLowerAscii(request.hostname);
    normalized.ipv4 = *ipv4;
    normalized.ipv6 = *ipv6;
    Builder builder { normalized, {}, {} };
    addMailHost(builder);
    if (Status status = addDkim(builder); !status)
        return status.error();
    if (Status status = addReporting(builder); !status)
        return status.error();
    if (normalized.receiveHere)
        addMtaSts(builder);
    addSubmission(builder);
    addReverseDns(builder);
    if (!isInside(normalized.hostname, normalized.domain))
        builder.notes.push_back(normalized.hostname + " is outside " + normalized.domain
            + ": its A/AAAA and SPF records belong in the zone that holds it.");
    return DnsRecordSet { normalized.domain, normalized.hostname, normalized.ttl,
        std::move(builder.records), std::move(builder.notes) };
}

std::string quoteZoneString(std::string_view text)
{
    std::string quoted = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            quoted += '\\';
            quoted += c;
        } else if (byte < 0x20 || byte >= 0x7f) {
            quoted += '\\';
            quoted += static_cast<char>('0' + byte / 100);
            quoted += static_cast<char>('0' + byte / 10 % 10);
            quoted += static_cast<char>('0' + byte % 10);
        } else {
            quoted += c;
        }
    }
    return quoted + "\"";
}

std::string jsonString(std::string_view text)
{
    std::string quoted = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"':
            quoted += "\\\"";
            break;
        case '\\':
            quoted += "\\\\";
            break;
        case '\n':
            quoted += "\\n";
            break;
        case '\r':
            quoted += "\\r";
            break;
        case '\t':
            quoted += "\\t";
            break;
        default:
            if (byte < 0x20) {
                quoted += "\\u00";
                quoted += hexDigits[byte >> 4];
                quoted += hexDigits[byte & 0x0f];
            } else {
                quoted += c; // UTF-8 passes through (RFC 8259 §8.1)
            }
        }
    }
    return quoted + "\"";
}

std::string formatZone(const DnsRecordSet &set)
{
    std::size_t ownerWidth = 0;
    for (const DnsRecord &record : set.records) {
        if (record.place == RecordPlace::Zone)
            ownerWidth = std::max(ownerWidth, relativeName(record.name, set.domain).size());
    }
    std::string out = "; The DNS records of " + set.domain
        + " for postwrd (postwrd dns records).\n"
          "; Import this file into the zone of "
        + set.domain
        + ", or copy each record.\n"
          "; Records in comments belong elsewhere: the comment above each says where.\n"
          "$ORIGIN "
        + set.domain + ".\n$TTL " + std::to_string(set.ttl) + "\n";
    for (const DnsRecord &record : set.records) {
        out += "\n";
        switch (record.place) {
        case RecordPlace::Zone:
            out += zoneComment(record.purpose)
                + padded(relativeName(record.name, set.domain), ownerWidth) + " IN "
                + padded(record.type, 5) + " " + zoneData(record) + "\n";
            break;
        case RecordPlace::OtherZone:
            out += zoneComment("Not in this zone but in the one that holds " + record.name + ": "
                       + record.purpose)
                + "; " + record.name + ". IN " + record.type + " " + zoneData(record) + "\n";
            break;
        case RecordPlace::Provider:
            out += zoneComment(record.purpose) + "; " + record.name + ". IN " + record.type + " "
                + zoneData(record) + "\n";
            break;
        case RecordPlace::Web:
            out += zoneComment(record.purpose) + "; Serve this text at " + record.name + ":\n";
            for (std::string_view line : split(record.value, '\n')) {
                if (!line.empty())
                    out += ";   " + std::string(line) + "\n";
            }
            break;
        }
    }
    return out;
}

std::string formatJson(const DnsRecordSet &set)
{
    std::string out = "{\n  \"domain\": " + jsonString(set.domain)
        + ",\n  \"hostname\": " + jsonString(set.hostname)
        + ",\n  \"ttl\": " + std::to_string(set.ttl) + ",\n  \"records\": [";
    for (std::size_t i = 0; i < set.records.size(); ++i) {
        const DnsRecord &record = set.records[i];
        out += std::string(i == 0 ? "" : ",") + "\n    {\n      \"id\": " + jsonString(record.id)
            + ",\n      \"type\": " + jsonString(record.type) + ",\n      \"name\": "
            + jsonString(record.name) + ",\n      \"value\": " + jsonString(record.value);
        if (record.type == "TXT") {
            out += ",\n      \"strings\": [";
            const std::vector<std::string> pieces = splitTxtStrings(record.value);
            for (std::size_t j = 0; j < pieces.size(); ++j)
                out += (j == 0 ? "" : ", ") + jsonString(pieces[j]);
            out += "]";
        }
        if (record.place != RecordPlace::Web)
            out += ",\n      \"ttl\": " + std::to_string(record.ttl);
        out += ",\n      \"where\": " + jsonString(recordPlaceName(record.place))
            + ",\n      \"purpose\": " + jsonString(record.purpose) + "\n    }";
    }
    out += "\n  ],\n  \"notes\": [";
    for (std::size_t i = 0; i < set.notes.size(); ++i)
        out += std::string(i == 0 ? "" : ",") + "\n    " + jsonString(set.notes[i]);
    out += set.notes.empty() ? "]\n}\n" : "\n  ]\n}\n";
    return out;
}

std::string formatTable(const DnsRecordSet &set, std::size_t width)
{
    constexpr std::size_t typeWidth = 6; // "AAAA  "
    constexpr std::size_t minValueWidth = 36;
    // A name longer than the widest column that leaves minValueWidth (an
    // IPv6 reverse name) puts its value on the next line instead.
    const std::size_t maxNameWidth
        = width > typeWidth + minValueWidth + 10 ? width - typeWidth - minValueWidth : 10;
    std::size_t nameWidth = 6;
    for (const DnsRecord &record : set.records) {
        if (record.place != RecordPlace::Web && record.name.size() + 2 <= maxNameWidth)
            nameWidth = std::max(nameWidth, record.name.size() + 2);
    }
    const std::size_t valueWidth
        = std::max(minValueWidth, width - std::min(width, typeWidth + nameWidth));
    const std::string indent(typeWidth + nameWidth, ' ');

    std::string out;
    bool wrapped = false;
    for (const RecordPlace place :
        { RecordPlace::Zone, RecordPlace::OtherZone, RecordPlace::Provider, RecordPlace::Web }) {
        const auto first = std::find_if(set.records.begin(), set.records.end(),
            [place](const DnsRecord &record) { return record.place == place; });
        if (first == set.records.end())
            continue;
        out += (out.empty() ? "" : "\n") + tableHeading(place, set, *first) + "\n";
        if (place == RecordPlace::Web) {
            for (const DnsRecord &record : set.records) {
                if (record.place == place)
                    out += record.value;
            }
            continue;
        }
        out += padded("TYPE", typeWidth) + padded("NAME", nameWidth) + "VALUE\n";
        for (const DnsRecord &record : set.records) {
            if (record.place != place)
                continue;
            std::string line = padded(record.type, typeWidth) + record.name;
            if (line.size() + 2 > typeWidth + nameWidth)
                line += "\n" + indent;
            else
                line = padded(std::move(line), typeWidth + nameWidth);
            const std::vector<std::string> lines = wrap(record.value, valueWidth);
            wrapped = wrapped || lines.size() > 1;
            for (std::size_t i = 0; i < lines.size(); ++i)
                out += (i == 0 ? line : indent) + lines[i] + "\n";
        }
    }
    if (wrapped)
        out += "\nLong values are wrapped here: copy them from --format zone or --format json.\n";
    return out;
}

} // namespace postwr::mail
