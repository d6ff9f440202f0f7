// Fail fast, with the file and line: `postwrd config check` reports every
// problem as FILE:LINE[:COLUMN]: message and exits 1, and `postwrd run`
// refuses to start on a bad configuration instead of half-starting.

#include "support/postwrd_instance.h"
#include "support/test_message.h"

#include <QRegularExpression>
#include <QSet>
#include <QTcpSocket>
#include <QTest>

namespace {
// Replaces the line starting with `key =` by `replacement` (empty: removes
// it); returns the 1-based number of that line, or 0 when not found.
int replaceLine(QString &config, const QString &key, const QString &replacement) {
  QStringList lines = config.split(QLatin1Char('\n'));
  for (int i = 0; i < lines.size(); ++i) {
    if (lines[i].startsWith(key + QStringLiteral(" ="))) {
      if (replacement.isEmpty())
        lines.removeAt(i);
      else
        lines[i] = replacement;
      config = lines.join(QLatin1Char('\n'));
      return i + 1;
    }
  }
  return 0;
}

// Line numbers of the FILE:LINE[:COLUMN]: diagnostics about postwrd.conf.
QSet<int> reportedLines(const QString &stderrText) {
  static const QRegularExpression diagnostic(QStringLiteral("^(?:.*/)?postwrd\\.conf:(\\d+)(?::\\d+)?: \\S"),
                                             QRegularExpression::MultilineOption);
  QSet<int> result;
  auto it = diagnostic.globalMatch(stderrText);
  while (it.hasNext()) result.insert(it.next().captured(1).toInt());
  return result;
}

bool prepareWith(PostwrdInstance &postwrd) {
  postwrd.addUser(QStringLiteral("alice@local.test"), newPassword());
  return postwrd.prepare();
}
}  // namespace

class CliConfig : public QObject {
  Q_OBJECT

 private slots:
  void goodConfigurationPasses() {
    PostwrdInstance postwrd;
    QVERIFY2(prepareWith(postwrd), qPrintable(postwrd.errorString()));
    const ProcessResult check = postwrd.cli({QStringLiteral("config"), QStringLiteral("check")});
    QVERIFY2(check.succeeded(), qPrintable(check.status() + QStringLiteral(": ") + QString::fromUtf8(check.standardError)));
    QVERIFY2(reportedLines(QString::fromUtf8(check.standardError)).isEmpty(), check.standardError.constData());
  }

  void oneMistake_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("badLine");
    QTest::newRow("a size with an unknown suffix") << "max_message_size" << "max_message_size = 12Q";
    QTest::newRow("a recipient limit that is not a number") << "max_recipients" << "max_recipients = many";
    QTest::newRow("a listen port that is not a number") << "submission" << "submission = 127.0.0.1:http";
    QTest::newRow("a listen address without a port") << "submission" << "submission = 127.0.0.1";
    QTest::newRow("an IPv6 listen address without its closing bracket") << "submission" << "submission = [::1:2525";
    QTest::newRow("a misspelled key") << "maildir" << "mailidr = mail";
  }
  void oneMistake() {
    QFETCH(QString, key);
    QFETCH(QString, badLine);
    PostwrdInstance postwrd;
    QVERIFY2(prepareWith(postwrd), qPrintable(postwrd.errorString()));
    QString config = postwrd.defaultConfigText();
    const int line = replaceLine(config, key, badLine);
    QVERIFY(line > 0);
    QVERIFY2(postwrd.writeConfigFile(QStringLiteral("postwrd.conf"), config.toUtf8()), qPrintable(postwrd.errorString()));

    const ProcessResult check = postwrd.cli({QStringLiteral("config"), QStringLiteral("check")});
    const QString err = QString::fromUtf8(check.standardError);
    QVERIFY2(check.exitCode == 1 && !check.timedOut, qPrintable(QStringLiteral("expected exit 1, got %1: %2").arg(check.status(), err)));
    QVERIFY2(reportedLines(err).contains(line),
             qPrintable(QStringLiteral("expected postwrd.conf:%1: in:\n%2").arg(line).arg(err)));
  }

  void twoMistakesAreBothReported() {
    PostwrdInstance postwrd;
    QVERIFY2(prepareWith(postwrd), qPrintable(postwrd.errorString()));
    QString config = postwrd.defaultConfigText();
    const int first = replaceLine(config, QStringLiteral("submission"), QStringLiteral("submission = 127.0.0.1:notaport"));
    const int second = replaceLine(config, QStringLiteral("max_message_size"), QStringLiteral("max_message_size = lots"));
    QVERIFY(first > 0 && second > 0);
    QVERIFY2(postwrd.writeConfigFile(QStringLiteral("postwrd.conf"), config.toUtf8()), qPrintable(postwrd.errorString()));

    const ProcessResult check = postwrd.cli({QStringLiteral("config"), QStringLiteral("check")});
    const QString err = QString::fromUtf8(check.standardError);
    QVERIFY2(check.exitCode == 1 && !check.timedOut, qPrintable(QStringLiteral("expected exit 1, got %1: %2").arg(check.status(), err)));
    const QSet<int> lines = reportedLines(err);
    QVERIFY2(lines.contains(first) && lines.contains(second),
             qPrintable(QStringLiteral("expected postwrd.conf:%1: and postwrd.conf:%2: in:\n%3").arg(first).arg(second).arg(err)));
  }

  void runRefusesToStart_data() {
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("badLine");   // empty: the line is removed
    QTest::addColumn<QString>("mentions");  // the message must say what is wrong
    QTest::newRow("run without a hostname refuses to start") << "hostname" << QString() << "hostname";
    QTest::newRow("run with a listen port that is not a number refuses to start")
        << "submission" << "submission = 127.0.0.1:http" << "http";
  }
  void runRefusesToStart() {
    QFETCH(QString, key);
    QFETCH(QString, badLine);
    QFETCH(QString, mentions);
    PostwrdInstance postwrd;
    QVERIFY2(prepareWith(postwrd), qPrintable(postwrd.errorString()));
    QString config = postwrd.defaultConfigText();
    const int line = replaceLine(config, key, badLine);
    QVERIFY(line > 0);
    QVERIFY2(postwrd.writeConfigFile(QStringLiteral("postwrd.conf"), config.toUtf8()), qPrintable(postwrd.errorString()));

    // Bounded: a postwrd that starts anyway is killed after 10 s and fails here.
    const ProcessResult run = postwrd.cli({QStringLiteral("run")}, {}, 10000);
    const QString output = QString::fromUtf8(run.standardOutput + run.standardError);
    QVERIFY2(!run.timedOut, qPrintable(QStringLiteral("postwrd run started anyway:\n") + output));
    QVERIFY2(run.exitCode != 0 && !run.crashed, qPrintable(run.status() + QStringLiteral(": ") + output));
    // A missing key has no line of its own: any line will do; a bad value names its line.
    const QString where = badLine.isEmpty() ? QStringLiteral("\\d+") : QString::number(line);
    QVERIFY2(QRegularExpression(QStringLiteral("postwrd\\.conf:%1\\b").arg(where)).match(output).hasMatch(),
             qPrintable(QStringLiteral("no postwrd.conf:%1 in:\n").arg(badLine.isEmpty() ? QStringLiteral("LINE") : where) + output));
    QVERIFY2(output.contains(mentions), qPrintable(QStringLiteral("the message does not mention `%1`:\n").arg(mentions) + output));
    QVERIFY(!PostwrdInstance::eventPattern(QStringLiteral("ready")).match(output).hasMatch());
    QTcpSocket probe;
    probe.connectToHost(QHostAddress::LocalHost, postwrd.port(Role::Smtp));
    QVERIFY2(!probe.waitForConnected(1000), "something listens on the smtp port");
  }
};

QTEST_GUILESS_MAIN(CliConfig)
#include "tst_it_cli_config.moc"
