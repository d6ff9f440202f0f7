#include "daemon/tls.h"

#include <openssl/err.h>

namespace postwr::daemon {

namespace {

std::string opensslError()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return "unknown error";
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return buffer;
}

constexpr const char *tls12Ciphers = "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
                                     "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                                     "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

} // namespace

mail::Result<TlsContext> makeServerTlsContext(const std::string &certificate, const std::string &key)
{
    auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
    SSL_CTX *ctx = context->native_handle();
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION | SSL_OP_CIPHER_SERVER_PREFERENCE);
    if (SSL_CTX_set_cipher_list(ctx, tls12Ciphers) != 1)
        return mail::Error{"cannot set TLS ciphers: " + opensslError()};
    ERR_clear_error();
    if (SSL_CTX_use_certificate_chain_file(ctx, certificate.c_str()) != 1)
        return mail::Error{certificate + ": cannot load the TLS certificate: " + opensslError()};
    if (SSL_CTX_use_PrivateKey_file(ctx, key.c_str(), SSL_FILETYPE_PEM) != 1)
        return mail::Error{key + ": cannot load the TLS key: " + opensslError()};
    if (SSL_CTX_check_private_key(ctx) != 1)
        return mail::Error{key + ": the key does not belong to the certificate " + certificate};
    return context;
}

std::string describeTls(SSL *ssl)
{
    std::string version = SSL_get_version(ssl);
    if (version.rfind("TLSv", 0) == 0)
        version = "TLS" + version.substr(4);
    return version + " " + SSL_get_cipher_name(ssl);
}

} // namespace postwr::daemon
