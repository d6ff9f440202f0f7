// SmtpClient, driven the way postwrd's outbound connection drives it but
// without sockets: a script plays the server and the harness answers the
// client's events.
//
// Each conversation row is a transcript, compared entry by entry:
//   "S: ..."   bytes the server sends (CRLF added; a multi-line reply or
//              several pipelined replies are one step with "\r\n" inside)
//   "C: ..."   one line the client sent, CRLF taken off (the message data
//              shows up line by line, so dot-stuffing is visible)
//   "StartTls" / "Done"   the event next() returned
//   "!tls", "!tlsfail"    the handshake succeeded / failed (tlsStarted,
//                         tlsFailed("handshake error"))
//   "!lost"    the connection closed (connectionLost("reset by peer"))
// The script holds only the S and ! steps' order; the harness writes the C
// lines and events it sees, so the expected transcript pins the exact bytes.
//
// The outcome is summarized as: "delivered" or "failed at <stage>", "tls"
// or "plaintext", "reply: <reply>", "error: <local error>" when there is
// one, then "<recipient>: <reply>" for each recipient.
#include "mail/smtp_client.h"

#include <QTest>

#include "test_bytes.h"
#include <string>
#include <string_view>

using namespace postwr::mail;

Q_DECLARE_METATYPE(postwr::mail::ClientSettings)
Q_DECLARE_METATYPE(postwr::mail::Transaction)

namespace {

const QByteArray password = "s3cret-pass";
const QByteArray defaultMessage = "Subject: hi\r\n\r\nHello\r\n"; // 22 octets

ClientSettings settings(TlsPolicy tls = TlsPolicy::Opportunistic)
{
    ClientSettings result;
    result.heloName = "client.example.test";
    result.tls = tls;
    return result;
}

ClientSettings withAuth(ClientSettings result, bool plaintext = false)
{
    result.auth = ClientCredentials{"i@example.test", password.toStdString()};
    result.allowPlaintextAuth = plaintext;
    return result;
}

Transaction mail(std::vector<std::string> recipients = {"bob@ext.test"}, const QByteArray &message = defaultMessage)
{
    Transaction result;
    result.mailFrom = "i@example.test";
    result.recipients = std::move(recipients);
    result.message = message.toStdString();
    return result;
}

class Harness {
public:
    Harness(ClientSettings clientSettings, Transaction transaction)
        : m_client(std::move(clientSettings), std::move(transaction))
    {
        pump();
    }

    void step(const QByteArray &step)
    {
        m_transcript << step;
        if (step == "!tls")
            m_client.tlsStarted();
        else if (step == "!tlsfail")
            m_client.tlsFailed("handshake error");
        else if (step == "!lost")
            m_client.connectionLost("reset by peer");
        else if (step.startsWith("S: "))
            m_client.receive(view(step.mid(3) + "\r\n"));
        else
            QTest::qFail(qPrintable("bad script step " + step), __FILE__, __LINE__);
        pump();
    }

    // Server bytes exactly as given, without a CRLF added and without a
    // transcript entry.
    void raw(const QByteArray &input)
    {
        m_client.receive(view(input));
        pump();
    }

    SmtpClient &client() { return m_client; }
    const QByteArrayList &transcript() const { return m_transcript; }
    const QByteArray &sent() const { return m_sent; }

private:
    // What postwrd's loop does: next(), write the output, act on the event.
    void pump()
    {
        const SmtpClient::Event event = m_client.next();
        const QByteArray output = bytes(m_client.takeOutput());
        m_sent += output;
        qsizetype start = 0;
        while (start < output.size()) {
            const qsizetype end = output.indexOf("\r\n", start);
            if (end < 0) {
                m_transcript << "C: " + output.mid(start) + " (no CRLF)";
                break;
            }
            m_transcript << "C: " + output.mid(start, end - start);
            start = end + 2;
        }
        if (event == SmtpClient::Event::StartTls)
            m_transcript << "StartTls";
        if (event == SmtpClient::Event::Done && !m_sawDone) {
            m_sawDone = true;
            m_transcript << "Done";
        }
        if (m_sawDone && event != SmtpClient::Event::Done)
            m_transcript << "(not Done any more)";
    }

    SmtpClient m_client;
    QByteArrayList m_transcript;
    QByteArray m_sent;
    bool m_sawDone = false;
};

QByteArrayList summarize(const SmtpClient::Outcome &outcome)
{
    QByteArrayList out;
    out << (outcome.ok ? QByteArray("delivered") : "failed at " + QByteArray(stageName(outcome.failedAt)));
    if (outcome.ok && outcome.failedAt != SmtpClient::Outcome::Stage::None)
        out << "(delivered but failedAt is set)";
    out << (outcome.tlsUsed ? "tls" : "plaintext");
    out << "reply: " + bytes(outcome.reply.toString());
    if (!outcome.error.empty())
        out << "error: " + bytes(outcome.error);
    for (const auto &[recipient, reply] : outcome.recipients)
        out << bytes(recipient) + ": " + bytes(reply.toString());
    return out;
}

// Script pieces.
const QByteArray greeting = "S: 220 mx.ext.test ESMTP";
const QByteArray ehlo = "C: EHLO client.example.test";
const QByteArrayList quit = {"C: QUIT", "S: 221 2.0.0 Bye", "Done"};
const QByteArrayList body = {"C: Subject: hi", "C: ", "C: Hello", "C: ."};
const QByteArray queued = "S: 250 2.0.0 Ok: queued as 1A2B";

QByteArray ehloReply(const QByteArrayList &keywords)
{
    QByteArray out = "S: 250";
    out += keywords.isEmpty() ? " " : "-";
    out += "mx.ext.test";
    for (qsizetype i = 0; i < keywords.size(); ++i)
        out += "\r\n250" + QByteArray(i + 1 < keywords.size() ? "-" : " ") + keywords[i];
    return out;
}

QByteArrayList opening(const QByteArrayList &keywords)
{
    return {greeting, ehlo, ehloReply(keywords)};
}

const QByteArrayList pipelining = {"PIPELINING", "SIZE 10000", "8BITMIME", "ENHANCEDSTATUSCODES"};
const QByteArrayList lockstep = {"SIZE 10000", "8BITMIME", "ENHANCEDSTATUSCODES"};
const QByteArrayList withTls = {"PIPELINING", "SIZE 10000", "STARTTLS"};
const QByteArrayList afterTls = {"PIPELINING", "SIZE 10000", "AUTH PLAIN LOGIN"};

// Opening, STARTTLS, handshake, EHLO again with `keywords`.
QByteArrayList tlsOpening(const QByteArrayList &keywords = afterTls)
{
    return opening(withTls) << "C: STARTTLS"
                            << "S: 220 2.0.0 Ready to start TLS"
                            << "StartTls"
                            << "!tls" << ehlo << ehloReply(keywords);
}

// MAIL, RCPT and DATA pipelined for bob, accepted, and the message queued.
QByteArrayList pipelinedDelivery()
{
    return QByteArrayList{"C: MAIL FROM:<i@example.test> SIZE=22", "C: RCPT TO:<bob@ext.test>", "C: DATA",
                          "S: 250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>"}
           << body << queued << quit;
}

const QByteArrayList delivered = {"delivered", "plaintext", "reply: 250 2.0.0 Ok: queued as 1A2B",
                                  "bob@ext.test: 250 2.0.0 Ok: queued as 1A2B"};
const QByteArrayList deliveredTls = {"delivered", "tls", "reply: 250 2.0.0 Ok: queued as 1A2B",
                                     "bob@ext.test: 250 2.0.0 Ok: queued as 1A2B"};

// A failure where the whole transaction carries one reply.
QByteArrayList failed(const QByteArray &stage, const QByteArray &reply, const QByteArray &error = {},
                      bool tls = false)
{
    QByteArrayList out{"failed at " + stage, tls ? "tls" : "plaintext", "reply: " + reply};
    if (!error.isEmpty())
        out << "error: " + error;
    out << "bob@ext.test: " + reply;
    return out;
}

// Everything the script plays, in order: the S and ! steps.
QByteArrayList inputsOf(const QByteArrayList &transcript)
{
    QByteArrayList inputs;
    for (const QByteArray &entry : transcript) {
        if (entry.startsWith("S: ") || entry.startsWith('!'))
            inputs << entry;
    }
    return inputs;
}

} // namespace

class TestSmtpClient : public QObject {
    Q_OBJECT

private slots:
    void conversation_data();
    void conversation();
    void repliesSplitAtEveryByte();
    void extensionsAreParsed();
    void outcomeIsFinalAfterDone();
};

void TestSmtpClient::conversation_data()
{
    QTest::addColumn<ClientSettings>("clientSettings");
    QTest::addColumn<Transaction>("transaction");
    QTest::addColumn<QByteArrayList>("transcript");
    QTest::addColumn<QByteArrayList>("outcome");

    const ClientSettings opportunistic = settings();
    const ClientSettings required = settings(TlsPolicy::Required);
    const ClientSettings disabled = settings(TlsPolicy::Disabled);
    const Transaction toBob = mail();

    // --- Whole conversations -------------------------------------------
    QTest::newRow("A message goes in one batch when the server offers PIPELINING")
        << opportunistic << toBob << (opening(pipelining) << pipelinedDelivery()) << delivered;

    QTest::newRow("Without PIPELINING each command waits for its reply")
        << opportunistic << toBob
        << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                              << "S: 250 2.1.0 Ok"
                              << "C: RCPT TO:<bob@ext.test>"
                              << "S: 250 2.1.5 Ok"
                              << "C: DATA"
                              << "S: 354 Go ahead" << body << queued << quit)
        << delivered;

    QTest::newRow("A multi-line greeting is one reply")
        << opportunistic << toBob
        << (QByteArrayList{"S: 220-mx.ext.test ESMTP\r\n220-No spam please\r\n220 Really", ehlo,
                           ehloReply(pipelining)}
            << pipelinedDelivery())
        << delivered;

    Transaction bounce = mail();
    bounce.mailFrom = "";
    QTest::newRow("The null sender is sent as <>")
        << opportunistic << bounce
        << (opening({"PIPELINING"}) << "C: MAIL FROM:<>"
                                    << "C: RCPT TO:<bob@ext.test>"
                                    << "C: DATA"
                                    << "S: 250 Ok\r\n250 Ok\r\n354 Go" << body << queued << quit)
        << delivered;

    QTest::newRow("The reply to QUIT cannot fail the delivery")
        << opportunistic << toBob
        << (opening(pipelining) << QByteArrayList{"C: MAIL FROM:<i@example.test> SIZE=22",
                                                  "C: RCPT TO:<bob@ext.test>", "C: DATA",
                                                  "S: 250 Ok\r\n250 Ok\r\n354 Go"}
                                << body << queued << "C: QUIT"
                                << "S: 500 5.5.1 What?"
                                << "Done")
        << delivered;

    QTest::newRow("A lost connection while waiting for the reply to QUIT keeps the delivery")
        << opportunistic << toBob
        << (opening(pipelining) << QByteArrayList{"C: MAIL FROM:<i@example.test> SIZE=22",
                                                  "C: RCPT TO:<bob@ext.test>", "C: DATA",
                                                  "S: 250 Ok\r\n250 Ok\r\n354 Go"}
                                << body << queued << "C: QUIT"
                                << "!lost"
                                << "Done")
        << delivered;

    QTest::newRow("EHLO refused with 502 falls back to HELO, without extensions")
        << opportunistic << toBob
        << QByteArrayList{greeting,
                          ehlo,
                          "S: 502 5.5.1 Command not implemented",
                          "C: HELO client.example.test",
                          "S: 250 mx.ext.test",
                          "C: MAIL FROM:<i@example.test>",
                          "S: 250 Ok",
                          "C: RCPT TO:<bob@ext.test>",
                          "S: 250 Ok",
                          "C: DATA",
                          "S: 354 Go"}
               + body + QByteArrayList{queued} + quit
        << delivered;

    QTest::newRow("HELO refused fails at EHLO")
        << opportunistic << toBob
        << (QByteArrayList{greeting, ehlo, "S: 500 5.5.1 Unknown command", "C: HELO client.example.test",
                           "S: 550 5.7.1 Go away"}
            << quit)
        << failed("EHLO", "550 5.7.1 Go away");

    // --- STARTTLS under each policy ------------------------------------
    QTest::newRow("Opportunistic TLS uses STARTTLS when offered and says EHLO again")
        << opportunistic << toBob << (tlsOpening() << pipelinedDelivery()) << deliveredTls;

    QTest::newRow("Opportunistic TLS goes on in plaintext when STARTTLS is not offered")
        << opportunistic << toBob << (opening(pipelining) << pipelinedDelivery()) << delivered;

    QTest::newRow("Opportunistic TLS goes on in plaintext when STARTTLS is refused")
        << opportunistic << toBob
        << (opening(withTls) << "C: STARTTLS"
                             << "S: 454 4.7.0 TLS not available due to temporary reason"
                             << pipelinedDelivery())
        << delivered;

    QTest::newRow("Required TLS uses STARTTLS when offered")
        << required << toBob << (tlsOpening() << pipelinedDelivery()) << deliveredTls;

    QTest::newRow("Required TLS fails when STARTTLS is not offered, transiently")
        << required << toBob << (opening(pipelining) << quit)
        << failed("STARTTLS", "454 4.7.4 server does not offer STARTTLS but TLS is required",
                  "server does not offer STARTTLS but TLS is required");

    QTest::newRow("Required TLS fails when STARTTLS is refused, transiently even on 5xx")
        << required << toBob
        << (opening(withTls) << "C: STARTTLS"
                             << "S: 502 5.5.1 Not now" << quit)
        << failed("STARTTLS", "454 4.7.4 TLS is required but the server refused STARTTLS: 502 5.5.1 Not now",
                  "server refused STARTTLS but TLS is required");

    QTest::newRow("Disabled TLS never sends STARTTLS, even when offered")
        << disabled << toBob << (opening(withTls) << pipelinedDelivery()) << delivered;

    QTest::newRow("A failed handshake ends the session without QUIT")
        << opportunistic << toBob
        << (opening(withTls) << "C: STARTTLS"
                             << "S: 220 2.0.0 Ready"
                             << "StartTls"
                             << "!tlsfail"
                             << "Done")
        << failed("STARTTLS", "454 4.7.5 TLS handshake failed: handshake error",
                  "TLS handshake failed: handshake error");

    QTest::newRow("A failed handshake under required TLS is the same failure")
        << required << toBob
        << (opening(withTls) << "C: STARTTLS"
                             << "S: 220 2.0.0 Ready"
                             << "StartTls"
                             << "!tlsfail"
                             << "Done")
        << failed("STARTTLS", "454 4.7.5 TLS handshake failed: handshake error",
                  "TLS handshake failed: handshake error");

    QTest::newRow("Replies sent in plaintext after the 220 to STARTTLS are dropped")
        << opportunistic << toBob
        << (opening(withTls) << "C: STARTTLS"
                             << "S: 220 2.0.0 Ready\r\n250-injected\r\n250 AUTH PLAIN"
                             << "StartTls"
                             << "S: 250 2.0.0 also injected"
                             << "!tls" << ehlo << ehloReply(afterTls) << pipelinedDelivery())
        << deliveredTls;

    QTest::newRow("STARTTLS is not repeated when the server offers it again after TLS")
        << opportunistic << toBob << (tlsOpening(withTls) << pipelinedDelivery()) << deliveredTls;

    ClientSettings implicit = withAuth(settings(TlsPolicy::Required));
    implicit.implicitTls = true;
    QTest::newRow("Implicit TLS authenticates without STARTTLS")
        << implicit << toBob
        << (opening(afterTls) << "C: AUTH PLAIN AGlAZXhhbXBsZS50ZXN0AHMzY3JldC1wYXNz"
                              << "S: 235 2.7.0 Authentication successful" << pipelinedDelivery())
        << deliveredTls;

    // --- AUTH -----------------------------------------------------------
    QTest::newRow("AUTH PLAIN sends the credentials as an initial response after TLS")
        << withAuth(required) << toBob
        << (tlsOpening() << "C: AUTH PLAIN AGlAZXhhbXBsZS50ZXN0AHMzY3JldC1wYXNz"
                         << "S: 235 2.7.0 Authentication successful" << pipelinedDelivery())
        << deliveredTls;

    QTest::newRow("AUTH LOGIN is used when the server offers only LOGIN")
        << withAuth(required) << toBob
        << (tlsOpening({"PIPELINING", "SIZE 10000", "AUTH LOGIN"})
            << "C: AUTH LOGIN"
            << "S: 334 VXNlcm5hbWU6"
            << "C: aUBleGFtcGxlLnRlc3Q="
            << "S: 334 UGFzc3dvcmQ6"
            << "C: czNjcmV0LXBhc3M="
            << "S: 235 2.7.0 Authentication successful" << pipelinedDelivery())
        << deliveredTls;

    QTest::newRow("AUTH=LOGIN from an old server counts as AUTH LOGIN")
        << withAuth(required) << toBob
        << (tlsOpening({"PIPELINING", "SIZE 10000", "AUTH=LOGIN"})
            << "C: AUTH LOGIN"
            << "S: 334 VXNlcm5hbWU6"
            << "C: aUBleGFtcGxlLnRlc3Q="
            << "S: 334 UGFzc3dvcmQ6"
            << "C: czNjcmV0LXBhc3M="
            << "S: 235 2.7.0 Authentication successful" << pipelinedDelivery())
        << deliveredTls;

    QTest::newRow("A 535 to AUTH fails at AUTH, permanently")
        << withAuth(required) << toBob
        << (tlsOpening() << "C: AUTH PLAIN AGlAZXhhbXBsZS50ZXN0AHMzY3JldC1wYXNz"
                         << "S: 535 5.7.8 Authentication credentials invalid" << quit)
        << failed("AUTH", "535 5.7.8 Authentication credentials invalid", {}, true);

    QTest::newRow("A 454 to AUTH fails at AUTH, transiently")
        << withAuth(required) << toBob
        << (tlsOpening() << "C: AUTH PLAIN AGlAZXhhbXBsZS50ZXN0AHMzY3JldC1wYXNz"
                         << "S: 454 4.7.0 Temporary authentication failure" << quit)
        << failed("AUTH", "454 4.7.0 Temporary authentication failure", {}, true);

    QTest::newRow("A 535 to the LOGIN password fails at AUTH")
        << withAuth(required) << toBob
        << (tlsOpening({"AUTH LOGIN"}) << "C: AUTH LOGIN"
                                       << "S: 334 VXNlcm5hbWU6"
                                       << "C: aUBleGFtcGxlLnRlc3Q="
                                       << "S: 334 UGFzc3dvcmQ6"
                                       << "C: czNjcmV0LXBhc3M="
                                       << "S: 535 5.7.8 Nope" << quit)
        << failed("AUTH", "535 5.7.8 Nope", {}, true);

    QTest::newRow("A third AUTH LOGIN challenge ends the session without QUIT")
        << withAuth(required) << toBob
        << (tlsOpening({"AUTH LOGIN"}) << "C: AUTH LOGIN"
                                       << "S: 334 VXNlcm5hbWU6"
                                       << "C: aUBleGFtcGxlLnRlc3Q="
                                       << "S: 334 UGFzc3dvcmQ6"
                                       << "C: czNjcmV0LXBhc3M="
                                       << "S: 334 QWdhaW46"
                                       << "Done")
        << failed("AUTH", "451 4.5.0 unexpected reply to AUTH: 334 QWdhaW46",
                  "unexpected reply to AUTH: 334 QWdhaW46", true);

    QTest::newRow("Credentials are not sent without TLS")
        << withAuth(disabled) << toBob << (opening({"PIPELINING", "AUTH PLAIN LOGIN"}) << quit)
        << failed("AUTH", "538 5.7.11 refusing to send the password without TLS",
                  "refusing to send the password without TLS");

    QTest::newRow("Credentials are sent without TLS when allowed")
        << withAuth(disabled, true) << toBob
        << (opening({"PIPELINING", "SIZE 10000", "AUTH PLAIN LOGIN"})
            << "C: AUTH PLAIN AGlAZXhhbXBsZS50ZXN0AHMzY3JldC1wYXNz"
            << "S: 235 2.7.0 Ok" << pipelinedDelivery())
        << delivered;

    QTest::newRow("A server without AUTH fails at AUTH")
        << withAuth(required) << toBob << (tlsOpening({"PIPELINING"}) << quit)
        << failed("AUTH", "502 5.5.1 server does not offer AUTH", "server does not offer AUTH", true);

    QTest::newRow("A server with only unknown mechanisms fails at AUTH")
        << withAuth(required) << toBob << (tlsOpening({"AUTH CRAM-MD5 XOAUTH2"}) << quit)
        << failed("AUTH", "504 5.5.4 server offers no AUTH mechanism we support (PLAIN or LOGIN)",
                  "server offers no AUTH mechanism we support (PLAIN or LOGIN)", true);

    ClientSettings longCredentials = withAuth(required);
    longCredentials.auth->username = std::string(200, 'u');
    longCredentials.auth->password = std::string(200, 'p');
    const QByteArray longPlain =
        ('\0' + QByteArray(200, 'u') + '\0' + QByteArray(200, 'p')).toBase64();
    QTest::newRow("A PLAIN response too long for one line goes after a 334")
        << longCredentials << toBob
        << (tlsOpening() << "C: AUTH PLAIN"
                         << "S: 334 "
                         << "C: " + longPlain << "S: 235 2.7.0 Ok" << pipelinedDelivery())
        << deliveredTls;

    // --- SIZE, 8BITMIME, SMTPUTF8 ---------------------------------------
    QTest::newRow("A message larger than the server's SIZE is not sent")
        << opportunistic << toBob << (opening({"PIPELINING", "SIZE 21"}) << quit)
        << failed("MAIL FROM", "552 5.3.4 message too large for this server (SIZE 21)",
                  "message too large for this server (SIZE 21)");

    QTest::newRow("A message exactly the server's SIZE is sent")
        << opportunistic << toBob << (opening({"PIPELINING", "SIZE 22"}) << pipelinedDelivery()) << delivered;

    QTest::newRow("SIZE 0 sets no limit")
        << opportunistic << toBob << (opening({"PIPELINING", "SIZE 0"}) << pipelinedDelivery()) << delivered;

    QTest::newRow("SIZE without a number sets no limit")
        << opportunistic << toBob << (opening({"PIPELINING", "SIZE"}) << pipelinedDelivery()) << delivered;

    Transaction utf8 = mail();
    utf8.smtputf8 = true;
    QTest::newRow("A message that needs SMTPUTF8 fails without it, permanently")
        << opportunistic << utf8 << (opening(pipelining) << quit)
        << failed("MAIL FROM", "553 5.6.7 server does not support SMTPUTF8, which this message needs",
                  "server does not support SMTPUTF8");

    QTest::newRow("A non-ASCII recipient needs SMTPUTF8")
        << opportunistic << mail({"b\xc3\xb6""b@ext.test"}) << (opening(pipelining) << quit)
        << QByteArrayList{"failed at MAIL FROM", "plaintext",
                          "reply: 553 5.6.7 server does not support SMTPUTF8, which this message needs",
                          "error: server does not support SMTPUTF8",
                          "b\xc3\xb6""b@ext.test: 553 5.6.7 server does not support SMTPUTF8, which this message needs"};

    Transaction eightBit = mail();
    eightBit.smtputf8 = true;
    eightBit.eightBit = true;
    QTest::newRow("SMTPUTF8 and BODY=8BITMIME are announced when offered")
        << opportunistic << eightBit
        << (opening({"PIPELINING", "SIZE 10000", "8BITMIME", "SMTPUTF8"})
            << "C: MAIL FROM:<i@example.test> SIZE=22 BODY=8BITMIME SMTPUTF8"
            << "C: RCPT TO:<bob@ext.test>"
            << "C: DATA"
            << "S: 250 Ok\r\n250 Ok\r\n354 Go" << body << queued << quit)
        << delivered;

    Transaction eightBitOnly = mail();
    eightBitOnly.eightBit = true;
    QTest::newRow("An 8-bit message goes without BODY= to a server without 8BITMIME")
        << opportunistic << eightBitOnly << (opening({"PIPELINING", "SIZE 10000"}) << pipelinedDelivery())
        << delivered;

    // --- Recipients -----------------------------------------------------
    const Transaction toThree = mail({"a@ext.test", "b@ext.test", "c@ext.test"});
    QTest::newRow("Two of three recipients accepted: the message goes, each has its reply")
        << opportunistic << toThree
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<a@ext.test>"
                                << "C: RCPT TO:<b@ext.test>"
                                << "C: RCPT TO:<c@ext.test>"
                                << "C: DATA"
                                << "S: 250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n550 5.1.1 No such user\r\n250 2.1.5 Ok\r\n"
                                   "354 Go"
                                << body << queued << quit)
        << QByteArrayList{"delivered",
                          "plaintext",
                          "reply: 250 2.0.0 Ok: queued as 1A2B",
                          "a@ext.test: 250 2.0.0 Ok: queued as 1A2B",
                          "b@ext.test: 550 5.1.1 No such user",
                          "c@ext.test: 250 2.0.0 Ok: queued as 1A2B"};

    QTest::newRow("Two of three recipients accepted without PIPELINING")
        << opportunistic << toThree
        << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                              << "S: 250 2.1.0 Ok"
                              << "C: RCPT TO:<a@ext.test>"
                              << "S: 452 4.5.3 Too many recipients for now"
                              << "C: RCPT TO:<b@ext.test>"
                              << "S: 250 2.1.5 Ok"
                              << "C: RCPT TO:<c@ext.test>"
                              << "S: 250 2.1.5 Ok"
                              << "C: DATA"
                              << "S: 354 Go" << body << queued << quit)
        << QByteArrayList{"delivered",
                          "plaintext",
                          "reply: 250 2.0.0 Ok: queued as 1A2B",
                          "a@ext.test: 452 4.5.3 Too many recipients for now",
                          "b@ext.test: 250 2.0.0 Ok: queued as 1A2B",
                          "c@ext.test: 250 2.0.0 Ok: queued as 1A2B"};

    const Transaction toTwo = mail({"a@ext.test", "b@ext.test"});
    const QByteArrayList twoRefused{"failed at RCPT TO", "plaintext", "reply: 450 4.2.0 Mailbox busy",
                                    "a@ext.test: 550 5.1.1 No such user", "b@ext.test: 450 4.2.0 Mailbox busy"};
    QTest::newRow("Every recipient refused with PIPELINING: DATA refused, no message")
        << opportunistic << toTwo
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<a@ext.test>"
                                << "C: RCPT TO:<b@ext.test>"
                                << "C: DATA"
                                << "S: 250 Ok\r\n550 5.1.1 No such user\r\n450 4.2.0 Mailbox busy\r\n"
                                   "554 5.5.1 No valid recipients"
                                << quit)
        << twoRefused;

    QTest::newRow("Every recipient refused without PIPELINING: no DATA")
        << opportunistic << toTwo
        << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                              << "S: 250 Ok"
                              << "C: RCPT TO:<a@ext.test>"
                              << "S: 550 5.1.1 No such user"
                              << "C: RCPT TO:<b@ext.test>"
                              << "S: 450 4.2.0 Mailbox busy" << quit)
        << twoRefused;

    QTest::newRow("Every recipient refused but DATA accepted: closed without data or QUIT")
        << opportunistic << toTwo
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<a@ext.test>"
                                << "C: RCPT TO:<b@ext.test>"
                                << "C: DATA"
                                << "S: 250 Ok\r\n550 5.1.1 No such user\r\n450 4.2.0 Mailbox busy\r\n354 Go"
                                << "Done")
        << QByteArrayList{"failed at RCPT TO", "plaintext", "reply: 450 4.2.0 Mailbox busy",
                          "error: server accepted DATA although it refused every recipient; connection closed "
                          "without sending the message",
                          "a@ext.test: 550 5.1.1 No such user", "b@ext.test: 450 4.2.0 Mailbox busy"};

    QTest::newRow("MAIL refused with PIPELINING: the rest of the batch is read before QUIT")
        << opportunistic << toTwo
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<a@ext.test>"
                                << "C: RCPT TO:<b@ext.test>"
                                << "C: DATA"
                                << "S: 550 5.7.1 Sender refused\r\n503 5.5.1 MAIL first"
                                << "S: 503 5.5.1 MAIL first\r\n503 5.5.1 MAIL first" << quit)
        << QByteArrayList{"failed at MAIL FROM", "plaintext", "reply: 550 5.7.1 Sender refused",
                          "a@ext.test: 550 5.7.1 Sender refused", "b@ext.test: 550 5.7.1 Sender refused"};

    QTest::newRow("MAIL refused with PIPELINING but DATA accepted: closed without data")
        << opportunistic << toBob
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<bob@ext.test>"
                                << "C: DATA"
                                << "S: 451 4.3.0 Try later\r\n250 Ok\r\n354 Go"
                                << "Done")
        << failed("MAIL FROM", "451 4.3.0 Try later");

    // --- 4xx and 5xx at each stage --------------------------------------
    QTest::newRow("A 554 greeting fails for all, permanently, then QUIT")
        << opportunistic << toTwo << (QByteArrayList{"S: 554 5.3.2 No SMTP service here"} << quit)
        << QByteArrayList{"failed at greeting", "plaintext", "reply: 554 5.3.2 No SMTP service here",
                          "a@ext.test: 554 5.3.2 No SMTP service here",
                          "b@ext.test: 554 5.3.2 No SMTP service here"};
    QTest::newRow("A 421 greeting fails transiently, without QUIT")
        << opportunistic << toBob << QByteArrayList{"S: 421 4.3.2 Busy, try later", "Done"}
        << failed("greeting", "421 4.3.2 Busy, try later");
    QTest::newRow("A 450 greeting fails transiently")
        << opportunistic << toBob << (QByteArrayList{"S: 450 Busy"} << quit) << failed("greeting", "450 Busy");
    QTest::newRow("A 451 to EHLO fails at EHLO, transiently")
        << opportunistic << toBob << (QByteArrayList{greeting, ehlo, "S: 451 4.3.0 Later"} << quit)
        << failed("EHLO", "451 4.3.0 Later");
    QTest::newRow("A 550 to EHLO fails at EHLO, permanently")
        << opportunistic << toBob << (QByteArrayList{greeting, ehlo, "S: 550 5.7.1 Not you"} << quit)
        << failed("EHLO", "550 5.7.1 Not you");
    QTest::newRow("A 421 to EHLO ends at once")
        << opportunistic << toBob << QByteArrayList{greeting, ehlo, "S: 421 4.7.0 Closing", "Done"}
        << failed("EHLO", "421 4.7.0 Closing");
    for (const QByteArray &reply : {QByteArray("451 4.3.0 Later"), QByteArray("553 5.7.1 Sender refused")}) {
        QTest::addRow("A %s to MAIL fails at MAIL FROM", reply.left(3).constData())
            << opportunistic << toBob
            << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                  << "S: " + reply << quit)
            << failed("MAIL FROM", reply);
    }
    for (const QByteArray &reply : {QByteArray("450 4.2.1 Slow down"), QByteArray("550 5.1.1 No such user")}) {
        QTest::addRow("A %s to the only RCPT fails at RCPT TO", reply.left(3).constData())
            << opportunistic << toBob
            << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                  << "S: 250 Ok"
                                  << "C: RCPT TO:<bob@ext.test>"
                                  << "S: " + reply << quit)
            << failed("RCPT TO", reply);
    }
    for (const QByteArray &reply : {QByteArray("451 4.3.0 Later"), QByteArray("554 5.5.1 No")}) {
        QTest::addRow("A %s to DATA fails at DATA", reply.left(3).constData())
            << opportunistic << toBob
            << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                  << "S: 250 Ok"
                                  << "C: RCPT TO:<bob@ext.test>"
                                  << "S: 250 Ok"
                                  << "C: DATA"
                                  << "S: " + reply << quit)
            << failed("DATA", reply);
    }
    for (const QByteArray &reply : {QByteArray("452 4.3.1 Disk full"), QByteArray("552 5.3.4 Too big")}) {
        QTest::addRow("A %s after the data fails at message", reply.left(3).constData())
            << opportunistic << toBob
            << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                    << "C: RCPT TO:<bob@ext.test>"
                                    << "C: DATA"
                                    << "S: 250 Ok\r\n250 Ok\r\n354 Go" << body << "S: " + reply << quit)
            << failed("message", reply);
    }
    QTest::newRow("A refused recipient keeps its reply when the data is refused")
        << opportunistic << toTwo
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<a@ext.test>"
                                << "C: RCPT TO:<b@ext.test>"
                                << "C: DATA"
                                << "S: 250 Ok\r\n250 Ok\r\n550 5.1.1 No such user\r\n354 Go" << body
                                << "S: 554 5.7.1 Spam" << quit)
        << QByteArrayList{"failed at message", "plaintext", "reply: 554 5.7.1 Spam", "a@ext.test: 554 5.7.1 Spam",
                          "b@ext.test: 550 5.1.1 No such user"};

    // --- The data -------------------------------------------------------
    QTest::newRow("Lines starting with a dot are stuffed")
        << opportunistic << mail({"bob@ext.test"}, ".hidden\r\n.\r\n..\r\nend.\r\n")
        << (opening({"PIPELINING"}) << "C: MAIL FROM:<i@example.test>"
                                    << "C: RCPT TO:<bob@ext.test>"
                                    << "C: DATA"
                                    << "S: 250 Ok\r\n250 Ok\r\n354 Go"
                                    << "C: ..hidden"
                                    << "C: .."
                                    << "C: ..."
                                    << "C: end."
                                    << "C: ." << queued << quit)
        << delivered;

    QTest::newRow("A message without a final CRLF gets one before the end marker, and in SIZE")
        << opportunistic << mail({"bob@ext.test"}, "Subject: hi\r\n\r\nHello")
        << (opening(pipelining) << pipelinedDelivery()) << delivered;

    QTest::newRow("A bare LF or CR in the message is sent as CRLF, and cannot end the data")
        << opportunistic << mail({"bob@ext.test"}, "a\n.\nb\rc\r\n")
        << (opening({"PIPELINING", "SIZE 100"}) << "C: MAIL FROM:<i@example.test> SIZE=12"
                                                << "C: RCPT TO:<bob@ext.test>"
                                                << "C: DATA"
                                                << "S: 250 Ok\r\n250 Ok\r\n354 Go"
                                                << "C: a"
                                                << "C: .."
                                                << "C: b"
                                                << "C: c"
                                                << "C: ." << queued << quit)
        << delivered;

    QTest::newRow("An empty message is just the end marker")
        << opportunistic << mail({"bob@ext.test"}, "")
        << (opening({"PIPELINING", "SIZE 100"}) << "C: MAIL FROM:<i@example.test> SIZE=0"
                                                << "C: RCPT TO:<bob@ext.test>"
                                                << "C: DATA"
                                                << "S: 250 Ok\r\n250 Ok\r\n354 Go"
                                                << "C: ." << queued << quit)
        << delivered;

    // --- Malformed and unexpected replies -------------------------------
    QTest::newRow("A greeting without a code ends the session, transiently")
        << opportunistic << toBob << QByteArrayList{"S: hello there", "Done"}
        << failed("greeting", "451 4.5.0 malformed reply from server: no reply code in \"hello there\"",
                  "malformed reply: no reply code in \"hello there\"");
    QTest::newRow("Mixed codes in the EHLO reply end the session")
        << opportunistic << toBob
        << QByteArrayList{greeting, ehlo, "S: 250-mx.ext.test\r\n251 PIPELINING", "Done"}
        << failed("EHLO", "451 4.5.0 malformed reply from server: reply code 251 inside a multi-line 250 reply",
                  "malformed reply: reply code 251 inside a multi-line 250 reply");
    QTest::newRow("A malformed reply to RCPT keeps refusals already made")
        << opportunistic << toTwo
        << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                              << "S: 250 Ok"
                              << "C: RCPT TO:<a@ext.test>"
                              << "S: 550 5.1.1 No such user"
                              << "C: RCPT TO:<b@ext.test>"
                              << "S: 25O Ok"
                              << "Done")
        << QByteArrayList{"failed at RCPT TO", "plaintext",
                          "reply: 451 4.5.0 malformed reply from server: no reply code in \"25O Ok\"",
                          "error: malformed reply: no reply code in \"25O Ok\"", "a@ext.test: 550 5.1.1 No such user",
                          "b@ext.test: 451 4.5.0 malformed reply from server: no reply code in \"25O Ok\""};
    QTest::newRow("A 354 to MAIL is unexpected, transient, without QUIT")
        << opportunistic << toBob
        << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                              << "S: 354 Go"
                              << "Done")
        << failed("MAIL FROM", "451 4.5.0 unexpected reply to MAIL FROM: 354 Go",
                  "unexpected reply to MAIL FROM: 354 Go");
    QTest::newRow("A 250 to DATA is unexpected: nothing is sent")
        << opportunistic << toBob
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<bob@ext.test>"
                                << "C: DATA"
                                << "S: 250 Ok\r\n250 Ok\r\n250 Ok"
                                << "Done")
        << failed("DATA", "451 4.5.0 unexpected reply to DATA: 250 Ok", "unexpected reply to DATA: 250 Ok");
    QTest::newRow("A 354 after the data is unexpected")
        << opportunistic << toBob
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<bob@ext.test>"
                                << "C: DATA"
                                << "S: 250 Ok\r\n250 Ok\r\n354 Go" << body << "S: 354 Again"
                                << "Done")
        << failed("message", "451 4.5.0 unexpected reply to the end of the data: 354 Again",
                  "unexpected reply to the end of the data: 354 Again");
    QTest::newRow("A 354 to RCPT is unexpected")
        << opportunistic << toBob
        << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                              << "S: 250 Ok"
                              << "C: RCPT TO:<bob@ext.test>"
                              << "S: 354 Go"
                              << "Done")
        << failed("RCPT TO", "451 4.5.0 unexpected reply to RCPT TO: 354 Go", "unexpected reply to RCPT TO: 354 Go");

    // --- The connection lost at each stage ------------------------------
    const auto lost = [](const QByteArray &stage, const QByteArray &waitingFor, bool tls = false) {
        const QByteArray text = "connection lost while waiting for " + waitingFor + ": reset by peer";
        return failed(stage, "421 4.4.2 " + text, text, tls);
    };
    QTest::newRow("Lost before the greeting") << opportunistic << toBob << QByteArrayList{"!lost", "Done"}
                                              << lost("greeting", "the greeting");
    QTest::newRow("Lost after EHLO") << opportunistic << toBob << QByteArrayList{greeting, ehlo, "!lost", "Done"}
                                     << lost("EHLO", "the reply to EHLO");
    QTest::newRow("Lost after STARTTLS")
        << opportunistic << toBob << (opening(withTls) << "C: STARTTLS"
                                                       << "!lost"
                                                       << "Done")
        << lost("STARTTLS", "the reply to STARTTLS");
    QTest::newRow("Lost during the handshake")
        << opportunistic << toBob << (opening(withTls) << "C: STARTTLS"
                                                       << "S: 220 Go"
                                                       << "StartTls"
                                                       << "!lost"
                                                       << "Done")
        << lost("STARTTLS", "the TLS handshake");
    QTest::newRow("Lost after AUTH")
        << withAuth(required) << toBob
        << (tlsOpening() << "C: AUTH PLAIN AGlAZXhhbXBsZS50ZXN0AHMzY3JldC1wYXNz"
                         << "!lost"
                         << "Done")
        << lost("AUTH", "the reply to AUTH", true);
    QTest::newRow("Lost after MAIL")
        << opportunistic << toBob
        << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                              << "!lost"
                              << "Done")
        << lost("MAIL FROM", "the reply to MAIL FROM");
    QTest::newRow("Lost in a pipelined batch after MAIL was accepted")
        << opportunistic << toTwo
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<a@ext.test>"
                                << "C: RCPT TO:<b@ext.test>"
                                << "C: DATA"
                                << "S: 250 Ok\r\n550 5.1.1 No such user"
                                << "!lost"
                                << "Done")
        << QByteArrayList{"failed at RCPT TO", "plaintext",
                          "reply: 421 4.4.2 connection lost while waiting for the reply to RCPT TO: reset by peer",
                          "error: connection lost while waiting for the reply to RCPT TO: reset by peer",
                          "a@ext.test: 550 5.1.1 No such user",
                          "b@ext.test: 421 4.4.2 connection lost while waiting for the reply to RCPT TO: reset by "
                          "peer"};
    QTest::newRow("Lost after DATA")
        << opportunistic << toBob
        << (opening(lockstep) << "C: MAIL FROM:<i@example.test> SIZE=22"
                              << "S: 250 Ok"
                              << "C: RCPT TO:<bob@ext.test>"
                              << "S: 250 Ok"
                              << "C: DATA"
                              << "!lost"
                              << "Done")
        << lost("DATA", "the reply to DATA");
    QTest::newRow("Lost after the data, before the final reply")
        << opportunistic << toBob
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<bob@ext.test>"
                                << "C: DATA"
                                << "S: 250 Ok\r\n250 Ok\r\n354 Go" << body << "!lost"
                                << "Done")
        << lost("message", "the reply to the end of the data");
    QTest::newRow("A 421 to RCPT ends at once, without QUIT")
        << opportunistic << toBob
        << (opening(pipelining) << "C: MAIL FROM:<i@example.test> SIZE=22"
                                << "C: RCPT TO:<bob@ext.test>"
                                << "C: DATA"
                                << "S: 250 Ok\r\n421 4.4.5 Shutting down"
                                << "Done")
        << failed("RCPT TO", "421 4.4.5 Shutting down");
}

void TestSmtpClient::conversation()
{
    QFETCH(ClientSettings, clientSettings);
    QFETCH(Transaction, transaction);
    QFETCH(QByteArrayList, transcript);
    QFETCH(QByteArrayList, outcome);

    Harness harness(clientSettings, transaction);
    for (const QByteArray &step : inputsOf(transcript))
        harness.step(step);
    QCOMPARE(harness.transcript(), transcript);
    QVERIFY(harness.client().done());
    const QByteArrayList summary = summarize(harness.client().outcome());
    QCOMPARE(summary, outcome);

    // The password goes to the server and nowhere else.
    QVERIFY(!summary.join('\n').contains(password));
    QVERIFY(!summary.join('\n').contains(password.toBase64()));
}

// The pipelined conversation with multi-line replies, every server step cut
// in two at every byte and also fed one byte at a time: the client sends
// the same bytes and reaches the same outcome.
void TestSmtpClient::repliesSplitAtEveryByte()
{
    const ClientSettings clientSettings = withAuth(settings(TlsPolicy::Required));
    const Transaction transaction = mail({"a@ext.test", "b@ext.test"});
    const QByteArrayList script{
        "S: 220-mx.ext.test ESMTP\r\n220 Welcome",
        "S: 250-mx.ext.test\r\n250-PIPELINING\r\n250-SIZE 10000\r\n250 STARTTLS",
        "S: 220 2.0.0 Ready",
        "!tls",
        "S: 250-mx.ext.test\r\n250-PIPELINING\r\n250-AUTH LOGIN\r\n250 SIZE 10000",
        "S: 334 VXNlcm5hbWU6",
        "S: 334 UGFzc3dvcmQ6",
        "S: 235 2.7.0 Ok",
        "S: 250 2.1.0 Ok\r\n550-5.1.1 No such\r\n550 5.1.1 user\r\n250 2.1.5 Ok\r\n354 Go",
        "S: 250-2.0.0 Ok\r\n250 2.0.0 queued",
        "S: 221 2.0.0 Bye",
    };
    const QByteArrayList expected{"delivered", "tls", "reply: 250 2.0.0 Ok queued",
                                  "a@ext.test: 550 5.1.1 No such user", "b@ext.test: 250 2.0.0 Ok queued"};

    Harness whole(clientSettings, transaction);
    for (const QByteArray &step : script)
        whole.step(step);
    QCOMPARE(summarize(whole.client().outcome()), expected);
    QVERIFY(whole.client().done());

    for (qsizetype index = 0; index < script.size(); ++index) {
        const QByteArray input = script[index].mid(3) + "\r\n";
        if (!script[index].startsWith("S: "))
            continue;
        std::vector<std::vector<qsizetype>> cutsList;
        std::vector<qsizetype> everyByte;
        for (qsizetype cut = 1; cut < input.size(); ++cut) {
            cutsList.push_back({cut});
            everyByte.push_back(cut);
        }
        cutsList.push_back(everyByte);
        for (const std::vector<qsizetype> &cuts : cutsList) {
            Harness split(clientSettings, transaction);
            for (qsizetype i = 0; i < script.size(); ++i) {
                if (i != index) {
                    split.step(script[i]);
                    continue;
                }
                qsizetype start = 0;
                for (qsizetype cut : cuts) {
                    split.raw(input.mid(start, cut - start));
                    start = cut;
                }
                split.raw(input.mid(start));
            }
            const QString where = QStringLiteral("step %1 cut at %2").arg(index).arg(cuts.size() == 1 ? cuts[0] : -1);
            QVERIFY2(split.sent() == whole.sent(), qPrintable(where));
            QVERIFY2(summarize(split.client().outcome()) == expected, qPrintable(where));
            QVERIFY2(split.client().done(), qPrintable(where));
        }
    }
}

void TestSmtpClient::extensionsAreParsed()
{
    Harness harness(settings(TlsPolicy::Disabled), mail());
    harness.step(greeting);
    harness.step("S: 250-mx.ext.test greets you\r\n250-pipelining\r\n250-SIZE 35882577\r\n250-AUTH PLAIN\r\n"
                 "250-AUTH=LOGIN\r\n250-8BITMIME\r\n250 STARTTLS");
    QCOMPARE(harness.client().extensions(),
             (std::set<std::string>{"PIPELINING", "SIZE", "AUTH", "8BITMIME", "STARTTLS"}));
    QCOMPARE(bytes(harness.client().extensionParameters("size")), QByteArray("35882577"));
    QCOMPARE(bytes(harness.client().extensionParameters("AUTH")), QByteArray("PLAIN LOGIN"));
    QCOMPARE(bytes(harness.client().extensionParameters("STARTTLS")), QByteArray());
}

void TestSmtpClient::outcomeIsFinalAfterDone()
{
    Harness harness(settings(), mail());
    for (const QByteArray &step : inputsOf(opening(pipelining) << pipelinedDelivery()))
        harness.step(step);
    QVERIFY(harness.client().done());
    const QByteArrayList before = summarize(harness.client().outcome());
    QCOMPARE(before, delivered);
    // Late bytes, events and a lost connection change nothing.
    harness.client().receive("550 5.0.0 Too late\r\n");
    QVERIFY(harness.client().next() == SmtpClient::Event::Done);
    harness.client().tlsStarted();
    harness.client().tlsFailed("late");
    harness.client().connectionLost("late");
    QVERIFY(harness.client().next() == SmtpClient::Event::Done);
    QCOMPARE(bytes(harness.client().takeOutput()), QByteArray());
    QCOMPARE(summarize(harness.client().outcome()), before);
    QVERIFY(harness.client().decided());
}

QTEST_APPLESS_MAIN(TestSmtpClient)
#include "tst_smtp_client.moc"
