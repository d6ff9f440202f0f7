// The answers of recent DNS lookups, each kept as long as its TTL allows
// (mail/dns_ttl.h) and at most an hour: every incoming message asks for its
// sender's SPF and DMARC records and the DKIM keys of its signatures, and a
// busy server hears from the same domains again and again. Bounded in
// entries; when full, the answer closest to expiry makes room. Thread-safe.
#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace postwr::daemon {

class DnsCache {
public:
    using Clock = std::chrono::steady_clock;

    // What a lookup ended with: c-ares' status and the answer as received.
    struct Answer {
        int status = 0;
        std::vector<unsigned char> message;
    };

    explicit DnsCache(std::size_t capacity, std::chrono::seconds longest = std::chrono::hours(1));

    std::optional<Answer> find(const std::string &name, int type, Clock::time_point now);
    // Keeps `answer` for the lifetime it carries; one without any (an error,
    // a negative answer without SOA, TTL 0) is not kept.
    void store(const std::string &name, int type, Answer answer, Clock::time_point now);
    void clear();
    std::size_t size();

private:
    struct Entry {
        Answer answer;
        Clock::time_point expires;
    };
    using Expiries = std::multimap<Clock::time_point, std::string>;
    using Entries = std::unordered_map<std::string, std::pair<Entry, Expiries::iterator>>;

    static std::string keyOf(const std::string &name, int type);
    void erase(Entries::iterator entry);

    const std::size_t m_capacity;
    const std::chrono::seconds m_longest;
    std::mutex m_mutex;
    Entries m_entries;
    Expiries m_expiries;
};

} // namespace postwr::daemon
