// Step 6: forwarding. Each domain of the plan's "forwarding" gets its
// aliases file (DIR/domains/DOMAIN/aliases, chasquid's syntax), e.g. the
// catch-all `*: me@gmail.com`. The text is checked by the very parser
// postwrd reads it with (service/mail/aliases.h) before it is written; the
// file it replaces is kept as aliases.previous.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

class ForwardingStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::ForwardingStep)

public:
    QString name() const override { return QStringLiteral("forwarding"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

// The aliases file for `domain`: the named addresses first, the catch-all
// last; a failure with postwrd's own message when it would not parse.
wizard::Result<QString> aliasesFileText(const QString &domain, const QList<AliasPlan> &aliases);

} // namespace postwr::steps
