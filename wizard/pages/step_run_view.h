// The part of a page that runs steps: a progress bar, the checklist of what
// the steps found (with icons), the live log of what they do and of the
// commands' output, and a Cancel button. Steps run one after the other on
// the SSH session's thread; the window never waits for them.
#pragma once

#include "pages/setup_wizard.h"
#include "steps/step_driver.h"

#include <QWidget>
#include <memory>
#include <vector>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace postwr::pages {

class StepRunView : public QWidget {
    Q_OBJECT

public:
    explicit StepRunView(WizardState &state, QWidget *parent = nullptr);
    ~StepRunView() override;

    // Runs `steps` in order with the wizard's plan as it is now; stops at
    // the first failure. Clears what an earlier run showed.
    void start(std::vector<std::shared_ptr<steps::Step>> steps);
    void cancel();
    bool isRunning() const { return m_running; }
    // The checklist's lines so far, for the pages that sum them up.
    QListWidget *checks() const { return m_checks; }

signals:
    void finished(const postwr::wizard::Status &status);
    // A secret the user must see once (a generated password).
    void revealed(const QString &label, const QString &secret);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void runNext();
    void appendLog(const QString &line);
    void finish(const wizard::Status &status);

    WizardState &m_state;
    QProgressBar *m_progress;
    QLabel *m_current;
    QListWidget *m_checks;
    QPlainTextEdit *m_log;
    QPushButton *m_cancel;
    std::unique_ptr<steps::StepDriver> m_driver;
    std::vector<std::shared_ptr<steps::Step>> m_steps;
    std::size_t m_next = 0;
    int m_runId = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace postwr::pages
