// The sandbox's stand-in for Gmail: a second postwrd, with its own config
// directory, for the domain gmail.test and its account me@gmail.test. Being
// postwrd, it checks SPF, DKIM and DMARC of the mail arriving on its smtp
// port against the sandbox's DNS, adds an Authentication-Results field, and
// delivers to its Maildir.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

namespace postwr::sandbox {

struct ReceiverSettings {
    QString hostname = QStringLiteral("mx.gmail.test");
    quint16 smtpPort = 0;
    quint16 submissionPort = 0;
    quint16 submissionsPort = 0;
    QString dnsServer; // "127.0.0.1:PORT"
};

// Its postwrd.conf.
QString receiverConfigText(const ReceiverSettings &settings);

class SandboxReceiver {
public:
    static constexpr auto kDomain = "gmail.test";
    static constexpr auto kAccount = "me@gmail.test";

    // `directory`: its config, spool and Maildirs; `postwrd`: the binary.
    SandboxReceiver(QString directory, QString postwrd);
    ~SandboxReceiver();
    SandboxReceiver(const SandboxReceiver &) = delete;
    SandboxReceiver &operator=(const SandboxReceiver &) = delete;

    // Writes the config (ports picked here), the account and a self-signed
    // certificate, checks the config and starts postwrd, until it is ready.
    wizard::Status start(const QString &dnsServer, const std::atomic_bool *cancel);
    void stop();

    quint16 smtpPort() const { return m_settings.smtpPort; }
    // Where the account's new mail lands.
    QString inbox() const;
    // The files in inbox(), oldest first.
    QStringList messages() const;
    QString logFile() const;

private:
    wizard::Result<QByteArray> postwrd(const QString &what, const QStringList &arguments);

    QString m_directory;
    QString m_postwrd;
    ReceiverSettings m_settings;
    std::unique_ptr<QProcess> m_process;
};

} // namespace postwr::sandbox
