// Connect to the server: host, port, user and how to log in (ssh-agent, a
// key file with its passphrase, or a password). On first contact the
// server's key type and SHA256 fingerprint are shown and must be trusted
// explicitly; a changed key is refused with a warning. Next is enabled once
// logged in. "Try it on this computer" sets up a sandbox on this machine
// (sandbox/sandbox_services.h) and connects to it instead.
#pragma once

#include "pages/setup_wizard.h"

#include <QWizardPage>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QFormLayout;

namespace postwr::pages {

class ConnectPage : public QWizardPage {
    Q_OBJECT

public:
    explicit ConnectPage(WizardState &state, QWidget *parent = nullptr);
    bool isComplete() const override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    // The first problem of the fields, "" when they can be used.
    QString inputProblem() const;
    // `edited`: by the user, so a login made before no longer counts.
    void updateFields(bool edited);
    void connectToServer();
    // Starts the sandbox and fills the fields and the plan for it.
    void trySandbox();
    void onHostKey(const wizard::Result<remote::HostKeyCheck> &check);
    void login();
    void onLoggedIn(const wizard::Status &status);
    void fail(const QString &message);

    WizardState &m_state;
    QLabel *m_intro;
    QPushButton *m_trySandbox;
    QFormLayout *m_form;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_user;
    QComboBox *m_method;
    QLineEdit *m_keyFile;
    QLineEdit *m_secret;
    QPushButton *m_connect;
    QLabel *m_status;
    bool m_busy = false;
    bool m_loggedIn = false;
};

} // namespace postwr::pages
