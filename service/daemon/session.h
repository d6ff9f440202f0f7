// One client connection: drives the sans-IO SmtpServer over a TCP socket,
// doing the slow work it asks for off the network threads (password checks
// on the CPU pool, durable queueing on the disk pool).
#pragma once

#include "daemon/admission.h"
#include "daemon/resolver.h"
#include "daemon/runtime.h"
#include "daemon/spool.h"
#include "mail/smtp_server.h"

#include <asio.hpp>
#include <asio/ssl.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>

namespace postwr::daemon {

// What every session shares, owned by the Server.
struct SessionServices {
    RuntimeHolder &runtime;
    Spool &spool;
    asio::thread_pool &cpu;
    asio::thread_pool &disk; // blocking work: fsync, DNS
    const Resolver &resolver;
    Admission &admission;
    std::function<void(const std::string &queueId)> onQueued;
};

struct Inspection;

class Session : public std::enable_shared_from_this<Session> {
public:
    Session(SessionServices &services, asio::ip::tcp::socket socket, mail::PortRole role, std::uint64_t number);
    ~Session();

    asio::awaitable<void> run();
    // Thread-safe: ends the session at the next command boundary.
    void requestShutdown();

private:
    asio::awaitable<void> watchdog();
    asio::awaitable<bool> write(std::string data);
    asio::awaitable<bool> handshake();
    asio::awaitable<bool> authenticate();
    asio::awaitable<void> deliver();
    // Logs the reflector's verdict on the message (mail/reflector.h).
    asio::awaitable<void> reflect(const mail::Envelope &envelope, const std::string &message);
    // Logs the checks of mail from the internet; false, and refused, when
    // DMARC refuses it.
    bool accepted(const mail::Envelope &envelope, const Inspection &inspection);
    void armDeadline();
    std::string id() const { return std::to_string(m_number); }

    SessionServices &m_services;
    std::shared_ptr<const Runtime> m_runtime;
    asio::ip::tcp::socket m_socket;
    // Made at STARTTLS (or on the implicit-TLS port), not before: an SSL
    // object and its record buffers cost tens of KiB, which a connection
    // that never starts TLS (most on port 25) should not pay.
    std::optional<asio::ssl::stream<asio::ip::tcp::socket &>> m_tlsStream;
    mail::PortRole m_role;
    std::uint64_t m_number;
    std::string m_client;
    std::string m_clientKey; // mail::clientKey(m_client)
    Admission::Verdict m_admission;
    bool m_tls = false; // the handshake succeeded: all I/O goes through m_tlsStream
    bool m_done = false;
    bool m_reading = false;
    std::chrono::steady_clock::time_point m_deadline;
    std::chrono::steady_clock::time_point m_sessionEnds;
    asio::steady_timer m_timer;
    std::optional<mail::SmtpServer> m_server;
};

} // namespace postwr::daemon
