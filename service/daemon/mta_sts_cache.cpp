#include "daemon/mta_sts_cache.h"

#include "daemon/https_fetch.h"
#include "daemon/log.h"
#include "daemon/safeio.h"
#include "mail/text.h"

#include <unistd.h>

namespace postwr::daemon {

namespace {

// Mode "none" is a policy to cache (it replaces an older enforce policy,
// RFC 8461 §8.3) but not one to apply.
std::optional<mail::MtaStsPolicy> applicable(const mail::MtaStsPolicy &policy)
{
    if (policy.mode == mail::MtaStsMode::None)
        return std::nullopt;
    return policy;
}

std::string normalized(const std::string &domain)
{
    std::string out = mail::toLowerAscii(domain);
    if (!out.empty() && out.back() == '.')
        out.pop_back();
    return out;
}

} // namespace

MtaStsCache::MtaStsCache(std::string path, Resolver &resolver, FetchSettings settings)
    : m_path(std::move(path))
    , m_resolver(resolver)
    , m_settings(std::move(settings))
{
    if (::access(m_path.c_str(), F_OK) != 0)
        return;
    mail::Result<std::string> text = readFile(m_path, 16u * 1024u * 1024u);
    mail::Result<mail::MtaStsCacheEntries> entries = text
        ? mail::parseMtaStsCache(*text)
        : mail::Result<mail::MtaStsCacheEntries>(text.error());
    if (entries)
        m_entries = std::move(entries).value();
    else
        log::error("mta_sts_cache_unreadable",
            { { "path", m_path }, { "error", entries.error().describe(m_path) } });
}

std::optional<mail::CachedMtaStsPolicy> MtaStsCache::cached(const std::string &domain) const
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(normalized(domain));
    if (it == m_entries.end())
        return std::nullopt;
    return it->second;
}

std::optional<mail::MtaStsPolicy> MtaStsCache::policyFor(
    const std::string &rawDomain, std::int64_t now)
{
    const std::string domain = normalized(rawDomain);
    if (domain.empty())
        return std::nullopt;
    std::optional<mail::CachedMtaStsPolicy> usable = cached(domain);
    if (usable && usable->expired(now))
        usable.reset();
    // RFC 8461 §5: "if no "live" policy can be discovered via DNS or fetched
    // via HTTPS, but a valid (non-expired) policy exists in the sender's
    // cache, the sender MUST apply that cached policy."
    const auto fallback = [&]() -> std::optional<mail::MtaStsPolicy> {
        return usable ? applicable(usable->policy) : std::nullopt;
    };

    const DnsResult<std::vector<std::string>> txt = m_resolver.txt("_mta-sts." + domain);
    if (!txt.ok()) {
        if (txt.status == DnsStatus::TemporaryFailure)
            log::warning("mta_sts_dns_failed", { { "domain", domain }, { "error", txt.message } });
        return fallback();
    }
    const mail::Result<mail::MtaStsRecord> record = mail::selectMtaStsRecord(txt.records);
    if (!record) {
        log::warning(
            "mta_sts_bad_record", { { "domain", domain }, { "error", record.error().message } });
        return fallback();
    }
    // §3.1: the id changes whenever the policy does; the same id and an
    // unexpired policy need no fetch.
    if (usable && usable->id == record->id)
        return applicable(usable->policy);

    mail::Result<mail::MtaStsPolicy> policy = fetch(domain);
    if (!policy) {
        // §5: a valid TXT record but no policy fetched: the cached one, or as
        // if the domain had no MTA-STS.
        log::warning("mta_sts_fetch_failed",
            { { "domain", domain }, { "id", record->id },
                { "cached", usable ? usable->id : std::string("none") },
                { "error", policy.error().message } });
        return fallback();
    }
    log::info("mta_sts_fetched",
        { { "domain", domain }, { "id", record->id }, { "mode", mail::modeName(policy->mode) },
            { "max_age", std::to_string(policy->maxAge) } });
    mail::CachedMtaStsPolicy entry { record->id, now, *policy };
    store(domain, entry, now);
    return applicable(entry.policy);
}

mail::Result<mail::MtaStsPolicy> MtaStsCache::fetch(const std::string &domain) const
{
    // §3.3: https://mta-sts.<domain>/.well-known/mta-sts.txt
    HttpsRequest request;
    request.host = "mta-sts." + domain;
    request.path = "/.well-known/mta-sts.txt";
    request.port = m_settings.port;
    request.caFile = m_settings.caFile;
    request.timeout = m_settings.timeout;
    request.maxBody = 64
        * 1024; // §3.3: "senders SHOULD limit the maximum size of the policy (64 KiB suggested)"
    request.mediaType = "text/plain"; // §3.2: "MUST have a media type of "text/plain""
    std::string dnsErrors;
    for (bool v6 : { true, false }) {
        const DnsResult<std::vector<std::string>> found
            = v6 ? m_resolver.ipv6(request.host) : m_resolver.ipv4(request.host);
        if (found.ok())
            request.addresses.insert(
                request.addresses.end(), found.records.begin(), found.records.end());
        else
            dnsErrors += (dnsErrors.empty() ? "" : "; ") + found.message;
    }
    if (request.addresses.empty())
        return mail::Error { request.host + " has no address: " + dnsErrors };
    mail::Result<std::string> body = httpsGet(request);
    if (!body)
        return body.error();
    mail::Result<mail::MtaStsPolicy> policy = mail::parseMtaStsPolicy(*body);
    if (!policy)
        return mail::Error { "https://" + request.host + request.path + ": "
            + policy.error().describe() };
    return policy;
}

void MtaStsCache::store(const std::string &domain, mail::CachedMtaStsPolicy entry, std::int64_t now)
{
    const std::lock_guard lock(m_mutex);
    m_entries[domain] = std::move(entry);
    // Expired policies are of no more use (a new fetch replaces them anyway).
    std::erase_if(m_entries, [now](const auto &item) { return item.second.expired(now); });
    if (mail::Status status = writeFileAtomically(m_path, mail::serializeMtaStsCache(m_entries));
        !status)
        log::error("mta_sts_cache_unwritable",
            { { "path", m_path }, { "error", status.error().message } });
}

} // namespace postwr::daemon
