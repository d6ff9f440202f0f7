// postwrd.conf, the configuration of postwrd.
//
// The file is INI (see mail/ini.h): `key = value` lines, [section] headers,
// whole-line comments starting with '#' or ';'. Every key is optional except
// `hostname`. Relative paths are taken relative to the directory that holds
// postwrd.conf (normally /etc/postwr). Unknown sections and keys are errors,
// so that a typo is never silently ignored.
//
//   hostname = mail.example.com
//       Required. This server's own DNS name: it is announced in the SMTP
//       greeting and EHLO reply, and the MX record of every domain points at
//       it. A letters-digits-hyphens DNS name, stored lowercase.
//   spool = /var/spool/postwr
//       The queue: a message is written and fsynced here before the 250 that
//       accepts it.
//   maildir = /var/lib/postwr/mail
//       Where mail for local users is delivered, one Maildir per user.
//
//   [listen]
//       Each key is a comma-separated list of ADDRESS:PORT, with IPv6
//       addresses in brackets: "0.0.0.0:25, [::]:25". ADDRESS is an IP
//       literal, not a name. An empty value means "do not listen".
//   smtp = 0.0.0.0:25, [::]:25
//       Mail from other servers (MX), STARTTLS offered, no AUTH.
//   submission = 0.0.0.0:587, [::]:587
//       Mail from your users; STARTTLS is required before AUTH (RFC 6409).
//   submissions = 0.0.0.0:465, [::]:465
//       Mail from your users over implicit TLS (RFC 8314 §3.3).
//
//   [tls]
//   certificate = tls/cert.pem
//       The certificate chain, PEM.
//   key = tls/key.pem
//       Its private key, PEM.
//
//   [limits]
//   max_message_size = 50M
//       The largest message accepted, in bytes, announced with SIZE (RFC
//       1870). A suffix K, M or G multiplies by 1024, 1024² or 1024³.
//   max_recipients = 100
//       RCPT TO commands accepted per message. RFC 5321 §4.5.3.1.8 asks
//       servers to accept at least 100; a lower value is allowed but makes
//       postwrd refuse mail that conforming clients expect to go through.
//   max_errors = 10
//       The connection is closed after this many failed commands, which slows
//       down address harvesting and password guessing.
//   command_timeout = 300
//       Seconds to wait for the client's next command. RFC 5321 §4.5.3.2.7
//       asks for at least 5 minutes. Counted from the last reply: a client
//       that sends a command a byte at a time gets no more (while it sends a
//       message's data, each read starts the time again).
//   session_timeout = 30m
//       The longest a connection may last, whatever it does.
//   connections = 1000
//       Connections at the same time, in all; one more is told 421 and closed.
//   connections_per_client = 20
//       Connections at the same time from one client: an IPv4 address, or the
//       /64 network of an IPv6 address.
//   commands_per_minute = 100
//       Commands one connection may send in a minute, not counting MAIL,
//       RCPT, DATA and RSET: a client sending mail needs a handful (EHLO,
//       STARTTLS, AUTH, ...) whatever it sends; a flood is cut off.
//   auth_failures = 5
//       Failed logins from one client (as above) before its logins are
//       refused (454) without checking the password. Each failure after the
//       first is answered later than the one before: 1, 2, 4, up to 16
//       seconds. Every attempt is logged as "event=auth client=ADDRESS ...
//       result=failed|throttled|ok", for fail2ban.
//   auth_block = 15m
//       How long a client's logins stay refused after its last failure, and
//       how long failures are remembered.
//
//   [addresses]
//       How local parts of mail coming in are matched against users and
//       aliases (as in chasquid). Both accept characters of RFC 5322 §3.2.3
//       "atext" that are not letters or digits, plus '.', except '*' which
//       names the catch-all alias. Either may be empty.
//   suffix_separators = +
//       Everything from the first of these characters on is ignored when
//       looking up a user: "alice+news" is delivered to alice.
//   drop_characters = .
//       These characters are ignored when looking up a user: "a.lice" is
//       delivered to alice.
//
//   [delivery]
//       Outbound delivery to other domains (MX lookup, STARTTLS, retries).
//   retry_initial = 60s
//       The first retry after a temporary failure; each next one waits twice
//       as long, up to retry_max. Durations: 90 (seconds), 90s, 5m, 4h, 5d.
//   retry_max = 4h
//   max_queue_time = 5d
//       A message still undelivered after this long is bounced (as Postfix).
//   delay_warning = 4h
//       The sender is told once when a message has waited this long.
//   ipv6_first = yes
//       Try a receiver's IPv6 addresses before its IPv4 ones.
//   source_ipv4 =
//   source_ipv6 =
//       The address outgoing connections come from, per family; empty lets
//       the system choose. Set it to the address whose reverse DNS names
//       this server when the VPS has several.
//   mta_sts = yes
//       Honour the MTA-STS policies domains publish (RFC 8461): with
//       "enforce", mail goes only to the MX hosts the policy names, over TLS
//       with a certificate valid for the host, or waits.
//   mta_sts_port = 443
//   tls_ca_file =
//       For tests only: the port policies are fetched from, and the CA
//       certificates that verify policy and MX servers (empty: the system's).
//   remote_port = 25
//   allow_loopback = no
//       For tests only: another port for receivers, and MX hosts on
//       127.0.0.0/8 and ::1 (never wanted on a real server).
//
//   [dns]
//   servers =
//       DNS servers as ADDR, ADDR:PORT or [IPv6]:PORT, comma-separated;
//       empty reads /etc/resolv.conf.
//
//   [forwarding]
//   srs_domain =
//       Mail from other domains that an alias forwards elsewhere leaves with
//       an SRS address of this domain as sender, so the receiver's SPF
//       check passes (Sender Rewriting Scheme). Empty: the local domain the
//       hostname belongs to, else the first local domain.
//
//   [domain example.com]
//       One section per local domain that needs settings other than the
//       defaults. (A domain is local when DIR/domains/<domain>/ exists.)
//   senders = domain
//       Which addresses an authenticated user of this domain may send from,
//       in MAIL FROM and From: `domain` for any address of the user's own
//       domain, `account` for only the user's own address, `any` for any
//       address at all.
#pragma once

#include "mail/client_limits.h"
#include "mail/ini.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct ListenAddress {
    std::string host; // an IP literal without brackets: "0.0.0.0", "::1"
    std::uint16_t port = 0;

    // "ADDR:PORT", or "[IPv6]:PORT".
    std::string toString() const;

    bool operator==(const ListenAddress &) const = default;
};

enum class SenderPolicy { Domain, Account, Any };

struct DomainSettings {
    SenderPolicy senders = SenderPolicy::Domain;

    bool operator==(const DomainSettings &) const = default;
};

struct DeliverySettings {
    std::chrono::seconds retryInitial{60};
    std::chrono::seconds retryMax{4 * 3600};
    std::chrono::seconds maxQueueTime{5 * 24 * 3600};
    std::chrono::seconds delayWarning{4 * 3600};
    bool ipv6First = true;
    std::string sourceIpv4;
    std::string sourceIpv6;
    bool mtaSts = true;
    std::uint16_t mtaStsPort = 443;
    std::string tlsCaFile; // "" = the system's trust store
    std::uint16_t remotePort = 25;
    bool allowLoopback = false;
};

struct Config {
    std::string hostname;
    std::vector<ListenAddress> smtp{{"0.0.0.0", 25}, {"::", 25}};
    std::vector<ListenAddress> submission{{"0.0.0.0", 587}, {"::", 587}};
    std::vector<ListenAddress> submissions{{"0.0.0.0", 465}, {"::", 465}};
    std::string tlsCertificate; // set by parseConfig: CONFIGDIR/tls/cert.pem
    std::string tlsKey;         // set by parseConfig: CONFIGDIR/tls/key.pem
    std::string spool = "/var/spool/postwr";
    std::string maildir = "/var/lib/postwr/mail";
    std::uint64_t maxMessageSize = 50 * 1024 * 1024;
    std::size_t maxRecipients = 100;
    int maxErrors = 10;
    std::chrono::seconds commandTimeout{300};
    std::chrono::seconds sessionTimeout{30 * 60};
    std::size_t maxConnections = 1000;
    std::size_t maxConnectionsPerClient = 20;
    int maxCommandsPerMinute = 100;
    LoginLimits loginLimits;
    std::string suffixSeparators = "+";
    std::string dropCharacters = ".";
    DeliverySettings delivery;
    std::vector<ListenAddress> dnsServers; // empty: /etc/resolv.conf
    std::string srsDomain;                 // empty: chosen from the local domains
    // Keyed by the lowercase domain.
    std::map<std::string, DomainSettings> domains;
};

// `configDir` is the directory holding the file, for relative paths.
Parsed<Config> parseConfig(std::string_view text, std::string_view configDir);

// A DNS host name: dot-separated labels of letters, digits and inner hyphens,
// at most 63 bytes each and 253 in all (RFC 1035 §2.3.1, RFC 1123 §2.1).
bool isValidHostname(std::string_view name);

} // namespace postwr::mail
