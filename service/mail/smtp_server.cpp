#include "mail/smtp_server.h"

#include "mail/date.h"
#include "mail/dsn.h"
#include "mail/headers.h"
#include "mail/reflector.h"
#include "mail/sasl.h"
#include "mail/text.h"

#include <algorithm>
#include <array>
#include <cerrno>

namespace postwr::mail {

namespace {

// RFC 5321 §4.5.3.1.4 allows 512 octets for a command line, but extensions
// (SIZE, SMTPUTF8, AUTH initial responses) make lines longer in practice;
// 1000 is the text-line limit of §4.5.3.1.6 and our hard cap.
constexpr std::size_t maxCommandLine = 1000;

// RFC 5321 §4.5.3.1.5: a reply line, code and CRLF included.
constexpr std::size_t maxReplyLine = 512;

// Cross-protocol attacks send HTTP requests to SMTP ports (a browser tricked
// into posting to port 25); these verbs never start an SMTP command.
// RFC 5321 §6.3: a message that has passed this many relays is looping.
constexpr std::size_t maxReceivedHeaders = 50;

constexpr std::array httpVerbs{"GET", "POST", "HEAD", "PUT", "CONNECT", "OPTIONS", "DELETE", "PATCH"};

bool hasNonAscii(std::string_view text)
{
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

std::pair<std::string_view, std::string_view> splitVerb(std::string_view line)
{
    const std::size_t space = line.find(' ');
    if (space == std::string_view::npos)
        return {line, {}};
    return {line.substr(0, space), trim(line.substr(space + 1))};
}

// "FROM:<a@b> SIZE=1" → "<a@b> SIZE=1"; accepts the common "FROM: <a@b>".
std::optional<std::string_view> afterKeyword(std::string_view argument, std::string_view keyword)
{
    if (!startsWithIgnoreCase(argument, keyword))
        return std::nullopt;
    return trim(argument.substr(keyword.size()));
}

std::string_view domainOf(std::string_view address)
{
    const std::size_t at = address.rfind('@');
    return at == std::string_view::npos ? std::string_view{} : address.substr(at + 1);
}

} // namespace

const char *portRoleName(PortRole role)
{
    switch (role) {
    case PortRole::Mx:
        return "smtp";
    case PortRole::Submission:
        return "submission";
    case PortRole::Submissions:
        return "submissions";
    }
    return "unknown";
}

SmtpServer::SmtpServer(SessionSettings settings, std::shared_ptr<const Directory> directory)
    : m_settings(std::move(settings)), m_directory(std::move(directory))
{
    // Port 465 is TLS from the first byte (RFC 8314 §3.3); the caller has
    // done the handshake before it sends this greeting.
    m_tlsActive = m_settings.role == PortRole::Submissions;
    reply(220, {}, m_settings.hostname + " ESMTP postwrd");
}

void SmtpServer::setDirectory(std::shared_ptr<const Directory> directory)
{
    m_directory = std::move(directory);
}

void SmtpServer::receive(std::string_view bytes)
{
    if (m_mode == Mode::Closed)
        return;
    // Consumed bytes go here, once per read, not once per line: erasing
    // each line from the front would cost time quadratic in a read full of
    // pipelined commands.
    m_input.erase(0, m_inputStart);
    m_inputStart = 0;
    m_input.append(bytes);
}

// Reply text can quote the client (a bad From: address): a control octet
// from it must not reach the wire, where a NUL or CR breaks the client's
// reading of the reply, and RFC 5321 §4.5.3.1.5 caps a reply line at 512
// octets with its CRLF. Controls become '?'; long text is cut, at a UTF-8
// character boundary.
void SmtpServer::reply(int code, std::string_view enhanced, std::string_view text)
{
    const std::size_t start = m_output.size();
    m_output += std::to_string(code);
    m_output += ' ';
    if (!enhanced.empty()) {
        m_output += enhanced;
        m_output += ' ';
    }
    std::size_t room = maxReplyLine - 2 - (m_output.size() - start);
    if (text.size() > room) {
        while (room > 0 && (static_cast<unsigned char>(text[room]) & 0xC0) == 0x80)
            --room;
        text = text.substr(0, room);
    }
    for (const char c : text)
        m_output += static_cast<unsigned char>(c) < 0x20 || c == 0x7f ? '?' : c;
    m_output += "\r\n";
}

void SmtpServer::error(int code, std::string_view enhanced, std::string_view text)
{
    reply(code, enhanced, text);
    if (++m_errors >= m_settings.maxErrors)
        close(421, "4.7.0", m_settings.hostname + " Too many errors, closing connection");
}

void SmtpServer::close(int code, std::string_view enhanced, std::string_view text)
{
    reply(code, enhanced, text);
    m_mode = Mode::Closed;
    clearInput();
}

void SmtpServer::timedOut()
{
    if (m_mode != Mode::Closed)
        close(421, "4.4.2", m_settings.hostname + " Error: timeout exceeded");
}

void SmtpServer::limitReached(std::string_view text)
{
    if (m_mode != Mode::Closed)
        close(421, "4.7.0", m_settings.hostname + " " + std::string(text));
}

void SmtpServer::shutdown()
{
    m_shuttingDown = true;
    // A pending answer (Waiting) closes the session when it comes; a client
    // in the middle of AUTH is not in a transaction and is told now.
    if (m_mode != Mode::Closed && m_mode != Mode::Waiting && !inTransaction())
        closeForShutdown();
}

void SmtpServer::closeForShutdown()
{
    close(421, "4.3.2", m_settings.hostname + " Service shutting down, try again later");
}

void SmtpServer::endTransaction()
{
    resetTransaction();
    if (m_shuttingDown && m_mode == Mode::Command)
        closeForShutdown();
}

void SmtpServer::clearInput()
{
    m_input.clear();
    m_inputStart = 0;
}

std::optional<std::string> SmtpServer::takeLine()
{
    while (m_mode != Mode::Closed) {
        const std::size_t newline = m_input.find('\n', m_inputStart);
        if (newline == std::string::npos) {
            if (m_input.size() - m_inputStart > maxCommandLine) {
                clearInput();
                if (!m_discardingLongLine) {
                    m_discardingLongLine = true;
                    error(500, "5.5.2", "Line too long (max 1000 octets)");
                }
            }
            return std::nullopt;
        }
        std::string line = m_input.substr(m_inputStart, newline - m_inputStart);
        m_inputStart = newline + 1;
        if (m_discardingLongLine) {
            m_discardingLongLine = false;
            continue;
        }
        if (line.size() + 1 > maxCommandLine) {
            error(500, "5.5.2", "Line too long (max 1000 octets)");
            continue;
        }
        // A lone LF ends a command line too (as in Postfix and chasquid);
        // unlike in DATA, no message boundary depends on it.
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_of(std::string_view("\r\0", 2)) != std::string::npos) {
            error(500, "5.5.2", "Bare CR or NUL in command line");
            continue;
        }
        return line;
    }
    return std::nullopt;
}

SmtpServer::Event SmtpServer::next()
{
    for (;;) {
        switch (m_mode) {
        case Mode::Closed:
            return Event::Close;
        case Mode::Waiting:
            // The caller has not answered the last event yet.
            return Event::NeedInput;
        case Mode::Data: {
            m_inputStart += m_data->feed(std::string_view(m_input).substr(m_inputStart));
            if (!m_data->finished())
                return Event::NeedInput;
            const Event event = handleDataEnd();
            if (event != Event::NeedInput)
                return event;
            break;
        }
        case Mode::Command:
        case Mode::AuthPlainResponse:
        case Mode::AuthLoginUser:
        case Mode::AuthLoginPassword: {
            const std::optional<std::string> line = takeLine();
            if (!line)
                return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
            const Event event = m_mode == Mode::Command ? handleCommand(*line) : handleSaslLine(*line);
            if (event != Event::NeedInput)
                return event;
            break;
        }
        }
    }
}

SmtpServer::Event SmtpServer::handleCommand(std::string_view line)
{
    if (m_shuttingDown && !inTransaction()) {
        closeForShutdown();
        return Event::Close;
    }
    const auto [verb, argument] = splitVerb(line);
    // What sending mail takes is not counted, so a client sending many
    // messages is never cut off; a flood of anything else is.
    const bool sendsMail = equalsIgnoreCase(verb, "MAIL") || equalsIgnoreCase(verb, "RCPT") ||
                           equalsIgnoreCase(verb, "DATA") || equalsIgnoreCase(verb, "RSET");
    if (m_settings.maxCommandsPerMinute > 0 && !sendsMail) {
        const std::time_t now = m_settings.now();
        if (now - m_minuteStart >= 60) {
            m_minuteStart = now;
            m_commandsThisMinute = 0;
        }
        if (++m_commandsThisMinute > m_settings.maxCommandsPerMinute) {
            close(421, "4.7.0", m_settings.hostname + " Too many commands, closing connection");
            return Event::Close;
        }
    }
    for (const char *http : httpVerbs) {
        if (equalsIgnoreCase(verb, http)) {
            close(554, "5.7.0", "This is an SMTP server, not a web server");
            return Event::Close;
        }
    }
    if (!verb.empty() && verb.back() == ':') { // an HTTP header line such as "Host:"
        close(554, "5.7.0", "This is an SMTP server, not a web server");
        return Event::Close;
    }

    if (equalsIgnoreCase(verb, "EHLO") || equalsIgnoreCase(verb, "HELO"))
        onHelo(argument, equalsIgnoreCase(verb, "EHLO"));
    else if (equalsIgnoreCase(verb, "MAIL"))
        onMail(argument);
    else if (equalsIgnoreCase(verb, "RCPT"))
        onRcpt(argument);
    else if (equalsIgnoreCase(verb, "DATA"))
        onData(argument);
    else if (equalsIgnoreCase(verb, "AUTH"))
        return onAuth(argument);
    else if (equalsIgnoreCase(verb, "STARTTLS"))
        return onStartTls(argument);
    else if (equalsIgnoreCase(verb, "RSET")) {
        reply(250, "2.0.0", "Ok");
        endTransaction();
    } else if (equalsIgnoreCase(verb, "NOOP"))
        reply(250, "2.0.0", "Ok");
    else if (equalsIgnoreCase(verb, "QUIT"))
        close(221, "2.0.0", "Bye");
    else if (equalsIgnoreCase(verb, "VRFY"))
        // RFC 5321 §3.5.3: 252 when we will not say whether a user exists.
        reply(252, "2.5.2", "Cannot VRFY user, but will accept message and attempt delivery");
    else if (equalsIgnoreCase(verb, "EXPN"))
        error(502, "5.5.1", "EXPN is not supported");
    else if (equalsIgnoreCase(verb, "HELP"))
        reply(214, "2.0.0", "postwrd: see RFC 5321");
    else
        error(500, "5.5.1", "Unknown command");
    return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
}

void SmtpServer::onHelo(std::string_view argument, bool extended)
{
    if (argument.empty()) {
        error(501, "5.5.4", extended ? "Syntax: EHLO hostname" : "Syntax: HELO hostname");
        return;
    }
    const std::string_view name = argument.substr(0, argument.find(' '));
    // RFC 5321 §4.5.3.1.2: a domain has at most 255 octets; longer names
    // would also make our Received: line longer than RFC 5322 allows.
    if (name.size() > 255) {
        error(501, "5.5.4", "Host name too long (max 255 octets)");
        return;
    }
    resetTransaction();
    m_heloName = std::string(name);
    m_extended = extended;
    if (!extended) {
        reply(250, {}, m_settings.hostname);
        return;
    }
    std::vector<std::string> lines{m_settings.hostname,
                                   "PIPELINING",
                                   "SIZE " + std::to_string(m_settings.maxMessageSize),
                                   "8BITMIME",
                                   "SMTPUTF8",
                                   "ENHANCEDSTATUSCODES"};
    if (m_settings.tlsAvailable && !m_tlsActive)
        lines.emplace_back("STARTTLS");
    // RFC 4954 §4 and DESIGN.md: passwords travel only under TLS, and never on port 25.
    if (m_settings.role != PortRole::Mx && m_tlsActive)
        lines.emplace_back("AUTH PLAIN LOGIN");
    for (std::size_t i = 0; i < lines.size(); ++i)
        m_output += "250" + std::string(i + 1 < lines.size() ? "-" : " ") + lines[i] + "\r\n";
}

SmtpServer::Event SmtpServer::onStartTls(std::string_view argument)
{
    if (!argument.empty())
        error(501, "5.5.4", "Syntax: STARTTLS");
    else if (m_tlsActive)
        error(503, "5.5.1", "TLS is already active");
    else if (!m_settings.tlsAvailable)
        reply(454, "4.7.0", "TLS not available");
    else {
        reply(220, "2.0.0", "Ready to start TLS");
        // RFC 3207 §4.2: nothing sent before the handshake may be acted on
        // afterwards, or a man in the middle could inject commands into the
        // protected session (CVE-2011-0411).
        clearInput();
        m_mode = Mode::Waiting;
        return Event::StartTls;
    }
    return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
}

void SmtpServer::tlsStarted(std::string description)
{
    if (m_mode == Mode::Closed)
        return;
    // RFC 3207 §4.2: forget everything learnt before TLS, including EHLO.
    m_tlsActive = true;
    m_tlsDescription = std::move(description);
    clearInput();
    m_heloName.clear();
    m_extended = false;
    resetTransaction();
    m_mode = Mode::Command;
    if (m_shuttingDown)
        closeForShutdown();
}

SmtpServer::Event SmtpServer::onAuth(std::string_view argument)
{
    if (m_settings.role == PortRole::Mx)
        error(502, "5.5.1", "AUTH is not offered on this port; use the submission port 587 or 465");
    else if (!m_tlsActive)
        error(530, "5.7.0", "Must issue a STARTTLS command first");
    else if (!m_extended)
        error(503, "5.5.1", "Send EHLO first");
    else if (!m_authenticatedUser.empty())
        error(503, "5.5.1", "Already authenticated");
    else if (m_mailFrom)
        error(503, "5.5.1", "AUTH is not allowed during a mail transaction");
    else {
        const auto [mechanism, initial] = splitVerb(argument);
        if (equalsIgnoreCase(mechanism, "PLAIN")) {
            if (initial.empty()) {
                reply(334, {}, "");
                m_mode = Mode::AuthPlainResponse;
                return Event::NeedInput;
            }
            return handleSaslLine(initial);
        }
        if (equalsIgnoreCase(mechanism, "LOGIN")) {
            m_mode = Mode::AuthLoginUser;
            if (!initial.empty())
                return handleSaslLine(initial);
            reply(334, {}, loginUsernameChallenge);
            return Event::NeedInput;
        }
        error(504, "5.5.4", "Unrecognized authentication mechanism; use PLAIN or LOGIN");
    }
    return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
}

SmtpServer::Event SmtpServer::handleSaslLine(std::string_view line)
{
    const Mode mode = m_mode == Mode::Command ? Mode::AuthPlainResponse : m_mode;
    m_mode = Mode::Command;
    if (line == "*") { // RFC 4954 §4: the client cancels
        error(501, "5.0.0", "Authentication cancelled");
        return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
    }
    // RFC 4954 §4: "=" is an empty initial response.
    const std::string_view encoded = line == "=" ? std::string_view{} : line;
    switch (mode) {
    case Mode::AuthPlainResponse: {
        Result<PlainCredentials> plain = decodePlain(encoded);
        if (!plain) {
            error(501, "5.5.2", "Cannot decode AUTH PLAIN response: " + plain.error().message);
            break;
        }
        // RFC 4616 §2: acting as another identity is not something we allow.
        if (!plain->authorizationId.empty() && !equalsIgnoreCase(plain->authorizationId, plain->username)) {
            error(535, "5.7.8", "Authentication credentials invalid");
            break;
        }
        return requestAuthentication(plain->username, plain->password);
    }
    case Mode::AuthLoginUser: {
        Result<std::string> user = decodeLoginField(encoded);
        if (!user) {
            error(501, "5.5.2", "Cannot decode AUTH LOGIN user name: " + user.error().message);
            break;
        }
        m_credentials.username = std::move(user).value();
        m_mode = Mode::AuthLoginPassword;
        reply(334, {}, loginPasswordChallenge);
        break;
    }
    case Mode::AuthLoginPassword: {
        Result<std::string> password = decodeLoginField(encoded);
        if (!password) {
            error(501, "5.5.2", "Cannot decode AUTH LOGIN password: " + password.error().message);
            break;
        }
        return requestAuthentication(m_credentials.username, std::move(password).value());
    }
    default:
        break;
    }
    return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
}

SmtpServer::Event SmtpServer::requestAuthentication(std::string username, std::string password)
{
    m_credentials = {std::move(username), std::move(password)};
    m_mode = Mode::Waiting;
    return Event::Authenticate;
}

void SmtpServer::authenticationRefused(std::string_view text)
{
    std::fill(m_credentials.password.begin(), m_credentials.password.end(), '\0');
    m_credentials = {};
    if (m_mode == Mode::Closed)
        return;
    m_mode = Mode::Command;
    error(454, "4.7.0", text);
    if (m_shuttingDown && m_mode == Mode::Command)
        closeForShutdown();
}

void SmtpServer::authenticated(bool ok)
{
    if (m_mode == Mode::Closed) {
        m_credentials = {};
        return;
    }
    m_mode = Mode::Command;
    if (ok) {
        m_authenticatedUser = toLowerAscii(m_credentials.username);
        reply(235, "2.7.0", "Authentication successful");
    } else {
        error(535, "5.7.8", "Authentication credentials invalid");
    }
    // The password is not needed any more; do not keep it in memory.
    std::fill(m_credentials.password.begin(), m_credentials.password.end(), '\0');
    m_credentials = {};
    if (m_shuttingDown && m_mode == Mode::Command)
        closeForShutdown();
}

namespace {

// Whether `user` (an authenticated account) may send as `address`, and if
// not, why: so that one account cannot spoof another domain.
std::optional<std::string> senderRefusal(const Directory &directory, const std::string &user, const Address &address)
{
    const std::string_view userDomain = domainOf(user);
    const DomainSettings *settings = directory.settings(userDomain);
    const SenderPolicy policy = settings ? settings->senders : SenderPolicy::Domain;
    // The null sender names nobody, so it impersonates nobody (read receipts use it, RFC 8098 §2.1).
    if (policy == SenderPolicy::Any || address.isNull())
        return std::nullopt;
    if (policy == SenderPolicy::Account) {
        if (equalsIgnoreCase(address.toString(), user))
            return std::nullopt;
        return address.toString() + " is not your address: " + user + " may only send as itself";
    }
    if (equalsIgnoreCase(address.domain, userDomain))
        return std::nullopt;
    return address.toString() + " is not yours: " + user + " may only send as @" + std::string(userDomain);
}

} // namespace

void SmtpServer::onMail(std::string_view argument)
{
    if (m_heloName.empty()) {
        error(503, "5.5.1", "Send EHLO or HELO first");
        return;
    }
    if (m_settings.role != PortRole::Mx && m_authenticatedUser.empty()) {
        error(530, "5.7.0", m_tlsActive ? "Authentication required" : "Must issue a STARTTLS command first");
        return;
    }
    if (m_mailFrom) {
        error(503, "5.5.1", "Nested MAIL command");
        return;
    }
    const std::optional<std::string_view> pathText = afterKeyword(argument, "FROM:");
    if (!pathText) {
        error(501, "5.5.4", "Syntax: MAIL FROM:<address>");
        return;
    }
    Result<ParsedPath> path = parsePath(*pathText, {.allowNull = true, .allowUtf8 = true});
    if (!path) {
        error(501, "5.1.7", "Bad sender address: " + path.error().message);
        return;
    }
    bool smtputf8 = false;
    for (std::string_view parameter : split(trim(path->rest), ' ')) {
        if (parameter.empty())
            continue;
        const std::size_t equals = parameter.find('=');
        const std::string_view key = parameter.substr(0, equals);
        const std::string_view value = equals == std::string_view::npos ? std::string_view{} : parameter.substr(equals + 1);
        if (equalsIgnoreCase(key, "SIZE")) {
            // RFC 1870 §6.3: refuse early what would be refused after DATA.
            // RFC 1870 §3: up to 20 digits, which may not fit 64 bits.
            std::uint64_t size = 0;
            bool digits = !value.empty() && value.size() <= 20;
            bool tooBig = false;
            for (char c : value) {
                digits = digits && c >= '0' && c <= '9';
                const auto digit = static_cast<std::uint64_t>(c - '0');
                tooBig = tooBig || size > (UINT64_MAX - digit) / 10;
                size = size * 10 + digit;
            }
            if (!digits) {
                error(501, "5.5.4", "Bad SIZE parameter");
                return;
            }
            if (tooBig || size > m_settings.maxMessageSize) {
                error(552, "5.3.4", "Message too big: the maximum is " + std::to_string(m_settings.maxMessageSize) +
                                        " bytes");
                return;
            }
        } else if (equalsIgnoreCase(key, "BODY")) {
            if (!equalsIgnoreCase(value, "7BIT") && !equalsIgnoreCase(value, "8BITMIME")) {
                error(501, "5.5.4", "BODY must be 7BIT or 8BITMIME");
                return;
            }
        } else if (equalsIgnoreCase(key, "SMTPUTF8") && value.empty()) {
            smtputf8 = true;
        } else if (equalsIgnoreCase(key, "AUTH")) {
            // RFC 4954 §5: an identity claimed by a relay; we do not trust it.
        } else {
            error(555, "5.5.4", "Unsupported MAIL parameter " + std::string(key));
            return;
        }
    }
    if (!smtputf8 && hasNonAscii(path->address.toString())) {
        error(553, "5.6.7", "Non-ASCII address needs the SMTPUTF8 parameter");
        return;
    }
    if (!m_authenticatedUser.empty()) {
        if (std::optional<std::string> refusal = senderRefusal(*m_directory, m_authenticatedUser, path->address)) {
            error(550, "5.7.1", "Sender refused: " + *refusal);
            return;
        }
    }
    m_mailFrom = path->address;
    m_smtputf8 = smtputf8;
    reply(250, "2.1.0", "Ok");
}

void SmtpServer::onRcpt(std::string_view argument)
{
    if (!m_mailFrom) {
        error(503, "5.5.1", "Need MAIL before RCPT");
        return;
    }
    const std::optional<std::string_view> pathText = afterKeyword(argument, "TO:");
    if (!pathText) {
        error(501, "5.5.4", "Syntax: RCPT TO:<address>");
        return;
    }
    Result<ParsedPath> path = parsePath(*pathText, {.allowNull = false, .allowUtf8 = true});
    // RFC 5321 §4.1.1.3: "<Postmaster>" without a domain must be accepted; it
    // means the postmaster of the domain this server is the host of.
    if (startsWithIgnoreCase(*pathText, "<postmaster>"))
        path = ParsedPath{{"postmaster", postmasterDomain()}, pathText->substr(12)};
    if (!path) {
        error(501, "5.1.3", "Bad recipient address: " + path.error().message);
        return;
    }
    if (!trim(path->rest).empty()) {
        error(555, "5.5.4", "RCPT parameters are not supported");
        return;
    }
    const Address &address = path->address;
    const std::string shown = address.toString();
    if (!m_smtputf8 && hasNonAscii(shown)) {
        error(553, "5.6.7", "Non-ASCII address needs the SMTPUTF8 parameter on MAIL");
        return;
    }
    // RFC 5321 §4.5.3.1.10: 452 tells the client to send the rest later.
    if (m_acceptedRcpts >= m_settings.maxRecipients) {
        reply(452, "4.5.3", "Too many recipients");
        return;
    }
    std::vector<std::string> finals;
    const Srs *srs = m_settings.srs.get();
    if (srs && equalsIgnoreCase(address.domain, srs->domain()) && Srs::looksLikeSrs(address.localPart)) {
        // A bounce (or reply) to the SRS sender of a message we forwarded:
        // it goes back to the original sender, whoever the client is.
        Result<std::string> original = srs->reverse(shown, m_settings.now());
        if (!original) {
            error(550, "5.1.1", "<" + shown + ">: not a valid forwarding address: " + original.error().message);
            return;
        }
        finals.push_back(*original);
    } else if (m_directory->isLocalDomain(address.domain) && !m_authenticatedUser.empty() &&
               equalsIgnoreCase(address.localPart, reflectorLocalPart)) {
        // The test mail's self-check (mail/reflector.h), for our own users only.
        finals.push_back(std::string(reflectorLocalPart) + "@" + toLowerAscii(address.domain));
    } else if (m_directory->isLocalDomain(address.domain)) {
        // Local parts are looked up as they are: "%", "!", quotes and source
        // routes are never routing instructions here, so "user%ext@local"
        // cannot be turned into a relay to ext.
        Result<std::vector<Recipient>> resolved = m_directory->resolve(address.localPart, address.domain);
        if (!resolved) {
            error(550, "5.1.1", "<" + shown + ">: " + resolved.error().message);
            return;
        }
        for (const Recipient &recipient : *resolved)
            finals.push_back(recipient.address());
    } else if (!m_authenticatedUser.empty()) {
        finals.push_back(shown);
    } else {
        // RFC 5321 §3.6.2: no relaying for clients we do not know.
        error(550, "5.7.1", "Relaying denied: " + address.domain +
                                " is not a domain of this server (log in on port 587 to send elsewhere)");
        return;
    }
    for (std::string &recipient : finals) {
        if (std::find(m_recipients.begin(), m_recipients.end(), recipient) == m_recipients.end())
            m_recipients.push_back(std::move(recipient));
    }
    ++m_acceptedRcpts;
    reply(250, "2.1.5", "Ok");
}

std::string SmtpServer::postmasterDomain() const
{
    std::string domain = m_directory->domainOfHost(m_settings.hostname);
    return domain.empty() ? m_settings.hostname : domain;
}

void SmtpServer::onData(std::string_view argument)
{
    if (!argument.empty())
        error(501, "5.5.4", "Syntax: DATA");
    else if (!m_mailFrom)
        error(503, "5.5.1", "Need MAIL before DATA");
    else if (m_recipients.empty())
        error(554, "5.5.1", "No valid recipients");
    else {
        reply(354, {}, "End data with <CR><LF>.<CR><LF>");
        m_data.emplace(m_settings.maxMessageSize);
        m_mode = Mode::Data;
    }
}

std::optional<std::string> SmtpServer::checkFromHeader(const std::string &message)
{
    const std::vector<std::string> froms = headerValues(parseHeaderSection(message), "From");
    if (froms.size() != 1) {
        error(550, "5.6.0", "Message refused: it must have exactly one From: header (RFC 5322 §3.6)");
        return std::nullopt;
    }
    Result<std::vector<Address>> addresses = parseAddressList(froms.front());
    if (!addresses) {
        error(550, "5.6.0", "Message refused: bad From: header: " + addresses.error().message);
        return std::nullopt;
    }
    for (const Address &address : *addresses) {
        if (std::optional<std::string> refusal = senderRefusal(*m_directory, m_authenticatedUser, address)) {
            error(550, "5.7.1", "Message refused: From: " + *refusal);
            return std::nullopt;
        }
    }
    return toLowerAscii(addresses->front().domain);
}

bool SmtpServer::signSubmission(std::string &message, const std::string &fromDomain, const std::string &queueId)
{
    const auto now = static_cast<std::int64_t>(m_settings.now());
    m_dkimSignatures.clear();
    message = addMissingHeaders(message, fromDomain, now, queueId);
    if (!m_settings.dkimKeys)
        return true;
    const auto keys = m_settings.dkimKeys->find(fromDomain);
    if (keys == m_settings.dkimKeys->end())
        return true;
    std::string signatures;
    for (const DkimKey &key : keys->second) {
        Result<std::string> signature = signMessage(key, message, now);
        if (!signature) {
            reply(451, "4.3.0", "Cannot sign the message with DKIM, please try again later");
            return false;
        }
        signatures += *signature;
        m_dkimSignatures += (m_dkimSignatures.empty() ? "" : ",") + std::string(dkimAlgorithmName(key.algorithm)) + ":" +
                            key.selector + ":" + key.domain;
    }
    message = signatures + message;
    return true;
}

SmtpServer::Event SmtpServer::handleDataEnd()
{
    const DotReader::Problem problem = m_data->problem();
    m_mode = Mode::Command;
    switch (problem) {
    case DotReader::Problem::None:
        break;
    case DotReader::Problem::BareLineFeed:
    case DotReader::Problem::BareCarriageReturn:
        error(554, "5.6.0", "Message refused: bare LF or CR in message; lines must end with CRLF (RFC 5321 §2.3.8)");
        break;
    case DotReader::Problem::LineTooLong:
        error(554, "5.6.0", "Message refused: a line is longer than 998 characters (RFC 5321 §4.5.3.1.6)");
        break;
    case DotReader::Problem::MessageTooBig:
        error(552, "5.3.4", "Message too big: the maximum is " + std::to_string(m_settings.maxMessageSize) + " bytes");
        break;
    }
    if (problem != DotReader::Problem::None) {
        endTransaction();
        return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
    }
    std::string message = m_data->takeMessage();
    m_data.reset();
    if (countReceivedHeaders(message) >= maxReceivedHeaders) {
        error(554, "5.4.6", "Message refused: too many Received: headers, it is looping (RFC 5321 §6.3)");
        endTransaction();
        return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
    }
    m_envelope = {};
    m_envelope.id = m_settings.newQueueId();
    if (!m_authenticatedUser.empty()) {
        const std::optional<std::string> fromDomain = checkFromHeader(message);
        if (!fromDomain || !signSubmission(message, *fromDomain, m_envelope.id)) {
            endTransaction();
            return m_mode == Mode::Closed ? Event::Close : Event::NeedInput;
        }
    }
    m_envelope.from = m_mailFrom->isNull() ? std::string{} : m_mailFrom->toString();
    m_envelope.recipients = m_recipients;
    m_envelope.authenticatedUser = m_authenticatedUser;
    m_envelope.clientAddress = m_settings.clientAddress;
    m_envelope.heloName = m_heloName;
    m_envelope.receivedAt = static_cast<std::int64_t>(m_settings.now());
    m_envelope.smtputf8 = m_smtputf8;
    m_message = receivedHeader(m_envelope.id) + message;
    m_mode = Mode::Waiting;
    return Event::Deliver;
}

std::string SmtpServer::receivedHeader(const std::string &queueId) const
{
    // RFC 5321 §4.4 trace field; the "with" keywords are RFC 3848's.
    std::string with = "SMTP";
    if (m_extended) {
        with = "ESMTP";
        if (m_tlsActive)
            with += 'S';
        if (!m_authenticatedUser.empty())
            with += 'A';
    }
    std::string header = "Received: from " + m_heloName + " ([" + m_settings.clientAddress + "])\r\n\tby " +
                         m_settings.hostname + " (postwrd) with " + with;
    if (!m_tlsDescription.empty())
        header += " (" + m_tlsDescription + ")";
    header += "\r\n\tid " + queueId;
    // Naming the recipient only when there is one keeps Bcc recipients private.
    if (m_recipients.size() == 1 && m_acceptedRcpts == 1)
        header += "\r\n\tfor <" + m_recipients.front() + ">";
    header += "; " + rfc5322Date(m_settings.now()) + "\r\n";
    return header;
}

void SmtpServer::queued(const Result<std::string> &queueId)
{
    m_message.clear();
    if (m_mode == Mode::Closed)
        return;
    m_mode = Mode::Command;
    if (queueId)
        reply(250, "2.0.0", "Ok: queued as " + *queueId);
    else if (queueId.error().errorNumber == ENOSPC || queueId.error().errorNumber == EDQUOT)
        // RFC 5321 §4.2.5 and RFC 3463 (4.3.1, mail system full): the client
        // keeps the message and tries again later.
        reply(452, "4.3.1", "Insufficient system storage, please try again later");
    else
        reply(451, "4.3.0", "Could not queue the message, please try again later");
    endTransaction();
}

void SmtpServer::refused(std::string_view text)
{
    m_message.clear();
    if (m_mode == Mode::Closed)
        return;
    m_mode = Mode::Command;
    reply(550, "5.7.1", text);
    endTransaction();
}

void SmtpServer::resetTransaction()
{
    m_mailFrom.reset();
    m_smtputf8 = false;
    m_recipients.clear();
    m_acceptedRcpts = 0;
    m_data.reset();
}

} // namespace postwr::mail
