// `postwrd dkim list` as the DKIM step reads it: five tab-separated fields
// a line; anything else is an error that names the line.

#include "steps/dkim_step.h"

#include <QTest>

using namespace postwr::steps;

class DkimListTest : public QObject {
    Q_OBJECT

private slots:
    void parses_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<QStringList>("selectors"); // "domain/selector" each
        QTest::addColumn<QString>("problem");

        QTest::newRow("no keys") << QString() << QStringList() << QString();
        QTest::newRow("one key")
            << QStringLiteral("example.org\tp2026a\trsa-2048\tp2026a._domainkey.example.org\tv=DKIM1; k=rsa; p=MIIB\n")
            << QStringList { QStringLiteral("example.org/p2026a") } << QString();
        QTest::newRow("two domains, two algorithms")
            << QStringLiteral("a.example\ts1\trsa-2048\ts1._domainkey.a.example\tv=DKIM1; k=rsa; p=AA\n"
                              "a.example\ts2\ted25519\ts2._domainkey.a.example\tv=DKIM1; k=ed25519; p=BB\n"
                              "b.example\ts1\trsa-2048\ts1._domainkey.b.example\tv=DKIM1; k=rsa; p=CC\n")
            << QStringList { QStringLiteral("a.example/s1"), QStringLiteral("a.example/s2"), QStringLiteral("b.example/s1") }
            << QString();
        QTest::newRow("a line with four fields")
            << QStringLiteral("a.example\ts1\trsa-2048\ts1._domainkey.a.example\tv=DKIM1; p=AA\n"
                              "a.example\ts2\trsa-2048\tv=DKIM1; p=BB\n")
            << QStringList() << QStringLiteral("Line 2 of postwrd's key list");
        QTest::newRow("an error message instead of keys")
            << QStringLiteral("postwrd: cannot read /etc/postwr/domains\n") << QStringList() << QStringLiteral("Line 1");
    }

    void parses()
    {
        QFETCH(QString, output);
        QFETCH(QStringList, selectors);
        QFETCH(QString, problem);
        const auto keys = parseDkimList(output);
        if (!problem.isEmpty()) {
            QVERIFY2(!keys.ok(), "accepted");
            QVERIFY2(keys.failure().message.contains(problem), qPrintable(keys.failure().message));
            return;
        }
        QVERIFY2(keys.ok(), keys.ok() ? "" : qPrintable(keys.failure().message));
        QStringList found;
        for (const DkimKeyInfo &key : *keys) {
            found << key.domain + QLatin1Char('/') + key.selector;
            QVERIFY(key.recordName.startsWith(key.selector + QStringLiteral("._domainkey.") + key.domain));
            QVERIFY(key.recordValue.startsWith(QStringLiteral("v=DKIM1")));
        }
        QCOMPARE(found, selectors);
    }
};

QTEST_GUILESS_MAIN(DkimListTest)
#include "tst_dkim_list.moc"
