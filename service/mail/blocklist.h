// DNS blocklists (DNSBLs, RFC 5782): the lists `postwrd dns blocklists`
// asks about the server's own addresses, the name to ask each one, and what
// its answer means. No DNS here (mail/dns_lookup.h): the command asks with
// the daemon's own resolver and hands the answers in.
//
// Why the server asks, not the desktop: Spamhaus answers 127.255.255.254
// instead of the truth to queries that reach it through public resolvers
// (8.8.8.8, 1.1.1.1, a home router forwarding to them), and other lists
// limit those resolvers too. Asked through the resolver the server's mail
// goes through, the answer is the one receivers see for it.
//
// The protocol (RFC 5782 §2): to ask whether 192.0.2.1 is listed on
// zen.spamhaus.org, look up the A record of 1.2.0.192.zen.spamhaus.org
// (§2.1, the octets reversed); for 2001:db8::1 the 32 nibbles of the
// address, reversed, take the octets' place (§2.4). No such name: not
// listed. An address in 127.0.0.0/8: listed, the address being a return
// code whose meaning is the list's own (§2.3). Spamhaus answers from
// 127.255.255.0/24 when it refuses to answer, so those are no listing.
#pragma once

#include "mail/dns_lookup.h"
#include "mail/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct Blocklist {
    // Stable, for the wizard: "zen", "spamcop", …; for a list given by its
    // zone, the zone.
    std::string id;
    std::string name; // for people: "Spamhaus ZEN"
    std::string zone; // lower case, no trailing dot: "zen.spamhaus.org"
    bool ipv6 = false; // also lists IPv6 addresses (RFC 5782 §2.4)
    std::string delistUrl; // where to look an address up and ask for its removal; "" if unknown
};

// Spamhaus ZEN, SpamCop, Barracuda, UCEPROTECT level 1, Mailspike and PSBL,
// the lists big receivers are known to consult. Only ZEN is asked about
// IPv6 addresses: the others publish IPv4 listings only, and their silence
// on an IPv6 address would read as "not listed".
const std::vector<Blocklist> &defaultBlocklists();

// A list known by its zone only ("bl.example.net", a trailing dot allowed):
// id and name are the zone, it is asked about IPv4 and IPv6 addresses
// alike, and it has no delisting page. Fails on anything that is no DNS
// name, or one too long to put an IPv6 query in front of.
Result<Blocklist> blocklistForZone(std::string_view zone);

// An address as the lists take it.
struct BlocklistAddress {
    std::string text; // canonical (inet_ntop): "192.0.2.1", "2001:db8::1"
    bool ipv6 = false;
    std::string reversed; // "1.2.0.192", or 32 nibbles "1.0.0.0.….8.b.d.0.1.0.0.2"
};

// An IPv4 or IPv6 literal. An IPv4-mapped IPv6 address (::ffff:192.0.2.1)
// is the IPv4 address it maps: that is the address receivers see. Fails
// with a message naming the text for anything else.
Result<BlocklistAddress> parseBlocklistAddress(std::string_view text);

// "1.2.0.192.zen.spamhaus.org": the name whose A record says whether the
// list holds the address.
std::string blocklistQueryName(const BlocklistAddress &address, const Blocklist &list);

// Whether the list is to be asked about the address at all.
bool blocklistServes(const Blocklist &list, const BlocklistAddress &address);

enum class BlocklistState {
    Clean, // NXDOMAIN or no A record: not listed
    Listed, // an address in 127.0.0.0/8 outside 127.255.255.0/24
    Refused, // 127.255.255.0/24: the list did not answer this resolver
    Unknown, // no answer (a DNS failure), or one that is no listing
};

// "clean", "listed", "refused", "unknown": the JSON "state".
std::string_view blocklistStateName(BlocklistState state);

struct BlocklistVerdict {
    BlocklistState state = BlocklistState::Unknown;
    // Every address of the answer, in numeric order ("127.0.0.2",
    // "127.0.0.10"): the return codes, for the desktop to explain in its
    // language; empty when nothing was answered.
    std::vector<std::string> codes;
    std::string message; // one English line: what it means and what to do
};

// What the A answer for blocklistQueryName() means. `failure` is the
// resolver's reason when the answer is a TemporaryError.
BlocklistVerdict interpretBlocklistAnswer(const Blocklist &list, const BlocklistAddress &address,
    const DnsAnswer &answer, std::string_view failure = {});

struct BlocklistResult {
    Blocklist list;
    std::string address; // BlocklistAddress::text
    BlocklistVerdict verdict;
};

// {"results": [{"list", "name", "zone", "address", "state", "codes": [...],
// "message", "delist"}]}, "delist" "" when the list has no page; for the
// desktop wizard.
std::string formatBlocklistJson(const std::vector<BlocklistResult> &results);

// For people: a line per list and address with its state, and the message
// under it.
std::string formatBlocklistTable(const std::vector<BlocklistResult> &results);

} // namespace postwr::mail
