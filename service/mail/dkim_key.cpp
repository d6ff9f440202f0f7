#include "mail/dkim_key.h"

#include "mail/sasl.h"

#include <array>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

namespace postwr::mail {

namespace {

struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;

std::shared_ptr<EVP_PKEY> own(EVP_PKEY *key)
{
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

// Checks the key's type and size and makes the DkimKey.
Result<DkimKey> makeKey(std::shared_ptr<EVP_PKEY> key, std::string domain, std::string selector)
{
    DkimKey result;
    if (EVP_PKEY_is_a(key.get(), "RSA")) {
        const int bits = EVP_PKEY_get_bits(key.get());
        // RFC 8301 §3.2: signers MUST use at least 1024 bits.
        if (bits < minRsaBits)
            return Error { "the RSA key has " + std::to_string(bits) + " bits; DKIM needs at least "
                + std::to_string(minRsaBits) };
        result.algorithm = DkimKey::Algorithm::RsaSha256;
    } else if (EVP_PKEY_is_a(key.get(), "ED25519")) {
        result.algorithm = DkimKey::Algorithm::Ed25519Sha256;
    } else {
        return Error { "the key is neither RSA nor Ed25519 (DKIM has no other algorithm)" };
    }
    result.domain = std::move(domain);
    result.selector = std::move(selector);
    result.key = std::move(key);
    return result;
}

std::string_view bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? std::string_view(data, static_cast<std::size_t>(size)) : std::string_view();
}

} // namespace

std::string_view dkimAlgorithmName(DkimKey::Algorithm algorithm)
{
    return algorithm == DkimKey::Algorithm::Ed25519Sha256 ? "ed25519-sha256" : "rsa-sha256";
}

std::string describeDkimKey(const DkimKey &key)
{
    if (key.algorithm == DkimKey::Algorithm::Ed25519Sha256)
        return "ed25519";
    return "rsa-" + std::to_string(key.key ? EVP_PKEY_get_bits(key.key.get()) : 0);
}

bool isValidDkimSelector(std::string_view selector)
{
    if (selector.empty() || selector.size() > 253)
        return false;
    std::size_t labelLength = 0;
    char previous = '.';
    for (const char c : selector) {
        if (c == '.') {
            if (labelLength == 0 || previous == '-')
                return false;
            labelLength = 0;
        } else {
            const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && !(c == '-' && previous != '.'))
                return false;
            if (++labelLength > 63)
                return false;
        }
        previous = c;
    }
    return previous != '.' && previous != '-';
}

std::string defaultDkimSelector(std::time_t now, const std::vector<std::string> &taken)
{
    std::tm parts {};
    ::gmtime_r(&now, &parts);
    const std::string prefix = "p" + std::to_string(parts.tm_year + 1900);
    for (char letter = 'a'; letter <= 'z'; ++letter) {
        std::string candidate = prefix + letter;
        bool used = false;
        for (const std::string &name : taken)
            used = used || name == candidate;
        if (!used)
            return candidate;
    }
    return {};
}

Result<DkimKey> generateDkimKey(
    DkimKey::Algorithm algorithm, int rsaBits, std::string domain, std::string selector)
{
    EVP_PKEY *key = nullptr;
    if (algorithm == DkimKey::Algorithm::RsaSha256) {
        if (rsaBits < minRsaBits || rsaBits > maxRsaBits)
            return Error { "an RSA key for DKIM must have " + std::to_string(minRsaBits) + " to "
                + std::to_string(maxRsaBits) + " bits, not " + std::to_string(rsaBits) };
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", static_cast<std::size_t>(rsaBits));
    } else {
        key = EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    }
    if (!key)
        return Error { "OpenSSL cannot generate the key (no randomness?)" };
    return makeKey(own(key), std::move(domain), std::move(selector));
}

Result<DkimKey> loadDkimKey(std::string_view pem, std::string domain, std::string selector)
{
    if (pem.size() > 64 * 1024)
        return Error { "the key file is too large to be a DKIM key" };
    BioPtr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
    if (!bio)
        return Error { "out of memory" };
    EVP_PKEY *key = PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr);
    if (!key)
        return Error { "not an unencrypted PEM private key" };
    return makeKey(own(key), std::move(domain), std::move(selector));
}

Result<std::string> dkimPrivateKeyPem(const DkimKey &key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || !key.key
        || PEM_write_bio_PrivateKey(bio.get(), key.key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return Error { "OpenSSL cannot write the key as PEM" };
    return std::string(bioContents(bio.get()));
}

std::string dkimRecordName(const DkimKey &key)
{
    return key.selector + "._domainkey." + key.domain;
}

Result<std::string> dkimRecordValue(const DkimKey &key)
{
    if (!key.key)
        return Error { "no key" };
    std::string publicKey;
    if (key.algorithm == DkimKey::Algorithm::Ed25519Sha256) {
        // RFC 8463 §4.2: the raw public key, not a SubjectPublicKeyInfo.
        unsigned char raw[32];
        std::size_t length = sizeof raw;
        if (EVP_PKEY_get_raw_public_key(key.key.get(), raw, &length) != 1 || length != sizeof raw)
            return Error { "OpenSSL cannot export the Ed25519 public key" };
        publicKey.assign(reinterpret_cast<const char *>(raw), length);
    } else {
        // RFC 6376 §3.6.1: "p=" holds the DER SubjectPublicKeyInfo for RSA.
        const int length = i2d_PUBKEY(key.key.get(), nullptr);
        if (length <= 0)
            return Error { "OpenSSL cannot export the RSA public key" };
        publicKey.resize(static_cast<std::size_t>(length));
        auto *out = reinterpret_cast<unsigned char *>(publicKey.data());
        if (i2d_PUBKEY(key.key.get(), &out) != length)
            return Error { "OpenSSL cannot export the RSA public key" };
    }
    const std::string_view type
        = key.algorithm == DkimKey::Algorithm::Ed25519Sha256 ? "ed25519" : "rsa";
    return "v=DKIM1; k=" + std::string(type) + "; p=" + encodeBase64(publicKey);
}

std::vector<std::string> splitTxtStrings(std::string_view value, std::size_t maxLength)
{
    std::vector<std::string> strings;
    if (maxLength == 0)
        maxLength = 255;
    for (std::size_t pos = 0; pos < value.size(); pos += maxLength)
        strings.emplace_back(value.substr(pos, maxLength));
    if (strings.empty())
        strings.emplace_back();
    return strings;
}

std::string dkimSha256(std::string_view data)
{
    std::array<unsigned char, 32> digest {};
    unsigned int length = 0;
    if (EVP_Digest(data.data(), data.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1
        || length != digest.size())
        return {};
    return std::string(reinterpret_cast<const char *>(digest.data()), digest.size());
}

Result<std::string> signWithDkimKey(const DkimKey &key, std::string_view data)
{
    const bool ed25519 = key.algorithm == DkimKey::Algorithm::Ed25519Sha256;
    const std::string input = ed25519 ? dkimSha256(data) : std::string(data);
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    std::size_t length = 0;
    const auto *bytes = reinterpret_cast<const unsigned char *>(input.data());
    if (input.empty() || !context
        || EVP_DigestSignInit(context.get(), nullptr, ed25519 ? nullptr : EVP_sha256(), nullptr, key.key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, bytes, input.size()) != 1)
        return Error { "OpenSSL cannot sign with the key " + key.selector + " of " + key.domain };
    std::string signature(length, '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, bytes, input.size())
        != 1)
        return Error { "OpenSSL cannot sign with the key " + key.selector + " of " + key.domain };
    signature.resize(length);
    return signature;
}

} // namespace postwr::mail
