#include "sandbox/sandbox_plan.h"

#include <QJsonArray>

namespace postwr::sandbox {

namespace {

QJsonObject basePlan(const SandboxPlanSettings &s, const QStringList &steps)
{
    return QJsonObject {
        { QStringLiteral("server"),
            QJsonObject {
                { QStringLiteral("host"), QStringLiteral("127.0.0.1") },
                { QStringLiteral("port"), s.sshPort },
                { QStringLiteral("user"), s.user },
                { QStringLiteral("auth"), QStringLiteral("key") },
                { QStringLiteral("key_file"), s.keyFile },
                { QStringLiteral("host_key"), s.hostKey },
                { QStringLiteral("known_hosts"), s.knownHosts },
            } },
        { QStringLiteral("steps"), QJsonArray::fromStringList(steps) },
        { QStringLiteral("install"),
            QJsonObject {
                { QStringLiteral("mode"), QStringLiteral("user") },
                { QStringLiteral("prefix"), s.prefix },
                { QStringLiteral("listen"), QStringLiteral("127.0.0.1") },
                { QStringLiteral("ports"),
                    QJsonObject {
                        { QStringLiteral("smtp"), s.smtpPort },
                        { QStringLiteral("submission"), s.submissionPort },
                        { QStringLiteral("submissions"), s.submissionsPort },
                    } },
                // The sandbox's DNS, and the receiver on its own port of loopback
                // where a real MX would be on port 25 of another host.
                { QStringLiteral("settings"),
                    QJsonObject {
                        { QStringLiteral("dns.servers"), s.dnsServer },
                        { QStringLiteral("delivery.remote_port"), s.receiverSmtpPort },
                        { QStringLiteral("delivery.allow_loopback"), true },
                    } },
            } },
        { QStringLiteral("hostname"), kSandboxHostname },
        { QStringLiteral("domains"), QJsonArray { kSandboxDomain } },
        { QStringLiteral("accounts"),
            QJsonArray { QJsonObject {
                { QStringLiteral("email"), kSandboxAccount },
                { QStringLiteral("password_env"), s.passwordVariable },
            } } },
    };
}

} // namespace

QJsonObject setupPlan(const SandboxPlanSettings &settings, const QString &forwardTo)
{
    QJsonObject plan = basePlan(settings,
        { QStringLiteral("probe"), QStringLiteral("install"), QStringLiteral("hostname"), QStringLiteral("dkim"),
            QStringLiteral("accounts"), QStringLiteral("forwarding"), QStringLiteral("status") });
    plan[QStringLiteral("probe")] = QJsonObject {
        { QStringLiteral("outbound_check"), QStringLiteral("127.0.0.1:%1").arg(settings.receiverSmtpPort) },
    };
    plan[QStringLiteral("forwarding")] = QJsonObject {
        { kSandboxDomain, QJsonObject { { QStringLiteral("*"), QJsonArray { forwardTo } } } },
    };
    plan[QStringLiteral("status")] = QJsonObject { { QStringLiteral("log_lines"), 5 } };
    return plan;
}

QJsonObject sendTestPlan(const SandboxPlanSettings &settings, const QString &to)
{
    QJsonObject plan = basePlan(settings, { QStringLiteral("send-test") });
    plan[QStringLiteral("test_mail")] = QJsonObject {
        { QStringLiteral("to"), to },
        { QStringLiteral("from"), kSandboxAccount },
        { QStringLiteral("password_env"), settings.passwordVariable },
    };
    return plan;
}

} // namespace postwr::sandbox
