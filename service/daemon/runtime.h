// What a running postwrd works from, replaced as a whole on SIGHUP: sessions
// and delivery take a snapshot and keep it as long as they need it, so a
// reload never changes anything under a transaction in progress.
#pragma once

#include "daemon/config_dir.h"
#include "daemon/tls.h"
#include "mail/srs.h"

#include <memory>
#include <mutex>

namespace postwr::daemon {

struct Runtime {
    ConfigDir configDir;
    TlsContext tls; // null when no certificate is installed yet: no STARTTLS, no AUTH
    std::shared_ptr<const mail::Srs> srs; // null without DIR/srs.key: forwarded mail keeps its sender

    const mail::Config &config() const { return configDir.config; }
    const std::shared_ptr<const mail::Directory> &directory() const { return configDir.directory; }
};

// Loads the configuration directory and the certificate. A missing
// certificate is allowed (the wizard installs one later) and reported in
// `warnings`; a certificate that exists but cannot be used is a problem.
struct LoadedRuntime {
    std::shared_ptr<const Runtime> runtime;
    std::vector<std::string> problems;
    std::vector<std::string> warnings;
};
LoadedRuntime loadRuntime(const std::string &configDir);

// DIR/tls/names: further certificates, NAME.pem with its NAME.key, served
// to clients that ask for a name they cover (SNI); `postwrd tls install
// --name NAME` puts them there. Read at every (re)load.
std::string tlsNamesDirectory(const std::string &configDir);
std::vector<NamedCertificate> namedCertificates(const std::string &directory);

// DIR/srs.key: the secret of SRS addresses. Created once (postwrd run) and
// kept with the configuration, so bounces to addresses made before a
// restore still find their way back.
std::string srsKeyPath(const std::string &configDir);
mail::Status ensureSrsKey(const std::string &configDir);

class RuntimeHolder {
public:
    explicit RuntimeHolder(std::shared_ptr<const Runtime> runtime) : m_runtime(std::move(runtime)) {}
    std::shared_ptr<const Runtime> get() const
    {
        const std::lock_guard lock(m_mutex);
        return m_runtime;
    }
    void set(std::shared_ptr<const Runtime> runtime)
    {
        const std::lock_guard lock(m_mutex);
        m_runtime = std::move(runtime);
    }

private:
    mutable std::mutex m_mutex;
    std::shared_ptr<const Runtime> m_runtime;
};

} // namespace postwr::daemon
