// The per-message delivery state: it round-trips whatever a server replied,
// and any damage to the file is an error rather than a guess.
#include "mail/delivery_state.h"

#include <QTest>

using namespace postwr::mail;

Q_DECLARE_METATYPE(postwr::mail::DeliveryState)

namespace {

DeliveryState sample()
{
    DeliveryState state;
    state.attempts = 3;
    state.nextAttemptAt = 1700003600;
    state.delayWarningSent = true;
    state.recipients["bob@example.net"]
        = { RecipientState::Status::Pending, 3, "451 4.3.0 try later", "mx.example.net" };
    state.recipients["carol@example.org"]
        = { RecipientState::Status::Delivered, 1, "250 2.0.0 OK", "mx.example.org" };
    state.recipients["dave@example.com"]
        = { RecipientState::Status::Failed, 2, "550 5.1.1 No such user", "mx.example.com" };
    return state;
}

const QByteArray kSampleText
    = "postwr-delivery 1\n"
      "attempts: 3\n"
      "next-attempt: 1700003600\n"
      "delay-warning-sent: yes\n"
      "bounce-sent: no\n"
      "rcpt: bob@example.net pending 3 mx.example.net 451%204.3.0%20try%20later\n"
      "rcpt: carol@example.org delivered 1 mx.example.org 250%202.0.0%20OK\n"
      "rcpt: dave@example.com failed 2 mx.example.com 550%205.1.1%20No%20such%20user\n"
      "end\n";

} // namespace

class TestDeliveryState : public QObject {
    Q_OBJECT

private slots:
    void serializeIsStable();
    void roundTrip_data();
    void roundTrip();
    void parseRejects_data();
    void parseRejects();
};

void TestDeliveryState::serializeIsStable()
{
    QCOMPARE(QByteArray::fromStdString(serializeDeliveryState(sample())), kSampleText);
}

void TestDeliveryState::roundTrip_data()
{
    QTest::addColumn<DeliveryState>("state");

    QTest::newRow("a fresh message") << DeliveryState {};
    QTest::newRow("three recipients in three states") << sample();
    DeliveryState odd;
    odd.bounceSent = true;
    odd.nextAttemptAt = -1;
    odd.recipients["\"john smith\"@example.org"] = { RecipientState::Status::Failed, 7,
        "550-5.7.1 first line\r\n550 5.7.1 second 100%", "-" };
    odd.recipients["j\xc3\xb6rg@example.org"] = { RecipientState::Status::Pending, 0, "", "" };
    odd.recipients["x@example.org"] = { RecipientState::Status::Pending, 1, "%2D - %", "\t\x7f" };
    QTest::newRow("spaces, CRLF, '%', '-' and empty values survive") << odd;
}

void TestDeliveryState::roundTrip()
{
    QFETCH(DeliveryState, state);
    const std::string text = serializeDeliveryState(state);
    // Every value stays on its line.
    QCOMPARE(
        std::count(text.begin(), text.end(), '\n'), std::ptrdiff_t(6 + state.recipients.size()));
    const Result<DeliveryState> parsed = parseDeliveryState(text);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().describe().c_str());
    QVERIFY(*parsed == state);
}

void TestDeliveryState::parseRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("message");

    const auto replace
        = [](QByteArray text, const char *from, const char *to) { return text.replace(from, to); };
    QTest::newRow("empty") << QByteArray() << QByteArray("truncated");
    QTest::newRow("cut before the end line")
        << kSampleText.left(kSampleText.indexOf("end\n")) << QByteArray("truncated");
    QTest::newRow("cut in the middle of a line")
        << kSampleText.left(100) << QByteArray("truncated");
    QTest::newRow("without the last newline") << kSampleText.chopped(1) << QByteArray("truncated");
    QTest::newRow("another file") << QByteArray("postwr-queue 1\n")
                                  << QByteArray("not a delivery state");
    QTest::newRow("a newer version") << replace(kSampleText, "postwr-delivery 1",
        "postwr-delivery 2") << QByteArray("unknown delivery state version");
    QTest::newRow("a negative attempt count")
        << replace(kSampleText, "attempts: 3", "attempts: -3") << QByteArray("attempts must be");
    QTest::newRow("a time that is not a number")
        << replace(kSampleText, "1700003600", "soon") << QByteArray("next-attempt must be");
    QTest::newRow("a flag that is not yes or no")
        << replace(kSampleText, "bounce-sent: no", "bounce-sent: maybe") << QByteArray("yes or no");
    QTest::newRow("fields out of order") << replace(kSampleText, "delay-warning-sent",
        "bounce-sent") << QByteArray("expected \"delay-warning-sent: \"");
    QTest::newRow("an unknown status")
        << replace(kSampleText, " pending ", " lost ") << QByteArray("unknown recipient status");
    QTest::newRow("a missing value")
        << replace(kSampleText, " mx.example.net ", " ") << QByteArray("rcpt needs 5 values");
    QTest::newRow("a broken escape")
        << replace(kSampleText, "%204.3.0", "%2") << QByteArray("bad %XX escape");
    QTest::newRow("a lowercase escape")
        << replace(kSampleText, "%204.3.0", "%2a4.3.0") << QByteArray("bad %XX escape");
    QTest::newRow("a recipient listed twice") << replace(kSampleText, "carol@example.org",
        "bob@example.net") << QByteArray("listed twice");
    QTest::newRow("an empty recipient")
        << replace(kSampleText, "carol@example.org", "-") << QByteArray("empty recipient");
    QTest::newRow("a stray line") << replace(kSampleText, "end\n", "junk\nend\n")
                                  << QByteArray("expected \"rcpt: \"");
    QTest::newRow("CRLF line ends") << replace(kSampleText, "\n", "\r\n") << QByteArray("");
}

void TestDeliveryState::parseRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, message);
    const Result<DeliveryState> parsed = parseDeliveryState(text.toStdString());
    QVERIFY(!parsed.ok());
    QVERIFY2(QByteArray::fromStdString(parsed.error().message).contains(message),
        parsed.error().message.c_str());
}

QTEST_GUILESS_MAIN(TestDeliveryState)
#include "tst_delivery_state.moc"
