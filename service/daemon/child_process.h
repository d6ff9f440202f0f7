// Runs another program (git, ssh-keygen) and collects what it says: fork and
// exec, no shell. Bounded in time: on timeout the child's process group is
// killed, so an ssh that git started dies with it.
#pragma once

#include "mail/result.h"

#include <sys/types.h>

#include <chrono>
#include <string>
#include <vector>

namespace postwr::daemon {

struct ChildOptions {
    std::string directory;                 // empty: ours
    std::vector<std::string> environment;  // NAME=VALUE added to ours
    std::string input;                     // its standard input, then closed
    std::chrono::milliseconds timeout = std::chrono::seconds(60);
    // As root: run as this user and group instead (-1: as we are).
    uid_t user = static_cast<uid_t>(-1);
    gid_t group = static_cast<gid_t>(-1);
};

struct ChildResult {
    int exitCode = -1; // -1 when killed by a signal or the timeout
    bool timedOut = false;
    std::string output;
    std::string errors;
    bool succeeded() const { return exitCode == 0; }
};

// An error only when the program could not be started at all.
mail::Result<ChildResult> runChild(const std::vector<std::string> &argv, const ChildOptions &options = {});

} // namespace postwr::daemon
