// The durable queue: one queue file (mail/queue_file.h) per accepted message.
//
//   DIR/tmp/      files being written; anything here at start-up is a crash
//                 leftover and is removed
//   DIR/queue/ID  messages waiting for delivery
//   DIR/corrupt/  queue files that failed to parse, ID and ID.reason, kept
//                 for an operator instead of being lost or retried forever
//
// One postwrd owns a spool directory at a time.
#pragma once

#include <sys/types.h>

#include "mail/queue_file.h"
#include "mail/result.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::daemon {

using mail::Envelope;
using mail::QueueFile;
using mail::Result;
using mail::Status;

// SPOOL/postwrd.pid: the running daemon's process id, written when it starts.
std::string daemonPidFile(const std::string &spoolDirectory);
// Sends `signal` to the postwrd whose pid the spool holds; its pid, or why
// not ("SPOOL/postwrd.pid: No such file or directory", "pid 123: …").
Result<pid_t> signalDaemon(const std::string &spoolDirectory, int signal);

class Spool {
public:
    // Creates the directories (0700), checks that they are writable and
    // clears tmp/. postwrd refuses to start on an error.
    static Result<Spool> open(const std::string &dir);
    // For the `postwrd queue` commands, beside a running daemon: creates
    // nothing and leaves tmp/ alone (it may hold messages being received).
    static Result<Spool> attach(const std::string &dir);

    Spool(Spool &&) noexcept;
    Spool &operator=(Spool &&) noexcept;
    ~Spool();

    // A fresh queue id; thread-safe.
    std::string newId();

    // Durable when it returns Ok, so the SMTP server answers 250 only then.
    // Thread-safe; concurrent calls share one flush (group commit).
    Status enqueue(const Envelope &envelope, std::string_view message);

    // Queued ids, oldest first.
    std::vector<std::string> list() const;

    // An Error for a missing, truncated or corrupt file; quarantine() it.
    Result<QueueFile> load(const std::string &id) const;

    // `postwrd queue drop`: gone for good when it returns Ok.
    Status remove(const std::string &id);
    // Once every recipient is done, by the delivery: without a flush of its
    // own, the removal rides on the next group commit of the filesystem (or
    // the kernel's write-back, within seconds). A power loss before that
    // brings the message back, to be delivered again: a Maildir delivery
    // finds its earlier copy (daemon/maildir.h); a remote server may get it
    // twice, as it may anyway if the loss comes between its 250 and the
    // removal.
    Status removeDelivered(const std::string &id);

    // Moves a queue file that cannot be loaded to corrupt/, with the reason
    // next to it.
    Status quarantine(const std::string &id, std::string_view reason);

    // Delivery progress (mail/delivery_state.h), kept in state/<id> and
    // replaced atomically after each attempt; "" when there is none yet.
    Status saveState(const std::string &id, std::string_view state);
    Result<std::string> loadState(const std::string &id) const;
    // Whether the message is still queued (`postwrd queue drop` removes it
    // behind the daemon's back).
    bool contains(const std::string &id) const;

    const std::string &directory() const;

    // How many times the spool's filesystem was flushed to disk: fewer than
    // the enqueues when group commit shares them (daemon/group_commit.h).
    std::uint64_t filesystemFlushes() const;

private:
    struct State;
    explicit Spool(std::unique_ptr<State> state);
    std::string queuePath(const std::string &id) const;
    std::string statePath(const std::string &id) const;

    std::unique_ptr<State> m_state;
};

} // namespace postwr::daemon
