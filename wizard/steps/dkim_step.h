// The DKIM step: every domain of the plan gets a signing key (RSA-2048,
// made on the server by `postwrd dkim keygen`, so the private key never
// leaves it) unless it has one; postwrd signs with it from the next
// message on. The TXT record each key needs is logged, for the DNS panel.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

// One key as `postwrd dkim list` prints it.
struct DkimKeyInfo {
    QString domain;
    QString selector;
    QString description; // "rsa-2048"
    QString recordName; // "p2026a._domainkey.example.org"
    QString recordValue; // "v=DKIM1; k=rsa; p=…"
};

// Parses `postwrd dkim list`'s tab-separated lines.
wizard::Result<QList<DkimKeyInfo>> parseDkimList(const QString &output);

wizard::Result<QList<DkimKeyInfo>> listDkimKeys(StepContext &context);

class DkimStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::DkimStep)

public:
    QString name() const override { return QStringLiteral("dkim"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

} // namespace postwr::steps
