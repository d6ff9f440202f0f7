#include "steps/tls_step.h"

#include "dnscheck/dns_checker.h"
#include "remote/shell_quote.h"
#include "steps/acme_advice.h"
#include "steps/dns_check_step.h"
#include "steps/service_control.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace postwr::steps {

using remote::shellQuote;

namespace {

// A certificate worth keeping: trusted by others, for this host, not about to expire.
bool keeps(const ServedCertificate &served, const QString &hostname)
{
    return !served.selfSigned && served.names.contains(hostname.toLower()) && served.daysLeft > 30;
}

QString letsencryptDir(const RemoteLayout &layout)
{
    return layout.isUser() ? layout.prefix + QStringLiteral("/letsencrypt") : QStringLiteral("/etc/letsencrypt");
}

// certbot's options that keep a user-mode install's files in its prefix.
QString certbotDirectories(const RemoteLayout &layout)
{
    if (!layout.isUser())
        return {};
    const QString base = letsencryptDir(layout);
    return QStringLiteral(" --config-dir %1 --work-dir %2 --logs-dir %3")
        .arg(shellQuote(base), shellQuote(base + QStringLiteral("/work")), shellQuote(base + QStringLiteral("/log")));
}

// The environment certbot needs for the plan's ACME server (and DNS API).
QString certbotEnvironment(const TlsPlan &tls)
{
    QString environment;
    if (!tls.caBundle.isEmpty())
        environment += QStringLiteral("REQUESTS_CA_BUNDLE=%1 ").arg(shellQuote(tls.caBundle));
    if (tls.cloudflare && !tls.cloudflareApi.isEmpty())
        environment += QStringLiteral("CLOUDFLARE_API_URL=%1 ").arg(shellQuote(tls.cloudflareApi));
    return environment;
}

// Where the Cloudflare token lives on the server: beside certbot's own
// files, readable by their owner only.
QString cloudflareCredentials(const RemoteLayout &layout)
{
    return letsencryptDir(layout) + QStringLiteral("/postwr-cloudflare.ini");
}

QString renewScript(const RemoteLayout &layout)
{
    return layout.prefix + QStringLiteral("/bin/postwr-renew-certificate");
}

QString deployHook(const RemoteLayout &layout)
{
    return layout.isUser() ? layout.prefix + QStringLiteral("/bin/postwr-deploy-certificate")
                           : QStringLiteral("/etc/letsencrypt/renewal-hooks/postwr-deploy-certificate");
}

QString untilText(qint64 notAfter)
{
    return QDateTime::fromSecsSinceEpoch(notAfter, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"));
}

} // namespace

wizard::Result<ServedCertificate> parseServedCertificate(const QByteArray &json)
{
    QJsonParseError error {};
    const QJsonObject object = QJsonDocument::fromJson(json, &error).object();
    if (error.error != QJsonParseError::NoError || !object.contains(QStringLiteral("serial")))
        return wizard::Failure { TlsStep::tr("postwrd's description of its certificate cannot be read: %1")
                                     .arg(QString::fromUtf8(json.left(200))) };
    ServedCertificate served;
    for (const QJsonValue &name : object.value(QStringLiteral("names")).toArray())
        served.names << name.toString();
    served.issuer = object.value(QStringLiteral("issuer")).toString();
    served.serial = object.value(QStringLiteral("serial")).toString();
    served.notAfter = qint64(object.value(QStringLiteral("not_after")).toDouble());
    served.daysLeft = object.value(QStringLiteral("days_left")).toInt();
    served.selfSigned = object.value(QStringLiteral("self_signed")).toBool();
    served.fingerprint = object.value(QStringLiteral("fingerprint")).toString();
    return served;
}

CertificateStanding describeCertificate(const ServedCertificate &served, qint64 now)
{
    const QString names = served.names.join(QStringLiteral(", "));
    const QString until = untilText(served.notAfter);
    const qint64 daysLeft = (served.notAfter - now) / (24 * 3600);
    if (served.notAfter <= now)
        return { Mark::Problem,
            TlsStep::tr("The certificate for %1 expired on %2: mail programs refuse to send through the server. Get a "
                        "new one here.")
                .arg(names, until) };
    if (served.selfSigned)
        return { Mark::Warning,
            TlsStep::tr("Self-signed certificate for %1, valid until %2: for testing only, mail programs warn about it "
                        "and Gmail shows no lock.")
                .arg(names, until) };
    if (daysLeft <= 14)
        return { Mark::Warning,
            TlsStep::tr("The certificate for %1 from %2 ends in %n day(s), on %3: its renewal has failed. Get it "
                        "again here to see why.",
                nullptr, int(daysLeft))
                .arg(names, served.issuer, until) };
    return { Mark::Good, TlsStep::tr("Certificate for %1 from %2, valid until %3.").arg(names, served.issuer, until) };
}

wizard::Result<ServedCertificate> servedCertificate(StepContext &context)
{
    auto shown = postwrd(context, TlsStep::tr("Reading the certificate postwrd serves"),
        QStringLiteral("tls show --format json"), {}, false);
    if (!shown)
        return shown.failure();
    return parseServedCertificate(shown->standardOutput.toUtf8());
}

QString TlsStep::title() const
{
    return tr("Install a TLS certificate");
}

wizard::Result<QStringList> TlsStep::plan(StepContext &context)
{
    const TlsPlan &tls = context.plan.tls;
    const QString &host = context.plan.hostname;
    switch (tls.mode) {
    case TlsMode::LetsEncrypt: {
        auto served = servedCertificate(context);
        if (served && keeps(*served, host))
            return QStringList();
        if (tls.cloudflare)
            return QStringList { tr("Get a certificate for %1 from %2 with certbot, proving the name through Cloudflare's "
                                    "DNS, and renew it automatically")
                                     .arg(host, tls.acmeServer.section(QLatin1Char('/'), 2, 2)) };
        return QStringList { tr("Get a certificate for %1 from %2 with certbot (answering on port %3 for a moment), "
                                "and renew it automatically")
                                 .arg(host, tls.acmeServer.section(QLatin1Char('/'), 2, 2))
                                 .arg(tls.httpPort) };
    }
    case TlsMode::Existing:
        return QStringList { tr("Install the certificate %1 with the key %2").arg(tls.certificate, tls.key) };
    case TlsMode::SelfSigned:
        return QStringList { tr("Make a new self-signed certificate for %1 (mail programs will warn about it)").arg(host) };
    }
    return QStringList();
}

Status TlsStep::run(StepContext &context)
{
    const TlsPlan &tls = context.plan.tls;
    const RemoteLayout &layout = context.layout;
    const QString &host = context.plan.hostname;
    if (tls.mode == TlsMode::Existing) {
        const QString command = layout.postwrdCommand() + QStringLiteral(" tls install %1 %2 --reload")
                                                              .arg(shellQuote(tls.certificate), shellQuote(tls.key));
        auto installed = runCommand(context, tr("Installing the certificate %1").arg(tls.certificate), command, !layout.isUser());
        if (!installed)
            return installed.failure();
        return wizard::Done {};
    }
    if (tls.mode == TlsMode::SelfSigned) {
        auto made = postwrd(context, tr("Making a self-signed certificate"), QStringLiteral("tls self-signed --force"));
        if (!made)
            return made.failure();
        return reloadService(context);
    }

    auto served = servedCertificate(context);
    if (served && keeps(*served, host)) {
        context.log(tr("The certificate for %1 from %2 is valid until %3: kept.").arg(host, served->issuer, untilText(served->notAfter)));
        return wizard::Done {};
    }

    // A failed challenge counts against Let's Encrypt's limits: first make sure it can succeed.
    auto addresses = publicAddresses(context);
    if (!addresses)
        return addresses.failure();
    auto checker = dnscheck::DnsChecker::create(context.plan.dns.servers);
    if (!checker)
        return checker.failure();
    const QStringList resolved = (*checker)->addressesOf(host);
    QStringList ours { addresses->ipv4, addresses->ipv6 };
    ours.removeAll(QString());
    if (resolved.isEmpty())
        return wizard::Failure { tr("%1 does not resolve yet: add its A record (%2) on the DNS page, wait a few minutes "
                                    "and try again. Let's Encrypt finds the server by this name.")
                                     .arg(host, ours.join(QStringLiteral(", "))) };
    for (const QString &address : resolved) {
        if (!ours.contains(address))
            return wizard::Failure { tr("%1 points to %2, not to this server (%3): Let's Encrypt would ask another "
                                        "machine. Fix its A/AAAA records and try again.")
                                         .arg(host, address, ours.join(QStringLiteral(", "))) };
    }
    context.log(tr("%1 resolves to this server (%2).").arg(host, resolved.join(QStringLiteral(", "))));

    const QString packages = tls.cloudflare ? QStringLiteral("certbot python3-certbot-dns-cloudflare") : QStringLiteral("certbot");
    auto found = query(context, tr("Looking for certbot"),
        tls.cloudflare ? QStringLiteral("command -v certbot >/dev/null && python3 -c 'import certbot_dns_cloudflare' 2>/dev/null && echo yes; true")
                       : QStringLiteral("command -v certbot >/dev/null && echo yes; true"));
    if (!found)
        return found.failure();
    if (found->standardOutput.trimmed().isEmpty()) {
        if (layout.isUser())
            return wizard::Failure { tr("certbot is not installed on the server, and installing it needs root: ask "
                                        "the administrator to run apt-get install %1.")
                                         .arg(packages) };
        auto installed = runCommand(context, tr("Installing certbot"),
            QStringLiteral("DEBIAN_FRONTEND=noninteractive apt-get install -y ") + packages, true, {}, std::chrono::minutes(10));
        if (!installed)
            return installed.failure();
    }
    if (tls.cloudflare) {
        const QString token = context.secret ? context.secret(tls.cloudflareTokenEnv) : QString();
        if (token.trimmed().isEmpty())
            return wizard::Failure { tr("The Cloudflare API token is missing (%1).").arg(tls.cloudflareTokenEnv) };
        // The token goes through standard input into a file only its owner reads: never on a command line.
        auto stored = runCommand(context, tr("Storing the Cloudflare API token on the server"),
            QStringLiteral("umask 077 && mkdir -p %1 && cat > %2 && chmod 600 %2")
                .arg(shellQuote(letsencryptDir(layout)), shellQuote(cloudflareCredentials(layout))),
            !layout.isUser(), QStringLiteral("dns_cloudflare_api_token = %1\n").arg(token.trimmed()).toUtf8());
        if (!stored)
            return stored.failure();
    }

    // certbot looks the hook's first word up as a program, so the command goes into a script of its own.
    const QString hook = deployHook(layout);
    const QString hookScript = QStringLiteral("#!/bin/sh\n# certbot runs this for each new certificate: postwrd installs it and reloads.\nexec ")
        + layout.postwrdCommand()
        + QStringLiteral(" tls install \"$RENEWED_LINEAGE/fullchain.pem\" \"$RENEWED_LINEAGE/privkey.pem\" --reload\n");
    auto hookWritten = runCommand(context, tr("Writing certbot's deploy hook"),
        QStringLiteral("mkdir -p %1 && cat > %2 && chmod 755 %2").arg(shellQuote(hook.section(QLatin1Char('/'), 0, -2)), shellQuote(hook)),
        !layout.isUser(), hookScript.toUtf8());
    if (!hookWritten)
        return hookWritten.failure();
    QString command = certbotEnvironment(tls)
        + QStringLiteral("certbot certonly --non-interactive --agree-tos --keep-until-expiring --cert-name %1 -d %1 --server %2")
              .arg(shellQuote(host), shellQuote(tls.acmeServer));
    if (tls.cloudflare) {
        command += QStringLiteral(" --dns-cloudflare --dns-cloudflare-credentials %1 --dns-cloudflare-propagation-seconds %2")
                       .arg(shellQuote(cloudflareCredentials(layout)))
                       .arg(tls.dnsWait);
    } else {
        command += QStringLiteral(" --standalone --http-01-port %1").arg(tls.httpPort);
        if (!tls.httpAddress.isEmpty())
            command += QStringLiteral(" --http-01-address ") + shellQuote(tls.httpAddress);
    }
    command += tls.email.isEmpty() ? QStringLiteral(" --register-unsafely-without-email")
                                   : QStringLiteral(" --email ") + shellQuote(tls.email);
    command += QStringLiteral(" --deploy-hook ") + shellQuote(hook) + certbotDirectories(layout);
    // certbot's own exit status, after all its output: the advice needs the output either way.
    command += QStringLiteral(" 2>&1; echo \"certbot-exit: $?\"");
    auto issued = runCommand(context, tr("Asking %1 for a certificate").arg(tls.acmeServer.section(QLatin1Char('/'), 2, 2)),
        command, !layout.isUser(), {}, std::chrono::minutes(5));
    if (!issued)
        return issued.failure();
    if (!issued->standardOutput.contains(QLatin1String("certbot-exit: 0")))
        return wizard::Failure { AcmeAdvice::explain(issued->standardOutput, host, tls.httpPort) };

    // The hook ran for a new certificate; a kept one is installed here.
    const QString lineage = letsencryptDir(layout) + QStringLiteral("/live/") + host;
    auto installed = runCommand(context, tr("Installing the certificate"),
        layout.postwrdCommand()
            + QStringLiteral(" tls install %1 %2 --reload")
                  .arg(shellQuote(lineage + QStringLiteral("/fullchain.pem")), shellQuote(lineage + QStringLiteral("/privkey.pem"))),
        !layout.isUser());
    if (!installed)
        return installed.failure();

    if (layout.isUser()) {
        const QString renew = certbotEnvironment(tls) + QStringLiteral("exec certbot renew -q") + certbotDirectories(layout)
            + QStringLiteral(" \"$@\"");
        const QString script = QStringLiteral("#!/bin/sh\n# Renews postwr's certificate; certbot's deploy hook installs it.\n")
            + renew + QLatin1Char('\n');
        auto written = runCommand(context, tr("Writing the renewal script"),
            QStringLiteral("cat > %1 && chmod 755 %1").arg(shellQuote(renewScript(layout))), false, script.toUtf8());
        if (!written)
            return written.failure();
        auto scheduled = query(context, tr("Scheduling the renewal"),
            QStringLiteral("command -v crontab >/dev/null || { echo no-crontab; exit 0; }; "
                           "{ crontab -l 2>/dev/null | grep -v postwr-renew-certificate; echo '17 3,15 * * * %1'; } | crontab -")
                .arg(renewScript(layout)));
        if (!scheduled)
            return scheduled.failure();
        if (scheduled->standardOutput.contains(QLatin1String("no-crontab")))
            context.check(Mark::Warning,
                tr("There is no crontab on the server: run %1 twice a day some other way, or the certificate expires "
                   "in 90 days.")
                    .arg(renewScript(layout)));
    } else {
        auto timer = runCommand(context, tr("Turning on certbot's renewal timer"),
            QStringLiteral("systemctl enable --now certbot.timer 2>/dev/null || true"), true);
        if (!timer)
            return timer.failure();
    }

    auto now = servedCertificate(context);
    if (!now)
        return now.failure();
    if (now->selfSigned || !now->names.contains(host.toLower()))
        return wizard::Failure { tr("certbot succeeded, but postwrd still serves another certificate (%1).").arg(now->issuer) };
    context.check(Mark::Good,
        tr("postwrd serves a certificate for %1 from %2, valid until %3; it renews by itself.")
            .arg(now->names.join(QStringLiteral(", ")), now->issuer, untilText(now->notAfter)));
    return wizard::Done {};
}

} // namespace postwr::steps
