// Runs a plan: connects over SSH (the host key must be known or pinned by
// the plan), logs in, then runs each of the plan's steps in order, stopping
// at the first failure. What the headless mode is; the wizard's pages run
// the same steps one by one.
#pragma once

#include "result.h"
#include "remote/ssh_types.h"
#include "steps/plan_file.h"
#include "steps/step.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace postwr::steps {

struct RunnerOutput {
    // "Step 2 of 5: Install postwrd"
    std::function<void(const QString &)> progress;
    std::function<void(const QString &)> log;
    remote::LineHandler output;
    std::function<void(const QString &label, const QString &secret)> reveal;
    std::function<QString(const QString &name)> secret;
};

// The steps of a plan, in order; `binary` is the postwrd to install.
std::vector<std::unique_ptr<Step>> stepsOf(const Plan &plan, const QByteArray &binary);

class PlanRunner {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::PlanRunner)

public:
    // `knownHosts`: the app's own known_hosts, unless the plan names one.
    PlanRunner(Plan plan, QByteArray binary, QString knownHosts);
    wizard::Status run(const RunnerOutput &output, const std::atomic_bool *cancel = nullptr);

private:
    wizard::Status connect(remote::SshSession &ssh, const RunnerOutput &output);

    Plan m_plan;
    QByteArray m_binary;
    QString m_knownHosts;
};

} // namespace postwr::steps
