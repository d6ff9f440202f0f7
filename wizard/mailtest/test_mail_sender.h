// Sends the test mail from the desktop through the server's submission port
// (587 with STARTTLS, or 465 with TLS from the start), authenticated as one
// of its accounts: the project's sans-IO SMTP client (service/mail/
// smtp_client.h, the one postwrd delivers with) driven over QSslSocket.
// Blocking, bounded by the settings' timeout: run it off the GUI thread.
//
// Every step it gets through is recorded in the trail, so that the report
// can show how far the message got and why it stopped there.
#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <chrono>

namespace postwr::mailtest {

struct SenderSettings {
    enum class Security { StartTls, ImplicitTls };
    QString host;
    quint16 port = 587;
    Security security = Security::StartTls;
    QString username;
    QString password;
    QString from;
    QString to;
    // The server's certificate may be self-signed until the certificate
    // step ran: then it is trusted when its SHA-256 fingerprint (hex, any
    // case, colons allowed) is this one, the one the install step made.
    QString pinnedCertificateSha256;
    std::chrono::milliseconds timeout { std::chrono::seconds(30) };
};

struct SendTrail {
    bool connected = false;
    QString peerAddress;
    quint16 port = 0;
    bool tls = false;
    QString tlsProtocol; // "TLS 1.3"
    QString cipher;
    QString certificateSubject;
    QDateTime certificateExpiry;
    bool certificateTrusted = false; // by a public CA, or by the pin
    bool certificatePinned = false;
    QStringList certificateErrors; // translated, why it is not trusted
    bool authenticated = false;
    bool accepted = false;
    QString queueId; // from "250 2.0.0 Ok: queued as ID"
    QString serverReply; // the reply that decided, "535 5.7.8 …"
    QString failure; // translated, empty when accepted
};

SendTrail sendTestMail(const SenderSettings &settings, const QByteArray &message);

class TestMailSender {
    Q_DECLARE_TR_FUNCTIONS(postwr::mailtest::TestMailSender)
};

} // namespace postwr::mailtest
