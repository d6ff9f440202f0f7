// A self-signed server certificate, made at install time so that STARTTLS
// and AUTH work before a real (ACME) certificate replaces it.
//
// What it holds, and why:
//   key        EC P-256 (every TLS 1.2/1.3 client speaks ECDSA P-256, and it
//              is small and fast to make; RSA would take seconds on a VPS)
//   signature  ecdsa-with-SHA256
//   serial     128 random bits. RFC 5280 §4.1.2.2 wants it unique per
//              issuer, and every certificate made for the same host name has
//              the same issuer name: clients that cache certificates by
//              issuer and serial (Firefox) refuse a second one with a reused
//              serial
//   validity   from an hour ago (clients whose clock is a little behind) to
//              `days` days from now
//   subject    CN=hostname, and subjectAltName DNS:hostname, which is what
//              clients actually check (RFC 6125 §6.4.4)
//   extensions basicConstraints CA:FALSE, keyUsage digitalSignature (ECDHE
//              key exchange with an ECDSA signature), extendedKeyUsage
//              serverAuth
#pragma once

#include "mail/result.h"

#include <ctime>
#include <string>
#include <string_view>

namespace postwr::daemon {

constexpr int defaultSelfSignedDays = 365;
constexpr int maxSelfSignedDays = 3650;

struct SelfSignedCertificate {
    std::string certificatePem;
    std::string keyPem;      // PKCS#8, unencrypted
    std::string fingerprint; // SHA-256 of the DER certificate: "AB:CD:...", as `openssl x509 -fingerprint`
};

// `hostname` must be a DNS name (mail::isValidHostname), `days` 1 to
// maxSelfSignedDays; `now` is the start of the validity, less an hour.
mail::Result<SelfSignedCertificate> makeSelfSignedCertificate(const std::string &hostname, int days,
                                                              std::time_t now);

// The SHA-256 fingerprint of the first certificate in `pem`.
mail::Result<std::string> certificateFingerprint(std::string_view pem);

} // namespace postwr::daemon
