// ReplyParser and Reply: what the SMTP client reads from a server. Each row
// is fed whole, one byte at a time, and split in two at every byte, and must
// give the same replies every time: the network cuts replies anywhere.
//
// A reply is summarized as "code enhanced [line][line]" ("-" when there is no
// enhanced status code), an error as "error: message".
#include "mail/smtp_reply.h"

#include <QTest>

#include "test_bytes.h"
#include <string>
#include <string_view>

using namespace postwr::mail;

namespace {

QByteArray summarize(const Reply &reply)
{
    QByteArray out = QByteArray::number(reply.code) + ' ' + (reply.enhanced.empty() ? "-" : bytes(reply.enhanced)) + ' ';
    for (const std::string &line : reply.lines)
        out += '[' + bytes(line) + ']';
    return out;
}

void drain(ReplyParser &parser, QByteArrayList &out)
{
    while (std::optional<Result<Reply>> reply = parser.next())
        out << (*reply ? summarize(reply->value()) : "error: " + bytes(reply->error().message));
}

QByteArrayList parseInChunks(const QByteArray &input, const std::vector<qsizetype> &cuts)
{
    ReplyParser parser;
    QByteArrayList out;
    qsizetype start = 0;
    for (qsizetype cut : cuts) {
        parser.receive(view(input.mid(start, cut - start)));
        drain(parser, out);
        start = cut;
    }
    parser.receive(view(input.mid(start)));
    drain(parser, out);
    return out;
}

} // namespace

class TestSmtpReply : public QObject {
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void classification_data();
    void classification();
    void text();
    void clearForgetsPartialReplies();
};

void TestSmtpReply::parse_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArrayList>("expected");

    const QByteArray longText(1996, 'a'); // "250 " + 1996 = 2000 octets
    QByteArray manyLines; // as many as a reply may have, less the last one
    QByteArray manyTexts = "250 - ";
    for (std::size_t i = 1; i < ReplyParser::maxLines; ++i) {
        manyLines += "250-x\r\n";
        manyTexts += "[x]";
    }

    QTest::newRow("A one-line reply gives its code and text")
        << QByteArray("250 ok\r\n") << QByteArrayList{"250 - [ok]"};
    QTest::newRow("An enhanced status code is taken out of the text")
        << QByteArray("550 5.1.1 User unknown\r\n") << QByteArrayList{"550 5.1.1 [User unknown]"};
    QTest::newRow("A multi-line reply keeps each line")
        << QByteArray("250-mx.example.test\r\n250-PIPELINING\r\n250 SIZE 1000\r\n")
        << QByteArrayList{"250 - [mx.example.test][PIPELINING][SIZE 1000]"};
    QTest::newRow("The enhanced code repeated on each line is taken out of each")
        << QByteArray("550-5.7.1 Refused by policy,\r\n550 5.7.1 see the web site\r\n")
        << QByteArrayList{"550 5.7.1 [Refused by policy,][see the web site]"};
    QTest::newRow("An enhanced code of another class than the reply stays text")
        << QByteArray("550 4.1.1 odd\r\n") << QByteArrayList{"550 - [4.1.1 odd]"};
    QTest::newRow("An enhanced code with a four-digit part stays text")
        << QByteArray("250 2.1234.0 odd\r\n") << QByteArrayList{"250 - [2.1234.0 odd]"};
    QTest::newRow("An enhanced code glued to the text stays text")
        << QByteArray("250 2.0.0ok\r\n") << QByteArrayList{"250 - [2.0.0ok]"};
    QTest::newRow("An enhanced code alone is taken out")
        << QByteArray("250 2.0.0\r\n") << QByteArrayList{"250 2.0.0 []"};
    QTest::newRow("A code alone is a reply") << QByteArray("250\r\n") << QByteArrayList{"250 - []"};
    QTest::newRow("A continuation line may be empty")
        << QByteArray("220-\r\n220 ready\r\n") << QByteArrayList{"220 - [][ready]"};
    QTest::newRow("A lone LF ends a line") << QByteArray("250 ok\n221 bye\n")
                                           << QByteArrayList{"250 - [ok]", "221 - [bye]"};
    QTest::newRow("Two replies in one chunk are two replies")
        << QByteArray("250 2.1.0 Ok\r\n354 End data\r\n")
        << QByteArrayList{"250 2.1.0 [Ok]", "354 - [End data]"};
    QTest::newRow("Nothing before the CRLF is no reply yet") << QByteArray("250 ok") << QByteArrayList{};
    QTest::newRow("A line of 2000 octets is accepted")
        << "250 " + longText + "\r\n" << QByteArrayList{"250 - [" + longText + "]"};
    QTest::newRow("256 lines are accepted")
        << manyLines + "250 x\r\n" << QByteArrayList{manyTexts + "[x]"};
    QTest::newRow("UTF-8 text is kept") << QByteArray("550 5.1.1 Dim defnyddiwr \xc3\xa2\r\n")
                                        << QByteArrayList{"550 5.1.1 [Dim defnyddiwr \xc3\xa2]"};

    QTest::newRow("A line without a code is an error")
        << QByteArray("hello\r\n250 ok\r\n")
        << QByteArrayList{"error: no reply code in \"hello\"", "250 - [ok]"};
    QTest::newRow("A two-digit code is an error")
        << QByteArray("25 ok\r\n") << QByteArrayList{"error: no reply code in \"25 ok\""};
    QTest::newRow("A 1yz code is an error") << QByteArray("150 ok\r\n")
                                            << QByteArrayList{"error: no reply code in \"150 ok\""};
    QTest::newRow("A 6yz code is an error") << QByteArray("600 ok\r\n")
                                            << QByteArrayList{"error: no reply code in \"600 ok\""};
    QTest::newRow("A second digit above 5 is an error")
        << QByteArray("260 ok\r\n") << QByteArrayList{"error: no reply code in \"260 ok\""};
    QTest::newRow("Text glued to the code is an error")
        << QByteArray("250ok\r\n") << QByteArrayList{"error: no reply code in \"250ok\""};
    QTest::newRow("An empty line is an error") << QByteArray("\r\n")
                                               << QByteArrayList{"error: no reply code in \"\""};
    QTest::newRow("Mixed codes in one multi-line reply are an error")
        << QByteArray("250-first\r\n251 second\r\n250 ok\r\n")
        << QByteArrayList{"error: reply code 251 inside a multi-line 250 reply", "250 - [ok]"};
    QTest::newRow("A bare CR inside a line is an error")
        << QByteArray("550 no\rSubject: forged\r\n")
        << QByteArrayList{"error: bare CR or NUL in reply line \"550 no?Subject: forged\""};
    QTest::newRow("A NUL inside a line is an error")
        << QByteArray("550 no\0x\r\n", 10) << QByteArrayList{"error: bare CR or NUL in reply line \"550 no?x\""};
    QTest::newRow("A line of 2001 octets is an error, and the next reply is read")
        << "250 " + longText + "a\r\n250 ok\r\n"
        << QByteArrayList{"error: reply line longer than 2000 octets: \"250 " + QByteArray(56, 'a') + "...\"",
                          "250 - [ok]"};
    QTest::newRow("An endless line is an error once")
        << "250 " + longText + longText + longText
        << QByteArrayList{"error: reply line longer than 2000 octets: \"250 " + QByteArray(56, 'a') + "...\""};
    QTest::newRow("257 lines are an error")
        << manyLines + "250-x\r\n250-x\r\n250 x\r\n"
        << QByteArrayList{"error: reply longer than 256 lines", "250 - [x]"};
}

void TestSmtpReply::parse()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArrayList, expected);

    QCOMPARE(parseInChunks(input, {}), expected);

    std::vector<qsizetype> everyByte;
    for (qsizetype i = 1; i < input.size(); ++i)
        everyByte.push_back(i);
    QCOMPARE(parseInChunks(input, everyByte), expected);

    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        const QByteArrayList split = parseInChunks(input, {cut});
        QVERIFY2(split == expected, qPrintable(QStringLiteral("split at %1: %2").arg(cut).arg(
                                        QString::fromUtf8(split.join(" | ")))));
    }
}

void TestSmtpReply::classification_data()
{
    QTest::addColumn<int>("code");
    QTest::addColumn<QByteArray>("kind");

    QTest::newRow("220 is positive") << 220 << QByteArray("positive");
    QTest::newRow("250 is positive") << 250 << QByteArray("positive");
    QTest::newRow("334 is intermediate") << 334 << QByteArray("intermediate");
    QTest::newRow("354 is intermediate") << 354 << QByteArray("intermediate");
    QTest::newRow("421 is transient") << 421 << QByteArray("transient");
    QTest::newRow("452 is transient") << 452 << QByteArray("transient");
    QTest::newRow("535 is permanent") << 535 << QByteArray("permanent");
    QTest::newRow("554 is permanent") << 554 << QByteArray("permanent");
    QTest::newRow("No reply at all is nothing") << 0 << QByteArray("none");
}

void TestSmtpReply::classification()
{
    QFETCH(int, code);
    QFETCH(QByteArray, kind);
    Reply reply;
    reply.code = code;
    QByteArrayList kinds;
    if (reply.positive())
        kinds << "positive";
    if (reply.intermediate())
        kinds << "intermediate";
    if (reply.transient())
        kinds << "transient";
    if (reply.permanent())
        kinds << "permanent";
    QCOMPARE(kinds.join(','), kind == "none" ? QByteArray() : kind);
}

void TestSmtpReply::text()
{
    ReplyParser parser;
    parser.receive("550-5.1.1 The email account that you tried to reach does not exist.\r\n"
                   "550-5.1.1\r\n"
                   "550 5.1.1 Please check the address.\r\n");
    const std::optional<Result<Reply>> reply = parser.next();
    QVERIFY(reply && *reply);
    QCOMPARE(bytes(reply->value().text()),
             QByteArray("The email account that you tried to reach does not exist. Please check the address."));
    QCOMPARE(bytes(reply->value().toString()),
             QByteArray("550 5.1.1 The email account that you tried to reach does not exist. "
                        "Please check the address."));

    QCOMPARE(bytes(Reply::synthetic(421, "4.4.2", "connection lost").toString()),
             QByteArray("421 4.4.2 connection lost"));
    QCOMPARE(bytes(Reply::synthetic(250, "", "ok").toString()), QByteArray("250 ok"));
    QCOMPARE(bytes(Reply::synthetic(250, "", "").toString()), QByteArray("250"));
}

void TestSmtpReply::clearForgetsPartialReplies()
{
    ReplyParser parser;
    parser.receive("250-first line\r\n250 sec");
    QVERIFY(!parser.next());
    QVERIFY(parser.hasPendingInput());
    parser.clear();
    QVERIFY(!parser.hasPendingInput());
    parser.receive("220 fresh\r\n");
    const std::optional<Result<Reply>> reply = parser.next();
    QVERIFY(reply && *reply);
    QCOMPARE(summarize(reply->value()), QByteArray("220 - [fresh]"));
}

QTEST_APPLESS_MAIN(TestSmtpReply)
#include "tst_smtp_reply.moc"
