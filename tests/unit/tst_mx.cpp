// The hosts tried for a domain: MX preference order (RFC 5321 §5.1), the
// implicit MX, and the null MX of RFC 7505.
#include "mail/mx.h"

#include <QTest>
#include <algorithm>

using namespace postwr::mail;

Q_DECLARE_METATYPE(std::vector<MxRecord>)

namespace {

QStringList toList(const std::vector<std::string> &hosts)
{
    QStringList list;
    for (const std::string &host : hosts)
        list << QString::fromStdString(host);
    return list;
}

} // namespace

class TestMx : public QObject {
    Q_OBJECT

private slots:
    void order_data();
    void order();
    void nullMxIsPermanent_data();
    void nullMxIsPermanent();
    void equalPreferencesAreShuffledBySeed();
};

void TestMx::order_data()
{
    QTest::addColumn<std::vector<MxRecord>>("records");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("no MX records: the domain is its own implicit MX")
        << std::vector<MxRecord> {} << "Example.ORG." << QStringList { "example.org" };
    QTest::newRow("one MX record") << std::vector<MxRecord> { { 10, "mx.example.org." } }
                                   << "example.org" << QStringList { "mx.example.org" };
    QTest::newRow("lowest preference first")
        << std::vector<MxRecord> { { 20, "backup.example.org." }, { 5, "MX1.Example.org." },
               { 10, "mx2.example.org" } }
        << "example.org"
        << QStringList { "mx1.example.org", "mx2.example.org", "backup.example.org" };
    QTest::newRow("preference 0 is the best")
        << std::vector<MxRecord> { { 65535, "last.example." }, { 0, "first.example." } }
        << "example.org" << QStringList { "first.example", "last.example" };
    QTest::newRow("a host listed twice is tried once, at its best preference")
        << std::vector<MxRecord> { { 20, "mx.example.org." }, { 10, "MX.example.org" },
               { 15, "other.example." } }
        << "example.org" << QStringList { "mx.example.org", "other.example" };
    QTest::newRow("a null MX next to real ones is skipped") << std::vector<MxRecord> { { 0, "." },
        { 10, "mx.example.org." } } << "example.org" << QStringList { "mx.example.org" };
}

void TestMx::order()
{
    QFETCH(std::vector<MxRecord>, records);
    QFETCH(QString, domain);
    QFETCH(QStringList, expected);
    const auto hosts = orderMxHosts(records, domain.toStdString(), 1);
    QVERIFY2(hosts.ok(), hosts.ok() ? "" : hosts.error().message.c_str());
    QCOMPARE(toList(*hosts), expected);
}

void TestMx::nullMxIsPermanent_data()
{
    QTest::addColumn<std::vector<MxRecord>>("records");
    QTest::addColumn<QString>("domain");

    QTest::newRow("a null MX written as \".\"")
        << std::vector<MxRecord> { { 0, "." } } << "example.org";
    QTest::newRow("a null MX written as \"\"")
        << std::vector<MxRecord> { { 0, "" } } << "example.org";
    QTest::newRow("a null MX with another preference")
        << std::vector<MxRecord> { { 10, "." } } << "example.org";
    QTest::newRow("two null MX records at different preferences")
        << std::vector<MxRecord> { { 0, "." }, { 10, "." } } << "example.org";
    QTest::newRow("no records and no domain") << std::vector<MxRecord> {} << "";
}

void TestMx::nullMxIsPermanent()
{
    QFETCH(std::vector<MxRecord>, records);
    QFETCH(QString, domain);
    const auto hosts = orderMxHosts(records, domain.toStdString(), 1);
    QVERIFY(!hosts.ok());
    if (!domain.isEmpty())
        QCOMPARE(
            hosts.error().message, std::string("domain does not accept mail (null MX, RFC 7505)"));
}

void TestMx::equalPreferencesAreShuffledBySeed()
{
    const std::vector<MxRecord> records { { 10, "a.example." }, { 10, "b.example." },
        { 10, "c.example." }, { 10, "d.example." }, { 5, "first.example." },
        { 20, "last.example." } };
    QSet<QStringList> orders;
    for (std::uint32_t seed = 0; seed < 50; ++seed) {
        const auto hosts = orderMxHosts(records, "example.org", seed);
        QVERIFY(hosts.ok());
        const QStringList list = toList(*hosts);
        QCOMPARE(list.size(), 6);
        QCOMPARE(list.first(), QString("first.example"));
        QCOMPARE(list.last(), QString("last.example"));
        QStringList middle = list.mid(1, 4);
        middle.sort();
        QCOMPARE(middle, (QStringList { "a.example", "b.example", "c.example", "d.example" }));
        // The same seed gives the same order.
        QCOMPARE(toList(*orderMxHosts(records, "example.org", seed)), list);
        orders.insert(list);
    }
    // 24 possible orders of the four equal hosts: 50 seeds see many of them.
    QVERIFY2(orders.size() >= 10, qPrintable(QString::number(orders.size())));
}

QTEST_GUILESS_MAIN(TestMx)
#include "tst_mx.moc"
