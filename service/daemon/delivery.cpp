#include "daemon/delivery.h"

#include "daemon/log.h"
#include "daemon/maildir.h"
#include "daemon/outbound_connection.h"
#include "mail/dkim_signer.h"
#include "mail/dsn.h"
#include "mail/mx.h"
#include "mail/retry.h"
#include "mail/srs.h"
#include "mail/text.h"

#include <sys/random.h>

#include <algorithm>
#include <optional>
#include <ctime>

namespace postwr::daemon {

using asio::awaitable;
using asio::use_awaitable;
using mail::RecipientState;

namespace {

std::int64_t now()
{
    return static_cast<std::int64_t>(std::time(nullptr));
}

std::pair<std::string, std::string> splitAddress(const std::string &address)
{
    const std::size_t at = address.rfind('@');
    if (at == std::string::npos)
        return {address, {}};
    return {address.substr(0, at), mail::toLowerAscii(address.substr(at + 1))};
}

mail::RetryPolicy retryPolicy(const mail::Config &config)
{
    mail::RetryPolicy policy;
    policy.initial = config.delivery.retryInitial;
    policy.maximum = config.delivery.retryMax;
    policy.maxQueueTime = config.delivery.maxQueueTime;
    policy.delayWarning = config.delivery.delayWarning;
    return policy;
}

bool hasEightBit(std::string_view message)
{
    return std::any_of(message.begin(), message.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Runs blocking work (files, DNS) on the pool and resumes here with its result.
// (co_spawn wants a default-constructible result, which Result<T> is not.)
template <typename F>
auto onPool(asio::thread_pool &pool, F function) -> awaitable<decltype(function())>
{
    using T = decltype(function());
    awaitable<std::optional<T>> task = asio::co_spawn(
        pool, [function = std::move(function)]() mutable -> awaitable<std::optional<T>> { co_return function(); },
        use_awaitable);
    std::optional<T> result = co_await std::move(task);
    co_return std::move(*result);
}

// "550 5.1.1 text" → (550, "5.1.1"); (0, "") for local errors such as
// "cannot connect to ...", which are kept as text.
std::pair<int, std::string> replyCodes(const std::string &reply)
{
    const auto digit = [&](std::size_t i) { return i < reply.size() && reply[i] >= '0' && reply[i] <= '9'; };
    if (!(digit(0) && digit(1) && digit(2) && (reply.size() == 3 || reply[3] == ' ')))
        return {0, {}};
    const int code = std::stoi(reply.substr(0, 3));
    const std::size_t end = reply.find(' ', 4);
    const std::string enhanced = reply.size() > 4 ? reply.substr(4, end == std::string::npos ? end : end - 4) : "";
    const bool looksEnhanced = enhanced.size() >= 5 && enhanced[0] == reply[0] && enhanced[1] == '.';
    return {code, looksEnhanced ? enhanced : std::string{}};
}

std::uint32_t randomSeed()
{
    std::uint32_t seed = 0;
    if (::getrandom(&seed, sizeof seed, 0) != static_cast<ssize_t>(sizeof seed))
        seed = static_cast<std::uint32_t>(std::time(nullptr));
    return seed;
}

} // namespace

struct Delivery::Attempt {
    std::string id;
    mail::QueueFile queued;
    mail::DeliveryState state;
    std::shared_ptr<const Runtime> runtime;
    std::int64_t startedAt = 0;
    bool fresh = false;

    const mail::Envelope &envelope() const { return queued.envelope; }
    const mail::Config &config() const { return runtime->config(); }
};

Delivery::Delivery(Spool &spool, RuntimeHolder &runtime, asio::io_context &io, asio::thread_pool &blocking,
                   Resolver &resolver, DomainInfoStore &domainInfo, MtaStsCache &mtaSts)
    : m_spool(spool), m_runtime(runtime), m_io(io), m_blocking(blocking), m_resolver(resolver),
      m_domainInfo(domainInfo), m_mtaSts(mtaSts)
{
}

void Delivery::start()
{
    // A previous run may have delivered any of these before it stopped.
    for (const std::string &id : m_spool.list())
        launch(id, false);
}

void Delivery::schedule(const std::string &queueId)
{
    launch(queueId, true);
}

void Delivery::launch(const std::string &queueId, bool fresh)
{
    {
        const std::lock_guard lock(m_mutex);
        // Already being worked on: its coroutine picks up from the spool.
        if (!m_active.insert(queueId).second)
            return;
    }
    asio::co_spawn(asio::make_strand(m_io), work(queueId, fresh), [this, queueId](std::exception_ptr error) {
        if (error) {
            try {
                std::rethrow_exception(error);
            } catch (const std::exception &e) {
                log::error("delivery_failed", {{"id", queueId}, {"error", e.what()}});
            }
        }
        const std::lock_guard lock(m_mutex);
        m_active.erase(queueId);
    });
}

void Delivery::flush()
{
    const std::lock_guard lock(m_mutex);
    for (auto &[id, timer] : m_waiting)
        asio::post(timer->get_executor(), [timer] { timer->cancel(); });
}

awaitable<void> Delivery::work(std::string queueId, bool fresh)
{
    auto executor = co_await asio::this_coro::executor;
    for (;;) {
        if (co_await attempt(queueId, fresh))
            co_return;
        fresh = false;
        const mail::Result<std::string> text = m_spool.loadState(queueId);
        mail::Result<mail::DeliveryState> state =
            text ? mail::parseDeliveryState(*text) : mail::Result<mail::DeliveryState>(text.error());
        const std::int64_t wait = state ? std::max<std::int64_t>(0, state->nextAttemptAt - now()) : 60;
        auto timer = std::make_shared<asio::steady_timer>(executor, std::chrono::seconds(wait));
        {
            const std::lock_guard lock(m_mutex);
            m_waiting[queueId] = timer;
        }
        asio::error_code ec;
        co_await timer->async_wait(asio::redirect_error(use_awaitable, ec));
        const std::lock_guard lock(m_mutex);
        m_waiting.erase(queueId);
    }
}

// What one trip to the pool finds in the spool, and the outcome of every
// Maildir delivery it could then make: a message for local recipients only
// takes this one trip (and the flushes each delivery waits for).
struct Delivery::Prepared {
    bool dropped = false;
    std::optional<mail::Error> corrupt;
    std::optional<mail::Error> stateUnreadable;
    std::vector<std::pair<std::string, mail::Status>> local;
};

Delivery::Prepared Delivery::prepare(Attempt &attempt) const
{
    Prepared prepared;
    if (!m_spool.contains(attempt.id)) {
        prepared.dropped = true; // by `postwrd queue drop`
        return prepared;
    }
    mail::Result<mail::QueueFile> queued = m_spool.load(attempt.id);
    if (!queued) {
        prepared.corrupt = queued.error();
        return prepared;
    }
    attempt.queued = std::move(queued).value();
    if (mail::Result<std::string> text = m_spool.loadState(attempt.id); text && !text->empty()) {
        mail::Result<mail::DeliveryState> state = mail::parseDeliveryState(*text);
        if (state)
            attempt.state = std::move(state).value();
        else
            prepared.stateUnreadable = state.error();
    }
    for (const std::string &recipient : attempt.envelope().recipients)
        attempt.state.recipients.try_emplace(recipient);

    const std::string &root = attempt.config().maildir;
    for (auto &[recipient, state] : attempt.state.recipients) {
        if (state.status != RecipientState::Status::Pending)
            continue;
        const auto [localPart, domain] = splitAddress(recipient);
        if (!attempt.runtime->directory()->isLocalDomain(domain))
            continue;
        const EarlierAttempt earlier =
            attempt.fresh && state.attempts == 0 ? EarlierAttempt::None : EarlierAttempt::Possible;
        prepared.local.emplace_back(recipient, deliverToMaildir(root, domain, localPart, attempt.id, recipient,
                                                                attempt.envelope().from, attempt.queued.message,
                                                                earlier));
    }
    return prepared;
}

awaitable<bool> Delivery::attempt(const std::string &queueId, bool fresh)
{
    Attempt attempt;
    attempt.id = queueId;
    attempt.runtime = m_runtime.get();
    attempt.startedAt = now();
    attempt.fresh = fresh;
    Prepared prepared = co_await onPool(m_blocking, [this, &attempt] { return prepare(attempt); });
    if (prepared.dropped)
        co_return true;
    if (prepared.corrupt) {
        log::error("corrupt", {{"id", queueId}, {"error", prepared.corrupt->message}});
        if (mail::Status status = m_spool.quarantine(queueId, prepared.corrupt->message); !status)
            log::error("quarantine_failed", {{"id", queueId}, {"error", status.error().message}});
        co_return true;
    }
    if (prepared.stateUnreadable)
        log::error("state_unreadable", {{"id", queueId}, {"error", prepared.stateUnreadable->message}});
    for (const auto &[recipient, status] : prepared.local) {
        RecipientState &state = attempt.state.recipients[recipient];
        ++state.attempts;
        if (status) {
            state.status = RecipientState::Status::Delivered;
            log::info("delivered", {{"id", queueId}, {"rcpt", recipient}, {"mailbox", "maildir"}});
        } else {
            state.lastReply = status.error().message;
            log::error("delivery_failed", {{"id", queueId}, {"rcpt", recipient}, {"error", status.error().message}});
        }
    }

    // Then one connection per remote domain.
    std::map<std::string, std::vector<std::string>> remote;
    for (const auto &[recipient, status] : attempt.state.recipients) {
        if (status.status != RecipientState::Status::Pending)
            continue;
        const std::string domain = splitAddress(recipient).second;
        if (!attempt.runtime->directory()->isLocalDomain(domain))
            remote[domain].push_back(recipient);
    }
    for (const auto &[domain, recipients] : remote)
        co_await deliverRemote(attempt, domain, recipients);
    ++attempt.state.attempts;

    const mail::RetryPolicy policy = retryPolicy(attempt.config());
    const bool pending =
        std::any_of(attempt.state.recipients.begin(), attempt.state.recipients.end(),
                    [](const auto &entry) { return entry.second.status == RecipientState::Status::Pending; });
    if (pending && mail::expired(policy, attempt.envelope().receivedAt, now())) {
        for (auto &[recipient, status] : attempt.state.recipients) {
            if (status.status == RecipientState::Status::Pending) {
                status.status = RecipientState::Status::Failed;
                status.lastReply = "gave up after " + std::to_string(policy.maxQueueTime.count() / 3600) +
                                   " hours; last error: " + status.lastReply;
                log::info("bounced", {{"id", queueId}, {"rcpt", recipient}, {"reason", status.lastReply}});
            }
        }
    } else if (pending) {
        if (mail::delayWarningDue(policy, attempt.envelope().receivedAt, now(), attempt.state.delayWarningSent))
            co_await sendDelayWarning(attempt);
        const std::chrono::seconds delay = mail::retryDelay(policy, attempt.state.attempts);
        attempt.state.nextAttemptAt = now() + delay.count();
        const std::string progress = mail::serializeDeliveryState(attempt.state);
        if (mail::Status status = co_await onPool(m_blocking, [&] { return m_spool.saveState(queueId, progress); });
            !status)
            log::error("state_unwritable", {{"id", queueId}, {"error", status.error().message}});
        // Logged once saved, so `postwrd queue list` already shows this attempt.
        for (const auto &[recipient, status] : attempt.state.recipients) {
            if (status.status == RecipientState::Status::Pending)
                log::info("deferred", {{"id", queueId},
                                       {"rcpt", recipient},
                                       {"next_attempt_in", std::to_string(delay.count())},
                                       {"reason", status.lastReply}});
        }
        co_return false;
    }
    co_await finishWithBounces(attempt);
    if (mail::Status status = m_spool.removeDelivered(queueId); !status)
        log::error("dequeue_failed", {{"id", queueId}, {"error", status.error().message}});
    co_return true;
}

std::string Delivery::envelopeSender(const Attempt &attempt) const
{
    const mail::Envelope &envelope = attempt.envelope();
    if (envelope.from.empty() || !envelope.authenticatedUser.empty())
        return envelope.from;
    const std::string domain = splitAddress(envelope.from).second;
    if (attempt.runtime->directory()->isLocalDomain(domain) || !attempt.runtime->srs)
        return envelope.from;
    // Mail from another domain that an alias forwards: the receiver checks
    // SPF against the envelope sender's domain, which never lists us.
    return attempt.runtime->srs->forward(envelope.from, static_cast<std::time_t>(now()));
}

awaitable<void> Delivery::deliverRemote(Attempt &attempt, const std::string &domain,
                                        const std::vector<std::string> &recipients)
{
    const mail::Config &config = attempt.config();
    auto setAll = [&](RecipientState::Status status, const std::string &reply, const std::string &host) {
        for (const std::string &recipient : recipients) {
            RecipientState &state = attempt.state.recipients[recipient];
            ++state.attempts;
            state.status = status;
            state.lastReply = reply;
            state.lastHost = host;
            if (status == RecipientState::Status::Failed)
                log::info("bounced", {{"id", attempt.id}, {"rcpt", recipient}, {"reason", reply}});
        }
    };

    Resolver &resolver = m_resolver;
    const DnsResult<std::vector<mail::MxRecord>> mx =
        co_await onPool(m_blocking, [&resolver, &domain] { return resolver.mx(domain); });
    std::vector<std::string> hosts;
    if (mx.status == DnsStatus::TemporaryFailure) {
        setAll(RecipientState::Status::Pending, "DNS lookup of the MX of " + domain + " failed: " + mx.message, "");
        co_return;
    }
    if (mx.status == DnsStatus::NoSuchDomain) {
        setAll(RecipientState::Status::Failed, "550 5.1.2 the domain " + domain + " does not exist", "");
        co_return;
    }
    mail::Result<std::vector<std::string>> ordered =
        mail::orderMxHosts(mx.status == DnsStatus::Ok ? mx.records : std::vector<mail::MxRecord>{}, domain, randomSeed());
    if (!ordered) {
        setAll(RecipientState::Status::Failed, "556 5.1.10 " + ordered.error().message, "");
        co_return;
    }

    // RFC 8461 §5: with an "enforce" policy, only the MX hosts it names, only
    // over TLS with a valid certificate; otherwise the mail waits.
    std::optional<mail::MtaStsPolicy> sts;
    if (config.delivery.mtaSts) {
        MtaStsCache &cache = m_mtaSts;
        sts = co_await onPool(m_blocking, [&cache, &domain] { return cache.policyFor(domain, now()); });
    }
    const bool enforce = sts && sts->mode == mail::MtaStsMode::Enforce;
    TlsContext verifying;
    if (sts) {
        std::vector<std::string> allowed;
        for (const std::string &host : *ordered) {
            if (mail::mxMatches(*sts, host))
                allowed.push_back(host);
            else
                log::warning("mta_sts_mismatch", {{"id", attempt.id}, {"domain", domain}, {"mx", host},
                                                  {"mode", std::string(mail::modeName(sts->mode))}});
        }
        if (enforce) {
            if (allowed.empty()) {
                setAll(RecipientState::Status::Pending,
                       "no MX host of " + domain + " is allowed by its MTA-STS policy", "");
                co_return;
            }
            mail::Result<TlsContext> context = makeVerifyingClientContext(config.delivery.tlsCaFile);
            if (!context) {
                setAll(RecipientState::Status::Pending, context.error().message, "");
                co_return;
            }
            verifying = *context;
            ordered = std::move(allowed);
        }
    }
    const bool tlsRequired = enforce || m_domainInfo.outgoing(domain) == mail::Security::Tls;
    mail::ClientSettings settings;
    settings.heloName = config.hostname;
    settings.tls = tlsRequired ? mail::TlsPolicy::Required : mail::TlsPolicy::Opportunistic;
    mail::Transaction transaction;
    transaction.mailFrom = envelopeSender(attempt);
    transaction.recipients = recipients;
    transaction.message = attempt.queued.message;
    transaction.smtputf8 = attempt.envelope().smtputf8;
    transaction.eightBit = hasEightBit(transaction.message);

    std::string lastFailure = "no MX host of " + domain + " could be reached";
    std::string lastHost;
    for (const std::string &host : *ordered) {
        std::vector<std::string> addresses;
        for (bool v6 : {config.delivery.ipv6First, !config.delivery.ipv6First}) {
            const DnsResult<std::vector<std::string>> found = co_await onPool(
                m_blocking, [&resolver, &host, v6] { return v6 ? resolver.ipv6(host) : resolver.ipv4(host); });
            if (found.status == DnsStatus::Ok)
                addresses.insert(addresses.end(), found.records.begin(), found.records.end());
        }
        if (addresses.empty())
            lastFailure = "the MX host " + host + " has no address";
        for (const std::string &text : addresses) {
            asio::error_code ec;
            const asio::ip::address address = asio::ip::make_address(text, ec);
            if (ec)
                continue;
            // A hostile or broken DNS must not make us talk to ourselves.
            if (address.is_loopback() && !config.delivery.allowLoopback) {
                lastFailure = "the MX host " + host + " resolves to a loopback address";
                continue;
            }
            OutboundTarget target{host,
                                  address,
                                  config.delivery.remotePort,
                                  address.is_v6() ? config.delivery.sourceIpv6 : config.delivery.sourceIpv4,
                                  std::chrono::seconds(300),
                                  verifying};
            OutboundResult result = co_await sendOverSmtp(target, settings, transaction);
            lastHost = host;
            if (!result.connected) {
                lastFailure = "cannot connect to " + host + " [" + text + "]: " + result.connectError;
                log::info("attempt", {{"id", attempt.id}, {"mx", host}, {"ip", text}, {"result", lastFailure}});
                continue;
            }
            const mail::SmtpClient::Outcome &outcome = result.outcome;
            for (const auto &[recipient, reply] : outcome.recipients) {
                log::info("attempt", {{"id", attempt.id},
                                      {"rcpt", recipient},
                                      {"mx", host},
                                      {"ip", text},
                                      {"tls", result.tls},
                                      {"result", reply.toString()}});
            }
            // RFC 5321 §5.1: a server that is not answering properly (a
            // temporary failure before the transaction started) means the
            // next MX should be tried.
            using Stage = mail::SmtpClient::Outcome::Stage;
            const bool beforeTransaction = !outcome.ok && (outcome.failedAt == Stage::Greeting ||
                                                          outcome.failedAt == Stage::Ehlo || outcome.failedAt == Stage::StartTls);
            if (beforeTransaction && !outcome.reply.permanent()) {
                lastFailure = host + " [" + text + "]: " + (outcome.error.empty() ? outcome.reply.toString() : outcome.error);
                continue;
            }
            m_domainInfo.record(domain, result.tls == "plaintext" ? mail::Security::Plaintext : mail::Security::Tls);
            for (const auto &[recipient, reply] : outcome.recipients) {
                RecipientState &state = attempt.state.recipients[recipient];
                ++state.attempts;
                state.lastHost = host;
                state.lastReply = reply.toString();
                if (reply.positive()) {
                    state.status = RecipientState::Status::Delivered;
                    log::info("delivered", {{"id", attempt.id}, {"rcpt", recipient}, {"mx", host}, {"ip", text},
                                            {"tls", result.tls}, {"result", state.lastReply}});
                } else if (reply.permanent()) {
                    state.status = RecipientState::Status::Failed;
                    log::info("bounced", {{"id", attempt.id}, {"rcpt", recipient}, {"reason", state.lastReply}});
                }
            }
            co_return;
        }
    }
    if (tlsRequired && lastFailure.find("TLS") != std::string::npos)
        log::warning("downgrade_refused", {{"id", attempt.id}, {"domain", domain}});
    setAll(RecipientState::Status::Pending, lastFailure, lastHost);
}

awaitable<void> Delivery::enqueueNotification(Attempt &attempt, bool delayWarning)
{
    const mail::Envelope &envelope = attempt.envelope();
    mail::DsnInput input;
    input.reportingMta = attempt.config().hostname;
    input.queueId = attempt.id;
    input.sender = envelope.from;
    input.arrivalDate = envelope.receivedAt;
    input.originalMessage = attempt.queued.message;
    input.delayWarning = delayWarning;
    input.now = now();
    const std::string noticeId = m_spool.newId();
    input.boundarySeed = noticeId;
    if (delayWarning)
        input.retryUntil = envelope.receivedAt + attempt.config().delivery.maxQueueTime.count();
    const auto wanted = delayWarning ? RecipientState::Status::Pending : RecipientState::Status::Failed;
    for (const auto &[recipient, state] : attempt.state.recipients) {
        if (state.status != wanted)
            continue;
        mail::FailedRecipient failed;
        failed.recipient = recipient;
        failed.action = delayWarning ? "delayed" : "failed";
        const auto [code, enhanced] = replyCodes(state.lastReply);
        failed.status = !enhanced.empty() ? enhanced : delayWarning ? "4.4.7" : "5.0.0";
        failed.diagnostic = (code ? "smtp; " : "x-postwr; ") + state.lastReply;
        failed.remoteMta = state.lastHost;
        input.recipients.push_back(std::move(failed));
    }
    // Never bounce a bounce, nor answer an automatic message (RFC 3834 §2).
    if (input.recipients.empty() || envelope.from.empty() || mail::isAutomatedMessage(attempt.queued.message))
        co_return;
    mail::Result<mail::Dsn> dsn = mail::makeDsn(input);
    if (!dsn) {
        log::error("bounce_failed", {{"id", attempt.id}, {"error", dsn.error().message}});
        co_return;
    }
    // Signed like our users' mail: receivers trust bounces with a valid
    // signature of the reporting host's domain more (relaxed DMARC alignment).
    std::string message = std::move(dsn->message);
    const std::string signingDomain = attempt.runtime->directory()->domainOfHost(attempt.config().hostname);
    if (const auto keys = attempt.runtime->configDir.dkimKeys->find(signingDomain);
        keys != attempt.runtime->configDir.dkimKeys->end()) {
        std::string signatures;
        for (const mail::DkimKey &key : keys->second) {
            if (mail::Result<std::string> signature = mail::signMessage(key, message, now()))
                signatures += *signature;
        }
        message = signatures + message;
    }
    mail::Envelope notice;
    notice.id = noticeId;
    notice.from = dsn->from;
    notice.recipients = {dsn->to};
    notice.clientAddress = "127.0.0.1";
    notice.heloName = attempt.config().hostname;
    notice.receivedAt = now();
    if (mail::Status status = co_await onPool(m_blocking, [&] { return m_spool.enqueue(notice, message); }); !status) {
        log::error("bounce_failed", {{"id", attempt.id}, {"error", status.error().message}});
        co_return;
    }
    log::info(delayWarning ? "delay_warning_queued" : "bounce_queued",
              {{"id", notice.id}, {"for", attempt.id}, {"to", dsn->to}});
    schedule(notice.id);
}

awaitable<void> Delivery::sendDelayWarning(Attempt &attempt)
{
    attempt.state.delayWarningSent = true;
    co_await enqueueNotification(attempt, true);
}

awaitable<void> Delivery::finishWithBounces(Attempt &attempt)
{
    if (attempt.state.bounceSent)
        co_return;
    attempt.state.bounceSent = true;
    co_await enqueueNotification(attempt, false);
}

} // namespace postwr::daemon
