// `postwrd dkim keygen|list|sign`: the DKIM keys of a domain, kept as
// DIR/domains/<domain>/dkim/<selector>.pem (private, mode 0600), and the DNS
// TXT records that publish them.
//
//   dkim keygen DOMAIN [--selector S] [--algorithm rsa|ed25519] [--bits N]
//       makes a new key (RSA-2048 by default) under a new selector (by
//       default "p<year><letter>", e.g. p2026a); never replaces a key.
//       Prints the TXT record to publish: its name on the first line of
//       standard output, its value on the second.
//   dkim list [DOMAIN]
//       one line per key: domain, selector, algorithm, record name, record
//       value, separated by tabs.
//   dkim sign DOMAIN [--selector S]
//       diagnostic: reads a message on standard input and prints it with a
//       DKIM-Signature in front for each key of the domain (or only S).
//       LF line ends are taken as CRLF; the output has CRLF line ends.
//
// Options take their value as the next word or after '=' (--bits=3072).
#pragma once

#include "cli/arguments.h"

namespace postwr::cli {

int runDkimCommand(const Arguments &arguments);

} // namespace postwr::cli
