#include "steps/probe_step.h"

namespace postwr::steps {

QString ProbeStep::title() const
{
    return tr("Look at the server");
}

wizard::Result<QStringList> ProbeStep::plan(StepContext &)
{
    return QStringList();
}

Status ProbeStep::run(StepContext &context)
{
    const Plan &plan = context.plan;
    ProbeOptions options;
    if (!setOutboundCheck(options, plan.outboundCheck))
        return wizard::Failure { tr("probe.outbound_check must be HOST:PORT, not \"%1\".").arg(plan.outboundCheck) };
    options.ports = { plan.install.ports.smtp, plan.install.ports.submission, plan.install.ports.submissions };
    options.postwrdPath = context.layout.binary;
    auto answer = query(context, tr("Looking at the server"), probeScript(options));
    if (!answer)
        return answer.failure();
    auto report = parseProbe(answer->standardOutput);
    if (!report)
        return report.failure();
    m_report = *report;
    m_findings = adviceFor(m_report, { plan.install.mode, plan.install.ports, plan.hostname });
    for (const Finding &finding : m_findings) {
        const Mark mark = finding.level == Finding::Level::Good ? Mark::Good
            : finding.level == Finding::Level::Warning          ? Mark::Warning
                                                                : Mark::Problem;
        context.check(mark, finding.text);
    }
    return wizard::Done {};
}

} // namespace postwr::steps
