// TLS for the three ports: TLS 1.2 at least, forward-secret AEAD ciphers
// only (Mozilla's "intermediate" profile without finite-field DHE).
#pragma once

#include "mail/result.h"

#include <asio/ssl.hpp>

#include <memory>
#include <string>
#include <vector>

namespace postwr::daemon {

using TlsContext = std::shared_ptr<asio::ssl::context>;

// A further certificate, served to clients that ask for one of its names
// (SNI, RFC 6066 §3): a second domain's own mail host name, say.
struct NamedCertificate {
    std::string certificate;
    std::string key;
};

// Loads the certificate chain and key, and the certificates served by name;
// a client that names none of theirs gets the first. The error says which
// file is wrong and why.
mail::Result<TlsContext> makeServerTlsContext(
    const std::string &certificate, const std::string &key, const std::vector<NamedCertificate> &byName = {});

// A client context that verifies the server's certificate chain against
// `caFile`, or, when empty, the system's trust store (OpenSSL's default
// paths plus the usual bundles of other distributions: postwrd is built on
// Debian but may run elsewhere). The caller sets the expected host name.
mail::Result<TlsContext> makeVerifyingClientContext(const std::string &caFile);
// Expects `host` in the certificate (RFC 6125) and sends it as SNI.
void expectServerName(SSL *ssl, const std::string &host);
// Why a verified handshake failed, in words.
std::string describeTlsFailure(SSL *ssl, const asio::error_code &ec);

// "TLS1.3 TLS_AES_256_GCM_SHA384", for logs and Received: headers.
std::string describeTls(SSL *ssl);

} // namespace postwr::daemon
