// The server's blocklist answer as the desktop shows it: parsed, one
// sentence per listing or list that could not tell, and the clean lists
// summed up.

#include "dnscheck/blocklist_report.h"

#include <QTest>

using namespace postwr::dnscheck;

namespace {

// Not a raw string: moc reads "//" in one as the start of a comment.
const QByteArray kAnswer =
    "{\"results\":[\n"
    "{\"list\":\"zen\",\"name\":\"Spamhaus ZEN\",\"zone\":\"zen.spamhaus.org\",\"address\":\"203.0.113.5\",\"state\":\"listed\",\"codes\":[\"127.0.0.2\",\"127.0.0.4\"],\"message\":\"m\",\"delist\":\"https://check.spamhaus.org/\"},\n"
    "{\"list\":\"zen\",\"name\":\"Spamhaus ZEN\",\"zone\":\"zen.spamhaus.org\",\"address\":\"2001:db8::5\",\"state\":\"clean\",\"codes\":[],\"message\":\"m\",\"delist\":\"https://check.spamhaus.org/\"},\n"
    "{\"list\":\"spamcop\",\"name\":\"SpamCop\",\"zone\":\"bl.spamcop.net\",\"address\":\"203.0.113.5\",\"state\":\"clean\",\"codes\":[],\"message\":\"m\",\"delist\":\"https://www.spamcop.net/bl.shtml\"},\n"
    "{\"list\":\"bl.test\",\"name\":\"bl.test\",\"zone\":\"bl.test\",\"address\":\"203.0.113.5\",\"state\":\"listed\",\"codes\":[\"127.0.0.2\"],\"message\":\"m\",\"delist\":\"\"},\n"
    "{\"list\":\"barracuda\",\"name\":\"Barracuda\",\"zone\":\"b.barracudacentral.org\",\"address\":\"203.0.113.5\",\"state\":\"refused\",\"codes\":[\"127.255.255.254\"],\"message\":\"m\",\"delist\":\"https://www.barracudacentral.org/rbl/removal-request\"},\n"
    "{\"list\":\"psbl\",\"name\":\"PSBL\",\"zone\":\"psbl.surriel.com\",\"address\":\"203.0.113.5\",\"state\":\"unknown\",\"codes\":[],\"message\":\"no answer from the DNS server <127.0.0.53>\",\"delist\":\"https://psbl.org/\"}\n"
    "]}\n";

} // namespace

class BlocklistReportTest : public QObject {
    Q_OBJECT

private slots:
    void parses()
    {
        const auto results = parseBlocklistResults(kAnswer);
        QVERIFY2(results.ok(), results.ok() ? "" : qPrintable(results.failure().message));
        QCOMPARE(results->size(), 6);
        QCOMPARE(results->at(0).codes, QStringList({ QStringLiteral("127.0.0.2"), QStringLiteral("127.0.0.4") }));
        QCOMPARE(results->at(1).address, QStringLiteral("2001:db8::5"));
        QCOMPARE(results->at(3).delist, QString());
    }

    void refusesWhatIsNoAnswer_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("an error on standard output") << QByteArray("postwrd: unknown command");
        QTest::newRow("no results") << QByteArray(R"({"lists": []})");
        QTest::newRow("a result without address") << QByteArray(R"({"results": [{"list": "zen", "state": "clean"}]})");
    }

    void refusesWhatIsNoAnswer()
    {
        QFETCH(QByteArray, json);
        const auto results = parseBlocklistResults(json);
        QVERIFY(!results.ok());
        QVERIFY2(results.failure().message.contains(QLatin1String("cannot be read")), qPrintable(results.failure().message));
    }

    void lines_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("html");
        QTest::addColumn<QString>("expected");
        QTest::newRow("listed, with its removal page as a link")
            << 0 << true
            << "203.0.113.5 is listed on Spamhaus ZEN (127.0.0.2, 127.0.0.4): receivers that use this list refuse its "
               "mail. See why and ask for removal at <a href=\"https://check.spamhaus.org/\">https://check.spamhaus.org/</a>.";
        QTest::newRow("listed, plain text for the command line")
            << 0 << false
            << "203.0.113.5 is listed on Spamhaus ZEN (127.0.0.2, 127.0.0.4): receivers that use this list refuse its "
               "mail. See why and ask for removal at https://check.spamhaus.org/.";
        QTest::newRow("listed on a list without removal page")
            << 3 << false << "203.0.113.5 is listed on bl.test (127.0.0.2): receivers that use this list refuse its mail.";
        QTest::newRow("refused: the resolver to change")
            << 4 << false
            << "Barracuda would not answer the server's resolver about 203.0.113.5 (it refuses public resolvers): set "
               "[dns] servers in postwrd.conf to a resolver of the server's own, such as a local unbound.";
        QTest::newRow("unknown, the server's reason escaped in HTML")
            << 5 << true << "PSBL could not be asked about 203.0.113.5: no answer from the DNS server &lt;127.0.0.53&gt;";
        QTest::newRow("clean: no line of its own") << 1 << true << "";
    }

    void lines()
    {
        QFETCH(int, index);
        QFETCH(bool, html);
        QFETCH(QString, expected);
        const auto results = parseBlocklistResults(kAnswer);
        QVERIFY(results.ok());
        QCOMPARE(BlocklistReport::line(results->at(index), html), expected);
    }

    // A list that lists one address is not "clean", even if the other is.
    void cleanSummary()
    {
        const auto results = parseBlocklistResults(kAnswer);
        QVERIFY(results.ok());
        QCOMPARE(BlocklistReport::cleanSummary(*results), QStringLiteral("Not listed on 1 blocklist(s): SpamCop."));
        QCOMPARE(BlocklistReport::cleanSummary({}), QString());
    }
};

QTEST_GUILESS_MAIN(BlocklistReportTest)
#include "tst_blocklist_report.moc"
