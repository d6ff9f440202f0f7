// Install: first what will change on the server (the install step's plan),
// then, on the user's click, the install itself, the restore of a backup if
// the user wants one (pages/restore_choice.h), and the domain's DKIM key,
// with a progress bar, the live log and Cancel. Running it again on an
// installed server changes nothing (or upgrades postwrd).
#pragma once

#include "pages/setup_wizard.h"
#include "steps/step_driver.h"

#include <QWizardPage>
#include <memory>

class QLabel;
class QListWidget;
class QPushButton;

namespace postwr::pages {

class RestoreChoice;
class StepRunView;

class InstallPage : public QWizardPage {
    Q_OBJECT

public:
    explicit InstallPage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateButton();
    void install();
    // In the sandbox: the step that reads the domain's SPF, DKIM and DMARC
    // records, for the sandbox's DNS server (the receiver checks them).
    std::shared_ptr<steps::Step> readSandboxRecords();

    WizardState &m_state;
    QLabel *m_intro;
    QLabel *m_changesLabel;
    QListWidget *m_changes;
    RestoreChoice *m_restore;
    QLabel *m_restoreProblem;
    QPushButton *m_install;
    StepRunView *m_run;
    std::unique_ptr<steps::StepDriver> m_planner;
    int m_planId = 0;
    std::shared_ptr<QList<sandbox::DnsRecord>> m_sandboxRecords;
    bool m_installed = false;
    bool m_planned = false; // the plan has been read: installing may start
};

} // namespace postwr::pages
