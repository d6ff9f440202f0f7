// Delivers queued messages to local users' Maildirs, on a thread of its own.
// A message leaves the spool only when every recipient is done; delivery
// into a Maildir is idempotent (daemon/maildir.h), so after a crash the
// queue is simply worked through again and nobody gets a message twice.
// Recipients on other domains wait in the spool for outbound delivery.
#pragma once

#include "daemon/runtime.h"
#include "daemon/spool.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace postwr::daemon {

class LocalDelivery {
public:
    LocalDelivery(Spool &spool, RuntimeHolder &runtime);
    ~LocalDelivery();

    // Starts the thread and schedules everything already in the spool.
    void start();
    void schedule(std::string queueId);
    // Finishes the message in hand, then stops; the rest stays queued.
    void stop();

private:
    void work();
    // Whether the message is finished with (delivered or set aside).
    bool deliver(const std::string &queueId);

    Spool &m_spool;
    RuntimeHolder &m_runtime;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::string> m_pending;
    std::vector<std::string> m_retry; // failed locally (disk full, permissions): tried again later
    bool m_stopping = false;
    std::thread m_thread;

    static constexpr std::chrono::seconds retryInterval{60};
};

} // namespace postwr::daemon
