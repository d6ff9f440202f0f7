// The server check: the probe step's findings as a checklist, each good, a
// warning or a problem with its advice. Runs when the page is shown; Back
// cancels it.
#pragma once

#include "pages/setup_wizard.h"
#include "steps/probe_step.h"
#include "steps/step_driver.h"

#include <QWizardPage>
#include <memory>

class QLabel;
class QListWidget;
class QProgressBar;

namespace postwr::pages {

class ServerCheckPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ServerCheckPage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void showFindings(const QList<steps::Finding> &findings);

    WizardState &m_state;
    QLabel *m_intro;
    QProgressBar *m_progress;
    QListWidget *m_findings;
    QLabel *m_status;
    std::unique_ptr<steps::StepDriver> m_driver;
    std::shared_ptr<steps::ProbeStep> m_probe;
    int m_run = 0;
    bool m_done = false;
};

} // namespace postwr::pages
