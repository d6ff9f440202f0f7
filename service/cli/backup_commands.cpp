#include "cli/backup_commands.h"

#include "daemon/child_process.h"
#include "daemon/config_repository.h"
#include "mail/backup_files.h"
#include "mail/date.h"
#include "mail/dns_records.h"

#include <sys/stat.h>
#include <unistd.h>

#include <iostream>
#include <iterator>

namespace postwr::cli {

namespace {

constexpr std::size_t minPassphraseLength = 10;
constexpr const char *usageText =
    "usage: postwrd backup init [--plain] | remote URL | key | push | commit MESSAGE | status [--format json] | "
    "export | restore --from URL | restore --stdin";

int fail(const std::string &message, int code = 2)
{
    std::cerr << "postwrd: " << message << '\n';
    return code;
}

void reportPush(const daemon::PushRecord &record, const std::string &remote)
{
    if (record.ok)
        std::cerr << "backup: pushed to " << remote << '\n';
    else
        std::cerr << "backup: the push to " << remote << " failed: " << record.message
                  << " (the change is kept here; the next push carries it)\n";
}

int init(const Arguments &arguments, daemon::ConfigRepository &repository)
{
    std::optional<std::string> passphrase;
    if (!arguments.flags.count("--plain")) {
        passphrase = readSecretLine();
        if (passphrase->size() < minPassphraseLength)
            return fail("the passphrase (read from standard input) must have at least " +
                        std::to_string(minPassphraseLength) + " characters; or use --plain to keep secrets unencrypted");
    }
    if (mail::Status made = repository.init(passphrase); !made)
        return fail(made.error().message);
    std::cerr << "backup: " << arguments.configDir << " is kept in git"
              << (passphrase ? ", secrets encrypted with the passphrase\n" : ", secrets unencrypted\n");
    return 0;
}

int remote(const Arguments &arguments, daemon::ConfigRepository &repository)
{
    if (mail::Status set = repository.setRemote(arguments.words[2]); !set)
        return fail(set.error().message);
    auto key = repository.deployKey();
    if (!key)
        return fail(key.error().message);
    std::cout << *key << '\n';
    std::cerr << "backup: add the key above to the deploy keys of " << arguments.words[2]
              << " with write access, then: postwrd backup push\n";
    return 0;
}

int push(daemon::ConfigRepository &repository)
{
    if (!repository.enabled())
        return fail("the backup is not set up: postwrd backup init first");
    const daemon::PushRecord record = repository.push();
    if (!record.ok)
        return fail("the push failed: " + record.message, 1);
    std::cerr << "backup: pushed to " << repository.remote() << '\n';
    return 0;
}

std::string statusJson(const daemon::BackupState &state)
{
    std::string out = std::string("{\"enabled\":") + (state.enabled ? "true" : "false") +
                      ",\"encrypted\":" + (state.encrypted ? "true" : "false") +
                      ",\"remote\":" + mail::jsonString(state.remote) + ",\"deploy_key\":" + mail::jsonString(state.deployKey) +
                      ",\"last_commit\":" + std::to_string(state.lastCommitTime) +
                      ",\"last_commit_message\":" + mail::jsonString(state.lastCommitMessage) +
                      ",\"commits\":" + std::to_string(state.commits) + ",\"unpushed\":" + std::to_string(state.unpushed) +
                      ",\"last_push\":";
    if (!state.lastPush)
        return out + "null}";
    return out + "{\"time\":" + std::to_string(state.lastPush->time) + ",\"ok\":" + (state.lastPush->ok ? "true" : "false") +
           ",\"message\":" + mail::jsonString(state.lastPush->message) + "}}";
}

int status(const Arguments &arguments, const daemon::ConfigRepository &repository)
{
    const auto format = arguments.options.find("--format");
    const std::string chosen = format == arguments.options.end() ? "table" : format->second;
    if (chosen != "table" && chosen != "json")
        return fail("--format must be table or json, not '" + chosen + "'");
    auto state = repository.state();
    if (!state)
        return fail(state.error().message);
    if (chosen == "json") {
        std::cout << statusJson(*state) << '\n';
        return 0;
    }
    if (!state->enabled) {
        std::cout << "backup: not set up (postwrd backup init)\n";
        return 0;
    }
    std::cout << "backup: " << state->commits << " commits, the last " << mail::isoMinute(state->lastCommitTime) << ": \""
              << state->lastCommitMessage << "\"\n"
              << "secrets: " << (state->encrypted ? "encrypted" : "NOT encrypted") << '\n'
              << "remote: " << (state->remote.empty() ? "none" : state->remote) << '\n';
    if (state->lastPush)
        std::cout << "last push: " << mail::isoMinute(state->lastPush->time) << ' '
                  << (state->lastPush->ok ? "ok" : "failed: " + state->lastPush->message) << '\n';
    std::cout << "not pushed: " << state->unpushed << " commits\n";
    return 0;
}

int exportFiles(const daemon::ConfigRepository &repository)
{
    auto files = repository.exportFiles();
    if (!files)
        return fail(files.error().message);
    std::cout << mail::serializeBackupFiles(*files);
    std::cout.flush();
    return std::cout ? 0 : 1;
}

int restore(const Arguments &arguments, daemon::ConfigRepository &repository)
{
    const auto from = arguments.options.find("--from");
    const bool fromStdin = arguments.flags.count("--stdin") > 0;
    if ((from == arguments.options.end()) == !fromStdin)
        return fail("usage: postwrd backup restore --from URL | --stdin (the passphrase is the first line of standard input)");
    const std::string passphrase = readSecretLine();
    std::vector<mail::BackupFile> files;
    std::string cloneDir;
    std::string source;
    if (fromStdin) {
        const std::string text{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
        auto parsed = mail::parseBackupFiles(text);
        if (!parsed)
            return fail("the backup on standard input: " + parsed.error().describe());
        files = std::move(*parsed);
        source = "a backup archive";
    } else {
        auto cloned = repository.cloneRemote(from->second);
        if (!cloned)
            return fail(cloned.error().message);
        cloneDir = *cloned;
        auto read = daemon::ConfigRepository::filesOf(cloneDir);
        if (!read)
            return fail(read.error().message);
        files = std::move(*read);
        source = from->second;
    }
    if (mail::Status restored = repository.restore(files, passphrase, cloneDir); !restored)
        return fail(restored.error().message, 1);
    std::cerr << "backup: restored " << files.size() << " files from " << source
              << "; reload or restart postwrd to use them\n";
    recordConfigChange(arguments, "restore from " + source);
    return 0;
}

} // namespace

void recordConfigChange(const Arguments &arguments, const std::string &message)
{
    daemon::ConfigRepository repository(arguments.configDir);
    if (!repository.enabled())
        return;
    // Root changing the service's files (certbot's deploy hook): the history
    // stays the service user's, so the commit is made as that user.
    struct stat owner {};
    if (::geteuid() == 0 && ::stat(arguments.configDir.c_str(), &owner) == 0 && owner.st_uid != 0) {
        daemon::ChildOptions options;
        options.user = owner.st_uid;
        options.group = owner.st_gid;
        options.timeout = std::chrono::minutes(3);
        auto run = daemon::runChild({"/proc/self/exe", "--config", arguments.configDir, "backup", "commit", message}, options);
        std::cerr << (run ? run->errors : "backup: the change is made, but not committed: " + run.error().message + "\n");
        return;
    }
    auto committed = repository.commit(message);
    if (!committed) {
        std::cerr << "backup: the change is made, but not committed: " << committed.error().message << '\n';
        return;
    }
    const std::string remote = repository.remote();
    if (remote.empty())
        return;
    // Nothing new: push only what an earlier push left behind.
    if (!*committed) {
        auto state = repository.state();
        if (!state || state->unpushed == 0)
            return;
    }
    reportPush(repository.push(), remote);
}

int runBackupCommand(const Arguments &arguments)
{
    const std::vector<std::string> &words = arguments.words;
    const std::string verb = words.size() > 1 ? words[1] : "";
    daemon::ConfigRepository repository(arguments.configDir);
    if (verb == "init" && words.size() == 2)
        return init(arguments, repository);
    if (verb == "remote" && words.size() == 3)
        return remote(arguments, repository);
    if (verb == "key" && words.size() == 2) {
        auto key = repository.deployKey();
        if (!key)
            return fail(key.error().message);
        std::cout << *key << '\n';
        return 0;
    }
    if (verb == "push" && words.size() == 2)
        return push(repository);
    if (verb == "commit" && words.size() == 3) {
        recordConfigChange(arguments, words[2]);
        return 0;
    }
    if (verb == "status" && words.size() == 2)
        return status(arguments, repository);
    if (verb == "export" && words.size() == 2)
        return exportFiles(repository);
    if (verb == "restore" && words.size() == 2)
        return restore(arguments, repository);
    return fail(usageText);
}

} // namespace postwr::cli
