#include "daemon/safeio.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <utility>

namespace postwr::daemon {

using mail::Error;
using mail::Ok;

namespace {

std::atomic<std::size_t> g_failAfterBytes{static_cast<std::size_t>(-1)};
std::atomic<bool> g_failBeforeRename{false};
std::atomic<std::uint64_t> g_tempCounter{0};

Error systemError(const std::string &what, const std::string &path, int error)
{
    return Error{what + " " + path + ": " + std::strerror(error), 0, 0, error};
}

// Closes on scope exit unless released; errors from close() on the success
// path are checked explicitly by the caller.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

Status writeAll(int fd, const std::string &path, std::string_view data)
{
    const std::size_t failAfter = g_failAfterBytes.load();
    std::size_t written = 0;
    while (written < data.size()) {
        if (written >= failAfter)
            return systemError("cannot write", path, EIO);
        const std::size_t chunk = std::min(data.size() - written, failAfter - written);
        const ssize_t n = ::write(fd, data.data() + written, chunk);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return systemError("cannot write", path, errno);
        }
        written += static_cast<std::size_t>(n);
    }
    return Ok{};
}

std::string parentDirectory(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    if (slash == 0)
        return "/";
    return path.substr(0, slash);
}

// Errors name `shownPath`: the file the caller asked for.
Result<std::string> writeTemp(const std::string &dir, std::string_view namePrefix, std::string_view data,
                              mode_t mode, const std::string *shownPath, bool sync = true)
{
    // O_EXCL with a name unique within this process; a name left by an
    // earlier process that crashed only costs a retry.
    std::string path;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        path = dir + "/" + std::string(namePrefix) + ".tmp." + std::to_string(::getpid()) + "."
            + std::to_string(g_tempCounter.fetch_add(1));
        fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd < 0 && (errno != EEXIST || attempt == 100))
            return systemError("cannot create", shownPath ? *shownPath : path, errno);
    }
    FileDescriptor file(fd);
    const std::string &shown = shownPath ? *shownPath : path;
    const auto discard = [&path](Error error) -> Result<std::string> {
        ::unlink(path.c_str());
        return error;
    };

    // The umask may have taken bits away; the caller asked for this mode.
    if (::fchmod(file.get(), mode) != 0)
        return discard(systemError("cannot set the mode of", shown, errno));
    if (Status status = writeAll(file.get(), shown, data); !status)
        return discard(status.error());
    // The data must be on disk before any name points at it: otherwise a
    // crash after the rename could leave a complete name over an empty or
    // partial file.
    if (sync && ::fsync(file.get()) != 0)
        return discard(systemError("cannot fsync", shown, errno));
    if (::close(file.release()) != 0)
        return discard(systemError("cannot close", shown, errno));
    return path;
}

} // namespace

Result<std::string> writeTempFile(const std::string &dir, std::string_view namePrefix, std::string_view data,
                                  mode_t mode)
{
    return writeTemp(dir, namePrefix, data, mode, nullptr);
}

Result<std::string> writeTempFileUnsynced(const std::string &dir, std::string_view namePrefix, std::string_view data,
                                          mode_t mode)
{
    return writeTemp(dir, namePrefix, data, mode, nullptr, false);
}

Status writeFileAtomically(const std::string &path, std::string_view data, mode_t mode)
{
    const std::string dir = parentDirectory(path);
    const std::string base = path.substr(path.find_last_of('/') + 1);
    auto temp = writeTemp(dir, "." + base, data, mode, &path);
    if (!temp)
        return temp.error();
    if (g_failBeforeRename.load()) {
        ::unlink(temp->c_str());
        return systemError("cannot rename a temporary file to", path, EIO);
    }
    if (::rename(temp->c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp->c_str());
        return systemError("cannot rename a temporary file to", path, error);
    }
    // The rename is only durable once the directory entry is: without this a
    // crash could bring the old file back after we reported success.
    return fsyncDirectory(dir);
}

Status fsyncDirectory(const std::string &dir)
{
    FileDescriptor fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        return systemError("cannot open directory", dir, errno);
    if (::fsync(fd.get()) != 0)
        return systemError("cannot fsync directory", dir, errno);
    return Ok{};
}

Status syncFilesystem(const std::string &path)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return systemError("cannot open", path, errno);
    // Since Linux 5.8 syncfs reports write-back errors of any file on the
    // filesystem since this descriptor was opened... and earlier ones it has
    // not reported yet to this file (errseq).
    if (::syncfs(fd.get()) != 0)
        return systemError("cannot sync the filesystem of", path, errno);
    return Ok{};
}

Status makeDirectories(const std::string &path, mode_t mode)
{
    if (path.empty())
        return Error{"cannot create a directory with an empty name"};
    // Almost always there already: one stat instead of a mkdir per component.
    if (struct stat info {}; ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
        return Ok{};
    std::size_t end = 0;
    while (end != std::string::npos) {
        end = path.find('/', end + 1);
        const std::string prefix = path.substr(0, end);
        if (prefix.empty() || prefix.back() == '/')
            continue;
        if (::mkdir(prefix.c_str(), mode) == 0) {
            // As the umask may have taken bits away.
            if (::chmod(prefix.c_str(), mode) != 0)
                return systemError("cannot set the mode of", prefix, errno);
            // A new directory is an entry in its parent: make it durable, or
            // files fsync'd inside it could vanish with it after a crash.
            if (Status status = fsyncDirectory(parentDirectory(prefix)); !status)
                return status;
            continue;
        }
        const int error = errno;
        struct stat info {};
        if (error == EEXIST && ::stat(prefix.c_str(), &info) == 0 && S_ISDIR(info.st_mode))
            continue;
        return systemError("cannot create directory", prefix, error == EEXIST ? ENOTDIR : error);
    }
    return Ok{};
}

Result<std::vector<std::string>> listDirectory(const std::string &dir)
{
    DIR *stream = ::opendir(dir.c_str());
    if (!stream)
        return Error{"cannot open directory " + dir + ": " + std::strerror(errno)};
    std::vector<std::string> names;
    while (const dirent *entry = ::readdir(stream)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(name);
    }
    ::closedir(stream);
    std::sort(names.begin(), names.end());
    return names;
}

std::vector<std::string> listNames(const std::string &dir, std::string_view suffix)
{
    std::vector<std::string> names;
    Result<std::vector<std::string>> entries = listDirectory(dir);
    if (!entries)
        return names;
    for (const std::string &name : *entries) {
        if (name.front() == '.' || name.size() <= suffix.size() ||
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
            continue;
        names.push_back(name.substr(0, name.size() - suffix.size()));
    }
    return names;
}

Result<std::string> readFile(const std::string &path, std::size_t maxSize)
{
    FileDescriptor fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return systemError("cannot open", path, errno);
    std::string data;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return systemError("cannot read", path, errno);
        }
        if (n == 0)
            return data;
        if (data.size() + static_cast<std::size_t>(n) > maxSize)
            return Error{"cannot read " + path + ": larger than " + std::to_string(maxSize) + " bytes"};
        data.append(buffer, static_cast<std::size_t>(n));
    }
}

void setWriteFaultForTesting(const WriteFaultForTesting &fault)
{
    g_failAfterBytes.store(fault.failAfterBytes);
    g_failBeforeRename.store(fault.failBeforeRename);
}

void clearWriteFaultForTesting()
{
    setWriteFaultForTesting(WriteFaultForTesting{});
}

} // namespace postwr::daemon
