#include "steps/hostname_step.h"

#include "remote/shell_quote.h"
#include "steps/config_edit.h"
#include "steps/service_control.h"

namespace postwr::steps {

namespace {

wizard::Result<QString> readConfig(StepContext &context)
{
    const QString path = context.layout.configDir + QStringLiteral("/postwrd.conf");
    auto read = query(context, HostnameStep::tr("Reading %1").arg(path),
        QStringLiteral("cat %1").arg(remote::shellQuote(path)), !context.layout.isUser());
    if (!read)
        return wizard::Failure { HostnameStep::tr("postwrd is not installed here yet (%1)").arg(read.failure().message) };
    return read->standardOutput;
}

} // namespace

QString HostnameStep::title() const
{
    return tr("Set the mail host name");
}

wizard::Result<QStringList> HostnameStep::plan(StepContext &context)
{
    auto config = readConfig(context);
    if (!config)
        return config.failure();
    const QString current = configValue(*config, {}, QStringLiteral("hostname"));
    if (current == context.plan.hostname)
        return QStringList();
    return QStringList { tr("Change postwrd's host name from %1 to %2").arg(current, context.plan.hostname) };
}

wizard::Status HostnameStep::run(StepContext &context)
{
    auto config = readConfig(context);
    if (!config)
        return config.failure();
    const QString updated = setConfigValue(*config, {}, QStringLiteral("hostname"), context.plan.hostname);
    if (updated == *config) {
        context.log(tr("postwrd's host name is already %1.").arg(context.plan.hostname));
        return wizard::Done {};
    }
    const RemoteLayout &layout = context.layout;
    const QString path = layout.configDir + QStringLiteral("/postwrd.conf");
    wizard::Status written = context.ssh.writeFile(path, updated.toUtf8(), layout.isUser() ? 0600 : 0640, !layout.isUser());
    if (!written)
        return written;
    if (!layout.isUser()) {
        auto owned = runCommand(context, tr("Giving the configuration to postwr"),
            QStringLiteral("chown postwr:postwr %1").arg(remote::shellQuote(path)), true);
        if (!owned)
            return owned.failure();
    }
    auto checked = postwrd(context, tr("Checking the configuration"), QStringLiteral("config check"));
    if (!checked)
        return checked.failure();
    context.log(tr("postwrd's host name is now %1.").arg(context.plan.hostname));
    return reloadService(context);
}

} // namespace postwr::steps
