// SmtpServer, driven the way postwrd's session drives it but without
// sockets: a Client feeds it what a mail client sends, collects what it
// answers, and answers its events itself (a fake password check, a queue
// that takes or refuses the message, an instant TLS handshake).
//
// Most tests are conversations: one data row per behaviour, named as a
// sentence, with the exact reply code and enhanced status code (RFC 3463)
// of every reply. A step "!name" is an action instead of client bytes:
//   !shutdown  the server is stopping (SmtpServer::shutdown)
//   !timeout   the client was idle too long (SmtpServer::timedOut)
//   !hold      do not answer the next event yet, as if the work were slow
//   !answer    answer the held event now
//   !refuse    answer the held AUTH: refused unchecked (SmtpServer::authenticationRefused)
//   !limit     a limit of the server is reached (SmtpServer::limitReached)
#include "mail/aliases.h"
#include "mail/directory.h"
#include "mail/smtp_server.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QTest>

#include "test_bytes.h"
#include <cerrno>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

using namespace postwr::mail;

namespace {

const char *const hostname = "mx.example.test";
const char *const clientAddress = "192.0.2.1";
constexpr std::time_t testTime = 1700000000;
const QByteArray testDate = "Tue, 14 Nov 2023 22:13:20 +0000";
const QByteArray password = "secret";
constexpr std::uint64_t maxMessageSize = 10000;
constexpr std::size_t maxRecipients = 3;
constexpr int maxErrors = 5;

struct Options {
    PortRole role = PortRole::Mx;
    bool tlsAvailable = true;
    bool catchAll = false;
    bool queueFails = false;
    int queueErrno = EIO; // why the queue fails, when it does
    bool refuses = false; // the daemon's checks refuse every message (DMARC)
    int maxCommandsPerMinute = 0;

    Options noCertificate() const
    {
        Options options = *this;
        options.tlsAvailable = false;
        return options;
    }
    Options withCatchAll() const
    {
        Options options = *this;
        options.catchAll = true;
        return options;
    }
    Options queueFailing(int errorNumber = EIO) const
    {
        Options options = *this;
        options.queueFails = true;
        options.queueErrno = errorNumber;
        return options;
    }
    Options refusing() const
    {
        Options options = *this;
        options.refuses = true;
        return options;
    }
};

const Options mx { .role = PortRole::Mx };
const Options submission { .role = PortRole::Submission };
const Options submissions { .role = PortRole::Submissions };

// example.test: users i and bob; aliases postmaster (to i) and team (to i
// and bob); with a catch-all to i when asked. strict.test has senders =
// account (users ann, bea), any.test has senders = any (user max).
std::shared_ptr<const Directory> makeDirectory(bool catchAll)
{
    auto directory = std::make_shared<Directory>();
    const auto add = [&directory](const std::string &domain, const std::vector<std::string> &names,
                         std::string_view aliasText, SenderPolicy senders) {
        UserDb users;
        for (const std::string &name : names)
            users.add({ name, "$scrypt$never-checked-here" });
        Parsed<AliasFile> aliases = parseAliases(aliasText, domain);
        if (!aliases.ok())
            qFatal("bad test aliases: %s", aliases.errors.front().describe().c_str());
        directory->addDomain(
            domain, std::move(users), std::move(aliases.value), DomainSettings { senders });
    };
    add("example.test", { "i", "bob" },
        catchAll ? "postmaster: i\nteam: i, bob\n*: i\n" : "postmaster: i\nteam: i, bob\n",
        SenderPolicy::Domain);
    add("strict.test", { "ann", "bea" }, "", SenderPolicy::Account);
    add("any.test", { "max" }, "", SenderPolicy::Any);
    return directory;
}

struct Delivery {
    Envelope envelope;
    std::string message;
};

class Client {
public:
    explicit Client(const Options &options)
        : m_directory(makeDirectory(options.catchAll))
        , m_queueFails(options.queueFails)
        , m_queueErrno(options.queueErrno)
        , m_refuses(options.refuses)
        , m_server(makeSettings(options), m_directory)
    {
        m_greeting = bytes(m_server.takeOutput());
    }

    // Sends client bytes or performs an action (see the top of the file);
    // returns everything the server wrote meanwhile.
    QByteArray step(const QByteArray &input)
    {
        if (input == "!shutdown") {
            m_server.shutdown();
        } else if (input == "!timeout") {
            m_server.timedOut();
        } else if (input == "!limit") {
            m_server.limitReached("Session too long");
        } else if (input == "!refuse") {
            if (m_pending != SmtpServer::Event::Authenticate)
                return "(no AUTH to refuse)\r\n";
            m_pending.reset();
            m_server.authenticationRefused("Too many failed logins");
        } else if (input == "!hold") {
            m_hold = true;
            return {};
        } else if (input == "!answer") {
            if (!m_pending)
                return "(no event to answer)\r\n";
            const SmtpServer::Event event = *m_pending;
            m_pending.reset();
            answer(event);
        } else {
            m_server.receive(view(input));
        }
        return pump();
    }

    SmtpServer &server() { return m_server; }
    const QByteArray &greeting() const { return m_greeting; }
    const std::vector<Delivery> &deliveries() const { return m_deliveries; }
    bool sawClose() const { return m_sawClose; }

private:
    SessionSettings makeSettings(const Options &options)
    {
        SessionSettings settings;
        settings.hostname = hostname;
        settings.role = options.role;
        settings.tlsAvailable = options.tlsAvailable;
        settings.maxMessageSize = maxMessageSize;
        settings.maxRecipients = maxRecipients;
        settings.maxErrors = maxErrors;
        settings.maxCommandsPerMinute = options.maxCommandsPerMinute;
        settings.clientAddress = clientAddress;
        settings.newQueueId = [this] { return "Q" + std::to_string(++m_queueIds); };
        settings.now = [] { return testTime; };
        return settings;
    }

    // What postwrd's event loop does: next(), write the output, answer.
    QByteArray pump()
    {
        QByteArray output;
        for (int round = 0; round < 10000; ++round) {
            const SmtpServer::Event event = m_server.next();
            output += bytes(m_server.takeOutput());
            switch (event) {
            case SmtpServer::Event::NeedInput:
                return output;
            case SmtpServer::Event::Close:
                m_sawClose = true;
                return output;
            case SmtpServer::Event::Authenticate:
            case SmtpServer::Event::Deliver:
            case SmtpServer::Event::StartTls:
                if (m_hold) {
                    m_hold = false;
                    m_pending = event;
                    return output;
                }
                answer(event);
                break;
            }
        }
        return output + "(the server never asked for input)\r\n";
    }

    void answer(SmtpServer::Event event)
    {
        switch (event) {
        case SmtpServer::Event::Authenticate:
            m_server.authenticated(passwordIsRight(m_server.pendingCredentials()));
            break;
        case SmtpServer::Event::Deliver: {
            Delivery delivery { m_server.pendingEnvelope(), m_server.takeMessage() };
            const std::string id = delivery.envelope.id;
            m_deliveries.push_back(std::move(delivery));
            if (m_refuses)
                m_server.refused("Message refused: example.org publishes a DMARC policy of reject");
            else if (m_queueFails)
                m_server.queued(Error { "cannot write the queue file", 0, 0, m_queueErrno });
            else
                m_server.queued(id);
            break;
        }
        case SmtpServer::Event::StartTls:
            m_server.tlsStarted("TLS1.3 test");
            break;
        case SmtpServer::Event::NeedInput:
        case SmtpServer::Event::Close:
            break;
        }
    }

    // Any account of the directory, with the password "secret".
    bool passwordIsRight(const Credentials &credentials) const
    {
        const std::size_t at = credentials.username.rfind('@');
        if (at == std::string::npos)
            return false;
        const std::string_view user = credentials.username;
        return m_directory->findUser(user.substr(0, at), user.substr(at + 1)) != nullptr
            && credentials.password == view(password);
    }

    std::shared_ptr<const Directory> m_directory;
    bool m_queueFails = false;
    int m_queueErrno = EIO;
    bool m_refuses = false;
    int m_queueIds = 0;
    SmtpServer m_server;
    QByteArray m_greeting;
    bool m_hold = false;
    std::optional<SmtpServer::Event> m_pending;
    std::vector<Delivery> m_deliveries;
    bool m_sawClose = false;
};

// One entry per reply: its code, then its enhanced status code if it has
// one ("550 5.7.1"). A 334 challenge is kept whole ("334 VXNlcm5hbWU6"), and
// a multi-line reply counts once. Malformed output shows up as an entry.
QByteArrayList summarize(const QByteArray &output)
{
    static const QRegularExpression enhanced(QStringLiteral("^[245]\\.\\d{1,3}\\.\\d{1,3}(?= |$)"));
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    QByteArrayList replies;
    qsizetype start = 0;
    while (start < output.size()) {
        const qsizetype end = output.indexOf("\r\n", start);
        if (end < 0) {
            replies << "UNTERMINATED " + output.mid(start);
            break;
        }
        const QByteArray line = output.mid(start, end - start);
        start = end + 2;
        if (line.size() < 3 || !isDigit(line[0]) || !isDigit(line[1]) || !isDigit(line[2])
            || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
            replies << "MALFORMED " + line;
            continue;
        }
        if (line.size() > 3 && line[3] == '-')
            continue; // more lines of the same reply follow
        if (line.startsWith("334")) {
            replies << line;
            continue;
        }
        QByteArray summary = line.left(3);
        const QRegularExpressionMatch match = enhanced.match(QString::fromLatin1(line.mid(4)));
        if (match.hasMatch())
            summary += ' ' + match.captured().toLatin1();
        replies << summary;
    }
    return replies;
}

QByteArray describe(const QByteArrayList &replies)
{
    return replies.isEmpty() ? QByteArray("(none)") : replies.join(" | ");
}

// Client commands and preludes.
const QByteArray ehloLine = "EHLO client.example\r\n";

QByteArray base64(const QByteArray &text)
{
    return text.toBase64();
}

QByteArray plain(
    const QByteArray &user, const QByteArray &secret, const QByteArray &authorizationId = {})
{
    return base64(authorizationId + '\0' + user + '\0' + secret);
}

QByteArray authPlain(const QByteArray &user = "i@example.test", const QByteArray &secret = password)
{
    return "AUTH PLAIN " + plain(user, secret) + "\r\n";
}

QByteArrayList ehlo()
{
    return { ehloLine };
}

QByteArrayList heloStep()
{
    return { "HELO client.example\r\n" };
}

// STARTTLS drops whatever is pipelined after it, so each is its own read.
QByteArrayList afterStartTls()
{
    return { ehloLine, "STARTTLS\r\n", ehloLine };
}

QByteArrayList loggedIn(const Options &options, const QByteArray &user = "i@example.test")
{
    QByteArrayList steps = options.role == PortRole::Submissions ? ehlo() : afterStartTls();
    steps << authPlain(user);
    return steps;
}

QByteArrayList mxTransaction()
{
    return ehlo() << "MAIL FROM:<sender@ext.example>\r\n"
                  << "RCPT TO:<i@example.test>\r\n";
}

QByteArrayList submissionTransaction(const Options &options = submission)
{
    return loggedIn(options) << "MAIL FROM:<i@example.test>\r\n"
                             << "RCPT TO:<friend@ext.example>\r\n";
}

// A message as sent after 354, end marker included.
QByteArray messageFrom(const QByteArray &fromHeaders)
{
    return fromHeaders + "To: <friend@ext.example>\r\nSubject: test\r\n\r\nHello.\r\n.\r\n";
}

const QByteArray message = messageFrom("From: I <i@example.test>\r\n");

// A message of exactly `size` bytes before its end marker, in short lines.
QByteArray messageOfSize(qsizetype size)
{
    QByteArray text;
    const qsizetype lines = size / 100;
    const qsizetype extra = size % 100;
    for (qsizetype i = 0; i < lines; ++i)
        text += QByteArray(98 + (i == 0 ? extra : 0), 'a') + "\r\n";
    if (lines == 0)
        text = QByteArray(extra - 2, 'a') + "\r\n";
    return text + ".\r\n";
}

QByteArray repeated(const QByteArray &line, int times)
{
    QByteArray out;
    for (int i = 0; i < times; ++i)
        out += line;
    return out;
}

QByteArray describe(const Envelope &envelope)
{
    QByteArray out = "id=" + bytes(envelope.id) + " from=<" + bytes(envelope.from) + "> rcpts=";
    for (const std::string &recipient : envelope.recipients)
        out += "<" + bytes(recipient) + ">";
    out += " user=" + bytes(envelope.authenticatedUser) + " client=" + bytes(envelope.clientAddress)
        + " helo=" + bytes(envelope.heloName) + " at=" + QByteArray::number(envelope.receivedAt)
        + " smtputf8=" + (envelope.smtputf8 ? "yes" : "no");
    return out;
}

} // namespace

Q_DECLARE_METATYPE(Options)
Q_DECLARE_METATYPE(Envelope)

class TestSmtpServer : public QObject {
    Q_OBJECT

private slots:
    void greeting();

    void helo_data();
    void helo() { conversation(); }
    void ehloKeywords_data();
    void ehloKeywords();
    void mail_data();
    void mail() { conversation(); }
    void rcpt_data();
    void rcpt() { conversation(); }
    void relayTricks_data();
    void relayTricks();
    void messages_data();
    void messages() { conversation(); }
    void senderPolicy_data();
    void senderPolicy() { conversation(); }
    void otherCommands_data();
    void otherCommands() { conversation(); }
    void inputLimits_data();
    void inputLimits() { conversation(); }
    void pipelining_data();
    void pipelining() { conversation(); }
    void pipelinedRepliesComeInOneOutput();
    void startTls_data();
    void startTls() { conversation(); }
    void auth_data();
    void auth() { conversation(); }
    void shutdownAndTimeout_data();
    void shutdownAndTimeout() { conversation(); }
    void receivedHeader_data();
    void receivedHeader();
    void longEhloNameKeepsReceivedLinesShort();
    void replyQuotingTheClientHasNoControlOctets();
    void pipelinedCommandsCostLinearTime();
    void queuedEnvelope_data();
    void queuedEnvelope();

private:
    static void addConversationColumns();
    static void row(const char *name, const Options &options, const QByteArrayList &prelude,
        const QByteArrayList &steps, const QByteArrayList &replies, bool closed = false,
        int delivered = 0);
    void conversation();
};

void TestSmtpServer::addConversationColumns()
{
    QTest::addColumn<Options>("options");
    // Reads sent first to reach the state under test; each must succeed.
    QTest::addColumn<QByteArrayList>("prelude");
    // Reads and actions under test.
    QTest::addColumn<QByteArrayList>("steps");
    // The replies to the steps, summarized (see summarize()).
    QTest::addColumn<QByteArrayList>("replies");
    QTest::addColumn<bool>("closed");
    // Messages handed to the queue (Deliver events) in the whole session.
    QTest::addColumn<int>("delivered");
}

void TestSmtpServer::row(const char *name, const Options &options, const QByteArrayList &prelude,
    const QByteArrayList &steps, const QByteArrayList &replies, bool closed, int delivered)
{
    QTest::newRow(name) << options << prelude << steps << replies << closed << delivered;
}

void TestSmtpServer::conversation()
{
    QFETCH(Options, options);
    QFETCH(QByteArrayList, prelude);
    QFETCH(QByteArrayList, steps);
    QFETCH(QByteArrayList, replies);
    QFETCH(bool, closed);
    QFETCH(int, delivered);

    Client client(options);
    for (const QByteArray &step : prelude) {
        const QByteArray output = client.step(step);
        for (const QByteArray &reply : summarize(output)) {
            QVERIFY2(reply.startsWith('2') || reply.startsWith('3'),
                ("the prelude step " + step.trimmed() + " was answered: " + output).constData());
        }
    }
    QByteArray output;
    for (const QByteArray &step : steps)
        output += client.step(step);
    const QByteArrayList actual = summarize(output);
    QVERIFY2(actual == replies,
        ("replies: " + describe(actual) + "\nexpected: " + describe(replies)
            + "\nthe server wrote:\n" + output)
            .constData());
    QCOMPARE(client.server().closed(), closed);
    if (closed)
        QVERIFY2(client.sawClose(), "closed() is true but next() never returned Close");
    QCOMPARE(static_cast<int>(client.deliveries().size()), delivered);
}

void TestSmtpServer::greeting()
{
    Client mxClient(mx);
    QCOMPARE(mxClient.greeting(), QByteArray("220 mx.example.test ESMTP postwrd\r\n"));
    QVERIFY(!mxClient.server().tlsActive());
    QVERIFY(!mxClient.server().closed());

    // Port 465 (RFC 8314 §3.3): the handshake came before the greeting.
    Client implicitTls(submissions);
    QCOMPARE(implicitTls.greeting(), QByteArray("220 mx.example.test ESMTP postwrd\r\n"));
    QVERIFY(implicitTls.server().tlsActive());
}

void TestSmtpServer::helo_data()
{
    addConversationColumns();
    row("EHLO is answered 250", mx, {}, ehlo(), { "250" });
    row("HELO is answered 250", mx, {}, heloStep(), { "250" });
    row("EHLO without a domain is refused with 501 5.5.4", mx, {}, { "EHLO\r\n" }, { "501 5.5.4" });
    row("HELO without a domain is refused with 501 5.5.4", mx, {}, { "HELO\r\n" }, { "501 5.5.4" });
    row("EHLO twice is answered 250 twice", mx, ehlo(), ehlo(), { "250" });
    row("EHLO during a transaction ends the transaction", mx, mxTransaction(),
        { ehloLine + "DATA\r\n" }, { "250", "503 5.5.1" });
    row("EHLO is case-insensitive", mx, {}, { "ehlo client.example\r\n" }, { "250" });
}

void TestSmtpServer::ehloKeywords_data()
{
    QTest::addColumn<Options>("options");
    QTest::addColumn<QByteArrayList>("prelude");
    QTest::addColumn<QByteArrayList>("keywords");

    const QByteArrayList always { "PIPELINING", "SIZE 10000", "8BITMIME", "SMTPUTF8",
        "ENHANCEDSTATUSCODES" };
    QTest::newRow("MX offers STARTTLS and never AUTH")
        << mx << QByteArrayList {} << (always + QByteArrayList { "STARTTLS" });
    QTest::newRow("MX without a certificate offers neither STARTTLS nor AUTH")
        << mx.noCertificate() << QByteArrayList {} << always;
    QTest::newRow("MX after STARTTLS offers neither STARTTLS nor AUTH")
        << mx << QByteArrayList { ehloLine, "STARTTLS\r\n" } << always;
    QTest::newRow("Submission before STARTTLS offers STARTTLS but not AUTH")
        << submission << QByteArrayList {} << (always + QByteArrayList { "STARTTLS" });
    QTest::newRow("Submission after STARTTLS offers AUTH PLAIN LOGIN but not STARTTLS")
        << submission << QByteArrayList { ehloLine, "STARTTLS\r\n" }
        << (always + QByteArrayList { "AUTH PLAIN LOGIN" });
    QTest::newRow("Submission without a certificate offers neither STARTTLS nor AUTH")
        << submission.noCertificate() << QByteArrayList {} << always;
    QTest::newRow("Submissions offers AUTH PLAIN LOGIN from the start but not STARTTLS")
        << submissions << QByteArrayList {} << (always + QByteArrayList { "AUTH PLAIN LOGIN" });
}

void TestSmtpServer::ehloKeywords()
{
    QFETCH(Options, options);
    QFETCH(QByteArrayList, prelude);
    QFETCH(QByteArrayList, keywords);

    Client client(options);
    for (const QByteArray &step : prelude)
        client.step(step);
    QByteArray expected = "250-mx.example.test\r\n";
    for (qsizetype i = 0; i < keywords.size(); ++i)
        expected += (i + 1 < keywords.size() ? "250-" : "250 ") + keywords[i] + "\r\n";
    QCOMPARE(client.step(ehloLine), expected);
}

void TestSmtpServer::mail_data()
{
    addConversationColumns();
    const QByteArray mailFrom = "MAIL FROM:<sender@ext.example>";
    row("MAIL before EHLO is refused with 503 5.5.1", mx, {}, { mailFrom + "\r\n" },
        { "503 5.5.1" });
    row("MAIL after EHLO on MX is accepted with 250 2.1.0", mx, ehlo(), { mailFrom + "\r\n" },
        { "250 2.1.0" });
    row("MAIL after HELO on MX is accepted with 250 2.1.0", mx, heloStep(), { mailFrom + "\r\n" },
        { "250 2.1.0" });
    row("MAIL FROM:<> of a bounce is accepted with 250 2.1.0", mx, ehlo(), { "MAIL FROM:<>\r\n" },
        { "250 2.1.0" });
    row("MAIL with a space after FROM: is accepted", mx, ehlo(),
        { "MAIL FROM: <sender@ext.example>\r\n" }, { "250 2.1.0" });
    row("MAIL is case-insensitive", mx, ehlo(), { "mail from:<sender@ext.example>\r\n" },
        { "250 2.1.0" });
    row("MAIL without FROM: is refused with 501 5.5.4", mx, ehlo(),
        { "MAIL <sender@ext.example>\r\n" }, { "501 5.5.4" });
    row("MAIL with a malformed address is refused with 501 5.1.7", mx, ehlo(),
        { "MAIL FROM:<sender@@ext.example>\r\n" }, { "501 5.1.7" });
    row("MAIL without angle brackets is refused with 501 5.1.7", mx, ehlo(),
        { "MAIL FROM:sender@ext.example\r\n" }, { "501 5.1.7" });
    row("A second MAIL in a transaction is refused with 503 5.5.1", mx, mxTransaction(),
        { "MAIL FROM:<other@ext.example>\r\n" }, { "503 5.5.1" });
    row("MAIL with SIZE below the maximum is accepted", mx, ehlo(), { mailFrom + " SIZE=9999\r\n" },
        { "250 2.1.0" });
    row("MAIL with SIZE equal to the maximum is accepted", mx, ehlo(),
        { mailFrom + " SIZE=10000\r\n" }, { "250 2.1.0" });
    row("MAIL with SIZE over the maximum is refused with 552 5.3.4", mx, ehlo(),
        { mailFrom + " SIZE=10001\r\n" }, { "552 5.3.4" });
    // RFC 1870 §4: size-value ::= 1*20DIGIT, so 20 digits is valid syntax.
    row("MAIL with a 20-digit SIZE is refused with 552 5.3.4", mx, ehlo(),
        { mailFrom + " SIZE=18446744073709551616\r\n" }, { "552 5.3.4" });
    row("MAIL with a SIZE that is not a number is refused with 501 5.5.4", mx, ehlo(),
        { mailFrom + " SIZE=10k\r\n" }, { "501 5.5.4" });
    row("MAIL with an empty SIZE is refused with 501 5.5.4", mx, ehlo(),
        { mailFrom + " SIZE=\r\n" }, { "501 5.5.4" });
    row("MAIL with BODY=8BITMIME is accepted", mx, ehlo(), { mailFrom + " BODY=8BITMIME\r\n" },
        { "250 2.1.0" });
    row("MAIL with BODY=7BIT is accepted", mx, ehlo(), { mailFrom + " BODY=7BIT\r\n" },
        { "250 2.1.0" });
    row("MAIL with BODY=BINARYMIME is refused with 501 5.5.4", mx, ehlo(),
        { mailFrom + " BODY=BINARYMIME\r\n" }, { "501 5.5.4" });
    row("MAIL with an AUTH= identity is accepted and the identity ignored", mx, ehlo(),
        { mailFrom + " AUTH=<>\r\n" }, { "250 2.1.0" });
    row("MAIL with an unknown parameter is refused with 555 5.5.4", mx, ehlo(),
        { mailFrom + " RET=HDRS\r\n" }, { "555 5.5.4" });
    row("MAIL with a UTF-8 address and SMTPUTF8 is accepted", mx, ehlo(),
        { "MAIL FROM:<jos\xC3\xA9@ext.example> SMTPUTF8\r\n" }, { "250 2.1.0" });
    row("MAIL with a UTF-8 address without SMTPUTF8 is refused with 553 5.6.7", mx, ehlo(),
        { "MAIL FROM:<jos\xC3\xA9@ext.example>\r\n" }, { "553 5.6.7" });

    // Port roles (DESIGN.md): on 587 TLS, then AUTH, before MAIL; on 465 AUTH.
    row("MAIL on submission before STARTTLS is refused with 530 5.7.0", submission, ehlo(),
        { "MAIL FROM:<i@example.test>\r\n" }, { "530 5.7.0" });
    row("MAIL on submission after STARTTLS but before AUTH is refused with 530 5.7.0", submission,
        afterStartTls(), { "MAIL FROM:<i@example.test>\r\n" }, { "530 5.7.0" });
    row("MAIL on submissions before AUTH is refused with 530 5.7.0", submissions, ehlo(),
        { "MAIL FROM:<i@example.test>\r\n" }, { "530 5.7.0" });
    row("MAIL after a failed AUTH is still refused with 530 5.7.0", submission, afterStartTls(),
        { authPlain("i@example.test", "wrong"), "MAIL FROM:<i@example.test>\r\n" },
        { "535 5.7.8", "530 5.7.0" });
    row("MAIL on submission after AUTH is accepted with 250 2.1.0", submission,
        loggedIn(submission), { "MAIL FROM:<i@example.test>\r\n" }, { "250 2.1.0" });
    row("MAIL on submissions after AUTH is accepted with 250 2.1.0", submissions,
        loggedIn(submissions), { "MAIL FROM:<i@example.test>\r\n" }, { "250 2.1.0" });
}

void TestSmtpServer::rcpt_data()
{
    addConversationColumns();
    const QByteArrayList afterMail = ehlo() << "MAIL FROM:<sender@ext.example>\r\n";
    const QByteArrayList afterUtf8Mail = ehlo() << "MAIL FROM:<sender@ext.example> SMTPUTF8\r\n";
    row("RCPT before MAIL is refused with 503 5.5.1", mx, ehlo(),
        { "RCPT TO:<i@example.test>\r\n" }, { "503 5.5.1" });
    row("RCPT without TO: is refused with 501 5.5.4", mx, afterMail,
        { "RCPT <i@example.test>\r\n" }, { "501 5.5.4" });
    row("RCPT with a malformed address is refused with 501 5.1.3", mx, afterMail,
        { "RCPT TO:<i@>\r\n" }, { "501 5.1.3" });
    row("RCPT with the null path is refused with 501 5.1.3", mx, afterMail, { "RCPT TO:<>\r\n" },
        { "501 5.1.3" });
    row("RCPT to a local user is accepted with 250 2.1.5", mx, afterMail,
        { "RCPT TO:<i@example.test>\r\n" }, { "250 2.1.5" });
    row("RCPT to a local user in capitals is accepted", mx, afterMail,
        { "RCPT TO:<I@EXAMPLE.TEST>\r\n" }, { "250 2.1.5" });
    row("RCPT to a local user with a +suffix is accepted", mx, afterMail,
        { "RCPT TO:<i+news@example.test>\r\n" }, { "250 2.1.5" });
    row("RCPT to an alias is accepted", mx, afterMail, { "RCPT TO:<team@example.test>\r\n" },
        { "250 2.1.5" });
    row("RCPT to postmaster of a local domain is accepted", mx, afterMail,
        { "RCPT TO:<postmaster@example.test>\r\n" }, { "250 2.1.5" });
    // RFC 5321 §4.5.1: "RCPT TO:<Postmaster>" (with no domain) MUST be supported.
    row("RCPT TO:<Postmaster> without a domain is accepted", mx, afterMail,
        { "RCPT TO:<Postmaster>\r\n" }, { "250 2.1.5" });
    row("RCPT to an unknown local user is refused with 550 5.1.1", mx, afterMail,
        { "RCPT TO:<nobody@example.test>\r\n" }, { "550 5.1.1" });
    row("RCPT to an unknown local user is accepted when there is a catch-all", mx.withCatchAll(),
        afterMail, { "RCPT TO:<nobody@example.test>\r\n" }, { "250 2.1.5" });
    row("RCPT to another domain from a stranger is refused with 550 5.7.1 (no open relay)", mx,
        afterMail, { "RCPT TO:<friend@ext.example>\r\n" }, { "550 5.7.1" });
    row("RCPT to an IP address literal from a stranger is refused with 550 5.7.1", mx, afterMail,
        { "RCPT TO:<i@[192.0.2.7]>\r\n" }, { "550 5.7.1" });
    row("RCPT with a parameter is refused with 555 5.5.4", mx, afterMail,
        { "RCPT TO:<i@example.test> NOTIFY=NEVER\r\n" }, { "555 5.5.4" });
    row("RCPT to a UTF-8 address without SMTPUTF8 on MAIL is refused with 553 5.6.7", mx, afterMail,
        { "RCPT TO:<j\xC3\xB6rg@example.test>\r\n" }, { "553 5.6.7" });
    row("RCPT to a UTF-8 address with SMTPUTF8 on MAIL is looked up", mx, afterUtf8Mail,
        { "RCPT TO:<j\xC3\xB6rg@example.test>\r\n" }, { "550 5.1.1" });
    // RFC 5321 §4.5.3.1.10: 452, so the client sends the rest later.
    row("The RCPT after max_recipients is deferred with 452 4.5.3", mx, afterMail,
        { "RCPT TO:<i@example.test>\r\n"
          "RCPT TO:<bob@example.test>\r\n"
          "RCPT TO:<team@example.test>\r\n"
          "RCPT TO:<postmaster@example.test>\r\n" },
        { "250 2.1.5", "250 2.1.5", "250 2.1.5", "452 4.5.3" });
    row("Refused RCPTs do not count towards max_recipients", mx, afterMail,
        { "RCPT TO:<nobody@example.test>\r\n"
          "RCPT TO:<friend@ext.example>\r\n"
          "RCPT TO:<i@example.test>\r\n"
          "RCPT TO:<bob@example.test>\r\n"
          "RCPT TO:<team@example.test>\r\n" },
        { "550 5.1.1", "550 5.7.1", "250 2.1.5", "250 2.1.5", "250 2.1.5" });
    row("RCPT to another domain after AUTH is accepted (a user may relay)", submission,
        loggedIn(submission) << "MAIL FROM:<i@example.test>\r\n",
        { "RCPT TO:<friend@ext.example>\r\n" }, { "250 2.1.5" });
    row("RCPT to another domain after AUTH on submissions is accepted", submissions,
        loggedIn(submissions) << "MAIL FROM:<i@example.test>\r\n",
        { "RCPT TO:<friend@ext.example>\r\n" }, { "250 2.1.5" });
    row("RCPT to an unknown local user after AUTH is refused with 550 5.1.1", submission,
        loggedIn(submission) << "MAIL FROM:<i@example.test>\r\n",
        { "RCPT TO:<nobody@example.test>\r\n" }, { "550 5.1.1" });
}

// Old routing syntaxes in the local part must never turn mail for a local
// domain into mail for another one. Each row also finishes the transaction
// (with bob@example.test as a second recipient) and checks that the queued
// envelope names only local mailboxes.
void TestSmtpServer::relayTricks_data()
{
    QTest::addColumn<bool>("catchAll");
    QTest::addColumn<QByteArray>("recipient");
    QTest::addColumn<QByteArray>("reply");

    const auto both = [](const char *name, const QByteArray &recipient,
                          const QByteArray &withoutCatchAll, const QByteArray &withCatchAll) {
        QTest::newRow(name) << false << recipient << withoutCatchAll;
        QTest::newRow((QByteArray(name) + ", with a catch-all").constData())
            << true << recipient << withCatchAll;
    };
    both("user%ext@local is an unknown local user, not mail for ext",
        "user%ext.example@example.test", "550 5.1.1", "250 2.1.5");
    both("user%ext%local@local is an unknown local user",
        "user%ext.example%example.test@example.test", "550 5.1.1", "250 2.1.5");
    both("a local user's name with %ext is not the user", "i%ext.example@example.test", "550 5.1.1",
        "250 2.1.5");
    both("the source route @local:user@ext is refused as relaying",
        "@example.test:user@ext.example", "550 5.7.1", "550 5.7.1");
    both("a source route of two hops to ext is refused as relaying",
        "@example.test,@relay.example:user@ext.example", "550 5.7.1", "550 5.7.1");
    both("the quoted \"user@ext\"@local is an unknown local user",
        "\"user@ext.example\"@example.test", "550 5.1.1", "250 2.1.5");
    both("the bang path ext!user@local is an unknown local user", "ext.example!user@example.test",
        "550 5.1.1", "250 2.1.5");
    both("user@ext@local is refused as malformed", "user@ext.example@example.test", "501 5.1.3",
        "501 5.1.3");
    both("user+ext@local goes to the local user", "i+ext.example@example.test", "250 2.1.5",
        "250 2.1.5");
    both("user@ext in capitals is refused as relaying", "user@EXT.EXAMPLE", "550 5.7.1",
        "550 5.7.1");
    both("user@local.ext is refused as relaying", "user@example.test.ext.example", "550 5.7.1",
        "550 5.7.1");
    both("the quoted \"user@local\"@ext is refused as relaying", "\"i@example.test\"@ext.example",
        "550 5.7.1", "550 5.7.1");
    both("an address literal is refused as relaying", "user@[192.0.2.7]", "550 5.7.1", "550 5.7.1");
}

void TestSmtpServer::relayTricks()
{
    QFETCH(bool, catchAll);
    QFETCH(QByteArray, recipient);
    QFETCH(QByteArray, reply);

    Client client(catchAll ? mx.withCatchAll() : mx);
    client.step(ehloLine);
    QCOMPARE(summarize(client.step("MAIL FROM:<sender@ext.example>\r\n")),
        QByteArrayList { "250 2.1.0" });
    const QByteArray output = client.step("RCPT TO:<" + recipient + ">\r\n");
    QVERIFY2(
        summarize(output) == QByteArrayList { reply }, ("the server wrote: " + output).constData());
    QCOMPARE(summarize(client.step("RCPT TO:<bob@example.test>\r\nDATA\r\n")),
        (QByteArrayList { "250 2.1.5", "354" }));
    QCOMPARE(summarize(client.step(message)), QByteArrayList { "250 2.0.0" });
    QCOMPARE(client.deliveries().size(), std::size_t { 1 });
    const Envelope &queued = client.deliveries().front().envelope;
    QVERIFY(!queued.recipients.empty());
    for (const std::string &address : queued.recipients) {
        QVERIFY2(address.ends_with("@example.test") && address.find("ext") == std::string::npos,
            ("a recipient that is not a local mailbox: " + describe(queued)).constData());
    }
}

void TestSmtpServer::messages_data()
{
    addConversationColumns();
    const QByteArrayList afterMail = ehlo() << "MAIL FROM:<sender@ext.example>\r\n";
    const QByteArray smuggled
        = "MAIL FROM:<admin@example.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n"
          "From: admin@example.test\r\n\r\nforged\r\n";
    row("DATA before MAIL is refused with 503 5.5.1", mx, ehlo(), { "DATA\r\n" }, { "503 5.5.1" });
    row("DATA without an accepted recipient is refused with 554 5.5.1", mx, afterMail,
        { "RCPT TO:<nobody@example.test>\r\nDATA\r\n" }, { "550 5.1.1", "554 5.5.1" });
    row("DATA with an argument is refused with 501 5.5.4", mx, mxTransaction(), { "DATA now\r\n" },
        { "501 5.5.4" });
    row("DATA after RCPT is answered 354", mx, mxTransaction(), { "DATA\r\n" }, { "354" });
    row("An account may write to the reflector, which has no account", submission, loggedIn(submission),
        { "MAIL FROM:<i@example.test>\r\nRCPT TO:<Postwr-Reflector@example.test>\r\n" }, { "250 2.1.0", "250 2.1.5" });
    row("From the internet the reflector is an unknown address", mx, ehlo(),
        { "MAIL FROM:<sender@ext.example>\r\nRCPT TO:<postwr-reflector@example.test>\r\n" }, { "250 2.1.0", "550 5.1.1" });
    row("A message is queued with 250 2.0.0", mx, mxTransaction(), { "DATA\r\n", message },
        { "354", "250 2.0.0" }, false, 1);
    row("A message arriving in many small reads is queued", mx, mxTransaction(),
        { "DATA\r\n", "From: a@ext.example\r\n", "\r\nbody\r", "\n.", "\r", "\n" },
        { "354", "250 2.0.0" }, false, 1);
    row("An empty message is queued", mx, mxTransaction(), { "DATA\r\n", ".\r\n" },
        { "354", "250 2.0.0" }, false, 1);
    row("A message the queue cannot take is answered 451 4.3.0", mx.queueFailing(), mxTransaction(),
        { "DATA\r\n", message }, { "354", "451 4.3.0" }, false, 1);
    row("A message the disk has no room for is answered 452 4.3.1", mx.queueFailing(ENOSPC), mxTransaction(),
        { "DATA\r\n", message }, { "354", "452 4.3.1" }, false, 1);
    row("A message over the disk quota is answered 452 4.3.1", mx.queueFailing(EDQUOT), mxTransaction(),
        { "DATA\r\n", message }, { "354", "452 4.3.1" }, false, 1);
    row("After a queue failure the transaction is over", mx.queueFailing(), mxTransaction(),
        { "DATA\r\n", message, "RCPT TO:<i@example.test>\r\n" },
        { "354", "451 4.3.0", "503 5.5.1" }, false, 1);
    row("A message the checks refuse is answered 550 5.7.1", mx.refusing(), mxTransaction(),
        { "DATA\r\n", message }, { "354", "550 5.7.1" }, false, 1);
    row("After a refusal the transaction is over and the next one works", mx.refusing(), mxTransaction(),
        { "DATA\r\n", message, "RCPT TO:<i@example.test>\r\n",
            "MAIL FROM:<sender@ext.example>\r\nRCPT TO:<bob@example.test>\r\n" },
        { "354", "550 5.7.1", "503 5.5.1", "250 2.1.0", "250 2.1.5" }, false, 1);
    row("After a queued message the transaction is over", mx, mxTransaction(),
        { "DATA\r\n", message, "RCPT TO:<i@example.test>\r\n" },
        { "354", "250 2.0.0", "503 5.5.1" }, false, 1);
    row("A second transaction in the same session is queued too", mx, mxTransaction(),
        { "DATA\r\n", message,
            "MAIL FROM:<sender@ext.example>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n", message },
        { "354", "250 2.0.0", "250 2.1.0", "250 2.1.5", "354", "250 2.0.0" }, false, 2);
    row("A message of exactly max_message_size is queued", mx, mxTransaction(),
        { "DATA\r\n", messageOfSize(static_cast<qsizetype>(maxMessageSize)) },
        { "354", "250 2.0.0" }, false, 1);
    row("A message one byte over max_message_size is refused with 552 5.3.4 and not queued", mx,
        mxTransaction(), { "DATA\r\n", messageOfSize(static_cast<qsizetype>(maxMessageSize) + 1) },
        { "354", "552 5.3.4" });
    row("A message with a bare LF is refused with 554 5.6.0 and not queued", mx, mxTransaction(),
        { "DATA\r\n", "Subject: x\r\n\r\nline one\nline two\r\n.\r\n" }, { "354", "554 5.6.0" });
    row("A message with a bare CR is refused with 554 5.6.0 and not queued", mx, mxTransaction(),
        { "DATA\r\n", "Subject: x\r\n\r\nline one\rline two\r\n.\r\n" }, { "354", "554 5.6.0" });
    // SMTP smuggling: what follows LF . CRLF is data of the refused message,
    // never a second transaction.
    row("A transaction smuggled after LF.CRLF is part of the refused message", mx, mxTransaction(),
        { "DATA\r\n", "Subject: x\r\n\r\nbody\n.\r\n" + smuggled + ".\r\nNOOP\r\n" },
        { "354", "554 5.6.0", "250 2.0.0" });
    row("A transaction smuggled after CR.CR is part of the refused message", mx, mxTransaction(),
        { "DATA\r\n", "Subject: x\r\n\r\nbody\r.\r" + smuggled + ".\r\nNOOP\r\n" },
        { "354", "554 5.6.0", "250 2.0.0" });
    row("A transaction smuggled after LF.LF is part of the refused message", mx, mxTransaction(),
        { "DATA\r\n", "Subject: x\r\n\r\nbody\n.\n" + smuggled + ".\r\nNOOP\r\n" },
        { "354", "554 5.6.0", "250 2.0.0" });
    row("A message with a line of 999 octets is refused with 554 5.6.0", mx, mxTransaction(),
        { "DATA\r\n", "Subject: x\r\n\r\n" + QByteArray(999, 'a') + "\r\n.\r\n" },
        { "354", "554 5.6.0" });
    row("A message with a line of 998 octets is queued", mx, mxTransaction(),
        { "DATA\r\n", "Subject: x\r\n\r\n" + QByteArray(998, 'a') + "\r\n.\r\n" },
        { "354", "250 2.0.0" }, false, 1);
    row("After a refused message the session goes on and the transaction is over", mx,
        mxTransaction(),
        { "DATA\r\n", "bad\nmessage\r\n.\r\n", "MAIL FROM:<sender@ext.example>\r\n" },
        { "354", "554 5.6.0", "250 2.1.0" });
    row("Commands pipelined after the end of a message are answered after it", mx, mxTransaction(),
        { "DATA\r\n", message + "QUIT\r\n" }, { "354", "250 2.0.0", "221 2.0.0" }, true, 1);
}

// An authenticated user sends only as its own domain (or address, or
// anyone, per the domain's `senders`), in MAIL FROM and in From:.
void TestSmtpServer::senderPolicy_data()
{
    addConversationColumns();
    const QByteArrayList annLoggedIn = loggedIn(submission, "ann@strict.test");
    row("MAIL after AUTH from another address of the user's domain is accepted", submission,
        loggedIn(submission), { "MAIL FROM:<sales@example.test>\r\n" }, { "250 2.1.0" });
    row("MAIL after AUTH from another domain is refused with 550 5.7.1", submission,
        loggedIn(submission), { "MAIL FROM:<boss@ext.example>\r\n" }, { "550 5.7.1" });
    row("MAIL after AUTH from a subdomain of the user's domain is refused with 550 5.7.1",
        submission, loggedIn(submission), { "MAIL FROM:<i@sub.example.test>\r\n" },
        { "550 5.7.1" });
    row("MAIL after AUTH from a domain that merely ends like the user's is refused with 550 5.7.1",
        submission, loggedIn(submission), { "MAIL FROM:<i@notexample.test>\r\n" }, { "550 5.7.1" });
    row("MAIL after AUTH on submissions from another domain is refused with 550 5.7.1", submissions,
        loggedIn(submissions), { "MAIL FROM:<boss@ext.example>\r\n" }, { "550 5.7.1" });
    row("With senders=account, MAIL from the user's own address is accepted", submission,
        annLoggedIn, { "MAIL FROM:<Ann@strict.test>\r\n" }, { "250 2.1.0" });
    row("With senders=account, MAIL from a colleague's address is refused with 550 5.7.1",
        submission, annLoggedIn, { "MAIL FROM:<bea@strict.test>\r\n" }, { "550 5.7.1" });
    row("With senders=any, MAIL from any address is accepted", submission,
        loggedIn(submission, "max@any.test"), { "MAIL FROM:<boss@ext.example>\r\n" },
        { "250 2.1.0" });

    row("A submitted message with the user's From: is queued", submission, submissionTransaction(),
        { "DATA\r\n", message }, { "354", "250 2.0.0" }, false, 1);
    row("A submitted message with a From: of another domain is refused with 550 5.7.1", submission,
        submissionTransaction(), { "DATA\r\n", messageFrom("From: Boss <boss@ext.example>\r\n") },
        { "354", "550 5.7.1" });
    row("A submitted message without From: is refused with 550 5.6.0", submission,
        submissionTransaction(), { "DATA\r\n", messageFrom("") }, { "354", "550 5.6.0" });
    row("A submitted message with two From: headers is refused with 550 5.6.0", submission,
        submissionTransaction(),
        { "DATA\r\n", messageFrom("From: i@example.test\r\nFrom: boss@ext.example\r\n") },
        { "354", "550 5.6.0" });
    row("A submitted message whose From: also lists another domain is refused with 550 5.7.1",
        submission, submissionTransaction(),
        { "DATA\r\n", messageFrom("From: i@example.test, boss@ext.example\r\n") },
        { "354", "550 5.7.1" });
    row("A From: display name that looks like an address does not count", submission,
        submissionTransaction(),
        { "DATA\r\n", messageFrom("From: \"boss@ext.example\" <i@example.test>\r\n") },
        { "354", "250 2.0.0" }, false, 1);
    row("A submitted message on submissions with a foreign From: is refused with 550 5.7.1",
        submissions, submissionTransaction(submissions),
        { "DATA\r\n", messageFrom("From: boss@ext.example\r\n") }, { "354", "550 5.7.1" });
    row("With senders=account, a From: of a colleague is refused with 550 5.7.1", submission,
        QByteArrayList(annLoggedIn) << "MAIL FROM:<ann@strict.test>\r\n"
                                    << "RCPT TO:<friend@ext.example>\r\n",
        { "DATA\r\n", messageFrom("From: bea@strict.test\r\n") }, { "354", "550 5.7.1" });
    row("After a refused From: the transaction is over", submission, submissionTransaction(),
        { "DATA\r\n", messageFrom("From: boss@ext.example\r\n"), "DATA\r\n" },
        { "354", "550 5.7.1", "503 5.5.1" });
    row("On MX a message without From: is queued", mx, mxTransaction(),
        { "DATA\r\n", messageFrom("") }, { "354", "250 2.0.0" }, false, 1);
    row("On MX a message with a From: of any domain is queued", mx, mxTransaction(),
        { "DATA\r\n", messageFrom("From: boss@ext.example\r\n") }, { "354", "250 2.0.0" }, false,
        1);
}

void TestSmtpServer::otherCommands_data()
{
    addConversationColumns();
    row("RSET is answered 250 2.0.0", mx, ehlo(), { "RSET\r\n" }, { "250 2.0.0" });
    row("RSET ends the transaction", mx, mxTransaction(), { "RSET\r\nDATA\r\n" },
        { "250 2.0.0", "503 5.5.1" });
    row("RSET keeps the EHLO", mx, ehlo(), { "RSET\r\nMAIL FROM:<sender@ext.example>\r\n" },
        { "250 2.0.0", "250 2.1.0" });
    row("NOOP is answered 250 2.0.0", mx, ehlo(), { "NOOP\r\n" }, { "250 2.0.0" });
    row("NOOP before EHLO is answered 250 2.0.0", mx, {}, { "NOOP\r\n" }, { "250 2.0.0" });
    row("NOOP keeps the transaction", mx, mxTransaction(), { "NOOP\r\nDATA\r\n" },
        { "250 2.0.0", "354" });
    row("QUIT is answered 221 2.0.0 and closes", mx, ehlo(), { "QUIT\r\n" }, { "221 2.0.0" }, true);
    row("QUIT during a transaction closes without queueing", mx, mxTransaction(), { "QUIT\r\n" },
        { "221 2.0.0" }, true);
    row("Nothing after QUIT is answered", mx, ehlo(), { "QUIT\r\nNOOP\r\n", "NOOP\r\n" },
        { "221 2.0.0" }, true);
    row("VRFY is answered 252 2.5.2 whether or not the user exists", mx, ehlo(),
        { "VRFY i@example.test\r\nVRFY nobody@example.test\r\n" }, { "252 2.5.2", "252 2.5.2" });
    row("EXPN is refused with 502 5.5.1", mx, ehlo(), { "EXPN team@example.test\r\n" },
        { "502 5.5.1" });
    row("HELP is answered 214 2.0.0", mx, ehlo(), { "HELP\r\n" }, { "214 2.0.0" });
    row("An unknown command is refused with 500 5.5.1", mx, ehlo(), { "XYZZY\r\n" },
        { "500 5.5.1" });
    row("An empty line is refused with 500 5.5.1", mx, ehlo(), { "\r\n" }, { "500 5.5.1" });
    row("Commands are case-insensitive", mx, {},
        { "ehlo client.example\r\nnoop\r\nrset\r\nquit\r\n" },
        { "250", "250 2.0.0", "250 2.0.0", "221 2.0.0" }, true);
    row("A command ended by a bare LF is accepted", mx, ehlo(), { "NOOP\n" }, { "250 2.0.0" });
    row("A command arriving in pieces is answered once it is complete", mx, ehlo(),
        { "NO", "OP\r", "\n" }, { "250 2.0.0" });
}

void TestSmtpServer::inputLimits_data()
{
    addConversationColumns();
    // RFC 5321 §4.5.3.1.6: 1000 octets with CRLF is the line limit we enforce.
    row("A command line of 1000 octets with CRLF is accepted", mx, ehlo(),
        { "NOOP " + QByteArray(993, 'x') + "\r\n" }, { "250 2.0.0" });
    row("A command line of 1001 octets is refused with 500 5.5.2", mx, ehlo(),
        { "NOOP " + QByteArray(994, 'x') + "\r\n" }, { "500 5.5.2" });
    row("A very long command line is refused with 500 5.5.2 and the session goes on", mx, ehlo(),
        { "NOOP " + QByteArray(3000, 'x') + "\r\nNOOP\r\n" }, { "500 5.5.2", "250 2.0.0" });
    row("A very long command line over several reads is refused once", mx, ehlo(),
        { "NOOP " + QByteArray(1500, 'x'), QByteArray(1500, 'x'), "\r\nNOOP\r\n" },
        { "500 5.5.2", "250 2.0.0" });
    row("The tail of a refused long line is not read as a command", mx, ehlo(),
        { QByteArray(1500, 'x'), "QUIT\r\nNOOP\r\n" }, { "500 5.5.2", "250 2.0.0" });
    row("A command with a bare CR is refused with 500 5.5.2", mx, ehlo(), { "NO\rOP\r\n" },
        { "500 5.5.2" });
    row("A command with a NUL is refused with 500 5.5.2", mx, ehlo(),
        { QByteArray("NOOP\0\r\n", 7) }, { "500 5.5.2" });

    // Cross-protocol attacks: a browser made to post to port 25.
    row("An HTTP GET request is answered 554 5.7.0 and closed", mx, {},
        { "GET / HTTP/1.1\r\nHost: mx.example.test\r\n\r\n" }, { "554 5.7.0" }, true);
    row("An HTTP POST request after EHLO is answered 554 5.7.0 and closed", mx, ehlo(),
        { "POST /form HTTP/1.1\r\nHost: mx.example.test\r\n\r\n" }, { "554 5.7.0" }, true);
    row("An HTTP header line is answered 554 5.7.0 and closed", mx, ehlo(),
        { "Host: mx.example.test\r\n" }, { "554 5.7.0" }, true);

    row("The max_errors-th error is followed by 421 4.7.0 and the close", mx, ehlo(),
        { repeated("EXPN x\r\n", maxErrors) + "NOOP\r\n" },
        { "502 5.5.1", "502 5.5.1", "502 5.5.1", "502 5.5.1", "502 5.5.1", "421 4.7.0" }, true);
    row("One error fewer than max_errors keeps the session open", mx, ehlo(),
        { repeated("EXPN x\r\n", maxErrors - 1) + "NOOP\r\n" },
        { "502 5.5.1", "502 5.5.1", "502 5.5.1", "502 5.5.1", "250 2.0.0" });
    row("Refused recipients count towards max_errors", mx, mxTransaction(),
        { repeated("RCPT TO:<friend@ext.example>\r\n", maxErrors) },
        { "550 5.7.1", "550 5.7.1", "550 5.7.1", "550 5.7.1", "550 5.7.1", "421 4.7.0" }, true);
    row("Failed AUTH attempts count towards max_errors", submission, afterStartTls(),
        { repeated(authPlain("i@example.test", "guess"), maxErrors) },
        { "535 5.7.8", "535 5.7.8", "535 5.7.8", "535 5.7.8", "535 5.7.8", "421 4.7.0" }, true);
}

void TestSmtpServer::pipelining_data()
{
    addConversationColumns();
    // RFC 2920: replies come in the order of the commands.
    row("Pipelined commands are answered in order", mx, ehlo(),
        { "MAIL FROM:<sender@ext.example>\r\n"
          "RCPT TO:<i@example.test>\r\n"
          "RCPT TO:<nobody@example.test>\r\n"
          "RCPT TO:<friend@ext.example>\r\n"
          "RCPT TO:<bob@example.test>\r\n"
          "DATA\r\n" },
        { "250 2.1.0", "250 2.1.5", "550 5.1.1", "550 5.7.1", "250 2.1.5", "354" });
    row("A pipelined transaction and QUIT after the message are all answered", mx, {},
        { ehloLine + "MAIL FROM:<sender@ext.example>\r\nRCPT TO:<i@example.test>\r\nDATA\r\n",
            message + "QUIT\r\n" },
        { "250", "250 2.1.0", "250 2.1.5", "354", "250 2.0.0", "221 2.0.0" }, true, 1);
    row("Commands pipelined after AUTH are answered after the password check", submission,
        afterStartTls(),
        { authPlain() + "MAIL FROM:<i@example.test>\r\nRCPT TO:<friend@ext.example>\r\n" },
        { "235 2.7.0", "250 2.1.0", "250 2.1.5" });
    row("Commands pipelined after a failed AUTH are answered as unauthenticated", submission,
        afterStartTls(),
        { authPlain("i@example.test", "wrong") + "MAIL FROM:<i@example.test>\r\n" },
        { "535 5.7.8", "530 5.7.0" });
}

void TestSmtpServer::pipelinedRepliesComeInOneOutput()
{
    Client client(mx);
    client.step(ehloLine);
    SmtpServer &server = client.server();
    server.receive("MAIL FROM:<sender@ext.example>\r\n"
                   "RCPT TO:<i@example.test>\r\n"
                   "RCPT TO:<nobody@example.test>\r\n"
                   "NOOP\r\n"
                   "DATA\r\n");
    QCOMPARE(server.next(), SmtpServer::Event::NeedInput);
    QCOMPARE(summarize(bytes(server.takeOutput())),
        (QByteArrayList { "250 2.1.0", "250 2.1.5", "550 5.1.1", "250 2.0.0", "354" }));
    QCOMPARE(server.next(), SmtpServer::Event::NeedInput);
    QCOMPARE(server.takeOutput(), std::string());
}

void TestSmtpServer::startTls_data()
{
    addConversationColumns();
    row("STARTTLS is answered 220 2.0.0", mx, ehlo(), { "STARTTLS\r\n" }, { "220 2.0.0" });
    row("STARTTLS on submission is answered 220 2.0.0", submission, ehlo(), { "STARTTLS\r\n" },
        { "220 2.0.0" });
    // RFC 3207 §4.2, CVE-2011-0411: plaintext sent after STARTTLS could be a
    // man in the middle's; it must never be run inside the TLS session.
    row("STARTTLS discards a pipelined RSET after it (CVE-2011-0411)", mx, ehlo(),
        { "STARTTLS\r\nRSET\r\n" }, { "220 2.0.0" });
    row("STARTTLS discards pipelined commands for good", mx, ehlo(),
        { "STARTTLS\r\nRSET\r\n", "NOOP\r\n" }, { "220 2.0.0", "250 2.0.0" });
    row("STARTTLS discards a pipelined MAIL after it", mx, ehlo(),
        { "STARTTLS\r\nMAIL FROM:<sender@ext.example>\r\n", ehloLine,
            "RCPT TO:<i@example.test>\r\n" },
        { "220 2.0.0", "250", "503 5.5.1" });
    row("Plaintext that arrives during the TLS handshake is discarded", mx, ehlo(),
        { "!hold", "STARTTLS\r\n", "RSET\r\n", "!answer", "NOOP\r\n" },
        { "220 2.0.0", "250 2.0.0" });
    row("STARTTLS with an argument is refused with 501 5.5.4", mx, ehlo(), { "STARTTLS now\r\n" },
        { "501 5.5.4" });
    row("STARTTLS when TLS is active is refused with 503 5.5.1", mx, afterStartTls(),
        { "STARTTLS\r\n" }, { "503 5.5.1" });
    row("STARTTLS on submissions is refused with 503 5.5.1", submissions, ehlo(),
        { "STARTTLS\r\n" }, { "503 5.5.1" });
    row("STARTTLS without a certificate is refused with 454 4.7.0", mx.noCertificate(), ehlo(),
        { "STARTTLS\r\n" }, { "454 4.7.0" });
    // RFC 3207 §4.2: the client must EHLO again after the handshake.
    row("After STARTTLS, MAIL before a new EHLO is refused with 503 5.5.1", mx,
        QByteArrayList { ehloLine, "STARTTLS\r\n" }, { "MAIL FROM:<sender@ext.example>\r\n" },
        { "503 5.5.1" });
    row("After STARTTLS, AUTH before a new EHLO is refused with 503 5.5.1", submission,
        QByteArrayList { ehloLine, "STARTTLS\r\n" }, { authPlain() }, { "503 5.5.1" });
    row("After STARTTLS and a new EHLO, MAIL is accepted", mx, afterStartTls(),
        { "MAIL FROM:<sender@ext.example>\r\n" }, { "250 2.1.0" });
    row("STARTTLS ends the transaction", mx,
        mxTransaction() << "STARTTLS\r\n"
                        << ehloLine,
        { "DATA\r\n" }, { "503 5.5.1" });
}

void TestSmtpServer::auth_data()
{
    addConversationColumns();
    const QByteArray user = "i@example.test";
    const QByteArray longUser = QByteArray(290, 'a') + "@example.test";
    row("AUTH on MX is refused with 502 5.5.1", mx, afterStartTls(), { authPlain() },
        { "502 5.5.1" });
    row("AUTH before STARTTLS on submission is refused with 530 5.7.0", submission, ehlo(),
        { authPlain() }, { "530 5.7.0" });
    row("AUTH before EHLO on submissions is refused with 503 5.5.1", submissions, {},
        { authPlain() }, { "503 5.5.1" });
    row("AUTH after HELO is refused with 503 5.5.1", submissions, heloStep(), { authPlain() },
        { "503 5.5.1" });
    row("AUTH PLAIN with an initial response is accepted with 235 2.7.0", submission,
        afterStartTls(), { authPlain() }, { "235 2.7.0" });
    row("AUTH PLAIN on submissions is accepted with 235 2.7.0", submissions, ehlo(),
        { authPlain() }, { "235 2.7.0" });
    row("AUTH PLAIN without an initial response is answered 334, then 235 2.7.0", submission,
        afterStartTls(), { "AUTH PLAIN\r\n", plain(user, password) + "\r\n" },
        { "334 ", "235 2.7.0" });
    row("AUTH PLAIN with a wrong password is refused with 535 5.7.8", submission, afterStartTls(),
        { authPlain(user, "wrong") }, { "535 5.7.8" });
    row("AUTH PLAIN for an unknown user is refused with 535 5.7.8", submission, afterStartTls(),
        { authPlain("nobody@example.test") }, { "535 5.7.8" });
    row("AUTH PLAIN cancelled with * is answered 501 5.0.0", submission, afterStartTls(),
        { "AUTH PLAIN\r\n", "*\r\n" }, { "334 ", "501 5.0.0" });
    row("AUTH PLAIN with invalid base64 is refused with 501 5.5.2", submission, afterStartTls(),
        { "AUTH PLAIN !!!!\r\n" }, { "501 5.5.2" });
    row("AUTH PLAIN with = (an empty response) is refused with 501 5.5.2", submission,
        afterStartTls(), { "AUTH PLAIN =\r\n" }, { "501 5.5.2" });
    row("AUTH PLAIN acting as another identity is refused with 535 5.7.8", submission,
        afterStartTls(), { "AUTH PLAIN " + plain(user, password, "bob@example.test") + "\r\n" },
        { "535 5.7.8" });
    row("AUTH PLAIN with an authorization identity equal to the user is accepted", submission,
        afterStartTls(), { "AUTH PLAIN " + plain(user, password, user) + "\r\n" }, { "235 2.7.0" });
    row("AUTH PLAIN with a user name over 255 octets is refused with 501 5.5.2", submission,
        afterStartTls(), { authPlain(longUser) }, { "501 5.5.2" });
    row("AUTH LOGIN asks for the user name and the password, then 235 2.7.0", submission,
        afterStartTls(), { "AUTH LOGIN\r\n", base64(user) + "\r\n", base64(password) + "\r\n" },
        { "334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6", "235 2.7.0" });
    row("AUTH LOGIN with the user name as initial response asks for the password", submission,
        afterStartTls(), { "AUTH LOGIN " + base64(user) + "\r\n", base64(password) + "\r\n" },
        { "334 UGFzc3dvcmQ6", "235 2.7.0" });
    row("AUTH LOGIN on submissions is accepted with 235 2.7.0", submissions, ehlo(),
        { "AUTH LOGIN\r\n", base64(user) + "\r\n", base64(password) + "\r\n" },
        { "334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6", "235 2.7.0" });
    row("AUTH LOGIN cancelled at the user name prompt is answered 501 5.0.0", submission,
        afterStartTls(), { "AUTH LOGIN\r\n", "*\r\n" }, { "334 VXNlcm5hbWU6", "501 5.0.0" });
    row("AUTH LOGIN cancelled at the password prompt is answered 501 5.0.0", submission,
        afterStartTls(), { "AUTH LOGIN\r\n", base64(user) + "\r\n", "*\r\n" },
        { "334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6", "501 5.0.0" });
    row("AUTH LOGIN with a wrong password is refused with 535 5.7.8", submission, afterStartTls(),
        { "AUTH LOGIN\r\n", base64(user) + "\r\n", base64("wrong") + "\r\n" },
        { "334 VXNlcm5hbWU6", "334 UGFzc3dvcmQ6", "535 5.7.8" });
    row("AUTH LOGIN with invalid base64 is refused with 501 5.5.2", submission, afterStartTls(),
        { "AUTH LOGIN\r\n", "!!!!\r\n" }, { "334 VXNlcm5hbWU6", "501 5.5.2" });
    row("AUTH LOGIN with an empty user name is refused with 501 5.5.2", submission, afterStartTls(),
        { "AUTH LOGIN =\r\n" }, { "501 5.5.2" });
    // sasl.h's decodeLoginField applies PLAIN's field rules to LOGIN.
    row("AUTH LOGIN with a user name over 255 octets is refused with 501 5.5.2, as PLAIN is",
        submission, afterStartTls(), { "AUTH LOGIN " + base64(longUser) + "\r\n" },
        { "501 5.5.2" });
    row("AUTH with an unknown mechanism is refused with 504 5.5.4", submission, afterStartTls(),
        { "AUTH CRAM-MD5\r\n" }, { "504 5.5.4" });
    row("AUTH a second time is refused with 503 5.5.1", submission, loggedIn(submission),
        { authPlain() }, { "503 5.5.1" });
    row("AUTH is case-insensitive", submission, afterStartTls(),
        { "auth plain " + plain(user, password) + "\r\n" }, { "235 2.7.0" });
    row("After a cancelled AUTH the session goes on", submission, afterStartTls(),
        { "AUTH LOGIN\r\n", "*\r\n", authPlain() },
        { "334 VXNlcm5hbWU6", "501 5.0.0", "235 2.7.0" });
}

void TestSmtpServer::shutdownAndTimeout_data()
{
    addConversationColumns();
    const QByteArrayList inData = mxTransaction() << "DATA\r\n";
    row("shutdown() when idle is answered 421 4.3.2 and closes", mx, ehlo(), { "!shutdown" },
        { "421 4.3.2" }, true);
    row("shutdown() before EHLO is answered 421 4.3.2 and closes", mx, {}, { "!shutdown" },
        { "421 4.3.2" }, true);
    row("shutdown() during a transaction lets it go on", mx, mxTransaction(),
        { "!shutdown", "RCPT TO:<bob@example.test>\r\n" }, { "250 2.1.5" });
    row("shutdown() during a transaction lets the message be queued, then 421 4.3.2", mx,
        mxTransaction(), { "!shutdown", "DATA\r\n", message }, { "354", "250 2.0.0", "421 4.3.2" },
        true, 1);
    row("shutdown() during DATA lets the message be queued, then 421 4.3.2", mx, inData,
        { "!shutdown", message }, { "250 2.0.0", "421 4.3.2" }, true, 1);
    row("shutdown() while the message is queued answers 250 2.0.0, then 421 4.3.2", mx, inData,
        { "!hold", message, "!shutdown", "!answer" }, { "250 2.0.0", "421 4.3.2" }, true, 1);
    row("shutdown() runs no command pipelined after the last message", mx, mxTransaction(),
        { "!shutdown", "DATA\r\n", message + "MAIL FROM:<sender@ext.example>\r\n" },
        { "354", "250 2.0.0", "421 4.3.2" }, true, 1);
    // The transaction ends with RSET or a refused message just as with a
    // queued one: the session should close then, not wait for the client.
    row("shutdown() during a transaction ended by RSET answers 250 2.0.0, then 421 4.3.2", mx,
        mxTransaction(), { "!shutdown", "RSET\r\n" }, { "250 2.0.0", "421 4.3.2" }, true);
    row("shutdown() during a transaction whose message is refused answers 554, then 421 4.3.2", mx,
        mxTransaction(), { "!shutdown", "DATA\r\n", "bad\nmessage\r\n.\r\n" },
        { "354", "554 5.6.0", "421 4.3.2" }, true);
    // Not in a transaction, so "close now" (smtp_server.h), even mid-AUTH.
    row("shutdown() while AUTH LOGIN waits for the user name is answered 421 4.3.2 and closes",
        submission, afterStartTls(), { "AUTH LOGIN\r\n", "!shutdown" },
        { "334 VXNlcm5hbWU6", "421 4.3.2" }, true);

    row("timedOut() is answered 421 4.4.2 and closes", mx, ehlo(), { "!timeout" }, { "421 4.4.2" },
        true);
    Options limited = mx;
    limited.maxCommandsPerMinute = 3;
    row("Sending mail is not counted against the limit of commands per minute", limited, {},
        { "EHLO client.example\r\n", "MAIL FROM:<a@ext.example>\r\n", "RCPT TO:<bob@example.test>\r\n",
          "RSET\r\n", "MAIL FROM:<a@ext.example>\r\n", "RCPT TO:<bob@example.test>\r\n", "RSET\r\n",
          "NOOP\r\n" },
        { "250", "250 2.1.0", "250 2.1.5", "250 2.0.0", "250 2.1.0", "250 2.1.5", "250 2.0.0", "250 2.0.0" });
    row("limitReached() is answered 421 4.7.0 and closes", mx, ehlo(), { "!limit", "NOOP\r\n" },
        { "421 4.7.0" }, true);
    row("limitReached() during DATA closes and queues nothing", mx, inData,
        { "Subject: half\r\n", "!limit", ".\r\n" }, { "421 4.7.0" }, true);
    row("An AUTH refused unchecked is answered 454 4.7.0, and the session goes on", submission, afterStartTls(),
        { "!hold", authPlain(), "!refuse", "NOOP\r\n" }, { "454 4.7.0", "250 2.0.0" });
    row("Commands over the limit per minute are answered 421 4.7.0 and close", limited, {},
        { "NOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\nNOOP\r\n" }, { "250 2.0.0", "250 2.0.0", "250 2.0.0", "421 4.7.0" },
        true);
    row("Nothing is read after timedOut()", mx, ehlo(), { "!timeout", "NOOP\r\n" }, { "421 4.4.2" },
        true);
    row("timedOut() during DATA closes and queues nothing", mx, inData,
        { "Subject: half\r\n", "!timeout", ".\r\n" }, { "421 4.4.2" }, true);
    // Slow work (scrypt, fsync, a handshake) can outlast the deadline; its
    // answer must not reopen a session that said 421.
    row("A password check answered after timedOut() does not reopen the session", submission,
        afterStartTls(), { "!hold", authPlain(), "!timeout", "!answer", "NOOP\r\n" },
        { "421 4.4.2" }, true);
    row("A queueing answered after timedOut() does not reopen the session", mx, inData,
        { "!hold", message, "!timeout", "!answer", "NOOP\r\n" }, { "421 4.4.2" }, true, 1);
    row("A TLS handshake finished after timedOut() does not reopen the session", mx, ehlo(),
        { "!hold", "STARTTLS\r\n", "!timeout", "!answer", ehloLine }, { "220 2.0.0", "421 4.4.2" },
        true);
}

void TestSmtpServer::receivedHeader_data()
{
    QTest::addColumn<Options>("options");
    QTest::addColumn<QByteArrayList>("prelude");
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArrayList>("recipients");
    // The "with" clause (RFC 3848) and what follows it on that line.
    QTest::addColumn<QByteArray>("with");
    // The one recipient named in "for", or empty for none.
    QTest::addColumn<QByteArray>("forRecipient");

    const QByteArrayList justI { "i@example.test" };
    QTest::newRow("An inbound message in plain text is received with ESMTP for its one recipient")
        << mx << ehlo() << QByteArray("sender@ext.example") << justI << QByteArray("ESMTP")
        << QByteArray("i@example.test");
    QTest::newRow("An inbound message after HELO is received with SMTP")
        << mx << heloStep() << QByteArray("sender@ext.example") << justI << QByteArray("SMTP")
        << QByteArray("i@example.test");
    QTest::newRow(
        "An inbound message after STARTTLS is received with ESMTPS and the TLS description")
        << mx << afterStartTls() << QByteArray("sender@ext.example") << justI
        << QByteArray("ESMTPS (TLS1.3 test)") << QByteArray("i@example.test");
    QTest::newRow("A message submitted after STARTTLS and AUTH is received with ESMTPSA")
        << submission << loggedIn(submission) << QByteArray("i@example.test")
        << QByteArrayList { "friend@ext.example" } << QByteArray("ESMTPSA (TLS1.3 test)")
        << QByteArray("friend@ext.example");
    QTest::newRow("A message submitted on port 465 is received with ESMTPSA")
        << submissions << loggedIn(submissions) << QByteArray("i@example.test")
        << QByteArrayList { "friend@ext.example" } << QByteArray("ESMTPSA")
        << QByteArray("friend@ext.example");
    QTest::newRow("A message for two recipients names neither")
        << mx << ehlo() << QByteArray("sender@ext.example")
        << QByteArrayList { "i@example.test", "bob@example.test" } << QByteArray("ESMTP")
        << QByteArray();
    QTest::newRow("A message for an alias of two users names neither")
        << mx << ehlo() << QByteArray("sender@ext.example")
        << QByteArrayList { "team@example.test" } << QByteArray("ESMTP") << QByteArray();
    QTest::newRow("A message for the same user given twice does not name it")
        << mx << ehlo() << QByteArray("sender@ext.example")
        << QByteArrayList { "i@example.test", "I@example.test" } << QByteArray("ESMTP")
        << QByteArray();
}

void TestSmtpServer::receivedHeader()
{
    QFETCH(Options, options);
    QFETCH(QByteArrayList, prelude);
    QFETCH(QByteArray, from);
    QFETCH(QByteArrayList, recipients);
    QFETCH(QByteArray, with);
    QFETCH(QByteArray, forRecipient);

    Client client(options);
    for (const QByteArray &step : prelude)
        client.step(step);
    QCOMPARE(
        summarize(client.step("MAIL FROM:<" + from + ">\r\n")), QByteArrayList { "250 2.1.0" });
    for (const QByteArray &recipient : recipients)
        QCOMPARE(summarize(client.step("RCPT TO:<" + recipient + ">\r\n")),
            QByteArrayList { "250 2.1.5" });
    QCOMPARE(summarize(client.step("DATA\r\n")), QByteArrayList { "354" });
    QCOMPARE(summarize(client.step(message)), QByteArrayList { "250 2.0.0" });
    QCOMPARE(client.deliveries().size(), std::size_t { 1 });

    // RFC 5321 §4.4, with folding; the message follows unchanged.
    QByteArray expected = "Received: from client.example ([192.0.2.1])\r\n"
                          "\tby mx.example.test (postwrd) with "
        + with + "\r\n\tid Q1";
    if (!forRecipient.isEmpty())
        expected += "\r\n\tfor <" + forRecipient + ">";
    expected += "; " + testDate + "\r\n";
    // Submitted mail gets the Date: and Message-ID: it lacked (before DKIM
    // signing); mail from other servers is left as it came.
    if (with.startsWith("ESMTPSA"))
        expected += "Date: " + testDate + "\r\nMessage-ID: <Q1@example.test>\r\n";
    expected += message.chopped(3); // without the end marker
    QCOMPARE(bytes(client.deliveries().front().message), expected);
}

// RFC 5322 §2.1.1: a line of a message is at most 998 octets. The Received
// header we add must not break that for a client with a long EHLO name
// (refusing the name, which RFC 5321 §4.5.3.1.2 caps at 255 octets, is fine too).
// Found by fuzzing (tests/fuzz/regressions/fuzz_smtp_server): the 550 for a
// bad From: quotes the address, which may hold any octet but CR and LF.
void TestSmtpServer::replyQuotingTheClientHasNoControlOctets()
{
    Client client(submission);
    for (const QByteArray &step : submissionTransaction())
        client.step(step);
    client.step("DATA\r\n");
    const QByteArray from = "From: i@exa" + QByteArray("\0\x1f\x7f", 3) + QByteArray(900, 'm') + "ple.test\r\n";
    const QByteArray output = client.step(messageFrom(from));
    QCOMPARE(summarize(output), QByteArrayList { "550 5.6.0" });
    QVERIFY2(output.endsWith("\r\n") && output.indexOf("\r\n") == output.size() - 2, output.constData());
    QVERIFY2(output.size() <= 512, QByteArray::number(output.size()).constData());
    for (const char c : output.chopped(2))
        QVERIFY2(static_cast<unsigned char>(c) >= 0x20 && c != 0x7f, output.toPercentEncoding().constData());
}

// A read full of pipelined commands (up to 64 KiB in postwrd, any size
// here) once cost time quadratic in its size: each line was erased from the
// front of the buffer. 2 MiB of NOOPs now take milliseconds; quadratically
// it took many seconds.
void TestSmtpServer::pipelinedCommandsCostLinearTime()
{
    Client client(mx);
    QByteArray noops;
    while (noops.size() < (2 << 20))
        noops += "NOOP\r\n";
    QElapsedTimer timer;
    timer.start();
    const QByteArray output = client.step(noops);
    QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()).constData());
    QCOMPARE(output.count("250 2.0.0"), noops.count("NOOP"));
}

void TestSmtpServer::longEhloNameKeepsReceivedLinesShort()
{
    Client client(mx);
    const QByteArrayList ehloReply
        = summarize(client.step("EHLO " + QByteArray(990, 'h') + "\r\n"));
    if (ehloReply != QByteArrayList { "250" }) {
        QCOMPARE(ehloReply.size(), 1);
        QVERIFY2(ehloReply.front().startsWith("501"), describe(ehloReply).constData());
        return;
    }
    client.step("MAIL FROM:<sender@ext.example>\r\nRCPT TO:<i@example.test>\r\nDATA\r\n");
    QCOMPARE(summarize(client.step(message)), QByteArrayList { "250 2.0.0" });
    QCOMPARE(client.deliveries().size(), std::size_t { 1 });
    const QByteArray delivered = bytes(client.deliveries().front().message);
    for (const QByteArray &line : delivered.split('\n')) {
        QVERIFY2(line.size() <= 998 + 1, // + the CR
            ("a line of " + QByteArray::number(line.size() - 1) + " octets: " + line.left(60) + "…")
                .constData());
    }
}

void TestSmtpServer::queuedEnvelope_data()
{
    QTest::addColumn<Options>("options");
    QTest::addColumn<QByteArrayList>("prelude");
    // MAIL, RCPTs and DATA in one read; the message follows.
    QTest::addColumn<QByteArray>("commands");
    QTest::addColumn<Envelope>("expected");

    Envelope inbound;
    inbound.id = "Q1";
    inbound.from = "Sender@ext.example";
    inbound.recipients = { "i@example.test", "bob@example.test" };
    inbound.clientAddress = clientAddress;
    inbound.heloName = "client.example";
    inbound.receivedAt = testTime;
    QTest::newRow("An inbound message: final recipients, deduplicated, after aliases")
        << mx << ehlo()
        << QByteArray("MAIL FROM:<Sender@EXT.example>\r\nRCPT TO:<I+news@Example.Test>\r\n"
                      "RCPT TO:<team@example.test>\r\nDATA\r\n")
        << inbound;

    Envelope bounce = inbound;
    bounce.from.clear();
    bounce.recipients = { "i@example.test" };
    QTest::newRow("A bounce has the null sender")
        << mx << ehlo()
        << QByteArray("MAIL FROM:<>\r\nRCPT TO:<postmaster@example.test>\r\nDATA\r\n") << bounce;

    Envelope catchAll = bounce;
    catchAll.from = "sender@ext.example";
    QTest::newRow("Mail for an unknown user goes to the catch-all's target")
        << mx.withCatchAll() << ehlo()
        << QByteArray("MAIL FROM:<sender@ext.example>\r\nRCPT TO:<nobody@example.test>\r\nDATA\r\n")
        << catchAll;

    Envelope submitted = inbound;
    submitted.from = "i@example.test";
    submitted.recipients = { "friend@ext.example", "i@example.test" };
    submitted.authenticatedUser = "i@example.test";
    submitted.smtputf8 = true;
    QTest::newRow("A submitted message names its user and keeps SMTPUTF8")
        << submission << loggedIn(submission, "I@Example.Test")
        << QByteArray("MAIL FROM:<i@example.test> SMTPUTF8\r\nRCPT TO:<friend@ext.example>\r\n"
                      "RCPT TO:<i@example.test>\r\nDATA\r\n")
        << submitted;
}

void TestSmtpServer::queuedEnvelope()
{
    QFETCH(Options, options);
    QFETCH(QByteArrayList, prelude);
    QFETCH(QByteArray, commands);
    QFETCH(Envelope, expected);

    Client client(options);
    for (const QByteArray &step : prelude)
        client.step(step);
    const QByteArrayList replies = summarize(client.step(commands));
    QVERIFY2(!replies.isEmpty() && replies.back() == "354", describe(replies).constData());
    QCOMPARE(summarize(client.step(message)), QByteArrayList { "250 2.0.0" });
    QCOMPARE(client.deliveries().size(), std::size_t { 1 });
    const Envelope &queued = client.deliveries().front().envelope;
    QVERIFY2(queued == expected,
        ("got      " + describe(queued) + "\nexpected " + describe(expected)).constData());
}

QTEST_APPLESS_MAIN(TestSmtpServer)
#include "tst_smtp_server.moc"
