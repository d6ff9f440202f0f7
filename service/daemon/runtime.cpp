#include "daemon/runtime.h"

#include <sys/stat.h>

namespace postwr::daemon {

LoadedRuntime loadRuntime(const std::string &configDir)
{
    LoadedRuntime loaded;
    LoadedConfigDir dir = loadConfigDir(configDir);
    loaded.problems = std::move(dir.problems);
    if (!dir.value)
        return loaded;
    auto runtime = std::make_shared<Runtime>();
    runtime->configDir = std::move(*dir.value);
    const mail::Config &config = runtime->config();
    struct stat info {};
    if (::stat(config.tlsCertificate.c_str(), &info) != 0) {
        loaded.warnings.push_back(config.tlsCertificate +
                                  ": no certificate yet, so STARTTLS and AUTH are off and ports 587 and 465 "
                                  "refuse mail; install one and reload");
    } else {
        mail::Result<TlsContext> tls = makeServerTlsContext(config.tlsCertificate, config.tlsKey);
        if (!tls) {
            loaded.problems.push_back(tls.error().message);
            return loaded;
        }
        runtime->tls = *tls;
    }
    loaded.runtime = std::move(runtime);
    return loaded;
}

} // namespace postwr::daemon
