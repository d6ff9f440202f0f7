#include "daemon/self_signed.h"

#include "mail/config.h"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace postwr::daemon {

namespace {

template <auto Free>
struct Deleter {
    template <typename T>
    void operator()(T *pointer) const
    {
        Free(pointer);
    }
};
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

mail::Error opensslError(const std::string &what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return mail::Error { what };
    char buffer[256];
    ERR_error_string_n(code, buffer, sizeof buffer);
    return mail::Error { what + ": " + buffer };
}

std::string pem(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? std::string(data, static_cast<std::size_t>(size)) : std::string();
}

mail::Result<std::string> fingerprint(X509 *certificate)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (X509_digest(certificate, EVP_sha256(), digest, &length) != 1)
        return opensslError("cannot hash the certificate");
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
        if (i > 0)
            text += ':';
        text += hex[digest[i] >> 4];
        text += hex[digest[i] & 0x0f];
    }
    return text;
}

// 128 random bits, never zero (RFC 5280 §4.1.2.2: a positive integer).
bool setRandomSerial(X509 *certificate)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        return false;
    BignumPtr number(BN_bin2bn(bytes, sizeof bytes, nullptr));
    if (!number || (BN_is_zero(number.get()) && BN_one(number.get()) != 1))
        return false;
    return BN_to_ASN1_INTEGER(number.get(), X509_get_serialNumber(certificate)) != nullptr;
}

bool addExtension(X509 *certificate, X509V3_CTX *context, int nid, const std::string &value)
{
    const ExtensionPtr extension(X509V3_EXT_conf_nid(nullptr, context, nid, value.c_str()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

} // namespace

mail::Result<SelfSignedCertificate> makeSelfSignedCertificate(const std::string &hostname, int days,
                                                              std::time_t now)
{
    // Checked here too: the name goes into the subjectAltName's text form,
    // where a ',' would start another entry.
    if (!mail::isValidHostname(hostname))
        return mail::Error { "'" + hostname + "' is not a DNS host name" };
    if (days < 1 || days > maxSelfSignedDays)
        return mail::Error { "the certificate must be valid for 1 to " + std::to_string(maxSelfSignedDays)
                             + " days, not " + std::to_string(days) };
    ERR_clear_error();

    const KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        return opensslError("cannot make an EC P-256 key");
    const X509Ptr certificate(X509_new());
    if (!certificate)
        return opensslError("out of memory");
    X509 *x = certificate.get();
    X509_NAME *name = X509_get_subject_name(x);
    const auto *commonName = reinterpret_cast<const unsigned char *>(hostname.c_str());
    const bool built = X509_set_version(x, X509_VERSION_3) == 1 && setRandomSerial(x)
        && ASN1_TIME_set(X509_getm_notBefore(x), now - 3600) != nullptr
        && ASN1_TIME_adj(X509_getm_notAfter(x), now, days, 0) != nullptr
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) == 1
        && X509_set_issuer_name(x, name) == 1 && X509_set_pubkey(x, key.get()) == 1;
    if (!built)
        return opensslError("cannot build the certificate");

    X509V3_CTX context;
    X509V3_set_ctx(&context, x, x, nullptr, nullptr, 0);
    const bool extended = addExtension(x, &context, NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(x, &context, NID_key_usage, "critical,digitalSignature")
        && addExtension(x, &context, NID_ext_key_usage, "serverAuth")
        && addExtension(x, &context, NID_subject_alt_name, "DNS:" + hostname)
        && addExtension(x, &context, NID_subject_key_identifier, "hash");
    if (!extended)
        return opensslError("cannot add the certificate's extensions");
    if (X509_sign(x, key.get(), EVP_sha256()) <= 0)
        return opensslError("cannot sign the certificate");

    SelfSignedCertificate result;
    const BioPtr certificateBio(BIO_new(BIO_s_mem()));
    const BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio || PEM_write_bio_X509(certificateBio.get(), x) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
        return opensslError("cannot write the certificate and key as PEM");
    result.certificatePem = pem(certificateBio.get());
    result.keyPem = pem(keyBio.get());
    mail::Result<std::string> hash = fingerprint(x);
    if (!hash)
        return hash.error();
    result.fingerprint = *hash;
    return result;
}

mail::Result<std::string> certificateFingerprint(std::string_view text)
{
    if (text.size() > 1024 * 1024)
        return mail::Error { "too large to be a certificate" };
    ERR_clear_error();
    const BioPtr bio(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
    if (!bio)
        return mail::Error { "out of memory" };
    const X509Ptr certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate)
        return opensslError("not a PEM certificate");
    return fingerprint(certificate.get());
}

} // namespace postwr::daemon
