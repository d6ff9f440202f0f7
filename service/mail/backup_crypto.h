// Encryption of the secrets a backup carries off the server (DKIM keys, the
// users files, TLS keys), in the manner of age: each file is encrypted to the
// backup's X25519 public key, which the server keeps, so it encrypts after
// every change without knowing the passphrase. The private key travels with
// the backup wrapped with the passphrase (scrypt, AES-256-GCM); restoring
// needs only the backup and the passphrase.
//
// Both formats are text, so that git shows a change as a changed file:
//
//   postwr-backup-identity v1            the wrapped private key
//   scrypt 17 8 1                        log2 N, r, p
//   <base64: salt(16) nonce(12) ciphertext(32) tag(16)>
//
//   postwr-encrypted v1                  one secret file
//   <base64, 64 per line: ephemeral public key(32) nonce(12) ciphertext tag(16)>
//
// A file's key is HKDF-SHA256 of the X25519 shared secret, salted with both
// public keys. Its path in the configuration directory is the GCM additional
// data: a ciphertext moved to another path does not decrypt.
#pragma once

#include "mail/result.h"

#include <string>
#include <string_view>

namespace postwr::mail {

struct BackupKeyPair {
    std::string publicKey;  // 32 bytes
    std::string privateKey; // 32 bytes
};

struct ScryptCost {
    int log2N = 17; // 128 MiB with r = 8: seconds for a guesser, not for the user
    int r = 8;
    int p = 1;
};

Result<BackupKeyPair> generateBackupKeyPair();

// The public key as one line of base64, and back.
std::string encodeBackupPublicKey(std::string_view publicKey);
Result<std::string> decodeBackupPublicKey(std::string_view text);

std::string wrapBackupPrivateKey(std::string_view privateKey, std::string_view passphrase, ScryptCost cost = {});
// The error for a wrong passphrase says so; a damaged file is named as such.
Result<std::string> unwrapBackupPrivateKey(std::string_view identity, std::string_view passphrase);

Result<std::string> encryptBackupFile(std::string_view publicKey, std::string_view path, std::string_view plaintext);
Result<std::string> decryptBackupFile(std::string_view privateKey, std::string_view path, std::string_view encrypted);

} // namespace postwr::mail
