#include "daemon/dns_cache.h"

#include "mail/dns_ttl.h"
#include "mail/text.h"

#include <algorithm>

namespace postwr::daemon {

DnsCache::DnsCache(std::size_t capacity, std::chrono::seconds longest) : m_capacity(capacity), m_longest(longest) {}

std::string DnsCache::keyOf(const std::string &name, int type)
{
    // Names compare without regard to case (RFC 4343); a trailing dot names
    // the same domain.
    std::string key = mail::toLowerAscii(name);
    if (!key.empty() && key.back() == '.')
        key.pop_back();
    return key + "/" + std::to_string(type);
}

void DnsCache::erase(Entries::iterator entry)
{
    m_expiries.erase(entry->second.second);
    m_entries.erase(entry);
}

std::optional<DnsCache::Answer> DnsCache::find(const std::string &name, int type, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    const auto entry = m_entries.find(keyOf(name, type));
    if (entry == m_entries.end())
        return std::nullopt;
    if (entry->second.first.expires <= now) {
        erase(entry);
        return std::nullopt;
    }
    return entry->second.first.answer;
}

void DnsCache::store(const std::string &name, int type, Answer answer, Clock::time_point now)
{
    const std::optional<std::uint32_t> ttl = mail::answerLifetime(answer.message);
    if (!ttl || *ttl == 0 || m_capacity == 0)
        return;
    const Clock::time_point expires = now + std::min<std::chrono::seconds>(std::chrono::seconds(*ttl), m_longest);
    std::string key = keyOf(name, type);
    const std::lock_guard lock(m_mutex);
    if (const auto old = m_entries.find(key); old != m_entries.end())
        erase(old);
    while (!m_expiries.empty() && (m_entries.size() >= m_capacity || m_expiries.begin()->first <= now))
        erase(m_entries.find(m_expiries.begin()->second));
    const auto expiry = m_expiries.emplace(expires, key);
    m_entries.emplace(std::move(key), std::pair{Entry{std::move(answer), expires}, expiry});
}

void DnsCache::clear()
{
    const std::lock_guard lock(m_mutex);
    m_entries.clear();
    m_expiries.clear();
}

std::size_t DnsCache::size()
{
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

} // namespace postwr::daemon
