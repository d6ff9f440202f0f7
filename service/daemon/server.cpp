#include "daemon/server.h"

#include "daemon/log.h"
#include "daemon/safeio.h"

#include <unistd.h>

#include <algorithm>
#include <thread>

namespace postwr::daemon {

using asio::awaitable;
using asio::use_awaitable;

namespace {

// At most about 4 MiB: the largest answers, DKIM keys, stay under 1 KiB.
constexpr std::size_t dnsCacheEntries = 4096;

// How long a graceful stop waits for transactions in progress.
constexpr std::chrono::seconds shutdownGrace{30};

unsigned threadCount()
{
    return std::max(2u, std::thread::hardware_concurrency());
}

void logLines(const std::vector<std::string> &lines, bool problems)
{
    for (const std::string &line : lines) {
        if (problems)
            log::error("config", {{"problem", line}});
        else
            log::warning("config", {{"warning", line}});
    }
}

} // namespace

mail::Result<std::unique_ptr<Server>> Server::create(const std::string &configDir)
{
    if (mail::Status status = ensureSrsKey(configDir); !status)
        log::warning("srs_unavailable", {{"reason", status.error().message}});
    LoadedRuntime loaded = loadRuntime(configDir);
    logLines(loaded.warnings, false);
    if (!loaded.runtime) {
        logLines(loaded.problems, true);
        return mail::Error{"the configuration in " + configDir + " has " + std::to_string(loaded.problems.size()) +
                           " problem(s); see above, or run 'postwrd config check'"};
    }
    const mail::Config &config = loaded.runtime->config();
    Result<Spool> spool = Spool::open(config.spool);
    if (!spool)
        return spool.error();
    std::vector<DnsServer> dnsServers;
    for (const mail::ListenAddress &server : config.dnsServers)
        dnsServers.push_back({server.host, server.port});
    Result<std::unique_ptr<Resolver>> resolver = Resolver::create(dnsServers);
    if (!resolver)
        return mail::Error{"cannot set up DNS: " + resolver.error().message};
    (*resolver)->keepAnswers(dnsCacheEntries);
    std::unique_ptr<Server> server(
        new Server(configDir, loaded.runtime, std::move(spool).value(), std::move(resolver).value()));
    if (mail::Status status = server->listen(); !status)
        return status.error();
    return server;
}

Server::Server(std::string configDir, std::shared_ptr<const Runtime> runtime, Spool spool,
               std::unique_ptr<Resolver> resolver)
    : m_configDir(std::move(configDir)), m_runtime(std::move(runtime)), m_spool(std::move(spool)),
      m_cpu(threadCount()),
      // Many writers in flight let the spool share directory fsyncs (group commit).
      m_disk(16), m_resolver(std::move(resolver)), m_domainInfo(m_spool.directory() + "/domaininfo"),
      m_mtaSts(m_spool.directory() + "/mta-sts", *m_resolver, mtaStsFetchSettings(m_runtime.get()->config())),
      m_delivery(m_spool, m_runtime, m_io, m_disk, *m_resolver, m_domainInfo, m_mtaSts),
      m_services{m_runtime, m_spool, m_cpu, m_disk, *m_resolver, m_admission, [this](const std::string &id) { m_delivery.schedule(id); }},
      m_shutdownTimer(m_io)
{
}

FetchSettings Server::mtaStsFetchSettings(const mail::Config &config)
{
    FetchSettings settings;
    settings.port = config.delivery.mtaStsPort;
    settings.caFile = config.delivery.tlsCaFile;
    return settings;
}

Server::~Server()
{
    m_cpu.join();
    m_disk.join();
}

mail::Status Server::listen()
{
    const mail::Config &config = m_runtime.get()->config();
    const std::pair<const std::vector<mail::ListenAddress> *, mail::PortRole> roles[] = {
        {&config.smtp, mail::PortRole::Mx},
        {&config.submission, mail::PortRole::Submission},
        {&config.submissions, mail::PortRole::Submissions}};
    for (const auto &[addresses, role] : roles) {
        for (const mail::ListenAddress &address : *addresses) {
            asio::error_code ec;
            const asio::ip::address ip = asio::ip::make_address(address.host, ec);
            if (ec)
                return mail::Error{"cannot listen on " + address.toString() + ": " + ec.message()};
            const asio::ip::tcp::endpoint endpoint(ip, address.port);
            auto acceptor = std::make_unique<asio::ip::tcp::acceptor>(m_io);
            acceptor->open(endpoint.protocol(), ec);
            if (!ec)
                acceptor->set_option(asio::socket_base::reuse_address(true), ec);
            // [::]:25 must not also take 0.0.0.0:25, which has a listener of its own.
            if (!ec && ip.is_v6())
                acceptor->set_option(asio::ip::v6_only(true), ec);
            if (!ec)
                acceptor->bind(endpoint, ec);
            if (!ec)
                acceptor->listen(asio::socket_base::max_listen_connections, ec);
            if (ec)
                return mail::Error{"cannot listen on " + address.toString() + " (" + mail::portRoleName(role) +
                                   "): " + ec.message()};
            log::info("listening", {{"role", mail::portRoleName(role)}, {"address", address.toString()}});
            m_acceptors.emplace_back(std::move(acceptor), role);
        }
    }
    return mail::Ok{};
}

awaitable<void> Server::accept(asio::ip::tcp::acceptor &acceptor, mail::PortRole role)
{
    for (;;) {
        asio::error_code ec;
        asio::ip::tcp::socket socket =
            co_await acceptor.async_accept(asio::make_strand(m_io), asio::redirect_error(use_awaitable, ec));
        if (ec == asio::error::operation_aborted || !acceptor.is_open())
            co_return;
        if (ec) {
            // Out of file descriptors and the like: say so and keep serving.
            log::error("accept_failed", {{"role", mail::portRoleName(role)}, {"error", ec.message()}});
            asio::steady_timer pause(m_io, std::chrono::milliseconds(100));
            co_await pause.async_wait(use_awaitable);
            continue;
        }
        auto executor = socket.get_executor();
        std::shared_ptr<Session> session;
        std::uint64_t number = 0;
        {
            const std::lock_guard lock(m_sessionsMutex);
            number = m_nextSession++;
            session = std::make_shared<Session>(m_services, std::move(socket), role, number);
            m_sessions.emplace(number, session);
        }
        asio::co_spawn(executor, session->run(), [this, number](std::exception_ptr error) {
            if (error) {
                try {
                    std::rethrow_exception(error);
                } catch (const std::exception &e) {
                    log::error("session_failed", {{"session", std::to_string(number)}, {"error", e.what()}});
                }
            }
            sessionEnded(number);
        });
    }
}

void Server::sessionEnded(std::uint64_t number)
{
    const std::lock_guard lock(m_sessionsMutex);
    m_sessions.erase(number);
    if (m_stopping && m_sessions.empty())
        m_io.stop();
}

void Server::reload()
{
    LoadedRuntime loaded = loadRuntime(m_configDir);
    logLines(loaded.warnings, false);
    if (!loaded.runtime) {
        logLines(loaded.problems, true);
        log::error("reload_failed", {{"reason", "configuration has problems; still running with the previous one"}});
        return;
    }
    const mail::Config &before = m_runtime.get()->config();
    const mail::Config &after = loaded.runtime->config();
    if (before.smtp != after.smtp || before.submission != after.submission || before.submissions != after.submissions ||
        before.spool != after.spool)
        log::warning("restart_needed", {{"reason", "listen addresses and the spool change only at a restart"}});
    if (before.dnsServers != after.dnsServers) {
        std::vector<DnsServer> servers;
        for (const mail::ListenAddress &server : after.dnsServers)
            servers.push_back({server.host, server.port});
        if (mail::Status status = m_resolver->setServers(std::move(servers)); !status)
            log::warning("dns_unchanged", {{"reason", status.error().message}});
    }
    m_runtime.set(loaded.runtime);
    log::info("reloaded", {{"domains", std::to_string(loaded.runtime->directory()->domains().size())},
                           {"tls", loaded.runtime->tls ? "yes" : "no"}});
}

void Server::beginShutdown()
{
    log::info("stopping", {{"grace_seconds", std::to_string(shutdownGrace.count())}});
    for (auto &[acceptor, role] : m_acceptors) {
        asio::error_code ec;
        acceptor->close(ec);
    }
    std::vector<std::shared_ptr<Session>> sessions;
    {
        const std::lock_guard lock(m_sessionsMutex);
        m_stopping = true;
        for (auto &[number, weak] : m_sessions) {
            if (auto session = weak.lock())
                sessions.push_back(std::move(session));
        }
        if (m_sessions.empty())
            m_io.stop();
    }
    for (const auto &session : sessions)
        session->requestShutdown();
    m_shutdownTimer.expires_after(shutdownGrace);
    m_shutdownTimer.async_wait([this](asio::error_code ec) {
        if (!ec) {
            log::warning("shutdown_forced", {{"reason", "transactions still open after the grace period"}});
            m_io.stop();
        }
    });
}

awaitable<void> Server::handleSignals()
{
    asio::signal_set signals(m_io, SIGTERM, SIGINT, SIGHUP);
    signals.add(SIGUSR1);
    for (;;) {
        const int signal = co_await signals.async_wait(use_awaitable);
        if (signal == SIGHUP) {
            reload();
            continue;
        }
        if (signal == SIGUSR1) {
            log::info("flush");
            m_delivery.flush();
            continue;
        }
        beginShutdown();
        co_return;
    }
}

std::string Server::pidFilePath() const
{
    return daemonPidFile(m_spool.directory());
}

int Server::run()
{
    // `postwrd queue flush` finds the daemon here.
    if (mail::Status status = writeFileAtomically(pidFilePath(), std::to_string(::getpid()) + "\n", 0644); !status)
        log::warning("pidfile", {{"error", status.error().message}});
    m_delivery.start();
    for (auto &[acceptor, role] : m_acceptors)
        asio::co_spawn(m_io, accept(*acceptor, role), asio::detached);
    asio::co_spawn(m_io, handleSignals(), asio::detached);
    log::info("ready", {{"config", m_configDir}, {"spool", m_spool.directory()}});

    std::vector<std::thread> threads;
    for (unsigned i = 1; i < threadCount(); ++i)
        threads.emplace_back([this] { m_io.run(); });
    m_io.run();
    for (std::thread &thread : threads)
        thread.join();
    ::unlink(pidFilePath().c_str());
    log::info("stopped");
    return 0;
}

} // namespace postwr::daemon
