#include "daemon/outbound_connection.h"

#include "daemon/socket_deadline.h"
#include "daemon/tls.h"

#include <asio/ssl.hpp>

#include <array>

namespace postwr::daemon {

using asio::awaitable;
using asio::use_awaitable;

namespace {

// Opportunistic TLS between MTAs authenticates nobody (RFC 7435): most MX
// certificates do not match or are self-signed, and refusing them would
// only push mail back to plaintext. MTA-STS is what asks for verification.
asio::ssl::context &clientContext()
{
    static asio::ssl::context context = [] {
        asio::ssl::context ctx(asio::ssl::context::tls_client);
        SSL_CTX_set_min_proto_version(ctx.native_handle(), TLS1_2_VERSION);
        ctx.set_verify_mode(asio::ssl::verify_none);
        return ctx;
    }();
    return context;
}

} // namespace

awaitable<OutboundResult> sendOverSmtp(OutboundTarget target, mail::ClientSettings settings,
                                       mail::Transaction transaction)
{
    OutboundResult result;
    result.tls = "plaintext";
    auto executor = co_await asio::this_coro::executor;
    asio::ssl::stream<asio::ip::tcp::socket> stream(executor, target.verifying ? *target.verifying : clientContext());
    asio::ip::tcp::socket &socket = stream.next_layer();
    SocketDeadline deadline(executor, socket);

    const asio::ip::tcp::endpoint endpoint(target.address, target.port);
    asio::error_code ec;
    socket.open(endpoint.protocol(), ec);
    if (!ec && !target.sourceAddress.empty()) {
        const asio::ip::address source = asio::ip::make_address(target.sourceAddress, ec);
        if (!ec)
            socket.bind(asio::ip::tcp::endpoint(source, 0), ec);
    }
    if (ec) {
        result.connectError = ec.message();
        co_return result;
    }
    // RFC 5321 §4.5.3.2: the initial 220 may take 5 minutes; connecting
    // should not take more than a short while.
    deadline.arm(std::chrono::seconds(30));
    co_await socket.async_connect(endpoint, asio::redirect_error(use_awaitable, ec));
    deadline.cancel();
    if (ec || deadline.expired()) {
        result.connectError = deadline.expired() ? "connection timed out" : ec.message();
        co_return result;
    }
    result.connected = true;

    mail::SmtpClient client(std::move(settings), std::move(transaction));
    bool tls = false;
    std::array<char, 16384> buffer;
    for (;;) {
        const mail::SmtpClient::Event event = client.next();
        if (std::string output = client.takeOutput(); !output.empty()) {
            deadline.arm(target.timeout);
            if (tls)
                co_await asio::async_write(stream, asio::buffer(output), asio::redirect_error(use_awaitable, ec));
            else
                co_await asio::async_write(socket, asio::buffer(output), asio::redirect_error(use_awaitable, ec));
            deadline.cancel();
            if (ec) {
                client.connectionLost(deadline.expired() ? "timeout while sending" : ec.message());
                continue;
            }
        }
        if (event == mail::SmtpClient::Event::Done)
            break;
        if (event == mail::SmtpClient::Event::StartTls) {
            expectServerName(stream.native_handle(), target.host);
            deadline.arm(target.timeout);
            co_await stream.async_handshake(asio::ssl::stream_base::client, asio::redirect_error(use_awaitable, ec));
            deadline.cancel();
            if (ec) {
                client.tlsFailed(deadline.expired() ? "TLS handshake timed out" : describeTlsFailure(stream.native_handle(), ec));
            } else {
                tls = true;
                result.tls = describeTls(stream.native_handle());
                client.tlsStarted();
            }
            continue;
        }
        // Once the outcome is known only the reply to QUIT is awaited: no
        // reason to hold the connection for minutes.
        deadline.arm(client.decided() ? std::chrono::seconds(10) : target.timeout);
        std::size_t n = 0;
        if (tls)
            n = co_await stream.async_read_some(asio::buffer(buffer), asio::redirect_error(use_awaitable, ec));
        else
            n = co_await socket.async_read_some(asio::buffer(buffer), asio::redirect_error(use_awaitable, ec));
        deadline.cancel();
        if (ec) {
            client.connectionLost(deadline.expired() ? "timeout waiting for the server" : ec.message());
            continue;
        }
        client.receive(std::string_view(buffer.data(), n));
    }
    result.outcome = client.outcome();
    asio::error_code ignored;
    socket.close(ignored);
    co_return result;
}

} // namespace postwr::daemon
