// Step 7: is postwrd running, which version, how many messages wait in the
// queue, how the backup stands, and the last lines of its log. Changes
// nothing.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

class StatusStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::StatusStep)

public:
    QString name() const override { return QStringLiteral("status"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

// A command that prints the last `lines` lines of postwrd's log and then
// follows it until cancelled (for the status page's "follow" button).
QString followLogCommand(const RemoteLayout &layout, int lines);

} // namespace postwr::steps
