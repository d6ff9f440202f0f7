#include "mail/smtp_client.h"

#include "mail/sasl.h"
#include "mail/text.h"

#include <algorithm>
#include <charconv>

namespace postwr::mail {

namespace {

using Stage = SmtpClient::Outcome::Stage;

// RFC 4954 §4: an AUTH command with its initial response must fit in the
// 512 octets of a command line (§4.5.3.1.4); otherwise the response goes
// after an empty 334 challenge.
constexpr std::size_t maxCommandLine = 512;

bool hasNonAscii(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::string toUpperAscii(std::string_view text)
{
    std::string out(text);
    for (char &c : out) {
        if (c >= 'a' && c <= 'z')
            c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

// The message as it goes after DATA (RFC 5321 §4.5.2, §4.1.1.4): every line
// end CRLF, a "." doubled at the start of a line, a CRLF added after a last
// line that lacks one, then the end marker "." CRLF. A bare LF or bare CR
// is sent as CRLF: passed on as it is, a lenient server could take
// LF "." LF for the end of the data and read what follows as a second,
// forged message (SMTP smuggling). `size` is what the server will store,
// without the stuffing and the end marker (RFC 1870 §3).
std::string encodeData(std::string_view message, std::uint64_t &size)
{
    std::string out;
    out.reserve(message.size() + message.size() / 64 + 5);
    size = 0;
    bool lineStart = true;
    for (std::size_t i = 0; i < message.size(); ++i) {
        const char c = message[i];
        if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < message.size() && message[i + 1] == '\n')
                ++i;
            out += "\r\n";
            size += 2;
            lineStart = true;
            continue;
        }
        if (lineStart && c == '.')
            out += '.';
        out += c;
        ++size;
        lineStart = false;
    }
    if (!lineStart) {
        out += "\r\n";
        size += 2;
    }
    out += ".\r\n";
    return out;
}

const char *commandName(int what)
{
    static constexpr const char *names[] = {"the greeting", "EHLO", "HELO",    "STARTTLS", "AUTH",
                                            "MAIL FROM",    "RCPT TO", "DATA", "the end of the data", "QUIT"};
    return names[what];
}

} // namespace

const char *stageName(Stage stage)
{
    switch (stage) {
    case Stage::None:
        return "none";
    case Stage::Greeting:
        return "greeting";
    case Stage::Ehlo:
        return "EHLO";
    case Stage::StartTls:
        return "STARTTLS";
    case Stage::Auth:
        return "AUTH";
    case Stage::Mail:
        return "MAIL FROM";
    case Stage::Rcpt:
        return "RCPT TO";
    case Stage::Data:
        return "DATA";
    case Stage::Message:
        return "message";
    }
    return "unknown";
}

SmtpClient::SmtpClient(ClientSettings settings, Transaction transaction)
    : m_settings(std::move(settings)), m_transaction(std::move(transaction))
{
    m_tlsActive = m_settings.implicitTls;
    m_outcome.tlsUsed = m_tlsActive;
    m_rcptReplies.resize(m_transaction.recipients.size());
    m_pending.push_back({Awaiting::Greeting});
}

std::string SmtpClient::extensionParameters(const std::string &keyword) const
{
    const auto found = m_extensionParameters.find(toUpperAscii(keyword));
    return found == m_extensionParameters.end() ? std::string{} : found->second;
}

void SmtpClient::receive(std::string_view bytes)
{
    // Bytes that arrive between the 220 to STARTTLS and the end of the
    // handshake were sent in plaintext: dropped (RFC 3207 §4.2).
    if (!m_done && !m_awaitingTls)
        m_parser.receive(bytes);
}

void SmtpClient::send(std::string line, Awaiting what, std::size_t recipient)
{
    m_output += line;
    m_output += "\r\n";
    m_pending.push_back({what, recipient});
}

SmtpClient::Event SmtpClient::next()
{
    while (!m_done && !m_awaitingTls) {
        std::optional<Result<Reply>> reply = m_parser.next();
        if (!reply)
            return Event::NeedInput;
        if (!*reply) {
            malformed(reply->error());
            continue;
        }
        if (m_pending.empty()) { // cannot happen: we wait only for answers
            malformed(Error{"reply without a command"});
            continue;
        }
        handle(reply->value());
        if (m_awaitingTls)
            return Event::StartTls;
    }
    // While the caller does the handshake, there is nothing to read.
    return m_done ? Event::Done : Event::NeedInput;
}

Stage SmtpClient::stageOf(Awaiting what) const
{
    switch (what) {
    case Awaiting::Greeting:
        return Stage::Greeting;
    case Awaiting::Ehlo:
    case Awaiting::Helo:
        return Stage::Ehlo;
    case Awaiting::StartTls:
        return Stage::StartTls;
    case Awaiting::Auth:
        return Stage::Auth;
    case Awaiting::Mail:
        return Stage::Mail;
    case Awaiting::Rcpt:
        return Stage::Rcpt;
    case Awaiting::Data:
        return Stage::Data;
    case Awaiting::Message:
        return Stage::Message;
    case Awaiting::Quit:
        break;
    }
    return Stage::None;
}

void SmtpClient::handle(const Reply &reply)
{
    const Pending pending = m_pending.front();
    m_pending.pop_front();
    const bool failure = reply.transient() || reply.permanent();

    if (m_decided) {
        // After a failure, the rest of a pipelined batch is answered (with
        // 503s, usually) before QUIT goes out.
        if (pending.what == Awaiting::Quit || reply.code == 421)
            finish();
        else if (pending.what == Awaiting::Data && reply.intermediate())
            finish(); // the server waits for data we will not send: see onData()
        else
            quitWhenIdle();
        return;
    }
    // RFC 5321 §3.8: 421 says the server is closing the connection, whatever
    // the command; there is no point in a QUIT.
    if (reply.code == 421) {
        fail(stageOf(pending.what), reply, {}, true);
        return;
    }

    switch (pending.what) {
    case Awaiting::Greeting:
        // RFC 5321 §3.1: 554 instead of 220 means no mail here; QUIT and go.
        if (reply.positive())
            send("EHLO " + m_settings.heloName, Awaiting::Ehlo);
        else if (failure)
            fail(Stage::Greeting, reply);
        else
            unexpected(pending.what, reply);
        break;
    case Awaiting::Ehlo:
        onEhlo(reply);
        break;
    case Awaiting::Helo:
        if (reply.positive())
            afterEhlo();
        else if (failure)
            fail(Stage::Ehlo, reply);
        else
            unexpected(pending.what, reply);
        break;
    case Awaiting::StartTls:
        if (reply.positive()) {
            // RFC 3207 §4.2: anything the server sent after this reply came
            // before TLS and could have been injected by a man in the middle
            // to pass for replies in the protected session; it is dropped.
            m_parser.clear();
            m_awaitingTls = true;
            return;
        }
        if (!failure)
            unexpected(pending.what, reply);
        else if (m_settings.tls == TlsPolicy::Required)
            // Transient, as a missing STARTTLS below: a server that stops
            // doing TLS is repaired more often than it is meant.
            fail(Stage::StartTls,
                 Reply::synthetic(454, "4.7.4", "TLS is required but the server refused STARTTLS: " + reply.toString()),
                 "server refused STARTTLS but TLS is required");
        else
            afterTls(); // opportunistic: go on in plaintext (RFC 3207 §4.1)
        break;
    case Awaiting::Auth:
        if (reply.positive()) {
            m_saslResponses.clear();
            startMail();
        } else if (reply.code == 334 && !m_saslResponses.empty()) {
            std::string response = std::move(m_saslResponses.front());
            m_saslResponses.pop_front();
            send(std::move(response), Awaiting::Auth);
        } else if (failure) {
            fail(Stage::Auth, reply);
        } else {
            // A challenge we have no answer for: the server waits for a SASL
            // response, so not even QUIT would be read as a command.
            unexpected(pending.what, reply);
        }
        break;
    case Awaiting::Mail:
        if (reply.positive()) {
            m_mailAccepted = true;
            if (!offers("PIPELINING"))
                sendNextRcpt();
        } else if (failure) {
            fail(Stage::Mail, reply);
        } else {
            unexpected(pending.what, reply);
        }
        break;
    case Awaiting::Rcpt:
        onRcpt(pending.recipient, reply);
        break;
    case Awaiting::Data:
        onData(reply);
        break;
    case Awaiting::Message:
        if (reply.positive())
            succeed(reply);
        else if (failure)
            fail(Stage::Message, reply);
        else
            unexpected(pending.what, reply);
        break;
    case Awaiting::Quit:
        finish();
        break;
    }
}

void SmtpClient::onEhlo(const Reply &reply)
{
    if (reply.positive()) {
        // RFC 5321 §4.1.1.1: the first line names the server, each other
        // line is a keyword and its parameters. Old servers announce AUTH
        // as "AUTH=LOGIN PLAIN" too.
        m_extensions.clear();
        m_extensionParameters.clear();
        for (std::size_t i = 1; i < reply.lines.size(); ++i) {
            const std::string_view line = trim(reply.lines[i]);
            const std::size_t space = line.find(' ');
            std::string keyword = toUpperAscii(line.substr(0, space));
            std::string_view parameters = space == std::string_view::npos ? std::string_view{} : trim(line.substr(space + 1));
            if (keyword.rfind("AUTH=", 0) == 0) {
                parameters = trim(line.substr(5));
                keyword = "AUTH";
            }
            if (keyword.empty())
                continue;
            std::string &known = m_extensionParameters[keyword];
            if (!parameters.empty())
                known += (known.empty() ? "" : " ") + std::string(parameters);
            m_extensions.insert(std::move(keyword));
        }
        afterEhlo();
    } else if (reply.code == 500 || reply.code == 502) {
        // RFC 5321 §3.2: a server that does not know EHLO; try HELO.
        m_extensions.clear();
        m_extensionParameters.clear();
        send("HELO " + m_settings.heloName, Awaiting::Helo);
    } else if (reply.transient() || reply.permanent()) {
        fail(Stage::Ehlo, reply);
    } else {
        unexpected(Awaiting::Ehlo, reply);
    }
}

void SmtpClient::afterEhlo()
{
    if (!m_tlsActive && m_settings.tls != TlsPolicy::Disabled && offers("STARTTLS")) {
        send("STARTTLS", Awaiting::StartTls);
        return;
    }
    afterTls();
}

void SmtpClient::afterTls()
{
    if (!m_tlsActive && m_settings.tls == TlsPolicy::Required) {
        // Transient, like Postfix: the next attempt may reach a server that
        // offers it; a downgrade by a man in the middle is never accepted.
        const std::string error = "server does not offer STARTTLS but TLS is required";
        fail(Stage::StartTls, Reply::synthetic(454, "4.7.4", error), error);
        return;
    }
    if (m_settings.auth)
        startAuth();
    else
        startMail();
}

void SmtpClient::startAuth()
{
    const ClientCredentials &credentials = *m_settings.auth;
    // RFC 4954 §4 and DESIGN.md: no password in plaintext.
    if (!m_tlsActive && !m_settings.allowPlaintextAuth) {
        const std::string error = "refusing to send the password without TLS";
        fail(Stage::Auth, Reply::synthetic(538, "5.7.11", error), error);
        return;
    }
    if (!offers("AUTH")) {
        const std::string error = "server does not offer AUTH";
        fail(Stage::Auth, Reply::synthetic(502, "5.5.1", error), error);
        return;
    }
    bool plain = false;
    bool login = false;
    for (std::string_view mechanism : split(m_extensionParameters["AUTH"], ' ')) {
        plain = plain || equalsIgnoreCase(mechanism, "PLAIN");
        login = login || equalsIgnoreCase(mechanism, "LOGIN");
    }
    if (plain) {
        // RFC 4616 §2: authzid NUL authcid NUL passwd, with no authzid.
        std::string response = encodeBase64(std::string(1, '\0') + credentials.username + '\0' + credentials.password);
        std::string command = "AUTH PLAIN " + response;
        if (command.size() + 2 <= maxCommandLine) {
            send(std::move(command), Awaiting::Auth);
        } else {
            m_saslResponses.push_back(std::move(response));
            send("AUTH PLAIN", Awaiting::Auth);
        }
    } else if (login) {
        m_saslResponses.push_back(encodeBase64(credentials.username));
        m_saslResponses.push_back(encodeBase64(credentials.password));
        send("AUTH LOGIN", Awaiting::Auth);
    } else {
        const std::string error = "server offers no AUTH mechanism we support (PLAIN or LOGIN)";
        fail(Stage::Auth, Reply::synthetic(504, "5.5.4", error), error);
    }
}

void SmtpClient::startMail()
{
    const Transaction &transaction = m_transaction;
    const bool utf8 = transaction.smtputf8 || hasNonAscii(transaction.mailFrom)
                      || std::any_of(transaction.recipients.begin(), transaction.recipients.end(),
                                     [](const std::string &recipient) { return hasNonAscii(recipient); });
    // RFC 6531 §3.2: a message that needs SMTPUTF8 is not sent to a server
    // without it (we do not downgrade), and the failure is permanent.
    if (utf8 && !offers("SMTPUTF8")) {
        const std::string error = "server does not support SMTPUTF8";
        fail(Stage::Mail, Reply::synthetic(553, "5.6.7", error + ", which this message needs"), error);
        return;
    }
    if (transaction.recipients.empty()) {
        const std::string error = "no recipients";
        fail(Stage::Rcpt, Reply::synthetic(554, "5.5.1", error), error);
        return;
    }

    std::uint64_t size = 0;
    m_data = encodeData(m_transaction.message, size);
    m_transaction.message = {}; // m_data is what we need from now on

    std::string command = "MAIL FROM:<" + transaction.mailFrom + ">";
    // RFC 1870 §4: announce the size, and do not send what the server
    // already said it will not take. "SIZE" or "SIZE 0" sets no limit.
    if (offers("SIZE")) {
        const std::string limitText = extensionParameters("SIZE");
        std::uint64_t limit = 0;
        const auto [end, ec] = std::from_chars(limitText.data(), limitText.data() + limitText.size(), limit);
        if (ec == std::errc{} && end == limitText.data() + limitText.size() && limit > 0 && size > limit) {
            const std::string error = "message too large for this server (SIZE " + limitText + ")";
            fail(Stage::Mail, Reply::synthetic(552, "5.3.4", error), error);
            return;
        }
        command += " SIZE=" + std::to_string(size);
    }
    // RFC 6152 §3: BODY=8BITMIME when the message has 8-bit octets. Without
    // the extension the message goes as it is (no conversion to 7 bit).
    if (transaction.eightBit && offers("8BITMIME"))
        command += " BODY=8BITMIME";
    if (utf8)
        command += " SMTPUTF8";
    send(std::move(command), Awaiting::Mail);

    // RFC 2920 §3.1: MAIL, every RCPT and DATA in one batch; DATA is the
    // last command of a group. The replies come back in the same order.
    if (offers("PIPELINING")) {
        while (m_nextRecipient < transaction.recipients.size())
            sendNextRcpt();
        send("DATA", Awaiting::Data);
    }
}

void SmtpClient::sendNextRcpt()
{
    const std::size_t index = m_nextRecipient++;
    send("RCPT TO:<" + m_transaction.recipients[index] + ">", Awaiting::Rcpt, index);
}

void SmtpClient::onRcpt(std::size_t index, const Reply &reply)
{
    if (!reply.positive() && !reply.transient() && !reply.permanent()) {
        unexpected(Awaiting::Rcpt, reply);
        return;
    }
    m_rcptReplies[index] = reply;
    if (reply.positive())
        ++m_accepted;
    if (offers("PIPELINING"))
        return; // the reply to DATA, already sent, decides
    if (m_nextRecipient < m_transaction.recipients.size())
        sendNextRcpt();
    else if (m_accepted > 0)
        send("DATA", Awaiting::Data);
    else
        fail(Stage::Rcpt, reply); // every recipient refused: no DATA at all
}

void SmtpClient::onData(const Reply &reply)
{
    if (reply.code == 354) {
        if (m_accepted > 0) {
            m_output += m_data;
            m_data = {};
            m_pending.push_back({Awaiting::Message});
            return;
        }
        // RFC 2920 §3.1 says the server must refuse DATA when no RCPT
        // succeeded, and suggests the client then sends a lone ".". We do
        // not: an empty message is still a message to a server this broken.
        // Dropping the connection in the middle of DATA aborts the
        // transaction (RFC 5321 §3.8) and delivers nothing; QUIT cannot be
        // sent, it would be read as message text.
        fail(Stage::Rcpt, *m_rcptReplies.back(),
             "server accepted DATA although it refused every recipient; connection closed without sending the message",
             true);
        return;
    }
    if (!reply.transient() && !reply.permanent()) {
        unexpected(Awaiting::Data, reply);
        return;
    }
    // With PIPELINING the refusal of DATA is expected when every RCPT was
    // refused ("554 no valid recipients"): the RCPT replies are the reasons.
    if (m_accepted == 0)
        fail(Stage::Rcpt, *m_rcptReplies.back());
    else
        fail(Stage::Data, reply);
}

void SmtpClient::unexpected(Awaiting what, const Reply &reply)
{
    // A reply of a kind this command never gets (354 to MAIL, 250 to DATA):
    // the conversation is out of step, so it ends here, as a transient
    // failure (RFC 5321 §4.2.1 leaves no other meaning to it).
    const std::string error = std::string("unexpected reply to ") + commandName(static_cast<int>(what)) + ": "
                              + reply.toString();
    fail(stageOf(what), Reply::synthetic(451, "4.5.0", error), error, true);
}

void SmtpClient::malformed(const Error &error)
{
    if (m_decided) {
        finish();
        return;
    }
    const Stage stage = m_pending.empty() ? Stage::Greeting : stageOf(m_pending.front().what);
    fail(stage, Reply::synthetic(451, "4.5.0", "malformed reply from server: " + error.message),
         "malformed reply: " + error.message, true);
}

void SmtpClient::tlsStarted()
{
    if (!m_awaitingTls || m_done)
        return;
    // RFC 3207 §4.2: forget what the server said before TLS, EHLO again.
    m_awaitingTls = false;
    m_tlsActive = true;
    m_outcome.tlsUsed = true;
    m_parser.clear();
    m_extensions.clear();
    m_extensionParameters.clear();
    send("EHLO " + m_settings.heloName, Awaiting::Ehlo);
}

void SmtpClient::tlsFailed(std::string reason)
{
    if (!m_awaitingTls || m_done)
        return;
    m_awaitingTls = false;
    // Half a handshake leaves nothing to talk plaintext over, whatever the
    // policy: a new connection without STARTTLS is the caller's choice.
    const std::string error = "TLS handshake failed: " + reason;
    fail(Stage::StartTls, Reply::synthetic(454, "4.7.5", error), error, true);
}

void SmtpClient::connectionLost(std::string reason)
{
    if (m_done)
        return;
    if (m_decided) {
        finish(); // the reply to QUIT, or the rest of a batch, is not needed
        return;
    }
    Stage stage = Stage::StartTls;
    std::string waitingFor = "the TLS handshake";
    if (!m_awaitingTls && !m_pending.empty()) {
        stage = stageOf(m_pending.front().what);
        waitingFor = std::string("the reply to ") + commandName(static_cast<int>(m_pending.front().what));
        if (m_pending.front().what == Awaiting::Greeting)
            waitingFor = "the greeting";
    }
    m_awaitingTls = false;
    // RFC 5321 §4.2.5 (and §3.8): a connection lost counts as a 451; 4.4.2
    // is "bad connection" (RFC 3463).
    const std::string error = "connection lost while waiting for " + waitingFor + ": " + reason;
    fail(stage, Reply::synthetic(421, "4.4.2", error), error, true);
}

void SmtpClient::fail(Stage stage, const Reply &reply, std::string error, bool closeNow)
{
    m_decided = true;
    m_outcome.ok = false;
    m_outcome.failedAt = stage;
    m_outcome.reply = reply;
    m_outcome.error = std::move(error);
    m_outcome.recipients.clear();
    for (std::size_t i = 0; i < m_transaction.recipients.size(); ++i) {
        // A recipient the server refused keeps that refusal (a 550 for an
        // unknown user stays permanent even if the connection breaks
        // afterwards); RCPT replies after a refused MAIL mean nothing.
        const std::optional<Reply> &rcpt = m_rcptReplies[i];
        const bool refused = m_mailAccepted && rcpt && !rcpt->positive();
        m_outcome.recipients.push_back({m_transaction.recipients[i], refused ? *rcpt : reply});
    }
    if (closeNow)
        finish();
    else
        quitWhenIdle();
}

void SmtpClient::succeed(const Reply &reply)
{
    m_decided = true;
    m_outcome.ok = true;
    m_outcome.failedAt = Stage::None;
    m_outcome.reply = reply;
    m_outcome.error.clear();
    m_outcome.recipients.clear();
    for (std::size_t i = 0; i < m_transaction.recipients.size(); ++i) {
        const Reply &rcpt = *m_rcptReplies[i];
        m_outcome.recipients.push_back({m_transaction.recipients[i], rcpt.positive() ? reply : rcpt});
    }
    quitWhenIdle();
}

void SmtpClient::quitWhenIdle()
{
    // RFC 5321 §4.1.1.10: QUIT before closing, and wait for its reply; the
    // outcome is already decided, so that reply cannot change it.
    if (m_pending.empty() && !m_quitSent) {
        m_quitSent = true;
        send("QUIT", Awaiting::Quit);
    }
}

void SmtpClient::finish()
{
    m_done = true;
    m_pending.clear();
    m_parser.clear();
    m_data = {};
}

} // namespace postwr::mail
