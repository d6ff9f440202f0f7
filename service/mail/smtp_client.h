// The client side of one SMTP session (RFC 5321, with PIPELINING RFC 2920,
// SIZE RFC 1870, 8BITMIME RFC 6152, SMTPUTF8 RFC 6531, STARTTLS RFC 3207,
// AUTH RFC 4954), sending one message to one server, as a state machine
// without I/O. postwrd's outbound delivery drives it over Asio; the wizard's
// test mail drives it over QSslSocket.
//
// Driving it (the same pattern as SmtpServer):
//     for (;;) {
//         SmtpClient::Event event = client.next();
//         write(client.takeOutput());          // commands so far
//         switch (event) { NeedInput: read, then client.receive(bytes), or
//         client.connectionLost(why) on EOF, error or timeout; StartTls:
//         handshake, then tlsStarted() or tlsFailed(why); Done: close and
//         read outcome(). }
//     }
//
// The conversation: wait for the 220 greeting; EHLO (HELO when EHLO is not
// understood); STARTTLS when offered and the policy allows, then EHLO again;
// AUTH when credentials are given; MAIL FROM, RCPT TO for each recipient,
// DATA (all in one batch when the server offers PIPELINING); the message,
// dot-stuffed; QUIT. Every way it can end is an Outcome with a reply per
// recipient, so the caller never has to interpret the conversation itself.
//
// The password is sent to the server and never appears in any text this
// class makes (errors, synthetic replies, the outcome).
#pragma once

#include "mail/smtp_reply.h"

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct ClientCredentials {
    std::string username;
    std::string password;
};

enum class TlsPolicy {
    Opportunistic, // STARTTLS when offered; go on in plaintext when it is not, or is refused
    Required,      // fail when STARTTLS is not offered or refused, or the handshake fails
    Disabled       // never STARTTLS
};

struct ClientSettings {
    std::string heloName;
    TlsPolicy tls = TlsPolicy::Opportunistic;
    // The caller did the TLS handshake before the greeting (port 465,
    // RFC 8314 §3.3): no STARTTLS, and AUTH is allowed.
    bool implicitTls = false;
    // AUTH PLAIN, or LOGIN when the server offers only that; only under TLS
    // unless allowPlaintextAuth.
    std::optional<ClientCredentials> auth;
    bool allowPlaintextAuth = false;
};

struct Transaction {
    std::string mailFrom;                // "" is the null sender, for bounces
    std::vector<std::string> recipients; // addresses without <>
    // CRLF lines, not dot-stuffed: the client stuffs. A bare LF or CR is
    // sent as CRLF, so no line of it can be read as an end marker by a
    // lenient server (SMTP smuggling).
    std::string message;
    bool smtputf8 = false; // also implied by a non-ASCII address
    bool eightBit = false; // the message has octets >= 0x80: BODY=8BITMIME when offered
};

class SmtpClient {
public:
    enum class Event { NeedInput, StartTls, Done };

    struct RecipientResult {
        std::string recipient;
        Reply reply;
    };

    struct Outcome {
        // The step that failed; None when the message was accepted. QUIT
        // never fails a delivery.
        enum class Stage { None, Greeting, Ehlo, StartTls, Auth, Mail, Rcpt, Data, Message } failedAt = Stage::None;
        bool ok = false; // the message was accepted for at least one recipient
        // The reply that decided: the final one after the data, or the
        // failure (a synthetic one for local errors and lost connections).
        Reply reply;
        // One per recipient, in the order of the transaction. Accepted ones
        // carry the reply after the data (or the failure that came after
        // their RCPT), refused ones their RCPT reply; when the transaction
        // failed before RCPT mattered (greeting, EHLO, TLS, AUTH, MAIL) each
        // carries `reply`. Every reply that is not positive is 4yz or 5yz.
        std::vector<RecipientResult> recipients;
        bool tlsUsed = false;
        // A local error in words, "" when the server's reply decided, e.g.
        // "server does not offer STARTTLS but TLS is required".
        std::string error;
    };

    SmtpClient(ClientSettings settings, Transaction transaction);

    void receive(std::string_view bytes);
    Event next();
    std::string takeOutput() { return std::move(m_output); }

    // Answers to StartTls.
    void tlsStarted();
    void tlsFailed(std::string reason);

    // The connection closed, failed or timed out. Before the outcome is
    // decided this ends the session with a transient synthetic reply
    // (421 4.4.2); afterwards (waiting for the reply to QUIT) it only ends it.
    void connectionLost(std::string reason);

    // The outcome is known; only the reply to QUIT may still be awaited, so a
    // driver may use a short timeout from here on.
    bool decided() const { return m_decided; }
    bool done() const { return m_done; }
    const Outcome &outcome() const { return m_outcome; }
    // The keywords of the last EHLO reply, upper-case ("PIPELINING", "SIZE").
    const std::set<std::string> &extensions() const { return m_extensions; }
    // The parameters of one keyword ("35882577" for SIZE), "" if none.
    std::string extensionParameters(const std::string &keyword) const;

private:
    // What a reply we wait for answers, in the order the commands were sent.
    enum class Awaiting { Greeting, Ehlo, Helo, StartTls, Auth, Mail, Rcpt, Data, Message, Quit };
    struct Pending {
        Awaiting what;
        std::size_t recipient = 0; // for Rcpt
    };

    void send(std::string line, Awaiting what, std::size_t recipient = 0);
    void handle(const Reply &reply);
    void onEhlo(const Reply &reply);
    void afterEhlo();
    void afterTls();
    bool offers(const char *keyword) const { return m_extensions.count(keyword) > 0; }
    void startAuth();
    void startMail();
    void sendNextRcpt();
    void onRcpt(std::size_t index, const Reply &reply);
    void onData(const Reply &reply);

    // Ends the session with a failure. `closeNow`: the stream is no longer
    // usable (lost, out of sync, or in the middle of TLS or DATA), so no QUIT.
    void fail(Outcome::Stage stage, const Reply &reply, std::string error = {}, bool closeNow = false);
    // A reply of a kind this command never gets (354 to MAIL, 250 to DATA).
    void unexpected(Awaiting what, const Reply &reply);
    void malformed(const Error &error);
    void succeed(const Reply &reply);
    Outcome::Stage stageOf(Awaiting what) const;
    void quitWhenIdle();
    void finish();

    ClientSettings m_settings;
    Transaction m_transaction;
    ReplyParser m_parser;
    std::string m_output;
    std::deque<Pending> m_pending;

    std::set<std::string> m_extensions;
    std::map<std::string, std::string> m_extensionParameters;
    bool m_tlsActive = false;
    bool m_awaitingTls = false;   // StartTls returned, no tlsStarted()/tlsFailed() yet
    std::deque<std::string> m_saslResponses; // to send, one per 334 challenge

    bool m_mailAccepted = false;
    std::vector<std::optional<Reply>> m_rcptReplies;
    std::size_t m_nextRecipient = 0; // without PIPELINING: the next RCPT to send
    std::size_t m_accepted = 0;
    std::string m_data; // the stuffed message with its end marker, once MAIL is sent

    bool m_decided = false;
    bool m_quitSent = false;
    bool m_done = false;
    Outcome m_outcome;
};

const char *stageName(SmtpClient::Outcome::Stage stage);

} // namespace postwr::mail
