// When the spool cannot take a message, postwrd says so and keeps nothing.
//
// Disk full while receiving: the spool is a tmpfs of kTmpfsSize in a private
// mount namespace of postwrd's own (unshare --mount), filled up by the test
// through /proc/PID/root. A message larger than the space left gets 452
// 4.3.1 (RFC 3463: mail system full; RFC 5321 §4.2.5: try again later), and
// no part of it stays in the spool or reaches the Maildir. The same session
// then queues a small message, and once the space is freed the large one is
// accepted and delivered exactly once.
//
// Disk full while delivering: the same for the Maildir. The message got its
// 250 and stays queued; the failed attempt leaves no part of it in the
// mailbox, and once there is room it is delivered, once.
//
// Spool unwritable at start: postwrd, run as nobody, refuses to start with an
// error naming the spool directory it cannot write or create.

#include "support/postwrd_instance.h"
#include "support/process_runner.h"
#include "support/raw_smtp_client.h"
#include "support/test_message.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>

#include <sys/statvfs.h>
#include <unistd.h>

namespace {
const QString kBob = QStringLiteral("bob@local.test");
const QString kStranger = QStringLiteral("stranger@remote.example");
constexpr qint64 kTmpfsSize = 2 * 1024 * 1024;
constexpr qint64 kLeftFree = 128 * 1024;
constexpr int kLargeBody = 600 * 1024;

// A message with a body of about `bodySize` bytes in 78-character lines.
TestMessage sizedMessage(const QString &subject, int bodySize) {
  TestMessage message = makeMessage(kStranger, kBob, subject);
  const QByteArray line = QByteArray(76, 'x') + '\n';
  for (int written = 0; written < bodySize; written += static_cast<int>(line.size())) message.text += line;
  return message;
}

SmtpReply sendMessage(RawSmtpClient &client, const TestMessage &message) {
  for (const QByteArray &line : {QByteArray("MAIL FROM:<stranger@remote.example>"), QByteArray("RCPT TO:<bob@local.test>"),
                                 QByteArray("DATA")}) {
    const SmtpReply reply = client.command(line);
    if (reply.code != (line == "DATA" ? 354 : 250)) return reply;
  }
  client.send(message.withCrlf() + ".\r\n");
  return client.readReply(30000);
}

// unshare, told to mount a tmpfs of kTmpfsSize over `directory` in a mount
// namespace of postwrd's own, then to exec postwrd.
QStringList tmpfsLauncher(const QString &unshare, const QString &directory) {
  return {unshare, QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
          QStringLiteral("sh"), QStringLiteral("-c"),
          QStringLiteral("mount -t tmpfs -o size=%1,mode=0700 postwr-test \"$1\" && shift && exec \"$@\"").arg(kTmpfsSize),
          QStringLiteral("sh"), directory};
}

// `directory` as postwrd sees it, inside its mount namespace.
QString seenByPostwrd(const PostwrdInstance &postwrd, const QString &directory) {
  return QStringLiteral("/proc/%1/root%2").arg(postwrd.processId()).arg(directory);
}

qint64 freeBytes(const QString &path) {
  struct statvfs info {};
  if (::statvfs(QFile::encodeName(path).constData(), &info) != 0) return -1;
  return static_cast<qint64>(info.f_bavail) * static_cast<qint64>(info.f_frsize);
}

qint64 totalBytes(const QString &path) {
  struct statvfs info {};
  if (::statvfs(QFile::encodeName(path).constData(), &info) != 0) return -1;
  return static_cast<qint64>(info.f_blocks) * static_cast<qint64>(info.f_frsize);
}

bool writeFiller(const QString &path, qint64 size) {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly)) return false;
  const QByteArray chunk(64 * 1024, 'f');
  for (qint64 written = 0; written < size;) {
    const qint64 n = file.write(chunk.constData(), qMin<qint64>(chunk.size(), size - written));
    if (n <= 0) return false;
    written += n;
  }
  return file.flush();
}

// Queue and temporary files, leaving out the daemon's pid file and the filler.
QStringList messageFiles(const QString &spool) {
  QStringList files;
  for (const char *sub : {"tmp", "queue"}) files += PostwrdInstance::allFiles(spool + QLatin1Char('/') + QLatin1String(sub));
  return files;
}
// Starts postwrd (with bob) with `directory` (its spool or its Maildir
// root) on a tmpfs of kTmpfsSize of its own, then fills that up to kLeftFree
// with the file `filler`. `seen` is the directory as postwrd sees it.
void startWithAlmostFull(PostwrdInstance &postwrd, const QString &directory, QString *seen, QString *filler) {
  QString error;
  const QString unshare = findTool(QStringLiteral("unshare"), QStringLiteral("apt-get install util-linux"), &error);
  QVERIFY2(!unshare.isEmpty(), qPrintable(error));
  postwrd.addUser(kBob, newPassword());
  QVERIFY2(postwrd.prepare(), qPrintable(postwrd.errorString()));
  QVERIFY(QDir().mkpath(directory));
  postwrd.setLauncher(tmpfsLauncher(unshare, directory));
  QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
  *seen = seenByPostwrd(postwrd, directory);
  QCOMPARE(totalBytes(*seen), kTmpfsSize);
  *filler = *seen + QStringLiteral("/filler");
  QVERIFY(writeFiller(*filler, freeBytes(*seen) - kLeftFree));
  QVERIFY2(freeBytes(*seen) <= kLeftFree, qPrintable(QString::number(freeBytes(*seen))));
}

bool openSession(RawSmtpClient &client, const PostwrdInstance &postwrd) {
  return client.connectTo(PostwrdInstance::loopback(), postwrd.port(Role::Smtp)) && client.readReply().code == 220 &&
         client.command("EHLO client.example.test").code == 250;
}
}  // namespace

class SpoolFailures : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QVERIFY2(::geteuid() == 0, "these tests mount a tmpfs and switch users: run them as root (scripts/dev.sh test does in CI)");
  }

  void diskFullWhileReceivingGets452AndKeepsNothing() {
    PostwrdInstance postwrd;
    QString spool, filler;
    startWithAlmostFull(postwrd, postwrd.spoolDir(), &spool, &filler);
    if (QTest::currentTestFailed()) return;

    const TestMessage large = sizedMessage(QStringLiteral("too large for the space left"), kLargeBody);
    RawSmtpClient client;
    QVERIFY2(openSession(client, postwrd), qPrintable(client.transcript()));
    const SmtpReply full = sendMessage(client, large);
    QVERIFY2(full.code == 452 && full.enhancedCode() == QStringLiteral("4.3.1"), qPrintable(full.toString()));
    QVERIFY2(postwrd.waitForLog(PostwrdInstance::eventPattern(QStringLiteral("queue_failed"), QStringLiteral("No space left on device")))
                 .hasMatch(),
             "no event=queue_failed naming the full disk");
    QVERIFY2(messageFiles(spool).isEmpty(), qPrintable(messageFiles(spool).join(QLatin1Char(' '))));
    QVERIFY(PostwrdInstance::filesContaining(postwrd.maildirRoot(), large.marker.toUtf8()).isEmpty());

    const TestMessage small = makeMessage(kStranger, kBob, QStringLiteral("fits in the space left"));
    const SmtpReply fits = sendMessage(client, small);
    QVERIFY2(fits.code == 250, qPrintable(fits.toString()));
    QTRY_COMPARE_WITH_TIMEOUT(countWithMessageId(postwrd.maildirFiles(kBob), small.messageId), 1, 10000);

    QVERIFY(QFile::remove(filler));
    const SmtpReply retried = sendMessage(client, large);
    QVERIFY2(retried.code == 250, qPrintable(retried.toString()));
    QTRY_COMPARE_WITH_TIMEOUT(countWithMessageId(postwrd.maildirFiles(kBob), large.messageId), 1, 10000);
    QCOMPARE(client.command("QUIT").code, 221);
    QTRY_VERIFY_WITH_TIMEOUT(messageFiles(spool).isEmpty(), 10000);
    QVERIFY2(postwrd.stop(), qPrintable(postwrd.errorString()));
  }

  void diskFullWhileDeliveringKeepsTheMessageQueued() {
    PostwrdInstance postwrd;
    QString maildir, filler;
    startWithAlmostFull(postwrd, postwrd.maildirRoot(), &maildir, &filler);
    if (QTest::currentTestFailed()) return;

    const TestMessage large = sizedMessage(QStringLiteral("too large for the mailbox"), kLargeBody);
    RawSmtpClient client;
    QVERIFY2(openSession(client, postwrd), qPrintable(client.transcript()));
    const SmtpReply accepted = sendMessage(client, large);
    QVERIFY2(accepted.code == 250, qPrintable(accepted.toString()));
    static const QRegularExpression queuedAs(QStringLiteral("queued as (\\S+)"));
    const QString id = queuedAs.match(accepted.text()).captured(1);
    QVERIFY2(!id.isEmpty(), qPrintable(accepted.toString()));
    QCOMPARE(client.command("QUIT").code, 221);

    QVERIFY2(postwrd.waitForLog(PostwrdInstance::eventPattern(QStringLiteral("deferred"),
                                                              QStringLiteral("id=%1[^\\n]*No space left on device").arg(id)))
                 .hasMatch(),
             "no event=deferred naming the full disk");
    const QString mailbox = maildir + QStringLiteral("/local.test/bob");
    QVERIFY2(PostwrdInstance::allFiles(mailbox).isEmpty(), qPrintable(PostwrdInstance::allFiles(mailbox).join(QLatin1Char(' '))));
    QVERIFY2(!PostwrdInstance::filesContaining(postwrd.spoolDir() + QStringLiteral("/queue"), large.marker.toUtf8()).isEmpty(),
             "the message left the queue undelivered");

    QVERIFY(QFile::remove(filler));
    const qsizetype mark = postwrd.logMark();
    const ProcessResult flush = postwrd.cli({QStringLiteral("queue"), QStringLiteral("flush")});
    QVERIFY2(flush.succeeded(), qPrintable(flush.status() + QLatin1Char(' ') + QString::fromUtf8(flush.standardError)));
    QVERIFY2(postwrd.waitForLog(PostwrdInstance::deliveredPattern(id, kBob), 15000, mark).hasMatch(),
             "not delivered after the space was freed");
    QStringList delivered;
    for (const char *sub : {"new", "cur"})
      delivered += PostwrdInstance::allFiles(mailbox + QLatin1Char('/') + QLatin1String(sub));
    QCOMPARE(countWithMessageId(delivered, large.messageId), 1);
    QVERIFY2(PostwrdInstance::allFiles(mailbox + QStringLiteral("/tmp")).isEmpty(), "a temporary file is left in the mailbox");
    QTRY_VERIFY_WITH_TIMEOUT(PostwrdInstance::allFiles(postwrd.spoolDir() + QStringLiteral("/queue")).isEmpty(), 10000);
    QVERIFY2(postwrd.stop(), qPrintable(postwrd.errorString()));
  }

  void unwritableSpoolRefusesToStart_data() {
    QTest::addColumn<bool>("spoolExists");
    QTest::newRow("a spool directory it cannot write") << true;
    QTest::newRow("a spool directory it cannot create") << false;
  }
  void unwritableSpoolRefusesToStart() {
    QFETCH(bool, spoolExists);
    QString error;
    const QString setpriv = findTool(QStringLiteral("setpriv"), QStringLiteral("apt-get install util-linux"), &error);
    QVERIFY2(!setpriv.isEmpty(), qPrintable(error));
    PostwrdInstance postwrd;
    postwrd.addUser(kBob, newPassword());
    QVERIFY2(postwrd.prepare(), qPrintable(postwrd.errorString()));
    // nobody owns everything but what must stay unwritable to it: the spool
    // itself, or the directory it would be created in.
    const QString top = QFileInfo(postwrd.configDir()).absolutePath();
    ProcessRequest chownRequest;
    chownRequest.program = QStringLiteral("chown");
    chownRequest.arguments = {QStringLiteral("-R"), QStringLiteral("nobody:nogroup"), top};
    const ProcessResult chown = runProcess(chownRequest);
    QVERIFY2(chown.succeeded(), chown.standardError.constData());
    const QString guarded = spoolExists ? postwrd.spoolDir() : postwrd.configDir();
    if (spoolExists) QVERIFY(QDir().mkpath(guarded));
    QVERIFY(::chown(QFile::encodeName(guarded).constData(), 0, 0) == 0);
    QVERIFY(QFile::setPermissions(guarded, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                               QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                               QFileDevice::ExeOther));

    ProcessRequest request;
    request.program = setpriv;
    request.arguments = {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups"),
                         PostwrdInstance::postwrdPath(), QStringLiteral("run"), QStringLiteral("--config"), postwrd.configDir()};
    request.timeoutMs = 15000;
    const ProcessResult run = runProcess(request);
    const QString output = QString::fromUtf8(run.standardOutput + run.standardError);
    QVERIFY2(run.started && !run.timedOut && !run.crashed, qPrintable(run.status() + QLatin1Char('\n') + output));
    QVERIFY2(run.exitCode != 0, qPrintable(output));
    QVERIFY2(!output.contains(QStringLiteral("event=ready")), qPrintable(output));
    QVERIFY2(output.contains(postwrd.spoolDir()) && output.contains(QStringLiteral("Permission denied")), qPrintable(output));
    QVERIFY2(output.contains(spoolExists ? QStringLiteral("is not writable") : QStringLiteral("cannot create directory")),
             qPrintable(output));
  }
};

QTEST_GUILESS_MAIN(SpoolFailures)
#include "tst_it_spool_failures.moc"
