#include "steps/status_step.h"

#include "remote/shell_quote.h"
#include "steps/backup_step.h"
#include "steps/service_control.h"

namespace postwr::steps {

using remote::shellQuote;

namespace {

QString logCommand(const RemoteLayout &layout, int lines, bool follow)
{
    if (layout.isUser())
        return QStringLiteral("tail -n %1 %2 %3").arg(lines).arg(follow ? QStringLiteral("-F") : QString(), shellQuote(layout.logFile));
    return QStringLiteral("journalctl -u postwrd -n %1 --no-pager -o cat %2").arg(lines).arg(follow ? QStringLiteral("-f") : QString());
}

} // namespace

QString followLogCommand(const RemoteLayout &layout, int lines)
{
    return logCommand(layout, lines, true);
}

QString StatusStep::title() const
{
    return tr("Service status");
}

wizard::Result<QStringList> StatusStep::plan(StepContext &)
{
    return QStringList();
}

wizard::Status StatusStep::run(StepContext &context)
{
    const RemoteLayout &layout = context.layout;
    auto running = serviceRunning(context);
    if (!running)
        return running.failure();
    auto version = postwrd(context, tr("Asking postwrd its version"), QStringLiteral("version"), {}, false);
    if (!version)
        return wizard::Failure { tr("postwrd is not installed in %1: %2").arg(layout.binary, version.failure().message) };
    context.log(*running ? tr("%1 is running.").arg(version->standardOutput.trimmed())
                         : tr("%1 is installed but not running.").arg(version->standardOutput.trimmed()));
    auto queue = postwrd(context, tr("Looking at the queue"), QStringLiteral("queue list"), {}, false);
    if (queue) {
        const qsizetype waiting = queue->standardOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size();
        context.log(tr("Messages waiting in the queue: %1").arg(waiting));
    }
    if (auto backup = readBackupStatus(context)) {
        const BackupStanding standing = describeBackup(*backup);
        context.check(standing.mark, tr("Backup: %1").arg(standing.text));
    }
    if (context.plan.logLines > 0) {
        context.log(tr("The last lines of postwrd's log:"));
        auto log = runCommand(context, tr("Reading postwrd's log"), logCommand(layout, context.plan.logLines, false),
            !layout.isUser());
        if (!log)
            return log.failure();
    }
    if (!*running)
        return wizard::Failure { tr("postwrd is not running. Its log above says why; run the install step to start it.") };
    return wizard::Done {};
}

} // namespace postwr::steps
