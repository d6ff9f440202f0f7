// A small blocking HTTPS GET, for MTA-STS policies (RFC 8461 §3.3): one
// request, HTTP/1.1 with "Connection: close", a certificate verified against
// a CA store and the host name, status 200 only (a redirect is an error: "HTTP
// 3xx redirects MUST NOT be followed"), and a bounded body.
//
// Why our own and not a library: postwrd is one static binary without NSS,
// so no libcurl (its name resolution goes through getaddrinfo); the caller
// resolves the host with our c-ares Resolver and passes the addresses here.
//
// Time: the whole request, every address tried included, ends within
// `timeout`, whatever the server does. It runs on a private io_context, so
// any thread may call it, and many threads at once.
#pragma once

#include "mail/result.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::daemon {

struct HttpsRequest {
    std::string host; // "mta-sts.example.com": SNI, Host header and the certificate's name
    std::string path = "/"; // "/.well-known/mta-sts.txt"
    std::vector<std::string> addresses; // IP literals of `host`, tried in order until one connects
    std::uint16_t port = 443;
    std::string caFile; // PEM file of trusted CAs; "" = OpenSSL's default paths (the system store)
    std::chrono::milliseconds timeout { std::chrono::seconds(15) };
    std::size_t maxBody = 64 * 1024;
    // When not empty, the response's Content-Type media type must be this one
    // (compared case-insensitively, parameters such as charset ignored).
    std::string mediaType;
};

// The body of a 200 response; an Error saying what went wrong otherwise
// (cannot connect, TLS or certificate failure, status, size, timeout).
mail::Result<std::string> httpsGet(const HttpsRequest &request);

// --- The sans-IO part, exposed for unit tests ------------------------------

struct HttpResponse {
    int status = 0;
    std::map<std::string, std::string>
        headers; // lowercased names; repeated headers joined with ", "
    std::string body; // de-chunked
};

// Parses a response from the bytes received so far. `closed`: the server has
// closed the connection cleanly, so a body without Content-Length or
// chunking ends here. Returns the response once it is complete, std::nullopt
// while more bytes are needed, an Error when it is malformed, not 200 (the
// head is enough to tell), or its body is over `maxBody`.
mail::Result<std::optional<HttpResponse>> parseHttpResponse(
    std::string_view received, bool closed, std::size_t maxBody);

} // namespace postwr::daemon
