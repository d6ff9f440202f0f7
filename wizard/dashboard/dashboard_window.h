// The dashboard: the main window for servers already set up. On the left
// the servers the user manages (remembered in the settings); on the right,
// once connected (passwords from the keyring, or asked), tabs for the
// service's status and log, the accounts, forwarding, the test mail and the
// DNS records with their check, the same pages the wizard has. The Language menu works at any time.
#pragma once

#include "pages/setup_wizard.h"
#include "servers/server_profile.h"

#include <QMainWindow>

class QLabel;
class QListWidget;
class QPushButton;
class QTabWidget;

namespace postwr::dashboard {

class StatusTab;

class DashboardWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit DashboardWindow(const QString &knownHostsFile, QWidget *parent = nullptr);
    ~DashboardWindow() override;

    // Reads the remembered servers again and selects `id` ("" keeps the selection).
    void reload(const QString &id = {});

signals:
    void newServerRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void select(int row);
    void connectToServer();
    void login(const QString &secret);
    void onLoggedIn(const wizard::Status &status);
    void loadAccountPasswords();
    void showTab(int index);
    void forgetServer();
    void setConnected(bool connected, const QString &message);

    pages::WizardState m_state;
    QList<servers::ServerProfile> m_profiles;
    servers::ServerProfile m_current;
    QListWidget *m_servers;
    QLabel *m_connection;
    QPushButton *m_connect;
    QTabWidget *m_tabs;
    StatusTab *m_status;
    QWizardPage *m_accounts;
    QWizardPage *m_forwarding;
    QWizardPage *m_testMail;
    QWizardPage *m_dns;
    QWizardPage *m_certificate;
    QWizardPage *m_backup;
    QMenu *m_serverMenu;
    QMenu *m_languageMenu;
    QAction *m_newServer;
    QAction *m_forget;
    QAction *m_quit;
    bool m_connected = false;
};

} // namespace postwr::dashboard
