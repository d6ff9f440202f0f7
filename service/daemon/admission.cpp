#include "daemon/admission.h"

namespace postwr::daemon {

Admission::Slot &Admission::Slot::operator=(Slot &&other) noexcept
{
    if (this != &other) {
        if (m_admission)
            m_admission->release(m_client);
        m_admission = other.m_admission;
        m_client = std::move(other.m_client);
        other.m_admission = nullptr;
    }
    return *this;
}

Admission::Slot::~Slot()
{
    if (m_admission)
        m_admission->release(m_client);
}

Admission::Verdict Admission::admit(const std::string &client, const mail::Config &config)
{
    const std::lock_guard lock(m_mutex);
    if (m_total >= config.maxConnections)
        return {{}, "Too many connections; try again later"};
    std::size_t &mine = m_perClient[client];
    if (mine >= config.maxConnectionsPerClient)
        return {{}, "Too many connections from your address; try again later"};
    ++mine;
    ++m_total;
    return {Slot(this, client), {}};
}

void Admission::release(const std::string &client)
{
    const std::lock_guard lock(m_mutex);
    --m_total;
    if (const auto entry = m_perClient.find(client); entry != m_perClient.end() && --entry->second == 0)
        m_perClient.erase(entry);
}

std::size_t Admission::connections()
{
    const std::lock_guard lock(m_mutex);
    return m_total;
}

std::optional<std::chrono::seconds> Admission::loginRefusal(const std::string &client, const mail::LoginLimits &limits)
{
    const std::lock_guard lock(m_mutex);
    return m_logins.refusal(client, limits, mail::LoginThrottle::Clock::now());
}

std::chrono::milliseconds Admission::loginFailed(const std::string &client, const mail::LoginLimits &limits)
{
    const std::lock_guard lock(m_mutex);
    return m_logins.failed(client, limits, mail::LoginThrottle::Clock::now());
}

} // namespace postwr::daemon
