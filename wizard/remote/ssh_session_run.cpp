// SshSession::run: the command loop itself is CommandRun.
#include "remote/command_run.h"
#include "remote/ssh_session.h"

namespace postwr::remote {

CommandResult SshSession::run(const QString &command, const CommandOptions &options,
    const LineHandler &onLine, const std::atomic_bool *cancel)
{
    CommandResult result;
    if (const wizard::Status login = requireLogin(); !login) {
        result.error = login.failure().message;
        return result;
    }
    CommandRun commandRun(m_session.get(), options, onLine, cancel);
    if (options.sudo) {
        const wizard::Result<bool> root = loginIsRoot();
        if (!root) {
            result.error = root.failure().message;
            return result;
        }
        if (!*root)
            commandRun.useSudo(m_target.user, m_sudoPassword);
    }
    return commandRun.run(command);
}

} // namespace postwr::remote
