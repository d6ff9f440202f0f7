// The files of a backup as one text stream: what `postwrd backup export`
// prints and `postwrd backup restore --stdin` reads, and what the desktop
// turns into a .tar.gz and back. Text, so it passes through any SSH channel:
//
//   postwr-backup-files v1
//   file <base64 of the content> <path>
//   ...
//   end
//
// The path is the rest of the line (relative to the configuration
// directory, checked with isSafeBackupPath); "end" proves the stream whole.
#pragma once

#include "mail/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct BackupFile {
    std::string path;
    std::string content;
};

std::string serializeBackupFiles(const std::vector<BackupFile> &files);
// Errors name the line. A stream without "end" is cut short; the same path
// twice, an unsafe path or more than `maxFiles` files are refused.
Result<std::vector<BackupFile>> parseBackupFiles(std::string_view text, std::size_t maxFiles = 10000);

} // namespace postwr::mail
