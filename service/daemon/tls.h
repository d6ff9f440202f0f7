// TLS for the three ports: TLS 1.2 at least, forward-secret AEAD ciphers
// only (Mozilla's "intermediate" profile without finite-field DHE).
#pragma once

#include "mail/result.h"

#include <asio/ssl.hpp>

#include <memory>
#include <string>

namespace postwr::daemon {

using TlsContext = std::shared_ptr<asio::ssl::context>;

// Loads the certificate chain and key; the error says which file is wrong and why.
mail::Result<TlsContext> makeServerTlsContext(const std::string &certificate, const std::string &key);

// "TLS1.3 TLS_AES_256_GCM_SHA384", for logs and Received: headers.
std::string describeTls(SSL *ssl);

} // namespace postwr::daemon
