#include "mail/spf.h"

#include "mail/text.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <optional>
#include <variant>
#include <vector>

namespace postwr::mail {

namespace {

// RFC 7208 §4.6.4: what one check may cost the DNS.
constexpr int maxLookups = 10;
constexpr int maxVoidLookups = 2;
constexpr std::size_t maxMxHosts = 10;
constexpr std::size_t maxPtrNames = 10;
// RFC 7208 §4.3 and §7.3, after RFC 1035 §2.3.4.
constexpr std::size_t maxNameLength = 253;
constexpr std::size_t maxLabelLength = 63;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isUpper(char c)
{
    return c >= 'A' && c <= 'Z';
}

std::string quoted(std::string_view text)
{
    return "`" + std::string(text) + "`";
}

// ---- IP addresses

struct IpAddress {
    bool v6 = false;
    std::array<unsigned char, 16> bytes {}; // an IPv4 address in the first 4

    std::string text() const
    {
        std::array<char, INET6_ADDRSTRLEN> buffer {};
        inet_ntop(v6 ? AF_INET6 : AF_INET, bytes.data(), buffer.data(), buffer.size());
        return buffer.data();
    }

    bool within(const IpAddress &network, int prefix) const
    {
        if (v6 != network.v6)
            return false;
        const auto whole = static_cast<std::size_t>(prefix / 8);
        if (!std::equal(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(whole),
                network.bytes.begin()))
            return false;
        const int rest = prefix % 8;
        if (rest == 0)
            return true;
        const auto mask = static_cast<unsigned char>(0xff << (8 - rest));
        return (bytes[whole] & mask) == (network.bytes[whole] & mask);
    }
};

// Dotted decimal without leading zeros, as RFC 7208's ip4-network wants:
// glibc's inet_pton is that strict.
std::optional<IpAddress> parseIp(std::string_view text, bool v6)
{
    IpAddress address;
    address.v6 = v6;
    if (inet_pton(v6 ? AF_INET6 : AF_INET, std::string(text).c_str(), address.bytes.data()) != 1)
        return std::nullopt;
    return address;
}

// RFC 7208 §5: an IPv4-mapped IPv6 client is an IPv4 client.
std::optional<IpAddress> parseClientIp(std::string_view text)
{
    if (std::optional<IpAddress> v4 = parseIp(text, false))
        return v4;
    std::optional<IpAddress> v6 = parseIp(text, true);
    constexpr std::array<unsigned char, 12> mappedPrefix { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff,
        0xff };
    if (v6 && std::equal(mappedPrefix.begin(), mappedPrefix.end(), v6->bytes.begin())) {
        IpAddress v4;
        std::copy(v6->bytes.begin() + 12, v6->bytes.end(), v4.bytes.begin());
        return v4;
    }
    return v6;
}

// %{i} (RFC 7208 §7.3): dotted decimal, or for IPv6 the 32 nibbles in hex,
// dot-separated, as in ip6.arpa names.
std::string macroIp(const IpAddress &ip)
{
    if (!ip.v6)
        return ip.text();
    constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    for (const unsigned char byte : ip.bytes) {
        out += hex[byte >> 4];
        out += '.';
        out += hex[byte & 0xf];
        out += '.';
    }
    out.pop_back();
    return out;
}

// ---- Domain names

// toplabel (RFC 7208 §7.1): letters, digits and inner hyphens, not all digits.
bool isTopLabel(std::string_view label)
{
    if (label.empty() || label.front() == '-' || label.back() == '-')
        return false;
    bool letterOrHyphen = false;
    for (const char c : label) {
        if (!isDigit(c) && !isAlpha(c) && c != '-')
            return false;
        letterOrHyphen = letterOrHyphen || !isDigit(c);
    }
    return letterOrHyphen;
}

// RFC 7208 §4.3: a name check_host() can look up. SPF allows any visible
// ASCII in labels (a domain-spec is built of macro-literals).
bool isValidDomain(std::string_view name)
{
    if (name.empty() || name.size() > maxNameLength)
        return false;
    const std::vector<std::string_view> labels = split(name, '.');
    if (labels.size() < 2)
        return false;
    for (const std::string_view label : labels) {
        if (label.empty() || label.size() > maxLabelLength)
            return false;
        if (std::any_of(label.begin(), label.end(), [](char c) { return c < 0x21 || c > 0x7e; }))
            return false;
    }
    return isTopLabel(labels.back());
}

// Lower case, without the trailing dot, and (RFC 7208 §7.3) cut to 253
// octets by dropping labels from the left.
std::string lookupName(std::string_view name)
{
    if (!name.empty() && name.back() == '.')
        name.remove_suffix(1);
    while (name.size() > maxNameLength && name.find('.') != std::string_view::npos)
        name.remove_prefix(name.find('.') + 1);
    return toLowerAscii(name);
}

bool isWithinDomain(std::string_view name, std::string_view domain)
{
    return name == domain
        || (name.size() > domain.size() && name.ends_with(domain)
            && name[name.size() - domain.size() - 1] == '.');
}

// ---- Macros (RFC 7208 §7)

struct MacroPart {
    // 0 for `literal`; '%', '_', '-' for %%, %_, %-; else the macro letter.
    char letter = 0;
    std::string literal;
    std::size_t keep = 0; // how many parts from the right; 0: all
    bool reverse = false;
    std::string delimiters;
    bool escape = false; // an upper-case letter: URL-escaped
};
using MacroString = std::vector<MacroPart>;

// The values of the macro letters, %{d} apart (it changes with include and
// redirect).
struct MacroValues {
    std::string sender; // s
    std::string local; // l
    std::string domain; // o
    std::string ip; // i
    std::string version; // v
    std::string helo; // h
};

// c, r and t are left out: they are for exp= text, which is not expanded.
constexpr std::string_view macroLetters = "slodiphv";
constexpr std::string_view macroDelimiters = ".-+,/_=";

// "%{" letter *DIGIT ["r"] *delimiter "}", from just after the "%{"; `at`
// moves past the "}".
Result<MacroPart> parseMacro(std::string_view text, std::size_t &at)
{
    const std::size_t close = text.find('}', at);
    if (close == std::string_view::npos)
        return Error { "unterminated macro " + quoted(text.substr(at - 2)) };
    const std::string_view body = text.substr(at, close - at);
    const std::string_view whole = text.substr(at - 2, close - at + 3);
    at = close + 1;
    MacroPart part;
    part.letter = body.empty() ? '\0' : toLowerAscii(body.substr(0, 1)).front();
    if (part.letter == '\0' || macroLetters.find(part.letter) == std::string_view::npos)
        return Error { "unknown macro " + quoted(whole) };
    part.escape = isUpper(body.front());
    std::size_t i = 1;
    for (; i < body.size() && isDigit(body[i]); ++i)
        part.keep
            = std::min<std::size_t>(part.keep * 10 + static_cast<std::size_t>(body[i] - '0'), 1000);
    if (i > 1 && part.keep == 0)
        return Error { "macro " + quoted(whole) + " keeps zero parts" };
    if (i < body.size() && (body[i] == 'r' || body[i] == 'R')) {
        part.reverse = true;
        ++i;
    }
    part.delimiters = std::string(body.substr(i));
    if (part.delimiters.find_first_not_of(macroDelimiters) != std::string::npos)
        return Error { "bad macro " + quoted(whole) };
    return part;
}

// macro-string (RFC 7208 §7.1).
Result<MacroString> parseMacroString(std::string_view text)
{
    MacroString parts;
    std::size_t at = 0;
    while (at < text.size()) {
        const char c = text[at];
        if (c < 0x21 || c > 0x7e)
            return Error { "character " + std::to_string(static_cast<unsigned char>(c))
                + " not allowed in " + quoted(text) };
        if (c != '%') {
            if (parts.empty() || parts.back().letter != 0)
                parts.emplace_back();
            parts.back().literal += c;
            ++at;
            continue;
        }
        const char next = at + 1 < text.size() ? text[at + 1] : '\0';
        if (next == '%' || next == '_' || next == '-') {
            MacroPart part;
            part.letter = next;
            parts.push_back(std::move(part));
            at += 2;
        } else if (next == '{') {
            at += 2;
            Result<MacroPart> part = parseMacro(text, at);
            if (!part)
                return part.error();
            parts.push_back(std::move(part).value());
        } else {
            return Error { "a lone % in " + quoted(text) + " (write %% for a percent sign)" };
        }
    }
    return parts;
}

// domain-spec (RFC 7208 §7.1): a macro-string ending in a macro or in
// "." toplabel, with an optional final dot.
Result<MacroString> parseDomainSpec(std::string_view text)
{
    if (text.empty())
        return Error { "empty domain" };
    Result<MacroString> parts = parseMacroString(text);
    if (!parts || parts->back().letter != 0)
        return parts;
    std::string_view tail = parts->back().literal;
    if (tail.ends_with('.'))
        tail.remove_suffix(1);
    const std::size_t dot = tail.rfind('.');
    if (dot == std::string_view::npos || !isTopLabel(tail.substr(dot + 1)))
        return Error { quoted(text) + " does not end in a top-level domain name or a macro" };
    return parts;
}

std::string urlEscape(std::string_view text)
{
    constexpr std::string_view hex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        if (isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out += '%';
            out += hex[byte >> 4];
            out += hex[byte & 0xf];
        }
    }
    return out;
}

// Splits on the delimiters, reverses, keeps the rightmost parts, and joins
// with dots (RFC 7208 §7.3).
std::string transform(std::string_view value, const MacroPart &part)
{
    const std::string_view delimiters
        = part.delimiters.empty() ? std::string_view(".") : part.delimiters;
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    for (std::size_t end; (end = value.find_first_of(delimiters, start)) != std::string_view::npos;
         start = end + 1)
        pieces.push_back(value.substr(start, end - start));
    pieces.push_back(value.substr(start));
    if (part.reverse)
        std::reverse(pieces.begin(), pieces.end());
    const std::size_t skip
        = part.keep == 0 || part.keep >= pieces.size() ? 0 : pieces.size() - part.keep;
    std::string out;
    for (std::size_t i = skip; i < pieces.size(); ++i)
        out += (i == skip ? "" : ".") + std::string(pieces[i]);
    return out;
}

std::string letterValue(char letter, const MacroValues &values, std::string_view domain)
{
    switch (letter) {
    case 's':
        return values.sender;
    case 'l':
        return values.local;
    case 'o':
        return values.domain;
    case 'd':
        return std::string(domain);
    case 'i':
        return values.ip;
    case 'p':
        return "unknown";
    case 'v':
        return values.version;
    default:
        return values.helo;
    }
}

std::string expand(const MacroString &parts, const MacroValues &values, std::string_view domain)
{
    std::string out;
    for (const MacroPart &part : parts) {
        if (part.letter == 0) {
            out += part.literal;
        } else if (part.letter == '%') {
            out += '%';
        } else if (part.letter == '_') {
            out += ' ';
        } else if (part.letter == '-') {
            out += "%20";
        } else {
            const std::string value = transform(letterValue(part.letter, values, domain), part);
            out += part.escape ? urlEscape(value) : value;
        }
    }
    return out;
}

// ---- Records (RFC 7208 §4.5, §4.6, §5, §6)

enum class Mechanism { All, Include, A, Mx, Ptr, Ip4, Ip6, Exists };

struct Directive {
    SpfResult qualifier = SpfResult::Pass;
    Mechanism mechanism = Mechanism::All;
    std::string term; // as written, for the reason
    std::optional<MacroString> target; // include, exists; a, mx, ptr with ":"
    IpAddress network; // ip4, ip6
    int prefix4 = 32; // ip4, a, mx
    int prefix6 = 128; // ip6, a, mx
};

struct SpfRecord {
    std::vector<Directive> directives;
    std::optional<MacroString> redirect;
    std::string redirectTerm;
};

// §4.5: "v=spf1" then a space or the end, in any case.
bool isSpfRecord(std::string_view text)
{
    return startsWithIgnoreCase(text, "v=spf1") && (text.size() == 6 || text[6] == ' ');
}

// The digits of a trailing `slash` + number, taken off `text`; empty when
// there is none.
std::string_view takeCidr(std::string_view &text, std::string_view slash)
{
    std::size_t start = text.size();
    while (start > 0 && isDigit(text[start - 1]))
        --start;
    if (start == text.size() || start < slash.size()
        || text.substr(start - slash.size(), slash.size()) != slash)
        return {};
    const std::string_view digits = text.substr(start);
    text = text.substr(0, start - slash.size());
    return digits;
}

// ip4-cidr-length / ip6-cidr-length: no leading zero, at most `max`.
Result<int> cidrLength(std::string_view digits, int max)
{
    if ((digits.size() > 1 && digits.front() == '0') || digits.size() > 3)
        return Error { "bad CIDR length /" + std::string(digits) };
    int value = 0;
    for (const char c : digits)
        value = value * 10 + (c - '0');
    if (value > max)
        return Error { "CIDR length /" + std::string(digits) + " is over " + std::to_string(max) };
    return value;
}

std::optional<Mechanism> mechanismNamed(std::string_view name)
{
    static const std::array<std::pair<std::string_view, Mechanism>, 8> names { {
        { "all", Mechanism::All },
        { "include", Mechanism::Include },
        { "a", Mechanism::A },
        { "mx", Mechanism::Mx },
        { "ptr", Mechanism::Ptr },
        { "ip4", Mechanism::Ip4 },
        { "ip6", Mechanism::Ip6 },
        { "exists", Mechanism::Exists },
    } };
    for (const auto &[text, mechanism] : names) {
        if (equalsIgnoreCase(name, text))
            return mechanism;
    }
    return std::nullopt;
}

std::optional<SpfResult> qualifierOf(char c)
{
    switch (c) {
    case '+':
        return SpfResult::Pass;
    case '-':
        return SpfResult::Fail;
    case '~':
        return SpfResult::SoftFail;
    case '?':
        return SpfResult::Neutral;
    default:
        return std::nullopt;
    }
}

// [":" domain-spec], required or not.
Status parseTarget(std::string_view args, bool required, Directive &directive)
{
    if (args.empty() && !required)
        return Ok {};
    if (args.empty() || args.front() != ':')
        return Error { "needs :<domain>" };
    Result<MacroString> target = parseDomainSpec(args.substr(1));
    if (!target)
        return target.error();
    directive.target = std::move(target).value();
    return Ok {};
}

// a, mx: [":" domain-spec] ["/" ip4-cidr-length] ["//" ip6-cidr-length].
Status parseHostArgs(std::string_view args, Directive &directive)
{
    const std::string_view ip6 = takeCidr(args, "//");
    const std::string_view ip4 = takeCidr(args, "/");
    if (!ip4.empty()) {
        const Result<int> length = cidrLength(ip4, 32);
        if (!length)
            return length.error();
        directive.prefix4 = *length;
    }
    if (!ip6.empty()) {
        const Result<int> length = cidrLength(ip6, 128);
        if (!length)
            return length.error();
        directive.prefix6 = *length;
    }
    return parseTarget(args, false, directive);
}

// ip4, ip6: ":" network ["/" cidr-length].
Status parseNetwork(std::string_view args, bool v6, Directive &directive)
{
    const std::string_view digits = takeCidr(args, "/");
    if (args.empty() || args.front() != ':')
        return Error { std::string("needs :<") + (v6 ? "IPv6" : "IPv4") + " network>" };
    const std::optional<IpAddress> network = parseIp(args.substr(1), v6);
    if (!network)
        return Error { quoted(args.substr(1)) + " is not an " + (v6 ? "IPv6" : "IPv4")
            + " address" };
    directive.network = *network;
    if (!digits.empty()) {
        const Result<int> length = cidrLength(digits, v6 ? 128 : 32);
        if (!length)
            return length.error();
        (v6 ? directive.prefix6 : directive.prefix4) = *length;
    }
    return Ok {};
}

Result<Directive> parseDirective(std::string_view term)
{
    Directive directive;
    directive.term = std::string(term);
    std::string_view rest = term;
    if (const std::optional<SpfResult> qualifier = qualifierOf(rest.front())) {
        directive.qualifier = *qualifier;
        rest.remove_prefix(1);
    }
    const std::string_view name = rest.substr(0, rest.find_first_of(":/"));
    const std::string_view args = rest.substr(name.size());
    const std::optional<Mechanism> mechanism = mechanismNamed(name);
    if (!mechanism)
        return Error { "unknown mechanism " + quoted(term) };
    directive.mechanism = *mechanism;
    Status status = Ok {};
    switch (*mechanism) {
    case Mechanism::All:
        if (!args.empty())
            status = Error { "takes no argument" };
        break;
    case Mechanism::Include:
    case Mechanism::Exists:
        status = parseTarget(args, true, directive);
        break;
    case Mechanism::Ptr:
        status = parseTarget(args, false, directive);
        break;
    case Mechanism::A:
    case Mechanism::Mx:
        status = parseHostArgs(args, directive);
        break;
    case Mechanism::Ip4:
    case Mechanism::Ip6:
        status = parseNetwork(args, *mechanism == Mechanism::Ip6, directive);
        break;
    }
    if (!status)
        return Error { quoted(term) + ": " + status.error().message };
    return directive;
}

// The length of a modifier's name when `term` is name "=" value (§4.6.1);
// 0 when it is a directive.
std::size_t modifierNameLength(std::string_view term)
{
    if (!isAlpha(term.front()))
        return 0;
    std::size_t i = 1;
    while (i < term.size()
        && (isAlpha(term[i]) || isDigit(term[i]) || term[i] == '-' || term[i] == '_'
            || term[i] == '.'))
        ++i;
    return i < term.size() && term[i] == '=' ? i : 0;
}

// The whole record is parsed before any of it is evaluated: a syntax error
// anywhere is a permerror (§4.6).
Result<SpfRecord> parseRecord(std::string_view text)
{
    SpfRecord record;
    bool seenExp = false;
    for (const std::string_view term : split(text.substr(6), ' ')) {
        if (term.empty())
            continue;
        const std::size_t nameLength = modifierNameLength(term);
        if (nameLength == 0) {
            Result<Directive> directive = parseDirective(term);
            if (!directive)
                return directive.error();
            record.directives.push_back(std::move(directive).value());
            continue;
        }
        const std::string name = toLowerAscii(term.substr(0, nameLength));
        const std::string_view value = term.substr(nameLength + 1);
        // §6: redirect= and exp= at most once each. Unknown modifiers are
        // ignored (§6), but their value must still be a macro-string (§4.6.1).
        if (name == "redirect" || name == "exp") {
            const bool duplicate = name == "exp" ? seenExp : !record.redirectTerm.empty();
            if (duplicate)
                return Error { quoted(name + "=") + " appears more than once" };
            Result<MacroString> target = parseDomainSpec(value);
            if (!target)
                return Error { quoted(term) + ": " + target.error().message };
            if (name == "exp") {
                seenExp = true;
            } else {
                record.redirect = std::move(target).value();
                record.redirectTerm = std::string(term);
            }
        } else if (Result<MacroString> ignored = parseMacroString(value); !ignored) {
            return Error { quoted(term) + ": " + ignored.error().message };
        }
    }
    return record;
}

// ---- Evaluation (RFC 7208 §4)

// check_host()'s result.
struct Outcome {
    SpfResult result = SpfResult::None;
    std::string reason;
};

// A mechanism matched or not; or the whole check ends here, with an outcome
// (temperror, permerror) or a question to ask first.
using Step = std::variant<bool, Outcome, DnsQuestion>;

Lookup<Outcome> endOf(Step step)
{
    if (DnsQuestion *question = std::get_if<DnsQuestion>(&step))
        return std::move(*question);
    return std::get<Outcome>(std::move(step));
}

Outcome dnsError(std::string_view type, std::string_view name)
{
    return { SpfResult::TempError,
        "DNS error looking up " + std::string(type) + " " + std::string(name) };
}

// One run of check_host() over the answers so far. The counters start at zero
// each run, and the run is deterministic, so each run counts the same
// lookups as the last one up to where it asks something new.
class Evaluator {
public:
    Evaluator(const IpAddress &ip, const MacroValues &values, const DnsAnswers &answers)
        : m_ip(ip)
        , m_values(values)
        , m_answers(answers)
    {
    }

    Lookup<Outcome> checkHost(const std::string &domain)
    {
        if (!isValidDomain(domain))
            return Outcome { SpfResult::None, quoted(domain) + " is not a domain name" };
        const DnsQuestion question { DnsType::Txt, domain };
        const DnsAnswer *answer = m_answers.find(question);
        if (!answer)
            return question;
        if (answer->status == DnsAnswer::Status::TemporaryError)
            return dnsError("TXT", domain);
        std::vector<std::string_view> texts;
        for (const std::string &text : answer->records) {
            if (isSpfRecord(text))
                texts.push_back(text);
        }
        if (texts.empty())
            return Outcome { SpfResult::None, "no SPF record at " + domain };
        if (texts.size() > 1)
            return Outcome { SpfResult::PermError, "more than one SPF record at " + domain };
        const Result<SpfRecord> record = parseRecord(texts.front());
        if (!record)
            return Outcome { SpfResult::PermError,
                "bad SPF record at " + domain + ": " + record.error().message };
        for (const Directive &directive : record->directives) {
            Step step = evaluate(directive, domain);
            if (const bool *matched = std::get_if<bool>(&step)) {
                if (*matched)
                    return Outcome { directive.qualifier,
                        m_ip.text() + " matched " + directive.term + " of " + domain };
                continue;
            }
            return endOf(std::move(step));
        }
        if (record->redirect)
            return redirect(*record, domain);
        return Outcome { SpfResult::Neutral, m_ip.text() + " matched no mechanism of " + domain };
    }

private:
    // Include, a, mx, ptr, exists and redirect each count (§4.6.4).
    std::optional<Outcome> countLookup()
    {
        if (++m_lookups > maxLookups)
            return Outcome { SpfResult::PermError,
                "too many DNS lookups (limit " + std::to_string(maxLookups) + ")" };
        return std::nullopt;
    }

    // A term whose lookup found nothing (NXDOMAIN, or no record).
    std::optional<Outcome> countVoid(const DnsAnswer &answer)
    {
        if (answer.status == DnsAnswer::Status::Found && !answer.records.empty())
            return std::nullopt;
        if (++m_voidLookups > maxVoidLookups)
            return Outcome { SpfResult::PermError,
                "too many DNS lookups with no answer (limit " + std::to_string(maxVoidLookups)
                    + ")" };
        return std::nullopt;
    }

    std::string targetOf(const Directive &directive, const std::string &domain) const
    {
        return directive.target ? lookupName(expand(*directive.target, m_values, domain)) : domain;
    }

    DnsType addressType() const { return m_ip.v6 ? DnsType::Aaaa : DnsType::A; }
    std::string_view addressTypeName() const { return m_ip.v6 ? "AAAA" : "A"; }

    bool anyMatches(const std::vector<std::string> &addresses, int prefix) const
    {
        return std::any_of(addresses.begin(), addresses.end(), [&](const std::string &text) {
            const std::optional<IpAddress> address = parseIp(text, m_ip.v6);
            return address && m_ip.within(*address, prefix);
        });
    }

    Step evaluate(const Directive &directive, const std::string &domain)
    {
        if (directive.mechanism == Mechanism::All)
            return true;
        if (directive.mechanism == Mechanism::Ip4 || directive.mechanism == Mechanism::Ip6)
            return m_ip.within(
                directive.network, directive.network.v6 ? directive.prefix6 : directive.prefix4);
        if (std::optional<Outcome> end = countLookup())
            return std::move(*end);
        const std::string target = targetOf(directive, domain);
        const int prefix = m_ip.v6 ? directive.prefix6 : directive.prefix4;
        switch (directive.mechanism) {
        case Mechanism::Include:
            return include(directive, target);
        case Mechanism::A:
            return matchA(target, prefix);
        case Mechanism::Mx:
            return matchMx(directive, target, prefix);
        case Mechanism::Ptr:
            return matchPtr(target);
        default:
            return matchExists(target);
        }
    }

    // §5.2: only a pass matches; none is a permerror.
    Step include(const Directive &directive, const std::string &target)
    {
        Lookup<Outcome> inner = checkHost(target);
        if (DnsQuestion *question = std::get_if<DnsQuestion>(&inner))
            return std::move(*question);
        Outcome &outcome = std::get<Outcome>(inner);
        switch (outcome.result) {
        case SpfResult::Pass:
            return true;
        case SpfResult::Fail:
        case SpfResult::SoftFail:
        case SpfResult::Neutral:
            return false;
        case SpfResult::None:
            return Outcome { SpfResult::PermError, directive.term + ": " + outcome.reason };
        default:
            return std::move(outcome);
        }
    }

    // §5.3. A malformed target (from macros) names nothing, so matches nothing.
    Step matchA(const std::string &target, int prefix)
    {
        if (!isValidDomain(target))
            return false;
        const DnsQuestion question { addressType(), target };
        const DnsAnswer *answer = m_answers.find(question);
        if (!answer)
            return question;
        if (answer->status == DnsAnswer::Status::TemporaryError)
            return dnsError(addressTypeName(), target);
        if (std::optional<Outcome> end = countVoid(*answer))
            return std::move(*end);
        return anyMatches(answer->records, prefix);
    }

    // §5.4: the addresses of at most 10 MX hosts, in order; more hosts is a
    // permerror (§4.6.4). A null MX (RFC 7505) names no host.
    Step matchMx(const Directive &directive, const std::string &target, int prefix)
    {
        if (!isValidDomain(target))
            return false;
        const DnsQuestion question { DnsType::Mx, target };
        const DnsAnswer *answer = m_answers.find(question);
        if (!answer)
            return question;
        if (answer->status == DnsAnswer::Status::TemporaryError)
            return dnsError("MX", target);
        if (std::optional<Outcome> end = countVoid(*answer))
            return std::move(*end);
        if (answer->records.size() > maxMxHosts)
            return Outcome { SpfResult::PermError,
                directive.term + ": more than " + std::to_string(maxMxHosts) + " MX hosts at "
                    + target };
        for (const std::string &exchange : answer->records) {
            const std::string host = lookupName(exchange);
            if (host.empty())
                continue;
            const DnsQuestion hostQuestion { addressType(), host };
            const DnsAnswer *hostAnswer = m_answers.find(hostQuestion);
            if (!hostAnswer)
                return hostQuestion;
            if (hostAnswer->status == DnsAnswer::Status::TemporaryError)
                return dnsError(addressTypeName(), host);
            if (anyMatches(hostAnswer->records, prefix))
                return true;
        }
        return false;
    }

    // §5.5: a PTR name of the client within the target domain, whose
    // addresses include the client. DNS errors here mean no match, not
    // temperror; only the first 10 PTR names count (§4.6.4).
    Step matchPtr(const std::string &target)
    {
        const DnsQuestion question { DnsType::Ptr, m_ip.text() };
        const DnsAnswer *answer = m_answers.find(question);
        if (!answer)
            return question;
        if (answer->status == DnsAnswer::Status::TemporaryError)
            return false;
        if (std::optional<Outcome> end = countVoid(*answer))
            return std::move(*end);
        const std::size_t count = std::min(answer->records.size(), maxPtrNames);
        for (std::size_t i = 0; i < count; ++i) {
            const std::string name = lookupName(answer->records[i]);
            if (!isWithinDomain(name, target))
                continue;
            const DnsQuestion nameQuestion { addressType(), name };
            const DnsAnswer *nameAnswer = m_answers.find(nameQuestion);
            if (!nameAnswer)
                return nameQuestion;
            if (anyMatches(nameAnswer->records, m_ip.v6 ? 128 : 32))
                return true;
        }
        return false;
    }

    // §5.7: an A query, whatever the client's address family.
    Step matchExists(const std::string &target)
    {
        if (!isValidDomain(target))
            return false;
        const DnsQuestion question { DnsType::A, target };
        const DnsAnswer *answer = m_answers.find(question);
        if (!answer)
            return question;
        if (answer->status == DnsAnswer::Status::TemporaryError)
            return dnsError("A", target);
        if (std::optional<Outcome> end = countVoid(*answer))
            return std::move(*end);
        return answer->status == DnsAnswer::Status::Found && !answer->records.empty();
    }

    // §6.1: only when no mechanism matched; a target without a record is a
    // permerror.
    Lookup<Outcome> redirect(const SpfRecord &record, const std::string &domain)
    {
        if (std::optional<Outcome> end = countLookup())
            return std::move(*end);
        Lookup<Outcome> inner = checkHost(lookupName(expand(*record.redirect, m_values, domain)));
        Outcome *outcome = std::get_if<Outcome>(&inner);
        if (outcome && outcome->result == SpfResult::None)
            return Outcome { SpfResult::PermError, record.redirectTerm + ": " + outcome->reason };
        return inner;
    }

    const IpAddress &m_ip;
    const MacroValues &m_values;
    const DnsAnswers &m_answers;
    int m_lookups = 0;
    int m_voidLookups = 0;
};

struct Identity {
    std::string local;
    std::string domain; // as given, without a trailing dot
};

// The identity (§2.4): MAIL FROM, or postmaster@HELO for the null
// reverse-path; a sender without a local part is postmaster (§4.3).
Identity identityOf(const SpfQuery &query)
{
    const std::string_view sender = query.sender;
    const std::size_t at = sender.rfind('@');
    Identity identity;
    identity.local
        = sender.empty() || at == std::string_view::npos ? "" : std::string(sender.substr(0, at));
    if (identity.local.empty())
        identity.local = "postmaster";
    std::string_view domain = sender.empty() ? std::string_view(query.helo)
        : at == std::string_view::npos       ? sender
                                             : sender.substr(at + 1);
    if (domain.ends_with('.'))
        domain.remove_suffix(1);
    identity.domain = std::string(domain);
    return identity;
}

MacroValues macroValues(const SpfQuery &query, const IpAddress &ip)
{
    Identity identity = identityOf(query);
    MacroValues values;
    values.sender = identity.local + "@" + identity.domain;
    values.local = std::move(identity.local);
    values.domain = std::move(identity.domain);
    values.ip = macroIp(ip);
    values.version = ip.v6 ? "ip6" : "in-addr";
    values.helo = query.helo;
    return values;
}

} // namespace

std::string_view spfResultName(SpfResult result)
{
    switch (result) {
    case SpfResult::None:
        return "none";
    case SpfResult::Neutral:
        return "neutral";
    case SpfResult::Pass:
        return "pass";
    case SpfResult::Fail:
        return "fail";
    case SpfResult::SoftFail:
        return "softfail";
    case SpfResult::TempError:
        return "temperror";
    case SpfResult::PermError:
        return "permerror";
    }
    return "none";
}

Lookup<SpfVerdict> checkSpf(const SpfQuery &query, const DnsAnswers &answers)
{
    SpfVerdict verdict;
    verdict.scope = query.sender.empty() ? "helo" : "mailfrom";
    const std::optional<IpAddress> ip = parseClientIp(query.ip);
    if (!ip) {
        verdict.domain = lookupName(identityOf(query).domain);
        verdict.reason = quoted(query.ip) + " is not an IP address";
        return verdict;
    }
    const MacroValues values = macroValues(query, *ip);
    verdict.domain = lookupName(values.domain);
    Evaluator evaluator(*ip, values, answers);
    Lookup<Outcome> outcome = evaluator.checkHost(verdict.domain);
    if (DnsQuestion *question = std::get_if<DnsQuestion>(&outcome))
        return std::move(*question);
    verdict.result = std::get<Outcome>(outcome).result;
    verdict.reason = std::move(std::get<Outcome>(outcome).reason);
    return verdict;
}

Result<std::string> expandSpfMacros(
    std::string_view domainSpec, const SpfQuery &query, std::string_view domain)
{
    const std::optional<IpAddress> ip = parseClientIp(query.ip);
    if (!ip)
        return Error { quoted(query.ip) + " is not an IP address" };
    const Result<MacroString> parts = parseDomainSpec(domainSpec);
    if (!parts)
        return parts.error();
    return lookupName(expand(*parts, macroValues(query, *ip), domain));
}

} // namespace postwr::mail
