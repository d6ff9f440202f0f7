// A 250 stays a promise under load: while several clients send numbered
// messages without pause, postwrd is killed with SIGKILL again and again
// (kCycles times, each at a random moment after it has accepted new mail)
// and started again on the same ports. Once the queue has drained, every
// message that got a 250 is in the Maildir exactly once, no message is
// there twice, and no queue file was left cut short.

#include "support/postwrd_instance.h"
#include "support/process_runner.h"
#include "support/test_message.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

namespace {
const QString kBob = QStringLiteral("bob@local.test");
const QString kStranger = QStringLiteral("stranger@remote.example");
constexpr int kCycles = 25;
constexpr int kSenderThreads = 4;
// An upper bound for the whole kill loop; the sender stops by itself then.
constexpr int kSenderSeconds = 240;

// The load_sender.py process and what it has reported so far.
class LoadSender {
 public:
  bool start(quint16 port, QString *error) {
    const QString python = systemPython(error);
    if (python.isEmpty()) return false;
    const QString script = qEnvironmentVariable("POSTWR_SOURCE_DIR") + QStringLiteral("/tests/integration/python/load_sender.py");
    if (!QFile::exists(script)) {
      *error = QStringLiteral("%1 not found: POSTWR_SOURCE_DIR must name the source tree (run through ctest)").arg(script);
      return false;
    }
    QObject::connect(&process_, &QProcess::readyReadStandardOutput, &process_, [this] { read(); });
    process_.start(python, {script, PostwrdInstance::loopback().toString(), QString::number(port),
                            QString::number(kSenderThreads), QString::number(kSenderSeconds), kStranger, kBob});
    if (!process_.waitForStarted(10000)) {
      *error = QStringLiteral("cannot start %1: %2").arg(script, process_.errorString());
      return false;
    }
    return true;
  }

  // Closing stdin asks every thread to finish its transaction and stop.
  bool finish(QString *error) {
    process_.closeWriteChannel();
    if (!QTest::qWaitFor([this] { return process_.state() == QProcess::NotRunning; }, 30000)) {
      process_.kill();
      process_.waitForFinished(5000);
      *error = QStringLiteral("load_sender.py did not stop within 30 s");
      return false;
    }
    read();
    if (process_.exitCode() != 0 || !done_) {
      *error = QStringLiteral("load_sender.py failed (exit %1): %2")
                   .arg(process_.exitCode())
                   .arg(QString::fromUtf8(process_.readAllStandardError()));
      return false;
    }
    return true;
  }

  qsizetype acceptedCount() const { return accepted_.size(); }
  const QSet<QString> &accepted() const { return accepted_; }
  const QHash<QString, QString> &results() const { return results_; }

 private:
  void read() {
    buffer_ += process_.readAllStandardOutput();
    qsizetype end;
    while ((end = buffer_.indexOf('\n')) >= 0) {
      const QString line = QString::fromUtf8(buffer_.left(end));
      buffer_.remove(0, end + 1);
      if (line == QStringLiteral("done")) {
        done_ = true;
        continue;
      }
      const QString tag = line.section(QLatin1Char(' '), 0, 0);
      const QString result = line.section(QLatin1Char(' '), 1);
      results_.insert(tag, result);
      if (result == QStringLiteral("250")) accepted_.insert(tag);
    }
  }

  QProcess process_;
  QByteArray buffer_;
  QHash<QString, QString> results_;  // "THREAD.NUMBER" -> "250", "451", "none", ...
  QSet<QString> accepted_;
  bool done_ = false;
};
}  // namespace

class CrashUnderLoad : public QObject {
  Q_OBJECT

 private slots:
  void everyAcceptedMessageIsDeliveredExactlyOnce() {
    QElapsedTimer clock;
    clock.start();
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    LoadSender sender;
    QString error;
    QVERIFY2(sender.start(postwrd.port(Role::Smtp), &error), qPrintable(error));

    QRandomGenerator *random = QRandomGenerator::global();
    for (int cycle = 1; cycle <= kCycles; ++cycle) {
      // Killed only once this run of postwrd has taken new mail: every kill
      // lands among transactions in flight.
      const qsizetype before = sender.acceptedCount();
      QVERIFY2(QTest::qWaitFor([&] { return sender.acceptedCount() > before; }, 15000),
               qPrintable(QStringLiteral("cycle %1: no message accepted within 15 s of the start").arg(cycle)));
      QTest::qWait(random->bounded(0, 600));
      postwrd.kill9();
      QVERIFY2(postwrd.restart(), qPrintable(QStringLiteral("cycle %1: %2").arg(cycle).arg(postwrd.errorString())));
    }
    QVERIFY2(sender.finish(&error), qPrintable(error));

    QVERIFY2(QTest::qWaitFor([&] { return PostwrdInstance::allFiles(postwrd.spoolDir() + QStringLiteral("/queue")).isEmpty(); },
                             60000),
             "the queue did not drain within 60 s of the last restart");
    QVERIFY2(PostwrdInstance::allFiles(postwrd.spoolDir() + QStringLiteral("/corrupt")).isEmpty(),
             qPrintable(QStringLiteral("queue files were quarantined: %1")
                            .arg(PostwrdInstance::allFiles(postwrd.spoolDir() + QStringLiteral("/corrupt")).join(QLatin1Char(' ')))));

    static const QRegularExpression messageId(QStringLiteral("^Message-ID: <load\\.(\\d+\\.\\d+)@"),
                                              QRegularExpression::MultilineOption);
    QHash<QString, int> deliveries;
    for (const QString &file : postwrd.maildirFiles(kBob)) {
      const QRegularExpressionMatch match = messageId.match(QString::fromUtf8(PostwrdInstance::readFile(file)));
      QVERIFY2(match.hasMatch(), qPrintable(QStringLiteral("%1 holds no load message").arg(file)));
      ++deliveries[match.captured(1)];
    }

    QStringList lost, twice, unknown;
    for (const QString &tag : sender.accepted())
      if (deliveries.value(tag) == 0) lost << tag;
    int deliveredWithout250 = 0;
    for (auto it = deliveries.cbegin(); it != deliveries.cend(); ++it) {
      if (it.value() > 1) twice << it.key();
      if (!sender.results().contains(it.key())) unknown << it.key();
      else if (!sender.accepted().contains(it.key())) ++deliveredWithout250;
    }
    qInfo("%d cycles, %lld transactions, %lld accepted with 250, %d delivered without a 250 (reply lost in a kill), %.1f s",
          kCycles, static_cast<long long>(sender.results().size()), static_cast<long long>(sender.acceptedCount()), deliveredWithout250,
          static_cast<double>(clock.elapsed()) / 1000.0);
    QVERIFY2(lost.isEmpty(), qPrintable(QStringLiteral("accepted with 250 but never delivered: ") + lost.join(QLatin1Char(' '))));
    QVERIFY2(twice.isEmpty(), qPrintable(QStringLiteral("delivered more than once: ") + twice.join(QLatin1Char(' '))));
    QVERIFY2(unknown.isEmpty(), qPrintable(QStringLiteral("delivered but never sent: ") + unknown.join(QLatin1Char(' '))));
    QVERIFY2(sender.acceptedCount() >= kCycles, "too few messages accepted to mean anything");
    QVERIFY2(postwrd.stop(), qPrintable(postwrd.errorString()));
  }
};

QTEST_GUILESS_MAIN(CrashUnderLoad)
#include "tst_it_crash_under_load.moc"
