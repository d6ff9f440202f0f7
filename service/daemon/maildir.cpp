#include "daemon/maildir.h"

#include "daemon/group_commit.h"
#include "daemon/safeio.h"
#include "mail/queue_file.h"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace postwr::daemon {

using mail::Error;
using mail::Ok;

namespace {

// FNV-1a, 64 bits: stable across versions and platforms, which the name
// needs, since a retry after an upgrade must find the same file.
std::uint64_t fnv1a64(std::string_view bytes)
{
    std::uint64_t hash = 0xcbf29ce484222325u;
    for (char ch : bytes) {
        hash ^= static_cast<unsigned char>(ch);
        hash *= 0x100000001b3u;
    }
    return hash;
}

// A domain or local part becomes a directory name: it must stay one.
bool isSafePathComponent(std::string_view name)
{
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos
        && name.find('\0') == std::string_view::npos;
}

bool exists(const std::string &path)
{
    struct stat info {};
    return ::lstat(path.c_str(), &info) == 0;
}

// A mail reader renames new/NAME to cur/NAME:2,FLAGS once it has seen it.
Result<bool> inCur(const std::string &curDir, const std::string &name)
{
    DIR *stream = ::opendir(curDir.c_str());
    if (!stream)
        return Error{"cannot open directory " + curDir + ": " + std::strerror(errno)};
    bool found = false;
    while (const dirent *entry = ::readdir(stream)) {
        const std::string_view entryName = entry->d_name;
        if (entryName.substr(0, name.size()) == name
            && (entryName.size() == name.size() || entryName[name.size()] == ':')) {
            found = true;
            break;
        }
    }
    ::closedir(stream);
    return found;
}

std::string withHeaders(std::string_view returnPath, std::string_view recipient, std::string_view message)
{
    std::string out = "Return-Path: <" + std::string(returnPath) + ">\nDelivered-To: " + std::string(recipient) + "\n";
    out.reserve(out.size() + message.size());
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (message[i] == '\r' && i + 1 < message.size() && message[i + 1] == '\n')
            continue;
        out += message[i];
    }
    return out;
}

} // namespace

std::string maildirFileName(const std::string &queueId, const std::string &recipient)
{
    static constexpr char hex[] = "0123456789abcdef";
    const std::uint64_t hash = fnv1a64(recipient);
    std::string hashText(16, '0');
    for (std::size_t i = 0; i < 16; ++i)
        hashText[i] = hex[(hash >> (60 - 4 * i)) & 0xFu];
    return queueId + "." + hashText + ".postwr";
}

Status deliverToMaildir(const std::string &root, const std::string &domain, const std::string &localPart,
                        const std::string &queueId, const std::string &recipient, std::string_view returnPath,
                        std::string_view message, EarlierAttempt earlier)
{
    if (!isSafePathComponent(domain) || !isSafePathComponent(localPart))
        return Error{"cannot deliver to " + recipient + ": the mailbox name cannot be a directory name"};
    if (!mail::isValidQueueId(queueId))
        return Error{"bad queue id \"" + queueId + "\""};

    const std::string maildir = root + "/" + domain + "/" + localPart;
    const std::string tmpDir = maildir + "/tmp";
    const std::string newDir = maildir + "/new";
    const std::string curDir = maildir + "/cur";
    for (const std::string *dir : {&tmpDir, &newDir, &curDir}) {
        if (Status status = makeDirectories(*dir); !status)
            return status;
    }

    const std::string name = maildirFileName(queueId, recipient);
    const std::string target = newDir + "/" + name;
    if (earlier == EarlierAttempt::Possible) {
        // new/ before cur/: messages only move from new/ to cur/, so checking
        // in this order cannot miss one that moves between the two checks.
        // Found in new/: commit it anyway, as the earlier attempt may have
        // failed at its own commit.
        if (exists(target))
            return commitWrites(newDir);
        auto seen = inCur(curDir, name);
        if (!seen)
            return seen.error();
        if (*seen)
            return Ok{};
    }

    // A crash while writing leaves only a file in tmp/, which Maildir readers
    // clean up after 36 hours; the retry writes a fresh one.
    // Durable before its name is in new/, so that no reader ever sees it cut
    // short; shared with the deliveries and enqueues of the same moment.
    if (Status watched = watchWrites(tmpDir); !watched)
        return watched;
    auto temp = writeTempFileUnsynced(tmpDir, name, withHeaders(returnPath, recipient, message));
    if (!temp)
        return temp.error();
    if (Status written = commitWrites(tmpDir); !written) {
        ::unlink(temp->c_str());
        return written;
    }
    // link() rather than rename(): it never replaces a file already in new/,
    // so a concurrent delivery of the same message still leaves one copy.
    const bool linked = ::link(temp->c_str(), target.c_str()) == 0;
    const int linkError = errno;
    ::unlink(temp->c_str());
    if (!linked && linkError != EEXIST)
        return Error{"cannot deliver into " + target + ": " + std::strerror(linkError)};
    // Only now is the delivery durable, and the queue may forget the message.
    return commitWrites(newDir);
}

} // namespace postwr::daemon
