// The test mail's sender (wizard/mailtest) against the real postwrd: the
// shared SMTP client over QSslSocket, STARTTLS on the submission port and
// TLS from the start on submissions, the self-signed certificate trusted by
// its pinned fingerprint only, AUTH as a real account. The message reaches
// the receiver standing in for Gmail (aiosmtpd, through dnsmasq's MX), signed
// with the domain's DKIM key, which dkimpy verifies against dnsmasq. Wrong
// password, untrusted certificate and a closed port fail with the reason.

#include "mailtest/delivery_report.h"
#include "mailtest/test_mail_sender.h"
#include "mailtest/test_message.h"
#include "support/delivery_setup.h"
#include "support/dkimpy_dns.h"
#include "support/process_runner.h"
#include "support/test_message.h"

#include <QFile>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace postwr::mailtest;

namespace {

const QString kUser = QStringLiteral("me@local.test");
const QString kTo = QStringLiteral("me@gmail.test");

// dkimpy's verifier (DNS: support/dkimpy_dns.h). Argument: the message
// file. Prints "pass" or "fail".
const char *kDkimpyVerify = R"PY(
print('pass' if dkim.verify(open(sys.argv[3], 'rb').read(), dnsfunc=dnsfunc) else 'fail')
)PY";

} // namespace

class TestMailTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(work_.isValid());
        password_ = newPassword();
        world_.postwrd.addUser(kUser, password_);
        world_.postwrd.addDomain(QStringLiteral("other.test"));
        world_.postwrd.addUser(QStringLiteral("me@other.test"), password_);
        QVERIFY2(world_.postwrd.prepare(), qPrintable(world_.postwrd.errorString()));
        const ProcessResult keygen
            = world_.postwrd.cli({ QStringLiteral("dkim"), QStringLiteral("keygen"), QStringLiteral("local.test") });
        QVERIFY2(keygen.succeeded(), keygen.standardError.constData());
        const QStringList lines = QString::fromUtf8(keygen.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QStringList pieces;
        for (qsizetype i = 0; i < lines[1].size(); i += 255)
            pieces << lines[1].mid(i, 255);
        world_.dns.addTxt(lines[0], pieces);

        // For the reflector: the host name's address, SPF and DMARC of both
        // domains; other.test publishes local.test's key under its own
        // selector, so its signatures cannot verify.
        const ProcessResult otherKey
            = world_.postwrd.cli({ QStringLiteral("dkim"), QStringLiteral("keygen"), QStringLiteral("other.test") });
        QVERIFY2(otherKey.succeeded(), otherKey.standardError.constData());
        world_.dns.addTxt(QString::fromUtf8(otherKey.standardOutput).section(QLatin1Char('\n'), 0, 0), pieces);
        world_.dns.addHost(QStringLiteral("mail.example.test"), { QStringLiteral("127.0.0.1") });
        for (const QString &domain : { QStringLiteral("local.test"), QStringLiteral("other.test") }) {
            world_.dns.addTxt(domain, { QStringLiteral("v=spf1 a:mail.example.test -all") });
            world_.dns.addTxt(QStringLiteral("_dmarc.") + domain, { QStringLiteral("v=DMARC1; p=reject") });
        }
        QVERIFY2(world_.start(), qPrintable(world_.errorString()));
        const QList<QSslCertificate> certificates
            = QSslCertificate::fromPath(world_.postwrd.configDir() + QStringLiteral("/tls/cert.pem"));
        QCOMPARE(certificates.size(), 1);
        pin_ = QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex(':'));
    }

    void sendsThroughSubmissionAndIsDelivered_data()
    {
        QTest::addColumn<int>("security");
        QTest::newRow("587 with STARTTLS") << int(SenderSettings::Security::StartTls);
        QTest::newRow("465 with TLS from the start") << int(SenderSettings::Security::ImplicitTls);
    }

    void sendsThroughSubmissionAndIsDelivered()
    {
        QFETCH(int, security);
        SenderSettings settings = baseSettings();
        settings.security = SenderSettings::Security(security);
        settings.port = world_.postwrd.port(settings.security == SenderSettings::Security::StartTls ? Role::Submission
                                                                                                    : Role::Submissions);
        const QString id = newTestId();
        const SendTrail trail = sendTestMail(settings, composeTestMessage(kUser, kTo, id, QDateTime::currentDateTime()));
        QVERIFY2(trail.accepted, qPrintable(trail.failure));
        QVERIFY(trail.connected);
        QCOMPARE(trail.peerAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(trail.port, settings.port);
        QVERIFY(trail.tls);
        QCOMPARE(trail.tlsProtocol, QStringLiteral("TLS 1.3"));
        QVERIFY(trail.certificatePinned);
        QCOMPARE(trail.certificateSubject, QStringLiteral("mail.example.test"));
        QVERIFY(trail.certificateExpiry > QDateTime::currentDateTime());
        QVERIFY(trail.authenticated);
        QVERIFY2(!trail.queueId.isEmpty(), qPrintable(trail.serverReply));
        // The log says what it was signed with, for the report.
        QVERIFY2(world_.waitForEvent(QStringLiteral("queued"), trail.queueId,
                          keyIs(QStringLiteral("dkim"), QStringLiteral("rsa-sha256:p\\d{4}[a-z]:local\\.test")))
                     .hasMatch(),
            qPrintable(world_.postwrd.log().right(2000)));
        QVERIFY2(world_.waitForEvent(QStringLiteral("delivered"), trail.queueId).hasMatch(), qPrintable(world_.postwrd.log().right(2000)));

        // The report, from postwrd's own log lines.
        const DeliveryReport report = reportFor(world_.postwrd.log().split(QLatin1Char('\n')), trail.queueId);
        QCOMPARE(report.state, DeliveryReport::State::Delivered);
        QCOMPARE(report.recipient, kTo);
        QCOMPARE(report.mx, QStringLiteral("mx.gmail.test"));
        QVERIFY2(report.ip == QStringLiteral("127.0.0.1") || report.ip == QStringLiteral("::1"), qPrintable(report.ip));
        QVERIFY2(report.tls.startsWith(QStringLiteral("TLS")), qPrintable(report.tls));
        QVERIFY2(report.reply.startsWith(QStringLiteral("250")), qPrintable(report.reply));
        QCOMPARE(report.signatures.size(), 1);
        QCOMPARE(report.signatures.first().algorithm, QStringLiteral("rsa-sha256"));
        QCOMPARE(report.signatures.first().domain, QStringLiteral("local.test"));

        QVERIFY2(world_.receiver.waitForMessagesTo(kTo, 1, 30000), qPrintable(world_.receiver.describe()));
        QByteArray received;
        for (const ReceivedMessage &message : world_.receiver.messagesTo(kTo)) {
            if (message.content.contains("X-Postwr-Test: " + id.toUtf8()))
                received = message.content;
        }
        QVERIFY2(!received.isEmpty(), "the receiver did not get the test message");
        QVERIFY(received.contains("Message-ID: <postwr-test-" + id.toUtf8() + "@local.test>"));
        QVERIFY(received.contains("DKIM-Signature:"));
        const QString path = work_.filePath(id + QStringLiteral(".eml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(received);
        file.close();
        QString error;
        const QString python = systemPython(&error);
        QVERIFY2(!python.isEmpty(), qPrintable(error));
        ProcessRequest verify;
        verify.program = python;
        verify.arguments = { QStringLiteral("-c"), withDkimpyDns(kDkimpyVerify), DnsmasqInstance::address(),
            QString::number(world_.dns.port()), path };
        const ProcessResult verdict = runProcess(verify);
        QVERIFY2(verdict.succeeded(), verdict.standardError.constData());
        QCOMPARE(verdict.standardOutput.trimmed(), QByteArray("pass"));
    }

    // The receiver refuses for good (5xx) or for now (4xx): the report says
    // so in the receiver's words, with what to do.
    void refusalsAreReported_data()
    {
        QTest::addColumn<bool>("permanent");
        QTest::newRow("550: bounced") << true;
        QTest::newRow("451: deferred, retrying") << false;
    }

    void refusalsAreReported()
    {
        QFETCH(bool, permanent);
        const QString to = permanent ? QStringLiteral("nobody@gmail.test") : QStringLiteral("later@gmail.test");
        QVERIFY(permanent ? world_.receiver.setPermFail(to) : world_.receiver.setTempFail(to, 100));
        SenderSettings settings = baseSettings();
        settings.to = to;
        const SendTrail trail = sendTestMail(settings, composeTestMessage(kUser, to, newTestId(), QDateTime::currentDateTime()));
        QVERIFY2(trail.accepted, qPrintable(trail.failure));
        const QString event = permanent ? QStringLiteral("bounced") : QStringLiteral("deferred");
        QVERIFY2(world_.waitForEvent(event, trail.queueId).hasMatch(), qPrintable(world_.postwrd.log().right(2000)));
        const DeliveryReport report = reportFor(world_.postwrd.log().split(QLatin1Char('\n')), trail.queueId);
        QCOMPARE(report.state, permanent ? DeliveryReport::State::Bounced : DeliveryReport::State::Deferred);
        QCOMPARE(report.recipient, to);
        QVERIFY2(report.reply.startsWith(permanent ? QStringLiteral("550") : QStringLiteral("451")), qPrintable(report.reply));
        if (!permanent) {
            QVERIFY(report.nextAttemptInSeconds.toInt() > 0);
            QVERIFY2(report.advice.contains(QStringLiteral("try again later")), qPrintable(report.advice));
        }
    }

    // The reflector checks the message as a receiver would and says so in
    // the log: all pass for local.test; other.test's DKIM record is wrong.
    void reflectorChecksTheMessage_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<bool>("passes");
        QTest::newRow("right records") << "local.test" << true;
        QTest::newRow("wrong DKIM record") << "other.test" << false;
    }

    void reflectorChecksTheMessage()
    {
        QFETCH(QString, domain);
        QFETCH(bool, passes);
        SenderSettings settings = baseSettings();
        settings.username = settings.from = QStringLiteral("me@") + domain;
        settings.to = QStringLiteral("postwr-reflector@") + domain;
        const SendTrail trail
            = sendTestMail(settings, composeTestMessage(settings.from, settings.to, newTestId(), QDateTime::currentDateTime()));
        QVERIFY2(trail.accepted, qPrintable(trail.failure));
        QVERIFY2(world_.waitForEvent(QStringLiteral("reflected"), trail.queueId).hasMatch(),
            qPrintable(world_.postwrd.log().right(2000)));
        const DeliveryReport report = reportFor(world_.postwrd.log().split(QLatin1Char('\n')), trail.queueId);
        QCOMPARE(report.reflected.size(), 1);
        const ReflectorVerdict &verdict = report.reflected.first();
        QCOMPARE(verdict.address, QStringLiteral("127.0.0.1"));
        QCOMPARE(verdict.spf, QStringLiteral("pass"));
        QCOMPARE(verdict.passed(), passes);
        if (passes) {
            QCOMPARE(verdict.dkim, QStringLiteral("pass:local.test"));
            QCOMPARE(verdict.dmarc, QStringLiteral("pass:local.test"));
        } else {
            QVERIFY2(verdict.dkim.startsWith(QStringLiteral("fail:other.test")), qPrintable(verdict.dkim));
            QVERIFY(!verdict.dkimReason.isEmpty());
        }
        // Nothing was delivered or queued for delivery.
        QVERIFY(world_.events(QStringLiteral("delivered"), trail.queueId).isEmpty());
        QVERIFY(world_.postwrd.log().contains(QStringLiteral("id=%1 session=").arg(trail.queueId)));
    }

    // With [delivery] source_ipv4 set, receivers see mail come from that
    // address: the reflector checks SPF for it, not for the host name's.
    // 127.0.0.2 is not in local.test's SPF (a:mail.example.test = 127.0.0.1).
    void reflectorUsesTheSourceAddress()
    {
        QFile config(world_.postwrd.configFile());
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray original = config.readAll();
        config.close();
        QVERIFY(original.contains("[delivery]\n"));
        QByteArray changed = original;
        changed.replace("[delivery]\n", "[delivery]\nsource_ipv4 = 127.0.0.2\n");
        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(changed);
        config.close();
        QVERIFY2(world_.postwrd.reload(), qPrintable(world_.postwrd.errorString()));

        SenderSettings settings = baseSettings();
        settings.to = QStringLiteral("postwr-reflector@local.test");
        const SendTrail trail
            = sendTestMail(settings, composeTestMessage(settings.from, settings.to, newTestId(), QDateTime::currentDateTime()));
        QVERIFY2(trail.accepted, qPrintable(trail.failure));
        QVERIFY2(world_.waitForEvent(QStringLiteral("reflected"), trail.queueId).hasMatch(),
            qPrintable(world_.postwrd.log().right(2000)));
        const DeliveryReport report = reportFor(world_.postwrd.log().split(QLatin1Char('\n')), trail.queueId);

        QVERIFY(config.open(QIODevice::WriteOnly | QIODevice::Truncate));
        config.write(original);
        config.close();
        QVERIFY2(world_.postwrd.reload(), qPrintable(world_.postwrd.errorString()));

        QCOMPARE(report.reflected.size(), 1);
        QCOMPARE(report.reflected.first().address, QStringLiteral("127.0.0.2"));
        QCOMPARE(report.reflected.first().spf, QStringLiteral("fail"));
        QCOMPARE(report.reflected.first().dkim, QStringLiteral("pass:local.test"));
    }

    // From the internet the reflector is an unknown address.
    void reflectorIsOnlyForAccounts()
    {
        const SubmitResult sent = world_.sendFromOutside(QStringLiteral("someone@outside.test"),
            { QStringLiteral("postwr-reflector@local.test") }, "Subject: hi\n\nhello");
        QVERIFY(!sent.ok());
        QVERIFY2(sent.problem.contains(QStringLiteral("550")), qPrintable(sent.problem));
    }

    void wrongPasswordIsExplained()
    {
        SenderSettings settings = baseSettings();
        settings.password = QStringLiteral("not-the-password");
        const SendTrail trail = sendTestMail(settings, composeTestMessage(kUser, kTo, newTestId(), QDateTime::currentDateTime()));
        QVERIFY(!trail.accepted);
        QVERIFY(trail.tls);
        QVERIFY(!trail.authenticated);
        QVERIFY2(trail.serverReply.startsWith(QStringLiteral("535")), qPrintable(trail.serverReply));
        QVERIFY2(trail.failure.contains(QStringLiteral("refused the user name or password of me@local.test")),
            qPrintable(trail.failure));
        QVERIFY(!trail.failure.contains(settings.password));
    }

    void untrustedCertificateStopsBeforeTheLogin()
    {
        SenderSettings settings = baseSettings();
        settings.pinnedCertificateSha256.clear();
        const qsizetype mark = world_.postwrd.logMark();
        const SendTrail trail = sendTestMail(settings, composeTestMessage(kUser, kTo, newTestId(), QDateTime::currentDateTime()));
        QVERIFY(!trail.accepted);
        QVERIFY(trail.connected);
        QVERIFY(!trail.tls);
        QVERIFY(!trail.authenticated);
        QVERIFY(!trail.certificateErrors.isEmpty());
        QVERIFY2(trail.failure.contains(QStringLiteral("certificate is not trusted")), qPrintable(trail.failure));
        QVERIFY(!world_.postwrd.log().mid(mark).contains(QStringLiteral("event=auth ")));

        settings.pinnedCertificateSha256 = QString(64, QLatin1Char('0'));
        const SendTrail wrongPin = sendTestMail(settings, composeTestMessage(kUser, kTo, newTestId(), QDateTime::currentDateTime()));
        QVERIFY(!wrongPin.accepted && !wrongPin.tls);
        QVERIFY2(wrongPin.failure.contains(QStringLiteral("certificate is not trusted")), qPrintable(wrongPin.failure));
    }

    void closedPortIsExplained()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const quint16 port = server.serverPort();
        server.close();
        SenderSettings settings = baseSettings();
        settings.port = port;
        const SendTrail trail = sendTestMail(settings, composeTestMessage(kUser, kTo, newTestId(), QDateTime::currentDateTime()));
        QVERIFY(!trail.connected);
        QVERIFY2(trail.failure.contains(QStringLiteral("Cannot connect to 127.0.0.1 on port %1").arg(port)), qPrintable(trail.failure));
    }

    // Last, as it stops the receiver: a receiver that cannot be reached
    // leaves the message queued, retrying, and the report says so.
    void unreachableReceiverIsRetried()
    {
        world_.receiver.stop();
        const SendTrail trail = sendTestMail(baseSettings(), composeTestMessage(kUser, kTo, newTestId(), QDateTime::currentDateTime()));
        QVERIFY2(trail.accepted, qPrintable(trail.failure));
        QVERIFY2(world_.waitForEvent(QStringLiteral("deferred"), trail.queueId).hasMatch(),
            qPrintable(world_.postwrd.log().right(2000)));
        const DeliveryReport report = reportFor(world_.postwrd.log().split(QLatin1Char('\n')), trail.queueId);
        QCOMPARE(report.state, DeliveryReport::State::Deferred);
        QVERIFY(report.attempts >= 1);
        QVERIFY2(report.advice.contains(QStringLiteral("could not be reached")), qPrintable(report.reply + " / " + report.advice));
    }

private:
    SenderSettings baseSettings() const
    {
        SenderSettings settings;
        settings.host = QStringLiteral("127.0.0.1");
        settings.port = world_.postwrd.port(Role::Submission);
        settings.username = kUser;
        settings.password = password_;
        settings.from = kUser;
        settings.to = kTo;
        settings.pinnedCertificateSha256 = pin_;
        settings.timeout = std::chrono::seconds(20);
        return settings;
    }

    QTemporaryDir work_;
    DeliverySetup world_;
    QString password_;
    QString pin_;
};

QTEST_GUILESS_MAIN(TestMailTest)
#include "tst_it_test_mail.moc"
