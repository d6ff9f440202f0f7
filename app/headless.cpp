#include "headless.h"

#include "payload/payload.h"
#include "steps/plan_runner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTextStream>
#include <csignal>

namespace postwr::app {

namespace {

std::atomic_bool g_cancel { false };

extern "C" void onInterrupt(int)
{
    g_cancel = true; // the running command is stopped, then the run ends
}

} // namespace

namespace {

// The plan file's JSON with `--send-test ADDRESS` (test_mail.to set) and
// `--check-dns` applied: their steps added, so that the plan's own checks
// cover them.
QByteArray withOptions(const QByteArray &json, const QString &sendTestTo, bool checkDns)
{
    QJsonDocument document = QJsonDocument::fromJson(json);
    if ((sendTestTo.isEmpty() && !checkDns) || !document.isObject())
        return json;
    QJsonObject root = document.object();
    QJsonArray steps = root.value(QStringLiteral("steps")).toArray();
    if (!sendTestTo.isEmpty()) {
        QJsonObject test = root.value(QStringLiteral("test_mail")).toObject();
        test[QStringLiteral("to")] = sendTestTo;
        root[QStringLiteral("test_mail")] = test;
        if (!steps.contains(QStringLiteral("send-test")))
            steps.append(QStringLiteral("send-test"));
    }
    if (checkDns && !steps.contains(QStringLiteral("check-dns")))
        steps.append(QStringLiteral("check-dns"));
    root[QStringLiteral("steps")] = steps;
    return QJsonDocument(root).toJson();
}

} // namespace

int runHeadless(const QString &planFile, const QString &sendTestTo, bool checkDns)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile file(planFile);
    if (!file.open(QIODevice::ReadOnly)) {
        err << Headless::tr("postwr: cannot read the plan %1: %2").arg(planFile, file.errorString()) << Qt::endl;
        return 2;
    }
    auto plan = steps::parsePlan(withOptions(file.readAll(), sendTestTo, checkDns));
    if (!plan) {
        err << QStringLiteral("%1: %2").arg(planFile, plan.failure().message) << Qt::endl;
        return 2;
    }

    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    steps::RunnerOutput output;
    output.progress = [&](const QString &line) { out << "== " << line << Qt::endl; };
    output.log = [&](const QString &line) { out << "   " << line << Qt::endl; };
    output.output = [&](remote::Stream, const QString &line) { out << "   | " << line << Qt::endl; };
    output.reveal = [&](const QString &label, const QString &secret) {
        out << "   " << Headless::tr("%1 (shown only now, keep it safe): %2").arg(label, secret) << Qt::endl;
    };
    output.secret = [](const QString &name) {
        return qEnvironmentVariableIsSet(name.toLocal8Bit().constData()) ? qEnvironmentVariable(name.toLocal8Bit().constData())
                                                                            : QString();
    };

    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    steps::PlanRunner runner(*plan, payload::postwrdBinary(), dataDir + QStringLiteral("/known_hosts"));
    const wizard::Status status = runner.run(output, &g_cancel);
    if (!status) {
        err << Headless::tr("postwr: %1").arg(status.failure().message) << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace postwr::app
