#include "daemon/domain_info_store.h"

#include "daemon/log.h"
#include "daemon/safeio.h"

#include <unistd.h>

namespace postwr::daemon {

DomainInfoStore::DomainInfoStore(std::string path) : m_path(std::move(path))
{
    if (::access(m_path.c_str(), F_OK) != 0)
        return;
    mail::Result<std::string> text = readFile(m_path);
    mail::Result<mail::DomainInfo> info = text ? mail::parseDomainInfo(*text) : mail::Result<mail::DomainInfo>(text.error());
    if (info)
        m_info = std::move(info).value();
    else
        log::error("domaininfo_unreadable", {{"path", m_path}, {"error", info.error().message}});
}

mail::Security DomainInfoStore::outgoing(const std::string &domain) const
{
    const std::lock_guard lock(m_mutex);
    return m_info.outgoing(domain);
}

void DomainInfoStore::record(const std::string &domain, mail::Security seen)
{
    const std::lock_guard lock(m_mutex);
    if (!m_info.record(domain, seen))
        return;
    if (mail::Status status = writeFileAtomically(m_path, mail::serializeDomainInfo(m_info)); !status)
        log::error("domaininfo_unwritable", {{"path", m_path}, {"error", status.error().message}});
}

} // namespace postwr::daemon
