// The best outgoing security seen per recipient domain (mail/domain_info.h),
// shared by all deliveries and kept on disk so a restart does not forget
// that a domain spoke TLS: a later plaintext-only answer is then a
// downgrade attack, and mail waits instead of going out in the clear.
#pragma once

#include "mail/domain_info.h"
#include "mail/result.h"

#include <mutex>
#include <string>

namespace postwr::daemon {

class DomainInfoStore {
public:
    // Loads `path` if it exists; a corrupt file is reported and started afresh.
    explicit DomainInfoStore(std::string path);

    mail::Security outgoing(const std::string &domain) const;
    // Raises the recorded level and saves the file when it changed.
    void record(const std::string &domain, mail::Security seen);

private:
    std::string m_path;
    mutable std::mutex m_mutex;
    mail::DomainInfo m_info;
};

} // namespace postwr::daemon
