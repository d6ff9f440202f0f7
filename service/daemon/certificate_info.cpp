#include "daemon/certificate_info.h"

#include "daemon/self_signed.h"
#include "mail/date.h"
#include "mail/text.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace postwr::daemon {

namespace {

struct BioFree {
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};
struct KeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct NamesFree {
    void operator()(GENERAL_NAMES *names) const { GENERAL_NAMES_free(names); }
};

std::unique_ptr<BIO, BioFree> memoryBio(std::string_view text)
{
    return std::unique_ptr<BIO, BioFree>(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

std::string nameLine(const X509_NAME *name)
{
    std::unique_ptr<BIO, BioFree> out(BIO_new(BIO_s_mem()));
    X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
    char *data = nullptr;
    const long size = BIO_get_mem_data(out.get(), &data);
    return std::string(data, static_cast<std::size_t>(size));
}

std::time_t timeOf(const ASN1_TIME *time)
{
    struct tm parts {};
    if (ASN1_TIME_to_tm(time, &parts) != 1)
        return 0;
    return timegm(&parts);
}

std::string serialOf(const X509 *certificate)
{
    std::unique_ptr<BIGNUM, decltype(&BN_free)> number(
        ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr), BN_free);
    if (!number)
        return {};
    char *hex = BN_bn2hex(number.get());
    std::string text = hex ? hex : "";
    OPENSSL_free(hex);
    return text;
}

std::vector<std::string> namesOf(X509 *certificate)
{
    std::vector<std::string> names;
    std::unique_ptr<GENERAL_NAMES, NamesFree> alt(static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(certificate, NID_subject_alt_name, nullptr, nullptr)));
    for (int i = 0; alt && i < sk_GENERAL_NAME_num(alt.get()); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(alt.get(), i);
        if (name->type != GEN_DNS)
            continue;
        const ASN1_IA5STRING *text = name->d.dNSName;
        names.push_back(mail::toLowerAscii(std::string(reinterpret_cast<const char *>(ASN1_STRING_get0_data(text)),
            static_cast<std::size_t>(ASN1_STRING_length(text)))));
    }
    if (names.empty()) {
        char common[256] = {};
        if (X509_NAME_get_text_by_NID(X509_get_subject_name(certificate), NID_commonName, common, sizeof common) > 0)
            names.push_back(mail::toLowerAscii(common));
    }
    return names;
}

} // namespace

mail::Result<CertificateInfo> inspectCertificate(std::string_view pem)
{
    auto bio = memoryBio(pem);
    std::unique_ptr<X509, X509Free> certificate(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!certificate)
        return mail::Error { "no PEM certificate in it (it should start with -----BEGIN CERTIFICATE-----)" };
    CertificateInfo info;
    info.names = namesOf(certificate.get());
    info.subject = nameLine(X509_get_subject_name(certificate.get()));
    info.issuer = nameLine(X509_get_issuer_name(certificate.get()));
    info.serial = serialOf(certificate.get());
    info.notBefore = timeOf(X509_get0_notBefore(certificate.get()));
    info.notAfter = timeOf(X509_get0_notAfter(certificate.get()));
    // Not X509_check_issued(): it also wants the keyCertSign usage a server
    // certificate rightly lacks. Same name, and its own key signed it.
    info.selfSigned = X509_NAME_cmp(X509_get_subject_name(certificate.get()), X509_get_issuer_name(certificate.get())) == 0
        && X509_verify(certificate.get(), X509_get0_pubkey(certificate.get())) == 1;
    mail::Result<std::string> fingerprint = certificateFingerprint(pem);
    if (fingerprint)
        info.fingerprint = *fingerprint;
    info.chainLength = 1;
    while (std::unique_ptr<X509, X509Free>(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)))
        ++info.chainLength;
    return info;
}

bool certificateCovers(const CertificateInfo &info, std::string_view name)
{
    const std::string host = mail::toLowerAscii(std::string(name));
    for (const std::string &entry : info.names) {
        if (entry == host)
            return true;
        if (entry.size() > 2 && entry.compare(0, 2, "*.") == 0) {
            const std::size_t dot = host.find('.');
            if (dot != std::string::npos && dot > 0 && host.substr(dot + 1) == entry.substr(2))
                return true;
        }
    }
    return false;
}

mail::Result<CertificateInfo> checkCertificatePair(
    std::string_view certificatePem, std::string_view keyPem, std::string_view hostname, std::time_t now)
{
    mail::Result<CertificateInfo> info = inspectCertificate(certificatePem);
    if (!info)
        return mail::Error { "the certificate file: " + info.error().message };
    auto keyBio = memoryBio(keyPem);
    std::unique_ptr<EVP_PKEY, KeyFree> key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    if (!key)
        return mail::Error { "the key file: no unencrypted PEM private key in it (it should start with "
                             "-----BEGIN PRIVATE KEY----- or -----BEGIN RSA/EC PRIVATE KEY-----)" };
    auto certificateBio = memoryBio(certificatePem);
    std::unique_ptr<X509, X509Free> certificate(PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    if (X509_check_private_key(certificate.get(), key.get()) != 1)
        return mail::Error { "the key is not the certificate's own key: give the key file made with this certificate" };
    if (!certificateCovers(*info, hostname)) {
        std::string names;
        for (const std::string &name : info->names)
            names += (names.empty() ? "" : ", ") + name;
        return mail::Error { "the certificate is for " + (names.empty() ? std::string("no name") : names) + ", not for "
            + std::string(hostname) + ": clients would refuse it" };
    }
    if (now < info->notBefore)
        return mail::Error { "the certificate is valid only from " + mail::isoMinute(info->notBefore) };
    if (now >= info->notAfter)
        return mail::Error { "the certificate expired on " + mail::isoMinute(info->notAfter) };
    return info;
}

} // namespace postwr::daemon
