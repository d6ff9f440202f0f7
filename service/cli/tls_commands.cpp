#include "cli/tls_commands.h"

#include "cli/backup_commands.h"
#include "mail/date.h"

#include "daemon/certificate_info.h"
#include "daemon/config_dir.h"
#include "daemon/runtime.h"
#include "daemon/safeio.h"
#include "daemon/spool.h"
#include "daemon/self_signed.h"
#include "mail/dns_records.h"
#include "mail/config.h"
#include "mail/text.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <iostream>
#include <optional>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace postwr::cli {

namespace {

constexpr const char *usage = "usage: postwrd tls self-signed [--days N] [--force]\n"
                              "       postwrd tls show [--format table|json]\n"
                              "       postwrd tls install CERTIFICATE KEY [--name NAME] [--reload]";

int usageError(const std::string &message)
{
    std::cerr << "postwrd: " << message << '\n';
    return 2;
}

int failure(const std::string &message)
{
    std::cerr << "postwrd: " << message << '\n';
    return 1;
}

std::string parentDirectory(const std::string &path)
{
    const std::size_t slash = path.find_last_of('/');
    if (slash == std::string::npos)
        return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

std::string baseName(const std::string &path)
{
    return path.substr(path.find_last_of('/') + 1);
}

// lstat, so that a symbolic link (to an ACME client's live certificate, say)
// counts as a file that is there, even when it dangles.
mail::Result<bool> exists(const std::string &path)
{
    struct stat info { };
    if (::lstat(path.c_str(), &info) == 0)
        return true;
    if (errno == ENOENT || errno == ENOTDIR)
        return false;
    return mail::Error { "cannot look at " + path + ": " + std::strerror(errno) };
}

// "--days N": N whole days, 1 to daemon::maxSelfSignedDays.
std::optional<int> parseDays(const std::string &text)
{
    if (text.empty() || text.size() > 6
        || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const int days = std::stoi(text);
    if (days < 1 || days > daemon::maxSelfSignedDays)
        return std::nullopt;
    return days;
}

// Writes the key, then the certificate, each through a temporary file that is
// complete and fsynced before either rename: a failure while writing leaves
// the old files as they were. Two renames cannot be one atomic step; the key
// goes first because postwrd takes a missing certificate for "no TLS yet"
// and starts anyway, while a certificate without its key stops it. (With
// --force, a crash between the renames leaves a new key beside the old
// certificate, which postwrd refuses; running again with --force repairs it.)
mail::Status writePair(const std::string &certificatePath, const std::string &certificatePem,
    const std::string &keyPath, const std::string &keyPem)
{
    const std::string keyDir = parentDirectory(keyPath);
    const std::string certificateDir = parentDirectory(certificatePath);
    // Named after the file, which is what the configuration says.
    for (const std::string *path : { &keyPath, &certificatePath }) {
        if (mail::Status status = daemon::makeDirectories(parentDirectory(*path), 0750); !status)
            return mail::Error { "cannot write " + *path + ": " + status.error().message };
    }
    // The key is secret: 0600 from its creation on, owned like the DKIM keys
    // by the user running this command. The certificate is public.
    mail::Result<std::string> keyTemp
        = daemon::writeTempFile(keyDir, "." + baseName(keyPath), keyPem, 0600);
    if (!keyTemp)
        return mail::Error { "cannot write " + keyPath + ": " + keyTemp.error().message };
    mail::Result<std::string> certificateTemp = daemon::writeTempFile(
        certificateDir, "." + baseName(certificatePath), certificatePem, 0644);
    if (!certificateTemp) {
        ::unlink(keyTemp->c_str());
        return mail::Error { "cannot write " + certificatePath + ": " + certificateTemp.error().message };
    }
    const auto renameError = [](const std::string &path) {
        return mail::Error { "cannot rename a temporary file to " + path + ": " + std::strerror(errno) };
    };
    if (std::rename(keyTemp->c_str(), keyPath.c_str()) != 0) {
        const mail::Error error = renameError(keyPath);
        ::unlink(keyTemp->c_str());
        ::unlink(certificateTemp->c_str());
        return error;
    }
    if (std::rename(certificateTemp->c_str(), certificatePath.c_str()) != 0) {
        const mail::Error error = renameError(certificatePath);
        ::unlink(certificateTemp->c_str());
        return error;
    }
    if (mail::Status status = daemon::fsyncDirectory(keyDir); !status)
        return status;
    if (certificateDir != keyDir)
        return daemon::fsyncDirectory(certificateDir);
    return mail::Ok { };
}

int selfSigned(const Arguments &arguments)
{
    if (arguments.words.size() != 2)
        return usageError("unexpected argument '" + arguments.words[2] + "'\n" + usage);
    for (const auto &[name, value] : arguments.options) {
        if (name != "--days")
            return usageError("unknown option " + name + "\n" + usage);
    }
    for (const std::string &flag : arguments.flags) {
        if (flag != "--force")
            return usageError("unknown option " + flag + "\n" + usage);
    }
    int days = daemon::defaultSelfSignedDays;
    if (const auto it = arguments.options.find("--days"); it != arguments.options.end()) {
        const std::optional<int> parsed = parseDays(it->second);
        if (!parsed)
            return usageError("--days needs a number of days from 1 to "
                + std::to_string(daemon::maxSelfSignedDays) + ", not '" + it->second + "'");
        days = *parsed;
    }
    const bool force = arguments.flags.count("--force") > 0;

    // The same loading as `postwrd run`, so the paths are the ones the daemon
    // will read (relative ones taken from DIR) and a configuration it would
    // refuse is refused here too.
    const daemon::LoadedConfigDir loaded = daemon::loadConfigDir(arguments.configDir);
    if (!loaded.value) {
        for (const std::string &problem : loaded.problems)
            std::cerr << problem << '\n';
        return failure("no certificate made: fix the configuration in " + arguments.configDir
            + " first");
    }
    const mail::Config &config = loaded.value->config;
    const std::string &certificatePath = config.tlsCertificate;
    const std::string &keyPath = config.tlsKey;

    const mail::Result<bool> haveCertificate = exists(certificatePath);
    const mail::Result<bool> haveKey = exists(keyPath);
    if (!haveCertificate || !haveKey)
        return failure(!haveCertificate ? haveCertificate.error().message : haveKey.error().message);
    if (!force && *haveCertificate && *haveKey) {
        std::string line = certificatePath + " and " + keyPath
            + " exist: left unchanged (--force replaces them)";
        const mail::Result<std::string> pem = daemon::readFile(certificatePath, 1024u * 1024u);
        const mail::Result<std::string> fingerprint
            = pem ? daemon::certificateFingerprint(*pem) : mail::Result<std::string>(pem.error());
        if (fingerprint)
            line += "; SHA-256 fingerprint " + *fingerprint;
        else
            std::cerr << "postwrd: warning: " << certificatePath << ": "
                      << fingerprint.error().message << '\n';
        std::cout << line << '\n';
        return 0;
    }
    if (!force && (*haveCertificate || *haveKey)) {
        const std::string &present = *haveCertificate ? certificatePath : keyPath;
        const std::string &missing = *haveCertificate ? keyPath : certificatePath;
        return failure(present + " exists but " + missing
            + " does not, so postwrd cannot use them; nothing was written: --force replaces both");
    }

    const std::time_t now = std::time(nullptr);
    const mail::Result<daemon::SelfSignedCertificate> made
        = daemon::makeSelfSignedCertificate(config.hostname, days, now);
    if (!made)
        return failure(made.error().message);
    if (mail::Status status = writePair(certificatePath, made->certificatePem, keyPath, made->keyPem);
        !status)
        return failure(status.error().message);
    std::cout << "wrote " << certificatePath << " and " << keyPath << ": self-signed for "
              << config.hostname << ", valid until "
              << mail::isoDate(now + static_cast<std::time_t>(days) * 24 * 3600)
              << "; SHA-256 fingerprint " << made->fingerprint << '\n';
    std::cout.flush();
    recordConfigChange(arguments, "make a self-signed certificate for " + config.hostname);
    return std::cout ? 0 : 1;
}

// The configuration as `postwrd run` loads it, or the exit status.
std::optional<mail::Config> loadConfig(const Arguments &arguments, int &exitStatus)
{
    const daemon::LoadedConfigDir loaded = daemon::loadConfigDir(arguments.configDir);
    if (!loaded.value) {
        for (const std::string &problem : loaded.problems)
            std::cerr << problem << '\n';
        exitStatus = failure("fix the configuration in " + arguments.configDir + " first");
        return std::nullopt;
    }
    return loaded.value->config;
}

std::string certificateJson(const std::string &path, const daemon::CertificateInfo &info, std::time_t now)
{
    std::string names;
    for (const std::string &name : info.names)
        names += (names.empty() ? "" : ",") + mail::jsonString(name);
    return "{\"path\":" + mail::jsonString(path) + ",\"names\":[" + names + "],\"subject\":"
        + mail::jsonString(info.subject) + ",\"issuer\":" + mail::jsonString(info.issuer)
        + ",\"serial\":" + mail::jsonString(info.serial) + ",\"not_before\":" + std::to_string(info.notBefore)
        + ",\"not_after\":" + std::to_string(info.notAfter) + ",\"days_left\":"
        + std::to_string((info.notAfter - now) / (24 * 3600)) + ",\"self_signed\":"
        + (info.selfSigned ? "true" : "false") + ",\"fingerprint\":" + mail::jsonString(info.fingerprint) + "}";
}

// `tls show`: the certificate postwrd serves, for people or the desktop.
int show(const Arguments &arguments)
{
    if (arguments.words.size() != 2 || !arguments.flags.empty())
        return usageError(usage);
    std::string format = "table";
    for (const auto &[name, value] : arguments.options) {
        if (name != "--format" || (value != "table" && value != "json"))
            return usageError(name == "--format" ? "--format must be table or json, not '" + value + "'"
                                                 : "unknown option " + name + "\n" + usage);
        format = value;
    }
    int status = 0;
    const std::optional<mail::Config> config = loadConfig(arguments, status);
    if (!config)
        return status;
    const mail::Result<std::string> pem = daemon::readFile(config->tlsCertificate, 1024u * 1024u);
    if (!pem)
        return failure(config->tlsCertificate + ": " + pem.error().message);
    const mail::Result<daemon::CertificateInfo> info = daemon::inspectCertificate(*pem);
    if (!info)
        return failure(config->tlsCertificate + ": " + info.error().message);
    const std::time_t now = std::time(nullptr);
    if (format == "json") {
        std::cout << certificateJson(config->tlsCertificate, *info, now) << '\n';
    } else {
        std::string names;
        for (const std::string &name : info->names)
            names += (names.empty() ? "" : ", ") + name;
        std::cout << "certificate  " << config->tlsCertificate << '\n'
                  << "names        " << names << '\n'
                  << "issuer       " << info->issuer << (info->selfSigned ? "  (self-signed: trusted by no one)" : "")
                  << '\n'
                  << "valid        " << mail::isoDate(info->notBefore) << " to " << mail::isoDate(info->notAfter) << " ("
                  << (info->notAfter - now) / (24 * 3600) << " days left)\n"
                  << "serial       " << info->serial << '\n'
                  << "SHA-256      " << info->fingerprint << '\n';
    }
    return std::cout.flush() ? 0 : 1;
}

// Gives the installed files to the owner of the directory they are in (the
// service's user), when root installs them: certbot's deploy hook runs as
// root, postwrd does not.
mail::Status giveToDirectoryOwner(const std::string &path)
{
    if (::geteuid() != 0)
        return mail::Ok {};
    struct stat directory {};
    if (::stat(parentDirectory(path).c_str(), &directory) != 0)
        return mail::Error { parentDirectory(path) + ": " + std::strerror(errno) };
    if (::chown(path.c_str(), directory.st_uid, directory.st_gid) != 0)
        return mail::Error { "cannot give " + path + " to the service's user: " + std::strerror(errno) };
    return mail::Ok {};
}

// Asks the running postwrd to load its configuration and certificate again.
int reload(const mail::Config &config)
{
    const mail::Result<pid_t> pid = daemon::signalDaemon(config.spool, SIGHUP);
    if (!pid)
        return failure("installed, but postwrd is not running (" + pid.error().message
            + "): it uses the certificate when it starts");
    std::cout << "asked postwrd (pid " << *pid << ") to reload: new connections get the new certificate\n";
    return 0;
}

// `tls install CERT KEY [--reload]`: a certificate the user brings, or
// certbot's renewed one, checked and copied to where [tls] says.
int install(const Arguments &arguments)
{
    if (arguments.words.size() != 4)
        return usageError(usage);
    for (const auto &entry : arguments.options) {
        if (entry.first != "--name")
            return usageError("unknown option " + entry.first + "\n" + usage);
    }
    for (const std::string &flag : arguments.flags) {
        if (flag != "--reload")
            return usageError("unknown option " + flag + "\n" + usage);
    }
    int status = 0;
    const std::optional<mail::Config> config = loadConfig(arguments, status);
    if (!config)
        return status;
    const std::string &certificateFile = arguments.words[2];
    const std::string &keyFile = arguments.words[3];
    const mail::Result<std::string> certificate = daemon::readFile(certificateFile, 1024u * 1024u);
    if (!certificate)
        return failure(certificateFile + ": " + certificate.error().message);
    const mail::Result<std::string> key = daemon::readFile(keyFile, 1024u * 1024u);
    if (!key)
        return failure(keyFile + ": " + key.error().message);
    // --name: a further certificate, served to clients asking for NAME.
    const auto named = arguments.options.find("--name");
    const std::string name = named == arguments.options.end() ? config->hostname : mail::toLowerAscii(named->second);
    if (named != arguments.options.end() && (!mail::isValidHostname(name) || name.find('/') != std::string::npos))
        return usageError("--name needs a host name, not '" + named->second + "'");
    const std::string certificatePath = named == arguments.options.end()
        ? config->tlsCertificate
        : daemon::tlsNamesDirectory(arguments.configDir) + "/" + name + ".pem";
    const std::string keyPath = named == arguments.options.end()
        ? config->tlsKey
        : daemon::tlsNamesDirectory(arguments.configDir) + "/" + name + ".key";
    const mail::Result<daemon::CertificateInfo> checked
        = daemon::checkCertificatePair(*certificate, *key, name, std::time(nullptr));
    if (!checked)
        return failure(certificateFile + " and " + keyFile + ": " + checked.error().message + "; nothing was changed");
    if (mail::Status written = writePair(certificatePath, *certificate, keyPath, *key); !written)
        return failure(written.error().message);
    for (const std::string *path : { &keyPath, &certificatePath }) {
        if (mail::Status given = giveToDirectoryOwner(*path); !given)
            return failure(given.error().message);
    }
    std::cout << "installed " << certificatePath << " for " << name << " from " << checked->issuer
              << ", valid until " << mail::isoDate(checked->notAfter) << "; SHA-256 fingerprint " << checked->fingerprint
              << '\n';
    std::cout.flush();
    recordConfigChange(arguments, "install the certificate for " + name + " from " + checked->issuer);
    if (arguments.flags.count("--reload"))
        return reload(*config);
    return std::cout.flush() ? 0 : 1;
}

} // namespace

int runTlsCommand(const Arguments &arguments)
{
    const std::string verb = arguments.words.size() > 1 ? arguments.words[1] : "";
    if (verb == "self-signed")
        return selfSigned(arguments);
    if (verb == "show")
        return show(arguments);
    if (verb == "install")
        return install(arguments);
    return usageError(usage);
}

} // namespace postwr::cli
