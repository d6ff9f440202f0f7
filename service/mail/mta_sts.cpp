#include "mail/mta_sts.h"

#include "mail/text.h"

#include <charconv>
#include <optional>

namespace postwr::mail {

namespace {

bool isAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool isWsp(char c)
{
    return c == ' ' || c == '\t';
}

std::string_view trimWsp(std::string_view text)
{
    while (!text.empty() && isWsp(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isWsp(text.back()))
        text.remove_suffix(1);
    return text;
}

// RFC 8461 §3.1: sts-ext-name = (ALPHA / DIGIT) *31(ALPHA / DIGIT / "_" / "-" / ".")
bool isExtensionName(std::string_view name)
{
    if (name.empty() || name.size() > 32 || !isAlnum(name.front()))
        return false;
    for (char c : name) {
        if (!isAlnum(c) && c != '_' && c != '-' && c != '.')
            return false;
    }
    return true;
}

// sts-ext-value = 1*(%x21-3A / %x3C / %x3E-7E): printable, no "=", ";" or space.
bool isExtensionValue(std::string_view value)
{
    if (value.empty())
        return false;
    for (char c : value) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x21 || u > 0x7e || c == '=' || c == ';')
            return false;
    }
    return true;
}

// A host name as the policy's "mx" value allows (RFC 8461 §3.2, after RFC
// 5321's Domain): dot-separated labels of letters, digits, "-" and "_".
bool isHostName(std::string_view name)
{
    if (name.empty() || name.size() > 253)
        return false;
    for (std::string_view label : split(name, '.')) {
        if (label.empty() || label.size() > 63)
            return false;
        for (char c : label) {
            if (!isAlnum(c) && c != '-' && c != '_')
                return false;
        }
    }
    return true;
}

std::optional<std::int64_t> parseSeconds(std::string_view text, std::size_t maxDigits)
{
    if (text.empty() || text.size() > maxDigits)
        return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
    }
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

std::optional<MtaStsMode> parseMode(std::string_view text)
{
    if (text == "enforce")
        return MtaStsMode::Enforce;
    if (text == "testing")
        return MtaStsMode::Testing;
    if (text == "none")
        return MtaStsMode::None;
    return std::nullopt;
}

std::string_view withoutTrailingDot(std::string_view host)
{
    if (!host.empty() && host.back() == '.')
        host.remove_suffix(1);
    return host;
}

} // namespace

std::string_view modeName(MtaStsMode mode)
{
    switch (mode) {
    case MtaStsMode::Enforce:
        return "enforce";
    case MtaStsMode::Testing:
        return "testing";
    case MtaStsMode::None:
        break;
    }
    return "none";
}

// RFC 8461 §3.1:
//   sts-text-record = sts-version 1*(*WSP field-delim *WSP sts-field) [field-delim] *WSP
//   sts-version     = %s"v=STSv1"
//   sts-id          = %s"id=" 1*32(ALPHA / DIGIT)
Result<MtaStsRecord> parseMtaStsRecord(std::string_view text)
{
    const std::vector<std::string_view> fields = split(trimWsp(text), ';');
    if (trimWsp(fields.front()) != "v=STSv1")
        return Error { "the record does not start with \"v=STSv1\"" };
    MtaStsRecord record;
    bool haveId = false;
    for (std::size_t i = 1; i < fields.size(); ++i) {
        const std::string_view field = trimWsp(fields[i]);
        if (field.empty()) {
            // Only the optional final ";" may leave an empty field.
            if (i + 1 == fields.size() && i > 1)
                continue;
            return Error { "empty field in the record" };
        }
        const std::size_t equals = field.find('=');
        if (equals == std::string_view::npos)
            return Error { "field \"" + std::string(field) + "\" has no \"=\"" };
        const std::string_view name = field.substr(0, equals);
        const std::string_view value = field.substr(equals + 1);
        if (name == "id") {
            if (haveId)
                return Error { "the record has two ids" };
            if (value.empty() || value.size() > 32)
                return Error { "the id must be 1 to 32 letters and digits" };
            for (char c : value) {
                if (!isAlnum(c))
                    return Error { "the id must be 1 to 32 letters and digits" };
            }
            record.id = std::string(value);
            haveId = true;
        } else if (!isExtensionName(name) || !isExtensionValue(value)) {
            return Error { "invalid field \"" + std::string(field) + "\"" };
        }
        // Other valid extension fields are ignored.
    }
    if (!haveId)
        return Error { "the record has no id" };
    return record;
}

// RFC 8461 §3.1: "If multiple TXT records for _mta-sts are returned by the
// resolver, records that do not begin with "v=STSv1;" are discarded. If the
// number of resulting records is not one, or if the resulting record is
// syntactically invalid, senders MUST assume the Policy Domain does not have
// an available MTA-STS Policy."
Result<MtaStsRecord> selectMtaStsRecord(const std::vector<std::string> &txtRecords)
{
    const std::string *found = nullptr;
    for (const std::string &record : txtRecords) {
        if (!std::string_view(record).starts_with("v=STSv1;"))
            continue;
        if (found)
            return Error { "more than one MTA-STS TXT record" };
        found = &record;
    }
    if (!found)
        return Error { "no MTA-STS TXT record" };
    return parseMtaStsRecord(*found);
}

// RFC 8461 §3.2:
//   sts-policy-record  = sts-policy-field *WSP *(sts-policy-term sts-policy-field *WSP)
//   [sts-policy-term] sts-policy-term    = LF / CRLF sts-policy-field-delim = ":" *WSP version:
//   %s"STSv1"; mode: %s"testing" / %s"enforce" / %s"none"; mx: ["*."] Domain; max_age: 1*10(DIGIT),
//   at most 31557600.
Result<MtaStsPolicy> parseMtaStsPolicy(std::string_view text)
{
    MtaStsPolicy policy;
    bool haveVersion = false;
    bool haveMode = false;
    bool haveMaxAge = false;
    int lineNumber = 0;
    for (std::string_view line : split(text, '\n')) {
        ++lineNumber;
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        if (line.find('\r') != std::string_view::npos)
            return Error { "bare CR in the policy", lineNumber };
        // Not in the ABNF, but harmless and common at the end of a file.
        if (trimWsp(line).empty())
            continue;
        const std::size_t colon = line.find(':');
        if (colon == std::string_view::npos)
            return Error { "expected \"key: value\"", lineNumber };
        const std::string_view key = line.substr(0, colon);
        const std::string_view value = trimWsp(line.substr(colon + 1));
        if (key == "version") {
            if (haveVersion)
                return Error { "\"version\" is given twice", lineNumber };
            if (value != "STSv1")
                return Error { "unsupported version \"" + std::string(value)
                        + "\" (expected STSv1)",
                    lineNumber };
            haveVersion = true;
        } else if (key == "mode") {
            if (haveMode)
                return Error { "\"mode\" is given twice", lineNumber };
            const std::optional<MtaStsMode> mode = parseMode(value);
            if (!mode)
                return Error { "unknown mode \"" + std::string(value)
                        + "\" (expected enforce, testing or none)",
                    lineNumber };
            policy.mode = *mode;
            haveMode = true;
        } else if (key == "max_age") {
            if (haveMaxAge)
                return Error { "\"max_age\" is given twice", lineNumber };
            const std::optional<std::int64_t> seconds = parseSeconds(value, 10);
            if (!seconds)
                return Error { "max_age \"" + std::string(value) + "\" is not a number of seconds",
                    lineNumber };
            if (*seconds > kMtaStsMaxAge)
                return Error { "max_age " + std::string(value) + " is over a year (31557600)",
                    lineNumber };
            policy.maxAge = *seconds;
            haveMaxAge = true;
        } else if (key == "mx") {
            const std::string pattern = toLowerAscii(value);
            const std::string_view host = std::string_view(pattern).starts_with("*.")
                ? std::string_view(pattern).substr(2)
                : std::string_view(pattern);
            if (!isHostName(host))
                return Error { "invalid mx pattern \"" + std::string(value) + "\"", lineNumber };
            policy.mx.push_back(pattern);
        } else if (!isExtensionName(key)) {
            return Error { "invalid key \"" + std::string(key) + "\"", lineNumber };
        }
        // Other keys are extensions: ignored.
    }
    if (!haveVersion)
        return Error { "the policy has no version" };
    if (!haveMode)
        return Error { "the policy has no mode" };
    if (!haveMaxAge)
        return Error { "the policy has no max_age" };
    // "mx" is what enforce and testing check against; a "none" policy, which
    // only withdraws an older one (§8.3), needs none.
    if (policy.mode != MtaStsMode::None && policy.mx.empty())
        return Error { "the policy has no mx" };
    return policy;
}

// RFC 8461 §4.1: "a "*." prefix ... matches any single label, such that
// "*.example.com" would match "mail.example.com" but not "example.com" or
// "foo.bar.example.com"." Host names compare case-insensitively.
bool mxMatches(const MtaStsPolicy &policy, std::string_view host)
{
    const std::string name = toLowerAscii(withoutTrailingDot(host));
    if (name.empty())
        return false;
    for (const std::string &pattern : policy.mx) {
        if (!std::string_view(pattern).starts_with("*.")) {
            if (name == withoutTrailingDot(pattern))
                return true;
            continue;
        }
        const std::string_view suffix = std::string_view(pattern).substr(1); // ".example.com"
        if (name.size() <= suffix.size() || !std::string_view(name).ends_with(suffix))
            continue;
        const std::string_view label
            = std::string_view(name).substr(0, name.size() - suffix.size());
        if (label.find('.') == std::string_view::npos)
            return true;
    }
    return false;
}

Result<MtaStsCacheEntries> parseMtaStsCache(std::string_view text)
{
    MtaStsCacheEntries entries;
    std::string domain; // the block being read, "" before the first
    CachedMtaStsPolicy entry;
    int blockLine = 0;
    bool haveId = false;
    bool haveFetched = false;
    bool haveMode = false;
    bool haveMaxAge = false;
    bool haveVersion = false;

    const auto finishBlock = [&]() -> Status {
        if (domain.empty())
            return Ok {};
        if (!haveId || !haveFetched || !haveMode || !haveMaxAge)
            return Error { "the entry for " + domain + " lacks id, fetched, mode or max_age",
                blockLine };
        if (entry.policy.mode != MtaStsMode::None && entry.policy.mx.empty())
            return Error { "the entry for " + domain + " has no mx", blockLine };
        entries.emplace(domain, std::move(entry));
        entry = {};
        return Ok {};
    };

    int lineNumber = 0;
    for (std::string_view line : split(text, '\n')) {
        ++lineNumber;
        line = trim(line);
        if (line.empty() || line.front() == '#')
            continue;
        const std::size_t space = line.find_first_of(" \t");
        const std::string_view key = line.substr(0, space);
        const std::string_view value
            = space == std::string_view::npos ? std::string_view {} : trim(line.substr(space));
        if (!haveVersion) {
            if (key != "postwr-mta-sts-cache")
                return Error { "not an MTA-STS cache file (no \"postwr-mta-sts-cache\" line)",
                    lineNumber };
            if (value != "1")
                return Error { "unsupported MTA-STS cache version \"" + std::string(value) + "\"",
                    lineNumber };
            haveVersion = true;
            continue;
        }
        if (value.empty())
            return Error { "\"" + std::string(key) + "\" has no value", lineNumber };
        if (key == "domain") {
            if (Status status = finishBlock(); !status)
                return status.error();
            domain = toLowerAscii(value);
            if (!isHostName(domain))
                return Error { "invalid domain \"" + domain + "\"", lineNumber };
            if (entries.count(domain))
                return Error { "domain \"" + domain + "\" is listed twice", lineNumber };
            blockLine = lineNumber;
            haveId = haveFetched = haveMode = haveMaxAge = false;
            continue;
        }
        if (domain.empty())
            return Error { "\"" + std::string(key) + "\" before the first domain", lineNumber };
        if (key == "id") {
            const Result<MtaStsRecord> record
                = parseMtaStsRecord("v=STSv1; id=" + std::string(value));
            if (haveId || !record)
                return Error { "invalid or repeated id", lineNumber };
            entry.id = record->id;
            haveId = true;
        } else if (key == "fetched") {
            const std::optional<std::int64_t> seconds = parseSeconds(value, 18);
            if (haveFetched || !seconds)
                return Error { "invalid or repeated fetched time", lineNumber };
            entry.fetchedAt = *seconds;
            haveFetched = true;
        } else if (key == "mode") {
            const std::optional<MtaStsMode> mode = parseMode(value);
            if (haveMode || !mode)
                return Error { "invalid or repeated mode", lineNumber };
            entry.policy.mode = *mode;
            haveMode = true;
        } else if (key == "max_age") {
            const std::optional<std::int64_t> seconds = parseSeconds(value, 10);
            if (haveMaxAge || !seconds || *seconds > kMtaStsMaxAge)
                return Error { "invalid or repeated max_age", lineNumber };
            entry.policy.maxAge = *seconds;
            haveMaxAge = true;
        } else if (key == "mx") {
            const std::string pattern = toLowerAscii(value);
            const std::string_view host = std::string_view(pattern).starts_with("*.")
                ? std::string_view(pattern).substr(2)
                : std::string_view(pattern);
            if (!isHostName(host))
                return Error { "invalid mx pattern \"" + pattern + "\"", lineNumber };
            entry.policy.mx.push_back(pattern);
        } else {
            return Error { "unknown key \"" + std::string(key) + "\"", lineNumber };
        }
    }
    if (!haveVersion)
        return Error { "not an MTA-STS cache file (empty)" };
    if (Status status = finishBlock(); !status)
        return status.error();
    return entries;
}

std::string serializeMtaStsCache(const MtaStsCacheEntries &entries)
{
    std::string out = "# postwrd: MTA-STS policies (RFC 8461) fetched for recipient domains\n"
                      "postwr-mta-sts-cache 1\n";
    for (const auto &[domain, entry] : entries) {
        out += "domain " + domain + "\n";
        out += "    id " + entry.id + "\n";
        out += "    fetched " + std::to_string(entry.fetchedAt) + "\n";
        out += "    mode " + std::string(modeName(entry.policy.mode)) + "\n";
        out += "    max_age " + std::to_string(entry.policy.maxAge) + "\n";
        for (const std::string &mx : entry.policy.mx)
            out += "    mx " + mx + "\n";
    }
    return out;
}

} // namespace postwr::mail
