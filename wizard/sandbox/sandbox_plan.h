// The plans the sandbox runs, as plan-file JSON (wizard/steps/plan_file.h),
// so that they go through the same checks as a user's plan file.
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace postwr::sandbox {

struct SandboxPlanSettings {
    quint16 sshPort = 0;
    QString user; // who runs postwr: sshd logs in only that user
    QString keyFile;
    QString hostKey; // "SHA256:…"
    QString knownHosts;
    QString prefix; // where postwrd is installed (user mode)
    quint16 smtpPort = 0;
    quint16 submissionPort = 0;
    quint16 submissionsPort = 0;
    QString dnsServer; // "127.0.0.1:PORT"
    quint16 receiverSmtpPort = 0;
    QString passwordVariable; // names the account's password (never in the plan)
};

// The sandbox's mail domain, account and catch-all target.
inline const QString kSandboxDomain = QStringLiteral("sandbox.test");
inline const QString kSandboxAccount = QStringLiteral("me@sandbox.test");
inline const QString kSandboxHostname = QStringLiteral("mail.sandbox.test");

// Phase 1, the setup: the steps probe, install, hostname, dkim, accounts,
// forwarding (a catch-all to `forwardTo`) and status.
QJsonObject setupPlan(const SandboxPlanSettings &settings, const QString &forwardTo);

// Phase 2: the step send-test, from the sandbox's account to `to`.
QJsonObject sendTestPlan(const SandboxPlanSettings &settings, const QString &to);

} // namespace postwr::sandbox
