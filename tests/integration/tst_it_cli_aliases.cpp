// `postwrd alias resolve ADDRESS`: one line per final recipient, `local ADDR`
// or `remote ADDR`; users, aliases (chasquid syntax), catch-alls, address
// normalisation (+suffix, dropped dots), and exit 1 for an unknown address.

#include "support/postwrd_instance.h"
#include "support/test_message.h"

#include <QSet>
#include <QTest>

class CliAliases : public QObject {
  Q_OBJECT

 private slots:
  void resolve_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<QStringList>("expected");  // empty: unknown, exit 1
    QTest::newRow("a user resolves to itself") << "alice@local.test" << QStringList{"local alice@local.test"};
    QTest::newRow("an alias resolves to each local target")
        << "sales@local.test" << QStringList{"local alice@local.test", "local bob@local.test"};
    QTest::newRow("an alias to an outside address resolves to remote")
        << "forward@local.test" << QStringList{"remote someone@remote.example"};
    QTest::newRow("an alias mixes local and remote targets")
        << "team@other.test" << QStringList{"local dave@other.test", "remote friend@remote.example"};
    QTest::newRow("an unknown address goes to the catch-all") << "nobody@local.test"
                                                              << QStringList{"remote catchall@remote.example"};
    QTest::newRow("a +suffix and dots are ignored") << "a.lice+news@local.test" << QStringList{"local alice@local.test"};
    QTest::newRow("an unknown address without a catch-all is an error") << "nobody@other.test" << QStringList{};
  }
  void resolve() {
    QFETCH(QString, address);
    QFETCH(QStringList, expected);
    PostwrdInstance postwrd;
    postwrd.addUser(QStringLiteral("alice@local.test"), newPassword());
    postwrd.addUser(QStringLiteral("bob@local.test"), newPassword());
    postwrd.addUser(QStringLiteral("dave@other.test"), newPassword());
    postwrd.setAliases(QStringLiteral("local.test"),
                       QStringLiteral("# Written by the integration tests.\n"
                                      "sales: alice@local.test, bob@local.test\n"
                                      "forward: someone@remote.example\n"
                                      "*: catchall@remote.example\n"));
    postwrd.setAliases(QStringLiteral("other.test"), QStringLiteral("team: dave@other.test, friend@remote.example\n"));
    QVERIFY2(postwrd.prepare(), qPrintable(postwrd.errorString()));

    const ProcessResult result = postwrd.cli({QStringLiteral("alias"), QStringLiteral("resolve"), address});
    const QString out = QString::fromUtf8(result.standardOutput);
    const QString err = QString::fromUtf8(result.standardError);
    QVERIFY(!result.timedOut);
    if (expected.isEmpty()) {
      QVERIFY2(result.exitCode == 1, qPrintable(QStringLiteral("expected exit 1, got %1; stdout: %2").arg(result.status(), out)));
      QVERIFY2(!err.trimmed().isEmpty(), "no message on stderr for an unknown address");
      QVERIFY2(out.trimmed().isEmpty(), qPrintable(QStringLiteral("stdout should be empty: ") + out));
      return;
    }
    QVERIFY2(result.succeeded(), qPrintable(result.status() + QStringLiteral(", stderr: ") + err));
    QStringList got = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (QString &line : got) line = line.trimmed();
    QCOMPARE(got.size(), expected.size());
    QCOMPARE(QSet<QString>(got.begin(), got.end()), QSet<QString>(expected.begin(), expected.end()));
  }
};

QTEST_GUILESS_MAIN(CliAliases)
#include "tst_it_cli_aliases.moc"
