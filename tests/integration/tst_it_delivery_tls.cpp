// STARTTLS on the way out. It is used whenever the receiver offers it; and
// once a domain has been reached over TLS, a later connection where STARTTLS
// is missing (stripped by an attacker, say) is not used for plaintext: the
// message is deferred instead. A domain never seen with TLS still gets mail in
// plaintext (opportunistic TLS, RFC 3207 §4; the downgrade rule is ours).

#include "support/delivery_setup.h"
#include "support/test_message.h"

#include <QRegularExpression>
#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");
const QString kRcpt = QStringLiteral("user@remote.test");

QString quoted(const QString &text) { return QRegularExpression::escape(text); }
QString rcptIs(const QString &rcpt) { return keyIs(QStringLiteral("rcpt"), QStringLiteral("<?%1>?").arg(quoted(rcpt))); }
}  // namespace

class ItDeliveryTls : public QObject {
  Q_OBJECT

 private slots:
  void aDomainSeenWithTlsIsNeverSentPlaintext() {
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    QVERIFY2(world.start(), qPrintable(world.errorString()));

    // 1. TLS offered and used: remote.test is now known to do TLS.
    const TestMessage first = makeMessage(kAlice, kRcpt, QStringLiteral("first, over TLS"));
    const SubmitResult one = world.submit(kAlice, password, {kRcpt}, first.forSwaks());
    QVERIFY2(one.ok(), qPrintable(one.problem));
    QVERIFY2(world.receiver.waitForMessagesTo(kRcpt, 1, 30000), qPrintable(world.receiver.describe()));
    QVERIFY(world.receiver.messagesTo(kRcpt).first().tls);

    // 2. STARTTLS disappears: the second message must wait, not go in clear.
    QVERIFY(world.receiver.setStartTls(false));
    const TestMessage second = makeMessage(kAlice, kRcpt, QStringLiteral("second, STARTTLS stripped"));
    const SubmitResult two = world.submit(kAlice, password, {kRcpt}, second.forSwaks());
    QVERIFY2(two.ok(), qPrintable(two.problem));
    const auto deferred = world.waitForEvent(QStringLiteral("deferred"), two.queueId, rcptIs(kRcpt), 30000);
    QVERIFY2(deferred.hasMatch(),
             qPrintable(QStringLiteral("no event=deferred for %1 when STARTTLS was missing\n").arg(two.queueId) +
                        world.receiver.describe()));
    QVERIFY2(deferred.captured(0).contains(QStringLiteral("TLS"), Qt::CaseInsensitive),
             qPrintable(QStringLiteral("the reason should say TLS is missing: ") + deferred.captured(0)));
    QTest::qWait(2500);  // retries meanwhile (retry_initial = 1s) must not give in either
    QCOMPARE(world.receiver.messagesTo(kRcpt).size(), 1);
    QVERIFY2(world.receiver.events(QStringLiteral("rcpt")).size() == 1,
             qPrintable(QStringLiteral("RCPT was sent without TLS\n") + world.receiver.describe()));
    QVERIFY(world.events(QStringLiteral("delivered"), two.queueId).isEmpty());
    QVERIFY(world.events(QStringLiteral("bounced"), two.queueId).isEmpty());

    // 3. TLS back: the waiting message goes, over TLS.
    QVERIFY(world.receiver.setStartTls(true));
    const ProcessResult flushed = world.postwrd.cli({QStringLiteral("queue"), QStringLiteral("flush")});
    QVERIFY2(flushed.succeeded(), qPrintable(QString::fromUtf8(flushed.standardError)));
    QVERIFY2(world.receiver.waitForMessagesTo(kRcpt, 2, 30000), qPrintable(world.receiver.describe()));
    const ReceivedMessage got = world.receiver.messagesTo(kRcpt).last();
    QVERIFY(got.tls);
    QVERIFY(got.content.endsWith(second.withCrlf()));
  }

  void aDomainNeverSeenWithTlsGetsPlaintext() {
    DeliverySetup world;
    const QString password = newPassword();
    world.postwrd.addUser(kAlice, password);
    QVERIFY2(world.start(), qPrintable(world.errorString()));
    QVERIFY(world.receiver.setStartTls(false));

    const TestMessage message = makeMessage(kAlice, kRcpt, QStringLiteral("plaintext"));
    const SubmitResult submitted = world.submit(kAlice, password, {kRcpt}, message.forSwaks());
    QVERIFY2(submitted.ok(), qPrintable(submitted.problem));
    QVERIFY2(world.receiver.waitForMessagesTo(kRcpt, 1, 30000), qPrintable(world.receiver.describe()));
    QVERIFY(!world.receiver.messagesTo(kRcpt).first().tls);
    QVERIFY2(world.waitForEvent(QStringLiteral("attempt"), submitted.queueId, keyIs(QStringLiteral("tls"), QStringLiteral("plaintext")),
                                10000)
                 .hasMatch(),
             "no event=attempt ... tls=plaintext line");
  }
};

QTEST_GUILESS_MAIN(ItDeliveryTls)
#include "tst_it_delivery_tls.moc"
