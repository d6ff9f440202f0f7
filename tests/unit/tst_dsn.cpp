// Delivery status notifications: what a bounce and a delay warning contain,
// that a real MIME parser (Python's email package) reads them as RFC 3464
// reports, that nothing from outside can break their lines, and the loop
// protections (never bounce a bounce; automatic messages; Received count).
#include "mail/dsn.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include "test_bytes.h"

using namespace postwr::mail;

namespace {

const char kOriginal[] = "Received: from client.example.org by mail.example.com\r\n"
                         "From: Alice <alice@example.com>\r\n"
                         "To: bob@example.net, dave@example.net\r\n"
                         "Subject: Lunch on Friday?\r\n"
                         "Message-ID: <lunch.1@example.com>\r\n"
                         "\r\n"
                         "Secret body text that must not come back.\r\n";

DsnInput bounceInput()
{
    DsnInput input;
    input.reportingMta = "mail.example.com";
    input.queueId = "0AbC123";
    input.sender = "alice@example.com";
    input.arrivalDate = 1700000000;
    input.now = 1700000600;
    input.boundarySeed = "k3J9x";
    input.originalMessage = kOriginal;
    input.recipients = {
        { "bob@example.net", "5.1.1", "failed", "smtp; 550 5.1.1 <bob@example.net>: No such user",
            "mx.example.net" },
        { "dave@example.net", "5.7.1", "failed", "smtp; 554 5.7.1 Spam refused",
            "mx2.example.net" },
    };
    return input;
}

DsnInput delayInput()
{
    DsnInput input = bounceInput();
    input.delayWarning = true;
    input.retryUntil = 1700432000;
    input.recipients = { { "bob@example.net", "4.4.1", "delayed", "", "" } };
    return input;
}

Dsn make(const DsnInput &input)
{
    const Result<Dsn> dsn = makeDsn(input);
    if (!dsn.ok())
        qFatal("makeDsn: %s", dsn.error().message.c_str());
    return *dsn;
}

// Python's email package parses the message and reports its structure as JSON.
const char kPythonScript[] = R"PY(
import email, email.policy, json, sys
message = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.compat32)
parts = message.get_payload()
report = parts[1].get_payload()
json.dump({
    "contentType": message.get_content_type(),
    "reportType": message.get_param("report-type"),
    "subject": message["Subject"],
    "autoSubmitted": message["Auto-Submitted"],
    "parts": [part.get_content_type() for part in parts],
    "text": parts[0].get_payload(),
    "perMessage": dict(report[0].items()),
    "recipients": [dict(block.items()) for block in report[1:]],
    "headers": parts[2].get_payload(),
    "defects": [str(d) for d in message.defects] + [str(d) for p in parts for d in p.defects],
}, sys.stdout)
)PY";

QJsonObject parseWithPython(const std::string &message)
{
    const QString python = "/usr/bin/python3";
    if (!QFile::exists(python))
        qFatal("python3 is missing: apt-get install python3");
    QProcess process;
    process.start(python, { "-c", kPythonScript });
    if (!process.waitForStarted())
        qFatal("cannot start python3: apt-get install python3");
    process.write(bytes(message));
    process.closeWriteChannel();
    process.waitForFinished(30000);
    const QByteArray output = process.readAllStandardOutput();
    if (process.exitCode() != 0)
        qWarning("python3: %s", process.readAllStandardError().constData());
    return QJsonDocument::fromJson(output).object();
}

} // namespace

class TestDsn : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void pythonReadsABounce();
    void pythonReadsADelayWarning();
    void envelopeAndHeaders();
    void onlyTheOriginalHeadersComeBack();
    void linesStayValid_data();
    void linesStayValid();
    void boundaryAvoidsTheContent();
    void utf8AddressesUseGlobalTypes();
    void refuses_data();
    void refuses();
    void isAutomatedMessage_data();
    void isAutomatedMessage();
    void countReceivedHeaders_data();
    void countReceivedHeaders();
};

void TestDsn::initTestCase()
{
    if (!QFile::exists("/usr/bin/python3"))
        QFAIL("python3 is needed to check DSNs with a real MIME parser: apt-get install python3");
}

void TestDsn::pythonReadsABounce()
{
    const QJsonObject parsed = parseWithPython(make(bounceInput()).message);
    QVERIFY2(!parsed.isEmpty(), "python3 could not parse the DSN");
    QCOMPARE(parsed["defects"].toArray().size(), 0);
    QCOMPARE(parsed["contentType"].toString(), QString("multipart/report"));
    QCOMPARE(parsed["reportType"].toString(), QString("delivery-status"));
    QCOMPARE(parsed["subject"].toString(), QString("Undelivered Mail Returned to Sender"));
    QCOMPARE(parsed["autoSubmitted"].toString(), QString("auto-replied"));
    QCOMPARE(parsed["parts"].toArray().toVariantList(),
        (QVariantList { "text/plain", "message/delivery-status", "text/rfc822-headers" }));

    const QJsonObject perMessage = parsed["perMessage"].toObject();
    QCOMPARE(perMessage["Reporting-MTA"].toString(), QString("dns; mail.example.com"));
    QCOMPARE(perMessage["Arrival-Date"].toString(), QString("Tue, 14 Nov 2023 22:13:20 +0000"));
    QCOMPARE(perMessage["X-Postwr-Queue-ID"].toString(), QString("0AbC123"));

    const QJsonArray recipients = parsed["recipients"].toArray();
    QCOMPARE(recipients.size(), 2);
    const QJsonObject bob = recipients[0].toObject();
    QCOMPARE(bob["Final-Recipient"].toString(), QString("rfc822; bob@example.net"));
    QCOMPARE(bob["Action"].toString(), QString("failed"));
    QCOMPARE(bob["Status"].toString(), QString("5.1.1"));
    QCOMPARE(bob["Remote-MTA"].toString(), QString("dns; mx.example.net"));
    QCOMPARE(bob["Diagnostic-Code"].toString(),
        QString("smtp; 550 5.1.1 <bob@example.net>: No such user"));
    QCOMPARE(recipients[1].toObject()["Status"].toString(), QString("5.7.1"));

    const QString text = parsed["text"].toString().simplified(); // unwrapped
    QVERIFY(text.contains("could not be delivered"));
    QVERIFY(text.contains(
        "the server mx.example.net answered: 550 5.1.1 <bob@example.net>: No such user"));
    QVERIFY(text.contains("Check it for typing mistakes"));
    QVERIFY(text.contains("spam filtering"));
    QVERIFY(parsed["headers"].toString().contains("Subject: Lunch on Friday?"));
}

void TestDsn::pythonReadsADelayWarning()
{
    const QJsonObject parsed = parseWithPython(make(delayInput()).message);
    QVERIFY2(!parsed.isEmpty(), "python3 could not parse the DSN");
    QCOMPARE(parsed["defects"].toArray().size(), 0);
    QCOMPARE(parsed["subject"].toString(), QString("Delayed Mail (still being retried)"));
    QCOMPARE(parsed["parts"].toArray().size(), 3);
    const QJsonObject bob = parsed["recipients"].toArray()[0].toObject();
    QCOMPARE(bob["Action"].toString(), QString("delayed"));
    QCOMPARE(bob["Status"].toString(), QString("4.4.1"));
    QCOMPARE(bob["Will-Retry-Until"].toString(), QString("Sun, 19 Nov 2023 22:13:20 +0000"));
    QVERIFY(!bob.contains("Remote-MTA"));
    QVERIFY(!bob.contains("Diagnostic-Code"));
    const QString text = parsed["text"].toString().simplified(); // unwrapped
    QVERIFY(text.contains("you do not need to send the message again"));
    QVERIFY(text.contains("Sun, 19 Nov 2023"));
}

void TestDsn::envelopeAndHeaders()
{
    const Dsn dsn = make(bounceInput());
    QCOMPARE(dsn.from, std::string()); // the null sender: RFC 5321 §4.5.5
    QCOMPARE(dsn.to, std::string("alice@example.com"));
    const QByteArray message = bytes(dsn.message);
    QVERIFY(message.startsWith("From: Mail Delivery System <MAILER-DAEMON@mail.example.com>\r\n"));
    QVERIFY(message.contains("\r\nTo: <alice@example.com>\r\n"));
    QVERIFY(message.contains("\r\nDate: Tue, 14 Nov 2023 22:23:20 +0000\r\n"));
    QVERIFY(message.contains("\r\nMessage-ID: <1700000600.0AbC123.k3J9x@mail.example.com>\r\n"));
    QVERIFY(message.contains("\r\nMIME-Version: 1.0\r\n"));
    // Our own output counts as automatic, so no robot answers it.
    QVERIFY(postwr::mail::isAutomatedMessage(dsn.message));
}

void TestDsn::onlyTheOriginalHeadersComeBack()
{
    const QByteArray message = bytes(make(bounceInput()).message);
    QVERIFY(message.contains("Message-ID: <lunch.1@example.com>\r\n"));
    QVERIFY(!message.contains("Secret body text"));
}

void TestDsn::linesStayValid_data()
{
    QTest::addColumn<QByteArray>("diagnostic");
    QTest::addColumn<QByteArray>("originalMessage");
    QTest::addColumn<QByteArray>("mustNotAppear");

    QTest::newRow("a long diagnostic is folded")
        << QByteArray("smtp; 550 5.1.1 " + QByteArray("because ").repeated(200))
        << QByteArray(kOriginal) << QByteArray();
    QTest::newRow("a diagnostic without spaces is split")
        << QByteArray("smtp; 550 " + QByteArray(3000, 'x')) << QByteArray(kOriginal)
        << QByteArray();
    QTest::newRow("a multi-line reply cannot inject a field")
        << QByteArray("smtp; 550-5.1.1 first\r\nX-Injected: yes\r\n550 5.1.1 last")
        << QByteArray(kOriginal) << QByteArray("\r\nX-Injected");
    QTest::newRow("a bare LF cannot inject a part")
        << QByteArray("smtp; 550 oops\n--=_postwr_k3J9x_0AbC123\nContent-Type: text/html")
        << QByteArray(kOriginal)
        << QByteArray("\n--=_postwr_k3J9x_0AbC123\nContent-Type: text/html");
    QTest::newRow("an over-long original header line is cut")
        << QByteArray("smtp; 550 no")
        << QByteArray("Subject: " + QByteArray(5000, 'y') + "\r\n\r\nbody\r\n") << QByteArray();
    QTest::newRow("an original without a body")
        << QByteArray("smtp; 550 no") << QByteArray("Subject: hi\r\nFrom: a@example.com\r\n")
        << QByteArray();
    QTest::newRow("an empty original") << QByteArray("") << QByteArray() << QByteArray();
    QTest::newRow("a local error without a type")
        << QByteArray("connection refused") << QByteArray(kOriginal) << QByteArray();
}

void TestDsn::linesStayValid()
{
    QFETCH(QByteArray, diagnostic);
    QFETCH(QByteArray, originalMessage);
    QFETCH(QByteArray, mustNotAppear);
    DsnInput input = bounceInput();
    input.recipients[0].diagnostic = diagnostic.toStdString();
    input.originalMessage = originalMessage.toStdString();
    const QByteArray message = bytes(make(input).message);

    QVERIFY(message.endsWith("--\r\n"));
    const QList<QByteArray> lines = message.chopped(1).split('\n');
    for (const QByteArray &line : lines) {
        QVERIFY2(line.endsWith('\r'), line.left(80).constData());
        QVERIFY2(line.size() - 1 <= 998, line.left(80).constData());
        QVERIFY2(!line.chopped(1).contains('\r'), line.left(80).constData());
    }
    if (!mustNotAppear.isEmpty())
        QVERIFY(!message.contains(mustNotAppear));

    const QJsonObject parsed = parseWithPython(make(input).message);
    QCOMPARE(parsed["parts"].toArray().size(), 3);
    QCOMPARE(parsed["defects"].toArray().size(), 0);
    const QJsonObject bob = parsed["recipients"].toArray()[0].toObject();
    QCOMPARE(bob["Status"].toString(), QString("5.1.1"));
    QVERIFY(!bob.contains("X-Injected"));
    if (diagnostic.isEmpty())
        QVERIFY(!bob.contains("Diagnostic-Code"));
    else if (!diagnostic.startsWith("smtp;"))
        QCOMPARE(bob["Diagnostic-Code"].toString(), QString("X-Postwr; " + diagnostic));
    else
        QVERIFY(bob["Diagnostic-Code"].toString().startsWith("smtp; 550"));
}

void TestDsn::boundaryAvoidsTheContent()
{
    DsnInput input = bounceInput();
    const std::string plain = make(input).message;
    QVERIFY(plain.find("boundary=\"=_postwr_k3J9x_0AbC123\"") != std::string::npos);

    input.originalMessage = "Subject: x\r\nX-Trap: --=_postwr_k3J9x_0AbC123\r\n\r\n";
    const std::string message = make(input).message;
    QVERIFY(message.find("boundary=\"=_postwr_k3J9x_0AbC123_\"") != std::string::npos);
    const QJsonObject parsed = parseWithPython(message);
    QCOMPARE(parsed["parts"].toArray().size(), 3);
    QVERIFY(parsed["headers"].toString().contains("X-Trap"));
}

void TestDsn::utf8AddressesUseGlobalTypes()
{
    DsnInput input = bounceInput();
    input.recipients[0].recipient = "j\xc3\xb6rg@example.net";
    const Dsn dsn = make(input);
    const QByteArray message = bytes(dsn.message);
    QVERIFY(message.contains("Content-Type: message/global-delivery-status\r\n"));
    QVERIFY(message.contains("Content-Type: message/global-headers\r\n"));
    QVERIFY(message.contains("Final-Recipient: utf-8; j\xc3\xb6rg@example.net\r\n"));
    QVERIFY(message.contains("Final-Recipient: rfc822; dave@example.net\r\n"));
    QVERIFY(message.contains("Content-Transfer-Encoding: 8bit\r\n"));
}

void TestDsn::refuses_data()
{
    QTest::addColumn<QByteArray>("sender");
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QByteArray>("action");
    QTest::addColumn<bool>("noRecipients");
    QTest::addColumn<QByteArray>("message");

    QTest::newRow("a bounce is never bounced")
        << QByteArray("") << QByteArray("5.1.1") << QByteArray("failed") << false
        << QByteArray("never bounced");
    QTest::newRow("nothing to report")
        << QByteArray("a@example.com") << QByteArray("5.1.1") << QByteArray("failed") << true
        << QByteArray("no recipients");
    QTest::newRow("a status that is not RFC 3463")
        << QByteArray("a@example.com") << QByteArray("550") << QByteArray("failed") << false
        << QByteArray("invalid status");
    QTest::newRow("a status of class 3")
        << QByteArray("a@example.com") << QByteArray("3.1.1") << QByteArray("failed") << false
        << QByteArray("invalid status");
    QTest::newRow("a status with a long detail")
        << QByteArray("a@example.com") << QByteArray("5.1.1000") << QByteArray("failed") << false
        << QByteArray("invalid status");
    QTest::newRow("an unknown action")
        << QByteArray("a@example.com") << QByteArray("5.1.1") << QByteArray("bounced") << false
        << QByteArray("invalid action");
}

void TestDsn::refuses()
{
    QFETCH(QByteArray, sender);
    QFETCH(QByteArray, status);
    QFETCH(QByteArray, action);
    QFETCH(bool, noRecipients);
    QFETCH(QByteArray, message);
    DsnInput input = bounceInput();
    input.sender = sender.toStdString();
    input.recipients[1].status = status.toStdString();
    input.recipients[1].action = action.toStdString();
    if (noRecipients)
        input.recipients.clear();
    const Result<Dsn> dsn = makeDsn(input);
    QVERIFY(!dsn.ok());
    QVERIFY2(bytes(dsn.error().message).contains(message), dsn.error().message.c_str());
}

void TestDsn::isAutomatedMessage_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<bool>("expected");

    QTest::newRow("a person's message")
        << QByteArray("From: a@example.com\r\nSubject: hi\r\n\r\nbody\r\n") << false;
    QTest::newRow("Auto-Submitted: no is a person")
        << QByteArray("Auto-Submitted: no\r\n\r\n") << false;
    QTest::newRow("Auto-Submitted: No (comment)")
        << QByteArray("Auto-Submitted: No (typed by hand)\r\n\r\n") << false;
    QTest::newRow("an auto-reply") << QByteArray("Auto-Submitted: auto-replied\r\n\r\n") << true;
    QTest::newRow("an auto-generated message with parameters")
        << QByteArray("auto-submitted: auto-generated; owner-email=\"x@example.com\"\r\n\r\n")
        << true;
    QTest::newRow("a DSN by its content type") << QByteArray(
        "Content-Type: multipart/report;\r\n report-type=delivery-status; boundary=x\r\n\r\n")
                                               << true;
    QTest::newRow("an MDN by its content type") << QByteArray(
        "Content-Type: Multipart/Report; report-type=disposition-notification\r\n\r\n")
                                                << true;
    QTest::newRow("a field in the body does not count")
        << QByteArray("Subject: hi\r\n\r\nAuto-Submitted: auto-replied\r\n") << false;
    QTest::newRow("an ordinary multipart")
        << QByteArray("Content-Type: multipart/mixed; boundary=x\r\n\r\n") << false;
}

void TestDsn::isAutomatedMessage()
{
    QFETCH(QByteArray, message);
    QFETCH(bool, expected);
    QCOMPARE(postwr::mail::isAutomatedMessage(message.toStdString()), expected);
}

void TestDsn::countReceivedHeaders_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<int>("expected");

    QTest::newRow("none") << QByteArray("Subject: hi\r\n\r\nbody\r\n") << 0;
    QTest::newRow("two, one folded") << QByteArray(
        "Received: from a by b;\r\n\tMon, 1 Jan 2024 00:00:00 +0000\r\nreceived: from c\r\n\r\n")
                                     << 2;
    QTest::newRow("fields in the body do not count")
        << QByteArray("Received: from a\r\n\r\nReceived: from b\r\n") << 1;
    QTest::newRow("fifty: a loop") << QByteArray("Received: from x\r\n").repeated(50)
            + "\r\nbody\r\n" << 50;
}

void TestDsn::countReceivedHeaders()
{
    QFETCH(QByteArray, message);
    QFETCH(int, expected);
    QCOMPARE(postwr::mail::countReceivedHeaders(message.toStdString()),
        static_cast<std::size_t>(expected));
}

QTEST_GUILESS_MAIN(TestDsn)
#include "tst_dsn.moc"
