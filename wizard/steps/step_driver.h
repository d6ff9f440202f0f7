// Runs steps for the wizard's pages: plan() and run() on the SSH session's
// thread (RemoteWorker), their log lines, command output and revealed
// secrets sent back as signals in the caller's (the GUI) thread, so that a
// page shows them live and the window never blocks. The ids are the
// caller's, to tell runs apart and to cancel one.
//
//   StepDriver driver(worker, plan);
//   connect(&driver, &StepDriver::log, page, &InstallPage::appendLine);
//   driver.run(1, std::make_shared<InstallStep>(payload::postwrdBinary()));
//   driver.cancel(1);
#pragma once

#include "remote/remote_worker.h"
#include "steps/step.h"

#include <QObject>
#include <functional>
#include <memory>

namespace postwr::steps {

// Lives in the application's main thread.
class StepDriver : public QObject {
    Q_OBJECT

public:
    using ToCaller = std::function<void(std::function<void(StepDriver &)>)>;

    // The layout is the plan's (layoutFor()), found on the server for each run.
    StepDriver(remote::RemoteWorker &worker, Plan plan, QObject *parent = nullptr);

    // Called on the session's thread: must be thread-safe (the pages keep
    // the passwords the user typed, or read them from the keyring).
    void setSecrets(std::function<QString(const QString &name)> secrets) { m_secrets = std::move(secrets); }

    void plan(int id, std::shared_ptr<Step> step);
    void run(int id, std::shared_ptr<Step> step);
    void cancel(int id) { m_worker.cancel(id); }

signals:
    void log(int id, const QString &line);
    void checked(int id, postwr::steps::Mark mark, const QString &text);
    void output(int id, postwr::remote::Stream stream, const QString &line);
    void revealed(int id, const QString &label, const QString &secret);
    void planned(int id, const postwr::wizard::Result<QStringList> &changes);
    void finished(int id, const postwr::wizard::Status &status);

private:
    // Runs `body` with a context on the session's thread.
    using Body = std::function<void(Step &, StepContext &, const ToCaller &)>;
    // `planOnly`: a failure to find the layout is reported as planned(), else finished().
    void start(int id, std::shared_ptr<Step> step, bool planOnly, Body body);

    remote::RemoteWorker &m_worker;
    std::shared_ptr<const Plan> m_plan;
    std::function<QString(const QString &)> m_secrets;
};

} // namespace postwr::steps
