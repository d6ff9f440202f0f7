#include "mail/client_limits.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cstring>

namespace postwr::mail {

std::string clientKey(std::string_view address)
{
    const std::string text(address);
    unsigned char bytes[16];
    if (inet_pton(AF_INET6, text.c_str(), bytes) != 1)
        return text;
    static constexpr unsigned char mappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    char buffer[INET6_ADDRSTRLEN];
    if (std::memcmp(bytes, mappedPrefix, sizeof mappedPrefix) == 0)
        return inet_ntop(AF_INET, bytes + 12, buffer, sizeof buffer);
    std::fill(bytes + 8, bytes + 16, 0);
    return std::string(inet_ntop(AF_INET6, bytes, buffer, sizeof buffer)) + "/64";
}

std::optional<std::chrono::seconds> LoginThrottle::refusal(const std::string &client, const LoginLimits &limits,
                                                           Clock::time_point now)
{
    const auto record = m_clients.find(client);
    if (record == m_clients.end())
        return std::nullopt;
    const Clock::duration since = now - record->second.last;
    if (since >= limits.block) {
        m_clients.erase(record);
        return std::nullopt;
    }
    if (record->second.failures < limits.failures)
        return std::nullopt;
    return std::chrono::ceil<std::chrono::seconds>(limits.block - since);
}

std::chrono::milliseconds LoginThrottle::failed(const std::string &client, const LoginLimits &limits,
                                                Clock::time_point now)
{
    auto record = m_clients.find(client);
    if (record != m_clients.end() && now - record->second.last >= limits.block) {
        m_clients.erase(record);
        record = m_clients.end();
    }
    if (record == m_clients.end()) {
        if (m_clients.size() >= m_capacity) {
            std::erase_if(m_clients, [&](const auto &entry) { return now - entry.second.last >= limits.block; });
            if (m_clients.size() >= m_capacity)
                m_clients.clear();
        }
        record = m_clients.emplace(client, Record{}).first;
    }
    Record &counted = record->second;
    counted.last = now;
    ++counted.failures;
    const int doublings = std::clamp(counted.failures - 2, 0, 4);
    return counted.failures == 1 ? std::chrono::milliseconds(0) : std::chrono::milliseconds(1000 << doublings);
}

} // namespace postwr::mail
