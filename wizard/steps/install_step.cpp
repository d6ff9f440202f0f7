#include "steps/install_step.h"

#include "payload/payload.h"
#include "remote/shell_quote.h"
#include "steps/backup_step.h"
#include "steps/config_edit.h"
#include "steps/install_files.h"
#include "steps/service_control.h"

namespace postwr::steps {

using remote::shellQuote;

namespace {

wizard::Result<InstalledState> readState(StepContext &context)
{
    auto answer = query(context, InstallStep::tr("Looking at the current installation"),
        stateScript(context.layout), !context.layout.isUser());
    if (!answer)
        return answer.failure();
    return parseState(answer->standardOutput);
}

QByteArray helperFile(const RemoteLayout &layout)
{
    return layout.isUser() ? payload::supervisorScript() : payload::systemdUnit();
}

QString configPath(const RemoteLayout &layout)
{
    return layout.configDir + QStringLiteral("/postwrd.conf");
}

// What differs between the server and the plan.
struct Differences {
    bool conflicts = false;
    bool serviceUser = false;
    bool git = false; // system mode: for the backup
    bool binary = false;
    bool helper = false;
    bool config = false;
    bool listen = false; // needs a restart, not a reload
    QStringList domains; // to create
    bool certificate = false;
    bool start = false;
    bool enable = false;

    bool any() const
    {
        return conflicts || serviceUser || git || binary || helper || config || !domains.isEmpty() || certificate || start
            || enable;
    }
};

Differences compare(const InstalledState &state, const StepContext &context, const QByteArray &binary)
{
    const RemoteLayout &layout = context.layout;
    Differences d;
    d.conflicts = !layout.isUser() && !state.conflictingMtas.isEmpty();
    d.serviceUser = !layout.isUser() && !state.serviceUser;
    d.git = !layout.isUser() && !state.git;
    d.binary = state.binarySha256 != sha256Hex(binary);
    d.helper = state.helperSha256 != sha256Hex(helperFile(layout));
    const QString desired = desiredConfig(state.config, layout, context.plan);
    d.config = desired != state.config;
    for (const char *key : { "smtp", "submission", "submissions" }) {
        const QString name = QString::fromLatin1(key);
        if (configValue(desired, QStringLiteral("listen"), name)
            != configValue(state.config, QStringLiteral("listen"), name))
            d.listen = true;
    }
    for (const QString &domain : context.plan.domains) {
        if (!state.domains.contains(domain))
            d.domains << domain;
    }
    d.certificate = !state.certificateExists;
    d.start = !state.running;
    d.enable = !layout.isUser() && !state.enabled;
    return d;
}

} // namespace

InstallStep::InstallStep(QByteArray binary)
    : m_binary(std::move(binary))
{
}

QString InstallStep::title() const
{
    return tr("Install postwrd");
}

wizard::Result<QStringList> InstallStep::plan(StepContext &context)
{
    auto state = readState(context);
    if (!state)
        return state.failure();
    const RemoteLayout &layout = context.layout;
    const Differences d = compare(*state, context, m_binary);
    QStringList changes;
    if (d.conflicts)
        changes << tr("Stop and disable %1, which holds the mail ports").arg(state->conflictingMtas.join(QStringLiteral(", ")));
    if (d.serviceUser)
        changes << tr("Create the system user postwr");
    if (d.git)
        changes << tr("Install git, which keeps the configuration's history for the backup");
    if (d.binary)
        changes << (state->binarySha256.isEmpty() ? tr("Upload postwrd to %1").arg(layout.binary)
                                                  : tr("Upgrade postwrd in %1 (config, accounts and queue are kept)").arg(layout.binary));
    if (d.helper)
        changes << (layout.isUser() ? tr("Write the supervisor script %1").arg(layout.supervisor)
                                    : tr("Write the systemd unit %1").arg(layout.unitFile));
    if (d.config)
        changes << (state->configExists ? tr("Update %1 (host name, directories, ports)").arg(configPath(layout))
                                        : tr("Write %1").arg(configPath(layout)));
    for (const QString &domain : d.domains)
        changes << tr("Add the mail domain %1").arg(domain);
    if (d.certificate)
        changes << tr("Make a self-signed certificate for %1 (until a real one is set up)").arg(context.plan.hostname);
    if (d.start)
        changes << tr("Start postwrd");
    else if (d.binary || d.helper || d.listen)
        changes << tr("Restart postwrd");
    else if (d.any())
        changes << tr("Reload postwrd's configuration");
    if (d.enable)
        changes << tr("Start postwrd at boot");
    return changes;
}

wizard::Status InstallStep::run(StepContext &context)
{
    if (m_binary.isEmpty())
        return wizard::Failure { tr("This build of Postwr carries no postwrd to install.") };
    auto state = readState(context);
    if (!state)
        return state.failure();
    const RemoteLayout &layout = context.layout;
    const bool root = !layout.isUser();
    const Differences d = compare(*state, context, m_binary);
    if (!d.any()) {
        context.log(tr("postwrd is installed and running as planned: nothing to change."));
        return wizard::Done {};
    }

    if (d.conflicts) {
        const QString names = state->conflictingMtas.join(QStringLiteral(", "));
        if (!context.plan.install.stopConflictingMta)
            return wizard::Failure { tr("%1 runs on this server and holds the mail ports. Postwr can stop and "
                                        "disable it: agree to that (install.stop_conflicting_mta in a plan "
                                        "file), or remove it yourself.")
                    .arg(names) };
        for (const QString &mta : state->conflictingMtas) {
            auto stopped = runCommand(context, tr("Stopping %1").arg(mta),
                QStringLiteral("systemctl disable --now %1").arg(shellQuote(mta)), true);
            if (!stopped)
                return stopped.failure();
        }
    }

    if (d.serviceUser) {
        auto created = runCommand(context, tr("Creating the user postwr"),
            QStringLiteral("id -u postwr >/dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/postwr "
                           "--no-create-home --shell /usr/sbin/nologin postwr"),
            true);
        if (!created)
            return created.failure();
    }

    if (d.git) {
        wizard::Status git = ensureGit(context);
        if (!git)
            return git;
    }

    const QString directories = root
        ? QStringLiteral("install -d -o postwr -g postwr -m 0750 %1 %2 %3 /var/lib/postwr %4")
              .arg(shellQuote(layout.configDir), shellQuote(layout.configDir + QStringLiteral("/domains")),
                  shellQuote(layout.spool), shellQuote(layout.maildir))
        : QStringLiteral("mkdir -p %1 %2 %3 %4 %5 %6 && chmod 0700 %3")
              .arg(shellQuote(layout.prefix + QStringLiteral("/bin")), shellQuote(layout.prefix + QStringLiteral("/log")),
                  shellQuote(layout.configDir), shellQuote(layout.configDir + QStringLiteral("/domains")),
                  shellQuote(layout.spool), shellQuote(layout.maildir));
    auto made = runCommand(context, tr("Creating postwrd's directories"), directories, root);
    if (!made)
        return made.failure();

    if (d.binary) {
        context.log(tr("Uploading postwrd (%1 MB) to %2").arg(double(m_binary.size()) / 1e6, 0, 'f', 1).arg(layout.binary));
        wizard::Status written = context.ssh.writeFile(layout.binary, m_binary, 0755, root);
        if (!written)
            return written;
    }
    if (d.helper) {
        const QString path = layout.isUser() ? layout.supervisor : layout.unitFile;
        context.log(tr("Writing %1").arg(path));
        wizard::Status written = context.ssh.writeFile(path, helperFile(layout), layout.isUser() ? 0755 : 0644, root);
        if (!written)
            return written;
        if (root) {
            auto reloaded = runCommand(context, tr("Telling systemd about the unit"), QStringLiteral("systemctl daemon-reload"), true);
            if (!reloaded)
                return reloaded.failure();
        }
    }

    if (d.config) {
        const QString path = configPath(layout);
        context.log(tr("Writing %1").arg(path));
        if (state->configExists) {
            auto kept = runCommand(context, tr("Keeping the previous configuration"),
                QStringLiteral("cp -p %1 %2").arg(shellQuote(path), shellQuote(path + QStringLiteral(".previous"))), root);
            if (!kept)
                return kept.failure();
        }
        wizard::Status written = writeRemoteConfig(context, desiredConfig(state->config, layout, context.plan));
        if (!written)
            return written;
    }
    for (const QString &domain : d.domains) {
        const QString dir = shellQuote(layout.configDir + QStringLiteral("/domains/") + domain);
        auto added = runCommand(context, tr("Adding the mail domain %1").arg(domain),
            root ? QStringLiteral("install -d -o postwr -g postwr -m 0750 %1").arg(dir) : QStringLiteral("mkdir -p %1").arg(dir),
            root);
        if (!added)
            return added.failure();
    }

    if (d.certificate) {
        auto certificate = postwrd(context, tr("Making a self-signed certificate"), QStringLiteral("tls self-signed"));
        if (!certificate)
            return certificate.failure();
    }
    auto checked = postwrd(context, tr("Checking the configuration"), QStringLiteral("config check"));
    if (!checked) {
        if (d.config && state->configExists) {
            const QString path = configPath(layout);
            runCommand(context, tr("Restoring the previous configuration"),
                QStringLiteral("mv -f %1 %2").arg(shellQuote(path + QStringLiteral(".previous")), shellQuote(path)), root);
        }
        return checked.failure();
    }
    if (d.config || !d.domains.isEmpty())
        commitConfigChange(context, QStringLiteral("configure postwrd for ") + context.plan.hostname);

    wizard::Status service = wizard::Done {};
    if (d.start)
        service = startService(context);
    else if (d.binary || d.helper || d.listen)
        service = restartService(context);
    else
        service = reloadService(context);
    if (!service)
        return service;
    if (d.enable && !d.start) {
        auto enabled = runCommand(context, tr("Starting postwrd at boot"), QStringLiteral("systemctl enable postwrd"), true);
        if (!enabled)
            return enabled.failure();
    }
    context.log(tr("postwrd is installed and running."));
    return wizard::Done {};
}

QString UninstallStep::title() const
{
    return tr("Uninstall postwrd");
}

wizard::Result<QStringList> UninstallStep::plan(StepContext &context)
{
    auto state = readState(context);
    if (!state)
        return state.failure();
    const RemoteLayout &layout = context.layout;
    QStringList changes;
    if (state->running)
        changes << tr("Stop postwrd");
    if (!state->binarySha256.isEmpty())
        changes << tr("Remove %1").arg(layout.binary);
    if (!state->helperSha256.isEmpty())
        changes << tr("Remove %1").arg(layout.isUser() ? layout.supervisor : layout.unitFile);
    if (context.plan.install.purge && state->configExists)
        changes << tr("Delete the configuration, the queue and all mail in %1, %2 and %3")
                       .arg(layout.configDir, layout.spool, layout.maildir);
    else if (state->configExists)
        changes << tr("Keep the configuration, the queue and the mail");
    return changes;
}

wizard::Status UninstallStep::run(StepContext &context)
{
    auto state = readState(context);
    if (!state)
        return state.failure();
    const RemoteLayout &layout = context.layout;
    const bool root = !layout.isUser();
    if (state->running) {
        wizard::Status stopped = stopService(context);
        if (!stopped)
            return stopped;
    }
    QStringList paths { layout.binary, layout.isUser() ? layout.supervisor : layout.unitFile };
    if (context.plan.install.purge)
        paths << layout.configDir << layout.spool << layout.maildir
              << (layout.isUser() ? layout.prefix + QStringLiteral("/log") : QString())
              << (layout.isUser() ? layout.runDir : QString());
    QString command = QStringLiteral("rm -rf --");
    for (const QString &path : paths) {
        if (!path.isEmpty())
            command += QLatin1Char(' ') + shellQuote(path);
    }
    if (root)
        command += QStringLiteral(" && systemctl daemon-reload");
    auto removed = runCommand(context, tr("Removing postwrd"), command, root);
    if (!removed)
        return removed.failure();
    context.log(context.plan.install.purge ? tr("postwrd is removed, with its configuration, queue and mail.")
                                           : tr("postwrd is removed; its configuration, queue and mail are kept in %1, %2 and %3.")
                                                 .arg(layout.configDir, layout.spool, layout.maildir));
    return wizard::Done {};
}

} // namespace postwr::steps
