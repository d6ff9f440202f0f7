// Step 1: look at the server before changing anything, and say what is
// good, what deserves a look and what must be fixed (probe_advice.h). It
// changes nothing, and problems do not stop the plan: the later steps fail
// with their own reasons if a problem really is one.
#pragma once

#include "steps/probe_advice.h"
#include "steps/step.h"

namespace postwr::steps {

class ProbeStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::ProbeStep)

public:
    QString name() const override { return QStringLiteral("probe"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;

    // After run(): what was found, for the probe page.
    const ProbeReport &report() const { return m_report; }
    const QList<Finding> &findings() const { return m_findings; }

private:
    ProbeReport m_report;
    QList<Finding> m_findings;
};

} // namespace postwr::steps
