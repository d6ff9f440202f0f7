// DNS lookups for delivery (MX, A, AAAA) and for sender checks (TXT for
// SPF/DKIM/DMARC, PTR for reverse DNS), with c-ares.
//
// Why c-ares and not getaddrinfo(): postwrd is one static binary, and a static
// glibc binary cannot use NSS reliably (DESIGN.md). c-ares speaks DNS itself.
//
// Why ares_query() and not ares_search(): mail domains are always fully
// qualified (RFC 5321 §5.1); appending resolv.conf's search domains to a
// recipient domain could send mail to the wrong place.
//
// Threads: c-ares 1.18 channels are not thread-safe, so every lookup makes its
// own channel from the immutable settings kept here, drives it, and destroys
// it. Lookups from many delivery threads then share nothing and never wait on
// each other; the cost (a socket per lookup, and a read of /etc/resolv.conf
// when no servers are configured) is small beside an SMTP transaction, and
// resolv.conf changes are picked up without a restart.
//
// Time: every lookup ends within the timeout given to create(), whatever the
// servers do (c-ares' own retries are spread inside it, and a deadline backs
// them up).
#pragma once

#include "daemon/dns_cache.h"
#include "mail/mx.h"
#include "mail/result.h"

#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::daemon {

using mail::Result;

// A DNS server to ask: an IP literal, never a name (naming the resolver's
// server would need a resolver).
struct DnsServer {
    std::string address;
    std::uint16_t port = 53;
};

// "127.0.0.1:5353, [::1]:53, 9.9.9.9, ::1": comma- or space-separated; the
// port is optional (53), an IPv6 address with a port is written in brackets.
// An empty list is valid (use /etc/resolv.conf).
Result<std::vector<DnsServer>> parseDnsServers(std::string_view list);

enum class DnsStatus {
    Ok,               // at least one record
    NoSuchDomain,     // NXDOMAIN (or a name that cannot exist): permanent
    NoData,           // the name exists but has no record of this type
    TemporaryFailure, // SERVFAIL, REFUSED, timeout, unreachable server, bad answer: retry later
};

// "ok", "no such domain", "no data", "temporary failure".
std::string_view describe(DnsStatus status);

template <typename T>
struct DnsResult {
    DnsStatus status = DnsStatus::TemporaryFailure;
    T records{};         // empty unless status is Ok
    std::string message; // for logs: what was asked and what went wrong
    bool ok() const { return status == DnsStatus::Ok; }
};

class Resolver {
public:
    // `servers` empty: the servers of /etc/resolv.conf, read by c-ares' own
    // parser. `timeout` bounds one whole lookup; `tries` is how many times each
    // server is asked within it.
    static Result<std::unique_ptr<Resolver>> create(std::vector<DnsServer> servers,
                                                    std::chrono::milliseconds timeout = std::chrono::seconds(5),
                                                    int tries = 2);
    ~Resolver();
    Resolver(const Resolver &) = delete;
    Resolver &operator=(const Resolver &) = delete;

    // All blocking and thread-safe (see the top of this file).

    // MX records in the order of the answer; hosts without the trailing dot,
    // except a null MX (RFC 7505), whose host is the root: ".".
    DnsResult<std::vector<mail::MxRecord>> mx(std::string_view domain) const;
    // A and AAAA records, as text ("192.0.2.1", "2001:db8::1"); CNAMEs followed.
    DnsResult<std::vector<std::string>> ipv4(std::string_view host) const;
    DnsResult<std::vector<std::string>> ipv6(std::string_view host) const;
    // One string per TXT record, its character-strings concatenated with
    // nothing in between (RFC 7208 §3.3, RFC 6376 §3.6.2.2). May hold any byte.
    DnsResult<std::vector<std::string>> txt(std::string_view name) const;
    // The names of an IP address (IPv4 or IPv6 literal), from in-addr.arpa or
    // ip6.arpa; without the trailing dot.
    DnsResult<std::vector<std::string>> ptr(std::string_view ipLiteral) const;

    // For the desktop's DNS check. SRV as "PRIORITY WEIGHT PORT TARGET"; the
    // name servers of a zone; the target of a CNAME at `name` (not followed).
    DnsResult<std::vector<std::string>> srv(std::string_view name) const;
    DnsResult<std::vector<std::string>> ns(std::string_view domain) const;
    DnsResult<std::vector<std::string>> cname(std::string_view name) const;

    // Asks `servers` from the next lookup on (a reload of `[dns] servers`);
    // lookups under way finish with the servers they started with. On an
    // error the servers stay as they were.
    mail::Status setServers(std::vector<DnsServer> servers);

    // From now on, answers are kept for as long as their TTL allows (at most
    // `capacity` of them) and asked again only then: for the service. Not for
    // the desktop's DNS check, which must see each change as it happens.
    // setServers() forgets them. Call it before the first lookup.
    void keepAnswers(std::size_t capacity);

private:
    struct Query;
    // What one lookup uses; replaced whole by setServers().
    struct Servers {
        std::vector<DnsServer> list;
        int perTryMs = 0;
    };
    Resolver(std::chrono::milliseconds timeout, int tries);
    Result<std::shared_ptr<const Servers>> prepare(std::vector<DnsServer> servers) const;
    std::shared_ptr<const Servers> current() const;
    // Sends one question and waits for its answer, or a failure, within the timeout.
    DnsResult<std::vector<unsigned char>> query(const std::string &name, int type) const;
    static DnsResult<std::vector<unsigned char>> outcome(int aresStatus, std::vector<unsigned char> answer,
                                                         const std::string &question, const Servers &servers);

    std::chrono::milliseconds m_timeout;
    int m_tries;
    mutable std::mutex m_mutex;
    std::shared_ptr<const Servers> m_servers;
    std::unique_ptr<DnsCache> m_cache;
};

} // namespace postwr::daemon
