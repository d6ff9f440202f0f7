#include "support/headless_run.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

ProcessResult runHeadlessPlan(const QString &directory, const QJsonObject &plan, const QMap<QString, QString> &environment,
    int timeoutMs)
{
    const QString path = QDir(directory).filePath(QStringLiteral("plan.json"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(plan).toJson()) < 0) {
        ProcessResult failed;
        failed.standardError = "cannot write " + path.toUtf8();
        return failed;
    }
    file.close();
    ProcessRequest request;
    request.program = qEnvironmentVariable("POSTWR_APP");
    request.arguments = { QStringLiteral("--headless"), QStringLiteral("--plan"), path };
    request.timeoutMs = timeoutMs;
    request.environment.insert(QStringLiteral("XDG_DATA_HOME"), QDir(directory).filePath(QStringLiteral("data")));
    for (auto it = environment.begin(); it != environment.end(); ++it)
        request.environment.insert(it.key(), it.value());
    return runProcess(request);
}

QJsonObject serverPlan(const SshdInstance &sshd, const TestUser &user, const KeyLogin &login, const QString &directory)
{
    return QJsonObject { { QStringLiteral("host"), SshdInstance::host() }, { QStringLiteral("port"), sshd.port() },
        { QStringLiteral("user"), user.name() }, { QStringLiteral("auth"), QStringLiteral("key") }, { QStringLiteral("key_file"), login.key },
        { QStringLiteral("host_key"), login.hostKey }, { QStringLiteral("known_hosts"), QDir(directory).filePath(QStringLiteral("known_hosts")) } };
}

QString makeBareRemote(const SshdInstance &sshd, const TestUser &user, QString *directory, QString *error)
{
    *directory = user.home() + QStringLiteral("/remote.git");
    for (const QStringList &command : { QStringList { QStringLiteral("git"), QStringLiteral("init"), QStringLiteral("-q"), QStringLiteral("--bare"),
                                            QStringLiteral("-b"), QStringLiteral("main"), *directory },
             QStringList { QStringLiteral("chown"), QStringLiteral("-R"), user.name() + QLatin1Char(':') + user.name(), *directory } }) {
        const ProcessResult run = runProcess({ command.front(), command.mid(1), {}, 20000, QProcessEnvironment::systemEnvironment(), {} });
        if (!run.succeeded()) {
            *error = command.join(QLatin1Char(' ')) + QStringLiteral(": ") + run.status() + QLatin1Char(' ') + QString::fromUtf8(run.standardError)
                + (run.started ? QString() : QStringLiteral(" (apt-get install git)"));
            return {};
        }
    }
    return QStringLiteral("ssh://%1@%2:%3%4").arg(user.name(), SshdInstance::host()).arg(sshd.port()).arg(*directory);
}
