#include "mail/backup_crypto.h"

#include "mail/sasl.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>

namespace postwr::mail {

namespace {

constexpr std::string_view identityHeader = "postwr-backup-identity v1\n";
constexpr std::string_view fileHeader = "postwr-encrypted v1\n";
constexpr std::size_t keySize = 32;
constexpr std::size_t saltSize = 16;
constexpr std::size_t nonceSize = 12;
constexpr std::size_t tagSize = 16;
// A damaged or hostile identity file must not make restore ask for more
// than this (2^20 × 8 × 128 bytes = 1 GiB).
constexpr int maxLog2N = 20;
constexpr std::string_view hkdfInfo = "postwr backup file v1";

struct PkeyDeleter {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct PkeyContextDeleter {
    void operator()(EVP_PKEY_CTX *context) const { EVP_PKEY_CTX_free(context); }
};
struct CipherContextDeleter {
    void operator()(EVP_CIPHER_CTX *context) const { EVP_CIPHER_CTX_free(context); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

const unsigned char *bytes(std::string_view data) { return reinterpret_cast<const unsigned char *>(data.data()); }
unsigned char *bytes(std::string &data) { return reinterpret_cast<unsigned char *>(data.data()); }

std::optional<std::string> random(std::size_t size)
{
    std::string out(size, '\0');
    if (RAND_bytes(bytes(out), static_cast<int>(size)) != 1)
        return std::nullopt;
    return out;
}

std::string publicKeyOf(EVP_PKEY *key)
{
    std::string out(keySize, '\0');
    std::size_t size = out.size();
    if (EVP_PKEY_get_raw_public_key(key, bytes(out), &size) != 1 || size != keySize)
        return {};
    return out;
}

std::optional<std::string> sharedSecret(EVP_PKEY *own, std::string_view peerPublic)
{
    Pkey peer(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, bytes(peerPublic), peerPublic.size()));
    std::unique_ptr<EVP_PKEY_CTX, PkeyContextDeleter> context(EVP_PKEY_CTX_new(own, nullptr));
    std::string secret(keySize, '\0');
    std::size_t size = secret.size();
    if (!peer || !context || EVP_PKEY_derive_init(context.get()) != 1 ||
        EVP_PKEY_derive_set_peer(context.get(), peer.get()) != 1 ||
        EVP_PKEY_derive(context.get(), bytes(secret), &size) != 1 || size != keySize)
        return std::nullopt;
    return secret;
}

std::optional<std::string> hkdf(std::string_view secret, std::string_view salt)
{
    EVP_KDF *kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
    EVP_KDF_CTX *context = kdf ? EVP_KDF_CTX_new(kdf) : nullptr;
    EVP_KDF_free(kdf);
    if (!context)
        return std::nullopt;
    char digest[] = "SHA256";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<char *>(secret.data()), secret.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.data()), salt.size()),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char *>(hkdfInfo.data()), hkdfInfo.size()),
        OSSL_PARAM_construct_end(),
    };
    std::string key(keySize, '\0');
    const bool derived = EVP_KDF_derive(context, bytes(key), key.size(), params) == 1;
    EVP_KDF_CTX_free(context);
    if (!derived)
        return std::nullopt;
    return key;
}

std::optional<std::string> scrypt(std::string_view passphrase, std::string_view salt, ScryptCost cost)
{
    std::string key(keySize, '\0');
    const std::uint64_t n = std::uint64_t{1} << cost.log2N;
    const std::uint64_t memory = 128 * n * static_cast<std::uint64_t>(cost.r) * static_cast<std::uint64_t>(cost.p);
    if (EVP_PBE_scrypt(passphrase.data(), passphrase.size(), bytes(salt), salt.size(), n, static_cast<std::uint64_t>(cost.r),
            static_cast<std::uint64_t>(cost.p), memory + (std::uint64_t{16} << 20), bytes(key), key.size()) != 1)
        return std::nullopt;
    return key;
}

// nonce + ciphertext + tag.
std::optional<std::string> seal(std::string_view key, std::string_view associated, std::string_view plaintext)
{
    auto nonce = random(nonceSize);
    std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter> context(EVP_CIPHER_CTX_new());
    if (!nonce || !context)
        return std::nullopt;
    std::string out = *nonce;
    out.resize(nonceSize + plaintext.size() + tagSize);
    int length = 0;
    int final = 0;
    if (EVP_EncryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(*nonce)) != 1 ||
        EVP_EncryptUpdate(context.get(), nullptr, &length, bytes(associated), static_cast<int>(associated.size())) != 1 ||
        EVP_EncryptUpdate(context.get(), bytes(out) + nonceSize, &length, bytes(plaintext), static_cast<int>(plaintext.size())) != 1 ||
        EVP_EncryptFinal_ex(context.get(), bytes(out) + nonceSize + length, &final) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(tagSize), bytes(out) + nonceSize + plaintext.size()) != 1)
        return std::nullopt;
    return out;
}

// The plaintext, or nothing when the key is wrong or the data was changed.
std::optional<std::string> open(std::string_view key, std::string_view associated, std::string_view sealed)
{
    if (sealed.size() < nonceSize + tagSize)
        return std::nullopt;
    const std::string_view nonce = sealed.substr(0, nonceSize);
    const std::string_view ciphertext = sealed.substr(nonceSize, sealed.size() - nonceSize - tagSize);
    std::string tag(sealed.substr(sealed.size() - tagSize));
    std::unique_ptr<EVP_CIPHER_CTX, CipherContextDeleter> context(EVP_CIPHER_CTX_new());
    std::string out(ciphertext.size(), '\0');
    int length = 0;
    int final = 0;
    if (!context || EVP_DecryptInit_ex(context.get(), EVP_aes_256_gcm(), nullptr, bytes(key), bytes(nonce)) != 1 ||
        EVP_DecryptUpdate(context.get(), nullptr, &length, bytes(associated), static_cast<int>(associated.size())) != 1 ||
        EVP_DecryptUpdate(context.get(), bytes(out), &length, bytes(ciphertext), static_cast<int>(ciphertext.size())) != 1 ||
        EVP_CIPHER_CTX_ctrl(context.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(tagSize), bytes(tag)) != 1 ||
        EVP_DecryptFinal_ex(context.get(), bytes(out) + length, &final) != 1)
        return std::nullopt;
    return out;
}

std::string wrapLines(const std::string &base64)
{
    std::string out;
    for (std::size_t i = 0; i < base64.size(); i += 64)
        out += base64.substr(i, 64) + "\n";
    return out;
}

std::optional<std::string> unwrapLines(std::string_view text)
{
    std::string joined;
    for (char c : text)
        if (c != '\n' && c != '\r')
            joined += c;
    return decodeBase64(joined);
}

// The file's body after its header line, or nothing when the header differs.
std::optional<std::string_view> bodyAfter(std::string_view text, std::string_view header)
{
    if (text.substr(0, header.size()) != header)
        return std::nullopt;
    return text.substr(header.size());
}

} // namespace

Result<BackupKeyPair> generateBackupKeyPair()
{
    std::unique_ptr<EVP_PKEY_CTX, PkeyContextDeleter> context(EVP_PKEY_CTX_new_id(EVP_PKEY_X25519, nullptr));
    EVP_PKEY *raw = nullptr;
    if (!context || EVP_PKEY_keygen_init(context.get()) != 1 || EVP_PKEY_keygen(context.get(), &raw) != 1)
        return Error{"cannot make an X25519 key: OpenSSL failed"};
    Pkey key(raw);
    BackupKeyPair pair;
    pair.publicKey = publicKeyOf(key.get());
    pair.privateKey.resize(keySize);
    std::size_t size = keySize;
    if (pair.publicKey.empty() || EVP_PKEY_get_raw_private_key(key.get(), bytes(pair.privateKey), &size) != 1 || size != keySize)
        return Error{"cannot read the new X25519 key: OpenSSL failed"};
    return pair;
}

std::string encodeBackupPublicKey(std::string_view publicKey)
{
    return encodeBase64(publicKey);
}

Result<std::string> decodeBackupPublicKey(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
        text.remove_suffix(1);
    auto key = decodeBase64(text);
    if (!key || key->size() != keySize)
        return Error{"not a backup public key (32 bytes of base64 expected)"};
    return *key;
}

std::string wrapBackupPrivateKey(std::string_view privateKey, std::string_view passphrase, ScryptCost cost)
{
    auto salt = random(saltSize);
    if (!salt)
        return {};
    auto key = scrypt(passphrase, *salt, cost);
    if (!key)
        return {};
    const std::string costLine = "scrypt " + std::to_string(cost.log2N) + " " + std::to_string(cost.r) + " " +
                                 std::to_string(cost.p) + "\n";
    const std::string header = std::string(identityHeader) + costLine;
    auto sealed = seal(*key, header, privateKey);
    if (!sealed)
        return {};
    return header + wrapLines(encodeBase64(*salt + *sealed));
}

Result<std::string> unwrapBackupPrivateKey(std::string_view identity, std::string_view passphrase)
{
    const Error damaged{"the backup's identity file (backup/identity) is damaged"};
    auto rest = bodyAfter(identity, identityHeader);
    if (!rest)
        return damaged;
    const std::size_t lineEnd = rest->find('\n');
    if (lineEnd == std::string_view::npos)
        return damaged;
    ScryptCost cost;
    char name[8] = {};
    const std::string costLine(rest->substr(0, lineEnd));
    if (std::sscanf(costLine.c_str(), "%7s %d %d %d", name, &cost.log2N, &cost.r, &cost.p) != 4 ||
        std::string_view(name) != "scrypt" || cost.log2N < 1 || cost.log2N > maxLog2N || cost.r < 1 || cost.r > 32 ||
        cost.p < 1 || cost.p > 16)
        return damaged;
    auto decoded = unwrapLines(rest->substr(lineEnd + 1));
    if (!decoded || decoded->size() != saltSize + nonceSize + keySize + tagSize)
        return damaged;
    auto key = scrypt(passphrase, decoded->substr(0, saltSize), cost);
    if (!key)
        return Error{"cannot derive the key from the passphrase: out of memory?"};
    const std::string header = std::string(identityHeader) + costLine + "\n";
    auto privateKey = open(*key, header, std::string_view(*decoded).substr(saltSize));
    if (!privateKey)
        return Error{"the passphrase is wrong: it does not open this backup"};
    return *privateKey;
}

Result<std::string> encryptBackupFile(std::string_view publicKey, std::string_view path, std::string_view plaintext)
{
    if (publicKey.size() != keySize)
        return Error{"not a backup public key"};
    auto pair = generateBackupKeyPair();
    if (!pair)
        return pair.error();
    Pkey ephemeral(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, bytes(pair->privateKey), keySize));
    auto secret = ephemeral ? sharedSecret(ephemeral.get(), publicKey) : std::nullopt;
    auto key = secret ? hkdf(*secret, pair->publicKey + std::string(publicKey)) : std::nullopt;
    auto sealed = key ? seal(*key, path, plaintext) : std::nullopt;
    if (!sealed)
        return Error{"cannot encrypt " + std::string(path) + ": OpenSSL failed"};
    return std::string(fileHeader) + wrapLines(encodeBase64(pair->publicKey + *sealed));
}

Result<std::string> decryptBackupFile(std::string_view privateKey, std::string_view path, std::string_view encrypted)
{
    const Error damaged{std::string(path) + ": not a file this backup encrypted, or damaged"};
    auto body = bodyAfter(encrypted, fileHeader);
    auto decoded = body ? unwrapLines(*body) : std::nullopt;
    if (!decoded || decoded->size() < keySize + nonceSize + tagSize)
        return damaged;
    Pkey own(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, bytes(privateKey), privateKey.size()));
    if (!own)
        return Error{"not a backup private key"};
    const std::string ephemeralPublic = decoded->substr(0, keySize);
    auto secret = sharedSecret(own.get(), ephemeralPublic);
    auto key = secret ? hkdf(*secret, ephemeralPublic + publicKeyOf(own.get())) : std::nullopt;
    auto plaintext = key ? open(*key, path, std::string_view(*decoded).substr(keySize)) : std::nullopt;
    if (!plaintext)
        return damaged;
    return *plaintext;
}

} // namespace postwr::mail
