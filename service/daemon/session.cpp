#include "daemon/session.h"

#include "daemon/inbound_auth.h"
#include "daemon/log.h"
#include "daemon/tls.h"
#include "mail/address.h"
#include "mail/password_hash.h"
#include "mail/reflector.h"

#include <algorithm>
#include <array>

namespace postwr::daemon {

using asio::awaitable;
using asio::use_awaitable;
using mail::SmtpServer;

namespace {

// The read buffer starts small, as most of a session is short commands (and
// an idle connection should cost little), and grows while reads fill it (a
// message's data).
constexpr std::size_t firstReadSize = 1024;
constexpr std::size_t largestReadSize = 64 * 1024;

bool checkPassword(const mail::Directory &directory, const mail::Credentials &credentials)
{
    mail::Result<mail::Address> address = mail::parseAddress(credentials.username);
    if (!address)
        return false;
    const mail::UserEntry *user = directory.findUser(address->localPart, address->domain);
    if (!user) {
        // Spend the same time as for a real user, so timing does not tell
        // which accounts exist.
        static const std::string dummy = mail::hashPassword("postwrd timing equaliser");
        mail::verifyPassword(credentials.password, dummy);
        return false;
    }
    return mail::verifyPassword(credentials.password, user->passwordHash);
}

// Coroutines for the thread pools. GCC 12 destroys lambda temporaries in a
// co_await expression twice, so these are plain functions taking copies.
awaitable<bool> checkPasswordOn(std::shared_ptr<const mail::Directory> directory, mail::Credentials credentials)
{
    co_return checkPassword(*directory, credentials);
}

// Why the spool could not take the message; nothing once it is durable there.
std::optional<mail::Error> queueIn(Spool &spool, const mail::Envelope &envelope, std::string_view message)
{
    const Status status = spool.enqueue(envelope, message);
    return status ? std::nullopt : std::optional(status.error());
}

awaitable<std::optional<mail::Error>> enqueueOn(Spool &spool, mail::Envelope envelope, std::string message)
{
    co_return queueIn(spool, envelope, message);
}

struct Reflection {
    std::string address; // of our host name, as a receiver would see the message come from
    mail::AuthenticationOutcome outcome;
};

// The reflector's checks (mail/reflector.h): as if the message came from each
// address receivers see it come from: [delivery] source_ipv4/source_ipv6
// when set, else the first IPv4 and first IPv6 address of our host name.
awaitable<std::vector<Reflection>> reflectOn(const Resolver &resolver, std::string hostname,
                                             std::array<std::string, 2> sources, std::string mailFrom,
                                             std::string message, std::int64_t now)
{
    if (sources[0].empty()) {
        const auto ipv4 = resolver.ipv4(hostname);
        if (ipv4.ok() && !ipv4.records.empty())
            sources[0] = ipv4.records.front();
    }
    if (sources[1].empty()) {
        const auto ipv6 = resolver.ipv6(hostname);
        if (ipv6.ok() && !ipv6.records.empty())
            sources[1] = ipv6.records.front();
    }
    std::vector<Reflection> reflections;
    for (const std::string &address : sources) {
        if (!address.empty())
            reflections.push_back({address, authenticateInbound(resolver, {address, hostname, mailFrom, message}, now)});
    }
    co_return reflections;
}

// The key ARC seals with (RFC 8617 allows only rsa-sha256): the newest RSA key
// of the domain forwarding uses for SRS, or else of the first domain with one.
const mail::DkimKey *arcSealingKey(const Runtime &runtime)
{
    const std::shared_ptr<const mail::DkimKeyring> &keyring = runtime.configDir.dkimKeys;
    if (!keyring)
        return nullptr;
    const auto newestRsa = [](const std::vector<mail::DkimKey> &keys) -> const mail::DkimKey * {
        for (auto it = keys.rbegin(); it != keys.rend(); ++it)
            if (it->algorithm == mail::DkimKey::Algorithm::RsaSha256)
                return &*it;
        return nullptr;
    };
    if (runtime.srs) {
        if (const auto it = keyring->find(runtime.srs->domain()); it != keyring->end())
            if (const mail::DkimKey *key = newestRsa(it->second))
                return key;
    }
    for (const auto &[domain, keys] : *keyring)
        if (const mail::DkimKey *key = newestRsa(keys))
            return key;
    return nullptr;
}

} // namespace

// What the checks of a message from the internet found.
struct Inspection {
    mail::AuthenticationOutcome outcome;
    // Set when the sender's domain asks to refuse a message failing DMARC.
    std::optional<mail::DmarcVerdict> refusal;
    std::optional<mail::Error> notSealed;
};

namespace {

// SPF, DKIM, ARC and DMARC; then, unless refused, their results go on top of
// the message, and an ARC seal when it is forwarded.
Inspection inspect(const Runtime &runtime, const Resolver &resolver, const mail::Envelope &envelope,
                   std::string &message)
{
    Inspection inspection;
    const std::int64_t now = envelope.receivedAt;
    inspection.outcome =
        authenticateInbound(resolver, {envelope.clientAddress, envelope.heloName, envelope.from, message}, now);
    if (const mail::DmarcVerdict *refusal = inspection.outcome.refusal()) {
        inspection.refusal = *refusal;
        return inspection;
    }
    const std::string &hostname = runtime.config().hostname;
    const std::string results = mail::authenticationResultsValue(hostname, inspection.outcome);
    message = mail::authenticationResultsField(results) + mail::removeAuthenticationResults(message, hostname);

    const mail::Directory &directory = *runtime.directory();
    const bool forwarded = std::any_of(envelope.recipients.begin(), envelope.recipients.end(), [&](const std::string &rcpt) {
        return !directory.isLocalDomain(rcpt.substr(rcpt.rfind('@') + 1));
    });
    if (const mail::DkimKey *key = forwarded ? arcSealingKey(runtime) : nullptr) {
        mail::Result<std::string> seal = mail::arcSeal(message, *key, results, *inspection.outcome.arc, now);
        if (seal)
            message = *seal + message;
        else
            inspection.notSealed = seal.error();
    }
    return inspection;
}

// What became of a message on its one trip to the disk pool.
struct Handled {
    std::optional<Inspection> inspection;
    // Not queued: refused, or kept back for the reflector (then in `message`).
    bool queued = false;
    std::optional<mail::Error> queueFailure;
    std::string message;
    std::size_t size = 0;
};

// The checks (for mail from the internet) and the queue in one trip to the
// pool, which each cost a wake-up of a thread there and one back.
awaitable<Handled> handleOn(Spool &spool, const Resolver &resolver, std::shared_ptr<const Runtime> runtime,
                            mail::Envelope envelope, std::string message, bool inbound, bool enqueue)
{
    Handled handled;
    if (inbound) {
        handled.inspection = inspect(*runtime, resolver, envelope, message);
        if (handled.inspection->refusal)
            co_return handled;
    }
    handled.size = message.size();
    if (!enqueue) {
        handled.message = std::move(message);
        co_return handled;
    }
    handled.queued = true;
    handled.queueFailure = queueIn(spool, envelope, message);
    co_return handled;
}

std::string describeDkim(const std::vector<mail::DkimVerdict> &verdicts)
{
    if (verdicts.empty())
        return "none";
    std::string text;
    for (const mail::DkimVerdict &verdict : verdicts)
        text += (text.empty() ? "" : ",") + std::string(mail::dkimResultName(verdict.result)) + ":" + verdict.domain;
    return text;
}

std::string describeDmarc(const std::vector<mail::DmarcVerdict> &verdicts)
{
    if (verdicts.empty())
        return "none";
    std::string text;
    for (const mail::DmarcVerdict &verdict : verdicts)
        text += (text.empty() ? "" : ",") + std::string(mail::dmarcResultName(verdict.result)) + ":" +
                verdict.fromDomain;
    return text;
}

} // namespace

Session::Session(SessionServices &services, asio::ip::tcp::socket socket, mail::PortRole role, std::uint64_t number)
    : m_services(services), m_runtime(services.runtime.get()),
      m_socket(std::move(socket)), m_role(role), m_number(number), m_timer(m_socket.get_executor())
{
    asio::error_code ec;
    const auto endpoint = m_socket.remote_endpoint(ec);
    m_client = ec ? "unknown" : endpoint.address().to_string();
    m_clientKey = mail::clientKey(m_client);
    m_admission = services.admission.admit(m_clientKey, m_runtime->config());
    m_sessionEnds = std::chrono::steady_clock::now() + m_runtime->config().sessionTimeout;
}

Session::~Session() = default;

void Session::armDeadline()
{
    m_deadline = std::min(std::chrono::steady_clock::now() + m_runtime->config().commandTimeout, m_sessionEnds);
    m_timer.expires_at(m_deadline);
}

awaitable<void> Session::watchdog()
{
    auto self = shared_from_this();
    while (!m_done) {
        asio::error_code ec;
        co_await m_timer.async_wait(asio::redirect_error(use_awaitable, ec));
        if (m_done)
            break;
        if (const auto now = std::chrono::steady_clock::now(); now >= m_deadline) {
            if (now >= m_sessionEnds) {
                log::info("session_too_long", {{"session", id()}, {"client", m_client}});
                m_server->limitReached("Session too long, closing connection");
            } else {
                log::info("timeout", {{"session", id()}, {"client", m_client}});
                m_server->timedOut();
            }
            m_socket.cancel(ec);
            // The 421 gets one short chance to go out.
            m_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
            m_timer.expires_at(m_deadline);
        }
    }
}

void Session::requestShutdown()
{
    asio::post(m_socket.get_executor(), [self = shared_from_this()] {
        if (self->m_done || !self->m_server)
            return;
        self->m_server->shutdown();
        asio::error_code ec;
        if (self->m_server->closed() && self->m_reading)
            self->m_socket.cancel(ec);
    });
}

awaitable<bool> Session::write(std::string data)
{
    asio::error_code ec;
    if (m_tls)
        co_await asio::async_write(*m_tlsStream, asio::buffer(data), asio::redirect_error(use_awaitable, ec));
    else
        co_await asio::async_write(m_socket, asio::buffer(data), asio::redirect_error(use_awaitable, ec));
    co_return !ec;
}

awaitable<bool> Session::handshake()
{
    asio::error_code ec;
    if (!m_runtime->tls)
        co_return false;
    m_tlsStream.emplace(m_socket, *m_runtime->tls);
    co_await m_tlsStream->async_handshake(asio::ssl::stream_base::server, asio::redirect_error(use_awaitable, ec));
    if (ec) {
        log::info("tls_failed", {{"session", id()}, {"client", m_client}, {"error", ec.message()}});
        co_return false;
    }
    m_tls = true;
    const std::string description = describeTls(m_tlsStream->native_handle());
    log::info("tls", {{"session", id()}, {"client", m_client}, {"tls", description}});
    m_server->tlsStarted(description);
    co_return true;
}

awaitable<bool> Session::authenticate()
{
    const mail::Credentials credentials = m_server->pendingCredentials();
    const mail::LoginLimits &limits = m_runtime->config().loginLimits;
    // fail2ban-friendly: one line per attempt, the client address before
    // anything the client chose.
    if (const std::optional<std::chrono::seconds> wait = m_services.admission.loginRefusal(m_clientKey, limits)) {
        log::warning("auth", {{"session", id()}, {"client", m_client}, {"user", credentials.username}, {"result", "throttled"}});
        const auto minutes = std::chrono::ceil<std::chrono::minutes>(*wait).count();
        m_server->authenticationRefused("Too many failed logins from your address; try again in " +
                                        std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes"));
        co_return false;
    }
    // scrypt is meant to be slow: keep it off the threads that serve sockets.
    awaitable<bool> check =
        asio::co_spawn(m_services.cpu, checkPasswordOn(m_runtime->directory(), credentials), use_awaitable);
    const bool ok = co_await std::move(check);
    if (ok) {
        log::info("auth", {{"session", id()}, {"client", m_client}, {"user", credentials.username}, {"result", "ok"}});
    } else {
        log::warning("auth", {{"session", id()}, {"client", m_client}, {"user", credentials.username}, {"result", "failed"}});
        // A guesser gets its answers ever more slowly.
        asio::steady_timer pause(m_socket.get_executor(), m_services.admission.loginFailed(m_clientKey, limits));
        asio::error_code ec;
        co_await pause.async_wait(asio::redirect_error(use_awaitable, ec));
    }
    m_server->authenticated(ok);
    co_return ok;
}

bool Session::accepted(const mail::Envelope &envelope, const Inspection &inspection)
{
    const mail::AuthenticationOutcome &outcome = inspection.outcome;
    log::info("authentication", {{"id", envelope.id},
                                 {"session", id()},
                                 {"spf", std::string(mail::spfResultName(outcome.spf.result))},
                                 {"dkim", describeDkim(outcome.dkim)},
                                 {"dmarc", describeDmarc(outcome.dmarc)},
                                 {"arc", std::string(mail::arcChainResultName(outcome.arc->result))}});
    if (const std::optional<mail::DmarcVerdict> &refusal = inspection.refusal) {
        log::info("refused", {{"id", envelope.id}, {"session", id()}, {"reason", "dmarc"}, {"from", refusal->fromDomain}});
        m_server->refused("Message refused: " + refusal->fromDomain +
                          " publishes a DMARC policy of reject, and this message failed it (" + refusal->reason +
                          ")");
        return false;
    }
    if (inspection.notSealed)
        log::warning("arc_not_sealed", {{"id", envelope.id}, {"error", inspection.notSealed->message}});
    return true;
}

awaitable<void> Session::reflect(const mail::Envelope &envelope, const std::string &message)
{
    const std::string &hostname = m_runtime->config().hostname;
    const mail::DeliverySettings &delivery = m_runtime->config().delivery;
    awaitable<std::vector<Reflection>> check = asio::co_spawn(
        m_services.disk,
        reflectOn(m_services.resolver, hostname, {delivery.sourceIpv4, delivery.sourceIpv6}, envelope.from, message,
                  envelope.receivedAt),
        use_awaitable);
    const std::vector<Reflection> reflections = co_await std::move(check);
    if (reflections.empty())
        log::info("reflected", {{"id", envelope.id}, {"address", "none"},
                                {"reason", hostname + " has no A or AAAA record"}});
    for (const Reflection &reflection : reflections) {
        const mail::AuthenticationOutcome &outcome = reflection.outcome;
        std::string dkimReason;
        for (const mail::DkimVerdict &verdict : outcome.dkim)
            if (verdict.result != mail::DkimResult::Pass)
                dkimReason = verdict.reason;
        log::info("reflected", {{"id", envelope.id},
                                {"address", reflection.address},
                                {"spf", std::string(mail::spfResultName(outcome.spf.result))},
                                {"spf_reason", outcome.spf.reason},
                                {"dkim", describeDkim(outcome.dkim)},
                                {"dkim_reason", dkimReason},
                                {"dmarc", describeDmarc(outcome.dmarc)},
                                {"dmarc_reason", outcome.dmarc.empty() ? std::string() : outcome.dmarc.front().reason}});
    }
}

awaitable<void> Session::deliver()
{
    mail::Envelope envelope = m_server->pendingEnvelope();
    const bool toReflector = std::any_of(envelope.recipients.begin(), envelope.recipients.end(),
                                         [](const std::string &rcpt) { return mail::isReflectorAddress(rcpt); });
    awaitable<Handled> handle =
        asio::co_spawn(m_services.disk,
                       handleOn(m_services.spool, m_services.resolver, m_runtime, envelope, m_server->takeMessage(),
                                m_role == mail::PortRole::Mx, !toReflector),
                       use_awaitable);
    Handled handled = co_await std::move(handle);
    if (handled.inspection && !accepted(envelope, *handled.inspection))
        co_return;
    if (toReflector) {
        const auto reflector = std::remove_if(envelope.recipients.begin(), envelope.recipients.end(),
                                              [](const std::string &rcpt) { return mail::isReflectorAddress(rcpt); });
        envelope.recipients.erase(reflector, envelope.recipients.end());
        co_await reflect(envelope, handled.message);
        if (!envelope.recipients.empty()) {
            awaitable<std::optional<mail::Error>> enqueue = asio::co_spawn(
                m_services.disk, enqueueOn(m_services.spool, envelope, std::move(handled.message)), use_awaitable);
            handled.queueFailure = co_await std::move(enqueue);
            handled.queued = true;
        }
    }
    if (handled.queueFailure) {
        log::error("queue_failed", {{"id", envelope.id}, {"session", id()}, {"error", handled.queueFailure->message}});
        m_server->queued(*handled.queueFailure);
        co_return;
    }
    log::info("queued", {{"id", envelope.id},
                         {"session", id()},
                         {"client", m_client},
                         {"from", "<" + envelope.from + ">"},
                         {"rcpts", std::to_string(envelope.recipients.size())},
                         {"size", std::to_string(handled.size)},
                         {"user", envelope.authenticatedUser},
                         {"dkim", m_server->dkimSignatures().empty() ? "none" : m_server->dkimSignatures()}});
    m_server->queued(envelope.id);
    if (handled.queued)
        m_services.onQueued(envelope.id);
}

awaitable<void> Session::run()
{
    auto self = shared_from_this();
    const mail::Config &config = m_runtime->config();
    Spool &spool = m_services.spool;
    mail::SessionSettings settings;
    settings.hostname = config.hostname;
    settings.role = m_role;
    settings.tlsAvailable = m_runtime->tls != nullptr;
    settings.maxMessageSize = config.maxMessageSize;
    settings.maxRecipients = config.maxRecipients;
    settings.maxErrors = config.maxErrors;
    settings.maxCommandsPerMinute = config.maxCommandsPerMinute;
    settings.clientAddress = m_client;
    settings.newQueueId = [&spool] { return spool.newId(); };
    settings.srs = m_runtime->srs;
    settings.dkimKeys = m_runtime->configDir.dkimKeys;
    if (!m_admission.refusal.empty()) {
        // Before the greeting, RFC 5321 §3.1 lets a server answer 421.
        log::warning("connection_refused", {{"client", m_client}, {"role", mail::portRoleName(m_role)},
                                            {"reason", m_admission.refusal}});
        co_await write("421 4.7.0 " + config.hostname + " " + m_admission.refusal + "\r\n");
        asio::error_code ec;
        m_socket.close(ec);
        co_return;
    }
    m_server.emplace(std::move(settings), m_runtime->directory());
    log::info("connect", {{"session", id()}, {"client", m_client}, {"role", mail::portRoleName(m_role)}});

    armDeadline();
    asio::co_spawn(m_socket.get_executor(), watchdog(), asio::detached);

    bool open = true;
    if (m_role == mail::PortRole::Submissions)
        open = m_runtime->tls && co_await handshake();

    std::vector<char> buffer(firstReadSize);
    while (open) {
        const SmtpServer::Event event = m_server->next();
        if (std::string output = m_server->takeOutput(); !output.empty()) {
            armDeadline();
            if (!co_await write(std::move(output)))
                break;
        }
        switch (event) {
        case SmtpServer::Event::NeedInput: {
            asio::error_code ec;
            m_reading = true;
            std::size_t n = 0;
            if (m_tls)
                n = co_await m_tlsStream->async_read_some(asio::buffer(buffer), asio::redirect_error(use_awaitable, ec));
            else
                n = co_await m_socket.async_read_some(asio::buffer(buffer), asio::redirect_error(use_awaitable, ec));
            m_reading = false;
            if (ec) {
                // Cancelled by a timeout or a shutdown: the server has a 421 to say.
                open = ec == asio::error::operation_aborted && m_server->closed();
                break;
            }
            // A command has the time from the last reply (a client sending
            // it a byte at a time gets no more); a message's data, each read.
            if (m_server->receivingData())
                armDeadline();
            // Take a reloaded configuration at the next read.
            if (auto current = m_services.runtime.get(); current != m_runtime) {
                m_runtime = std::move(current);
                m_server->setDirectory(m_runtime->directory());
            }
            m_server->receive(std::string_view(buffer.data(), n));
            if (n == buffer.size() && buffer.size() < largestReadSize)
                buffer.resize(buffer.size() * 4);
            break;
        }
        case SmtpServer::Event::Authenticate:
            // What follows (a password check, an fsync) gets a full timeout.
            armDeadline();
            co_await authenticate();
            break;
        case SmtpServer::Event::Deliver:
            armDeadline();
            co_await deliver();
            break;
        case SmtpServer::Event::StartTls:
            armDeadline();
            open = co_await handshake();
            break;
        case SmtpServer::Event::Close:
            open = false;
            break;
        }
    }
    m_done = true;
    m_timer.cancel();
    asio::error_code ec;
    if (m_tls) {
        m_socket.shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    }
    m_socket.close(ec);
    log::info("disconnect", {{"session", id()}, {"client", m_client}});
}

} // namespace postwr::daemon
