#include "steps/plan_runner.h"

#include "steps/accounts_step.h"
#include "steps/backup_step.h"
#include "steps/restore_step.h"
#include "steps/dkim_step.h"
#include "steps/dns_check_step.h"
#include "steps/forwarding_step.h"
#include "steps/hostname_step.h"
#include "steps/install_step.h"
#include "steps/ipv6_step.h"
#include "steps/probe_step.h"
#include "steps/status_step.h"
#include "steps/test_mail_step.h"
#include "steps/tls_step.h"

#include <QDir>

namespace postwr::steps {

std::vector<std::unique_ptr<Step>> stepsOf(const Plan &plan, const QByteArray &binary)
{
    std::vector<std::unique_ptr<Step>> steps;
    for (const QString &name : plan.steps) {
        if (name == QLatin1String("probe"))
            steps.push_back(std::make_unique<ProbeStep>());
        else if (name == QLatin1String("enable-ipv6"))
            steps.push_back(std::make_unique<Ipv6Step>());
        else if (name == QLatin1String("install"))
            steps.push_back(std::make_unique<InstallStep>(binary));
        else if (name == QLatin1String("uninstall"))
            steps.push_back(std::make_unique<UninstallStep>());
        else if (name == QLatin1String("hostname"))
            steps.push_back(std::make_unique<HostnameStep>());
        else if (name == QLatin1String("tls"))
            steps.push_back(std::make_unique<TlsStep>());
        else if (name == QLatin1String("dkim"))
            steps.push_back(std::make_unique<DkimStep>());
        else if (name == QLatin1String("accounts"))
            steps.push_back(std::make_unique<AccountsStep>());
        else if (name == QLatin1String("forwarding"))
            steps.push_back(std::make_unique<ForwardingStep>());
        else if (name == QLatin1String("status"))
            steps.push_back(std::make_unique<StatusStep>());
        else if (name == QLatin1String("check-dns"))
            steps.push_back(std::make_unique<DnsCheckStep>());
        else if (name == QLatin1String("send-test"))
            steps.push_back(std::make_unique<TestMailStep>());
        else if (name == QLatin1String("restore"))
            steps.push_back(std::make_unique<RestoreStep>());
        else if (name == QLatin1String("backup"))
            steps.push_back(std::make_unique<BackupStep>());
        else if (name == QLatin1String("download-backup"))
            steps.push_back(std::make_unique<DownloadBackupStep>());
    }
    return steps;
}

PlanRunner::PlanRunner(Plan plan, QByteArray binary, QString knownHosts)
    : m_plan(std::move(plan))
    , m_binary(std::move(binary))
    , m_knownHosts(m_plan.server.knownHosts.isEmpty() ? std::move(knownHosts) : m_plan.server.knownHosts)
{
}

wizard::Status PlanRunner::connect(remote::SshSession &ssh, const RunnerOutput &output)
{
    const ServerPlan &server = m_plan.server;
    const QString where = QStringLiteral("%1@%2:%3").arg(server.target.user, server.target.host).arg(server.target.port);
    output.progress(tr("Connecting to %1").arg(where));
    auto check = ssh.connectTo(server.target, std::chrono::seconds(30));
    if (!check)
        return check.failure();
    const remote::HostKey &key = check->key;
    if (!server.hostKey.isEmpty() && key.fingerprint != server.hostKey)
        return wizard::Failure { tr("The server's %1 host key has the fingerprint %2, not %3 as the plan says. "
                                    "Someone may be between you and the server; check the fingerprint on the "
                                    "server itself (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub).")
                .arg(key.type, key.fingerprint, server.hostKey) };
    switch (check->state) {
    case remote::HostKeyState::Trusted:
        break;
    case remote::HostKeyState::Changed: {
        wizard::Status refused = ssh.trustHostKey(); // refuses, with the warning to show
        return refused ? wizard::Status(wizard::Failure { tr("The server's host key has changed.") }) : refused;
    }
    case remote::HostKeyState::Unknown: {
        if (server.hostKey.isEmpty())
            return wizard::Failure { tr("First contact with %1: its %2 host key has the fingerprint %3. If that is "
                                        "your server's (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on it shows it), "
                                        "put it in the plan as server.host_key.")
                    .arg(where, key.type, key.fingerprint) };
        wizard::Status trusted = ssh.trustHostKey();
        if (!trusted)
            return trusted;
        output.log(tr("Trusted the %1 host key %2, as the plan says.").arg(key.type, key.fingerprint));
        break;
    }
    }

    remote::SshCredentials credentials;
    credentials.method = server.auth;
    credentials.keyFile = server.keyFile.startsWith(QLatin1String("~/")) ? QDir::homePath() + server.keyFile.mid(1) : server.keyFile;
    const auto secret = [&](const QString &name) { return name.isEmpty() || !output.secret ? QString() : output.secret(name); };
    credentials.passphrase = secret(server.passphraseEnv);
    credentials.password = secret(server.passwordEnv);
    if (server.auth == remote::AuthMethod::Password && credentials.password.isNull())
        return wizard::Failure { tr("The SSH password should be in the environment variable %1, which is not set.")
                .arg(server.passwordEnv) };
    wizard::Status authenticated = ssh.authenticate(credentials);
    if (!authenticated)
        return authenticated;
    const QString sudoPassword = secret(server.sudoPasswordEnv);
    if (!sudoPassword.isNull())
        ssh.setSudoPassword(sudoPassword);
    else if (server.auth == remote::AuthMethod::Password)
        ssh.setSudoPassword(credentials.password); // sudo asks for the login password
    output.log(tr("Logged in to %1.").arg(where));
    return wizard::Done {};
}

wizard::Status PlanRunner::run(const RunnerOutput &output, const std::atomic_bool *cancel)
{
    remote::SshSession ssh(m_knownHosts);
    wizard::Status connected = connect(ssh, output);
    if (!connected)
        return connected;

    auto layout = layoutFor(ssh, m_plan, cancel);
    if (!layout)
        return layout.failure();

    const auto check = [&output](Mark mark, const QString &text) { output.log(markTag(mark) + QLatin1Char(' ') + text); };
    StepContext context { ssh, m_plan, *layout, output.log, check, output.output, output.reveal, output.secret, cancel };
    std::vector<std::unique_ptr<Step>> steps = stepsOf(m_plan, m_binary);
    for (std::size_t i = 0; i < steps.size(); ++i) {
        Step &step = *steps[i];
        output.progress(tr("Step %1 of %2: %3").arg(i + 1).arg(steps.size()).arg(step.title()));
        auto changes = step.plan(context);
        if (!changes)
            return wizard::Failure { tr("%1: %2").arg(step.title(), changes.failure().message) };
        for (const QString &change : *changes)
            output.log(tr("Will: %1").arg(change));
        wizard::Status done = step.run(context);
        if (!done)
            return wizard::Failure { tr("%1: %2").arg(step.title(), done.failure().message) };
    }
    output.progress(tr("Done: every step of the plan ran."));
    return wizard::Done {};
}

} // namespace postwr::steps
