// `postwr --sandbox`: the whole setup, without a window, against a sandbox
// on this machine standing in for a VPS, on loopback only:
//
//   sshd (127.0.0.1:port)   OpenSSH for the current user, a fresh host key and
//                           client key; the plan logs in with them
//   dnsmasq                 DNS for sandbox.test and gmail.test; after the
//                           setup also the SPF, DKIM and DMARC records
//   the receiver            a second postwrd standing in for Gmail: domain
//                           gmail.test, account me@gmail.test; it checks SPF,
//                           DKIM and DMARC of the mail that arrives
//
// Phase 1 installs postwrd (user mode, under DIR/server) with the plan's
// steps probe, install, hostname, dkim, accounts, forwarding and status; the
// DNS records it needs are read over SSH, printed and published; phase 2
// sends a test message to me@gmail.test (and one to the catch-all). The
// summary says whether the message arrived and what the receiver's
// Authentication-Results say. Everything stops at the end, also on Ctrl-C.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace postwr::sandbox {

class Sandbox {
    Q_DECLARE_TR_FUNCTIONS(postwr::sandbox::Sandbox)
};

// Runs the sandbox in `directory` (removed and made anew), printing its
// progress on stdout. Exit status: 0 when the test message arrived with a
// passing DKIM signature, 1 otherwise (the reason on stderr).
int runSandbox(const QString &directory);

} // namespace postwr::sandbox
