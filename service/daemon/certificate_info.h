// What a server certificate says, for `postwrd tls show` and the desktop's
// dashboard, and whether a certificate and key the user brings (or certbot
// made) can serve the host name, for `postwrd tls install`. OpenSSL does the
// parsing; the checks and their messages are ours.
#pragma once

#include "mail/result.h"

#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::daemon {

struct CertificateInfo {
    std::vector<std::string> names; // subjectAltName DNS names, lower case; the CN when there are none
    std::string subject; // one line, RFC 2253: "CN=mail.example.org"
    std::string issuer; // "CN=R11,O=Let's Encrypt,C=US"
    std::string serial; // upper-case hex, as `openssl x509 -serial` prints it
    std::time_t notBefore = 0;
    std::time_t notAfter = 0;
    bool selfSigned = false; // issued by itself: trusted by no one but who pins it
    std::string fingerprint; // SHA-256 of the DER certificate, "AB:CD:…"
    int chainLength = 0; // certificates in the file, the server's first
};

// The first certificate of a PEM chain, and how many follow it.
mail::Result<CertificateInfo> inspectCertificate(std::string_view pem);

// Whether `name` is one of `info.names`, a "*." name covering one label
// (RFC 6125 §6.4.3).
bool certificateCovers(const CertificateInfo &info, std::string_view name);

// A certificate chain and private key postwrd can serve `hostname` with at
// `now`: both parse, the key is the certificate's, the certificate names the
// host and is valid now. The error says which and what to do.
mail::Result<CertificateInfo> checkCertificatePair(
    std::string_view certificatePem, std::string_view keyPem, std::string_view hostname, std::time_t now);

} // namespace postwr::daemon
