// The git remote a backup is pushed to, and what git's complaints about it
// mean for the user.
#pragma once

#include <string>
#include <string_view>

namespace postwr::mail {

// An address git reaches over SSH with a deploy key:
// "git@github.com:you/mail.git" or "ssh://git@host:2222/path/mail.git".
// Nothing that git would read as an option, a local path or another
// transport.
bool isGitSshRemote(std::string_view url);

// What to do about a failed push or clone, from git's and ssh's standard
// error (LC_ALL=C): the remote refused the key, the key is read-only, no
// such repository, unreachable, host key changed, the remote has other
// history; else git's last line.
std::string explainGitFailure(std::string_view errors, std::string_view remote);

} // namespace postwr::mail
