#include "steps/service_control.h"

#include "remote/shell_quote.h"

namespace postwr::steps {

using remote::shellQuote;

namespace {

// Waits in the shell, so one round-trip covers the whole wait (bounded).
QString waitForReadyScript(const RemoteLayout &layout, int fromLine)
{
    return QStringLiteral("i=0; while [ $i -lt 200 ]; do "
                          "tail -n +%1 %2 2>/dev/null | grep -q 'event=ready' && exit 0; "
                          "p=$(cat %3 2>/dev/null); "
                          "if [ -z \"$p\" ] || ! kill -0 \"$p\" 2>/dev/null; then "
                          "  [ $i -gt 20 ] && { tail -n +%1 %2 | tail -n 5; exit 1; }; fi; "
                          "i=$((i+1)); sleep 0.1; done; tail -n +%1 %2 | tail -n 5; exit 1")
        .arg(fromLine)
        .arg(shellQuote(layout.logFile), shellQuote(layout.supervisorPidFile()));
}

} // namespace

wizard::Result<remote::CommandResult> postwrd(StepContext &context, const QString &what, const QString &arguments,
    const QByteArray &input, bool stream, std::chrono::milliseconds timeout)
{
    const RemoteLayout &layout = context.layout;
    const QString command = layout.isUser()
        ? layout.postwrdCommand() + QLatin1Char(' ') + arguments
        : QStringLiteral("runuser -u postwr -- ") + layout.postwrdCommand() + QLatin1Char(' ') + arguments;
    return stream ? runCommand(context, what, command, !layout.isUser(), input, timeout)
                  : query(context, what, command, !layout.isUser(), input);
}

wizard::Result<QString> readRemoteConfig(StepContext &context)
{
    const QString path = context.layout.configDir + QStringLiteral("/postwrd.conf");
    auto read = query(context, Steps::tr("Reading %1").arg(path), QStringLiteral("cat %1").arg(shellQuote(path)),
        !context.layout.isUser());
    if (!read)
        return wizard::Failure { Steps::tr("postwrd is not installed here yet (%1)").arg(read.failure().message) };
    return read->standardOutput;
}

wizard::Status writeRemoteConfig(StepContext &context, const QString &text)
{
    const RemoteLayout &layout = context.layout;
    const QString path = layout.configDir + QStringLiteral("/postwrd.conf");
    wizard::Status written = context.ssh.writeFile(path, text.toUtf8(), layout.isUser() ? 0600 : 0640, !layout.isUser());
    if (!written || layout.isUser())
        return written;
    auto owned = runCommand(context, Steps::tr("Giving the configuration to postwr"),
        QStringLiteral("chown postwr:postwr %1").arg(shellQuote(path)), true);
    if (!owned)
        return owned.failure();
    return wizard::Done {};
}

void commitConfigChange(StepContext &context, const QString &message)
{
    auto committed = postwrd(context, Steps::tr("Recording the change in the backup"),
        QStringLiteral("backup commit ") + shellQuote(message), {}, true, std::chrono::minutes(4));
    if (!committed)
        context.log(markTag(Mark::Warning) + QLatin1Char(' ') + committed.failure().message);
}

wizard::Result<bool> serviceRunning(StepContext &context)
{
    const RemoteLayout &layout = context.layout;
    const QString command = layout.isUser()
        ? QStringLiteral("p=$(cat %1 2>/dev/null) && [ -n \"$p\" ] && kill -0 \"$p\" 2>/dev/null && echo yes; true")
              .arg(shellQuote(layout.supervisorPidFile()))
        : QStringLiteral("systemctl is-active --quiet postwrd && echo yes; true");
    auto result = query(context, Steps::tr("Checking whether postwrd runs"), command);
    if (!result)
        return result.failure();
    return result->standardOutput.trimmed() == QLatin1String("yes");
}

Status startService(StepContext &context)
{
    const RemoteLayout &layout = context.layout;
    if (!layout.isUser()) {
        auto started = runCommand(context, Steps::tr("Starting postwrd"),
            QStringLiteral("systemctl enable --now postwrd && systemctl is-active postwrd"), true);
        if (!started)
            return started.failure();
        return wizard::Done {};
    }
    auto lines = query(context, Steps::tr("Reading postwrd's log"),
        QStringLiteral("mkdir -p %1 %2 && touch %3 && wc -l < %3")
            .arg(shellQuote(layout.prefix + QStringLiteral("/log")), shellQuote(layout.runDir),
                shellQuote(layout.logFile)));
    if (!lines)
        return lines.failure();
    const int from = lines->standardOutput.trimmed().toInt() + 1;
    context.log(Steps::tr("Starting postwrd (user mode, supervised by %1)").arg(layout.supervisor));
    // setsid and no inherited descriptors: the supervisor outlives this SSH session.
    auto started = runCommand(context, Steps::tr("Starting postwrd"),
        QStringLiteral("setsid sh %1 %2 </dev/null >/dev/null 2>&1 &")
            .arg(shellQuote(layout.supervisor), shellQuote(layout.prefix)));
    if (!started)
        return started.failure();
    auto ready = query(context, Steps::tr("Waiting for postwrd to be ready"), waitForReadyScript(layout, from));
    if (!ready)
        return wizard::Failure { Steps::tr("postwrd did not start: %1").arg(ready.failure().message) };
    return wizard::Done {};
}

Status stopService(StepContext &context)
{
    const RemoteLayout &layout = context.layout;
    if (!layout.isUser()) {
        auto stopped = runCommand(context, Steps::tr("Stopping postwrd"),
            QStringLiteral("systemctl disable --now postwrd 2>/dev/null; ! systemctl is-active --quiet postwrd"), true);
        if (!stopped)
            return stopped.failure();
        return wizard::Done {};
    }
    // SIGTERM lets transactions finish; wait up to 60 s for the supervisor to go.
    auto stopped = runCommand(context, Steps::tr("Stopping postwrd"),
        QStringLiteral("p=$(cat %1 2>/dev/null); [ -n \"$p\" ] || exit 0; kill -TERM \"$p\" 2>/dev/null || exit 0; "
                       "i=0; while kill -0 \"$p\" 2>/dev/null; do i=$((i+1)); "
                       "[ $i -gt 600 ] && { echo 'postwrd did not stop within 60 s' >&2; exit 1; }; sleep 0.1; done")
            .arg(shellQuote(layout.supervisorPidFile())),
        false, {}, std::chrono::seconds(90));
    if (!stopped)
        return stopped.failure();
    return wizard::Done {};
}

Status restartService(StepContext &context)
{
    if (!context.layout.isUser()) {
        auto restarted = runCommand(context, Steps::tr("Restarting postwrd"),
            QStringLiteral("systemctl enable postwrd && systemctl restart postwrd && systemctl is-active postwrd"), true);
        if (!restarted)
            return restarted.failure();
        return wizard::Done {};
    }
    wizard::Status stopped = stopService(context);
    if (!stopped)
        return stopped;
    return startService(context);
}

Status reloadService(StepContext &context)
{
    const RemoteLayout &layout = context.layout;
    const QString command = layout.isUser()
        ? QStringLiteral("p=$(cat %1 2>/dev/null) && [ -n \"$p\" ] && kill -HUP \"$p\" 2>/dev/null; true")
              .arg(shellQuote(layout.supervisorPidFile()))
        : QStringLiteral("! systemctl is-active --quiet postwrd || systemctl reload postwrd");
    auto reloaded = runCommand(context, Steps::tr("Reloading postwrd"), command, !layout.isUser());
    if (!reloaded)
        return reloaded.failure();
    return wizard::Done {};
}

} // namespace postwr::steps
