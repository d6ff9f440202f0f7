// Password hashes for the users files, and generated passwords.
//
// A hash is scrypt (RFC 7914) in the PHC string style:
//   $scrypt$ln=14,r=8,p=1$<salt>$<hash>
// ln is log2 of N; salt (16 bytes) and hash (32 bytes) are standard base64
// without padding. Hashes read from files are checked against bounds before
// any work, so a crafted users file cannot make us allocate gigabytes.
#pragma once

#include <string>
#include <string_view>

namespace postwr::mail {

// Hashes with N = 2^14, r = 8, p = 1 (16 MiB, tens of milliseconds) and a
// fresh random salt. Empty only if OpenSSL fails (no randomness, no memory).
std::string hashPassword(std::string_view password);
// The same with N = 2^logN, for tests that need to be fast. logN is 1..20;
// outside that the result is empty.
std::string hashPassword(std::string_view password, int logN);

// True when `encoded` is a well-formed hash within bounds and `password`
// matches it. The comparison takes the same time wherever the bytes differ.
bool verifyPassword(std::string_view password, std::string_view encoded);

// Whether `encoded` is a hash verifyPassword accepts (for `config check`).
bool isPasswordHash(std::string_view encoded);

// 20 random characters from letters and digits without look-alikes
// (0/O, 1/l/I). Empty only if OpenSSL's random generator fails.
std::string generatePassword();

} // namespace postwr::mail
