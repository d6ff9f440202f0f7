// `postwrd dns`: what DNS says about this server's mail set-up.
//
// `dns records`: every DNS record a local domain needs, computed from the
// configuration and its DKIM keys (mail/dns_records.h says which records
// and why).
//
//   dns records DOMAIN --ipv4 ADDR [--ipv6 ADDR] [--format table|zone|json]
//       [--spf-all soft|hard] [--dmarc-policy none|quarantine|reject]
//       [--dmarc-rua ADDR] [--dmarc-ruf ADDR] [--tlsrpt-rua ADDR]
//       [--mta-sts-mode testing|enforce] [--ttl SECONDS]
//       [--receive here|elsewhere] [--spf-include DOMAIN[,DOMAIN...]]
//
// --ipv4 may be left out when --ipv6 is given. The records go to standard
// output; advice (a domain without DKIM key, a report address that cannot
// receive) goes to standard error. Exit 2 for a bad command line or value,
// 1 when the configuration cannot be loaded or DOMAIN is not local.
//
// `dns blocklists`: whether the server's addresses are on the common DNS
// blocklists (mail/blocklist.h), asked from the server itself through the
// resolver the daemon uses (`[dns] servers`, else /etc/resolv.conf): lists
// such as Spamhaus refuse queries that come through public resolvers.
//
//   dns blocklists --ipv4 ADDR [--ipv6 ADDR] [--lists ZONE[,ZONE...]]
//       [--format table|json]
//
// --ipv4 may be left out when --ipv6 is given. Every list is asked about
// every address it lists (only Spamhaus ZEN lists IPv6 ones), all at once,
// so the check takes about one DNS timeout (5 seconds) at most. --lists
// replaces the default lists with the zones given, which are asked about
// both addresses. Standard output has a line per list and address, or with
// --format json:
//
//   {"results": [{"list": "zen", "name": "Spamhaus ZEN", "zone":
//   "zen.spamhaus.org", "address": "192.0.2.1", "state":
//   "listed"|"clean"|"refused"|"unknown", "codes": ["127.0.0.2"],
//   "message": "...", "delist": "https://..."}]}
//
// Exit 0 when no list has an address (lists that refused or could not be
// asked included: the output says which), 1 when a list has one or the
// configuration cannot be loaded, 2 for a bad command line or address.
#pragma once

#include "cli/arguments.h"

namespace postwr::cli {

int runDnsCommand(const Arguments &arguments);

} // namespace postwr::cli
