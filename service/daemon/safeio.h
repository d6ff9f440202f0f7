// Every file postwrd writes goes through here, so that a crash or a full disk
// never leaves a half-written file where a complete one is expected.
#pragma once

#include "mail/result.h"

#include <sys/types.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::daemon {

using mail::Result;
using mail::Status;

// Writes `data` to a new file in `dir` named "<namePrefix>.tmp.<unique>",
// created with O_EXCL and `mode`, and fsyncs it. Returns its path. On any
// error the file is removed. For callers that rename or link the file
// somewhere else themselves (the spool, Maildir delivery).
Result<std::string> writeTempFile(const std::string &dir, std::string_view namePrefix, std::string_view data,
                                  mode_t mode = 0600);
// The same without the fsync, for a caller that makes many files durable at
// once with syncFilesystem() before any name points at them.
Result<std::string> writeTempFileUnsynced(const std::string &dir, std::string_view namePrefix, std::string_view data,
                                          mode_t mode = 0600);

// Replaces `path` with `data` so that after a crash `path` holds either the
// old or the new content, never a mix: temporary file in the same directory,
// fsync, rename over `path`, fsync of the directory. On an error before the
// rename the temporary file is removed and the old file is untouched.
Status writeFileAtomically(const std::string &path, std::string_view data, mode_t mode = 0600);

// Makes renames, creations and removals in `dir` durable.
Status fsyncDirectory(const std::string &dir);

// Makes everything written to the filesystem that holds `path` durable:
// data and names of every file, in one flush (syncfs(2)). Group commit:
// one call for all the files written since the last one.
Status syncFilesystem(const std::string &path);

// Like mkdir -p; each directory it creates gets `mode` and is made durable in
// its parent.
Status makeDirectories(const std::string &path, mode_t mode = 0700);

Result<std::string> readFile(const std::string &path, std::size_t maxSize = 64u * 1024u * 1024u);

// The names in `dir` without "." and "..", sorted.
Result<std::vector<std::string>> listDirectory(const std::string &dir);
// Files named NAME<suffix> in `dir`, as NAMEs, sorted; dot files left out;
// none when `dir` does not exist.
std::vector<std::string> listNames(const std::string &dir, std::string_view suffix);

// Test seam: makes the writes above fail part-way, to prove that a failure
// leaves the old file untouched and no temporary file behind. Production
// code never calls it.
struct WriteFaultForTesting {
    // Writing fails (EIO) once this many bytes of a file are written.
    std::size_t failAfterBytes = static_cast<std::size_t>(-1);
    // writeFileAtomically fails (EIO) after the fsync, before the rename.
    bool failBeforeRename = false;
};
void setWriteFaultForTesting(const WriteFaultForTesting &fault);
void clearWriteFaultForTesting();

} // namespace postwr::daemon
