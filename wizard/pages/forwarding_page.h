// Forwarding: where mail to the domain goes. The usual choice is a
// catch-all to the mailbox the user reads (their Gmail), so that anything
// @example.org arrives there; left empty, mail stays in mailboxes on the
// server. Saving writes the domain's aliases file, checked by postwrd's
// own parser first.
#pragma once

#include "pages/setup_wizard.h"

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QPushButton;

namespace postwr::pages {

class StepRunView;

class ForwardingPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ForwardingPage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateFields();
    QString inputProblem() const;
    void save();

    WizardState &m_state;
    QLabel *m_intro;
    QLabel *m_label;
    QLineEdit *m_target;
    QLabel *m_problem;
    QPushButton *m_save;
    StepRunView *m_run;
    QString m_saved; // the target the server has, as far as this page knows
    bool m_hasSaved = false;
};

} // namespace postwr::pages
