#include "steps/step.h"

namespace postwr::steps {

namespace {

wizard::Result<remote::CommandResult> execute(StepContext &context, const QString &what, const QString &command,
    bool asRoot, const QByteArray &input, std::chrono::milliseconds timeout, bool stream)
{
    remote::CommandOptions options;
    options.sudo = asRoot;
    options.standardInput = input;
    options.timeout = timeout;
    remote::CommandResult result
        = context.ssh.run(command, options, stream ? context.output : remote::LineHandler(), context.cancel);
    if (result.ok())
        return result;
    if (!result.error.isEmpty())
        return wizard::Failure { QStringLiteral("%1: %2").arg(what, result.error) };
    if (result.cancelled)
        return wizard::Failure { Steps::tr("%1: cancelled").arg(what) };
    if (result.timedOut)
        return wizard::Failure { Steps::tr("%1: no answer within %2 seconds")
                .arg(what)
                .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count()) };
    QString detail = result.standardError.trimmed();
    if (detail.isEmpty())
        detail = result.standardOutput.trimmed();
    detail = detail.section(QLatin1Char('\n'), -1).trimmed();
    return wizard::Failure { detail.isEmpty()
            ? Steps::tr("%1: failed with exit status %2").arg(what).arg(result.exitStatus)
            : Steps::tr("%1: failed with exit status %2: %3").arg(what).arg(result.exitStatus).arg(detail) };
}

} // namespace

wizard::Result<remote::CommandResult> runCommand(StepContext &context, const QString &what, const QString &command,
    bool asRoot, const QByteArray &input, std::chrono::milliseconds timeout)
{
    return execute(context, what, command, asRoot, input, timeout, true);
}

wizard::Result<remote::CommandResult> query(
    StepContext &context, const QString &what, const QString &command, bool asRoot, const QByteArray &input)
{
    return execute(context, what, command, asRoot, input, std::chrono::minutes(1), false);
}

QString markTag(Mark mark)
{
    switch (mark) {
    case Mark::Good:
        return Steps::tr("[good]");
    case Mark::Warning:
        return Steps::tr("[warning]");
    case Mark::Problem:
        break;
    }
    return Steps::tr("[problem]");
}

wizard::Result<RemoteLayout> layoutFor(remote::SshSession &ssh, const Plan &plan, const std::atomic_bool *cancel)
{
    if (plan.install.mode != InstallMode::User)
        return RemoteLayout::system();
    remote::CommandOptions options;
    options.timeout = std::chrono::seconds(30);
    const remote::CommandResult home = ssh.run(QStringLiteral("printf '%s\\n' \"$HOME\""), options, {}, cancel);
    if (!home.ok() || !home.standardOutput.trimmed().startsWith(QLatin1Char('/')))
        return wizard::Failure { Steps::tr("Cannot find the home directory of %1 on the server.").arg(plan.server.target.user) };
    return RemoteLayout::user(plan.install.prefix, home.standardOutput.trimmed());
}

} // namespace postwr::steps
