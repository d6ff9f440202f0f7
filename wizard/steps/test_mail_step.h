// The one-click check: a test message from the desktop through the server's
// submission port, authenticated as one of its accounts, followed on the
// server through postwrd's log until it is delivered, bounced or deferred;
// every stage is reported with what to do when it failed. Also prints what
// to type in Gmail's "Send mail as" form. Changes nothing on the server.
#pragma once

#include "mailtest/test_mail_sender.h"
#include "steps/step.h"

namespace postwr::steps {

class TestMailStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::TestMailStep)

public:
    QString name() const override { return QStringLiteral("send-test"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

// "AB:CD:…" from `postwrd tls self-signed`'s answer (also for an existing
// certificate), or "" when there is none.
QString certificateFingerprint(const QString &output);

// The lines of Gmail's "Add another email address" form for `account`.
QStringList gmailSendAsSettings(const QString &host, quint16 port, const QString &account);
// The outgoing server settings for Thunderbird, Outlook and Apple Mail.
QStringList mailClientSettings(const QString &host, quint16 port, const QString &account);

} // namespace postwr::steps
