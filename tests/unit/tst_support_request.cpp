// The support request for the hosting provider: the addresses, names and
// asks filled in; nothing when there is nothing to ask.

#include "dnscheck/support_request.h"

#include <QTest>

using namespace postwr::dnscheck;

class SupportRequestTest : public QObject {
    Q_OBJECT

private slots:
    void text_data()
    {
        QTest::addColumn<QList<ReverseDnsRequest>>("reverse");
        QTest::addColumn<bool>("port25");
        QTest::addColumn<QStringList>("contains");
        QTest::addColumn<QStringList>("absent");

        const QList<ReverseDnsRequest> both { { QStringLiteral("203.0.113.5"), QStringLiteral("vps-203-0-113-5.provider.net") },
            { QStringLiteral("2001:db8::5"), QString() } };
        QTest::newRow("two addresses") << both << false
                                       << QStringList { QStringLiteral("mail.example.org."),
                                              QStringLiteral("- 203.0.113.5 → mail.example.org (it is vps-203-0-113-5.provider.net now)"),
                                              QStringLiteral("- 2001:db8::5 → mail.example.org (it has none now)"),
                                              QStringLiteral("forward-confirmed") }
                                       << QStringList { QStringLiteral("port 25") };
        QTest::newRow("port 25 only") << QList<ReverseDnsRequest> {} << true
                                      << QStringList { QStringLiteral("TCP port 25"), QStringLiteral("not an open relay") }
                                      << QStringList { QStringLiteral("PTR") };
        QTest::newRow("both asks") << both.mid(0, 1) << true
                                   << QStringList { QStringLiteral("203.0.113.5 → mail.example.org"), QStringLiteral("TCP port 25") }
                                   << QStringList { QStringLiteral("2001:db8::5") };
    }

    void text()
    {
        QFETCH(QList<ReverseDnsRequest>, reverse);
        QFETCH(bool, port25);
        QFETCH(QStringList, contains);
        QFETCH(QStringList, absent);
        const QString text = SupportRequest::text(QStringLiteral("mail.example.org"), reverse, port25);
        for (const QString &part : contains)
            QVERIFY2(text.contains(part), qPrintable(text));
        for (const QString &part : absent)
            QVERIFY2(!text.contains(part), qPrintable(text));
    }

    void nothingToAsk()
    {
        QVERIFY(SupportRequest::text(QStringLiteral("mail.example.org"), {}, false).isEmpty());
    }
};

QTEST_GUILESS_MAIN(SupportRequestTest)
#include "tst_support_request.moc"
