#include "daemon/config_repository.h"

#include "daemon/child_process.h"
#include "daemon/safeio.h"
#include "mail/backup_crypto.h"
#include "mail/backup_layout.h"
#include "mail/git_remote.h"
#include "mail/text.h"

#include <openssl/evp.h>
#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <map>
#include <sstream>
#include <utility>

namespace postwr::daemon {

namespace fs = std::filesystem;

namespace {

constexpr const char *branch = "main";

std::string sha256Hex(std::string_view data)
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_Digest(data.data(), data.size(), digest, &size, EVP_sha256(), nullptr);
    static const char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < size; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 15];
    }
    return out;
}

std::string shellQuote(const std::string &text)
{
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string hostName()
{
    char name[256] = {};
    if (::gethostname(name, sizeof name - 1) != 0 || name[0] == '\0')
        return "localhost";
    return name;
}

// Regular files under `dir`, by relative path, sorted; .git and the deploy
// key's directory left out.
std::vector<std::string> filesUnder(const std::string &dir)
{
    std::vector<std::string> out;
    std::error_code error;
    for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end; it.increment(error)) {
        const std::string relative = fs::relative(it->path(), dir, error).generic_string();
        if (relative == ".git" || relative == mail::backupCloneDir || relative == mail::backupSshDir) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(error))
            out.push_back(relative);
    }
    std::sort(out.begin(), out.end());
    return out;
}

mail::Status writeRestored(const std::string &dir, const std::string &relative, const std::string &content)
{
    const std::string target = dir + "/" + relative;
    if (mail::Status made = makeDirectories(fs::path(target).parent_path().string(), 0750); !made)
        return made;
    return writeFileAtomically(target, content, mail::isBackupSecret(relative) ? 0600 : 0640);
}

} // namespace

ConfigRepository::ConfigRepository(std::string configDir)
    : m_dir(std::move(configDir))
{
}

std::string ConfigRepository::path(std::string_view relative) const
{
    return m_dir + "/" + std::string(relative);
}

std::string ConfigRepository::sshCommand() const
{
    const std::string ssh = path(mail::backupSshDir);
    return "ssh -i " + shellQuote(ssh + "/id_ed25519") + " -o IdentitiesOnly=yes -o UserKnownHostsFile=" +
           shellQuote(ssh + "/known_hosts") + " -o StrictHostKeyChecking=accept-new -o BatchMode=yes -o ConnectTimeout=20";
}

mail::Result<ConfigRepository::Git> ConfigRepository::git(const std::vector<std::string> &arguments,
    const std::string &input) const
{
    // Our own settings only: a user's commit.gpgsign or hooks path must not
    // break a commit made for them.
    std::vector<std::string> argv = {"git", "-c", "safe.directory=*", "-c", "user.name=Postwr", "-c",
        "user.email=postwrd@" + hostName(), "-c", "core.sshCommand=" + sshCommand()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    ChildOptions options;
    options.directory = m_dir;
    options.input = input;
    options.timeout = std::chrono::seconds(120);
    // HOME too: run for the service's user, we may have root's, which that
    // user may not read.
    const std::string home = path(mail::backupSshDir);
    options.environment = {"LC_ALL=C", "GIT_TERMINAL_PROMPT=0", "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL=/dev/null",
        "HOME=" + home, "XDG_CONFIG_HOME=" + home};
    auto run = runChild(argv, options);
    if (!run)
        return mail::Error{run.error().message + " (is git installed? apt-get install git)"};
    if (run->timedOut)
        return Git{-1, run->output, "git took longer than two minutes and was stopped"};
    return Git{run->exitCode, std::move(run->output), std::move(run->errors)};
}

mail::Status ConfigRepository::gitOrFail(const std::vector<std::string> &arguments, const std::string &what) const
{
    auto run = git(arguments);
    if (!run)
        return run.error();
    if (!run->ok())
        return mail::Error{what + ": " + std::string(mail::trim(run->errors))};
    return mail::Ok{};
}

bool ConfigRepository::enabled() const
{
    std::error_code error;
    return fs::is_directory(path(".git"), error);
}

mail::Status ConfigRepository::init(const std::optional<std::string> &passphrase)
{
    if (enabled())
        return mail::Error{m_dir + " is already kept in git (postwrd backup status)"};
    if (mail::Status made = makeDirectories(path("backup"), 0750); !made)
        return made;
    if (passphrase) {
        auto pair = mail::generateBackupKeyPair();
        if (!pair)
            return pair.error();
        const std::string identity = mail::wrapBackupPrivateKey(pair->privateKey, *passphrase);
        if (identity.empty())
            return mail::Error{"cannot wrap the backup key with the passphrase: OpenSSL failed"};
        if (mail::Status written = writeFileAtomically(path(mail::backupIdentityPath), identity, 0640); !written)
            return written;
        if (mail::Status written = writeFileAtomically(path(mail::backupRecipientPath),
                mail::encodeBackupPublicKey(pair->publicKey) + "\n", 0640);
            !written)
            return written;
    }
    if (mail::Status written = writeFileAtomically(path(".gitignore"), mail::backupGitignore(passphrase.has_value()), 0640);
        !written)
        return written;
    if (mail::Status created = gitOrFail({"init", "-q", "-b", branch}, "git init failed"); !created)
        return created;
    auto committed = commit(passphrase ? "keep the configuration in git, secrets encrypted"
                                       : "keep the configuration in git");
    if (!committed)
        return committed.error();
    return mail::Ok{};
}

mail::Status ConfigRepository::writeSecretFingerprints(const std::vector<mail::BackupFile> &secrets)
{
    std::string text;
    for (const mail::BackupFile &secret : secrets)
        text += sha256Hex(secret.path + '\0' + secret.content) + " " + secret.path + "\n";
    return writeFileAtomically(path(".git/postwr-secrets"), text, 0600);
}

mail::Status ConfigRepository::encryptSecrets()
{
    auto recipientText = readFile(path(mail::backupRecipientPath));
    if (!recipientText)
        return mail::Ok{}; // a plain backup: the secrets are committed as they are
    auto recipient = mail::decodeBackupPublicKey(*recipientText);
    if (!recipient)
        return mail::Error{path(mail::backupRecipientPath) + ": " + recipient.error().message};

    std::map<std::string, std::string> done; // path → fingerprint, of the last encryption
    if (auto previous = readFile(path(".git/postwr-secrets"))) {
        std::istringstream lines(*previous);
        std::string fingerprint, name;
        while (lines >> fingerprint >> name)
            done[name] = fingerprint;
    }
    const std::vector<std::string> files = filesUnder(m_dir);
    std::vector<mail::BackupFile> secrets;
    for (const std::string &relative : files) {
        if (!mail::isBackupSecret(relative))
            continue;
        auto content = readFile(path(relative));
        if (!content)
            return content.error();
        secrets.push_back({relative, std::move(*content)});
    }
    for (const mail::BackupFile &secret : secrets) {
        const std::string encryptedPath = mail::encryptedPathOf(secret.path);
        std::error_code error;
        if (done[secret.path] == sha256Hex(secret.path + '\0' + secret.content) && fs::exists(path(encryptedPath), error))
            continue;
        auto encrypted = mail::encryptBackupFile(*recipient, secret.path, secret.content);
        if (!encrypted)
            return encrypted.error();
        if (mail::Status written = writeRestored(m_dir, encryptedPath, *encrypted); !written)
            return written;
    }
    // The encrypted copy of a secret that is gone goes too.
    for (const std::string &relative : files) {
        const std::string secret = mail::secretPathOf(relative);
        if (secret.empty())
            continue;
        std::error_code error;
        if (!fs::exists(path(secret), error))
            fs::remove(path(relative), error);
    }
    return writeSecretFingerprints(secrets);
}

mail::Result<bool> ConfigRepository::commit(const std::string &message)
{
    if (!enabled())
        return false;
    if (mail::Status encrypted = encryptSecrets(); !encrypted)
        return encrypted.error();
    if (mail::Status added = gitOrFail({"add", "-A"}, "git add failed"); !added)
        return added.error();
    auto staged = git({"diff", "--cached", "--quiet"});
    if (!staged)
        return staged.error();
    if (staged->ok())
        return false;
    if (mail::Status made = gitOrFail({"commit", "-q", "--no-verify", "-m", message}, "git commit failed"); !made)
        return made.error();
    return true;
}

mail::Result<std::string> ConfigRepository::deployKey()
{
    const std::string key = path(std::string(mail::backupSshDir) + "/id_ed25519");
    std::error_code error;
    if (!fs::exists(key, error)) {
        if (mail::Status made = makeDirectories(path(mail::backupSshDir), 0700); !made)
            return made.error();
        auto made = runChild({"ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "postwr-backup@" + hostName(), "-f", key});
        if (!made)
            return mail::Error{made.error().message + " (apt-get install openssh-client)"};
        if (!made->succeeded())
            return mail::Error{"ssh-keygen failed: " + std::string(mail::trim(made->errors))};
    }
    auto publicKey = readFile(key + ".pub");
    if (!publicKey)
        return publicKey.error();
    return std::string(mail::trim(*publicKey));
}

mail::Status ConfigRepository::setRemote(const std::string &url)
{
    if (!mail::isGitSshRemote(url))
        return mail::Error{"'" + url + "' is not the SSH address of a git repository; it looks like "
                                       "git@github.com:you/mail-config.git or ssh://user@host/path.git"};
    if (!enabled())
        return mail::Error{"the backup is not set up: postwrd backup init first"};
    if (!remote().empty())
        return gitOrFail({"remote", "set-url", "origin", "--", url}, "cannot change the remote");
    if (mail::Status added = gitOrFail({"remote", "add", "origin", "--", url}, "cannot add the remote"); !added)
        return added;
    // For a person who pushes by hand: the same key and known_hosts.
    return gitOrFail({"config", "core.sshCommand", sshCommand()}, "cannot configure git's ssh");
}

std::string ConfigRepository::remote() const
{
    auto url = git({"config", "--get", "remote.origin.url"});
    return url && url->ok() ? std::string(mail::trim(url->output)) : std::string();
}

PushRecord ConfigRepository::push()
{
    PushRecord record;
    record.time = static_cast<std::int64_t>(std::time(nullptr));
    const std::string url = remote();
    if (url.empty()) {
        record.message = "no remote is set (postwrd backup remote URL)";
        return record;
    }
    if (auto key = deployKey(); !key) {
        record.message = key.error().message;
    } else if (auto pushed = git({"push", "-q", "-u", "origin", std::string(branch) + ":" + branch}); !pushed) {
        record.message = pushed.error().message;
    } else if (!pushed->ok()) {
        record.message = mail::explainGitFailure(pushed->errors, url);
    } else {
        record.ok = true;
    }
    std::string line = std::to_string(record.time) + (record.ok ? " ok " : " failed ") + record.message;
    std::replace(line.begin(), line.end(), '\n', ' ');
    (void)writeFileAtomically(path(".git/postwr-push"), line + "\n", 0600);
    return record;
}

mail::Result<BackupState> ConfigRepository::state() const
{
    BackupState state;
    state.enabled = enabled();
    if (!state.enabled)
        return state;
    std::error_code error;
    state.encrypted = fs::exists(path(mail::backupRecipientPath), error);
    state.remote = remote();
    if (auto key = readFile(path(std::string(mail::backupSshDir) + "/id_ed25519.pub")))
        state.deployKey = std::string(mail::trim(*key));
    auto last = git({"log", "-1", "--format=%ct%n%s"});
    if (last && last->ok()) {
        std::istringstream lines(last->output);
        std::string time;
        std::getline(lines, time);
        std::getline(lines, state.lastCommitMessage);
        state.lastCommitTime = std::atoll(time.c_str());
    }
    if (auto count = git({"rev-list", "--count", "HEAD"}); count && count->ok())
        state.commits = std::atoi(count->output.c_str());
    auto ahead = git({"rev-list", "--count", "origin/main..main"});
    state.unpushed = ahead && ahead->ok() ? std::atoi(ahead->output.c_str()) : state.commits;
    if (auto pushed = readFile(path(".git/postwr-push"))) {
        std::istringstream line(*pushed);
        PushRecord record;
        std::string outcome;
        line >> record.time >> outcome;
        record.ok = outcome == "ok";
        std::getline(line >> std::ws, record.message);
        state.lastPush = record;
    }
    return state;
}

mail::Result<std::vector<mail::BackupFile>> ConfigRepository::exportFiles() const
{
    if (!enabled())
        return mail::Error{"the backup is not set up: postwrd backup init first"};
    auto listed = git({"ls-tree", "-r", "-z", "--name-only", "HEAD"});
    if (!listed)
        return listed.error();
    if (!listed->ok())
        return mail::Error{"cannot list the committed files: " + std::string(mail::trim(listed->errors))};
    std::vector<std::string> names;
    std::string request;
    for (std::size_t start = 0; start < listed->output.size();) {
        const std::size_t end = listed->output.find('\0', start);
        names.push_back(listed->output.substr(start, end - start));
        request += "HEAD:" + names.back() + "\n";
        start = end == std::string::npos ? listed->output.size() : end + 1;
    }
    auto contents = git({"cat-file", "--batch"}, request);
    if (!contents)
        return contents.error();
    // Each answer: "<object> blob <size>\n<content>\n".
    std::vector<mail::BackupFile> files;
    std::size_t at = 0;
    for (const std::string &name : names) {
        const std::size_t headerEnd = contents->output.find('\n', at);
        if (headerEnd == std::string::npos)
            return mail::Error{"git cat-file gave less than asked for"};
        std::istringstream header(contents->output.substr(at, headerEnd - at));
        std::string object, type;
        std::size_t size = 0;
        header >> object >> type >> size;
        if (type != "blob" || headerEnd + 1 + size > contents->output.size())
            return mail::Error{"git cat-file: cannot read " + name};
        files.push_back({name, contents->output.substr(headerEnd + 1, size)});
        at = headerEnd + 1 + size + 1;
    }
    return files;
}

mail::Result<std::string> ConfigRepository::cloneRemote(const std::string &url)
{
    if (!mail::isGitSshRemote(url))
        return mail::Error{"'" + url + "' is not the SSH address of a git repository"};
    if (auto key = deployKey(); !key)
        return key.error();
    const std::string target = path(mail::backupCloneDir);
    std::error_code error;
    fs::remove_all(target, error);
    auto cloned = git({"clone", "-q", "--no-tags", "--branch", branch, "--", url, target});
    if (!cloned)
        return cloned.error();
    if (!cloned->ok()) {
        fs::remove_all(target, error);
        if (cloned->errors.find("Remote branch") != std::string::npos || cloned->errors.find("empty repository") != std::string::npos)
            return mail::Error{"there is no backup in " + url + " yet"};
        return mail::Error{"cannot clone " + url + ": " + mail::explainGitFailure(cloned->errors, url)};
    }
    return target;
}

mail::Result<std::vector<mail::BackupFile>> ConfigRepository::filesOf(const std::string &dir)
{
    std::vector<mail::BackupFile> files;
    for (const std::string &relative : filesUnder(dir)) {
        auto content = readFile(dir + "/" + relative);
        if (!content)
            return content.error();
        files.push_back({relative, std::move(*content)});
    }
    return files;
}

namespace {

// The secrets of `files`, decrypted with `passphrase` (none for a plain
// backup), once every path is checked; nothing is written.
mail::Result<std::vector<mail::BackupFile>> checkAndDecrypt(const std::vector<mail::BackupFile> &files,
    const std::string &passphrase)
{
    const mail::BackupFile *identity = nullptr;
    bool hasConfig = false;
    for (const mail::BackupFile &file : files) {
        if (!mail::isSafeBackupPath(file.path))
            return mail::Error{"'" + file.path + "' is not a path a backup may hold"};
        hasConfig = hasConfig || file.path == "postwrd.conf";
        if (file.path == mail::backupIdentityPath)
            identity = &file;
    }
    if (!hasConfig)
        return mail::Error{"not a Postwr backup: it has no postwrd.conf"};
    std::vector<mail::BackupFile> secrets;
    if (!identity)
        return secrets;
    if (passphrase.empty())
        return mail::Error{"this backup is encrypted: its passphrase is needed (on standard input)"};
    auto privateKey = mail::unwrapBackupPrivateKey(identity->content, passphrase);
    if (!privateKey)
        return privateKey.error();
    for (const mail::BackupFile &file : files) {
        const std::string secretPath = mail::secretPathOf(file.path);
        if (secretPath.empty())
            continue;
        if (!mail::isSafeBackupPath(secretPath) || !mail::isBackupSecret(secretPath))
            return mail::Error{"'" + file.path + "' is not where a backup keeps a secret"};
        auto plaintext = mail::decryptBackupFile(*privateKey, secretPath, file.content);
        if (!plaintext)
            return plaintext.error();
        secrets.push_back({secretPath, std::move(*plaintext)});
    }
    return secrets;
}

} // namespace

mail::Status ConfigRepository::restore(const std::vector<mail::BackupFile> &files, const std::string &passphrase,
    const std::string &cloneDir)
{
    mail::Status restored = restoreFrom(files, passphrase, cloneDir);
    if (!cloneDir.empty()) {
        std::error_code ignored;
        fs::remove_all(cloneDir, ignored);
    }
    return restored;
}

mail::Status ConfigRepository::restoreFrom(const std::vector<mail::BackupFile> &files, const std::string &passphrase,
    const std::string &cloneDir)
{
    // Everything is decrypted before anything is written: a wrong
    // passphrase or a damaged file changes nothing.
    auto secrets = checkAndDecrypt(files, passphrase);
    if (!secrets)
        return secrets.error();
    for (const std::vector<mail::BackupFile> *list : {&files, &std::as_const(*secrets)})
        for (const mail::BackupFile &file : *list)
            if (mail::Status written = writeRestored(m_dir, file.path, file.content); !written)
                return mail::Error{"restoring " + file.path + ": " + written.error().message};

    if (!cloneDir.empty()) {
        std::error_code error;
        fs::remove_all(path(".git"), error);
        fs::rename(cloneDir + "/.git", path(".git"), error);
        if (error)
            return mail::Error{"cannot take over the backup's history: " + error.message()};
        if (mail::Status refreshed = gitOrFail({"reset", "-q"}, "git reset failed"); !refreshed)
            return refreshed;
    } else if (!enabled()) {
        if (mail::Status created = gitOrFail({"init", "-q", "-b", branch}, "git init failed"); !created)
            return created;
    }
    return writeSecretFingerprints(*secrets);
}

} // namespace postwr::daemon
