#include "daemon/local_delivery.h"

#include "daemon/log.h"
#include "daemon/maildir.h"

namespace postwr::daemon {

LocalDelivery::LocalDelivery(Spool &spool, RuntimeHolder &runtime) : m_spool(spool), m_runtime(runtime) {}

LocalDelivery::~LocalDelivery()
{
    stop();
}

void LocalDelivery::start()
{
    for (std::string &id : m_spool.list())
        m_pending.push_back(std::move(id));
    m_thread = std::thread([this] { work(); });
}

void LocalDelivery::schedule(std::string queueId)
{
    {
        const std::lock_guard lock(m_mutex);
        m_pending.push_back(std::move(queueId));
    }
    m_wake.notify_one();
}

void LocalDelivery::stop()
{
    {
        const std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable())
        m_thread.join();
}

void LocalDelivery::work()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_pending.empty()) {
            const bool woken = m_wake.wait_for(lock, retryInterval, [this] { return m_stopping || !m_pending.empty(); });
            if (!woken) {
                m_pending.insert(m_pending.end(), m_retry.begin(), m_retry.end());
                m_retry.clear();
            }
            continue;
        }
        const std::string id = std::move(m_pending.front());
        m_pending.pop_front();
        lock.unlock();
        const bool finished = deliver(id);
        lock.lock();
        if (!finished)
            m_retry.push_back(id);
    }
}

bool LocalDelivery::deliver(const std::string &queueId)
{
    Result<QueueFile> queued = m_spool.load(queueId);
    if (!queued) {
        log::error("corrupt", {{"id", queueId}, {"error", queued.error().message}});
        if (Status status = m_spool.quarantine(queueId, queued.error().message); !status)
            log::error("quarantine_failed", {{"id", queueId}, {"error", status.error().message}});
        return true;
    }
    const std::shared_ptr<const Runtime> runtime = m_runtime.get();
    const mail::Envelope &envelope = queued->envelope;
    std::size_t remaining = 0;
    bool failed = false;
    for (const std::string &recipient : envelope.recipients) {
        const std::size_t at = recipient.rfind('@');
        const std::string localPart = recipient.substr(0, at);
        const std::string domain = at == std::string::npos ? std::string{} : recipient.substr(at + 1);
        if (!runtime->directory()->isLocalDomain(domain)) {
            ++remaining;
            log::info("deferred", {{"id", queueId}, {"rcpt", recipient}, {"reason", "waiting for outbound delivery"}});
            continue;
        }
        Status status = deliverToMaildir(runtime->config().maildir, domain, localPart, queueId, recipient,
                                         envelope.from, queued->message);
        if (status) {
            log::info("delivered", {{"id", queueId}, {"rcpt", recipient}, {"mailbox", "maildir"}});
        } else {
            failed = true;
            ++remaining;
            log::error("delivery_failed", {{"id", queueId}, {"rcpt", recipient}, {"error", status.error().message}});
        }
    }
    if (remaining == 0) {
        if (Status status = m_spool.remove(queueId); !status)
            log::error("dequeue_failed", {{"id", queueId}, {"error", status.error().message}});
    }
    return !failed;
}

} // namespace postwr::daemon
