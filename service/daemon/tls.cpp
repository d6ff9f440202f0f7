#include "daemon/tls.h"

#include "daemon/certificate_info.h"
#include "daemon/safeio.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <unistd.h>

#include <array>

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

// Bundles of the common distributions, loaded besides OpenSSL's compiled-in
// default paths, which exist only on Debian-like systems.
constexpr std::array systemBundles = {
    "/etc/ssl/certs/ca-certificates.crt", // Debian, Ubuntu, Arch
    "/etc/pki/tls/certs/ca-bundle.crt",   // Fedora, RHEL
    "/etc/ssl/ca-bundle.pem",             // openSUSE
    "/etc/ssl/cert.pem",                  // Alpine
};

} // namespace

mail::Result<TlsContext> makeVerifyingClientContext(const std::string &caFile)
{
    auto context = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    SSL_CTX *ctx = context->native_handle();
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    ERR_clear_error();
    if (!caFile.empty()) {
        if (SSL_CTX_load_verify_locations(ctx, caFile.c_str(), nullptr) != 1)
            return mail::Error{caFile + ": cannot load the CA certificates: " + opensslError()};
        return context;
    }
    SSL_CTX_set_default_verify_paths(ctx);
    for (const char *bundle : systemBundles) {
        if (::access(bundle, R_OK) == 0) {
            SSL_CTX_load_verify_locations(ctx, bundle, nullptr);
            break;
        }
    }
    ERR_clear_error();
    return context;
}

void expectServerName(SSL *ssl, const std::string &host)
{
    // SSL_set_tlsext_host_name() is a macro with a C cast.
    SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name, const_cast<char *>(host.c_str()));
    // No "*" standing for part of a label (RFC 6125 §7.2).
    SSL_set_hostflags(ssl, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
    X509_VERIFY_PARAM_set1_host(SSL_get0_param(ssl), host.c_str(), host.size());
}

std::string describeTlsFailure(SSL *ssl, const asio::error_code &ec)
{
    const long verify = SSL_get_verify_result(ssl);
    if (verify != X509_V_OK)
        return std::string("certificate not accepted: ") + X509_verify_cert_error_string(verify);
    return "TLS handshake failed: " + ec.message();
}

namespace {

// One certificate with the protocol settings every port uses.
mail::Result<std::shared_ptr<asio::ssl::context>> serverContext(const std::string &certificate, const std::string &key)
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

// The default context and those chosen by name, kept alive together: the
// default one's servername callback points into this.
struct ContextSet {
    std::shared_ptr<asio::ssl::context> main;
    std::vector<std::pair<CertificateInfo, std::shared_ptr<asio::ssl::context>>> byName;
};

int chooseByName(SSL *ssl, int *, void *arg)
{
    const auto *set = static_cast<const ContextSet *>(arg);
    const char *name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
    if (!name)
        return SSL_TLSEXT_ERR_OK;
    for (const auto &[info, context] : set->byName) {
        if (certificateCovers(info, name)) {
            SSL_set_SSL_CTX(ssl, context->native_handle());
            break;
        }
    }
    return SSL_TLSEXT_ERR_OK; // no match: the default certificate, as without SNI
}

} // namespace

mail::Result<TlsContext> makeServerTlsContext(
    const std::string &certificate, const std::string &key, const std::vector<NamedCertificate> &byName)
{
    mail::Result<std::shared_ptr<asio::ssl::context>> main = serverContext(certificate, key);
    if (!main)
        return main.error();
    if (byName.empty())
        return *main;
    auto set = std::make_shared<ContextSet>();
    set->main = *main;
    for (const NamedCertificate &named : byName) {
        mail::Result<std::shared_ptr<asio::ssl::context>> context = serverContext(named.certificate, named.key);
        if (!context)
            return context.error();
        mail::Result<std::string> pem = readFile(named.certificate, 1024u * 1024u);
        mail::Result<CertificateInfo> info = pem ? inspectCertificate(*pem) : mail::Result<CertificateInfo>(pem.error());
        if (!info)
            return mail::Error{named.certificate + ": " + info.error().message};
        set->byName.emplace_back(std::move(*info), std::move(*context));
    }
    // The functions behind SSL_CTX_set_tlsext_servername_callback/_arg, macros with C casts.
    SSL_CTX_callback_ctrl(set->main->native_handle(), SSL_CTRL_SET_TLSEXT_SERVERNAME_CB,
        reinterpret_cast<void (*)()>(chooseByName));
    SSL_CTX_ctrl(set->main->native_handle(), SSL_CTRL_SET_TLSEXT_SERVERNAME_ARG, 0, set.get());
    // The handle callers keep is the default context; it owns the whole set.
    return TlsContext(set, set->main.get());
}

std::string describeTls(SSL *ssl)
{
    std::string version = SSL_get_version(ssl);
    if (version.rfind("TLSv", 0) == 0)
        version = "TLS" + version.substr(4);
    return version + " " + SSL_get_cipher_name(ssl);
}

} // namespace postwr::daemon
