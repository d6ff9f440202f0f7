#include "steps/test_mail_step.h"

#include "mailtest/delivery_report.h"
#include "mailtest/test_message.h"
#include "remote/shell_quote.h"
#include "steps/service_control.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QThread>

namespace postwr::steps {

using mailtest::DeliveryReport;

namespace {

constexpr int kFollowSeconds = 60;

// The log lines about `queueId` so far.
wizard::Result<QStringList> logLinesOf(StepContext &context, const QString &queueId)
{
    const RemoteLayout &layout = context.layout;
    const QString pattern = remote::shellQuote(QStringLiteral("id=") + queueId);
    const QString command = layout.isUser()
        ? QStringLiteral("grep -F %1 %2; true").arg(pattern, remote::shellQuote(layout.logFile))
        : QStringLiteral("journalctl -u postwrd --no-pager -o cat --since -2h | grep -F %1; true").arg(pattern);
    auto read = query(context, TestMailStep::tr("Reading postwrd's log"), command, !layout.isUser());
    if (!read)
        return read.failure();
    return read->standardOutput.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void reportSending(StepContext &context, const mailtest::SendTrail &trail, const mailtest::SenderSettings &settings)
{
    if (trail.connected)
        context.check(Mark::Good, TestMailStep::tr("Connected to %1 (%2), port %3.").arg(settings.host, trail.peerAddress).arg(trail.port));
    if (trail.tls)
        context.check(Mark::Good,
            (trail.certificatePinned
                ? TestMailStep::tr("%1 (%2); the certificate for %3, valid until %4, is the self-signed one "
                                   "Postwr made (trusted by its fingerprint until the certificate step).")
                : TestMailStep::tr("%1 (%2); the certificate for %3 is valid until %4."))
                        .arg(trail.tlsProtocol, trail.cipher, trail.certificateSubject,
                            QLocale().toString(trail.certificateExpiry.date(), QLocale::ShortFormat)));
    if (trail.authenticated)
        context.check(Mark::Good, TestMailStep::tr("Logged in as %1.").arg(settings.username));
    if (trail.accepted)
        context.check(Mark::Good, TestMailStep::tr("The server took the message: queue id %1.").arg(trail.queueId));
}

// The reflector's verdicts, one line per check and address.
Status reportReflection(StepContext &context, const DeliveryReport &report)
{
    bool passed = !report.reflected.isEmpty();
    for (const mailtest::ReflectorVerdict &v : report.reflected) {
        if (v.address == QLatin1String("none")) {
            context.check(Mark::Problem, TestMailStep::tr("The server's check could not run: %1. Give the mail host name an "
                                         "A record (the DNS step).")
                            .arg(v.reason));
            passed = false;
            continue;
        }
        passed = passed && v.passed();
        const auto mark = [](bool good) { return good ? Mark::Good : Mark::Problem; };
        const auto detail = [](const QString &reason) { return reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(reason); };
        context.check(mark(v.spf == QLatin1String("pass")),
            TestMailStep::tr("SPF for mail from %1: %2%3").arg(v.address, v.spf, detail(v.spfReason)));
        context.check(mark(v.dkim.startsWith(QLatin1String("pass")) && !v.dkim.contains(QLatin1String(",fail"))),
            TestMailStep::tr("DKIM: %1%2").arg(v.dkim, detail(v.dkimReason)));
        context.check(mark(v.dmarc.startsWith(QLatin1String("pass"))),
            TestMailStep::tr("DMARC: %1%2").arg(v.dmarc, detail(v.dmarcReason)));
    }
    if (!passed)
        return wizard::Failure { TestMailStep::tr("The server's own check failed: receivers would not trust this "
                                                  "mail. Publish the records of the DNS step and check them there.") };
    context.log(TestMailStep::tr("SPF, DKIM and DMARC pass: receivers can trust mail from this server."));
    return wizard::Done {};
}

// Follows the message on the server (bounded), reporting the outcome.
Status reportDelivery(StepContext &context, const QString &queueId, bool reflector)
{
    QElapsedTimer clock;
    clock.start();
    DeliveryReport report;
    for (int poll = 0; poll < kFollowSeconds * 2; ++poll) {
        auto lines = logLinesOf(context, queueId);
        if (!lines)
            return lines.failure();
        report = mailtest::reportFor(*lines, queueId);
        if (reflector && !report.reflected.isEmpty())
            break;
        const bool settled = report.state == DeliveryReport::State::Delivered
            || report.state == DeliveryReport::State::Bounced || report.state == DeliveryReport::State::Deferred;
        if ((!reflector && settled) || clock.hasExpired(kFollowSeconds * 1000))
            break;
        if (context.cancel && context.cancel->load())
            return wizard::Failure { TestMailStep::tr("Cancelled.") };
        QThread::msleep(500);
    }
    if (report.signatures.isEmpty())
        context.check(Mark::Problem, TestMailStep::tr("The message was not signed with DKIM: make a key for the sender's "
                                     "domain (the DKIM step) and publish its record."));
    for (const mailtest::DkimSignature &signature : report.signatures)
        context.check(Mark::Good, TestMailStep::tr("Signed with DKIM: %1, selector %2, domain %3.")
                        .arg(signature.algorithm, signature.selector, signature.domain));
    if (reflector && !report.reflected.isEmpty())
        return reportReflection(context, report);
    switch (report.state) {
    case DeliveryReport::State::Delivered:
        if (report.ip.isEmpty())
            context.check(Mark::Good, TestMailStep::tr("Delivered to the mailbox of %1 on this server.").arg(report.recipient));
        else
            context.check(Mark::Good, TestMailStep::tr("Delivered to %1 at %2 (%3, over %4): %5")
                            .arg(report.recipient, report.mx, report.ip,
                                report.tls == QLatin1String("plaintext") ? TestMailStep::tr("no encryption") : report.tls,
                                report.reply));
        return wizard::Done {};
    case DeliveryReport::State::Bounced:
        return wizard::Failure { TestMailStep::tr("%1 refused the message for good: %2. %3")
                .arg(report.mx.isEmpty() ? report.recipient : report.mx, report.reply, report.advice) };
    case DeliveryReport::State::Deferred:
        return wizard::Failure { TestMailStep::tr("Not delivered yet, postwrd will try again in %1 seconds: %2. %3")
                .arg(report.nextAttemptInSeconds, report.reply, report.advice) };
    case DeliveryReport::State::Queued:
    case DeliveryReport::State::NotFound:
        break;
    }
    return wizard::Failure { TestMailStep::tr("The message is still waiting in the queue after %1 seconds; "
                                              "the status step shows postwrd's log.")
            .arg(kFollowSeconds) };
}

} // namespace

QString certificateFingerprint(const QString &output)
{
    return QRegularExpression(QStringLiteral("SHA-256 fingerprint ([0-9A-Fa-f:]{95})")).match(output).captured(1);
}

QStringList gmailSendAsSettings(const QString &host, quint16 port, const QString &account)
{
    return {
        TestMailStep::tr("To send as %1 from Gmail: Settings, Accounts, \"Send mail as\", \"Add another email address\":")
            .arg(account),
        TestMailStep::tr("  SMTP Server: %1").arg(host),
        TestMailStep::tr("  Port: %1").arg(port),
        TestMailStep::tr("  Username: %1").arg(account),
        TestMailStep::tr("  Password: the password of %1").arg(account),
        port == 465 ? TestMailStep::tr("  Secured connection using SSL")
                    : TestMailStep::tr("  Secured connection using TLS (recommended)"),
        TestMailStep::tr("Gmail then sends a confirmation code to %1; it arrives in the mailbox this server "
                         "forwards to.")
            .arg(account),
    };
}

QStringList mailClientSettings(const QString &host, quint16 port, const QString &account)
{
    return {
        TestMailStep::tr("In Thunderbird, Outlook or Apple Mail, the outgoing (SMTP) server for %1:").arg(account),
        TestMailStep::tr("  Server: %1, port %2, %3").arg(host).arg(port).arg(port == 465 ? TestMailStep::tr("SSL/TLS")
                                                                                      : TestMailStep::tr("STARTTLS")),
        TestMailStep::tr("  Authentication: normal password; user name: %1").arg(account),
        TestMailStep::tr("Incoming mail is forwarded to your mailbox elsewhere: this server has no IMAP, so the "
                         "clients' automatic setup (autoconfig, autodiscover) does not apply; enter these values by "
                         "hand."),
    };
}

QString TestMailStep::title() const
{
    return tr("Send a test message");
}

wizard::Result<QStringList> TestMailStep::plan(StepContext &)
{
    return QStringList();
}

Status TestMailStep::run(StepContext &context)
{
    const Plan &plan = context.plan;
    const TestMailPlan &test = plan.testMail;
    const QString password = context.secret ? context.secret(test.passwordEnv) : QString();
    if (password.isNull())
        return wizard::Failure { tr("The password of %1 should be in the environment variable %2, which is not set.")
                .arg(test.from, test.passwordEnv) };

    auto fingerprint = postwrd(context, tr("Reading the server's certificate"), QStringLiteral("tls self-signed"), {}, false);
    if (!fingerprint)
        return fingerprint.failure();

    mailtest::SenderSettings settings;
    settings.host = plan.server.target.host;
    settings.security = test.implicitTls ? mailtest::SenderSettings::Security::ImplicitTls
                                         : mailtest::SenderSettings::Security::StartTls;
    settings.port = test.implicitTls ? plan.install.ports.submissions : plan.install.ports.submission;
    settings.username = test.from;
    settings.password = password;
    settings.from = test.from;
    const bool reflector = test.to == QLatin1String("reflector");
    settings.to = reflector ? QStringLiteral("postwr-reflector@") + test.from.section(QLatin1Char('@'), 1) : test.to;
    settings.pinnedCertificateSha256 = certificateFingerprint(fingerprint->standardOutput);

    const QString id = mailtest::newTestId();
    context.log(tr("Sending test message %1 from %2 to %3.").arg(id, test.from, settings.to));
    const mailtest::SendTrail trail
        = mailtest::sendTestMail(settings, mailtest::composeTestMessage(test.from, settings.to, id, QDateTime::currentDateTime()));
    reportSending(context, trail, settings);
    if (!trail.accepted)
        return wizard::Failure { trail.failure };

    Status delivered = reportDelivery(context, trail.queueId, reflector);
    if (delivered && !reflector) {
        context.log(tr("In the receiving mailbox, look for the subject \"Postwr test message %1\". In Gmail, "
                       "\"Show original\" should say SPF: PASS, DKIM: PASS and DMARC: PASS.")
                        .arg(id));
        const QString host = plan.hostname.isEmpty() ? settings.host : plan.hostname;
        for (const QString &line : gmailSendAsSettings(host, settings.port, test.from) + mailClientSettings(host, settings.port, test.from))
            context.log(line);
    }
    return delivered;
}

} // namespace postwr::steps
