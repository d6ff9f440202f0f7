// Sender accounts: the addresses that may send through the server, each
// with its own password (at least 8 characters, or a strong one Postwr
// generates and shows once). Listed from the server, added and removed
// there by postwrd itself. Next needs at least one account of the domain.
#pragma once

#include "pages/setup_wizard.h"

#include <QWizardPage>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace postwr::pages {

class StepRunView;

class AccountsPage : public QWizardPage {
    Q_OBJECT

public:
    explicit AccountsPage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateFields();
    QString inputProblem() const;
    void refresh();
    void add();
    void removeSelected();
    void showAccounts();

    WizardState &m_state;
    QLabel *m_intro;
    QListWidget *m_accounts;
    QPushButton *m_remove;
    QFormLayout *m_form;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QCheckBox *m_generate;
    QLabel *m_problem;
    QPushButton *m_add;
    QLabel *m_generated;
    QLineEdit *m_generatedPassword;
    StepRunView *m_run;
};

} // namespace postwr::pages
