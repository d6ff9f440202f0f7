#include "daemon/runtime.h"

#include "daemon/safeio.h"
#include "mail/text.h"

#include <algorithm>
#include <filesystem>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

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
        mail::Result<TlsContext> tls = makeServerTlsContext(config.tlsCertificate, config.tlsKey,
                                                            namedCertificates(tlsNamesDirectory(configDir)));
        if (!tls) {
            loaded.problems.push_back(tls.error().message);
            return loaded;
        }
        runtime->tls = *tls;
    }
    if (::access(srsKeyPath(configDir).c_str(), F_OK) == 0) {
        mail::Result<std::string> key = readFile(srsKeyPath(configDir), 4096);
        std::string secret = key ? std::string(mail::trim(*key)) : std::string{};
        if (secret.size() < 32) {
            loaded.problems.push_back(srsKeyPath(configDir) + ": " +
                                      (key ? "the SRS secret is too short (32 characters at least)" : key.error().message));
            return loaded;
        }
        const mail::Directory &directory = *runtime->directory();
        std::string domain = config.srsDomain;
        if (domain.empty())
            domain = directory.domainOfHost(config.hostname);
        if (domain.empty() && !directory.domains().empty())
            domain = directory.domains().front();
        if (!domain.empty())
            runtime->srs = std::make_shared<mail::Srs>(std::move(secret), domain);
    }
    if (!config.srsDomain.empty() && !runtime->directory()->isLocalDomain(config.srsDomain)) {
        loaded.problems.push_back(configFilePath(configDir) + ": srs_domain " + config.srsDomain +
                                  " is not one of this server's domains");
        return loaded;
    }
    loaded.runtime = std::move(runtime);
    return loaded;
}

std::string tlsNamesDirectory(const std::string &configDir)
{
    return configDir + "/tls/names";
}

std::vector<NamedCertificate> namedCertificates(const std::string &directory)
{
    std::vector<NamedCertificate> found;
    std::error_code error;
    for (const auto &entry : std::filesystem::directory_iterator(directory, error)) {
        const std::filesystem::path &path = entry.path();
        if (path.extension() != ".pem")
            continue;
        std::filesystem::path key = path;
        key.replace_extension(".key");
        found.push_back({path.string(), key.string()});
    }
    // The same order at every load: the first certificate covering a name wins.
    std::sort(found.begin(), found.end(),
              [](const NamedCertificate &a, const NamedCertificate &b) { return a.certificate < b.certificate; });
    return found;
}

std::string srsKeyPath(const std::string &configDir)
{
    return configDir + "/srs.key";
}

mail::Status ensureSrsKey(const std::string &configDir)
{
    const std::string path = srsKeyPath(configDir);
    if (::access(path.c_str(), F_OK) == 0)
        return mail::Ok{};
    unsigned char bytes[32];
    if (::getrandom(bytes, sizeof bytes, 0) != static_cast<ssize_t>(sizeof bytes))
        return mail::Error{"cannot create " + path + ": no randomness"};
    static constexpr char hex[] = "0123456789abcdef";
    std::string secret;
    for (unsigned char byte : bytes) {
        secret += hex[byte >> 4];
        secret += hex[byte & 15];
    }
    return writeFileAtomically(path, secret + "\n", 0600);
}

} // namespace postwr::daemon
