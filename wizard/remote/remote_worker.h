// An SshSession on a thread of its own, so that the GUI thread never blocks.
//
// RemoteWorker itself lives in the caller's thread. Each call below queues
// one job for the session's thread and returns at once; jobs run one at a
// time, in the order they were queued, and each reports back with its
// signal, emitted in the caller's thread (so plain connections are queued
// and slots run there). A command's output arrives as line() signals while
// it runs, then commandFinished(); the ids are the caller's, to match them.
//
//   auto *remote = new RemoteWorker(knownHostsFile, this);
//   connect(remote, &RemoteWorker::hostKeyChecked, this, &ServerPage::showFingerprint);
//   remote->connectTo({host, 22, user});
//   ...
//   remote->run(1, QStringLiteral("apt-get install -y sudo"), {});
//   remote->cancel(1); // any thread
//
// Only commands can be cancelled; connecting and logging in are bounded by
// connectTo's timeout. The destructor cancels every command and waits for
// the job that is running.
#pragma once

#include "remote/ssh_session.h"
#include "remote/ssh_types.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>

namespace postwr::remote {

class RemoteWorker : public QObject {
    Q_OBJECT

public:
    explicit RemoteWorker(QString knownHostsFile, QObject *parent = nullptr);
    ~RemoteWorker() override;

    void connectTo(
        const SshTarget &target, std::chrono::milliseconds timeout = std::chrono::seconds(30));
    void trustHostKey();
    void authenticate(const SshCredentials &credentials);
    void setSudoPassword(const QString &password);
    void run(int id, const QString &command, const CommandOptions &options);
    void writeFile(
        int id, const QString &path, const QByteArray &content, int mode, bool asRoot = false);
    void readFile(int id, const QString &path, qint64 maxBytes = 16 << 20);
    void disconnectFromHost();
    // Runs `job` with the session on its thread, in order with the other
    // jobs; cancel(id) sets the flag it gets. jobFinished(id) follows. The
    // job reports its results itself (queued to the caller's thread).
    using SessionJob = std::function<void(SshSession &session, const std::atomic_bool *cancel)>;
    void runJob(int id, SessionJob job);

    // Thread-safe. A running command is stopped; a queued one finishes as
    // cancelled without starting. Unknown ids are ignored.
    void cancel(int id);
    void cancelAll();

signals:
    void hostKeyChecked(const postwr::wizard::Result<postwr::remote::HostKeyCheck> &result);
    void hostKeyTrusted(const postwr::wizard::Status &status);
    void authenticated(const postwr::wizard::Status &status);
    void line(int id, postwr::remote::Stream stream, const QString &text);
    void commandFinished(int id, const postwr::remote::CommandResult &result);
    void fileWritten(int id, const postwr::wizard::Status &status);
    void fileRead(int id, const postwr::wizard::Result<QByteArray> &result);
    void disconnected();
    void jobFinished(int id);

private:
    // Runs `job` on the session's thread.
    void post(std::function<void()> job);
    // Runs `report` on this object's thread (where the signals go out).
    void report(std::function<void()> report);
    // A cancel flag for `id`, registered until release(id, flag).
    std::shared_ptr<std::atomic_bool> cancelFlag(int id);
    void release(int id, const std::shared_ptr<std::atomic_bool> &flag);

    QThread m_thread;
    std::unique_ptr<QObject> m_context; // lives in m_thread: jobs are its events
    std::unique_ptr<SshSession> m_session; // touched by jobs only
    QMutex m_mutex;
    QHash<int, std::shared_ptr<std::atomic_bool>> m_cancelFlags; // of commands queued or running
};

} // namespace postwr::remote
