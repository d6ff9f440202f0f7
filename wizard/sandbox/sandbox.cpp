#include "payload/payload.h"
#include "remote/shell_quote.h"
#include "remote/ssh_session.h"
#include "sandbox/sandbox.h"
#include "sandbox/sandbox_dns.h"
#include "sandbox/sandbox_plan.h"
#include "sandbox/sandbox_process.h"
#include "sandbox/sandbox_receiver.h"
#include "sandbox/sandbox_report.h"
#include "sandbox/sandbox_services.h"
#include "sandbox/sandbox_sshd.h"
#include "steps/plan_runner.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTextStream>
#include <QThread>
#include <csignal>

namespace postwr::sandbox {

namespace {

std::atomic_bool g_cancel { false };

extern "C" void onSandboxInterrupt(int)
{
    g_cancel = true; // the running step or wait ends, then everything is stopped
}

const QString kReceiverAccount = QLatin1String(SandboxReceiver::kAccount);
// Any address of the domain that is no account: the catch-all forwards it.
const QString kCatchAllAddress = QStringLiteral("some-name@sandbox.test");

// What the receiver made of one message.
struct Arrival {
    QString file; // empty: it did not arrive
    QStringList authenticationResults;
    QString spf;
    QString dkim;
    QString dmarc;
};

class SandboxRun {
public:
    explicit SandboxRun(QString directory);
    ~SandboxRun();
    SandboxRun(const SandboxRun &) = delete;
    SandboxRun &operator=(const SandboxRun &) = delete;

    int exec();

private:
    wizard::Status runPlan(const QString &phase, const QJsonObject &json);
    wizard::Result<QList<DnsRecord>> readAndPrintRecords();
    wizard::Result<QStringList> runOverSsh(const QStringList &commands);
    // The next message in the receiver's inbox whose To: has `to`, waited for
    // at most `timeoutMs`.
    Arrival waitForArrival(const QString &to, int timeoutMs);
    int summarize(const Arrival &direct, const Arrival &forwarded);
    void report(const QString &line, bool isHeading) { isHeading ? heading(line) : say(line); }

    QString path(const QString &name) const { return QDir(m_services.directory()).filePath(name); }
    // "== Starting …", and the lines under it.
    void heading(const QString &text) { m_out << "== " << text << Qt::endl; }
    void say(const QString &text) { m_out << "   " << text << Qt::endl; }

    QTextStream m_out { stdout };
    QTextStream m_err { stderr };
    SandboxServices m_services;
    const SandboxPlanSettings &m_settings = m_services.settings();
    QStringList m_readMessages;
};

SandboxRun::SandboxRun(QString directory)
    : m_services(std::move(directory))
{
}

SandboxRun::~SandboxRun()
{
    m_services.stop([this](const QString &line, bool isHeading) { report(line, isHeading); });
}

wizard::Status SandboxRun::runPlan(const QString &phase, const QJsonObject &json)
{
    const QByteArray text = QJsonDocument(json).toJson();
    writeFile(path(phase + QStringLiteral("-plan.json")), text); // to read or rerun with --headless
    auto plan = steps::parsePlan(text);
    if (!plan)
        return wizard::Failure { Sandbox::tr("The sandbox's plan is not valid: %1").arg(plan.failure().message) };
    steps::RunnerOutput output;
    output.progress = [this](const QString &line) { heading(line); };
    output.log = [this](const QString &line) { say(line); };
    output.output = [&](remote::Stream, const QString &line) { m_out << "   | " << line << Qt::endl; };
    output.reveal = [&](const QString &label, const QString &secret) {
        say(Sandbox::tr("%1 (shown only now, keep it safe): %2").arg(label, secret));
    };
    // The account's password goes from here to the steps, never through the environment.
    output.secret = [this](const QString &name) {
        return name == m_settings.passwordVariable ? m_services.password() : QString();
    };
    steps::PlanRunner runner(*plan, payload::postwrdBinary(), m_settings.knownHosts);
    return runner.run(output, &g_cancel);
}

wizard::Result<QStringList> SandboxRun::runOverSsh(const QStringList &commands)
{
    remote::SshSession ssh(m_settings.knownHosts);
    auto check
        = ssh.connectTo({ QStringLiteral("127.0.0.1"), m_settings.sshPort, m_settings.user }, std::chrono::seconds(30));
    if (!check)
        return check.failure();
    // Phase 1 trusted this key; anything else is not the sandbox's sshd.
    if (check->state != remote::HostKeyState::Trusted || check->key.fingerprint != m_settings.hostKey)
        return wizard::Failure { Sandbox::tr("The SSH server on port %1 is not the sandbox's: its host key is %2.")
                                     .arg(m_settings.sshPort)
                                     .arg(check->key.fingerprint) };
    remote::SshCredentials credentials;
    credentials.method = remote::AuthMethod::KeyFile;
    credentials.keyFile = m_settings.keyFile;
    wizard::Status loggedIn = ssh.authenticate(credentials);
    if (!loggedIn)
        return loggedIn.failure();
    QStringList outputs;
    for (const QString &command : commands) {
        remote::CommandOptions options;
        options.timeout = std::chrono::seconds(60);
        const remote::CommandResult result = ssh.run(command, options, {}, &g_cancel);
        if (!result.ok()) {
            const QStringList errors = result.standardError.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            return wizard::Failure { Sandbox::tr("%1 failed on the server: %2")
                                         .arg(command,
                                             !result.error.isEmpty() ? result.error
                                                 : result.cancelled  ? Sandbox::tr("cancelled")
                                                 : result.timedOut   ? Sandbox::tr("timed out")
                                                 : errors.isEmpty()
                                                 ? Sandbox::tr("exit status %1").arg(result.exitStatus)
                                                 : errors.constLast()) };
        }
        outputs << result.standardOutput;
    }
    return outputs;
}

wizard::Result<QList<DnsRecord>> SandboxRun::readAndPrintRecords()
{
    heading(Sandbox::tr("The DNS records sandbox.test needs (postwrd dns records, over SSH)"));
    const QString prefix = remote::shellQuote(m_settings.prefix);
    const QString command = QStringLiteral("%1/bin/postwrd --config %1/etc dns records %2 --ipv4 127.0.0.1 --format ")
                                .arg(prefix, kSandboxDomain);
    auto outputs = runOverSsh({ command + QStringLiteral("table"), command + QStringLiteral("json") });
    if (!outputs)
        return outputs.failure();
    for (const QString &line : outputs->at(0).split(QLatin1Char('\n')))
        m_out << "   | " << line << Qt::endl;
    return authenticationRecords(outputs->at(1).toUtf8());
}

Arrival SandboxRun::waitForArrival(const QString &to, int timeoutMs)
{
    Arrival arrival;
    const QDeadlineTimer deadline(timeoutMs);
    while (arrival.file.isEmpty() && !g_cancel) {
        for (const QString &file : m_services.receiver().messages()) {
            if (m_readMessages.contains(file))
                continue;
            const QByteArray message = readFile(file);
            if (!headerField(message, QStringLiteral("To")).contains(to, Qt::CaseInsensitive))
                continue;
            m_readMessages << file;
            arrival.file = file;
            arrival.authenticationResults = authenticationResults(message);
            arrival.spf = resultOf(arrival.authenticationResults, QStringLiteral("spf"));
            arrival.dkim = resultOf(arrival.authenticationResults, QStringLiteral("dkim"));
            arrival.dmarc = resultOf(arrival.authenticationResults, QStringLiteral("dmarc"));
            break;
        }
        if (deadline.hasExpired())
            break;
        QThread::msleep(100);
    }
    return arrival;
}

int SandboxRun::summarize(const Arrival &direct, const Arrival &forwarded)
{
    const auto verdicts
        = [](const Arrival &a) { return QStringLiteral("dkim=%1 spf=%2 dmarc=%3").arg(a.dkim, a.spf, a.dmarc); };
    m_out << Qt::endl;
    heading(Sandbox::tr("Summary"));
    if (direct.file.isEmpty()) {
        say(Sandbox::tr("[problem] The test message from %1 did not reach %2.").arg(kSandboxAccount, kReceiverAccount));
    } else {
        say(Sandbox::tr("[good] The test message from %1 reached %2: %3")
                .arg(kSandboxAccount, kReceiverAccount, direct.file));
        for (const QString &field : direct.authenticationResults)
            say(field);
        say(verdicts(direct));
    }
    if (forwarded.file.isEmpty())
        say(Sandbox::tr("[problem] Mail to %1 did not reach %2 by the catch-all.")
                .arg(kCatchAllAddress, kReceiverAccount));
    else
        say(Sandbox::tr("[good] Mail to %1 reached %2 by the catch-all (%3).")
                .arg(kCatchAllAddress, kReceiverAccount, verdicts(forwarded)));
    const bool passed = !direct.file.isEmpty() && direct.dkim == QLatin1String("pass");
    if (passed)
        say(Sandbox::tr("The sandbox works: mail from your server arrives signed, and the receiver trusts it."));
    else
        m_err << Sandbox::tr(
            "postwr: the test message did not arrive with a passing DKIM signature; the logs are in %1.")
                     .arg(m_services.directory())
              << Qt::endl;
    return passed ? 0 : 1;
}

int SandboxRun::exec()
{
    heading(Sandbox::tr("Postwr sandbox in %1: a VPS, a DNS server and a receiving mail server, on this "
                        "machine's loopback")
                .arg(m_services.directory()));
    const auto failed = [this](const wizard::Failure &failure) {
        m_err << Sandbox::tr("postwr: %1").arg(g_cancel ? Sandbox::tr("interrupted.") : failure.message) << Qt::endl;
        return 1;
    };
    wizard::Status ready
        = m_services.start([this](const QString &line, bool isHeading) { report(line, isHeading); }, &g_cancel);
    if (ready)
        ready = runPlan(QStringLiteral("setup"), setupPlan(m_settings, kReceiverAccount));
    if (!ready)
        return failed(ready.failure());

    auto records = readAndPrintRecords();
    if (!records)
        return failed(records.failure());
    heading(Sandbox::tr("Publishing SPF, DKIM and DMARC in the sandbox's DNS (dnsmasq restarted)"));
    wizard::Status published = m_services.publish(*records, &g_cancel);
    if (!published)
        return failed(published.failure());
    for (const DnsRecord &record : std::as_const(*records))
        say(QStringLiteral("TXT %1 \"%2\"").arg(record.name, record.value));

    // The step reports its own failure; the receiver's inbox has the last word.
    wizard::Status sent = runPlan(QStringLiteral("send-test"), sendTestPlan(m_settings, kReceiverAccount));
    if (!sent)
        say(Sandbox::tr("[problem] %1").arg(sent.failure().message));
    const Arrival direct = waitForArrival(kReceiverAccount, sent ? 30000 : 2000);
    Arrival forwarded;
    if (!g_cancel) {
        sent = runPlan(QStringLiteral("catch-all"), sendTestPlan(m_settings, kCatchAllAddress));
        if (!sent)
            say(Sandbox::tr("[problem] %1").arg(sent.failure().message));
        forwarded = waitForArrival(kCatchAllAddress, sent ? 30000 : 2000);
    }
    if (g_cancel)
        return failed(wizard::Failure {});
    return summarize(direct, forwarded);
}

} // namespace

int runSandbox(const QString &directory)
{
    std::signal(SIGINT, onSandboxInterrupt);
    std::signal(SIGTERM, onSandboxInterrupt);
    SandboxRun run(directory);
    return run.exec();
}

} // namespace postwr::sandbox
