#include "servers/secret_store.h"

#include <qt6keychain/keychain.h>

namespace postwr::servers {

namespace {

QString problem(const QKeychain::Job &job)
{
    return SecretStore::tr("The keyring refused: %1. Is a keyring (GNOME Keyring, KWallet) running and unlocked?")
        .arg(job.errorString());
}

} // namespace

SecretStore::SecretStore(QString service)
    : m_service(std::move(service))
{
}

void SecretStore::write(const QString &name, const QString &secret, std::function<void(const wizard::Status &)> done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError ? wizard::Status(wizard::Done {})
                                                     : wizard::Status(wizard::Failure { problem(*finished) }));
    });
    job->start();
}

void SecretStore::read(const QString &name, std::function<void(const wizard::Result<QString> &)> done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    QObject::connect(job, &QKeychain::Job::finished, [job, done = std::move(done)](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::EntryNotFound)
            done(QString());
        else if (finished->error() != QKeychain::NoError)
            done(wizard::Failure { problem(*finished) });
        else
            done(job->textData());
    });
    job->start();
}

void SecretStore::remove(const QString &name, std::function<void(const wizard::Status &)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(name);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job *finished) {
        const bool gone = finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound;
        done(gone ? wizard::Status(wizard::Done {}) : wizard::Status(wizard::Failure { problem(*finished) }));
    });
    job->start();
}

} // namespace postwr::servers
