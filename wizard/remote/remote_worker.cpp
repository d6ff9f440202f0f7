#include "remote/remote_worker.h"

#include <QMetaObject>
#include <QMutexLocker>

namespace postwr::remote {

RemoteWorker::RemoteWorker(QString knownHostsFile, QObject *parent)
    : QObject(parent)
    , m_context(std::make_unique<QObject>())
    , m_session(std::make_unique<SshSession>(std::move(knownHostsFile)))
{
    m_thread.setObjectName(QStringLiteral("postwr-ssh"));
    m_context->moveToThread(&m_thread);
    m_thread.start();
}

RemoteWorker::~RemoteWorker()
{
    cancelAll();
    m_thread.quit();
    m_thread.wait();
}

void RemoteWorker::post(std::function<void()> job)
{
    QMetaObject::invokeMethod(m_context.get(), std::move(job), Qt::QueuedConnection);
}

void RemoteWorker::report(std::function<void()> report)
{
    QMetaObject::invokeMethod(this, std::move(report), Qt::QueuedConnection);
}

void RemoteWorker::connectTo(const SshTarget &target, std::chrono::milliseconds timeout)
{
    post([this, target, timeout] {
        auto result = m_session->connectTo(target, timeout);
        report([this, result] { emit hostKeyChecked(result); });
    });
}

void RemoteWorker::trustHostKey()
{
    post([this] {
        auto status = m_session->trustHostKey();
        report([this, status] { emit hostKeyTrusted(status); });
    });
}

void RemoteWorker::authenticate(const SshCredentials &credentials)
{
    post([this, credentials] {
        auto status = m_session->authenticate(credentials);
        report([this, status] { emit authenticated(status); });
    });
}

void RemoteWorker::setSudoPassword(const QString &password)
{
    post([this, password] { m_session->setSudoPassword(password); });
}

std::shared_ptr<std::atomic_bool> RemoteWorker::cancelFlag(int id)
{
    auto flag = std::make_shared<std::atomic_bool>(false);
    const QMutexLocker lock(&m_mutex);
    m_cancelFlags.insert(id, flag);
    return flag;
}

void RemoteWorker::release(int id, const std::shared_ptr<std::atomic_bool> &flag)
{
    const QMutexLocker lock(&m_mutex);
    if (m_cancelFlags.value(id) == flag)
        m_cancelFlags.remove(id);
}

void RemoteWorker::run(int id, const QString &command, const CommandOptions &options)
{
    auto cancelled = cancelFlag(id);
    post([this, id, command, options, cancelled] {
        CommandResult result;
        if (cancelled->load()) {
            result.cancelled = true;
        } else {
            const LineHandler onLine = [this, id](Stream stream, const QString &text) {
                report([this, id, stream, text] { emit line(id, stream, text); });
            };
            result = m_session->run(command, options, onLine, cancelled.get());
        }
        release(id, cancelled);
        report([this, id, result] { emit commandFinished(id, result); });
    });
}

void RemoteWorker::runJob(int id, SessionJob job)
{
    auto cancelled = cancelFlag(id);
    post([this, id, job = std::move(job), cancelled] {
        job(*m_session, cancelled.get());
        release(id, cancelled);
        report([this, id] { emit jobFinished(id); });
    });
}

void RemoteWorker::writeFile(
    int id, const QString &path, const QByteArray &content, int mode, bool asRoot)
{
    post([this, id, path, content, mode, asRoot] {
        auto status = m_session->writeFile(path, content, mode, asRoot);
        report([this, id, status] { emit fileWritten(id, status); });
    });
}

void RemoteWorker::readFile(int id, const QString &path, qint64 maxBytes)
{
    post([this, id, path, maxBytes] {
        auto result = m_session->readFile(path, maxBytes);
        report([this, id, result] { emit fileRead(id, result); });
    });
}

void RemoteWorker::disconnectFromHost()
{
    post([this] {
        m_session->disconnect();
        report([this] { emit disconnected(); });
    });
}

void RemoteWorker::cancel(int id)
{
    const QMutexLocker lock(&m_mutex);
    if (const auto flag = m_cancelFlags.value(id))
        flag->store(true);
}

void RemoteWorker::cancelAll()
{
    const QMutexLocker lock(&m_mutex);
    for (const auto &flag : std::as_const(m_cancelFlags))
        flag->store(true);
}

} // namespace postwr::remote
