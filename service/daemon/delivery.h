// Works the queue: delivers each message to local Maildirs and, over SMTP,
// to the MX hosts of other domains; retries temporary failures with
// exponential backoff for days, bounces permanent ones to the sender (RFC
// 3464), warns the sender of long delays, and rewrites the sender of
// forwarded mail with SRS so the receiver's SPF check passes.
//
// Each queued message has one coroutine on a strand of its own that
// attempts it, saves its progress (spool state/<id>) and sleeps until its
// next attempt. Delivery into a Maildir is idempotent (daemon/maildir.h)
// and progress is saved after every attempt, so a restart goes on where the
// last run stopped.
#pragma once

#include "daemon/domain_info_store.h"
#include "daemon/mta_sts_cache.h"
#include "daemon/resolver.h"
#include "daemon/runtime.h"
#include "daemon/spool.h"
#include "mail/delivery_state.h"
#include "mail/queue_file.h"

#include <asio.hpp>

#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace postwr::daemon {

class Delivery {
public:
    Delivery(Spool &spool, RuntimeHolder &runtime, asio::io_context &io, asio::thread_pool &blocking,
             Resolver &resolver, DomainInfoStore &domainInfo, MtaStsCache &mtaSts);

    // Schedules everything already queued.
    void start();
    // A message just queued: attempt it now. Thread-safe.
    void schedule(const std::string &queueId);
    // Every waiting message: attempt it now (postwrd queue flush). Thread-safe.
    void flush();

private:
    struct Attempt;
    struct Prepared;

    // `fresh`: queued by this process just now, so never attempted before.
    void launch(const std::string &queueId, bool fresh);
    asio::awaitable<void> work(std::string queueId, bool fresh);
    asio::awaitable<bool> attempt(const std::string &queueId, bool fresh);
    Prepared prepare(Attempt &attempt) const;
    asio::awaitable<void> deliverRemote(Attempt &attempt, const std::string &domain,
                                        const std::vector<std::string> &recipients);
    asio::awaitable<void> finishWithBounces(Attempt &attempt);
    asio::awaitable<void> sendDelayWarning(Attempt &attempt);
    asio::awaitable<void> enqueueNotification(Attempt &attempt, bool delayWarning);
    std::string envelopeSender(const Attempt &attempt) const;

    Spool &m_spool;
    RuntimeHolder &m_runtime;
    asio::io_context &m_io;
    asio::thread_pool &m_blocking;
    Resolver &m_resolver;
    DomainInfoStore &m_domainInfo;
    MtaStsCache &m_mtaSts;

    std::mutex m_mutex;
    // Messages sleeping until their next attempt, by id, with their timers.
    std::map<std::string, std::shared_ptr<asio::steady_timer>> m_waiting;
    std::set<std::string> m_active;
};

} // namespace postwr::daemon
