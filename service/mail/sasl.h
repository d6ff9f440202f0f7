// SASL for SMTP AUTH (RFC 4954): base64 (RFC 4648 §4), the PLAIN mechanism
// (RFC 4616) and the fields of the LOGIN mechanism
// (draft-murchison-sasl-login).
#pragma once

#include "mail/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace postwr::mail {

// Standard alphabet, with padding.
std::string encodeBase64(std::string_view data);
// Strict: only the standard alphabet, padding to a multiple of 4, no
// whitespace, zero pad bits (the canonical encoding, RFC 4648 §3.5).
// "" decodes to "".
std::optional<std::string> decodeBase64(std::string_view text);

struct PlainCredentials {
    std::string authorizationId; // empty when the client acts as itself
    std::string username;
    std::string password;
};

// Decodes a PLAIN initial response: authzid NUL authcid NUL passwd.
// Error messages never contain the credentials.
Result<PlainCredentials> decodePlain(std::string_view base64);

// LOGIN's two challenges, already base64: "Username:" and "Password:".
inline constexpr std::string_view loginUsernameChallenge = "VXNlcm5hbWU6";
inline constexpr std::string_view loginPasswordChallenge = "UGFzc3dvcmQ6";

// Decodes one LOGIN response (the username or the password), with the same
// rules as a PLAIN field: non-empty UTF-8, no NUL, at most 255 octets.
Result<std::string> decodeLoginField(std::string_view base64);

} // namespace postwr::mail
