// `postwrd dns records`: every DNS record a local domain needs, computed from
// the configuration and its DKIM keys (mail/dns_records.h says which records
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
#pragma once

#include "cli/arguments.h"

namespace postwr::cli {

int runDnsCommand(const Arguments &arguments);

} // namespace postwr::cli
