// Old relay tricks hide a foreign address inside a local one: the % hack,
// source routes, quoted local parts and bang paths. postwrd must never relay
// them to ext.example. Without a catch-all they are unknown users (5xx); with
// a catch-all (`*: catchall@remote.example`) a message may be accepted, but
// then it goes only to the catch-all target, which stays queued as remote
// mail: no recipient at ext.example may appear in the spool or the log.

#include "support/postwrd_instance.h"
#include "support/smtplib_client.h"
#include "support/test_message.h"

#include <QFileInfo>
#include <QTest>

namespace {
const QString kStranger = QStringLiteral("stranger@remote.example");
const QString kCatchAll = QStringLiteral("catchall@remote.example");
const QByteArray kForeignDomain = "ext.example";

// `text` without every legitimate spelling of what the client sent, so any
// "ext.example" left over is a recipient postwrd made up from the trick.
QByteArray withoutSentAddress(QByteArray text, const QString &rcpt) {
  QByteArray jsonEscaped = rcpt.toUtf8();
  jsonEscaped.replace("\"", "\\\"");
  for (const QByteArray &spelling : {rcpt.toUtf8(), rcpt.toLower().toUtf8(), jsonEscaped, jsonEscaped.toLower()})
    text.replace(spelling, "<sent-address>");
  return text;
}
}  // namespace

class RelayTricks : public QObject {
  Q_OBJECT

 private slots:
  void neverRelayedToTheHiddenDomain_data() {
    QTest::addColumn<QString>("rcpt");
    QTest::addColumn<bool>("catchAll");
    const QList<QPair<const char *, QString>> tricks = {
        {"the % hack", QStringLiteral("user%ext.example@local.test")},
        {"a source route", QStringLiteral("@local.test:user@ext.example")},
        {"a quoted local part", QStringLiteral("\"user@ext.example\"@local.test")},
        {"a bang path", QStringLiteral("ext.example!user@local.test")}};
    for (const auto &[name, rcpt] : tricks) {
      QTest::addRow("%s is refused without a catch-all", name) << rcpt << false;
      QTest::addRow("%s goes only to the catch-all target", name) << rcpt << true;
    }
  }
  void neverRelayedToTheHiddenDomain() {
    QFETCH(QString, rcpt);
    QFETCH(bool, catchAll);
    PostwrdInstance postwrd;
    postwrd.addUser(QStringLiteral("user@local.test"), newPassword());
    if (catchAll) postwrd.setAliases(QStringLiteral("local.test"), QStringLiteral("*: %1\n").arg(kCatchAll));
    QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));

    // The headers do not name ext.example: only the envelope does.
    const TestMessage message = makeMessage(kStranger, QStringLiteral("postmaster@local.test"), QStringLiteral("relay trick"));
    SmtplibPlan plan;
    plan.port = postwrd.port(Role::Smtp);
    plan.mailFrom = kStranger;
    plan.rcpts = {rcpt};  // sent byte for byte: smtplib's own parsing would undo the trick
    plan.message = message.withCrlf();
    const SmtplibResult result = runSmtplib(plan);
    QVERIFY2(result.setupError.isEmpty() && result.error.isEmpty(),
             qPrintable(result.setupError + result.error + QStringLiteral("\n") + result.report));
    QCOMPARE(result.step(QStringLiteral("mail")).code, 250);
    QCOMPARE(result.rcpts.size(), 1);
    const SmtplibReply reply = result.rcpts.first();

    if (!catchAll || reply.code >= 500) {
      QVERIFY2(reply.code >= 500 && reply.code < 600,
               qPrintable(QStringLiteral("RCPT TO:<%1> got `%2`, expected 5xx").arg(rcpt, reply.toString())));
    } else {
      QVERIFY2(reply.code == 250, qPrintable(QStringLiteral("RCPT TO:<%1> got `%2`").arg(rcpt, reply.toString())));
      QVERIFY2(result.step(QStringLiteral("data")).code == 250, qPrintable(result.report));
      // Accepted: delivery works on it for the catch-all target (here it
      // bounces or waits, since remote.example has no mail server).
      const QRegularExpression forCatchAll(QStringLiteral("event=(attempt|deferred|bounced|delivered) [^\\n]*rcpt=")
                                           + QRegularExpression::escape(kCatchAll));
      QVERIFY2(postwrd.waitForLog(forCatchAll, 20000).hasMatch(),
               "no delivery of the accepted message to the catch-all target");
    }

    // Nothing anywhere names a recipient at ext.example.
    for (const QString &path : PostwrdInstance::allFiles(postwrd.spoolDir())) {
      const QByteArray rest = withoutSentAddress(PostwrdInstance::readFile(path), rcpt);
      QVERIFY2(!rest.contains(kForeignDomain),
               qPrintable(QStringLiteral("%1 names ext.example beyond the address as sent:\n%2").arg(path, QString::fromUtf8(rest))));
    }
    QVERIFY2(!QFileInfo::exists(postwrd.maildirRoot() + QStringLiteral("/ext.example")), "a Maildir for ext.example exists");
    QVERIFY(PostwrdInstance::filesContaining(postwrd.maildirRoot(), message.marker.toUtf8()).isEmpty());
    for (const QString &event : {QStringLiteral("queued"), QStringLiteral("attempt"), QStringLiteral("deferred"),
                                 QStringLiteral("bounced"), QStringLiteral("delivered")}) {
      for (const auto &match : postwrd.logMatches(PostwrdInstance::eventPattern(event, QStringLiteral("[^\\n]*")))) {
        const QByteArray rest = withoutSentAddress(match.captured(0).toUtf8(), rcpt);
        QVERIFY2(!rest.contains(kForeignDomain), qPrintable(QStringLiteral("log line names ext.example: ") + match.captured(0)));
      }
    }
  }
};

QTEST_GUILESS_MAIN(RelayTricks)
#include "tst_it_relay_tricks.moc"
