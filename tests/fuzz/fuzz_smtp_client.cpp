// The SMTP client state machine (mail/smtp_client.h) fed arbitrary server
// replies in arbitrary chunks, then the connection lost.
//
// Input: byte 0 chooses the settings (bits 0-1 the TLS policy, 2 implicit
// TLS, 3 credentials given, 4 plaintext AUTH allowed, 5 the TLS handshake
// fails); byte 1 the chunk sizes (fuzz_input.h); byte 2 the transaction
// (bits 0-1 one to four recipients, 2 the null sender, 3 SMTPUTF8, 4
// 8-bit); the rest is what the server sends.
//
// Invariants besides "no crash, no leak, no UB":
// - the client always comes back asking for input, TLS, or done, and is
//   done once the connection is lost;
// - everything it writes is CRLF lines, and the message it sends (whose
//   lines include "." alone and bare LFs) never shows an early end marker;
// - AUTH is never sent in plaintext unless allowed;
// - the outcome has one result per recipient, every one positive or a 4yz
//   or 5yz, "ok" exactly when one is positive, and no password in its error
//   unless the server said it.
#include "fuzz_input.h"

#include "mail/smtp_client.h"

#include <algorithm>
#include <string>

using namespace postwr::mail;
using postwr::fuzz::require;

namespace {

const char *const password = "pa55-w0rd-fuzz";
const char *const message = "From: a@example.test\r\nSubject: dots\r\n\r\n.\r\n..\r\nbare\n.\nlf\r\n.\rcr\r\n";

std::size_t count(std::string_view text, std::string_view what)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + 1))
        ++n;
    return n;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    postwr::fuzz::FuzzInput input(data, size);
    const std::uint8_t options = input.byte();
    const std::uint8_t chunking = input.byte();
    const std::uint8_t shape = input.byte();

    ClientSettings settings;
    settings.heloName = "client.example.test";
    settings.tls = static_cast<TlsPolicy>((options & 3) % 3);
    settings.implicitTls = options & 4;
    if (options & 8)
        settings.auth = ClientCredentials { "i@example.test", password };
    settings.allowPlaintextAuth = options & 16;
    const bool handshakeFails = options & 32;

    Transaction transaction;
    transaction.mailFrom = shape & 4 ? "" : "a@example.test";
    const std::size_t recipients = 1 + (shape & 3);
    for (std::size_t i = 0; i < recipients; ++i)
        transaction.recipients.push_back("r" + std::to_string(i) + "@remote.test");
    transaction.message = message;
    transaction.smtputf8 = shape & 8;
    transaction.eightBit = shape & 16;

    SmtpClient client(settings, transaction);
    const std::string_view serverBytes = input.rest();
    postwr::fuzz::Chunker chunks(serverBytes, chunking);
    bool tls = settings.implicitTls;
    std::string written;
    for (int round = 0;; ++round) {
        require(round < 100000, "the client never settles");
        const SmtpClient::Event event = client.next();
        const std::string output = client.takeOutput();
        if (!tls && !settings.allowPlaintextAuth)
            require(output.rfind("AUTH ", 0) == std::string::npos && output.find("\r\nAUTH ") == std::string::npos,
                "AUTH is never sent in plaintext");
        written += output;
        if (event == SmtpClient::Event::Done)
            break;
        if (event == SmtpClient::Event::StartTls) {
            if (handshakeFails) {
                client.tlsFailed("handshake failed");
            } else {
                client.tlsStarted();
                tls = true;
            }
            continue;
        }
        if (chunks.done())
            client.connectionLost("connection closed");
        else
            client.receive(chunks.next());
    }

    require(client.done(), "Done means done");
    require(written.find('\n') == std::string::npos || count(written, "\n") == count(written, "\r\n"),
        "the client writes CRLF lines");
    require(count(written, "\r\n.\r\n") <= 1, "the message never ends early");

    const SmtpClient::Outcome &outcome = client.outcome();
    require(outcome.recipients.size() == recipients, "one result per recipient");
    bool anyPositive = false;
    for (const SmtpClient::RecipientResult &result : outcome.recipients) {
        const Reply &reply = result.reply;
        require(reply.positive() || reply.transient() || reply.permanent(), "a recipient's reply is 2yz, 4yz or 5yz");
        anyPositive = anyPositive || reply.positive();
    }
    require(outcome.ok == anyPositive, "ok exactly when a recipient was accepted");
    require((outcome.failedAt == SmtpClient::Outcome::Stage::None) == outcome.ok, "a failure names its stage");
    // The error may quote the server, which can say anything.
    if (serverBytes.find(password) == std::string_view::npos)
        require(outcome.error.find(password) == std::string::npos, "no password in the error");
    return 0;
}
