// The running daemon: listeners for the three port roles, the sessions, the
// spool and local delivery, and the signals (SIGTERM/SIGINT: graceful stop;
// SIGHUP: reload configuration, users, aliases and certificate; SIGUSR1:
// retry every queued message now).
#pragma once

#include "daemon/delivery.h"
#include "daemon/domain_info_store.h"
#include "daemon/resolver.h"
#include "daemon/runtime.h"
#include "daemon/session.h"
#include "daemon/spool.h"

#include <asio.hpp>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace postwr::daemon {

class Server {
public:
    // Loads everything and binds every listener, or says what is wrong:
    // postwrd fails fast at start rather than running half-configured.
    static mail::Result<std::unique_ptr<Server>> create(const std::string &configDir);
    ~Server();

    // Serves until SIGTERM or SIGINT; returns the exit status.
    int run();

private:
    Server(std::string configDir, std::shared_ptr<const Runtime> runtime, Spool spool,
           std::unique_ptr<Resolver> resolver);
    static FetchSettings mtaStsFetchSettings(const mail::Config &config);
    mail::Status listen();
    asio::awaitable<void> accept(asio::ip::tcp::acceptor &acceptor, mail::PortRole role);
    asio::awaitable<void> handleSignals();
    void reload();
    void beginShutdown();
    void sessionEnded(std::uint64_t number);
    std::string pidFilePath() const;

    std::string m_configDir;
    RuntimeHolder m_runtime;
    Spool m_spool;
    asio::io_context m_io;
    asio::thread_pool m_cpu;
    asio::thread_pool m_disk;
    std::unique_ptr<Resolver> m_resolver;
    DomainInfoStore m_domainInfo;
    MtaStsCache m_mtaSts;
    Delivery m_delivery;
    Admission m_admission;
    SessionServices m_services;
    std::vector<std::pair<std::unique_ptr<asio::ip::tcp::acceptor>, mail::PortRole>> m_acceptors;
    asio::steady_timer m_shutdownTimer;

    std::mutex m_sessionsMutex;
    std::unordered_map<std::uint64_t, std::weak_ptr<Session>> m_sessions;
    std::uint64_t m_nextSession = 1;
    bool m_stopping = false;
};

} // namespace postwr::daemon
