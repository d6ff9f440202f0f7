#include "steps/dns_check_step.h"

#include "dnscheck/dns_checker.h"
#include "remote/shell_quote.h"
#include "steps/server_probe.h"
#include "steps/service_control.h"

namespace postwr::steps {

wizard::Result<PublicAddresses> publicAddresses(StepContext &context)
{
    QString ipv4 = context.plan.dns.ipv4;
    QString ipv6 = context.plan.dns.ipv6;
    if (!ipv4.isEmpty() || !ipv6.isEmpty())
        return PublicAddresses { ipv4, ipv6 };
    ProbeOptions options;
    options.outboundHost.clear(); // the addresses only: no outbound test
    options.postwrdPath = context.layout.binary;
    auto answer = query(context, DnsCheckStep::tr("Looking up the server's addresses"), probeScript(options));
    if (!answer)
        return answer.failure();
    auto report = parseProbe(answer->standardOutput);
    if (!report)
        return report.failure();
    for (const ServerAddress &address : report->addresses) {
        if (!address.isPublic)
            continue;
        if (address.ipv6 && ipv6.isEmpty())
            ipv6 = address.address;
        if (!address.ipv6 && ipv4.isEmpty())
            ipv4 = address.address;
    }
    if (ipv4.isEmpty() && ipv6.isEmpty())
        return wizard::Failure { DnsCheckStep::tr("The server has no public address of its own (it may be behind NAT): "
                                                  "put its public addresses in the plan as dns.ipv4 and dns.ipv6.") };
    return PublicAddresses { ipv4, ipv6 };
}

namespace {

Mark markOf(const dnscheck::RecordVerdict &result)
{
    switch (result.verdict.state) {
    case dnscheck::Verdict::State::Correct:
        return Mark::Good;
    case dnscheck::Verdict::State::Unknown:
    case dnscheck::Verdict::State::Stale:
        return Mark::Warning;
    case dnscheck::Verdict::State::Missing:
    case dnscheck::Verdict::State::Wrong:
        break;
    }
    return isRequiredRecord(result.record.id) ? Mark::Problem : Mark::Warning;
}

} // namespace

wizard::Result<QString> dnsRecordsOf(
    StepContext &context, const QString &domain, const QString &format, const PublicAddresses &addresses)
{
    QString arguments = QStringLiteral("dns records %1 --format %2").arg(remote::shellQuote(domain), format);
    if (!addresses.ipv4.isEmpty())
        arguments += QStringLiteral(" --ipv4 ") + remote::shellQuote(addresses.ipv4);
    if (!addresses.ipv6.isEmpty())
        arguments += QStringLiteral(" --ipv6 ") + remote::shellQuote(addresses.ipv6);
    const DnsCheckPlan &options = context.plan.dns;
    if (!options.receiveHere)
        arguments += QStringLiteral(" --receive elsewhere");
    if (!options.spfIncludes.isEmpty())
        arguments += QStringLiteral(" --spf-include ") + remote::shellQuote(options.spfIncludes.join(QLatin1Char(',')));
    if (options.spfHardAll)
        arguments += QStringLiteral(" --spf-all hard");
    arguments += QStringLiteral(" --dmarc-policy ") + remote::shellQuote(options.dmarcPolicy);
    if (!options.dmarcReports.isEmpty())
        arguments += QStringLiteral(" --dmarc-rua ") + remote::shellQuote(options.dmarcReports);
    auto records = postwrd(context, DnsCheckStep::tr("Reading the records %1 needs").arg(domain), arguments, {}, false);
    if (!records)
        return records.failure();
    return records->standardOutput;
}

wizard::Result<QList<dnscheck::BlocklistResult>> blocklistsOf(StepContext &context, const PublicAddresses &addresses)
{
    QString arguments = QStringLiteral("dns blocklists --format json");
    if (!addresses.ipv4.isEmpty())
        arguments += QStringLiteral(" --ipv4 ") + remote::shellQuote(addresses.ipv4);
    if (!addresses.ipv6.isEmpty())
        arguments += QStringLiteral(" --ipv6 ") + remote::shellQuote(addresses.ipv6);
    if (!context.plan.dns.blocklists.isEmpty())
        arguments += QStringLiteral(" --lists ") + remote::shellQuote(context.plan.dns.blocklists.join(QLatin1Char(',')));
    // Exit 1 means "listed": an answer, not a failure.
    arguments += QStringLiteral(" || test $? -eq 1");
    auto answer = postwrd(context, DnsCheckStep::tr("Asking the blocklists about the server's addresses"), arguments, {}, false);
    if (!answer)
        return answer.failure();
    return dnscheck::parseBlocklistResults(answer->standardOutput.toUtf8());
}

bool isRequiredRecord(const QString &id)
{
    return id == QLatin1String("mx") || id == QLatin1String("a") || id == QLatin1String("aaaa") || id == QLatin1String("spf")
        || id.startsWith(QLatin1String("dkim:")) || id == QLatin1String("dmarc") || id.startsWith(QLatin1String("ptr:"));
}

QString DnsCheckStep::title() const
{
    return tr("Check the DNS records");
}

wizard::Result<QStringList> DnsCheckStep::plan(StepContext &)
{
    return QStringList();
}

Status DnsCheckStep::run(StepContext &context)
{
    auto checker = dnscheck::DnsChecker::create(context.plan.dns.servers);
    if (!checker)
        return checker.failure();
    auto addresses = publicAddresses(context);
    if (!addresses)
        return addresses.failure();
    int problems = 0;
    for (const QString &domain : context.plan.domains) {
        auto json = dnsRecordsOf(context, domain, QStringLiteral("json"), *addresses);
        if (!json)
            return json.failure();
        auto expected = dnscheck::parseExpectedRecords(json->toUtf8());
        if (!expected)
            return expected.failure();
        context.log(tr("Asking DNS about %1:").arg(domain));
        for (const dnscheck::RecordVerdict &result : (*checker)->check(*expected, context.cancel)) {
            const Mark mark = markOf(result);
            problems += mark == Mark::Problem ? 1 : 0;
            QString line = QStringLiteral("%1 %2").arg(result.record.type, result.record.name);
            if (!result.verdict.found.isEmpty() && result.verdict.state != dnscheck::Verdict::State::Correct)
                line += tr(": found %1").arg(result.verdict.found.left(120));
            if (!result.verdict.problem.isEmpty())
                line += QStringLiteral(" — ") + result.verdict.problem;
            context.check(mark, line);
        }
    }
    if (context.cancel && context.cancel->load())
        return wizard::Failure { tr("Cancelled.") };
    auto blocklists = blocklistsOf(context, *addresses);
    if (!blocklists)
        return blocklists.failure();
    int listings = 0;
    for (const dnscheck::BlocklistResult &result : *blocklists) {
        if (result.state == QLatin1String("clean"))
            continue;
        const bool listed = result.state == QLatin1String("listed");
        listings += listed ? 1 : 0;
        context.check(listed ? Mark::Problem : Mark::Warning, dnscheck::BlocklistReport::line(result, false));
    }
    if (const QString clean = dnscheck::BlocklistReport::cleanSummary(*blocklists); !clean.isEmpty())
        context.check(Mark::Good, clean);
    QStringList failures;
    if (problems > 0)
        failures << tr("%n record(s) that receivers need are missing or wrong.", nullptr, problems);
    if (listings > 0)
        failures << tr("The server is on %n blocklist(s).", nullptr, listings);
    if (!failures.isEmpty())
        return wizard::Failure { failures.join(QLatin1Char(' ')) };
    context.log(tr("Every record receivers need is published correctly."));
    return wizard::Done {};
}

} // namespace postwr::steps
