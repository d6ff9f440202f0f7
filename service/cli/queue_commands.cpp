#include "cli/queue_commands.h"

#include "daemon/config_dir.h"
#include "daemon/safeio.h"
#include "daemon/spool.h"
#include "mail/delivery_state.h"
#include "mail/text.h"

#include <signal.h>

#include <ctime>
#include <iostream>

namespace postwr::cli {

namespace {

int fail(const std::string &message)
{
    std::cerr << "postwrd: " << message << '\n';
    return 2;
}

std::string age(std::int64_t since)
{
    const std::int64_t seconds = std::max<std::int64_t>(0, static_cast<std::int64_t>(std::time(nullptr)) - since);
    if (seconds < 60)
        return std::to_string(seconds) + "s";
    if (seconds < 3600)
        return std::to_string(seconds / 60) + "m";
    if (seconds < 86400)
        return std::to_string(seconds / 3600) + "h" + std::to_string(seconds % 3600 / 60) + "m";
    return std::to_string(seconds / 86400) + "d" + std::to_string(seconds % 86400 / 3600) + "h";
}

int list(const daemon::Spool &spool)
{
    const std::vector<std::string> ids = spool.list();
    for (const std::string &id : ids) {
        mail::Result<mail::QueueFile> queued = spool.load(id);
        if (!queued) {
            std::cout << id << "  (unreadable: " << queued.error().message << ")\n";
            continue;
        }
        const mail::Envelope &envelope = queued->envelope;
        mail::DeliveryState state;
        if (mail::Result<std::string> text = spool.loadState(id); text && !text->empty()) {
            if (mail::Result<mail::DeliveryState> parsed = mail::parseDeliveryState(*text))
                state = std::move(parsed).value();
        }
        std::string recipients;
        std::string lastError;
        for (const std::string &recipient : envelope.recipients) {
            const auto found = state.recipients.find(recipient);
            if (found != state.recipients.end() && found->second.status != mail::RecipientState::Status::Pending)
                continue; // done with: delivered or bounced
            recipients += (recipients.empty() ? "" : ",") + recipient;
            if (found != state.recipients.end() && !found->second.lastReply.empty())
                lastError = found->second.lastReply;
        }
        std::cout << id << "  " << age(envelope.receivedAt) << "  <" << envelope.from << ">  " << recipients
                  << "  attempts=" << state.attempts;
        if (!lastError.empty())
            std::cout << "  last error: " << lastError;
        std::cout << '\n';
    }
    std::cerr << ids.size() << " message(s) queued\n";
    return 0;
}

int flush(const daemon::Spool &spool)
{
    const mail::Result<pid_t> pid = daemon::signalDaemon(spool.directory(), SIGUSR1);
    if (!pid)
        return fail("postwrd does not seem to run (" + pid.error().message + ")");
    std::cerr << "asked postwrd (pid " << *pid << ") to retry every queued message now\n";
    return 0;
}

int drop(daemon::Spool &spool, const std::string &id)
{
    if (!spool.contains(id)) {
        std::cerr << "postwrd: no queued message " << id << '\n';
        return 1;
    }
    if (mail::Status status = spool.remove(id); !status)
        return fail(status.error().message);
    std::cerr << "dropped " << id << '\n';
    return 0;
}

} // namespace

int runQueueCommand(const Arguments &arguments)
{
    const std::vector<std::string> &words = arguments.words;
    const std::string verb = words.size() > 1 ? words[1] : "";
    const bool known = (verb == "list" || verb == "flush") ? words.size() == 2 : verb == "drop" && words.size() == 3;
    if (!known)
        return fail("usage: postwrd queue list | queue flush | queue drop ID");
    const daemon::LoadedConfigDir loaded = daemon::loadConfigDir(arguments.configDir);
    if (!loaded.value) {
        for (const std::string &problem : loaded.problems)
            std::cerr << problem << '\n';
        return 2;
    }
    mail::Result<daemon::Spool> spool = daemon::Spool::attach(loaded.value->config.spool);
    if (!spool)
        return fail(spool.error().message);
    if (verb == "list")
        return list(spool.value());
    if (verb == "flush")
        return flush(spool.value());
    return drop(spool.value(), words[2]);
}

} // namespace postwr::cli
