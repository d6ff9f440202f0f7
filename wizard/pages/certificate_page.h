// The TLS certificate: what postwrd serves now (names, issuer, expiry;
// self-signed or ending soon marked), and how to get a better one — from
// Let's Encrypt (the default, renewed by itself), from files already on the
// server, or a new self-signed one for testing. Where port 80 cannot be
// opened, Let's Encrypt checks the name through Cloudflare's DNS instead,
// with an API token kept in the desktop's keyring (and on the server, for
// renewals, readable by its owner only). The work is the "tls" step
// (steps/tls_step.h); a failure says what to do next to the choice. The
// wizard shows it after the DNS records (Let's Encrypt needs the host
// name's A record), the dashboard as a tab.
#pragma once

#include "pages/setup_wizard.h"

#include <QWizardPage>
#include <memory>

namespace postwr::steps {
class Step;
}

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

namespace postwr::pages {

class StepRunView;

class CertificatePage : public QWizardPage {
    Q_OBJECT

public:
    explicit CertificatePage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateFields();
    QString inputProblem() const;
    void readServed();
    // Reads what postwrd serves, and shows it when the run ends.
    std::shared_ptr<steps::Step> readStep();
    void apply();
    QString cloudflareKeyringName() const;

    WizardState &m_state;
    QLabel *m_intro;
    QFormLayout *m_letsEncryptForm;
    QFormLayout *m_existingForm;
    QLabel *m_served;
    QRadioButton *m_letsEncrypt;
    QLineEdit *m_email;
    QRadioButton *m_cloudflare;
    QLineEdit *m_token;
    QFormLayout *m_cloudflareForm;
    QRadioButton *m_existing;
    QLineEdit *m_certificate;
    QLineEdit *m_key;
    QRadioButton *m_selfSigned;
    QLabel *m_problem;
    QPushButton *m_apply;
    StepRunView *m_run;
    QString m_runProblem; // why the last try failed, until a field changes
};

} // namespace postwr::pages
