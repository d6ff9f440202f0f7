// DKIM canonicalization (RFC 6376 §3.4): the examples of §3.4.5 and the edge
// cases verifiers disagree on when a signer gets them wrong.
#include "mail/dkim_canon.h"

#include <QTest>

#include "test_bytes.h"
#include <string_view>

using namespace postwr::mail;

namespace {

// RFC 6376 §3.4.5, written out with its <SP>, <HTAB> and <CRLF>.
const QByteArray rfcMessage = "A: X\r\n"
                              "B : Y\t\r\n"
                              "\tZ  \r\n"
                              "\r\n"
                              " C \r\n"
                              "D \t E\r\n"
                              "\r\n"
                              "\r\n";

QByteArray canonicalHeaders(const QByteArray &message, DkimCanonicalization canonicalization)
{
    QByteArray out;
    for (const RawHeaderField &field : splitMessage(view(message)).fields)
        out += bytes(canonicalizeHeader(field.raw, canonicalization));
    return out;
}

} // namespace

Q_DECLARE_METATYPE(DkimCanonicalization)

class TestDkimCanon : public QObject {
    Q_OBJECT

private slots:
    void rfcExampleRelaxed();
    void rfcExampleSimple();
    void header_data();
    void header();
    void body_data();
    void body();
    void splitMessage_data();
    void splitMessage();
};

void TestDkimCanon::rfcExampleRelaxed()
{
    QCOMPARE(canonicalHeaders(rfcMessage, DkimCanonicalization::Relaxed),
        QByteArray("a:X\r\nb:Y Z\r\n"));
    const RawMessage parts = postwr::mail::splitMessage(view(rfcMessage));
    QCOMPARE(bytes(canonicalizeBody(parts.body, DkimCanonicalization::Relaxed)),
        QByteArray(" C\r\nD E\r\n"));
}

void TestDkimCanon::rfcExampleSimple()
{
    QCOMPARE(canonicalHeaders(rfcMessage, DkimCanonicalization::Simple),
        QByteArray("A: X\r\nB : Y\t\r\n\tZ  \r\n"));
    const RawMessage parts = postwr::mail::splitMessage(view(rfcMessage));
    QCOMPARE(bytes(canonicalizeBody(parts.body, DkimCanonicalization::Simple)),
        QByteArray(" C \r\nD \t E\r\n"));
}

void TestDkimCanon::header_data()
{
    QTest::addColumn<QByteArray>("raw");
    QTest::addColumn<DkimCanonicalization>("canonicalization");
    QTest::addColumn<QByteArray>("expected");

    const auto relaxed = DkimCanonicalization::Relaxed;
    const auto simple = DkimCanonicalization::Simple;
    QTest::newRow("relaxed lower-cases the name, not the value") << QByteArray(
        "SUBJECT: Hello World\r\n") << relaxed << QByteArray("subject:Hello World\r\n");
    QTest::newRow("relaxed removes whitespace around the colon") << QByteArray(
        "To \t:  \tbob@example.org\r\n") << relaxed << QByteArray("to:bob@example.org\r\n");
    QTest::newRow("relaxed unfolds and merges the whitespace of continuation lines")
        << QByteArray("Subject: a very\r\n long\r\n\t\tsubject\r\n") << relaxed
        << QByteArray("subject:a very long subject\r\n");
    QTest::newRow("relaxed drops whitespace at the end of the value, even after a fold")
        << QByteArray("X-Note: end \t\r\n \r\n") << relaxed << QByteArray("x-note:end\r\n");
    QTest::newRow("relaxed keeps an empty value as name and colon")
        << QByteArray("X-Empty:\r\n") << relaxed << QByteArray("x-empty:\r\n");
    QTest::newRow("relaxed leaves 8-bit UTF-8 octets alone")
        << QByteArray("Subject: Shwmae \xc2\xa0 \xe4\xbd\xa0\xe5\xa5\xbd\r\n") << relaxed
        << QByteArray("subject:Shwmae \xc2\xa0 \xe4\xbd\xa0\xe5\xa5\xbd\r\n");
    QTest::newRow("simple changes nothing, folds included") << QByteArray(
        "SUBJECT :  a\r\n\tb \r\n") << simple << QByteArray("SUBJECT :  a\r\n\tb \r\n");
    QTest::newRow("a field without final CRLF gets one")
        << QByteArray("Subject: x") << simple << QByteArray("Subject: x\r\n");
}

void TestDkimCanon::header()
{
    QFETCH(QByteArray, raw);
    QFETCH(DkimCanonicalization, canonicalization);
    QFETCH(QByteArray, expected);
    QCOMPARE(bytes(canonicalizeHeader(view(raw), canonicalization)), expected);
}

void TestDkimCanon::body_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("simple");
    QTest::addColumn<QByteArray>("relaxed");

    QTest::newRow("an empty body is one CRLF for simple, nothing for relaxed")
        << QByteArray() << QByteArray("\r\n") << QByteArray();
    QTest::newRow("a body of empty lines is an empty body")
        << QByteArray("\r\n\r\n\r\n") << QByteArray("\r\n") << QByteArray();
    QTest::newRow("a body of whitespace lines is empty for relaxed only")
        << QByteArray(" \r\n\t\r\n") << QByteArray(" \r\n\t\r\n") << QByteArray();
    QTest::newRow("empty lines at the end are removed")
        << QByteArray("Hi.\r\n\r\n\r\n") << QByteArray("Hi.\r\n") << QByteArray("Hi.\r\n");
    QTest::newRow("empty lines inside the body stay")
        << QByteArray("a\r\n\r\n\r\nb\r\n") << QByteArray("a\r\n\r\n\r\nb\r\n")
        << QByteArray("a\r\n\r\n\r\nb\r\n");
    QTest::newRow("a last line without CRLF gets one")
        << QByteArray("a\r\nb") << QByteArray("a\r\nb\r\n") << QByteArray("a\r\nb\r\n");
    QTest::newRow("trailing whitespace is kept by simple, dropped by relaxed") << QByteArray(
        "a \t\r\n  b  \r\n") << QByteArray("a \t\r\n  b  \r\n") << QByteArray("a\r\n b\r\n");
    QTest::newRow("a whitespace-only line before the end is an empty line for relaxed")
        << QByteArray("a\r\n \t \r\n") << QByteArray("a\r\n \t \r\n") << QByteArray("a\r\n");
    QTest::newRow("runs of whitespace inside a line become one space for relaxed")
        << QByteArray("a \t  b\tc\r\n") << QByteArray("a \t  b\tc\r\n") << QByteArray("a b c\r\n");
    QTest::newRow("8-bit UTF-8 passes through unchanged")
        << QByteArray("Cymraeg: \xc5\xb5 \xc5\xb7\r\n\xe4\xb8\xad\xe6\x96\x87\r\n")
        << QByteArray("Cymraeg: \xc5\xb5 \xc5\xb7\r\n\xe4\xb8\xad\xe6\x96\x87\r\n")
        << QByteArray("Cymraeg: \xc5\xb5 \xc5\xb7\r\n\xe4\xb8\xad\xe6\x96\x87\r\n");
    QTest::newRow("a bare LF is an ordinary octet, not a line end")
        << QByteArray("a\nb\r\n") << QByteArray("a\nb\r\n") << QByteArray("a\nb\r\n");
    QTest::newRow("a dot line is an ordinary line (dot-stuffing is undone before)")
        << QByteArray(".\r\n..\r\n") << QByteArray(".\r\n..\r\n") << QByteArray(".\r\n..\r\n");
}

void TestDkimCanon::body()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, simple);
    QFETCH(QByteArray, relaxed);
    QCOMPARE(bytes(canonicalizeBody(view(body), DkimCanonicalization::Simple)), simple);
    QCOMPARE(bytes(canonicalizeBody(view(body), DkimCanonicalization::Relaxed)), relaxed);
}

void TestDkimCanon::splitMessage_data()
{
    QTest::addColumn<QByteArray>("message");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("fields and body") << QByteArray("From: a\r\nSubject: b\r\n c\r\n\r\nbody\r\n")
                                     << QStringList { "From", "Subject" } << QByteArray("body\r\n");
    QTest::newRow("no empty line: all header, no body")
        << QByteArray("From: a\r\nTo: b\r\n") << QStringList { "From", "To" } << QByteArray();
    QTest::newRow("an empty body")
        << QByteArray("From: a\r\n\r\n") << QStringList { "From" } << QByteArray();
    QTest::newRow("a line without a colon is not a field")
        << QByteArray("From: a\r\ngarbage\r\nTo: b\r\n\r\nx") << QStringList { "From", "To" }
        << QByteArray("x");
    QTest::newRow("only the first empty line ends the header")
        << QByteArray("From: a\r\n\r\nTo: b\r\n\r\n") << QStringList { "From" }
        << QByteArray("To: b\r\n\r\n");
}

void TestDkimCanon::splitMessage()
{
    QFETCH(QByteArray, message);
    QFETCH(QStringList, names);
    QFETCH(QByteArray, body);

    const RawMessage parts = postwr::mail::splitMessage(view(message));
    QStringList got;
    for (const RawHeaderField &field : parts.fields)
        got << QString::fromUtf8(bytes(field.name));
    QCOMPARE(got, names);
    QCOMPARE(bytes(parts.body), body);
    // The raw fields are the header section, nothing lost between them.
    if (!parts.fields.empty()) {
        QVERIFY(bytes(parts.fields.front().raw).startsWith(bytes(parts.fields.front().name)));
        QVERIFY(bytes(parts.fields.back().raw).endsWith("\r\n"));
    }
}

QTEST_APPLESS_MAIN(TestDkimCanon)
#include "tst_dkim_canon.moc"
