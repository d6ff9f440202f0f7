// Step 2: switch IPv6 on when sysctl switched it off, with the user's
// consent (listing the step in the plan, or ticking it in the wizard).
// The lines that switch it off in /etc/sysctl.conf and /etc/sysctl.d/ are
// commented out (the file kept as FILE.postwr-bak) and
// /etc/sysctl.d/60-postwr-ipv6.conf switches it on, now and after a reboot.
// When the server has no IPv6 address at all, there is nothing to switch
// on: the step shows how to configure one with netplan instead.
#pragma once

#include "steps/step.h"

#include <QStringList>

namespace postwr::steps {

class Ipv6Step : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::Ipv6Step)

public:
    QString name() const override { return QStringLiteral("enable-ipv6"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

struct Ipv6State {
    bool disabled = false; // net.ipv6.conf.all.disable_ipv6 = 1
    int globalAddresses = 0;
    QStringList disablingFiles; // sysctl files with a "disable_ipv6 = 1" line
};

QString ipv6StateScript();
Ipv6State parseIpv6State(const QString &output);
// Run as root; idempotent.
QString ipv6EnableScript(const QStringList &disablingFiles);
// How to give the server an IPv6 address with netplan (translated).
QString netplanHint();

} // namespace postwr::steps
