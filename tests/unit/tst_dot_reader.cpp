// DotReader: where an SMTP DATA section ends, what it contains, and what it
// refuses. The rows that matter most are the SMTP smuggling ones: any end
// marker other than CRLF "." CRLF must not end the message, or a second,
// forged message hidden inside the first would be read as commands.
#include "mail/dot_reader.h"

#include <QTest>

#include "test_bytes.h"
#include <string>
#include <string_view>

using namespace postwr::mail;

Q_DECLARE_METATYPE(DotReader::Problem)

namespace {

const char *problemName(DotReader::Problem problem)
{
    switch (problem) {
    case DotReader::Problem::None:
        return "None";
    case DotReader::Problem::BareLineFeed:
        return "BareLineFeed";
    case DotReader::Problem::BareCarriageReturn:
        return "BareCarriageReturn";
    case DotReader::Problem::LineTooLong:
        return "LineTooLong";
    case DotReader::Problem::MessageTooBig:
        return "MessageTooBig";
    }
    return "?";
}

// What a reader made of some input, to compare one way of feeding it with another.
struct Outcome {
    bool finished = false;
    DotReader::Problem problem = DotReader::Problem::None;
    QByteArray message;
    qsizetype consumed = 0;
    std::uint64_t size = 0;

    bool operator==(const Outcome &) const = default;

    QByteArray describe() const
    {
        return "finished=" + QByteArray(finished ? "yes" : "no")
            + " problem=" + problemName(problem) + " consumed=" + QByteArray::number(consumed)
            + " size=" + QByteArray::number(size) + " message=" + message.toPercentEncoding(" ");
    }
};

// Feeds `input` in the given pieces, as the network might deliver it; stops
// feeding once the reader is finished, as SmtpServer does.
Outcome readInPieces(const QByteArray &input, const QList<qsizetype> &cuts, std::uint64_t maxSize)
{
    DotReader reader(maxSize);
    Outcome outcome;
    qsizetype start = 0;
    QList<qsizetype> ends = cuts;
    ends.append(input.size());
    for (const qsizetype end : ends) {
        const QByteArray piece = input.mid(start, end - start);
        const std::size_t used = reader.feed(view(piece));
        outcome.consumed += static_cast<qsizetype>(used);
        if (reader.finished())
            break;
        // Until the end marker, every byte is consumed.
        if (used != static_cast<std::size_t>(piece.size()))
            return {};
        start = end;
    }
    outcome.finished = reader.finished();
    outcome.problem = reader.problem();
    outcome.size = reader.size();
    outcome.message = bytes(reader.takeMessage());
    return outcome;
}

// The text of a long line: `length` letters.
QByteArray line(qsizetype length)
{
    return QByteArray(length, 'a');
}

// A forged second transaction, as smuggled after a fake end marker.
const QByteArray smuggled = "MAIL FROM:<admin@example.test>\r\n"
                            "RCPT TO:<victim@example.test>\r\n"
                            "DATA\r\n"
                            "From: admin@example.test\r\n"
                            "\r\n"
                            "forged\r\n";

} // namespace

class TestDotReader : public QObject {
    Q_OBJECT

private slots:
    void read_data();
    void read();
    void splitInTwoAtEveryByte_data() { read_data(); }
    void splitInTwoAtEveryByte();
    void byteByByte_data() { read_data(); }
    void byteByByte();
    void nothingIsConsumedAfterTheEnd();
    void aRefusedMessageKeepsNoContent();
};

void TestDotReader::read_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<qulonglong>("maxSize");
    QTest::addColumn<bool>("finished");
    QTest::addColumn<DotReader::Problem>("problem");
    QTest::addColumn<QByteArray>("message");
    // How many bytes feed() takes; the rest belongs to the next command.
    QTest::addColumn<qsizetype>("consumed");

    using P = DotReader::Problem;
    const qulonglong big = 1 << 20;
    const qsizetype all = -1; // every byte of the input
    const auto row = [all](const char *name, const QByteArray &input, qulonglong maxSize,
                         bool finished, P problem, const QByteArray &message, qsizetype consumed) {
        QTest::newRow(name) << input << maxSize << finished << problem << message
                            << (consumed == all ? input.size() : consumed);
    };

    // The end marker and dot-unstuffing (RFC 5321 §4.1.1.4, §4.5.2).
    row("the end marker alone is an empty message", ".\r\n", big, true, P::None, "", 3);
    row("one line ends with CRLF . CRLF", "Hello\r\n.\r\n", big, true, P::None, "Hello\r\n", 10);
    row("an empty line before the end marker is kept", "\r\n.\r\n", big, true, P::None, "\r\n", 5);
    row("a header, an empty line and a body are kept as they are",
        "Subject: hi\r\n\r\nbody\r\n.\r\n", big, true, P::None, "Subject: hi\r\n\r\nbody\r\n", 24);
    row("a stuffed dot at a line start is removed", "..hidden\r\n.\r\n", big, true, P::None,
        ".hidden\r\n", 13);
    row("a line of two dots is a line of one dot", "..\r\n.\r\n", big, true, P::None, ".\r\n", 7);
    row("a line of three dots is a line of two dots", "...\r\n.\r\n", big, true, P::None, "..\r\n",
        8);
    row("a dot inside a line is kept", "a.b\r\n.c\r\n.\r\n", big, true, P::None, "a.b\r\nc\r\n",
        12);
    row("bytes after the end marker are not consumed", "a\r\n.\r\nQUIT\r\n", big, true, P::None,
        "a\r\n", 6);
    row("a second end marker after the first is not consumed", "a\r\n.\r\n.\r\n", big, true,
        P::None, "a\r\n", 6);
    row("8-bit bytes and NUL are data", QByteArray("\xC3\xA9\0x\r\n.\r\n", 9), big, true, P::None,
        QByteArray("\xC3\xA9\0x\r\n", 6), 9);

    // Not the end yet.
    row("without the end marker the message is not finished", "Hello\r\n", big, false, P::None,
        "Hello\r\n", 7);
    row("CRLF . without its CRLF is not the end yet", "Hello\r\n.", big, false, P::None,
        "Hello\r\n", 8);
    row("CRLF . CR without LF is not the end yet", "Hello\r\n.\r", big, false, P::None, "Hello\r\n",
        9);
    row("a line without CRLF is not the end", "Hello", big, false, P::None, "Hello", 5);

    // SMTP smuggling (CVE-2023-51764/5/6): only CRLF . CRLF ends the data.
    // Every other combination is flagged and the reader goes on to the real
    // end, so a smuggled transaction is never read as commands.
    row("LF . CRLF is not the end and the smuggled commands stay data",
        "Subject: a\r\n\r\nbody\n.\r\n" + smuggled + ".\r\n", big, true, P::BareLineFeed, "", all);
    row("LF . LF is not the end", "body\n.\n" + smuggled + ".\r\n", big, true, P::BareLineFeed, "",
        all);
    row("CRLF . LF is not the end", "body\r\n.\n" + smuggled + ".\r\n", big, true, P::BareLineFeed,
        "", all);
    row("CR . CR is not the end", "body\r.\r" + smuggled + ".\r\n", big, true,
        P::BareCarriageReturn, "", all);
    row("CR . CRLF is not the end", "body\r.\r\n" + smuggled + ".\r\n", big, true,
        P::BareCarriageReturn, "", all);
    row("CRLF . CR followed by text is not the end", "body\r\n.\r" + smuggled + ".\r\n", big, true,
        P::BareCarriageReturn, "", all);
    row("LF . CR is not the end", "body\n.\r" + smuggled + ".\r\n", big, true, P::BareLineFeed, "",
        all);
    row("CRLF . CR CRLF is not the end", "body\r\n.\r\r\n" + smuggled + ".\r\n", big, true,
        P::BareCarriageReturn, "", all);
    row("a dot line ending in a bare CR at the start is not the end", ".\r" + smuggled + ".\r\n",
        big, true, P::BareCarriageReturn, "", all);
    row("a bare LF at the very start makes the next CRLF . CRLF a line", "\n.\r\n.\r\n", big, true,
        P::BareLineFeed, "", 7);
    row("data ended only by LF . LF never finishes", "body\n.\n", big, false, P::BareLineFeed, "",
        7);
    row("data ended only by CR . CR never finishes", "body\r.\r", big, false, P::BareCarriageReturn,
        "", 7);
    row("a bare LF inside a line is refused", "a\nb\r\n.\r\n", big, true, P::BareLineFeed, "", 8);
    row("a bare CR inside a line is refused", "a\rb\r\n.\r\n", big, true, P::BareCarriageReturn, "",
        8);
    row("CR CR LF is a bare CR", "a\r\r\n.\r\n", big, true, P::BareCarriageReturn, "", 7);
    row("the first problem is the one reported", "a\rb\nc\r\n.\r\n", big, true,
        P::BareCarriageReturn, "", 10);

    // Line length (RFC 5321 §4.5.3.1.6: 1000 octets with CRLF, not counting
    // the stuffed dot).
    row("a line of 998 octets is accepted", line(998) + "\r\n.\r\n", big, true, P::None,
        line(998) + "\r\n", 998 + 5);
    row("a line of 999 octets is refused", line(999) + "\r\n.\r\n", big, true, P::LineTooLong, "",
        999 + 5);
    row("a stuffed line of 998 octets after unstuffing is accepted", "." + line(998) + "\r\n.\r\n",
        big, true, P::None, line(998) + "\r\n", 999 + 5);
    row("a long line is read to the real end and what follows is not consumed",
        line(3000) + "\r\nmore\r\n.\r\nNOOP\r\n", big, true, P::LineTooLong, "", 3000 + 2 + 6 + 3);

    // Message size: the unstuffed message with its CRLFs, without the end marker.
    row("a message exactly at the size limit is accepted", "abc\r\n.\r\n", 5, true, P::None,
        "abc\r\n", 8);
    row("a message one byte over the size limit is refused", "abcd\r\n.\r\n", 5, true,
        P::MessageTooBig, "", 9);
    row("a message whose last CRLF goes over the limit is refused", "abcd\r\n.\r\n", 4, true,
        P::MessageTooBig, "", 9);
    row("the stuffed dot does not count towards the size", "..\r\n.\r\n", 3, true, P::None, ".\r\n",
        7);
    row("an empty message fits a zero limit", ".\r\n", 0, true, P::None, "", 3);
}

void TestDotReader::read()
{
    QFETCH(QByteArray, input);
    QFETCH(qulonglong, maxSize);
    QFETCH(bool, finished);
    QFETCH(DotReader::Problem, problem);
    QFETCH(QByteArray, message);
    QFETCH(qsizetype, consumed);

    const Outcome outcome = readInPieces(input, {}, maxSize);
    const Outcome expected { finished, problem, message, consumed,
        problem == DotReader::Problem::None ? static_cast<std::uint64_t>(message.size())
                                            : outcome.size };
    QVERIFY2(outcome == expected,
        ("got " + outcome.describe() + "\nexpected " + expected.describe()).constData());
    // A refused message's size still counts what was read, so the caller can log it.
    if (problem == DotReader::Problem::MessageTooBig)
        QVERIFY(outcome.size > maxSize);
}

// The network may cut the data anywhere, including inside the end marker
// and between a CR and its LF: the result must not depend on it.
void TestDotReader::splitInTwoAtEveryByte()
{
    QFETCH(QByteArray, input);
    QFETCH(qulonglong, maxSize);

    const Outcome whole = readInPieces(input, {}, maxSize);
    for (qsizetype cut = 0; cut <= input.size(); ++cut) {
        const Outcome split = readInPieces(input, { cut }, maxSize);
        QVERIFY2(split == whole,
            ("cut after byte " + QByteArray::number(cut) + ": got " + split.describe()
                + "\nin one chunk: " + whole.describe())
                .constData());
    }
}

void TestDotReader::byteByByte()
{
    QFETCH(QByteArray, input);
    QFETCH(qulonglong, maxSize);

    QList<qsizetype> cuts;
    for (qsizetype i = 1; i < input.size(); ++i)
        cuts.append(i);
    const Outcome whole = readInPieces(input, {}, maxSize);
    const Outcome bytewise = readInPieces(input, cuts, maxSize);
    QVERIFY2(bytewise == whole,
        ("byte by byte: " + bytewise.describe() + "\nin one chunk: " + whole.describe())
            .constData());
}

void TestDotReader::nothingIsConsumedAfterTheEnd()
{
    DotReader reader(1000);
    QCOMPARE(reader.feed("a\r\n.\r\nRSET\r\n"), std::size_t { 6 });
    QVERIFY(reader.finished());
    QCOMPARE(reader.feed("RSET\r\n"), std::size_t { 0 });
    QCOMPARE(reader.feed(".\r\n"), std::size_t { 0 });
    QCOMPARE(reader.takeMessage(), std::string("a\r\n"));
}

void TestDotReader::aRefusedMessageKeepsNoContent()
{
    DotReader reader(1000);
    reader.feed("bare\nline feed\r\n");
    QCOMPARE(reader.problem(), DotReader::Problem::BareLineFeed);
    QVERIFY(!reader.finished());
    reader.feed("lots more text that is not kept\r\n.\r\n");
    QVERIFY(reader.finished());
    QCOMPARE(reader.takeMessage(), std::string());
}

QTEST_APPLESS_MAIN(TestDotReader)
#include "tst_dot_reader.moc"
