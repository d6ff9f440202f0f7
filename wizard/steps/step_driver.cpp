#include "steps/step_driver.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QPointer>

namespace postwr::steps {

StepDriver::StepDriver(remote::RemoteWorker &worker, Plan plan, QObject *parent)
    : QObject(parent)
    , m_worker(worker)
    , m_plan(std::make_shared<const Plan>(std::move(plan)))
{
}

namespace {

// Queues `call` to the driver's (the application's main) thread; nothing
// when the driver is gone by then. The QPointer is only read there.
StepDriver::ToCaller callerOf(StepDriver *driver)
{
    const QPointer<StepDriver> self(driver);
    return [self](std::function<void(StepDriver &)> call) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, call] {
                if (self)
                    call(*self);
            },
            Qt::QueuedConnection);
    };
}

} // namespace

void StepDriver::start(int id, std::shared_ptr<Step> step, bool planOnly, Body body)
{
    const auto toCaller = callerOf(this);
    m_worker.runJob(id,
        [plan = m_plan, secrets = m_secrets, step, planOnly, body, toCaller, id](
            remote::SshSession &session, const std::atomic_bool *cancel) {
            const auto layout = layoutFor(session, *plan, cancel);
            if (!layout) {
                const wizard::Failure failure = layout.failure();
                toCaller([id, failure, planOnly](StepDriver &d) {
                    if (planOnly)
                        emit d.planned(id, failure);
                    else
                        emit d.finished(id, failure);
                });
                return;
            }
            StepContext context { session, *plan, *layout,
                [toCaller, id](const QString &line) { toCaller([id, line](StepDriver &d) { emit d.log(id, line); }); },
                [toCaller, id](Mark mark, const QString &text) {
                    toCaller([id, mark, text](StepDriver &d) { emit d.checked(id, mark, text); });
                },
                [toCaller, id](remote::Stream stream, const QString &line) {
                    toCaller([id, stream, line](StepDriver &d) { emit d.output(id, stream, line); });
                },
                [toCaller, id](const QString &label, const QString &secret) {
                    toCaller([id, label, secret](StepDriver &d) { emit d.revealed(id, label, secret); });
                },
                secrets, cancel };
            body(*step, context, toCaller);
        });
}

void StepDriver::plan(int id, std::shared_ptr<Step> step)
{
    start(id, std::move(step), true, [id](Step &s, StepContext &context, const ToCaller &toCaller) {
        const wizard::Result<QStringList> changes = s.plan(context);
        toCaller([id, changes](StepDriver &d) { emit d.planned(id, changes); });
    });
}

void StepDriver::run(int id, std::shared_ptr<Step> step)
{
    start(id, std::move(step), false, [id](Step &s, StepContext &context, const ToCaller &toCaller) {
        const wizard::Status status = s.run(context);
        toCaller([id, status](StepDriver &d) { emit d.finished(id, status); });
    });
}

} // namespace postwr::steps
