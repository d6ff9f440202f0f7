#include "daemon/spool.h"

#include "daemon/group_commit.h"
#include "daemon/safeio.h"
#include "mail/text.h"

#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/random.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <mutex>
#include <optional>

namespace postwr::daemon {

using mail::Error;
using mail::Ok;

struct Spool::State {
    explicit State(const std::string &root)
        : dir(root), tmpDir(root + "/tmp"), queueDir(root + "/queue"), corruptDir(root + "/corrupt"),
          stateDir(root + "/state")
    {
    }

    std::string dir;
    std::string tmpDir;
    std::string queueDir;
    std::string corruptDir;
    std::string stateDir;
    std::atomic<std::uint64_t> idCounter{0};

};

namespace {

Error systemError(const std::string &what, const std::string &path, int error)
{
    return Error{what + " " + path + ": " + std::strerror(error), 0, 0, error};
}

// Creating and removing a file proves more than permission bits: read-only
// mounts, immutable directories and security modules are caught too.
Status checkWritable(const std::string &dir)
{
    const std::string probe = dir + "/.postwr-write-probe";
    const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return Error{"spool directory " + dir + " is not writable: " + std::strerror(errno)};
    ::close(fd);
    if (::unlink(probe.c_str()) != 0)
        return Error{"spool directory " + dir + " is not writable: " + std::strerror(errno)};
    return Ok{};
}

std::int64_t nowMicros()
{
    timespec now{};
    ::clock_gettime(CLOCK_REALTIME, &now);
    return std::int64_t{now.tv_sec} * 1000000 + now.tv_nsec / 1000;
}

} // namespace

Spool::Spool(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Spool::Spool(Spool &&) noexcept = default;
Spool &Spool::operator=(Spool &&) noexcept = default;
Spool::~Spool() = default;

Result<Spool> Spool::open(const std::string &dir)
{
    auto state = std::make_unique<State>(dir);

    if (Status status = makeDirectories(dir); !status)
        return status.error();
    if (Status status = checkWritable(dir); !status)
        return status.error();
    for (const std::string *sub : {&state->tmpDir, &state->queueDir, &state->corruptDir, &state->stateDir}) {
        if (Status status = makeDirectories(*sub); !status)
            return status.error();
        if (Status status = checkWritable(*sub); !status)
            return status.error();
    }

    // Whatever is in tmp/ was being written when a previous postwrd stopped,
    // so it was never acknowledged with a 250 (or is a leftover link of a
    // file already in queue/): it is safe to drop.
    auto leftovers = listDirectory(state->tmpDir);
    if (!leftovers)
        return leftovers.error();
    for (const std::string &name : *leftovers) {
        const std::string path = state->tmpDir + "/" + name;
        if (::unlink(path.c_str()) != 0)
            return systemError("cannot remove leftover temporary file", path, errno);
    }
    if (Status watched = watchWrites(state->queueDir); !watched)
        return watched.error();
    return Spool(std::move(state));
}

Result<Spool> Spool::attach(const std::string &dir)
{
    auto state = std::make_unique<State>(dir);
    if (::access(state->queueDir.c_str(), F_OK) != 0)
        return systemError("no spool at", dir, errno);
    return Spool(std::move(state));
}

std::string Spool::newId()
{
    // Time and the counter alone keep ids unique within this process; the
    // random part keeps them apart from an earlier run if the clock stepped
    // back, so a failed getrandom() only weakens that.
    std::uint32_t random = 0;
    if (::getrandom(&random, sizeof random, 0) != static_cast<ssize_t>(sizeof random))
        random = 0;
    return mail::newQueueId(nowMicros(), m_state->idCounter.fetch_add(1), random);
}

Status Spool::enqueue(const Envelope &envelope, std::string_view message)
{
    if (!mail::isValidQueueId(envelope.id))
        return Error{"bad queue id \"" + envelope.id + "\""};
    const std::string target = queuePath(envelope.id);

    // No fsync of its own: commitWrites() below makes it durable together
    // with the other messages arriving meanwhile (group commit).
    auto temp = writeTempFileUnsynced(m_state->tmpDir, envelope.id, mail::serializeQueueFile(envelope, message));
    if (!temp)
        return temp.error();
    // link() rather than rename(): it never replaces an existing queue file,
    // whatever id the caller passed.
    if (::link(temp->c_str(), target.c_str()) != 0) {
        const int error = errno;
        ::unlink(temp->c_str());
        return systemError("cannot move a message into the queue as", target, error);
    }
    // If the unlink is lost in a crash, open() clears tmp/.
    ::unlink(temp->c_str());

    // A crash before this returns may leave the file, whole or cut short: a
    // whole one was not acknowledged, and is delivered (sent twice rather
    // than lost); a cut one fails to load and goes to corrupt/.
    Status synced = commitWrites(m_state->queueDir);
    if (!synced) {
        // The client gets a 4xx and will send again; a copy left here could
        // be delivered twice.
        ::unlink(target.c_str());
    }
    return synced;
}

std::vector<std::string> Spool::list() const
{
    auto names = listDirectory(m_state->queueDir);
    if (!names)
        return {};
    std::vector<std::string> ids;
    for (std::string &name : names.value()) {
        if (mail::isValidQueueId(name))
            ids.push_back(std::move(name));
    }
    // Ids sort by the time they were made (mail::newQueueId).
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<QueueFile> Spool::load(const std::string &id) const
{
    if (!mail::isValidQueueId(id))
        return Error{"bad queue id \"" + id + "\""};
    const std::string path = queuePath(id);
    auto data = readFile(path);
    if (!data)
        return data.error();
    auto file = mail::parseQueueFile(*data);
    if (!file)
        return Error{"queue file " + path + ": " + file.error().describe()};
    if (file->envelope.id != id)
        return Error{"queue file " + path + " holds queue id " + file->envelope.id};
    return file;
}

Status Spool::remove(const std::string &id)
{
    if (!mail::isValidQueueId(id))
        return Error{"bad queue id \"" + id + "\""};
    const std::string path = queuePath(id);
    if (::unlink(path.c_str()) != 0)
        return systemError("cannot remove", path, errno);
    // Otherwise a crash could bring the file back and deliver it again.
    if (Status status = commitWrites(m_state->queueDir); !status)
        return status;
    // A state without its queue file is ignored, so this need not be durable.
    ::unlink(statePath(id).c_str());
    return Ok{};
}

Status Spool::removeDelivered(const std::string &id)
{
    if (!mail::isValidQueueId(id))
        return Error{"bad queue id \"" + id + "\""};
    const std::string path = queuePath(id);
    if (::unlink(path.c_str()) != 0)
        return systemError("cannot remove", path, errno);
    ::unlink(statePath(id).c_str());
    return Ok{};
}

std::string Spool::statePath(const std::string &id) const
{
    return m_state->stateDir + "/" + id;
}

Status Spool::saveState(const std::string &id, std::string_view state)
{
    if (!mail::isValidQueueId(id))
        return Error{"bad queue id \"" + id + "\""};
    return writeFileAtomically(statePath(id), state);
}

Result<std::string> Spool::loadState(const std::string &id) const
{
    if (!mail::isValidQueueId(id))
        return Error{"bad queue id \"" + id + "\""};
    const std::string path = statePath(id);
    if (::access(path.c_str(), F_OK) != 0)
        return std::string{};
    return readFile(path);
}

bool Spool::contains(const std::string &id) const
{
    return mail::isValidQueueId(id) && ::access(queuePath(id).c_str(), F_OK) == 0;
}

Status Spool::quarantine(const std::string &id, std::string_view reason)
{
    if (!mail::isValidQueueId(id))
        return Error{"bad queue id \"" + id + "\""};
    const std::string from = queuePath(id);
    const std::string to = m_state->corruptDir + "/" + id;
    const std::string reasonPath = to + ".reason";

    auto reasonTemp = writeTempFile(m_state->tmpDir, id + ".reason", std::string(reason) + "\n");
    if (!reasonTemp)
        return reasonTemp.error();
    if (::rename(reasonTemp->c_str(), reasonPath.c_str()) != 0) {
        const int error = errno;
        ::unlink(reasonTemp->c_str());
        return systemError("cannot write", reasonPath, error);
    }
    if (::rename(from.c_str(), to.c_str()) != 0)
        return systemError("cannot move " + from + " to", to, errno);
    // corrupt/ first, then queue/: after a crash between the two the file may
    // be in both (and is quarantined again), but never in neither.
    if (Status status = fsyncDirectory(m_state->corruptDir); !status)
        return status;
    return fsyncDirectory(m_state->queueDir);
}

const std::string &Spool::directory() const
{
    return m_state->dir;
}

std::uint64_t Spool::filesystemFlushes() const
{
    return groupCommitFlushes(m_state->queueDir);
}

std::string Spool::queuePath(const std::string &id) const
{
    return m_state->queueDir + "/" + id;
}

std::string daemonPidFile(const std::string &spoolDirectory)
{
    return spoolDirectory + "/postwrd.pid";
}

Result<pid_t> signalDaemon(const std::string &spoolDirectory, int signal)
{
    const std::string pidFile = daemonPidFile(spoolDirectory);
    const Result<std::string> text = readFile(pidFile, 64);
    if (!text)
        return mail::Error{pidFile + ": " + text.error().message};
    const std::string pidText(mail::trim(*text));
    const pid_t pid = static_cast<pid_t>(std::atol(pidText.c_str()));
    if (pid <= 1 || ::kill(pid, signal) != 0)
        return mail::Error{"pid " + pidText + ": " + (pid <= 1 ? std::string("not a process id") : std::strerror(errno))};
    return pid;
}

} // namespace postwr::daemon
