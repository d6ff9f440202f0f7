// The SMTP server state machine (mail/smtp_server.h) fed arbitrary client
// bytes in arbitrary chunks, answered the way postwrd's session answers it.
//
// Input: byte 0 chooses the session (bits 0-1 the port role, 2 a
// certificate is loaded, 3 a catch-all alias, 4 the queue fails, 5 the
// message is refused after queueing checks, 6 the server shuts down and
// 7 the session times out after the last byte); byte 1 the chunk sizes
// (fuzz_input.h); the rest is what the client sends. The password of every
// account is "secret"; seeds authenticate as i@example.test.
//
// Invariants besides "no crash, no leak, no UB":
// - everything the server writes is a sequence of well-formed SMTP replies
//   (our own ReplyParser reads it without an error);
// - the server always comes back asking for input or closing;
// - a queued message has CRLF lines only (no SMTP smuggling past it) and at
//   least one recipient;
// - on port 25, where nobody authenticates, every remote recipient is one
//   that a local alias forwards to: never an open relay.
#include "fuzz_input.h"

#include "mail/aliases.h"
#include "mail/directory.h"
#include "mail/dkim_key.h"
#include "mail/smtp_reply.h"
#include "mail/smtp_server.h"
#include "mail/srs.h"

#include <cstdio>
#include <memory>
#include <string>

using namespace postwr::mail;
using postwr::fuzz::require;

namespace {

const char *const forwardTarget = "someone@remote.test";

std::shared_ptr<const Directory> makeDirectory(bool catchAll)
{
    auto directory = std::make_shared<Directory>();
    const auto add = [&directory](const std::string &domain, std::initializer_list<const char *> names,
                         std::string_view aliasText, SenderPolicy senders) {
        UserDb users;
        for (const char *name : names)
            users.add({ name, "$scrypt$never-checked-here" });
        Parsed<AliasFile> aliases = parseAliases(aliasText, domain);
        require(aliases.ok(), "the fuzzer's own aliases parse");
        directory->addDomain(domain, std::move(users), std::move(aliases.value), DomainSettings { senders });
    };
    add("example.test", { "i", "bob" },
        catchAll ? "postmaster: i\nteam: i, bob\nfwd: someone@remote.test\n*: i\n"
                 : "postmaster: i\nteam: i, bob\nfwd: someone@remote.test\n",
        SenderPolicy::Domain);
    add("strict.test", { "ann" }, "", SenderPolicy::Account);
    add("any.test", { "max" }, "", SenderPolicy::Any);
    return directory;
}

std::shared_ptr<const DkimKeyring> makeKeyring()
{
    Result<DkimKey> key = generateDkimKey(DkimKey::Algorithm::Ed25519Sha256, 0, "example.test", "fuzz");
    require(key.ok(), "an Ed25519 key can be made");
    auto keyring = std::make_shared<DkimKeyring>();
    (*keyring)["example.test"].push_back(std::move(key).value());
    return keyring;
}

bool hasOnlyCrlfLines(std::string_view text)
{
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))
            return false;
        if (text[i] == '\n' && (i == 0 || text[i - 1] != '\r'))
            return false;
    }
    return true;
}

class Session {
public:
    Session(std::uint8_t options, std::shared_ptr<const Directory> directory,
            std::shared_ptr<const DkimKeyring> keyring)
        : m_directory(std::move(directory))
        , m_role(static_cast<PortRole>((options & 3) % 3))
        , m_queueFails(options & 16)
        , m_refuses(options & 32)
        , m_server(settings(options, std::move(keyring)), m_directory)
    {
        check(m_server.takeOutput());
    }

    SmtpServer &server() { return m_server; }

    void pump()
    {
        for (int round = 0; round < 100000; ++round) {
            const SmtpServer::Event event = m_server.next();
            check(m_server.takeOutput());
            switch (event) {
            case SmtpServer::Event::NeedInput:
                return;
            case SmtpServer::Event::Close:
                require(m_server.closed(), "Close leaves the server closed");
                return;
            case SmtpServer::Event::Authenticate: {
                const Credentials &credentials = m_server.pendingCredentials();
                m_server.authenticated(credentials.username == "i@example.test" && credentials.password == "secret");
                break;
            }
            case SmtpServer::Event::Deliver:
                deliver();
                break;
            case SmtpServer::Event::StartTls:
                m_server.tlsStarted("TLS1.3 TLS_AES_256_GCM_SHA384");
                break;
            }
        }
        postwr::fuzz::fail("the server never asks for input");
    }

    // The rest of what the server wrote must have been whole replies.
    void finish()
    {
        check(m_server.takeOutput());
        if (m_server.closed())
            require(!m_replies.hasPendingInput(), "a closed session's last reply is complete");
    }

private:
    SessionSettings settings(std::uint8_t options, std::shared_ptr<const DkimKeyring> keyring)
    {
        SessionSettings settings;
        settings.hostname = "mx.example.test";
        settings.role = m_role;
        settings.tlsAvailable = options & 4;
        settings.maxMessageSize = 4000;
        settings.maxRecipients = 5;
        settings.maxErrors = 5;
        settings.clientAddress = "192.0.2.1";
        settings.newQueueId = [this] { return "Q" + std::to_string(++m_queueIds); };
        settings.now = [] { return std::time_t { 1700000000 }; };
        settings.srs = std::make_shared<const Srs>("0123456789abcdef0123456789abcdef", "example.test");
        settings.dkimKeys = std::move(keyring);
        return settings;
    }

    void check(std::string_view output)
    {
        m_replies.receive(output);
        while (std::optional<Result<Reply>> reply = m_replies.next()) {
            if (!reply->ok()) {
                std::fprintf(stderr, "%s in: %.*s\n", reply->error().message.c_str(), static_cast<int>(output.size()),
                    output.data());
                postwr::fuzz::fail("the server writes well-formed replies");
            }
        }
    }

    void deliver()
    {
        const Envelope envelope = m_server.pendingEnvelope();
        const std::string message = m_server.takeMessage();
        require(!envelope.recipients.empty(), "a message has a recipient");
        require(hasOnlyCrlfLines(message), "a queued message has CRLF lines only");
        if (m_role == PortRole::Mx) {
            for (const std::string &recipient : envelope.recipients) {
                const std::size_t at = recipient.rfind('@');
                require(at != std::string::npos, "a recipient has a domain");
                require(m_directory->isLocalDomain(recipient.substr(at + 1)) || recipient == forwardTarget,
                    "port 25 is no open relay");
            }
        }
        if (m_queueFails)
            m_server.queued(Error { "disk full" });
        else if (m_refuses)
            m_server.refused("DMARC policy of the sender domain");
        else
            m_server.queued(envelope.id);
    }

    std::shared_ptr<const Directory> m_directory;
    PortRole m_role;
    bool m_queueFails;
    bool m_refuses;
    int m_queueIds = 0;
    ReplyParser m_replies;
    SmtpServer m_server;
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static const std::shared_ptr<const Directory> plain = makeDirectory(false);
    static const std::shared_ptr<const Directory> catchAll = makeDirectory(true);
    static const std::shared_ptr<const DkimKeyring> keyring = makeKeyring();

    postwr::fuzz::FuzzInput input(data, size);
    const std::uint8_t options = input.byte();
    const std::uint8_t chunking = input.byte();
    postwr::fuzz::Chunker chunks(input.rest(), chunking);
    Session session(options, options & 8 ? catchAll : plain, keyring);
    session.pump();
    while (!chunks.done() && !session.server().closed()) {
        session.server().receive(chunks.next());
        session.pump();
    }
    if (options & 64) {
        session.server().shutdown();
        session.pump();
    }
    if (options & 128) {
        session.server().timedOut();
        session.pump();
    }
    session.finish();
    return 0;
}
