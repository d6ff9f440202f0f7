#include "mail/queue_file.h"

#include <QtTest>

#include <set>
#include <string>

using namespace postwr::mail;

Q_DECLARE_METATYPE(Envelope)
Q_DECLARE_METATYPE(std::string)

namespace {

Envelope sampleEnvelope()
{
    Envelope envelope;
    envelope.id = "0AbC123xyz";
    envelope.from = "alice@example.org";
    envelope.recipients = {"bob@example.net", "carol@example.com"};
    envelope.authenticatedUser = "alice";
    envelope.clientAddress = "2001:db8::1";
    envelope.heloName = "laptop.example.org";
    envelope.receivedAt = 1700000000;
    return envelope;
}

const std::string sampleMessage = "Received: from laptop.example.org\r\n"
                                  "Subject: hi\r\n"
                                  "\r\n"
                                  "body line\r\n"
                                  ".leading dot\r\n";

} // namespace

class TestQueueFile : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<Envelope>("envelope");
        QTest::addColumn<std::string>("message");

        QTest::newRow("an authenticated message to two recipients") << sampleEnvelope() << sampleMessage;

        Envelope bounce = sampleEnvelope();
        bounce.from.clear();
        bounce.authenticatedUser.clear();
        bounce.recipients = {"alice@example.org"};
        QTest::newRow("a bounce from the null sender") << bounce << sampleMessage;

        Envelope utf8 = sampleEnvelope();
        utf8.from = "jos\xC3\xA9@ex\xC3\xA4mple.org";
        utf8.recipients = {"\xE7\x94\xA8\xE6\x88\xB7@example.cn"};
        utf8.smtputf8 = true;
        QTest::newRow("SMTPUTF8 addresses are kept as UTF-8") << utf8 << sampleMessage;

        Envelope awkward = sampleEnvelope();
        awkward.from = "\"odd % local\"@example.org";
        awkward.heloName = "evil\r\nrcpt: mallory@example.org";
        awkward.authenticatedUser = std::string("nul\0tab\tdel\x7F", 12);
        QTest::newRow("values with %, CR LF, NUL and DEL cannot forge a field")
            << awkward << sampleMessage;

        Envelope noRecipients = sampleEnvelope();
        noRecipients.recipients.clear();
        QTest::newRow("an envelope without recipients") << noRecipients << sampleMessage;

        QTest::newRow("an empty message") << sampleEnvelope() << std::string();
        QTest::newRow("binary bytes and bare line ends in the message")
            << sampleEnvelope() << std::string("a\nb\rc\0d\xFF\r\n\r\n", 12);
        Envelope old = sampleEnvelope();
        old.receivedAt = -5;
        QTest::newRow("a negative time") << old << sampleMessage;
    }

    void roundTrip()
    {
        QFETCH(Envelope, envelope);
        QFETCH(std::string, message);

        const std::string data = serializeQueueFile(envelope, message);
        const Result<QueueFile> parsed = parseQueueFile(data);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().describe().c_str());
        QVERIFY(parsed->envelope == envelope);
        QCOMPARE(parsed->message, message);
    }

    void layout()
    {
        const std::string data = serializeQueueFile(sampleEnvelope(), "x\r\n");
        QVERIFY(data.starts_with("postwr-queue 1\nid: 0AbC123xyz\nfrom: alice@example.org\n"
                                 "rcpt: bob@example.net\nrcpt: carol@example.com\nauth: alice\n"
                                 "client: 2001:db8::1\nhelo: laptop.example.org\nreceived: 1700000000\n"
                                 "smtputf8: no\nsize: 3\ncrc32: "));
        QVERIFY(data.ends_with("\n\nx\r\n"));
    }

    void everyTruncationIsRejected()
    {
        const std::string data = serializeQueueFile(sampleEnvelope(), sampleMessage);
        for (std::size_t length = 0; length < data.size(); ++length) {
            const Result<QueueFile> parsed = parseQueueFile(std::string_view(data).substr(0, length));
            QVERIFY2(!parsed.ok(), qPrintable(QStringLiteral("a file cut to %1 bytes was accepted").arg(length)));
        }
    }

    void truncatedMessageIsNamed()
    {
        const std::string data = serializeQueueFile(sampleEnvelope(), sampleMessage);
        const Result<QueueFile> parsed = parseQueueFile(std::string_view(data).substr(0, data.size() - 4));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().message,
                 "truncated queue file: message has " + std::to_string(sampleMessage.size() - 4) + " of "
                     + std::to_string(sampleMessage.size()) + " bytes");
    }

    void everyCorruptedByteIsRejected_data()
    {
        QTest::addColumn<int>("mask");
        QTest::newRow("the lowest bit of a byte flips") << 0x01;
        QTest::newRow("the case bit of a byte flips") << 0x20;
        QTest::newRow("the highest bit of a byte flips") << 0x80;
        QTest::newRow("a byte is zeroed out") << 0xFF;
    }

    void everyCorruptedByteIsRejected()
    {
        QFETCH(int, mask);
        const std::string data = serializeQueueFile(sampleEnvelope(), sampleMessage);
        for (std::size_t i = 0; i < data.size(); ++i) {
            std::string damaged = data;
            const auto byte = static_cast<unsigned char>(damaged[i]);
            damaged[i] = static_cast<char>(mask == 0xFF ? 0 : (byte ^ mask));
            if (damaged == data)
                continue;
            QVERIFY2(!parseQueueFile(damaged).ok(),
                     qPrintable(QStringLiteral("damage at byte %1 was not detected").arg(i)));
        }
    }

    void badFiles_data()
    {
        QTest::addColumn<std::string>("data");
        QTest::addColumn<std::string>("error");

        const std::string good = serializeQueueFile(sampleEnvelope(), sampleMessage);
        QTest::newRow("an empty file") << std::string() << std::string("truncated queue file: header ends early");
        QTest::newRow("a file of another program")
            << std::string("From alice Mon Jan  1\n") << std::string("not a postwr queue file (bad first line)");
        QTest::newRow("a file from a newer postwrd")
            << ("postwr-queue 2" + good.substr(good.find('\n')))
            << std::string("unsupported queue file version \"2\" (this postwrd reads version 1)");
        QTest::newRow("trailing bytes after the message")
            << good + "x" << std::string("corrupt queue file: 1 unexpected bytes after the message");
        std::string swapped = good;
        swapped.replace(swapped.find("from:"), 5, "frum:");
        QTest::newRow("an unknown field") << swapped << std::string("expected field \"from: \"");
        std::string escape = good;
        escape.replace(escape.find("auth: alice"), 11, "auth: al%4");
        QTest::newRow("a broken escape") << escape << std::string("bad %-escape in a field value");
    }

    void badFiles()
    {
        QFETCH(std::string, data);
        QFETCH(std::string, error);
        const Result<QueueFile> parsed = parseQueueFile(data);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().message, error);
    }

    void errorsNameTheLine()
    {
        std::string data = serializeQueueFile(sampleEnvelope(), sampleMessage);
        data.replace(data.find("smtputf8: no"), 12, "smtputf8: ja");
        const Result<QueueFile> parsed = parseQueueFile(data);
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().describe("q"), std::string("q:10: smtputf8 must be yes or no"));
    }

    void queueIdsSortByTimeThenCounter()
    {
        const std::vector<std::string> ids = {
            newQueueId(0, 0, 0xFFFFFFFFu),
            newQueueId(1, 0, 0),
            newQueueId(1, 1, 0),
            newQueueId(1, 62, 0),
            newQueueId(1700000000000000, 0, 7),
            newQueueId(1700000000000001, 0, 0),
            newQueueId(INT64_MAX, UINT64_MAX, 0xFFFFFFFFu),
        };
        for (std::size_t i = 1; i < ids.size(); ++i)
            QVERIFY2(ids[i - 1] < ids[i], (ids[i - 1] + " !< " + ids[i]).c_str());
        for (const std::string &id : ids) {
            QVERIFY(isValidQueueId(id));
            QCOMPARE(id.size(), std::size_t{28});
        }
    }

    void queueIdsAreUnique()
    {
        std::set<std::string> ids;
        for (std::uint64_t counter = 0; counter < 10000; ++counter)
            ids.insert(newQueueId(1700000000000000, counter, 42));
        QCOMPARE(ids.size(), std::size_t{10000});
    }

    void queueIdValidity_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("letters and digits") << QStringLiteral("0AbC9z") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("a path") << QStringLiteral("../etc") << false;
        QTest::newRow("a dot") << QStringLiteral("a.b") << false;
    }

    void queueIdValidity()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isValidQueueId(id.toStdString()), valid);
    }
};

QTEST_APPLESS_MAIN(TestQueueFile)
#include "tst_queue_file.moc"
