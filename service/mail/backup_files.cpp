#include "mail/backup_files.h"

#include "mail/backup_layout.h"
#include "mail/sasl.h"

#include <set>

namespace postwr::mail {

namespace {

constexpr std::string_view header = "postwr-backup-files v1";

Error lineError(int line, std::string message)
{
    return Error{std::move(message), line, 0};
}

} // namespace

std::string serializeBackupFiles(const std::vector<BackupFile> &files)
{
    std::string out = std::string(header) + "\n";
    for (const BackupFile &file : files)
        out += "file " + encodeBase64(file.content) + " " + file.path + "\n";
    return out + "end\n";
}

Result<std::vector<BackupFile>> parseBackupFiles(std::string_view text, std::size_t maxFiles)
{
    std::vector<BackupFile> files;
    std::set<std::string> seen;
    int number = 0;
    bool ended = false;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (line.ends_with('\r'))
            line.remove_suffix(1);
        start = end + 1;
        ++number;
        if (ended)
            return lineError(number, "text after the end of the backup");
        if (number == 1) {
            if (line != header)
                return lineError(number, "not a Postwr backup (it should start with \"" + std::string(header) + "\")");
            continue;
        }
        if (line == "end") {
            ended = true;
            continue;
        }
        if (!line.starts_with("file "))
            return lineError(number, "expected \"file\" or \"end\"");
        line.remove_prefix(5);
        const std::size_t space = line.find(' ');
        if (space == std::string_view::npos)
            return lineError(number, "a file line needs its content and its path");
        auto content = decodeBase64(line.substr(0, space));
        const std::string path(line.substr(space + 1));
        if (!content)
            return lineError(number, "the content of " + path + " is not base64");
        if (!isSafeBackupPath(path))
            return lineError(number, "'" + path + "' is not a path a backup may hold");
        if (!seen.insert(path).second)
            return lineError(number, path + " is in the backup twice");
        if (files.size() == maxFiles)
            return lineError(number, "more than " + std::to_string(maxFiles) + " files");
        files.push_back({path, std::move(*content)});
    }
    if (number == 0)
        return Error{"the backup is empty"};
    if (!ended)
        return lineError(number, "the backup is cut short (no \"end\" line)");
    return files;
}

} // namespace postwr::mail
