#include "mail/blocklist.h"

#include "mail/config.h"
#include "mail/dns_records.h"
#include "mail/text.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <cstdint>
#include <optional>

namespace postwr::mail {

namespace {

constexpr std::string_view zenZone = "zen.spamhaus.org";

// 32 nibbles and the 31 dots between them: the longest reversed address
// (RFC 5782 §2.4).
constexpr std::size_t longestReversed = 63;

// An IPv4 address as a number, for the ranges below; nothing when the text
// is no dotted quad (an A record always is one).
std::optional<std::uint32_t> ipv4Number(const std::string &text)
{
    std::array<unsigned char, 4> bytes {};
    if (inet_pton(AF_INET, text.c_str(), bytes.data()) != 1)
        return std::nullopt;
    return (std::uint32_t { bytes[0] } << 24) | (std::uint32_t { bytes[1] } << 16)
        | (std::uint32_t { bytes[2] } << 8) | bytes[3];
}

// RFC 5782 §2.3: listings are answered from 127.0.0.0/8.
bool isLoopbackCode(std::uint32_t code)
{
    return (code >> 24) == 127;
}

// Spamhaus's error range (its "DNSBL return codes: technical update", 2019):
// answers from 127.255.255.0/24 say the query was not answered, and must
// never be read as a listing.
bool isRefusalCode(std::uint32_t code)
{
    return (code >> 8) == 0x7fffff;
}

// What a ZEN return code means (Spamhaus's zone documentation). ZEN joins
// the SBL, XBL and PBL, so one address can have several codes.
std::string zenMeaning(std::uint32_t code)
{
    switch (code & 0xff) {
    case 2:
        return "SBL, a known spam source";
    case 3:
        return "SBL CSS, a low-reputation sender (snowshoe spam)";
    case 4:
    case 5:
    case 6:
    case 7:
        return "XBL, an exploited or infected machine";
    case 9:
        return "DROP, a hijacked or criminal network";
    case 10:
    case 11:
        // The PBL is no accusation: an ISP (.10) or Spamhaus (.11) declares a
        // range, usually home connections, not meant to send mail directly.
        return "PBL, this address should not send mail directly (common for home IPs)";
    case 30:
        return "BCL, a botnet controller";
    default:
        return {};
    }
}

// Why the list refused, and what to do about it.
std::string refusalReason(std::uint32_t code)
{
    switch (code & 0xff) {
    case 252:
        return "the list does not know the zone it was asked under: check the zone's spelling";
    case 254:
        return "the query came through a public or open resolver: set [dns] servers in "
               "postwrd.conf to a resolver of this server's own, e.g. a local unbound";
    case 255:
        return "too many queries came from the resolver: set [dns] servers in postwrd.conf to "
               "a resolver of this server's own, e.g. a local unbound";
    default:
        return "set [dns] servers in postwrd.conf to a resolver of this server's own, e.g. a "
               "local unbound, and check again";
    }
}

std::string joined(const std::vector<std::string> &items, std::string_view separator)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : std::string(separator)) + item;
    return out;
}

std::string listedMessage(const Blocklist &list, const BlocklistAddress &address,
    const std::vector<std::uint32_t> &codes, const std::vector<std::string> &texts)
{
    std::string message = address.text + " is listed on " + list.name + " (";
    for (std::size_t i = 0; i < codes.size(); ++i) {
        message += (i ? "; " : "") + texts[i];
        const std::string meaning = list.zone == zenZone ? zenMeaning(codes[i]) : std::string();
        if (!meaning.empty())
            message += ": " + meaning;
    }
    message += ")";
    if (!list.delistUrl.empty())
        message += "; see why and ask for removal at " + list.delistUrl;
    return message;
}

std::string padded(std::string text, std::size_t width)
{
    if (text.size() < width)
        text.append(width - text.size(), ' ');
    return text;
}

} // namespace

const std::vector<Blocklist> &defaultBlocklists()
{
    static const std::vector<Blocklist> lists {
        { "zen", "Spamhaus ZEN", "zen.spamhaus.org", true, "https://check.spamhaus.org/" },
        { "spamcop", "SpamCop", "bl.spamcop.net", false, "https://www.spamcop.net/bl.shtml" },
        { "barracuda", "Barracuda", "b.barracudacentral.org", false,
            "https://www.barracudacentral.org/rbl/removal-request" },
        { "uceprotect-1", "UCEPROTECT level 1", "dnsbl-1.uceprotect.net", false,
            "https://www.uceprotect.net/en/rblcheck.php" },
        { "mailspike", "Mailspike", "bl.mailspike.net", false, "https://mailspike.io/ip_verify" },
        { "psbl", "PSBL", "psbl.surriel.com", false, "https://psbl.org/" },
    };
    return lists;
}

Result<Blocklist> blocklistForZone(std::string_view zone)
{
    std::string name = toLowerAscii(trim(zone));
    if (name.size() > 1 && name.back() == '.')
        name.pop_back();
    if (!isValidHostname(name))
        return Error { "'" + std::string(zone) + "' is not a DNS zone" };
    // The whole query name must stay within 253 bytes (RFC 1035 §2.3.4).
    if (name.size() + 1 + longestReversed > 253)
        return Error { "the zone '" + name
            + "' is too long to ask about an IPv6 address under it" };
    return Blocklist { name, name, name, true, {} };
}

Result<BlocklistAddress> parseBlocklistAddress(std::string_view text)
{
    const std::string input(text);
    std::array<unsigned char, 16> bytes {};
    BlocklistAddress address;
    std::array<char, INET6_ADDRSTRLEN> out {};
    if (inet_pton(AF_INET, input.c_str(), bytes.data()) != 1) {
        if (inet_pton(AF_INET6, input.c_str(), bytes.data()) != 1)
            return Error { "'" + input + "' is not an IP address" };
        constexpr std::array<unsigned char, 12> mappedPrefix { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
            0xff };
        if (std::equal(mappedPrefix.begin(), mappedPrefix.end(), bytes.begin()))
            std::copy(bytes.begin() + 12, bytes.end(), bytes.begin());
        else
            address.ipv6 = true;
    }
    inet_ntop(address.ipv6 ? AF_INET6 : AF_INET, bytes.data(), out.data(), out.size());
    address.text = out.data();
    if (address.ipv6) {
        static constexpr std::string_view hex = "0123456789abcdef";
        for (auto byte = bytes.rbegin(); byte != bytes.rend(); ++byte) {
            address.reversed += (address.reversed.empty() ? "" : ".");
            address.reversed += hex[*byte & 0x0f];
            address.reversed += '.';
            address.reversed += hex[*byte >> 4];
        }
    } else {
        for (int i = 3; i >= 0; --i) {
            address.reversed += (address.reversed.empty() ? "" : ".");
            address.reversed += std::to_string(bytes[static_cast<std::size_t>(i)]);
        }
    }
    return address;
}

std::string blocklistQueryName(const BlocklistAddress &address, const Blocklist &list)
{
    return address.reversed + "." + list.zone;
}

bool blocklistServes(const Blocklist &list, const BlocklistAddress &address)
{
    return list.ipv6 || !address.ipv6;
}

std::string_view blocklistStateName(BlocklistState state)
{
    switch (state) {
    case BlocklistState::Clean:
        return "clean";
    case BlocklistState::Listed:
        return "listed";
    case BlocklistState::Refused:
        return "refused";
    case BlocklistState::Unknown:
        return "unknown";
    }
    return "unknown";
}

BlocklistVerdict interpretBlocklistAnswer(const Blocklist &list, const BlocklistAddress &address,
    const DnsAnswer &answer, std::string_view failure)
{
    BlocklistVerdict verdict;
    switch (answer.status) {
    case DnsAnswer::Status::NoSuchDomain:
    case DnsAnswer::Status::NoData:
        verdict.state = BlocklistState::Clean;
        verdict.message = address.text + " is not listed on " + list.name;
        return verdict;
    case DnsAnswer::Status::TemporaryError:
        verdict.state = BlocklistState::Unknown;
        verdict.message = "unknown: " + list.name + " could not be asked about " + address.text
            + (failure.empty() ? std::string() : ": " + std::string(failure));
        return verdict;
    case DnsAnswer::Status::Found:
        break;
    }

    // Numeric order, each code once: dnsmasq and others rotate the records.
    std::vector<std::pair<std::uint32_t, std::string>> answered;
    std::vector<std::string> strange; // records that are no IPv4 address at all
    for (const std::string &record : answer.records) {
        if (const std::optional<std::uint32_t> number = ipv4Number(record))
            answered.emplace_back(*number, record);
        else
            strange.push_back(record);
    }
    std::sort(answered.begin(), answered.end());
    answered.erase(std::unique(answered.begin(), answered.end()), answered.end());
    for (const auto &[number, text] : answered)
        verdict.codes.push_back(text);
    verdict.codes.insert(verdict.codes.end(), strange.begin(), strange.end());

    // A refusal wins over anything beside it: the list says it did not look.
    const auto refusal = std::find_if(answered.begin(), answered.end(),
        [](const auto &code) { return isRefusalCode(code.first); });
    if (refusal != answered.end()) {
        verdict.state = BlocklistState::Refused;
        verdict.message = list.name + " refused to answer (" + refusal->second
            + "), so it is unknown whether " + address.text
            + " is listed: " + refusalReason(refusal->first);
        return verdict;
    }
    std::vector<std::uint32_t> listed;
    std::vector<std::string> listedTexts;
    for (const auto &[number, text] : answered) {
        if (isLoopbackCode(number)) {
            listed.push_back(number);
            listedTexts.push_back(text);
        }
    }
    if (!listed.empty()) {
        verdict.state = BlocklistState::Listed;
        verdict.message = listedMessage(list, address, listed, listedTexts);
        return verdict;
    }
    verdict.state = BlocklistState::Unknown;
    verdict.message = "unknown: " + list.name + " answered " + joined(verdict.codes, ", ") + " for "
        + address.text
        + ", which is not a listing (listings are in 127.0.0.0/8); a resolver or network that "
          "rewrites answers may be in the way";
    return verdict;
}

std::string formatBlocklistJson(const std::vector<BlocklistResult> &results)
{
    std::string out = "{\"results\":[";
    for (std::size_t i = 0; i < results.size(); ++i) {
        const BlocklistResult &result = results[i];
        std::string codes;
        for (const std::string &code : result.verdict.codes)
            codes += (codes.empty() ? "" : ",") + jsonString(code);
        const std::vector<std::pair<std::string_view, std::string>> fields {
            { "list", jsonString(result.list.id) },
            { "name", jsonString(result.list.name) },
            { "zone", jsonString(result.list.zone) },
            { "address", jsonString(result.address) },
            { "state", jsonString(blocklistStateName(result.verdict.state)) },
            { "codes", "[" + codes + "]" },
            { "message", jsonString(result.verdict.message) },
            { "delist", jsonString(result.list.delistUrl) },
        };
        std::string object;
        for (const auto &[key, value] : fields)
            object += (object.empty() ? "" : ",") + jsonString(key) + ":" + value;
        out += (i ? ",\n{" : "\n{") + object + "}";
    }
    return out + "\n]}\n";
}

std::string formatBlocklistTable(const std::vector<BlocklistResult> &results)
{
    std::size_t nameWidth = 4;
    std::size_t addressWidth = 7;
    for (const BlocklistResult &result : results) {
        nameWidth = std::max(nameWidth, result.list.name.size());
        addressWidth = std::max(addressWidth, result.address.size());
    }
    std::string out
        = padded("LIST", nameWidth + 2) + padded("ADDRESS", addressWidth + 2) + "STATE\n";
    for (const BlocklistResult &result : results) {
        out += padded(result.list.name, nameWidth + 2) + padded(result.address, addressWidth + 2)
            + std::string(blocklistStateName(result.verdict.state)) + "\n";
        out += "  " + result.verdict.message + "\n";
    }
    return out;
}

} // namespace postwr::mail
