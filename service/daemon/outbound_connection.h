// One outgoing SMTP connection: connects (from a chosen source address),
// drives the sans-IO SmtpClient over TCP and, when it asks, TLS, with a
// timeout on every step. Used by outbound delivery; the wizard's test mail
// drives the same SmtpClient over QSslSocket.
#pragma once

#include "daemon/tls.h"
#include "mail/smtp_client.h"

#include <asio.hpp>

#include <chrono>
#include <string>

namespace postwr::daemon {

struct OutboundTarget {
    std::string host;          // the MX host name, for SNI and logs
    asio::ip::address address; // the address to connect to
    std::uint16_t port = 25;
    std::string sourceAddress; // "" lets the system choose
    std::chrono::seconds timeout{300};
    // Set when the certificate must be valid for `host` (MTA-STS enforce);
    // null for opportunistic TLS, which verifies nothing (RFC 7435).
    TlsContext verifying;
};

struct OutboundResult {
    bool connected = false;    // false: nothing was said, try another address
    std::string connectError;  // why not
    std::string tls;           // "TLS1.3 TLS_AES_256_GCM_SHA384" or "plaintext"
    mail::SmtpClient::Outcome outcome;
};

asio::awaitable<OutboundResult> sendOverSmtp(OutboundTarget target, mail::ClientSettings settings,
                                             mail::Transaction transaction);

} // namespace postwr::daemon
