// Step 4: postwrd's host name (greeting, EHLO, the MX target) becomes the
// name the user chose for the reverse DNS of the server's addresses.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

class HostnameStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::HostnameStep)

public:
    QString name() const override { return QStringLiteral("hostname"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

} // namespace postwr::steps
