#include "mail/mx.h"

#include "mail/text.h"

#include <algorithm>
#include <random>

namespace postwr::mail {

namespace {

std::string normaliseHost(std::string_view host)
{
    if (!host.empty() && host.back() == '.')
        host.remove_suffix(1);
    return toLowerAscii(host);
}

} // namespace

Result<std::vector<std::string>> orderMxHosts(
    std::vector<MxRecord> records, std::string_view domain, std::uint32_t seed)
{
    for (MxRecord &record : records)
        record.host = normaliseHost(record.host);

    // RFC 7505 §3: a null MX is the only MX record of its domain. Several
    // (at different preferences) say the same; they must never fall through
    // to the implicit MX below, which would deliver where mail is refused.
    if (!records.empty()
        && std::all_of(records.begin(), records.end(), [](const MxRecord &record) { return record.host.empty(); }))
        return Error { "domain does not accept mail (null MX, RFC 7505)" };
    // A "." host next to real ones breaks RFC 7505 §3 ("MUST NOT" publish
    // others); it names no host to try, so it is skipped and the real ones used.
    std::erase_if(records, [](const MxRecord &record) { return record.host.empty(); });

    if (records.empty()) {
        // RFC 5321 §5.1: no MX records, so the domain is its own implicit MX.
        const std::string host = normaliseHost(domain);
        if (host.empty())
            return Error { "no domain to deliver to" };
        return std::vector<std::string> { host };
    }

    // Shuffle first, then a stable sort by preference: equal preferences keep
    // their random order (RFC 5321 §5.1 asks for randomisation among them).
    std::mt19937 generator(seed);
    for (std::size_t i = records.size() - 1; i > 0; --i) {
        const std::size_t j = std::uniform_int_distribution<std::size_t>(0, i)(generator);
        std::swap(records[i], records[j]);
    }
    std::stable_sort(records.begin(), records.end(),
        [](const MxRecord &a, const MxRecord &b) { return a.preference < b.preference; });

    std::vector<std::string> hosts;
    for (MxRecord &record : records) {
        // The same host under two preferences is tried once, at the better one.
        if (std::find(hosts.begin(), hosts.end(), record.host) == hosts.end())
            hosts.push_back(std::move(record.host));
    }
    return hosts;
}

} // namespace postwr::mail
