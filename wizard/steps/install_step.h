// Step 3: install postwrd, or upgrade it in place (config, users and queue
// kept), and have it running.
//
// System mode: the binary in /usr/local/bin, the user `postwr`, /etc/postwr,
// /var/spool/postwr, /var/lib/postwr/mail, the hardened unit
// (service/packaging/postwrd.service), `systemctl enable --now`. A running
// Postfix/Exim/… is stopped and disabled only with the plan's consent
// (install.stop_conflicting_mta); without it the step stops with advice.
// User mode: the same under one prefix, started by the supervisor script.
// Both: the plan's domains get their directories, and a self-signed
// certificate (`postwrd tls self-signed`) makes STARTTLS and AUTH work until
// the certificate step gets a real one.
#pragma once

#include "steps/step.h"

#include <QByteArray>

namespace postwr::steps {

class InstallStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::InstallStep)

public:
    // `binary`: the postwrd to install (the app's payload; tests give theirs).
    explicit InstallStep(QByteArray binary);

    QString name() const override { return QStringLiteral("install"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;

private:
    QByteArray m_binary;
};

// Uninstalling: postwrd stopped and its program files removed; config,
// queue and mail are kept unless the plan says purge.
class UninstallStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::UninstallStep)

public:
    QString name() const override { return QStringLiteral("uninstall"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

} // namespace postwr::steps
