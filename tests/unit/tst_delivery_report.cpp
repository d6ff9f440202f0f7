// Reading postwrd's log lines (wizard/mailtest/delivery_report.h): quoting
// and escapes as service/daemon/log.cpp writes them, one message followed by
// its id, and the advice for receivers' refusals.

#include "mailtest/delivery_report.h"

#include <QTest>

using namespace postwr::mailtest;

class DeliveryReportTest : public QObject {
    Q_OBJECT

private slots:
    void parsesLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("event");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << "level=info event=queued id=Q1 size=12" << "queued" << "size" << "12";
        QTest::newRow("quoted with spaces") << "level=info event=bounced id=Q1 reason=\"550 5.1.1 no such user\""
                                            << "bounced" << "reason" << "550 5.1.1 no such user";
        QTest::newRow("escaped quote and backslash") << "level=info event=x id=Q1 r=\"a \\\"b\\\" \\\\c\"" << "x" << "r"
                                                     << "a \"b\" \\c";
        QTest::newRow("escaped control character") << "level=info event=x id=Q1 r=\"a\\x0ab\"" << "x" << "r" << "a\nb";
        QTest::newRow("not a log line") << "Traceback (most recent call last):" << "" << "id" << "";
    }

    void parsesLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, event);
        QFETCH(QString, key);
        QFETCH(QString, value);
        const LogEvent parsed = parseLogLine(line);
        QCOMPARE(parsed.event, event);
        QCOMPARE(parsed.fields.value(key), value);
    }

    void followsOneMessage()
    {
        const QStringList lines {
            "level=info event=queued id=Q1 session=1 client=127.0.0.1 from=<me@example.org> rcpts=1 size=900 "
            "user=me@example.org dkim=rsa-sha256:p2026a:example.org,ed25519-sha256:p2026b:example.org",
            "level=info event=queued id=Q2 session=2 client=127.0.0.1 from=<x@example.org> rcpts=1 size=9 user=x dkim=none",
            "level=info event=attempt id=Q1 mx=alt1.gmail-smtp-in.l.google.com ip=2a00:1450::1a "
            "result=\"cannot connect to alt1 [2a00:1450::1a]: timed out\"",
            "level=info event=deferred id=Q1 rcpt=me@gmail.com next_attempt_in=60 "
            "reason=\"550-5.7.25 [2001:db8::5] The IP address sending this message does not have a PTR record\"",
        };
        const DeliveryReport report = reportFor(lines, QStringLiteral("Q1"));
        QCOMPARE(report.state, DeliveryReport::State::Deferred);
        QCOMPARE(report.signatures.size(), 2);
        QCOMPARE(report.signatures[1].algorithm, QStringLiteral("ed25519-sha256"));
        QCOMPARE(report.signatures[1].selector, QStringLiteral("p2026b"));
        QCOMPARE(report.attempts, 1);
        QCOMPARE(report.ip, QStringLiteral("2a00:1450::1a"));
        QCOMPARE(report.nextAttemptInSeconds, QStringLiteral("60"));
        QVERIFY2(report.advice.contains(QStringLiteral("IPv6")), qPrintable(report.advice));
        QCOMPARE(reportFor(lines, QStringLiteral("Q3")).state, DeliveryReport::State::NotFound);
        QVERIFY(reportFor(lines, QStringLiteral("Q2")).signatures.isEmpty());
    }

    void advice_data()
    {
        QTest::addColumn<QString>("reply");
        QTest::addColumn<QString>("says");
        QTest::newRow("Gmail: no PTR") << "550-5.7.25 The IP address sending this message does not have a PTR record"
                                       << "PTR record";
        QTest::newRow("Gmail: unauthenticated") << "550-5.7.26 This mail is unauthenticated" << "SPF, DKIM and DMARC";
        QTest::newRow("SPF") << "550 5.7.23 SPF validation failed" << "SPF record must list";
        QTest::newRow("no such user") << "550 5.1.1 The email account that you tried to reach does not exist"
                                      << "does not exist";
        QTest::newRow("unreachable") << "cannot connect to mx [192.0.2.1]: timed out" << "could not be reached";
        QTest::newRow("greylisting") << "451 4.7.1 Greylisted, try again later" << "try again later";
        QTest::newRow("unknown") << "554 5.7.0 Go away" << "";
    }

    void advice()
    {
        QFETCH(QString, reply);
        QFETCH(QString, says);
        const QString advice = adviceForReply(reply, QStringLiteral("2001:db8::5"));
        if (says.isEmpty())
            QCOMPARE(advice, QString());
        else
            QVERIFY2(advice.contains(says), qPrintable(advice));
    }
};

QTEST_GUILESS_MAIN(DeliveryReportTest)
#include "tst_delivery_report.moc"
