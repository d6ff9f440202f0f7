#include "mail/directory.h"

#include "mail/text.h"

#include <algorithm>

namespace postwr::mail {

namespace {

// As chasquid: aliases do not nest deeper than this, so that a mistake in
// the files fails one delivery quickly instead of fanning out.
constexpr std::size_t maxAliasDepth = 10;

} // namespace

// The state of one resolve() call.
struct Directory::Walk {
    // The aliases being expanded, outermost first, as "name@domain".
    std::vector<std::string> path;
    std::vector<Recipient> recipients;

    void add(Recipient recipient)
    {
        if (std::find(recipients.begin(), recipients.end(), recipient) == recipients.end())
            recipients.push_back(std::move(recipient));
    }
};

Directory::Directory(std::string suffixSeparators, std::string dropCharacters)
    : m_suffixSeparators(std::move(suffixSeparators)), m_dropCharacters(std::move(dropCharacters))
{
}

void Directory::addDomain(std::string domain, UserDb users, AliasFile aliases, DomainSettings settings)
{
    Domain entry{std::move(users), {}, settings};
    const auto lineOf = [](const std::vector<AliasTarget> &targets) {
        return targets.empty() ? 0 : targets.front().line;
    };
    for (auto &[name, targets] : aliases.entries) {
        // Two names that differ only in drop characters ("j.doe", "jdoe") are
        // one alias: the later line wins, as for a name written twice.
        const std::string key = name == "*" ? name : withoutDrops(name);
        const auto [it, inserted] = entry.aliases.try_emplace(key, targets);
        if (!inserted && lineOf(targets) > lineOf(it->second))
            it->second = std::move(targets);
    }
    m_domains.insert_or_assign(toLowerAscii(domain), std::move(entry));
}

const Directory::Domain *Directory::findDomain(std::string_view domain) const
{
    const auto it = m_domains.find(toLowerAscii(domain));
    return it == m_domains.end() ? nullptr : &it->second;
}

bool Directory::isLocalDomain(std::string_view domain) const
{
    return findDomain(domain) != nullptr;
}

const UserEntry *Directory::findUser(std::string_view localPart, std::string_view domain) const
{
    const Domain *entry = findDomain(domain);
    return entry ? entry->users.find(localPart) : nullptr;
}

const DomainSettings *Directory::settings(std::string_view domain) const
{
    const Domain *entry = findDomain(domain);
    return entry ? &entry->settings : nullptr;
}

std::vector<std::string> Directory::domains() const
{
    std::vector<std::string> names;
    for (const auto &[name, entry] : m_domains)
        names.push_back(name);
    return names;
}

std::string Directory::withoutDrops(std::string_view localPart) const
{
    const std::string lower = toLowerAscii(localPart);
    const std::size_t suffix = std::min(lower.find_first_of(m_suffixSeparators), lower.size());
    std::string out;
    for (std::size_t i = 0; i < suffix; ++i) {
        if (m_dropCharacters.find(lower[i]) == std::string::npos)
            out += lower[i];
    }
    return out + lower.substr(suffix);
}

std::string Directory::withoutSuffix(std::string_view localPart) const
{
    const std::string clean = withoutDrops(localPart);
    return clean.substr(0, clean.find_first_of(m_suffixSeparators));
}

Result<std::vector<Recipient>> Directory::resolve(std::string_view localPart, std::string_view domain) const
{
    Walk walk;
    const Status status = resolveInto(localPart, toLowerAscii(domain), walk);
    if (!status)
        return status.error();
    if (walk.recipients.empty()) {
        return Error{"mail to " + std::string(localPart) + "@" + std::string(domain) +
                     " would only go to commands, which postwrd does not run"};
    }
    return std::move(walk.recipients);
}

Status Directory::resolveInto(std::string_view localPart, const std::string &domain, Walk &walk) const
{
    const Domain *entry = findDomain(domain);
    if (!entry) {
        walk.add({Recipient::Kind::Remote, std::string(localPart), domain});
        return Ok{};
    }

    // Each candidate below is only a lookup key; nothing in the local part
    // ever selects another domain.
    const std::string withSuffix = withoutDrops(localPart);
    const std::string bare = withoutSuffix(localPart);
    for (const std::string &name : {withSuffix, bare}) {
        if (const auto alias = entry->aliases.find(name); alias != entry->aliases.end())
            return expand(alias->second, localPart, name, domain, walk);
    }

    const UserEntry *user = entry->users.find(localPart);
    for (const UserEntry &candidate : entry->users.entries()) {
        if (user)
            break;
        const std::string key = withoutDrops(candidate.localPart);
        if (key == withSuffix || key == bare)
            user = &candidate;
    }
    if (user) {
        walk.add({Recipient::Kind::Local, user->localPart, domain});
        return Ok{};
    }

    if (const auto catchAll = entry->aliases.find("*"); catchAll != entry->aliases.end())
        return expand(catchAll->second, localPart, "*", domain, walk);

    if (walk.path.empty())
        return Error{"no such user here"};
    return Error{"alias " + walk.path.back() + " leads to " + std::string(localPart) + "@" + domain +
                 ", which is no user here"};
}

Status Directory::expand(const std::vector<AliasTarget> &targets, std::string_view localPart,
                         const std::string &aliasName, const std::string &domain, Walk &walk) const
{
    const std::string name = aliasName + "@" + domain;
    if (std::find(walk.path.begin(), walk.path.end(), name) != walk.path.end()) {
        std::string loop;
        for (const std::string &step : walk.path)
            loop += step + " -> ";
        return Error{"aliases loop: " + loop + name};
    }
    if (walk.path.size() >= maxAliasDepth) {
        return Error{"aliases nest more than " + std::to_string(maxAliasDepth) + " deep, starting from " +
                     walk.path.front()};
    }

    walk.path.push_back(name);
    for (const AliasTarget &target : targets) {
        if (target.kind == AliasTarget::Kind::Pipe)
            continue;
        const std::size_t at = target.value.rfind('@');
        std::string_view targetLocal = std::string_view(target.value).substr(0, at);
        const std::string targetDomain = at == std::string::npos ? domain : toLowerAscii(target.value.substr(at + 1));
        // "*: *@example.org" forwards each local part as it was sent.
        if (targetLocal == "*")
            targetLocal = localPart;
        const Status status = resolveInto(targetLocal, targetDomain, walk);
        if (!status)
            return status;
    }
    walk.path.pop_back();
    return Ok{};
}

std::string Directory::domainOfHost(std::string_view hostname) const
{
    const std::string host = toLowerAscii(hostname);
    std::string best;
    for (const std::string &domain : domains()) {
        const bool inside = host == domain || (host.size() > domain.size() &&
                                               host.compare(host.size() - domain.size(), domain.size(), domain) == 0 &&
                                               host[host.size() - domain.size() - 1] == '.');
        if (inside && domain.size() > best.size())
            best = domain;
    }
    return best;
}

} // namespace postwr::mail
