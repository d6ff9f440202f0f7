// A deadline for the operations on one socket: when it passes, the socket is
// closed, so whatever is pending ends with an error and expired() says why.
// Lives next to the socket in the coroutine that uses it.
#pragma once

#include <asio.hpp>

#include <chrono>

namespace postwr::daemon {

class SocketDeadline {
public:
    SocketDeadline(const asio::any_io_executor &executor, asio::ip::tcp::socket &socket)
        : m_timer(executor), m_socket(socket)
    {
    }

    void arm(std::chrono::steady_clock::time_point when)
    {
        m_timer.expires_at(when);
        // Runs with operation_aborted when re-armed, cancelled or destroyed:
        // then it must not touch anything.
        m_timer.async_wait([this](asio::error_code ec) {
            if (ec)
                return;
            m_expired = true;
            asio::error_code ignored;
            m_socket.cancel(ignored);
            m_socket.close(ignored);
        });
    }
    void arm(std::chrono::steady_clock::duration limit) { arm(std::chrono::steady_clock::now() + limit); }
    void cancel() { m_timer.cancel(); }
    bool expired() const { return m_expired; }

private:
    asio::steady_timer m_timer;
    asio::ip::tcp::socket &m_socket;
    bool m_expired = false;
};

} // namespace postwr::daemon
