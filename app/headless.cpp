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

// The plan file's JSON with `--send-test ADDRESS` applied: test_mail.to set
// and the step added, so that the plan's own checks cover it.
QByteArray withSendTest(const QByteArray &json, const QString &address)
{
    QJsonDocument document = QJsonDocument::fromJson(json);
    if (address.isEmpty() || !document.isObject())
        return json;
    QJsonObject root = document.object();
    QJsonObject test = root.value(QStringLiteral("test_mail")).toObject();
    test[QStringLiteral("to")] = address;
    root[QStringLiteral("test_mail")] = test;
    QJsonArray steps = root.value(QStringLiteral("steps")).toArray();
    if (!steps.contains(QStringLiteral("send-test")))
        steps.append(QStringLiteral("send-test"));
    root[QStringLiteral("steps")] = steps;
    return QJsonDocument(root).toJson();
}

} // namespace

int runHeadless(const QString &planFile, const QString &sendTestTo)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile file(planFile);
    if (!file.open(QIODevice::ReadOnly)) {
        err << Headless::tr("postwr: cannot read the plan %1: %2").arg(planFile, file.errorString()) << Qt::endl;
        return 2;
    }
    auto plan = steps::parsePlan(withSendTest(file.readAll(), sendTestTo));
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
