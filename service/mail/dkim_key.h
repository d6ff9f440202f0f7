// DKIM keys (RFC 6376 §3.6, RFC 8463): generation, PEM in and out, and the
// DNS TXT record that publishes the public half.
//
// Two algorithms: RSA (rsa-sha256; 2048 bits by default, at least 1024 as
// RFC 8301 §3.2 requires of verifiers) and Ed25519 (ed25519-sha256, RFC 8463).
// Ed25519 is not yet verified by every receiver, so a domain normally has an
// RSA key and may add an Ed25519 one beside it.
#pragma once

#include "mail/result.h"

#include <ctime>
#include <memory>
#include <openssl/types.h>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct DkimKey {
    enum class Algorithm { RsaSha256, Ed25519Sha256 };

    std::string domain; // the d= tag
    std::string selector; // the s= tag
    std::shared_ptr<EVP_PKEY> key; // private key; freed with EVP_PKEY_free
    Algorithm algorithm = Algorithm::RsaSha256;
};

inline constexpr int minRsaBits = 1024;
inline constexpr int defaultRsaBits = 2048;
inline constexpr int maxRsaBits = 8192;

// SHA-256 of `data`, raw; "" when OpenSSL fails.
std::string dkimSha256(std::string_view data);

// The signature of `data` with `key`: RSA signs it with SHA-256
// (RSASSA-PKCS1-v1_5, RFC 6376 §3.3.1); Ed25519 signs its SHA-256 digest
// with PureEd25519 (RFC 8463 §3). DKIM signatures and ARC seals both.
Result<std::string> signWithDkimKey(const DkimKey &key, std::string_view data);

// "rsa-sha256" / "ed25519-sha256": the a= tag.
std::string_view dkimAlgorithmName(DkimKey::Algorithm algorithm);
// "rsa-2048" / "ed25519", for listings.
std::string describeDkimKey(const DkimKey &key);

// A selector is one or more DNS labels (RFC 6376 §3.1): letters, digits and
// hyphens, dots between labels, each label 1-63 octets not starting or
// ending with a hyphen. We also refuse upper case, so that file names and DNS
// names agree.
bool isValidDkimSelector(std::string_view selector);

// "p2026a": "p", the year of `now` (UTC), then the first letter a-z that makes
// a selector not in `taken`. Empty when all 26 are taken.
std::string defaultDkimSelector(std::time_t now, const std::vector<std::string> &taken);

// A new key. `rsaBits` applies to RSA only.
Result<DkimKey> generateDkimKey(
    DkimKey::Algorithm algorithm, int rsaBits, std::string domain, std::string selector);

// A private key in PEM (PKCS#8 "PRIVATE KEY", or "RSA PRIVATE KEY"); its type
// gives the algorithm. RSA keys under 1024 bits are refused.
Result<DkimKey> loadDkimKey(std::string_view pem, std::string domain, std::string selector);

// The private key as unencrypted PKCS#8 PEM.
Result<std::string> dkimPrivateKeyPem(const DkimKey &key);

// "<selector>._domainkey.<domain>" (RFC 6376 §3.6.2.1).
std::string dkimRecordName(const DkimKey &key);

// The TXT record's value (RFC 6376 §3.6.1): "v=DKIM1; k=rsa; p=<base64 of the
// DER SubjectPublicKeyInfo>", or for Ed25519 "v=DKIM1; k=ed25519; p=<base64
// of the raw 32-octet public key>" (RFC 8463 §4.2).
Result<std::string> dkimRecordValue(const DkimKey &key);

// A TXT value cut into character-strings of at most 255 octets (RFC 1035
// §3.3.14), as DNS servers and zone files need it; a verifier joins them
// without separator (RFC 6376 §3.6.2.2).
std::vector<std::string> splitTxtStrings(std::string_view value, std::size_t maxLength = 255);

} // namespace postwr::mail
