// Passwords kept in the desktop's keyring (Secret Service, KWallet, macOS
// Keychain, Windows Credential Store) through QtKeychain, never in a
// settings file: QtKeychain's insecure fallback stays off. Asynchronous:
// the answer comes to a callback in the caller's thread.
#pragma once

#include "result.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

namespace postwr::servers {

class SecretStore {
    Q_DECLARE_TR_FUNCTIONS(postwr::servers::SecretStore)

public:
    // `service`: the keyring's name for the app's entries ("postwr").
    explicit SecretStore(QString service = QStringLiteral("postwr"));

    void write(const QString &name, const QString &secret, std::function<void(const wizard::Status &)> done);
    // A null QString, not a failure, when there is no such entry.
    void read(const QString &name, std::function<void(const wizard::Result<QString> &)> done);
    void remove(const QString &name, std::function<void(const wizard::Status &)> done);

private:
    QString m_service;
};

} // namespace postwr::servers
