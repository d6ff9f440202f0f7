#include "mail/password_hash.h"

#include "mail/sasl.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>

namespace postwr::mail {

namespace {

constexpr std::string_view prefix = "$scrypt$";

// The interactive-login parameters scrypt's author recommends:
// N = 2^14, r = 8, p = 1.
constexpr int defaultLogN = 14;
constexpr std::uint32_t defaultR = 8;
constexpr std::uint32_t defaultP = 1;
constexpr std::size_t saltSize = 16;
constexpr std::size_t hashSize = 32;

// What we accept from a file. Memory is what bounds an attacker's damage:
// 256 MiB allows ln=17 with r=8, far above our default. The salt and hash
// bounds keep odd but sane hashes from other tools working.
constexpr int maxLogN = 20;
constexpr std::uint32_t maxR = 32;
constexpr std::uint32_t maxP = 16;
constexpr std::uint64_t maxMemory = 256u * 1024 * 1024;
constexpr std::size_t minSaltSize = 8;
constexpr std::size_t maxSaltSize = 64;
constexpr std::size_t minHashSize = 16;
constexpr std::size_t maxHashSize = 64;

struct Parameters {
    int logN = defaultLogN;
    std::uint32_t r = defaultR;
    std::uint32_t p = defaultP;
};

struct ParsedHash {
    Parameters parameters;
    std::string salt;
    std::string hash;
};

// Memory as OpenSSL's scrypt counts it against maxmem: the B array
// (128 r p) plus the V array (128 r (N + 2)).
std::uint64_t memoryNeeded(const Parameters &parameters)
{
    const std::uint64_t n = std::uint64_t{1} << parameters.logN;
    return 128u * parameters.r * (n + 2) + 128u * parameters.r * parameters.p;
}

bool withinBounds(const Parameters &parameters)
{
    return parameters.logN >= 1 && parameters.logN <= maxLogN
        && parameters.r >= 1 && parameters.r <= maxR
        && parameters.p >= 1 && parameters.p <= maxP
        && memoryNeeded(parameters) <= maxMemory;
}

std::optional<std::string> randomBytes(std::size_t size)
{
    std::string bytes(size, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(bytes.data()), static_cast<int>(size)) != 1)
        return std::nullopt;
    return bytes;
}

struct KdfContextFree {
    void operator()(EVP_KDF_CTX *context) const { EVP_KDF_CTX_free(context); }
};

std::optional<std::string> scrypt(std::string_view password, std::string_view salt,
                                  Parameters parameters, std::size_t size)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
    const std::unique_ptr<EVP_KDF_CTX, KdfContextFree> context(EVP_KDF_CTX_new(kdf));
    EVP_KDF_free(kdf);
    if (!context)
        return std::nullopt;
    std::uint64_t n = std::uint64_t{1} << parameters.logN;
    // OpenSSL's default limit is 32 MiB; give exactly what these parameters
    // need, which withinBounds has capped.
    std::uint64_t maxmem = memoryNeeded(parameters);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          const_cast<char *>(password.data()), password.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
                                          const_cast<char *>(salt.data()), salt.size()),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &parameters.r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &parameters.p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
        OSSL_PARAM_construct_end(),
    };
    std::string out(size, '\0');
    if (EVP_KDF_derive(context.get(), reinterpret_cast<unsigned char *>(out.data()), out.size(),
                       params) != 1)
        return std::nullopt;
    return out;
}

std::string encodeUnpadded(std::string_view data)
{
    std::string text = encodeBase64(data);
    text.erase(text.find_last_not_of('=') + 1);
    return text;
}

std::optional<std::string> decodeUnpadded(std::string_view text)
{
    if (text.find('=') != std::string_view::npos || text.size() % 4 == 1)
        return std::nullopt;
    std::string padded(text);
    padded.append((4 - text.size() % 4) % 4, '=');
    return decodeBase64(padded);
}

// Reads "<name>=<decimal>" from the front of `text`: at most 6 digits and no
// leading zero, so every hash has one spelling and the value cannot overflow.
std::optional<std::uint32_t> takeNumber(std::string_view &text, std::string_view name)
{
    if (text.substr(0, name.size()) != name || text.substr(name.size(), 1) != "=")
        return std::nullopt;
    text.remove_prefix(name.size() + 1);
    std::size_t digits = 0;
    std::uint32_t value = 0;
    while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') {
        value = value * 10 + static_cast<std::uint32_t>(text[digits] - '0');
        ++digits;
    }
    if (digits == 0 || digits > 6 || (digits > 1 && text.front() == '0'))
        return std::nullopt;
    text.remove_prefix(digits);
    return value;
}

bool takeSeparator(std::string_view &text, char separator)
{
    if (text.empty() || text.front() != separator)
        return false;
    text.remove_prefix(1);
    return true;
}

std::optional<ParsedHash> parseHash(std::string_view text)
{
    if (text.substr(0, prefix.size()) != prefix)
        return std::nullopt;
    text.remove_prefix(prefix.size());
    const auto logN = takeNumber(text, "ln");
    if (!logN || !takeSeparator(text, ','))
        return std::nullopt;
    const auto r = takeNumber(text, "r");
    if (!r || !takeSeparator(text, ','))
        return std::nullopt;
    const auto p = takeNumber(text, "p");
    if (!p || !takeSeparator(text, '$'))
        return std::nullopt;
    const std::size_t dollar = text.find('$');
    if (dollar == std::string_view::npos)
        return std::nullopt;
    auto salt = decodeUnpadded(text.substr(0, dollar));
    auto hash = decodeUnpadded(text.substr(dollar + 1));
    if (!salt || !hash)
        return std::nullopt;

    ParsedHash parsed{{static_cast<int>(*logN), *r, *p}, std::move(*salt), std::move(*hash)};
    if (!withinBounds(parsed.parameters)
        || parsed.salt.size() < minSaltSize || parsed.salt.size() > maxSaltSize
        || parsed.hash.size() < minHashSize || parsed.hash.size() > maxHashSize)
        return std::nullopt;
    return parsed;
}

} // namespace

std::string hashPassword(std::string_view password)
{
    return hashPassword(password, defaultLogN);
}

std::string hashPassword(std::string_view password, int logN)
{
    const Parameters parameters{logN, defaultR, defaultP};
    if (!withinBounds(parameters))
        return {};
    const auto salt = randomBytes(saltSize);
    if (!salt)
        return {};
    auto hash = scrypt(password, *salt, parameters, hashSize);
    if (!hash)
        return {};
    std::string encoded = std::string(prefix) + "ln=" + std::to_string(logN)
        + ",r=" + std::to_string(defaultR) + ",p=" + std::to_string(defaultP)
        + "$" + encodeUnpadded(*salt) + "$" + encodeUnpadded(*hash);
    OPENSSL_cleanse(hash->data(), hash->size());
    return encoded;
}

bool verifyPassword(std::string_view password, std::string_view encoded)
{
    const auto parsed = parseHash(encoded);
    if (!parsed)
        return false;
    auto derived = scrypt(password, parsed->salt, parsed->parameters, parsed->hash.size());
    if (!derived)
        return false;
    // Constant time, so response timing does not reveal how many leading
    // bytes of a guess were right.
    const bool same = CRYPTO_memcmp(derived->data(), parsed->hash.data(), derived->size()) == 0;
    OPENSSL_cleanse(derived->data(), derived->size());
    return same;
}

bool isPasswordHash(std::string_view encoded)
{
    return parseHash(encoded).has_value();
}

std::string generatePassword()
{
    constexpr std::string_view alphabet =
        "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    constexpr std::size_t length = 20;
    // Bytes at or above the largest multiple of the alphabet size are
    // redrawn: taking them modulo the size would favour the first letters.
    constexpr std::size_t limit = 256 - 256 % alphabet.size();
    std::string password;
    while (password.size() < length) {
        const auto bytes = randomBytes(2 * length);
        if (!bytes)
            return {};
        for (char byte : *bytes) {
            const auto value = static_cast<unsigned char>(byte);
            if (value < limit && password.size() < length)
                password += alphabet[value % alphabet.size()];
        }
    }
    return password;
}

} // namespace postwr::mail
