#include "mail/domain_info.h"

#include "mail/address.h"
#include "mail/text.h"

namespace postwr::mail {

Security DomainInfo::outgoing(std::string_view domain) const
{
    const auto it = m_domains.find(toLowerAscii(domain));
    return it == m_domains.end() ? Security::Unknown : it->second;
}

bool DomainInfo::allows(std::string_view domain, Security attempt) const
{
    return attempt >= outgoing(domain);
}

bool DomainInfo::record(std::string_view domain, Security seen)
{
    if (seen <= outgoing(domain))
        return false;
    m_domains[toLowerAscii(domain)] = seen;
    return true;
}

Result<DomainInfo> parseDomainInfo(std::string_view text)
{
    DomainInfo info;
    int lineNumber = 0;
    for (std::string_view line : split(text, '\n')) {
        ++lineNumber;
        line = trim(line);
        if (line.empty() || line.front() == '#')
            continue;
        const std::size_t space = line.find_first_of(" \t");
        if (space == std::string_view::npos)
            return Error { "expected a domain and a security level", lineNumber };
        const std::string domain = toLowerAscii(line.substr(0, space));
        const std::string_view level = trim(line.substr(space));
        if (!isValidDomain(domain, true))
            return Error { "invalid domain \"" + domain + "\"", lineNumber };
        if (info.outgoing(domain) != Security::Unknown)
            return Error { "domain \"" + domain + "\" is listed twice", lineNumber };
        if (level == "tls")
            info.record(domain, Security::Tls);
        else if (level == "plaintext")
            info.record(domain, Security::Plaintext);
        else
            return Error { "unknown security level \"" + std::string(level)
                    + "\" (expected tls or plaintext)",
                lineNumber };
    }
    return info;
}

std::string serializeDomainInfo(const DomainInfo &info)
{
    std::string out = "# postwrd: the best security seen on outgoing connections, per domain\n";
    for (const auto &[domain, security] : info.domains())
        out += domain + (security == Security::Tls ? " tls\n" : " plaintext\n");
    return out;
}

} // namespace postwr::mail
