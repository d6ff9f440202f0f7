#include "mailtest/test_mail_sender.h"

#include "mail/smtp_client.h"

#include <QDeadlineTimer>

#include <algorithm>
#include <QRegularExpression>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslError>
#include <QCryptographicHash>
#include <QSslSocket>

namespace postwr::mailtest {

namespace {

using mail::SmtpClient;
using Stage = SmtpClient::Outcome::Stage;

QString protocolName(QSsl::SslProtocol protocol)
{
    switch (protocol) {
    case QSsl::TlsV1_2:
        return QStringLiteral("TLS 1.2");
    case QSsl::TlsV1_3:
        return QStringLiteral("TLS 1.3");
    default:
        return TestMailSender::tr("an old TLS version");
    }
}

QString normalizedFingerprint(QString text)
{
    return text.remove(QLatin1Char(':')).toLower();
}

int remaining(const QDeadlineTimer &deadline)
{
    return static_cast<int>(std::max<qint64>(0, deadline.remainingTime()));
}

class Driver {
public:
    Driver(const SenderSettings &settings, SendTrail &trail)
        : m_settings(settings)
        , m_trail(trail)
        , m_deadline(settings.timeout)
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setProtocol(QSsl::TlsV1_2OrLater);
        m_socket.setSslConfiguration(configuration);
        m_socket.setPeerVerifyName(settings.host);
    }

    bool connect()
    {
        if (m_settings.security == SenderSettings::Security::ImplicitTls)
            m_socket.connectToHostEncrypted(m_settings.host, m_settings.port);
        else
            m_socket.connectToHost(m_settings.host, m_settings.port);
        if (!m_socket.waitForConnected(remaining(m_deadline)))
            return fail(TestMailSender::tr("Cannot connect to %1 on port %2: %3. Check the server's address, that "
                                           "postwrd runs, and that no firewall blocks the port.")
                            .arg(m_settings.host)
                            .arg(m_settings.port)
                            .arg(m_socket.errorString()));
        m_trail.connected = true;
        m_trail.peerAddress = m_socket.peerAddress().toString();
        m_trail.port = m_socket.peerPort();
        if (m_settings.security == SenderSettings::Security::ImplicitTls)
            return handshake();
        return true;
    }

    // Runs the client until it is done; false with the trail's failure set.
    bool converse(SmtpClient &client)
    {
        for (;;) {
            const SmtpClient::Event event = client.next();
            const std::string output = client.takeOutput();
            if (!output.empty()) {
                m_socket.write(output.data(), static_cast<qint64>(output.size()));
                if (!m_socket.waitForBytesWritten(remaining(m_deadline)) && m_socket.bytesToWrite() > 0)
                    client.connectionLost("cannot write to the server");
            }
            switch (event) {
            case SmtpClient::Event::NeedInput:
                if (m_socket.bytesAvailable() == 0 && !m_socket.waitForReadyRead(remaining(m_deadline))) {
                    client.connectionLost(m_deadline.hasExpired() ? "no answer in time" : m_socket.errorString().toStdString());
                    break;
                }
                client.receive(m_socket.readAll().toStdString());
                break;
            case SmtpClient::Event::StartTls:
                m_socket.startClientEncryption();
                if (handshake())
                    client.tlsStarted();
                else
                    client.tlsFailed(m_trail.failure.toStdString());
                break;
            case SmtpClient::Event::Done:
                m_socket.disconnectFromHost();
                return true;
            }
        }
    }

private:
    bool handshake()
    {
        // During the handshake: a self-signed certificate is fine when it is the pinned one.
        const QString pin = normalizedFingerprint(m_settings.pinnedCertificateSha256);
        bool pinned = false;
        QStringList errors;
        const QMetaObject::Connection check = QObject::connect(&m_socket, &QSslSocket::sslErrors, &m_socket,
            [&](const QList<QSslError> &found) {
                const QSslCertificate certificate = m_socket.peerCertificate();
                pinned = !pin.isEmpty() && !certificate.isNull()
                    && QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()) == pin;
                for (const QSslError &error : found)
                    errors << error.errorString();
                if (pinned)
                    m_socket.ignoreSslErrors();
            });
        const bool encrypted = m_socket.waitForEncrypted(remaining(m_deadline));
        QObject::disconnect(check);
        const QSslCertificate certificate = m_socket.peerCertificate();
        m_trail.certificateSubject = certificate.subjectDisplayName();
        m_trail.certificateExpiry = certificate.expiryDate();
        if (!encrypted) {
            m_trail.certificateErrors = errors;
            return fail(errors.isEmpty() || pinned
                    ? TestMailSender::tr("The TLS handshake with the server failed: %1").arg(m_socket.errorString())
                    : TestMailSender::tr("The server's certificate is not trusted: %1. Until the certificate step "
                                         "gets one from Let's Encrypt, only the certificate Postwr made at install "
                                         "time is accepted.")
                          .arg(errors.join(QStringLiteral("; "))));
        }
        m_trail.tls = true;
        m_trail.tlsProtocol = protocolName(m_socket.sessionProtocol());
        m_trail.cipher = m_socket.sessionCipher().name();
        m_trail.certificateTrusted = true;
        m_trail.certificatePinned = pinned;
        return true;
    }

    bool fail(const QString &message)
    {
        if (m_trail.failure.isEmpty())
            m_trail.failure = message;
        return false;
    }

    const SenderSettings &m_settings;
    SendTrail &m_trail;
    QDeadlineTimer m_deadline;
    QSslSocket m_socket;
};

QString explain(const SmtpClient::Outcome &outcome, const SenderSettings &settings)
{
    const QString reply = QString::fromStdString(outcome.reply.toString());
    switch (outcome.failedAt) {
    case Stage::Auth:
        return TestMailSender::tr("The server refused the user name or password of %1 (%2). Check the password, "
                                  "or reset it in the accounts step.")
            .arg(settings.username, reply);
    case Stage::Mail:
        return TestMailSender::tr("The server refused the sender %1 (%2): an account may only send as its own "
                                  "domain.")
            .arg(settings.from, reply);
    case Stage::Rcpt:
        return TestMailSender::tr("The server refused the recipient %1 (%2).").arg(settings.to, reply);
    default:
        return outcome.error.empty() ? TestMailSender::tr("The server did not take the message: %1").arg(reply)
                                     : TestMailSender::tr("The conversation with the server failed: %1 (%2)")
                                           .arg(QString::fromStdString(outcome.error), reply);
    }
}

} // namespace

SendTrail sendTestMail(const SenderSettings &settings, const QByteArray &message)
{
    SendTrail trail;
    mail::ClientSettings client;
    client.heloName = "postwr-test.invalid";
    client.tls = settings.security == SenderSettings::Security::StartTls ? mail::TlsPolicy::Required
                                                                          : mail::TlsPolicy::Disabled;
    client.implicitTls = settings.security == SenderSettings::Security::ImplicitTls;
    client.auth = mail::ClientCredentials { settings.username.toStdString(), settings.password.toStdString() };
    mail::Transaction transaction;
    transaction.mailFrom = settings.from.toStdString();
    transaction.recipients = { settings.to.toStdString() };
    transaction.message = message.toStdString();
    transaction.eightBit = std::any_of(message.begin(), message.end(), [](char c) { return c & 0x80; });

    Driver driver(settings, trail);
    if (!driver.connect())
        return trail;
    SmtpClient smtp(client, transaction);
    driver.converse(smtp);
    const SmtpClient::Outcome &outcome = smtp.outcome();
    trail.serverReply = QString::fromStdString(outcome.reply.toString());
    const bool beforeAuth = outcome.failedAt == Stage::Greeting || outcome.failedAt == Stage::Ehlo
        || outcome.failedAt == Stage::StartTls || outcome.failedAt == Stage::Auth;
    trail.authenticated = outcome.ok || !beforeAuth;
    if (outcome.ok) {
        trail.accepted = true;
        trail.queueId = QRegularExpression(QStringLiteral("queued as (\\S+)")).match(trail.serverReply).captured(1);
        return trail;
    }
    if (trail.failure.isEmpty())
        trail.failure = explain(outcome, settings);
    return trail;
}

} // namespace postwr::mailtest
