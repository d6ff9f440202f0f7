// The DNS records a mail domain served by postwrd must publish, computed from
// the configuration (`postwrd dns records`), and three ways to print them:
// a table for people, a BIND master-file fragment for DNS panels that import
// zones, and JSON for the desktop wizard.
//
// What is published, and the choices made:
//
//   MX      DOMAIN → 10 HOSTNAME. One MX: postwrd is the only server.
//   A/AAAA  HOSTNAME → the server's addresses, so that the MX target and the
//           reverse DNS resolve forward (forward-confirmed reverse DNS).
//   MX      left out with --receive elsewhere: the domain keeps its mailbox
//           provider (Google Workspace, Microsoft 365, …), whose MX, MTA-STS
//           and TLS-RPT records stay as they are; postwrd only sends.
//   SPF     DOMAIN: "v=spf1 ip4:A ip6:B ~all". The addresses are listed, not
//           `mx` or `a`: they cost none of the 10 DNS lookups RFC 7208 §4.6.4
//           allows, leaving room for include: of other senders, and the MX
//           may later point at a mailbox provider that must not send as the
//           domain. Other senders of the domain keep their include:
//           (--spf-include _spf.google.com), so a provider the user keeps
//           still passes. `~all` by default: `-all` makes receivers refuse mail
//           that a forwarder relays without SRS, and DMARC already lets the
//           domain ask for refusal (--spf-all hard chooses `-all`).
//   SPF     HOSTNAME: "v=spf1 ip4:A ip6:B -all", the HELO identity (RFC 7208
//           §2.3), checked for bounces, whose MAIL FROM is empty. `-all`:
//           nobody else ever says HELO with this name. Left out when the
//           host name is the domain itself (one SPF record per name, §3.2).
//   DKIM    SELECTOR._domainkey.DOMAIN for every key (RFC 6376 §3.6.2).
//   DMARC   _dmarc.DOMAIN: "v=DMARC1; p=quarantine; fo=1; rua=mailto:
//           postmaster@DOMAIN" (RFC 7489 §6.3); adkim/aspf stay relaxed, the
//           default, since mail from subdomains is still ours.
//   TLS-RPT _smtp._tls.DOMAIN: "v=TLSRPTv1; rua=mailto:postmaster@DOMAIN"
//           (RFC 8460 §3): senders report failed TLS to the domain.
//   MTA-STS _mta-sts.DOMAIN: "v=STSv1; id=ID" (RFC 8461 §3.1), ID the first
//           20 hex digits of the SHA-256 of the policy, so the id changes
//           exactly when the policy does; the policy text (§3.2, mode
//           testing by default: failures are reported, mail still flows); and
//           the addresses of mta-sts.DOMAIN, where a web server must serve the
//           policy over HTTPS. postwrd has no web server: the policy entry
//           says so.
//   SRV     _submissions._tcp (465, priority 0) and _submission._tcp (587,
//           priority 10) for mail client set-up (RFC 6186 §3.1, RFC 8314
//           §5.1): the lower priority prefers implicit TLS (RFC 6186 §3.4
//           lets priority rank the two services). No "0 0 0 ." records
//           for IMAP and POP3: the mailbox of a postwrd domain is elsewhere
//           (Gmail, or a provider that keeps the mailboxes), and declaring
//           "not available" here would contradict that provider's records.
//   PTR     for each address, REVERSE-NAME → HOSTNAME (RFC 1035 §3.5, RFC
//           3596 §2.5), set in the hosting provider's panel, not in the zone.
//
// A host name outside the domain (mail.other.net serving example.com) is
// still output, with place OtherZone: its A/AAAA and HELO SPF belong in the
// zone of other.net.
#pragma once

#include "mail/dkim_key.h"
#include "mail/dmarc.h"
#include "mail/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

enum class SpfAll { Soft, Hard }; // ~all / -all
enum class MtaStsMode { Testing, Enforce };

// Where a record is published.
enum class RecordPlace {
    Zone, // the DNS zone of the domain
    OtherZone, // the zone of the mail host name, which is outside the domain
    Provider, // reverse DNS: the hosting provider's panel
    Web, // a file served over HTTPS (the MTA-STS policy)
};

// "zone", "other-zone", "provider", "web": the JSON "where".
std::string_view recordPlaceName(RecordPlace place);

struct DnsRecordRequest {
    std::string domain; // a local domain
    std::string hostname; // the config's hostname
    std::string ipv4; // the server's addresses as typed; "" for none, but
    std::string ipv6; // at least one is needed
    std::vector<DkimKey> dkimKeys; // the domain's keys
    SpfAll spfAll = SpfAll::Soft;
    DmarcPolicy dmarcPolicy = DmarcPolicy::Quarantine;
    std::string dmarcRua; // an address, "mailto:" optional; "" = postmaster@DOMAIN
    std::string dmarcRuf; // "" = no failure reports
    std::string tlsrptRua; // "" = postmaster@DOMAIN
    MtaStsMode mtaStsMode = MtaStsMode::Testing;
    std::uint32_t ttl = 3600;
    // false: the domain's mail is received elsewhere (no MX, MTA-STS or
    // TLS-RPT from us).
    bool receiveHere = true;
    // Domains of other senders, each an SPF include: ("_spf.google.com").
    std::vector<std::string> spfIncludes;
};

struct DnsRecord {
    // Stable, for the wizard: "mx", "a", "aaaa", "spf", "spf-helo",
    // "dkim:SELECTOR", "dmarc", "tlsrpt", "mta-sts", "mta-sts-a",
    // "mta-sts-aaaa", "mta-sts-policy", "srv-submissions", "srv-submission",
    // "ptr:ipv4", "ptr:ipv6".
    std::string id;
    // "MX", "A", "AAAA", "TXT", "SRV", "PTR"; "FILE" for the MTA-STS policy.
    std::string type;
    // Absolute, lower case, no trailing dot; for FILE the https:// URL.
    std::string name;
    // One string: TXT unsplit; MX "PREFERENCE HOST"; SRV "PRIORITY WEIGHT
    // PORT TARGET" (host names without trailing dot); FILE the file's text.
    std::string value;
    std::uint32_t ttl = 0; // 0 for FILE
    RecordPlace place = RecordPlace::Zone;
    std::string purpose; // one English line: why the record exists
};

struct DnsRecordSet {
    std::string domain;
    std::string hostname;
    std::uint32_t ttl = 0;
    std::vector<DnsRecord> records;
    // Advice that is no record: a domain without DKIM key, a report address
    // in another domain.
    std::vector<std::string> notes;
};

// Every record the domain needs. Fails on a bad domain, host name, address
// or report address, with a message naming it.
Result<DnsRecordSet> dnsRecords(const DnsRecordRequest &request);

// An SPF include target as providers publish them: LDH labels, where
// underscores are common ("_spf.google.com"), lower case, no final dot; no
// macros, which nobody pastes on purpose.
bool isSpfIncludeDomain(std::string_view name);

// "10.2.0.192.in-addr.arpa" (RFC 1035 §3.5), or 32 nibbles + "ip6.arpa"
// (RFC 3596 §2.5), for an IPv4 or IPv6 literal.
Result<std::string> reverseDnsName(std::string_view ip);

// A BIND master file fragment (RFC 1035 §5): $ORIGIN DOMAIN. and $TTL, then
// each record with its purpose in a comment above it. Records outside the
// zone (OtherZone, Provider, Web) are there as comments only, so the text
// loads into a DNS server once an SOA and NS are added.
std::string formatZone(const DnsRecordSet &set);

// {"domain", "hostname", "ttl", "records": [{"id", "type", "name", "value",
// "strings" (TXT only: the ≤255-octet character-strings), "ttl" (not for
// FILE), "where", "purpose"}], "notes": [...]}.
std::string formatJson(const DnsRecordSet &set);

// Aligned columns TYPE, NAME, VALUE, grouped by where they are published;
// long values are wrapped to fit `width` columns.
std::string formatTable(const DnsRecordSet &set, std::size_t width = 80);

// One <character-string> of a master file, quoted, with '"' and '\' escaped
// and other bytes outside printable ASCII as \DDD (RFC 1035 §5.1).
std::string quoteZoneString(std::string_view text);

// A JSON string literal (RFC 8259 §7), quotes included.
std::string jsonString(std::string_view text);

} // namespace postwr::mail
