// StepDriver: the wizard pages' way to run steps. Against a real OpenSSH
// server: the probe runs on the session's thread while this (the GUI)
// thread keeps ticking; its log lines arrive here, in order, before
// finished(); a step stuck in a remote command is cancelled in moments.

#include "remote/remote_worker.h"
#include "steps/probe_step.h"
#include "steps/step_driver.h"
#include "support/sshd_instance.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace postwr;

namespace {

// A step that waits in a remote command until it is cancelled.
class WaitingStep : public steps::Step {
public:
    QString name() const override { return QStringLiteral("waiting"); }
    QString title() const override { return QStringLiteral("waiting"); }
    wizard::Result<QStringList> plan(steps::StepContext &) override { return QStringList(); }
    wizard::Status run(steps::StepContext &context) override
    {
        auto slept = steps::runCommand(context, QStringLiteral("Sleeping"), QStringLiteral("echo started; sleep 59.3"));
        if (!slept)
            return slept.failure();
        return wizard::Done {};
    }
};

} // namespace

class StepDriverTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(TestUser::runningAsRoot(&error), qPrintable(error));
        QVERIFY(dir_.isValid());
        key_ = dir_.filePath(QStringLiteral("key"));
        QVERIFY2(generateSshKey(key_, QStringLiteral("ed25519"), {}, &error), qPrintable(error));
        QVERIFY2(sshd_.authorizeKey(key_ + QStringLiteral(".pub")), qPrintable(sshd_.errorString()));
        QVERIFY2(user_.create(&error), qPrintable(error));
        QVERIFY2(sshd_.start(), qPrintable(sshd_.errorString()));

        worker_ = std::make_unique<remote::RemoteWorker>(dir_.filePath(QStringLiteral("known_hosts")));
        std::optional<wizard::Status> loggedIn;
        connect(worker_.get(), &remote::RemoteWorker::authenticated, this, [&](const wizard::Status &s) { loggedIn = s; });
        worker_->connectTo({ SshdInstance::host(), sshd_.port(), user_.name() });
        worker_->trustHostKey();
        worker_->authenticate({ remote::AuthMethod::KeyFile, key_, {}, {} });
        QTRY_VERIFY_WITH_TIMEOUT(loggedIn.has_value(), 20000);
        QVERIFY2(loggedIn->ok(), loggedIn->ok() ? "" : qPrintable(loggedIn->failure().message));

        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
        plan_.outboundCheck = QStringLiteral("127.0.0.1:%1").arg(closed.serverPort());
        plan_.install.mode = steps::InstallMode::User;
    }

    void probeRunsOffTheGuiThread()
    {
        steps::StepDriver driver(*worker_, plan_);
        QStringList lines;
        bool allOnThisThread = true;
        std::optional<wizard::Status> finished;
        int linesAtFinish = -1;
        connect(&driver, &steps::StepDriver::log, this, [&](int id, const QString &line) {
            allOnThisThread = allOnThisThread && QThread::currentThread() == thread() && id == 7;
            lines << line;
        });
        // The findings come as checklist lines, each with its mark.
        connect(&driver, &steps::StepDriver::checked, this, [&](int id, steps::Mark mark, const QString &text) {
            allOnThisThread = allOnThisThread && QThread::currentThread() == thread() && id == 7;
            lines << steps::markTag(mark) + QLatin1Char(' ') + text;
        });
        connect(&driver, &steps::StepDriver::finished, this, [&](int id, const wizard::Status &status) {
            QCOMPARE(id, 7);
            finished = status;
            linesAtFinish = int(lines.size());
        });
        int ticks = 0;
        QTimer timer;
        connect(&timer, &QTimer::timeout, this, [&] { ++ticks; });
        timer.start(10);
        driver.run(7, std::make_shared<steps::ProbeStep>());
        QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 30000);
        QVERIFY2(finished->ok(), finished->ok() ? "" : qPrintable(finished->failure().message));
        QVERIFY(allOnThisThread);
        QCOMPARE(linesAtFinish, int(lines.size()));
        QVERIFY2(lines.filter(QStringLiteral("[good] Port 25 is free")).size() == 1
                || lines.filter(QStringLiteral("Port 25 is taken")).size() == 1,
            qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(lines.filter(QStringLiteral("[warning] A test connection on port 25 was refused")).size() == 1,
            qPrintable(lines.join(QLatin1Char('\n'))));
        QVERIFY2(ticks >= 5, qPrintable(QStringLiteral("the GUI thread ticked %1 times").arg(ticks)));
    }

    void aStepIsCancelled()
    {
        steps::StepDriver driver(*worker_, plan_);
        bool started = false;
        std::optional<wizard::Status> finished;
        connect(&driver, &steps::StepDriver::output, this,
            [&](int, remote::Stream, const QString &line) { started = started || line == QLatin1String("started"); });
        connect(&driver, &steps::StepDriver::finished, this, [&](int, const wizard::Status &status) { finished = status; });
        driver.run(8, std::make_shared<WaitingStep>());
        QTRY_VERIFY_WITH_TIMEOUT(started, 20000);
        QElapsedTimer clock;
        clock.start();
        driver.cancel(8);
        QTRY_VERIFY_WITH_TIMEOUT(finished.has_value(), 10000);
        QVERIFY(clock.elapsed() < 15000); // long before the 59 s sleep ends
        QVERIFY(!finished->ok());
        QVERIFY2(finished->failure().message.contains(QStringLiteral("cancelled")), qPrintable(finished->failure().message));
    }

    void cleanupTestCase()
    {
        worker_.reset();
    }

private:
    QTemporaryDir dir_;
    QString key_;
    SshdInstance sshd_;
    TestUser user_;
    std::unique_ptr<remote::RemoteWorker> worker_;
    steps::Plan plan_;
};

QTEST_GUILESS_MAIN(StepDriverTest)
#include "tst_it_step_driver.moc"
