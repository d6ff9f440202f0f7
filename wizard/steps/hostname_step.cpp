#include "steps/hostname_step.h"

#include "remote/shell_quote.h"
#include "steps/config_edit.h"
#include "steps/service_control.h"

namespace postwr::steps {

QString HostnameStep::title() const
{
    return tr("Set the mail host name");
}

wizard::Result<QStringList> HostnameStep::plan(StepContext &context)
{
    auto config = readRemoteConfig(context);
    if (!config)
        return config.failure();
    const QString current = configValue(*config, {}, QStringLiteral("hostname"));
    if (current == context.plan.hostname)
        return QStringList();
    return QStringList { tr("Change postwrd's host name from %1 to %2").arg(current, context.plan.hostname) };
}

wizard::Status HostnameStep::run(StepContext &context)
{
    auto config = readRemoteConfig(context);
    if (!config)
        return config.failure();
    const QString updated = setConfigValue(*config, {}, QStringLiteral("hostname"), context.plan.hostname);
    if (updated == *config) {
        context.log(tr("postwrd's host name is already %1.").arg(context.plan.hostname));
        return wizard::Done {};
    }
    wizard::Status written = writeRemoteConfig(context, updated);
    if (!written)
        return written;
    auto checked = postwrd(context, tr("Checking the configuration"), QStringLiteral("config check"));
    if (!checked)
        return checked.failure();
    context.log(tr("postwrd's host name is now %1.").arg(context.plan.hostname));
    commitConfigChange(context, QStringLiteral("set the host name to ") + context.plan.hostname);
    return reloadService(context);
}

} // namespace postwr::steps
