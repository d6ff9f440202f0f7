#include "daemon/https_fetch.h"

#include "daemon/socket_deadline.h"
#include "daemon/tls.h"

#include "mail/text.h"

#include <array>
#include <asio.hpp>
#include <asio/ssl.hpp>
#include <charconv>
#include <openssl/err.h>
#include <openssl/x509v3.h>
#include <unistd.h>

namespace postwr::daemon {

using asio::awaitable;
using asio::use_awaitable;
using mail::Error;
using mail::Result;
using Clock = std::chrono::steady_clock;

namespace {

// The head (status line and headers) may not be longer than this.
constexpr std::size_t kMaxHead = 16 * 1024;
// A chunk-size line longer than this is not an honest one.
constexpr std::size_t kMaxChunkLine = 64;

// --- Parsing --------------------------------------------------------------

std::optional<std::size_t> parseDecimal(std::string_view text)
{
    if (text.empty() || text.size() > 18)
        return std::nullopt;
    std::size_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

struct Head {
    int status = 0;
    std::map<std::string, std::string> headers;
};

Result<Head> parseHead(std::string_view head)
{
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < head.size()) {
        const std::size_t end = head.find("\r\n", start);
        lines.push_back(head.substr(start, end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 2;
    }
    if (lines.empty())
        return Error { "empty HTTP response" };
    // "HTTP/1.1 200 OK" (RFC 9112 §4).
    const std::string_view statusLine = lines.front();
    if (!statusLine.starts_with("HTTP/1.") || statusLine.size() < 12 || statusLine[8] != ' '
        || (statusLine.size() > 12 && statusLine[12] != ' '))
        return Error { "not an HTTP/1.x response: \"" + std::string(statusLine.substr(0, 40))
            + "\"" };
    const std::optional<std::size_t> status = parseDecimal(statusLine.substr(9, 3));
    if (!status || *status < 100)
        return Error { "bad HTTP status line: \"" + std::string(statusLine.substr(0, 40)) + "\"" };
    Head result;
    result.status = static_cast<int>(*status);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string_view line = lines[i];
        const std::size_t colon = line.find(':');
        // Obsolete line folding (a line starting with a space) is refused too (RFC 9112 §5.2).
        if (colon == std::string_view::npos || colon == 0 || line.front() == ' '
            || line.front() == '\t')
            return Error { "bad HTTP header line: \"" + std::string(line.substr(0, 40)) + "\"" };
        const std::string name = mail::toLowerAscii(line.substr(0, colon));
        if (name.find_first_of(" \t") != std::string::npos)
            return Error { "bad HTTP header name: \"" + name + "\"" };
        const std::string value(mail::trim(line.substr(colon + 1)));
        auto [it, inserted] = result.headers.emplace(name, value);
        if (!inserted)
            it->second += ", " + value;
    }
    return result;
}

std::string describeStatus(int status)
{
    // RFC 8461 §3.3: "HTTP 3xx redirects MUST NOT be followed".
    if (status >= 300 && status < 400)
        return "HTTP status " + std::to_string(status)
            + ": a redirect, which MTA-STS forbids following";
    return "HTTP status " + std::to_string(status) + " (only 200 is accepted)";
}

// Decodes a chunked body (RFC 9112 §7.1). nullopt: incomplete.
Result<std::optional<std::string>> decodeChunked(std::string_view data, std::size_t maxBody)
{
    std::string body;
    std::size_t pos = 0;
    for (;;) {
        const std::size_t lineEnd = data.find("\r\n", pos);
        if (lineEnd == std::string_view::npos) {
            if (data.size() - pos > kMaxChunkLine)
                return Error { "bad chunk size line" };
            return std::optional<std::string>();
        }
        std::string_view sizeLine = data.substr(pos, lineEnd - pos);
        if (sizeLine.size() > kMaxChunkLine)
            return Error { "bad chunk size line" };
        if (const std::size_t semicolon = sizeLine.find(';'); semicolon != std::string_view::npos)
            sizeLine = sizeLine.substr(0, semicolon); // chunk extensions are ignored
        sizeLine = mail::trim(sizeLine);
        std::size_t size = 0;
        const auto [end, ec]
            = std::from_chars(sizeLine.data(), sizeLine.data() + sizeLine.size(), size, 16);
        if (sizeLine.empty() || ec != std::errc() || end != sizeLine.data() + sizeLine.size())
            return Error { "bad chunk size \"" + std::string(sizeLine) + "\"" };
        pos = lineEnd + 2;
        if (size == 0) {
            // Trailer fields, then an empty line.
            for (;;) {
                const std::size_t trailerEnd = data.find("\r\n", pos);
                if (trailerEnd == std::string_view::npos) {
                    if (data.size() - pos > kMaxHead)
                        return Error { "HTTP trailer too long" };
                    return std::optional<std::string>();
                }
                if (trailerEnd == pos)
                    return std::optional<std::string>(std::move(body));
                pos = trailerEnd + 2;
            }
        }
        if (size > maxBody || body.size() + size > maxBody)
            return Error { "the body is over " + std::to_string(maxBody) + " bytes" };
        if (data.size() - pos < size + 2)
            return std::optional<std::string>();
        if (data.substr(pos + size, 2) != "\r\n")
            return Error { "a chunk does not end with CRLF" };
        body.append(data.substr(pos, size));
        pos += size + 2;
    }
}

// --- I/O ------------------------------------------------------------------

struct Attempt {
    bool connected = false; // false: try the next address
    Result<std::string> body = Error { "not tried" };
};

struct Exchange {
    const HttpsRequest &request;
    asio::ip::tcp::endpoint endpoint;
    Clock::time_point connectDeadline;
    Clock::time_point deadline;
};

bool mediaTypeIs(const std::string &contentType, std::string_view expected)
{
    const std::string_view type
        = mail::trim(std::string_view(contentType).substr(0, contentType.find(';')));
    return mail::equalsIgnoreCase(type, expected);
}

awaitable<void> exchange(
    asio::ssl::stream<asio::ip::tcp::socket> &stream, const Exchange &x, Attempt &out)
{
    const HttpsRequest &request = x.request;
    auto executor = co_await asio::this_coro::executor;
    asio::ip::tcp::socket &socket = stream.next_layer();
    SocketDeadline deadline(executor, socket);
    asio::error_code ec;

    deadline.arm(x.connectDeadline);
    co_await socket.async_connect(x.endpoint, asio::redirect_error(use_awaitable, ec));
    deadline.cancel();
    if (ec || deadline.expired()) {
        out.body = Error { "cannot connect to " + x.endpoint.address().to_string() + ": "
            + (deadline.expired() ? std::string("timed out") : ec.message()) };
        co_return;
    }
    out.connected = true;

    SSL *ssl = stream.native_handle();
    // The certificate must name the host (RFC 8461 §3.3, RFC 6125).
    expectServerName(ssl, request.host);
    deadline.arm(x.deadline);
    co_await stream.async_handshake(
        asio::ssl::stream_base::client, asio::redirect_error(use_awaitable, ec));
    deadline.cancel();
    if (ec || deadline.expired()) {
        out.body = Error { deadline.expired() ? "TLS handshake timed out" : describeTlsFailure(ssl, ec) };
        co_return;
    }

    std::string hostHeader = request.host;
    if (request.port != 443)
        hostHeader += ":" + std::to_string(request.port);
    const std::string message = "GET " + request.path
        + " HTTP/1.1\r\n"
          "Host: "
        + hostHeader
        + "\r\n"
          "User-Agent: postwrd\r\n"
          "Accept: */*\r\n"
          "Connection: close\r\n\r\n";
    deadline.arm(x.deadline);
    co_await asio::async_write(
        stream, asio::buffer(message), asio::redirect_error(use_awaitable, ec));
    deadline.cancel();
    if (ec || deadline.expired()) {
        out.body = Error { deadline.expired() ? "timed out sending the request"
                                    : "cannot send the request: " + ec.message() };
        co_return;
    }

    // Chunk framing may add to the body, but not without end.
    const std::size_t maxReceived = kMaxHead + 4 * request.maxBody + 1024;
    std::string received;
    std::array<char, 16384> buffer;
    for (;;) {
        deadline.arm(x.deadline);
        const std::size_t n = co_await stream.async_read_some(
            asio::buffer(buffer), asio::redirect_error(use_awaitable, ec));
        deadline.cancel();
        received.append(buffer.data(), n);
        if (deadline.expired()) {
            out.body = Error { "timed out waiting for the response" };
            co_return;
        }
        // A clean close (TLS close_notify) may end a body without length; a
        // close without it (stream_truncated) may be an attacker cutting the
        // policy short, so it only counts where the length is known.
        const bool closed = ec == asio::error::eof;
        if (ec && !closed && ec != asio::ssl::error::stream_truncated) {
            out.body = Error { "cannot read the response: " + ec.message() };
            co_return;
        }
        Result<std::optional<HttpResponse>> response
            = parseHttpResponse(received, closed, request.maxBody);
        if (!response) {
            out.body = response.error();
            co_return;
        }
        if (*response) {
            HttpResponse &complete = *response.value();
            if (!request.mediaType.empty()
                && !mediaTypeIs(complete.headers["content-type"], request.mediaType)) {
                out.body = Error { "the Content-Type is \"" + complete.headers["content-type"]
                    + "\", not " + request.mediaType };
                co_return;
            }
            out.body = std::move(complete.body);
            co_return;
        }
        if (ec) {
            out.body = Error { "the connection closed before the end of the response" };
            co_return;
        }
        if (received.size() > maxReceived) {
            out.body = Error { "the response is too large" };
            co_return;
        }
    }
}

Attempt fetchFrom(asio::ssl::context &context, const Exchange &x)
{
    Attempt attempt;
    asio::io_context io(1);
    asio::ssl::stream<asio::ip::tcp::socket> stream(io, context);
    std::exception_ptr failure;
    asio::co_spawn(io, exchange(stream, x, attempt), [&](std::exception_ptr e) { failure = e; });
    // Bounded: every step of exchange() has a timer that closes the socket.
    io.run();
    if (failure) {
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception &e) {
            attempt.body = Error { std::string("HTTPS request failed: ") + e.what() };
        }
    }
    asio::error_code ignored;
    stream.next_layer().close(ignored);
    return attempt;
}

} // namespace

Result<std::optional<HttpResponse>> parseHttpResponse(
    std::string_view received, bool closed, std::size_t maxBody)
{
    const std::size_t headEnd = received.find("\r\n\r\n");
    if (headEnd == std::string_view::npos) {
        if (received.size() > kMaxHead)
            return Error { "the HTTP response head is too long" };
        if (closed)
            return Error { "the connection closed before the end of the response" };
        return std::optional<HttpResponse>();
    }
    if (headEnd > kMaxHead)
        return Error { "the HTTP response head is too long" };
    Result<Head> head = parseHead(received.substr(0, headEnd));
    if (!head)
        return head.error();
    // 1xx answers are not expected to a plain GET; anything but 200 is an error.
    if (head->status != 200)
        return Error { describeStatus(head->status) };
    HttpResponse response;
    response.status = head->status;
    response.headers = std::move(head->headers);
    const std::string_view data = received.substr(headEnd + 4);

    const auto transfer = response.headers.find("transfer-encoding");
    if (transfer != response.headers.end()) {
        if (!mail::equalsIgnoreCase(transfer->second, "chunked"))
            return Error { "unsupported Transfer-Encoding \"" + transfer->second + "\"" };
        Result<std::optional<std::string>> body = decodeChunked(data, maxBody);
        if (!body)
            return body.error();
        if (!*body) {
            if (closed)
                return Error { "the connection closed before the end of the response" };
            return std::optional<HttpResponse>();
        }
        response.body = std::move(*body.value());
        return std::optional<HttpResponse>(std::move(response));
    }

    const auto length = response.headers.find("content-length");
    if (length != response.headers.end()) {
        // A repeated header arrives joined as "12, 12" and is refused here.
        const std::optional<std::size_t> size = parseDecimal(length->second);
        if (!size)
            return Error { "bad Content-Length \"" + length->second + "\"" };
        if (*size > maxBody)
            return Error { "the body is over " + std::to_string(maxBody) + " bytes (Content-Length "
                + length->second + ")" };
        if (data.size() < *size) {
            if (closed)
                return Error { "the connection closed before the end of the response" };
            return std::optional<HttpResponse>();
        }
        response.body = std::string(data.substr(0, *size));
        return std::optional<HttpResponse>(std::move(response));
    }

    // Neither: the body ends when the server closes the connection.
    if (data.size() > maxBody)
        return Error { "the body is over " + std::to_string(maxBody) + " bytes" };
    if (!closed)
        return std::optional<HttpResponse>();
    response.body = std::string(data);
    return std::optional<HttpResponse>(std::move(response));
}

Result<std::string> httpsGet(const HttpsRequest &request)
{
    const std::string url = "https://" + request.host + request.path;
    if (request.host.empty() || request.path.empty() || request.path.front() != '/')
        return Error { url + ": bad host or path" };
    if (request.host.find_first_of("\r\n /") != std::string::npos
        || request.path.find_first_of("\r\n ") != std::string::npos)
        return Error { url + ": bad host or path" };
    if (request.addresses.empty())
        return Error { url + ": no address to connect to" };
    Result<std::shared_ptr<asio::ssl::context>> context = makeVerifyingClientContext(request.caFile);
    if (!context)
        return context.error();

    const Clock::time_point deadline = Clock::now() + request.timeout;
    std::string errors;
    for (std::size_t i = 0; i < request.addresses.size(); ++i) {
        asio::error_code ec;
        const asio::ip::address address = asio::ip::make_address(request.addresses[i], ec);
        if (ec) {
            errors += (errors.empty() ? "" : "; ") + request.addresses[i] + " is not an IP address";
            continue;
        }
        const Clock::time_point now = Clock::now();
        if (now >= deadline) {
            errors += (errors.empty() ? "" : "; ") + std::string("timed out");
            break;
        }
        // An address that swallows SYNs may take half of what is left, so
        // the others still get their chance.
        const Clock::time_point connectDeadline
            = i + 1 < request.addresses.size() ? now + (deadline - now) / 2 : deadline;
        const Exchange x { request, asio::ip::tcp::endpoint(address, request.port), connectDeadline,
            deadline };
        Attempt attempt = fetchFrom(**context, x);
        if (attempt.connected) {
            if (!attempt.body)
                return Error { url + " (" + request.addresses[i]
                    + "): " + attempt.body.error().message };
            return std::move(attempt.body).value();
        }
        errors += (errors.empty() ? "" : "; ") + attempt.body.error().message;
    }
    return Error { url + ": " + errors };
}

} // namespace postwr::daemon
