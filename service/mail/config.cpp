#include "mail/config.h"

#include "mail/retry.h"
#include "mail/text.h"

#include <arpa/inet.h>

#include <algorithm>
#include <charconv>
#include <limits>
#include <optional>

namespace postwr::mail {

std::string ListenAddress::toString() const
{
    const std::string portText = std::to_string(port);
    if (host.find(':') != std::string::npos)
        return "[" + host + "]:" + portText;
    return host + ":" + portText;
}

bool isValidHostname(std::string_view name)
{
    if (name.empty() || name.size() > 253)
        return false;
    std::size_t start = 0;
    while (true) {
        const std::size_t dot = std::min(name.find('.', start), name.size());
        const std::string_view label = name.substr(start, dot - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok)
                return false;
        }
        if (dot == name.size())
            return true;
        start = dot + 1;
    }
}

namespace {

struct Context {
    Parsed<Config> &out;
    std::string_view configDir;
    // Every listening address so far, with the key that asked for it: two
    // listeners cannot bind the same address.
    std::vector<std::pair<ListenAddress, std::string>> bound;
    bool sawHostname = false;
    // The header argument of each [domain] section, by lowercase domain.
    std::map<std::string, std::string> domainHeaders;

    void fail(const IniEntry &entry, std::string message, int column = 0)
    {
        out.errors.push_back({std::move(message), entry.line, column > 0 ? column : entry.valueColumn});
    }
};

std::optional<std::uint64_t> parseDigits(std::string_view text)
{
    std::uint64_t value = 0;
    const char *end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc() || ptr != end)
        return std::nullopt;
    return value;
}

// A whole number from 1 to `max`, or an error at the value.
std::optional<std::uint64_t> positiveNumber(Context &ctx, const IniEntry &entry, std::uint64_t max)
{
    const std::optional<std::uint64_t> value = parseDigits(entry.value);
    if (!value || *value < 1 || *value > max) {
        ctx.fail(entry, "`" + entry.key + "` must be a whole number from 1 to " + std::to_string(max) + ", not `" +
                            entry.value + "`");
        return std::nullopt;
    }
    return value;
}

void setMessageSize(Context &ctx, const IniEntry &entry)
{
    std::string_view digits = entry.value;
    std::uint64_t multiplier = 1;
    if (!digits.empty()) {
        switch (digits.back()) {
        case 'K': case 'k': multiplier = 1ULL << 10; break;
        case 'M': case 'm': multiplier = 1ULL << 20; break;
        case 'G': case 'g': multiplier = 1ULL << 30; break;
        default: break;
        }
        if (multiplier > 1)
            digits.remove_suffix(1);
    }
    const std::optional<std::uint64_t> value = parseDigits(digits);
    if (!value || *value == 0 || *value > std::numeric_limits<std::uint64_t>::max() / multiplier) {
        ctx.fail(entry, "`max_message_size` must be a positive number of bytes, optionally followed by K, M or G "
                        "(for example 50M), not `" + entry.value + "`");
        return;
    }
    ctx.out.value.maxMessageSize = *value * multiplier;
}

std::string absolutePath(std::string_view path, std::string_view configDir)
{
    if (path.starts_with('/') || configDir.empty())
        return std::string(path);
    while (configDir.ends_with('/'))
        configDir.remove_suffix(1);
    return std::string(configDir) + "/" + std::string(path);
}

void setPath(Context &ctx, const IniEntry &entry, std::string &target)
{
    if (entry.value.empty()) {
        ctx.fail(entry, "`" + entry.key + "` must not be empty");
        return;
    }
    target = absolutePath(entry.value, ctx.configDir);
}

// "ADDR:PORT" or "[IPv6]:PORT"; the error message, if any, is returned.
std::optional<std::string> parseListenAddress(std::string_view text, ListenAddress &out)
{
    std::string_view host;
    std::string_view rest;
    int family = AF_INET;
    if (text.starts_with('[')) {
        const std::size_t close = text.find(']');
        if (close == std::string_view::npos)
            return "`" + std::string(text) + "` is missing its closing ']'";
        host = text.substr(1, close - 1);
        rest = text.substr(close + 1);
        family = AF_INET6;
    } else {
        const std::size_t colon = text.rfind(':');
        if (colon != std::string_view::npos && text.find(':') != colon)
            return "write IPv6 addresses in brackets, as in [::]:25, not `" + std::string(text) + "`";
        host = text.substr(0, std::min(colon, text.size()));
        rest = text.substr(std::min(colon, text.size()));
    }
    if (!rest.starts_with(':'))
        return "`" + std::string(text) + "` has no port; write ADDRESS:PORT, as in 0.0.0.0:25 or [::]:25";

    unsigned char buffer[16];
    const std::string hostText(host);
    if (inet_pton(family, hostText.c_str(), buffer) != 1) {
        return "`" + hostText + "` is not an " + (family == AF_INET ? "IPv4" : "IPv6") +
               " address (names are not accepted here; use 0.0.0.0 or [::] for all addresses)";
    }
    const std::string_view portText = rest.substr(1);
    const std::optional<std::uint64_t> port = parseDigits(portText);
    if (!port || *port < 1 || *port > 65535)
        return "`" + std::string(portText) + "` is not a port number from 1 to 65535";
    out = {hostText, static_cast<std::uint16_t>(*port)};
    return std::nullopt;
}

void setListenList(Context &ctx, const IniEntry &entry, std::vector<ListenAddress> &target)
{
    std::vector<ListenAddress> list;
    if (!entry.value.empty()) {
        const std::string_view value = entry.value;
        for (const std::string_view raw : split(value, ',')) {
            const std::string_view item = trim(raw);
            const int column =
                entry.valueColumn + columnAt(value, static_cast<std::size_t>(item.data() - value.data())) - 1;
            ListenAddress address;
            if (item.empty()) {
                ctx.fail(entry, "empty address in the list of `" + entry.key + "`", column);
            } else if (const std::optional<std::string> problem = parseListenAddress(item, address)) {
                ctx.fail(entry, *problem, column);
            } else {
                const auto same = std::find_if(ctx.bound.begin(), ctx.bound.end(),
                                               [&](const auto &bound) { return bound.first == address; });
                if (same != ctx.bound.end()) {
                    ctx.fail(entry, address.toString() + " is already used by `" + same->second + "`", column);
                } else {
                    ctx.bound.emplace_back(address, entry.key);
                    list.push_back(address);
                }
            }
        }
    }
    target = std::move(list);
}

// RFC 5322 §3.2.3 atext that is not a letter or digit, plus '.'; not '*',
// which names the catch-all alias.
void setAddressCharacters(Context &ctx, const IniEntry &entry, std::string &target)
{
    constexpr std::string_view allowed = "!#$%&'+-/=?^_`{|}~.";
    for (std::size_t i = 0; i < entry.value.size(); ++i) {
        if (allowed.find(entry.value[i]) == std::string_view::npos) {
            ctx.fail(entry, "`" + entry.key + "` may only contain characters among " + std::string(allowed),
                     entry.valueColumn + columnAt(entry.value, i) - 1);
            return;
        }
    }
    target = entry.value;
}

void setBoolean(Context &ctx, const IniEntry &entry, bool &target)
{
    const std::string value = toLowerAscii(entry.value);
    if (value == "yes" || value == "true" || value == "on")
        target = true;
    else if (value == "no" || value == "false" || value == "off")
        target = false;
    else
        ctx.fail(entry, "`" + entry.key + "` must be yes or no, not `" + entry.value + "`");
}

void setDuration(Context &ctx, const IniEntry &entry, std::chrono::seconds &target)
{
    Result<std::chrono::seconds> duration = parseDuration(entry.value);
    if (!duration || duration->count() <= 0)
        ctx.fail(entry, "`" + entry.key + "` must be a duration such as 90s, 5m, 4h or 5d, not `" + entry.value + "`");
    else
        target = *duration;
}

void setSourceAddress(Context &ctx, const IniEntry &entry, int family, std::string &target)
{
    unsigned char buffer[16];
    if (!entry.value.empty() && inet_pton(family, entry.value.c_str(), buffer) != 1) {
        ctx.fail(entry, "`" + entry.value + "` is not an " + (family == AF_INET ? "IPv4" : "IPv6") +
                            " address of this server");
        return;
    }
    target = entry.value;
}

// "127.0.0.1:5353, [::1], 9.9.9.9": the port is optional here (DNS: 53).
void setDnsServers(Context &ctx, const IniEntry &entry, std::vector<ListenAddress> &target)
{
    std::vector<ListenAddress> servers;
    for (const std::string_view raw : split(entry.value, ',')) {
        const std::string item(trim(raw));
        if (item.empty())
            continue;
        unsigned char buffer[16];
        ListenAddress server;
        if (inet_pton(AF_INET, item.c_str(), buffer) == 1 || inet_pton(AF_INET6, item.c_str(), buffer) == 1) {
            server = {item, 53};
        } else if (item.front() == '[' && item.back() == ']') {
            server = {item.substr(1, item.size() - 2), 53};
            if (inet_pton(AF_INET6, server.host.c_str(), buffer) != 1) {
                ctx.fail(entry, "`" + item + "` is not an IPv6 address");
                continue;
            }
        } else if (const std::optional<std::string> problem = parseListenAddress(item, server)) {
            ctx.fail(entry, *problem);
            continue;
        }
        servers.push_back(server);
    }
    target = std::move(servers);
}

void setHostname(Context &ctx, const IniEntry &entry)
{
    ctx.sawHostname = true;
    if (!isValidHostname(entry.value)) {
        ctx.fail(entry, "`hostname` must be this server's DNS name, such as mail.example.com, not `" + entry.value +
                            "`");
        return;
    }
    ctx.out.value.hostname = toLowerAscii(entry.value);
}

// Returns false for an unknown key.
bool setKey(Context &ctx, const std::string &section, const IniEntry &entry)
{
    Config &config = ctx.out.value;
    const std::string &key = entry.key;
    if (section.empty()) {
        if (key == "hostname")
            setHostname(ctx, entry);
        else if (key == "spool")
            setPath(ctx, entry, config.spool);
        else if (key == "maildir")
            setPath(ctx, entry, config.maildir);
        else
            return false;
    } else if (section == "listen") {
        if (key == "smtp")
            setListenList(ctx, entry, config.smtp);
        else if (key == "submission")
            setListenList(ctx, entry, config.submission);
        else if (key == "submissions")
            setListenList(ctx, entry, config.submissions);
        else
            return false;
    } else if (section == "tls") {
        if (key == "certificate")
            setPath(ctx, entry, config.tlsCertificate);
        else if (key == "key")
            setPath(ctx, entry, config.tlsKey);
        else
            return false;
    } else if (section == "limits") {
        constexpr auto maxInt = static_cast<std::uint64_t>(std::numeric_limits<int>::max());
        if (key == "max_message_size") {
            setMessageSize(ctx, entry);
        } else if (key == "max_recipients") {
            if (const auto value = positiveNumber(ctx, entry, maxInt))
                config.maxRecipients = static_cast<std::size_t>(*value);
        } else if (key == "max_errors") {
            if (const auto value = positiveNumber(ctx, entry, maxInt))
                config.maxErrors = static_cast<int>(*value);
        } else if (key == "command_timeout") {
            if (const auto value = positiveNumber(ctx, entry, maxInt))
                config.commandTimeout = std::chrono::seconds(static_cast<std::int64_t>(*value));
        } else if (key == "session_timeout") {
            setDuration(ctx, entry, config.sessionTimeout);
        } else if (key == "connections") {
            if (const auto value = positiveNumber(ctx, entry, maxInt))
                config.maxConnections = static_cast<std::size_t>(*value);
        } else if (key == "connections_per_client") {
            if (const auto value = positiveNumber(ctx, entry, maxInt))
                config.maxConnectionsPerClient = static_cast<std::size_t>(*value);
        } else if (key == "commands_per_minute") {
            if (const auto value = positiveNumber(ctx, entry, maxInt))
                config.maxCommandsPerMinute = static_cast<int>(*value);
        } else if (key == "auth_failures") {
            if (const auto value = positiveNumber(ctx, entry, maxInt))
                config.loginLimits.failures = static_cast<int>(*value);
        } else if (key == "auth_block") {
            setDuration(ctx, entry, config.loginLimits.block);
        } else {
            return false;
        }
    } else if (section == "delivery") {
        DeliverySettings &delivery = config.delivery;
        if (key == "remote_port") {
            if (const auto value = positiveNumber(ctx, entry, 65535))
                delivery.remotePort = static_cast<std::uint16_t>(*value);
        } else if (key == "mta_sts") {
            setBoolean(ctx, entry, delivery.mtaSts);
        } else if (key == "mta_sts_port") {
            if (const auto value = positiveNumber(ctx, entry, 65535))
                delivery.mtaStsPort = static_cast<std::uint16_t>(*value);
        } else if (key == "tls_ca_file") {
            if (!entry.value.empty())
                setPath(ctx, entry, delivery.tlsCaFile);
        } else if (key == "allow_loopback") {
            setBoolean(ctx, entry, delivery.allowLoopback);
        } else if (key == "ipv6_first") {
            setBoolean(ctx, entry, delivery.ipv6First);
        } else if (key == "retry_initial") {
            setDuration(ctx, entry, delivery.retryInitial);
        } else if (key == "retry_max") {
            setDuration(ctx, entry, delivery.retryMax);
        } else if (key == "max_queue_time") {
            setDuration(ctx, entry, delivery.maxQueueTime);
        } else if (key == "delay_warning") {
            setDuration(ctx, entry, delivery.delayWarning);
        } else if (key == "source_ipv4") {
            setSourceAddress(ctx, entry, AF_INET, delivery.sourceIpv4);
        } else if (key == "source_ipv6") {
            setSourceAddress(ctx, entry, AF_INET6, delivery.sourceIpv6);
        } else {
            return false;
        }
    } else if (section == "dns") {
        if (key == "servers")
            setDnsServers(ctx, entry, config.dnsServers);
        else
            return false;
    } else if (section == "forwarding") {
        if (key != "srs_domain")
            return false;
        if (!entry.value.empty() && !isValidHostname(entry.value))
            ctx.fail(entry, "`srs_domain` must be one of this server's domains, not `" + entry.value + "`");
        else
            config.srsDomain = toLowerAscii(entry.value);
    } else if (section == "addresses") {
        if (key == "suffix_separators")
            setAddressCharacters(ctx, entry, config.suffixSeparators);
        else if (key == "drop_characters")
            setAddressCharacters(ctx, entry, config.dropCharacters);
        else
            return false;
    }
    return true;
}

void parseDomainSection(Context &ctx, const IniSection &section)
{
    const std::string domain = toLowerAscii(section.argument);
    if (!isValidHostname(domain)) {
        ctx.out.errors.push_back({section.argument.empty()
                                      ? "[domain] needs the domain's name, as in [domain example.com]"
                                      : "`" + section.argument + "` is not a valid domain name",
                                  section.line, 1});
        return;
    }
    if (const auto earlier = ctx.domainHeaders.find(domain); earlier != ctx.domainHeaders.end()) {
        // The INI layer already reported a header repeated as is.
        if (earlier->second != section.argument)
            ctx.out.errors.push_back({"domain " + domain + " has two [domain] sections", section.line, 1});
        return;
    }
    ctx.domainHeaders.emplace(domain, section.argument);
    DomainSettings settings;
    for (const IniEntry &entry : section.entries) {
        if (entry.key != "senders") {
            ctx.fail(entry, "unknown key `" + entry.key + "` in [domain " + section.argument + "]", entry.keyColumn);
        } else if (entry.value == "domain") {
            settings.senders = SenderPolicy::Domain;
        } else if (entry.value == "account") {
            settings.senders = SenderPolicy::Account;
        } else if (entry.value == "any") {
            settings.senders = SenderPolicy::Any;
        } else {
            ctx.fail(entry, "`senders` must be `domain`, `account` or `any`, not `" + entry.value + "`");
        }
    }
    ctx.out.value.domains.emplace(domain, settings);
}

void parseSection(Context &ctx, const IniSection &section)
{
    if (section.name == "domain") {
        parseDomainSection(ctx, section);
        return;
    }
    constexpr std::string_view known[] = {"", "listen", "tls", "limits", "addresses", "delivery", "dns", "forwarding"};
    if (std::find(std::begin(known), std::end(known), section.name) == std::end(known)) {
        ctx.out.errors.push_back({"unknown section [" + section.name + "]", section.line, 1});
        return;
    }
    if (!section.argument.empty()) {
        ctx.out.errors.push_back({"section [" + section.name + "] takes no argument", section.line, 1});
        return;
    }
    for (const IniEntry &entry : section.entries) {
        if (!setKey(ctx, section.name, entry)) {
            const std::string where = section.name.empty() ? "at the top level" : "in [" + section.name + "]";
            ctx.fail(entry, "unknown key `" + entry.key + "` " + where, entry.keyColumn);
        }
    }
}

} // namespace

Parsed<Config> parseConfig(std::string_view text, std::string_view configDir)
{
    Parsed<Config> out;
    out.value.tlsCertificate = absolutePath("tls/cert.pem", configDir);
    out.value.tlsKey = absolutePath("tls/key.pem", configDir);

    Parsed<IniDocument> ini = parseIni(text);
    out.errors = std::move(ini.errors);
    Context ctx{out, configDir, {}, false, {}};
    for (const IniSection &section : ini.value.sections)
        parseSection(ctx, section);

    if (!ctx.sawHostname) {
        // Line 1: where the key belongs, so editors can jump there.
        out.errors.push_back({"`hostname` is required: set it to this server's DNS name, such as "
                              "`hostname = mail.example.com`, at the top of the file",
                              1, 0});
    }
    // Reported in file order, whichever layer found them.
    std::stable_sort(out.errors.begin(), out.errors.end(),
                     [](const Error &a, const Error &b) { return a.line < b.line; });
    return out;
}

} // namespace postwr::mail
