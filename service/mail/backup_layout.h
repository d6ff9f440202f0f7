// What a backup of the configuration directory holds, by path relative to
// that directory. Plain files are kept as they are; secrets (private keys,
// password hashes, API tokens) only encrypted, under backup/encrypted/, unless
// the user chose a plain backup. The deploy key that pushes the backup stays
// on its server.
#pragma once

#include <string>
#include <string_view>

namespace postwr::mail {

inline constexpr std::string_view backupIdentityPath = "backup/identity";   // wrapped private key
inline constexpr std::string_view backupRecipientPath = "backup/recipient"; // public key
inline constexpr std::string_view backupEncryptedDir = "backup/encrypted";
inline constexpr std::string_view backupSshDir = "backup/ssh";              // deploy key, never backed up
inline constexpr std::string_view backupCloneDir = ".restore-clone";         // a remote cloned to restore from

// A file that must not leave the server unencrypted: users files, DKIM
// keys, TLS keys, the SRS key.
bool isBackupSecret(std::string_view path);

// Where the encrypted copy of a secret goes, and the secret's path back.
std::string encryptedPathOf(std::string_view secretPath);
// Empty when `path` is not under backup/encrypted/.
std::string secretPathOf(std::string_view encryptedPath);

// A path a backup may hold: relative, no empty, "." or ".." part, nothing
// under .git, and not the deploy key's directory. What restore checks
// every name against before it writes anything.
bool isSafeBackupPath(std::string_view path);

// The .gitignore of the configuration repository: the deploy key and
// leftovers always; the secrets too when they are encrypted.
std::string backupGitignore(bool encrypted);

} // namespace postwr::mail
