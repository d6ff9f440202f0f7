// Who may connect and log in: connections counted per client and in all,
// and failed logins per client (mail/client_limits.h), shared by every
// session. Thread-safe.
#pragma once

#include "mail/client_limits.h"
#include "mail/config.h"

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace postwr::daemon {

class Admission {
public:
    // One admitted connection, counted until this is destroyed.
    class Slot {
    public:
        Slot() = default;
        Slot(Admission *admission, std::string client) : m_admission(admission), m_client(std::move(client)) {}
        Slot(Slot &&other) noexcept : m_admission(other.m_admission), m_client(std::move(other.m_client))
        {
            other.m_admission = nullptr;
        }
        Slot &operator=(Slot &&other) noexcept;
        Slot(const Slot &) = delete;
        Slot &operator=(const Slot &) = delete;
        ~Slot();

    private:
        Admission *m_admission = nullptr;
        std::string m_client;
    };

    struct Verdict {
        Slot slot;
        std::string refusal; // why not, for a 421; empty: admitted
    };

    // `client` is a key of mail::clientKey().
    Verdict admit(const std::string &client, const mail::Config &config);
    std::size_t connections();

    std::optional<std::chrono::seconds> loginRefusal(const std::string &client, const mail::LoginLimits &limits);
    std::chrono::milliseconds loginFailed(const std::string &client, const mail::LoginLimits &limits);

private:
    void release(const std::string &client);

    std::mutex m_mutex;
    std::unordered_map<std::string, std::size_t> m_perClient;
    std::size_t m_total = 0;
    mail::LoginThrottle m_logins;
};

} // namespace postwr::daemon
