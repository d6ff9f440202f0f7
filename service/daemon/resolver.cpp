// The static build: libcares.a's ares_query() and ares_parse_a_reply() drag
// in its getnameinfo/getaddrinfo objects, which reference glibc's
// getservbyport_r/getservbyname (the linker warns). Those run only for service
// names (ares_getnameinfo with ARES_NI_LOOKUPSERVICE, ares_getaddrinfo with a
// service), which nothing here asks for: no NSS function is ever called.
#include "daemon/resolver.h"

#include "mail/text.h"

#include <ares.h>

#include <arpa/inet.h>
#include <netdb.h> // struct hostent only: no NSS function is called
#include <netinet/in.h>
#include <poll.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <mutex>
#include <optional>

namespace postwr::daemon {

namespace {

using Clock = std::chrono::steady_clock;

// RFC 1035 §3.2.2-3.2.4 and RFC 3596 §2.1.
constexpr int classIn = 1;
constexpr int typeA = 1;
constexpr int typeNs = 2;
constexpr int typeCname = 5;
constexpr int typePtr = 12;
constexpr int typeMx = 15;
constexpr int typeTxt = 16;
constexpr int typeAaaa = 28;
constexpr int typeSrv = 33;

// The EDNS buffer size of DNS Flag Day 2020: answers up to this size come over
// UDP without fragmentation (a 4096-bit DKIM key fits); bigger ones are
// truncated and c-ares asks again over TCP by itself.
constexpr int ednsBufferSize = 1232;

// c-ares must be initialised once per process before any channel exists, and
// the call is not thread-safe; on Linux it does next to nothing. Never cleaned
// up: lookups may run until exit.
int initialiseLibrary()
{
    static std::once_flag once;
    static int status = ARES_SUCCESS;
    std::call_once(once, [] { status = ares_library_init(ARES_LIB_INIT_ALL); });
    return status;
}

struct IpAddress {
    int family = AF_INET;
    in_addr v4{};
    in6_addr v6{};
};

bool parseIp(const std::string &text, IpAddress &out)
{
    if (inet_pton(AF_INET, text.c_str(), &out.v4) == 1) {
        out.family = AF_INET;
        return true;
    }
    if (inet_pton(AF_INET6, text.c_str(), &out.v6) == 1) {
        out.family = AF_INET6;
        return true;
    }
    return false;
}

mail::Result<std::uint16_t> parsePort(std::string_view text, std::string_view entry)
{
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || value == 0 || value > 65535)
        return mail::Error{"DNS server \"" + std::string(entry) + "\": the port must be a number from 1 to 65535"};
    return static_cast<std::uint16_t>(value);
}

mail::Result<DnsServer> parseOneServer(std::string_view entry)
{
    std::string_view host = entry;
    std::optional<std::string_view> port;
    if (entry.front() == '[') {
        const std::size_t close = entry.find(']');
        if (close == std::string_view::npos)
            return mail::Error{"DNS server \"" + std::string(entry) + "\": no closing ']'"};
        host = entry.substr(1, close - 1);
        const std::string_view rest = entry.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':')
                return mail::Error{"DNS server \"" + std::string(entry) + "\": expected ':PORT' after ']'"};
            port = rest.substr(1);
        }
    } else if (std::count(entry.begin(), entry.end(), ':') == 1) {
        // IPv4:PORT. Several colons make a bare IPv6 address, which has no port.
        const std::size_t colon = entry.find(':');
        host = entry.substr(0, colon);
        port = entry.substr(colon + 1);
    }
    DnsServer server;
    server.address = std::string(host);
    IpAddress parsed;
    if (!parseIp(server.address, parsed))
        return mail::Error{"DNS server \"" + std::string(entry) +
                           "\" is not an IP address (a name cannot be used: it would need a resolver)"};
    if (port) {
        mail::Result<std::uint16_t> number = parsePort(*port, entry);
        if (!number)
            return number.error();
        server.port = *number;
    }
    return server;
}

// "127.0.0.1:5353, [::1]:53", for messages.
std::string describeServers(const std::vector<DnsServer> &servers)
{
    if (servers.empty())
        return "the servers of /etc/resolv.conf";
    std::string out;
    for (const DnsServer &server : servers) {
        if (!out.empty())
            out += ", ";
        if (server.address.find(':') != std::string::npos)
            out += "[" + server.address + "]:" + std::to_string(server.port);
        else
            out += server.address + ":" + std::to_string(server.port);
    }
    return out;
}

std::string typeName(int type)
{
    switch (type) {
    case typeMx: return "MX";
    case typeA: return "A";
    case typeAaaa: return "AAAA";
    case typeTxt: return "TXT";
    case typePtr: return "PTR";
    case typeNs: return "NS";
    case typeCname: return "CNAME";
    case typeSrv: return "SRV";
    default: return "type " + std::to_string(type);
    }
}

// What an ares_query() status means for mail (RFC 5321 §4.5.4.1: a temporary
// DNS failure must never turn into a bounce).
DnsStatus statusOf(int aresStatus)
{
    switch (aresStatus) {
    case ARES_SUCCESS: return DnsStatus::Ok;
    case ARES_ENOTFOUND: return DnsStatus::NoSuchDomain; // rcode NXDOMAIN
    case ARES_EBADNAME: return DnsStatus::NoSuchDomain;  // a name no DNS can hold
    case ARES_ENODATA: return DnsStatus::NoData;         // NOERROR, no record of the type
    default: return DnsStatus::TemporaryFailure;         // SERVFAIL, REFUSED, timeout...
    }
}

std::string explain(int aresStatus)
{
    switch (aresStatus) {
    case ARES_ENOTFOUND: return "no such domain (NXDOMAIN)";
    case ARES_EBADNAME: return "not a valid domain name";
    case ARES_ENODATA: return "no record of this type";
    case ARES_ESERVFAIL: return "the DNS server failed (SERVFAIL)";
    case ARES_EREFUSED: return "the DNS server refused the query (REFUSED)";
    case ARES_EFORMERR: return "the DNS server could not read the query (FORMERR)";
    case ARES_ENOTIMP: return "the DNS server does not implement the query (NOTIMP)";
    case ARES_ECONNREFUSED: return "the DNS server cannot be reached (connection refused)";
    case ARES_ETIMEOUT: return "no answer from the DNS server";
    case ARES_EBADRESP: return "malformed answer from the DNS server";
    default: return ares_strerror(aresStatus);
    }
}

template <typename T>
DnsResult<T> failure(DnsStatus status, std::string message)
{
    DnsResult<T> result;
    result.status = status;
    result.message = std::move(message);
    return result;
}

// A parsed answer: Ok with records, or NoData when the answer held none of
// the type asked for (only a CNAME, say).
template <typename T>
DnsResult<T> answer(T records, const std::string &question)
{
    DnsResult<T> result;
    if (records.empty()) {
        result.status = DnsStatus::NoData;
        result.message = question + ": no record of this type";
    } else {
        result.status = DnsStatus::Ok;
        result.records = std::move(records);
    }
    return result;
}

template <typename T>
DnsResult<T> parseFailure(int aresStatus, const std::string &question)
{
    if (aresStatus == ARES_ENODATA)
        return failure<T>(DnsStatus::NoData, question + ": no record of this type");
    return failure<T>(DnsStatus::TemporaryFailure, question + ": " + explain(aresStatus));
}

std::string withoutTrailingDot(std::string name)
{
    if (name.size() > 1 && name.back() == '.')
        name.pop_back();
    return name;
}

// Every address of a hostent, as text.
std::vector<std::string> addressesOf(const hostent *host, int family)
{
    std::vector<std::string> out;
    if (!host || !host->h_addr_list)
        return out;
    char text[INET6_ADDRSTRLEN] = {};
    for (char **entry = host->h_addr_list; *entry; ++entry) {
        if (inet_ntop(family, *entry, text, sizeof text))
            out.emplace_back(text);
    }
    return out;
}

struct HostentDeleter {
    void operator()(hostent *host) const { ares_free_hostent(host); }
};
using HostentPtr = std::unique_ptr<hostent, HostentDeleter>;

struct AresDataDeleter {
    void operator()(void *data) const { ares_free_data(data); }
};

// RFC 1035 §3.5 and RFC 3596 §2.5: the name under which an address's PTR
// records live. Empty when `literal` is no IP address.
std::string reverseName(std::string_view literal, IpAddress &address)
{
    literal = mail::trim(literal);
    if (literal.size() > 2 && literal.front() == '[' && literal.back() == ']')
        literal = literal.substr(1, literal.size() - 2);
    if (!parseIp(std::string(literal), address))
        return {};
    std::string name;
    if (address.family == AF_INET) {
        unsigned char bytes[4];
        std::memcpy(bytes, &address.v4, sizeof bytes);
        for (int i = 3; i >= 0; --i)
            name += std::to_string(bytes[i]) + ".";
        return name + "in-addr.arpa";
    }
    static constexpr char hex[] = "0123456789abcdef";
    unsigned char bytes[16];
    std::memcpy(bytes, &address.v6, sizeof bytes);
    for (int i = 15; i >= 0; --i) {
        name += hex[bytes[i] & 0x0f];
        name += '.';
        name += hex[bytes[i] >> 4];
        name += '.';
    }
    return name + "ip6.arpa";
}

} // namespace

std::string_view describe(DnsStatus status)
{
    switch (status) {
    case DnsStatus::Ok: return "ok";
    case DnsStatus::NoSuchDomain: return "no such domain";
    case DnsStatus::NoData: return "no data";
    case DnsStatus::TemporaryFailure: return "temporary failure";
    }
    return "unknown";
}

Result<std::vector<DnsServer>> parseDnsServers(std::string_view list)
{
    std::vector<DnsServer> servers;
    std::string spaced(list);
    std::replace(spaced.begin(), spaced.end(), ',', ' ');
    std::replace(spaced.begin(), spaced.end(), '\t', ' ');
    for (std::string_view entry : mail::split(spaced, ' ')) {
        if (entry.empty())
            continue;
        mail::Result<DnsServer> server = parseOneServer(entry);
        if (!server)
            return server.error();
        servers.push_back(std::move(server).value());
    }
    return servers;
}

// One lookup in progress: written by the c-ares callback, read by query().
struct Resolver::Query {
    bool done = false;
    int status = ARES_ETIMEOUT;
    std::vector<unsigned char> answer;

    static void onAnswer(void *arg, int status, int /*timeouts*/, unsigned char *abuf, int alen)
    {
        Query &query = *static_cast<Query *>(arg);
        query.done = true;
        query.status = status;
        if (abuf && alen > 0)
            query.answer.assign(abuf, abuf + alen);
    }
};

namespace {

// A channel that is destroyed on every path out of a lookup.
struct Channel {
    ares_channel channel = nullptr;
    Channel() = default;
    Channel(const Channel &) = delete;
    Channel &operator=(const Channel &) = delete;
    ~Channel()
    {
        if (channel)
            ares_destroy(channel);
    }
};

// A channel with our settings: the given servers or resolv.conf's, no search
// domains, DNS only (never /etc/hosts), EDNS.
int openChannel(Channel &out, const std::vector<DnsServer> &servers, int perTryMs, int tries)
{
    ares_options options{};
    int mask = ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES | ARES_OPT_LOOKUPS | ARES_OPT_EDNSPSZ;
    options.flags = ARES_FLAG_NOSEARCH | ARES_FLAG_NOALIASES | ARES_FLAG_EDNS;
    options.timeout = perTryMs;
    options.tries = tries;
    char lookups[] = "b"; // "b": DNS; "f" would read /etc/hosts
    options.lookups = lookups;
    options.ednspsz = ednsBufferSize;
    if (const int status = ares_init_options(&out.channel, &options, mask); status != ARES_SUCCESS) {
        out.channel = nullptr;
        return status;
    }
    if (servers.empty())
        return ARES_SUCCESS;

    std::vector<ares_addr_port_node> nodes(servers.size());
    for (std::size_t i = 0; i < servers.size(); ++i) {
        IpAddress address;
        if (!parseIp(servers[i].address, address))
            return ARES_EBADSTR; // create() has checked them; not reached
        ares_addr_port_node &node = nodes[i];
        node.next = i + 1 < nodes.size() ? &nodes[i + 1] : nullptr;
        node.family = address.family;
        if (address.family == AF_INET)
            std::memcpy(&node.addr.addr4, &address.v4, sizeof address.v4);
        else
            std::memcpy(&node.addr.addr6, &address.v6, sizeof address.v6);
        node.udp_port = servers[i].port;
        node.tcp_port = servers[i].port;
    }
    return ares_set_servers_ports(out.channel, nodes.data()); // copies the list
}

int countServers(ares_channel channel)
{
    ares_addr_port_node *list = nullptr;
    if (ares_get_servers_ports(channel, &list) != ARES_SUCCESS)
        return 1;
    int count = 0;
    for (ares_addr_port_node *node = list; node; node = node->next)
        ++count;
    ares_free_data(list);
    return std::max(count, 1);
}

} // namespace

Result<std::unique_ptr<Resolver>> Resolver::create(std::vector<DnsServer> servers, std::chrono::milliseconds timeout,
                                                   int tries)
{
    if (const int status = initialiseLibrary(); status != ARES_SUCCESS)
        return mail::Error{std::string("cannot initialise c-ares: ") + ares_strerror(status)};
    if (timeout < std::chrono::milliseconds(100))
        return mail::Error{"the DNS timeout must be at least 100 ms"};
    std::unique_ptr<Resolver> resolver(new Resolver(timeout, std::clamp(tries, 1, 5)));
    if (mail::Status status = resolver->setServers(std::move(servers)); !status)
        return status.error();
    return resolver;
}

Resolver::Resolver(std::chrono::milliseconds timeout, int tries) : m_timeout(timeout), m_tries(tries) {}

Result<std::shared_ptr<const Resolver::Servers>> Resolver::prepare(std::vector<DnsServer> servers) const
{
    for (const DnsServer &server : servers) {
        IpAddress parsed;
        if (!parseIp(server.address, parsed))
            return mail::Error{"DNS server \"" + server.address + "\" is not an IP address"};
        if (server.port == 0)
            return mail::Error{"DNS server " + server.address + ": port 0"};
    }

    // Fail now, not at the first delivery, when the settings (or
    // resolv.conf) cannot make a channel; count the servers meanwhile.
    Channel probe;
    if (const int status = openChannel(probe, servers, 1000, m_tries); status != ARES_SUCCESS)
        return mail::Error{std::string("cannot set up the DNS resolver: ") + ares_strerror(status)};

    // c-ares asks each server in turn, and doubles the per-try timeout after
    // each round through them: with n servers, t tries and a first timeout of
    // p, a lookup that never gets an answer takes p * n * (2^t - 1). Choose p
    // so that this is the whole timeout.
    const long long rounds = (1LL << m_tries) - 1;
    const long long perTry = m_timeout.count() / (rounds * countServers(probe.channel));
    auto prepared = std::make_shared<Servers>();
    prepared->list = std::move(servers);
    prepared->perTryMs = static_cast<int>(std::clamp(perTry, 50LL, 30000LL));
    return std::shared_ptr<const Servers>(std::move(prepared));
}

mail::Status Resolver::setServers(std::vector<DnsServer> servers)
{
    Result<std::shared_ptr<const Servers>> prepared = prepare(std::move(servers));
    if (!prepared)
        return prepared.error();
    const std::lock_guard lock(m_mutex);
    m_servers = std::move(prepared).value();
    if (m_cache)
        m_cache->clear();
    return mail::Ok{};
}

void Resolver::keepAnswers(std::size_t capacity)
{
    m_cache = std::make_unique<DnsCache>(capacity);
}

std::shared_ptr<const Resolver::Servers> Resolver::current() const
{
    const std::lock_guard lock(m_mutex);
    return m_servers;
}

Resolver::~Resolver() = default;

DnsResult<std::vector<unsigned char>> Resolver::query(const std::string &name, int type) const
{
    const std::string question = name + " " + typeName(type);
    if (name.empty())
        return failure<std::vector<unsigned char>>(DnsStatus::NoSuchDomain, question + ": empty name");

    const std::shared_ptr<const Servers> servers = current();
    if (m_cache) {
        if (std::optional<DnsCache::Answer> kept = m_cache->find(name, type, Clock::now()))
            return outcome(kept->status, std::move(kept->message), question, *servers);
    }
    // Declared before the channel: ares_destroy() still calls back into it.
    Query query;
    Channel channel;
    if (const int status = openChannel(channel, servers->list, servers->perTryMs, m_tries); status != ARES_SUCCESS)
        return failure<std::vector<unsigned char>>(DnsStatus::TemporaryFailure,
                                                   question + ": cannot open a DNS channel: " + ares_strerror(status));

    ares_query(channel.channel, name.c_str(), classIn, type, &Query::onAnswer, &query);

    // Drive the channel until the callback ran: poll its sockets, wake for
    // c-ares' own retry timers, and give up at the deadline whatever happens.
    const Clock::time_point deadline = Clock::now() + m_timeout;
    bool timedOut = false;
    while (!query.done) {
        const Clock::duration left = deadline - Clock::now();
        if (left <= Clock::duration::zero()) {
            timedOut = true;
            ares_cancel(channel.channel); // calls back with ARES_ECANCELLED
            break;
        }
        ares_socket_t sockets[ARES_GETSOCK_MAXNUM];
        const int bits = ares_getsock(channel.channel, sockets, ARES_GETSOCK_MAXNUM);
        pollfd fds[ARES_GETSOCK_MAXNUM];
        nfds_t count = 0;
        for (int i = 0; i < ARES_GETSOCK_MAXNUM; ++i) {
            short events = 0;
            if (ARES_GETSOCK_READABLE(bits, i))
                events |= POLLIN;
            if (ARES_GETSOCK_WRITABLE(bits, i))
                events |= POLLOUT;
            if (events)
                fds[count++] = pollfd{sockets[i], events, 0};
        }

        const auto leftUs = std::chrono::duration_cast<std::chrono::microseconds>(left).count();
        timeval limit{static_cast<time_t>(leftUs / 1000000), static_cast<suseconds_t>(leftUs % 1000000)};
        timeval buffer{};
        const timeval *wait = ares_timeout(channel.channel, &limit, &buffer);
        const long long waitMs = static_cast<long long>(wait->tv_sec) * 1000 + (wait->tv_usec + 999) / 1000;
        const int ready = poll(fds, count, static_cast<int>(std::clamp(waitMs, 0LL, 60000LL)));
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            const int error = errno;
            ares_cancel(channel.channel);
            return failure<std::vector<unsigned char>>(DnsStatus::TemporaryFailure,
                                                       question + ": poll failed: " + std::strerror(error));
        }
        if (ready == 0) {
            ares_process_fd(channel.channel, ARES_SOCKET_BAD, ARES_SOCKET_BAD); // timers only
            continue;
        }
        for (nfds_t i = 0; i < count && !query.done; ++i) {
            const short revents = fds[i].revents;
            if (!revents)
                continue;
            const bool readable = revents & (POLLIN | POLLERR | POLLHUP);
            const bool writable = revents & POLLOUT;
            ares_process_fd(channel.channel, readable ? fds[i].fd : ARES_SOCKET_BAD,
                            writable ? fds[i].fd : ARES_SOCKET_BAD);
        }
    }

    if (timedOut)
        return failure<std::vector<unsigned char>>(
            DnsStatus::TemporaryFailure, question + ": no answer within " + std::to_string(m_timeout.count()) + " ms from " +
                                          describeServers(servers->list));
    // Answers only: a timeout or an unreachable server is asked again.
    const bool answered = query.status == ARES_SUCCESS || query.status == ARES_ENOTFOUND || query.status == ARES_ENODATA;
    if (m_cache && answered)
        m_cache->store(name, type, {query.status, query.answer}, Clock::now());
    return outcome(query.status, std::move(query.answer), question, *servers);
}

DnsResult<std::vector<unsigned char>> Resolver::outcome(int aresStatus, std::vector<unsigned char> answer,
                                                        const std::string &question, const Servers &servers)
{
    if (aresStatus != ARES_SUCCESS) {
        const DnsStatus status = statusOf(aresStatus);
        std::string message = question + ": " + explain(aresStatus);
        if (status == DnsStatus::TemporaryFailure)
            message += ", asked " + describeServers(servers.list);
        return failure<std::vector<unsigned char>>(status, std::move(message));
    }
    DnsResult<std::vector<unsigned char>> result;
    result.status = DnsStatus::Ok;
    result.records = std::move(answer);
    return result;
}

DnsResult<std::vector<mail::MxRecord>> Resolver::mx(std::string_view domain) const
{
    const std::string name(domain);
    const std::string question = name + " MX";
    DnsResult<std::vector<unsigned char>> raw = query(name, typeMx);
    if (!raw.ok())
        return failure<std::vector<mail::MxRecord>>(raw.status, std::move(raw.message));

    ares_mx_reply *replies = nullptr;
    const int status = ares_parse_mx_reply(raw.records.data(), static_cast<int>(raw.records.size()), &replies);
    const std::unique_ptr<ares_mx_reply, AresDataDeleter> owner(replies);
    if (status != ARES_SUCCESS)
        return parseFailure<std::vector<mail::MxRecord>>(status, question);
    std::vector<mail::MxRecord> records;
    for (const ares_mx_reply *reply = replies; reply; reply = reply->next) {
        // c-ares expands the root name to "": that is RFC 7505's null MX.
        std::string host = reply->host ? reply->host : "";
        records.push_back({reply->priority, host.empty() ? std::string(".") : withoutTrailingDot(std::move(host))});
    }
    return answer(std::move(records), question);
}

DnsResult<std::vector<std::string>> Resolver::ipv4(std::string_view host) const
{
    const std::string name(host);
    DnsResult<std::vector<unsigned char>> raw = query(name, typeA);
    if (!raw.ok())
        return failure<std::vector<std::string>>(raw.status, std::move(raw.message));
    hostent *parsed = nullptr;
    const int status = ares_parse_a_reply(raw.records.data(), static_cast<int>(raw.records.size()), &parsed,
                                          nullptr, nullptr);
    const HostentPtr owner(parsed);
    if (status != ARES_SUCCESS)
        return parseFailure<std::vector<std::string>>(status, name + " A");
    return answer(addressesOf(parsed, AF_INET), name + " A");
}

DnsResult<std::vector<std::string>> Resolver::ipv6(std::string_view host) const
{
    const std::string name(host);
    DnsResult<std::vector<unsigned char>> raw = query(name, typeAaaa);
    if (!raw.ok())
        return failure<std::vector<std::string>>(raw.status, std::move(raw.message));
    hostent *parsed = nullptr;
    const int status = ares_parse_aaaa_reply(raw.records.data(), static_cast<int>(raw.records.size()), &parsed,
                                             nullptr, nullptr);
    const HostentPtr owner(parsed);
    if (status != ARES_SUCCESS)
        return parseFailure<std::vector<std::string>>(status, name + " AAAA");
    return answer(addressesOf(parsed, AF_INET6), name + " AAAA");
}

DnsResult<std::vector<std::string>> Resolver::txt(std::string_view name) const
{
    const std::string asked(name);
    DnsResult<std::vector<unsigned char>> raw = query(asked, typeTxt);
    if (!raw.ok())
        return failure<std::vector<std::string>>(raw.status, std::move(raw.message));
    ares_txt_ext *replies = nullptr;
    const int status =
        ares_parse_txt_reply_ext(raw.records.data(), static_cast<int>(raw.records.size()), &replies);
    const std::unique_ptr<ares_txt_ext, AresDataDeleter> owner(replies);
    if (status != ARES_SUCCESS)
        return parseFailure<std::vector<std::string>>(status, asked + " TXT");
    // c-ares gives one node per character-string; record_start marks the
    // first string of each record. RFC 7208 §3.3: a record's strings are
    // joined with nothing in between.
    std::vector<std::string> records;
    for (const ares_txt_ext *part = replies; part; part = part->next) {
        if (part->record_start || records.empty())
            records.emplace_back();
        records.back().append(reinterpret_cast<const char *>(part->txt), part->length);
    }
    return answer(std::move(records), asked + " TXT");
}

DnsResult<std::vector<std::string>> Resolver::ptr(std::string_view ipLiteral) const
{
    IpAddress address;
    const std::string name = reverseName(ipLiteral, address);
    if (name.empty())
        return failure<std::vector<std::string>>(DnsStatus::NoSuchDomain,
                                                 "PTR of \"" + std::string(ipLiteral) + "\": not an IP address");
    DnsResult<std::vector<unsigned char>> raw = query(name, typePtr);
    if (!raw.ok())
        return failure<std::vector<std::string>>(raw.status, std::move(raw.message));
    hostent *parsed = nullptr;
    const void *bytes = address.family == AF_INET ? static_cast<const void *>(&address.v4)
                                                  : static_cast<const void *>(&address.v6);
    const int length = address.family == AF_INET ? int{sizeof address.v4} : int{sizeof address.v6};
    const int status = ares_parse_ptr_reply(raw.records.data(), static_cast<int>(raw.records.size()), bytes, length,
                                            address.family, &parsed);
    const HostentPtr owner(parsed);
    if (status != ARES_SUCCESS)
        return parseFailure<std::vector<std::string>>(status, name + " PTR");
    // c-ares lists every PTR target in h_aliases (and the last one again in
    // h_name).
    std::vector<std::string> names;
    auto add = [&names](const char *target) {
        if (!target)
            return;
        std::string host = withoutTrailingDot(target);
        if (!host.empty() && std::find(names.begin(), names.end(), host) == names.end())
            names.push_back(std::move(host));
    };
    if (parsed && parsed->h_aliases) {
        for (char **alias = parsed->h_aliases; *alias; ++alias)
            add(*alias);
    }
    if (names.empty() && parsed)
        add(parsed->h_name);
    return answer(std::move(names), name + " PTR");
}

DnsResult<std::vector<std::string>> Resolver::srv(std::string_view name) const
{
    const std::string asked(name);
    DnsResult<std::vector<unsigned char>> raw = query(asked, typeSrv);
    if (!raw.ok())
        return failure<std::vector<std::string>>(raw.status, std::move(raw.message));
    ares_srv_reply *replies = nullptr;
    const int status = ares_parse_srv_reply(raw.records.data(), static_cast<int>(raw.records.size()), &replies);
    const std::unique_ptr<ares_srv_reply, AresDataDeleter> owner(replies);
    if (status != ARES_SUCCESS)
        return parseFailure<std::vector<std::string>>(status, asked + " SRV");
    std::vector<std::string> records;
    for (const ares_srv_reply *reply = replies; reply; reply = reply->next) {
        const std::string target = reply->host && *reply->host ? withoutTrailingDot(reply->host) : ".";
        records.push_back(std::to_string(reply->priority) + " " + std::to_string(reply->weight) + " "
                          + std::to_string(reply->port) + " " + target);
    }
    return answer(std::move(records), asked + " SRV");
}

DnsResult<std::vector<std::string>> Resolver::ns(std::string_view domain) const
{
    const std::string asked(domain);
    DnsResult<std::vector<unsigned char>> raw = query(asked, typeNs);
    if (!raw.ok())
        return failure<std::vector<std::string>>(raw.status, std::move(raw.message));
    hostent *parsed = nullptr;
    const int status = ares_parse_ns_reply(raw.records.data(), static_cast<int>(raw.records.size()), &parsed);
    const HostentPtr owner(parsed);
    if (status != ARES_SUCCESS)
        return parseFailure<std::vector<std::string>>(status, asked + " NS");
    std::vector<std::string> names;
    if (parsed && parsed->h_aliases) {
        for (char **alias = parsed->h_aliases; *alias; ++alias)
            names.push_back(withoutTrailingDot(*alias));
    }
    return answer(std::move(names), asked + " NS");
}

// c-ares 1.18 has no CNAME parser: the answer section is walked here, with
// ares_expand_name() for the (possibly compressed) names.
DnsResult<std::vector<std::string>> Resolver::cname(std::string_view name) const
{
    const std::string asked(name);
    const std::string question = asked + " CNAME";
    DnsResult<std::vector<unsigned char>> raw = query(asked, typeCname);
    if (!raw.ok())
        return failure<std::vector<std::string>>(raw.status, std::move(raw.message));
    const unsigned char *message = raw.records.data();
    const std::size_t size = raw.records.size();
    const auto malformed = [&] {
        return failure<std::vector<std::string>>(DnsStatus::TemporaryFailure, question + ": " + explain(ARES_EBADRESP));
    };
    if (size < 12)
        return malformed();
    const int questions = (message[4] << 8) | message[5];
    const int answers = (message[6] << 8) | message[7];
    // Offsets, not pointers, so that nothing ever points past the message.
    std::size_t at = 12;
    // Skips the name at `at`; false when it runs past the message.
    const auto skipName = [&]() {
        char *expanded = nullptr;
        long length = 0;
        if (ares_expand_name(message + at, message, static_cast<int>(size), &expanded, &length) != ARES_SUCCESS)
            return false;
        ares_free_string(expanded);
        if (length < 0 || static_cast<std::size_t>(length) > size - at)
            return false;
        at += static_cast<std::size_t>(length);
        return true;
    };
    for (int i = 0; i < questions; ++i) {
        if (!skipName() || size - at < 4)
            return malformed();
        at += 4;
    }
    std::vector<std::string> targets;
    for (int i = 0; i < answers; ++i) {
        if (!skipName() || size - at < 10)
            return malformed();
        const int type = (message[at] << 8) | message[at + 1];
        const std::size_t length = static_cast<std::size_t>((message[at + 8] << 8) | message[at + 9]);
        at += 10;
        if (size - at < length)
            return malformed();
        if (type == typeCname) {
            char *target = nullptr;
            long used = 0;
            if (ares_expand_name(message + at, message, static_cast<int>(size), &target, &used) != ARES_SUCCESS)
                return malformed();
            targets.push_back(withoutTrailingDot(target));
            ares_free_string(target);
        }
        at += length;
    }
    return answer(std::move(targets), question);
}

} // namespace postwr::daemon
