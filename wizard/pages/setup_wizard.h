// The setup wizard: a QWizard whose pages share one SSH connection
// (RemoteWorker, on its own thread) and the plan they fill in. The pages
// that exist so far: language, connect, server check; the others arrive
// with their issues.
#pragma once

#include "remote/remote_worker.h"
#include "steps/plan_file.h"

#include <QWizard>
#include <memory>

namespace postwr::pages {

// What the pages share.
struct WizardState {
    std::unique_ptr<remote::RemoteWorker> worker;
    steps::Plan plan;
};

class SetupWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId { LanguagePageId, ConnectPageId, ServerCheckPageId };

    // `knownHostsFile`: the app's own known_hosts.
    explicit SetupWizard(const QString &knownHostsFile, QWidget *parent = nullptr);
    ~SetupWizard() override;

    WizardState &state() { return m_state; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    WizardState m_state;
};

} // namespace postwr::pages
