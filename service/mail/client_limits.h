// What postwrd counts per client to keep abusers in check: connections, and
// failed logins (password guessing), which get slower answers and then none.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace postwr::mail {

// The key a client's connections and failed logins are counted under: its
// IPv4 address, or the /64 network of its IPv6 address ("2001:db8:1:2::/64"),
// which is what one customer of a provider gets; an IPv4-mapped IPv6
// address counts as the IPv4 address. Anything else is its own key.
std::string clientKey(std::string_view address);

struct LoginLimits {
    // Failed logins from one client before its logins are refused.
    int failures = 5;
    // How long after its last failure a client is refused, and how long its
    // failures are remembered.
    std::chrono::seconds block{15 * 60};
};

// Failed logins per client. The first failure is answered at once, each one
// after it twice as late as the one before (1 s, 2 s, 4 s, at most 16 s), and
// after LoginLimits::failures of them the client's logins are refused, not
// checked, until LoginLimits::block has passed since the last one. A
// successful login clears nothing: a guesser with one account of its own
// must not be able to reset its count. Remembers at most `capacity` clients;
// beyond that it forgets those whose time is up, and if none is, everyone
// (a guesser with that many addresses is beyond per-client counting).
// Not thread-safe.
class LoginThrottle {
public:
    using Clock = std::chrono::steady_clock;

    explicit LoginThrottle(std::size_t capacity = 65536) : m_capacity(capacity) {}

    // How long the client still has to wait; nothing: check its password.
    std::optional<std::chrono::seconds> refusal(const std::string &client, const LoginLimits &limits,
                                                Clock::time_point now);
    // Counts a failed login; returns how long to wait before answering it.
    std::chrono::milliseconds failed(const std::string &client, const LoginLimits &limits, Clock::time_point now);
    std::size_t clients() const { return m_clients.size(); }

private:
    struct Record {
        int failures = 0;
        Clock::time_point last;
    };
    const std::size_t m_capacity;
    std::unordered_map<std::string, Record> m_clients;
};

} // namespace postwr::mail
