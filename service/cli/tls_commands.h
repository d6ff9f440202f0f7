// `postwrd tls self-signed [--days N] [--force]`: a self-signed certificate
// for the configured hostname (daemon/self_signed.h), so that STARTTLS and
// AUTH work from the first start, before a real (ACME) certificate arrives.
// The setup wizard runs it at install time, and may run it again.
//
// It writes the files postwrd.conf names in [tls] (`certificate`, default
// DIR/tls/cert.pem, mode 0644, and `key`, default DIR/tls/key.pem, mode
// 0600), creating their directories. When both exist it changes nothing and
// says so (exit 0): re-running never replaces a certificate, least of all a
// real one. --force makes a new pair anyway. When only one of the two
// exists the pair cannot be used and nothing is written either (exit 1):
// --force replaces both.
//
// Standard output is one line: the certificate's path and its SHA-256
// fingerprint (the last word, as "AB:CD:..."). Exit 0 on success, 1 when the
// configuration or the files are at fault, 2 on a bad command line.
//
// `postwrd tls show [--format table|json]`: the certificate postwrd serves —
// names, issuer, validity, serial, self-signed or not — for people and for
// the desktop's dashboard.
//
// `postwrd tls install CERTIFICATE KEY [--name NAME] [--reload]`: a certificate chain and
// key from elsewhere (the user's own, or certbot's as its deploy hook),
// checked first (readable, the key is the certificate's, the certificate
// names the host name and is valid now; else nothing changes and the error
// says why), then written where [tls] says like `self-signed` writes, and
// given to the service's user when root runs it. --name installs it as a
// further certificate, served to clients that ask for a name it covers
// (DIR/tls/names/NAME.pem and .key; it must cover NAME). --reload asks the running
// postwrd to load it (SIGHUP): connections under way keep the old one.
#pragma once

#include "cli/arguments.h"

namespace postwr::cli {

int runTlsCommand(const Arguments &arguments);

} // namespace postwr::cli
