#include "daemon/group_commit.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace postwr::daemon {

namespace {

class Filesystem {
public:
    explicit Filesystem(int fd) : m_fd(fd) {}
    ~Filesystem() { ::close(m_fd); }
    Filesystem(const Filesystem &) = delete;
    Filesystem &operator=(const Filesystem &) = delete;

    mail::Status commit(const std::string &path)
    {
        std::unique_lock lock(m_mutex);
        // Everything this caller wrote happened before its ticket was taken.
        const std::uint64_t ticket = ++m_requested;
        for (;;) {
            if (m_error)
                return *m_error;
            if (m_flushed >= ticket)
                return mail::Ok{};
            if (m_flushing) {
                m_done.wait(lock);
                continue;
            }
            m_flushing = true;
            const std::uint64_t covered = m_requested;
            ++m_flushes;
            lock.unlock();
            const bool ok = ::syncfs(m_fd) == 0;
            const int error = errno;
            lock.lock();
            m_flushing = false;
            if (ok) {
                m_flushed = covered;
            } else {
                // With its errno: a flush that failed for lack of space is answered 452.
                m_error = mail::Error{"cannot flush the filesystem of " + path + " to disk: " + std::strerror(error) +
                                      " (postwrd accepts nothing there until it restarts)"};
                m_error->errorNumber = error;
            }
            m_done.notify_all();
        }
    }

    std::uint64_t flushes()
    {
        const std::lock_guard lock(m_mutex);
        return m_flushes;
    }

private:
    const int m_fd;
    std::mutex m_mutex;
    std::condition_variable m_done;
    std::uint64_t m_requested = 0;
    std::uint64_t m_flushed = 0;
    std::uint64_t m_flushes = 0;
    bool m_flushing = false;
    std::optional<mail::Error> m_error;
};

std::mutex registryMutex;
std::map<dev_t, std::unique_ptr<Filesystem>> registry;
// The filesystem of each directory asked about, so that a commit costs no
// stat(2): the spool's and the mailboxes' directories are asked again and
// again.
std::unordered_map<std::string, Filesystem *> byPath;

mail::Result<Filesystem *> filesystemOf(const std::string &path)
{
    const std::lock_guard lock(registryMutex);
    if (const auto known = byPath.find(path); known != byPath.end())
        return known->second;
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return mail::Error{"cannot find " + path + ": " + std::strerror(errno)};
    auto &entry = registry[info.st_dev];
    if (!entry) {
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            registry.erase(info.st_dev);
            return mail::Error{"cannot open " + path + ": " + std::strerror(errno)};
        }
        entry = std::make_unique<Filesystem>(fd);
    }
    byPath.emplace(path, entry.get());
    return entry.get();
}

} // namespace

mail::Status commitWrites(const std::string &path)
{
    auto filesystem = filesystemOf(path);
    if (!filesystem)
        return filesystem.error();
    return (*filesystem)->commit(path);
}

mail::Status watchWrites(const std::string &path)
{
    auto filesystem = filesystemOf(path);
    if (!filesystem)
        return filesystem.error();
    return mail::Ok{};
}

std::uint64_t groupCommitFlushes(const std::string &path)
{
    auto filesystem = filesystemOf(path);
    return filesystem ? (*filesystem)->flushes() : 0;
}

} // namespace postwr::daemon
