// The one-click check: a test message from this computer through the
// server's submission port, as one of its accounts, to the user's own
// mailbox or to the server's reflector (which checks SPF, DKIM and DMARC
// itself); the report follows it on the server and shows every stage with
// an icon, or the exact problem and what to do. Below, the settings for
// Gmail's "Send mail as" and for mail programs.
#pragma once

#include "pages/setup_wizard.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace postwr::pages {

class SendAsPanel;
class StepRunView;

class TestMailPage : public QWizardPage {
    Q_OBJECT

public:
    explicit TestMailPage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    // How the last test went, for the last page: "" before any.
    QString outcome() const { return m_outcome; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateFields();
    QString inputProblem() const;
    void send();

    WizardState &m_state;
    QLabel *m_intro;
    QFormLayout *m_form;
    QComboBox *m_from;
    QLineEdit *m_password;
    QLineEdit *m_to;
    QCheckBox *m_reflector;
    QComboBox *m_security;
    QLabel *m_problem;
    QPushButton *m_send;
    StepRunView *m_run;
    SendAsPanel *m_sendAs;
    QString m_outcome;
};

} // namespace postwr::pages
