// The domain and the mail host name: the domain the user sends from
// (example.org) and the name the server answers to (mail.example.org),
// which its reverse DNS and certificate will carry. The host name follows
// the domain until the user edits it.
#pragma once

#include "pages/setup_wizard.h"

#include <QWizardPage>

class QFormLayout;
class QLabel;
class QLineEdit;

namespace postwr::pages {

class DomainPage : public QWizardPage {
    Q_OBJECT

public:
    explicit DomainPage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void update();
    // What is wrong with the fields, each next to its own; "" when nothing.
    QString domainProblem() const;
    QString hostnameProblem() const;

    WizardState &m_state;
    QLabel *m_intro;
    QFormLayout *m_form;
    QLineEdit *m_domain;
    QLabel *m_domainProblem;
    QLineEdit *m_hostname;
    QLabel *m_hostnameProblem;
    bool m_hostnameEdited = false;
};

} // namespace postwr::pages
