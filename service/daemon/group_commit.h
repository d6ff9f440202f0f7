// Group commit: many threads make their writes durable with one flush of the
// filesystem between them, instead of one fsync each. A writer creates,
// links, renames or removes files without fsync, then calls
// commitWrites(path); it returns once everything written to that filesystem
// before the call is on disk. One waiting thread at a time (the leader)
// flushes the whole filesystem (syncfs(2)) for itself and all who came before
// it; those arriving meanwhile share the next flush. So the number of flushes
// follows the disk's pace, not the number of messages.
//
// A failed flush is final for that filesystem: Linux may have dropped the
// pages it could not write, so a later flush that succeeds proves nothing;
// every later commit there fails until postwrd restarts and re-reads its
// spool. The descriptor each filesystem is flushed through stays open for the
// process's life, so a write-back error is reported to it whenever it came.
#pragma once

#include "mail/result.h"

#include <cstdint>
#include <string>

namespace postwr::daemon {

mail::Status commitWrites(const std::string &path);

// Opens the descriptor the filesystem of `path` will be flushed through, so
// that write-back errors from now on are reported: call it before the first
// write there that commitWrites() will have to vouch for.
mail::Status watchWrites(const std::string &path);

// How many flushes the filesystem of `path` has had from commitWrites (for
// tests: fewer than the commits when they were shared).
std::uint64_t groupCommitFlushes(const std::string &path);

} // namespace postwr::daemon
