#include "mail/git_remote.h"

#include <array>
#include <utility>

namespace postwr::mail {

namespace {

bool hasControlOrBlank(std::string_view text)
{
    for (char c : text)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return true;
    return false;
}

std::string lastLine(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    const std::size_t newline = text.rfind('\n');
    return std::string(newline == std::string_view::npos ? text : text.substr(newline + 1));
}

} // namespace

bool isGitSshRemote(std::string_view url)
{
    if (url.empty() || url.front() == '-' || url.size() > 512 || hasControlOrBlank(url))
        return false;
    if (url.starts_with("ssh://")) {
        const std::string_view rest = url.substr(6);
        const std::size_t slash = rest.find('/');
        return slash != std::string_view::npos && slash > 0 && slash + 1 < rest.size() && rest.front() != '-' &&
               rest.substr(0, slash).find('@') != 0;
    }
    if (url.find("://") != std::string_view::npos)
        return false; // another transport: https://, file://, git://
    // scp-like: [user@]host:path, where the host has no slash.
    const std::size_t colon = url.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == url.size())
        return false;
    const std::string_view host = url.substr(0, colon);
    return host.find('/') == std::string_view::npos && host.back() != '@' && host.front() != '@';
}

std::string explainGitFailure(std::string_view errors, std::string_view remote)
{
    const std::string where(remote);
    const std::array<std::pair<std::string_view, std::string>, 12> known = {{
        {"marked as read only", "the deploy key may only read " + where +
                                    ": allow it write access in the repository's deploy key settings"},
        {"Permission denied", "the remote refused the deploy key: add it to the deploy keys of " + where +
                                  " with write access"},
        {"Repository not found", "there is no repository " + where + ", or the deploy key may not see it"},
        {"does not appear to be a git repository", "there is no git repository at " + where},
        {"Could not resolve hostname", "the host name of " + where + " does not resolve"},
        {"Connection refused", "the remote's SSH port refuses connections"},
        {"timed out", "the remote's SSH port does not answer (a firewall in between?)"},
        {"No route to host", "the remote's host cannot be reached"},
        {"REMOTE HOST IDENTIFICATION HAS CHANGED", "the remote's host key changed since the first push: if that is "
                                                   "expected, delete backup/ssh/known_hosts and push again"},
        {"Host key verification failed", "the remote's host key could not be verified"},
        {"fetch first", "the remote has commits this server does not: push to an empty repository, or restore "
                        "from this one"},
        {"non-fast-forward", "the remote has commits this server does not: push to an empty repository, or "
                             "restore from this one"},
    }};
    for (const auto &[needle, explanation] : known)
        if (errors.find(needle) != std::string_view::npos)
            return explanation;
    const std::string line = lastLine(errors);
    return line.empty() ? "git failed without saying why" : line;
}

} // namespace postwr::mail
