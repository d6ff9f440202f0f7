// The server side of one SMTP session (RFC 5321, with ESMTP extensions
// PIPELINING RFC 2920, SIZE RFC 1870, 8BITMIME RFC 6152, SMTPUTF8 RFC 6531,
// ENHANCEDSTATUSCODES RFC 2034/3463, STARTTLS RFC 3207, AUTH RFC 4954), as a
// state machine without I/O: the caller hands in the bytes it read, takes the
// bytes to write, and answers the few questions that need slow work (checking
// a password, queueing a message durably, a TLS handshake).
//
// Driving it:
//     server.receive(bytes);
//     for (;;) {
//         SmtpServer::Event event = server.next();
//         write(server.takeOutput());          // replies so far
//         switch (event) { NeedInput: read more; Authenticate: check
//         pendingCredentials() and call authenticated(); Deliver: queue
//         pendingEnvelope()/takeMessage() and call queued(); StartTls:
//         handshake and call tlsStarted(); Close: close. }
//     }
//
// Security decisions live here, next to the protocol: which port may do what
// (DESIGN.md "Port roles"), never an open relay, TLS before AUTH, an
// authenticated user may only send as its own domain, strict DATA endings.
#pragma once

#include "mail/address.h"
#include "mail/directory.h"
#include "mail/dkim_signer.h"
#include "mail/dot_reader.h"
#include "mail/queue_file.h"
#include "mail/result.h"
#include "mail/srs.h"

#include <cstdint>
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

enum class PortRole {
    Mx,         // port 25: mail from the internet for local domains; STARTTLS offered; no AUTH
    Submission, // port 587: STARTTLS required before AUTH, AUTH required before MAIL
    Submissions // port 465: implicit TLS (RFC 8314), AUTH required before MAIL
};

const char *portRoleName(PortRole role);

struct SessionSettings {
    std::string hostname;
    PortRole role = PortRole::Mx;
    bool tlsAvailable = false; // a certificate is loaded, so STARTTLS can be offered
    std::uint64_t maxMessageSize = 50u << 20;
    std::size_t maxRecipients = 100;
    int maxErrors = 10;
    // Commands other than MAIL, RCPT, DATA and RSET in one minute before the
    // session is closed (a client flooding or pipelining garbage); 0: no limit.
    int maxCommandsPerMinute = 0;
    std::string clientAddress;                     // IP literal
    std::function<std::string()> newQueueId;       // gives each accepted message its id
    std::function<std::time_t()> now = [] { return std::time(nullptr); };
    // Decodes bounces to the SRS addresses our forwarding used; none: no SRS.
    std::shared_ptr<const Srs> srs;
    // Mail that authenticated users submit is signed with the keys of its
    // From: domain (RFC 6376), after Date: and Message-ID: are added.
    std::shared_ptr<const DkimKeyring> dkimKeys;
};

struct Credentials {
    std::string username;
    std::string password;
};

class SmtpServer {
public:
    // What the last submitted message was signed with, for the log:
    // "rsa-sha256:SELECTOR:DOMAIN,ed25519-sha256:…"; "" when it was not.
    const std::string &dkimSignatures() const { return m_dkimSignatures; }
    enum class Event { NeedInput, Authenticate, Deliver, StartTls, Close };

    SmtpServer(SessionSettings settings, std::shared_ptr<const Directory> directory);

    // The users, aliases and domains to check against; the caller swaps in a
    // new one when the configuration is reloaded.
    void setDirectory(std::shared_ptr<const Directory> directory);

    void receive(std::string_view bytes);
    Event next();
    std::string takeOutput() { return std::move(m_output); }

    // Answers to the events.
    const Credentials &pendingCredentials() const { return m_credentials; }
    void authenticated(bool ok);
    // Instead of authenticated(): the password is not even checked, as this
    // client failed too often (454 4.7.0, `text` says until when).
    void authenticationRefused(std::string_view text);
    const Envelope &pendingEnvelope() const { return m_envelope; }
    std::string takeMessage() { return std::move(m_message); }
    void queued(const Result<std::string> &queueId); // the id, or why it could not be queued
    // Instead of queued(): the message is refused for good (550 5.7.1), e.g.
    // by the sender domain's DMARC policy.
    void refused(std::string_view text);
    // `description` goes into Received: headers, e.g. "TLS1.3 TLS_AES_256_GCM_SHA384".
    void tlsStarted(std::string description);

    // The session is idle too long: say so and close.
    void timedOut();
    // A limit of the server is reached (too long a session, ...): 421 4.7.0 `text`, and close.
    void limitReached(std::string_view text);
    // The server is stopping: close now if no transaction is in progress,
    // otherwise after the transaction ends.
    void shutdown();

    bool inTransaction() const { return m_mailFrom.has_value() || m_mode == Mode::Data; }
    bool tlsActive() const { return m_tlsActive; }
    bool closed() const { return m_mode == Mode::Closed; }
    // Between DATA and the end of the message.
    bool receivingData() const { return m_mode == Mode::Data; }
    const std::string &authenticatedUser() const { return m_authenticatedUser; }

private:
    enum class Mode { Command, Data, AuthPlainResponse, AuthLoginUser, AuthLoginPassword, Waiting, Closed };

    void reply(int code, std::string_view enhanced, std::string_view text);
    void error(int code, std::string_view enhanced, std::string_view text);
    void close(int code, std::string_view enhanced, std::string_view text);
    std::optional<std::string> takeLine();
    void clearInput();
    Event handleCommand(std::string_view line);
    Event handleSaslLine(std::string_view line);
    Event handleDataEnd();

    void onHelo(std::string_view argument, bool extended);
    Event onAuth(std::string_view argument);
    void onMail(std::string_view argument);
    void onRcpt(std::string_view argument);
    void onData(std::string_view argument);
    Event onStartTls(std::string_view argument);
    void resetTransaction();
    // Ends a transaction; when the server is stopping, the session too.
    void endTransaction();
    void closeForShutdown();
    // The From: domain, or nothing (and the refusal said) when it may not be used.
    std::optional<std::string> checkFromHeader(const std::string &message);
    bool signSubmission(std::string &message, const std::string &fromDomain, const std::string &queueId);
    std::string receivedHeader(const std::string &queueId) const;
    std::string postmasterDomain() const;
    Event requestAuthentication(std::string username, std::string password);

    SessionSettings m_settings;
    std::shared_ptr<const Directory> m_directory;
    Mode m_mode = Mode::Command;
    std::string m_input;
    std::size_t m_inputStart = 0; // m_input before this offset is consumed
    std::string m_output;
    bool m_discardingLongLine = false;
    int m_errors = 0;
    std::time_t m_minuteStart = 0;
    int m_commandsThisMinute = 0;
    bool m_shuttingDown = false;

    std::string m_heloName;
    bool m_extended = false;
    bool m_tlsActive = false;
    std::string m_tlsDescription;
    std::string m_authenticatedUser;
    std::string m_dkimSignatures;
    Credentials m_credentials;

    std::optional<Address> m_mailFrom;
    bool m_smtputf8 = false;
    std::vector<std::string> m_recipients; // final, after alias resolution
    std::size_t m_acceptedRcpts = 0;
    std::optional<DotReader> m_data;
    Envelope m_envelope;
    std::string m_message;
};

} // namespace postwr::mail
