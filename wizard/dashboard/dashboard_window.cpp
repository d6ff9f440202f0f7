#include "dashboard/dashboard_window.h"

#include "dashboard/status_tab.h"
#include "pages/accounts_page.h"
#include "pages/app_icon.h"
#include "pages/backup_page.h"
#include "pages/certificate_page.h"
#include "pages/dns_page.h"
#include "pages/forwarding_page.h"
#include "pages/host_key_question.h"
#include "pages/language_menu.h"
#include "pages/test_mail_page.h"
#include "servers/secret_store.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

namespace postwr::dashboard {

using remote::AuthMethod;

DashboardWindow::DashboardWindow(const QString &knownHostsFile, QWidget *parent)
    : QMainWindow(parent)
    , m_servers(new QListWidget)
    , m_connection(new QLabel)
    , m_connect(new QPushButton)
    , m_tabs(new QTabWidget)
{
    m_state.worker = std::make_unique<remote::RemoteWorker>(knownHostsFile);
    setWindowIcon(pages::appIcon());
    m_servers->setObjectName(QStringLiteral("servers"));
    m_connection->setObjectName(QStringLiteral("connection"));
    m_connection->setWordWrap(true);
    m_connection->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connect->setObjectName(QStringLiteral("connect"));
    m_tabs->setObjectName(QStringLiteral("tabs"));

    m_status = new StatusTab(m_state);
    m_accounts = new pages::AccountsPage(m_state);
    m_forwarding = new pages::ForwardingPage(m_state);
    m_dns = new pages::DnsPage(m_state);
    m_certificate = new pages::CertificatePage(m_state);
    m_backup = new pages::BackupPage(m_state);
    m_testMail = new pages::TestMailPage(m_state);
    m_tabs->addTab(m_status, QString());
    m_tabs->addTab(m_accounts, QString());
    m_tabs->addTab(m_forwarding, QString());
    m_tabs->addTab(m_testMail, QString());
    m_tabs->addTab(m_dns, QString());
    m_tabs->addTab(m_certificate, QString());
    m_tabs->addTab(m_backup, QString());
    m_tabs->setEnabled(false);

    auto *connectionRow = new QHBoxLayout;
    connectionRow->addWidget(m_connection, 1);
    connectionRow->addWidget(m_connect);
    auto *right = new QWidget;
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->addLayout(connectionRow);
    rightLayout->addWidget(m_tabs, 1);
    auto *splitter = new QSplitter;
    splitter->addWidget(m_servers);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    setCentralWidget(splitter);

    m_serverMenu = menuBar()->addMenu(QString());
    m_newServer = m_serverMenu->addAction(QString(), this, &DashboardWindow::newServerRequested);
    m_newServer->setShortcut(QKeySequence::New);
    m_forget = m_serverMenu->addAction(QString(), this, &DashboardWindow::forgetServer);
    m_serverMenu->addSeparator();
    m_quit = m_serverMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quit->setShortcut(QKeySequence::Quit);
    m_languageMenu = pages::languageMenu(this);
    menuBar()->addMenu(m_languageMenu);

    connect(m_servers, &QListWidget::currentRowChanged, this, &DashboardWindow::select);
    connect(m_connect, &QPushButton::clicked, this, &DashboardWindow::connectToServer);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DashboardWindow::showTab);
    remote::RemoteWorker *worker = m_state.worker.get();
    connect(worker, &remote::RemoteWorker::hostKeyChecked, this, [this](const wizard::Result<remote::HostKeyCheck> &check) {
        if (!check) {
            setConnected(false, check.failure().message);
            return;
        }
        if (check->state == remote::HostKeyState::Unknown
            && !pages::HostKeyQuestion::ask(this, m_current.target.host, check->key)) {
            setConnected(false, tr("Not connected: the server's key was not trusted."));
            return;
        }
        if (check->state == remote::HostKeyState::Trusted) {
            servers::SecretStore().read(servers::sshSecretName(m_current.id()), [this](const wizard::Result<QString> &secret) {
                login(secret ? *secret : QString());
            });
            return;
        }
        m_state.worker->trustHostKey(); // a changed key is refused here, with the warning
    });
    connect(worker, &remote::RemoteWorker::hostKeyTrusted, this, [this](const wizard::Status &status) {
        if (!status) {
            setConnected(false, status.failure().message);
            return;
        }
        servers::SecretStore().read(servers::sshSecretName(m_current.id()), [this](const wizard::Result<QString> &secret) {
            login(secret ? *secret : QString());
        });
    });
    connect(worker, &remote::RemoteWorker::authenticated, this, &DashboardWindow::onLoggedIn);
    connect(m_accounts, &QWizardPage::completeChanged, this, [this] {
        // The account list as the server has it now, remembered for next time.
        if (!m_connected || m_current.accounts == m_state.accounts)
            return;
        m_current.accounts = m_state.accounts;
        QSettings settings;
        servers::saveProfile(settings, m_current);
    });
    retranslate();
    resize(980, 680);
    reload();
}

DashboardWindow::~DashboardWindow()
{
    // The tabs' StepDrivers report through the worker (in m_state): they go first.
    m_state.worker->cancelAll();
    delete takeCentralWidget();
}

void DashboardWindow::reload(const QString &id)
{
    QSettings settings;
    m_profiles = servers::loadProfiles(settings);
    const QString keep = id.isEmpty() ? m_current.id() : id;
    const QSignalBlocker quiet(m_servers);
    m_servers->clear();
    int selected = m_profiles.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_profiles.size(); ++i) {
        const servers::ServerProfile &profile = m_profiles[i];
        auto *item = new QListWidgetItem(
            profile.domain.isEmpty() ? profile.id() : QStringLiteral("%1\n%2").arg(profile.domain, profile.id()), m_servers);
        item->setData(Qt::UserRole, profile.id());
        if (profile.id() == keep)
            selected = i;
    }
    m_servers->setCurrentRow(selected);
    select(selected);
}

void DashboardWindow::select(int row)
{
    if (row < 0 || row >= m_profiles.size()) {
        m_current = {};
        m_connect->setEnabled(false);
        setConnected(false, tr("No server yet: set one up with Server, \"Set up a new server\"."));
        return;
    }
    if (m_connected && m_profiles[row].id() == m_current.id())
        return;
    if (m_connected)
        m_state.worker->disconnectFromHost();
    m_current = m_profiles[row];
    m_state.plan = m_current.plan();
    m_state.accounts = m_current.accounts;
    m_state.accountPasswords.clear();
    m_connect->setEnabled(true);
    setConnected(false, tr("%1: not connected.").arg(m_current.id()));
}

void DashboardWindow::connectToServer()
{
    m_connect->setEnabled(false);
    m_connection->setText(tr("Connecting to %1…").arg(m_current.id()));
    m_state.worker->connectTo(m_current.target);
}

void DashboardWindow::login(const QString &secret)
{
    remote::SshCredentials credentials;
    credentials.method = m_current.auth;
    credentials.keyFile = m_current.keyFile;
    QString typed = secret;
    if (m_current.auth == AuthMethod::Password && typed.isEmpty()) {
        bool ok = false;
        typed = QInputDialog::getText(this, tr("Log in"), tr("The SSH password of %1:").arg(m_current.id()),
            QLineEdit::Password, {}, &ok);
        if (!ok) {
            setConnected(false, tr("Not connected: no password given."));
            return;
        }
    }
    if (m_current.auth == AuthMethod::Password) {
        credentials.password = typed;
        m_state.worker->setSudoPassword(typed);
    } else if (m_current.auth == AuthMethod::KeyFile) {
        credentials.passphrase = typed;
    }
    m_connection->setText(tr("Logging in as %1…").arg(m_current.target.user));
    m_state.worker->authenticate(credentials);
}

void DashboardWindow::onLoggedIn(const wizard::Status &status)
{
    if (!status) {
        setConnected(false, status.failure().message);
        return;
    }
    setConnected(true, tr("Connected to %1.").arg(m_current.id()));
    loadAccountPasswords();
}

void DashboardWindow::loadAccountPasswords()
{
    const QString server = m_current.id();
    for (const QString &account : m_current.accounts) {
        servers::SecretStore().read(servers::accountSecretName(server, account),
            [this, server, account](const wizard::Result<QString> &secret) {
                if (secret && !secret->isEmpty() && server == m_current.id())
                    m_state.accountPasswords.insert(account, *secret);
                if (m_tabs->currentWidget() == m_testMail)
                    m_testMail->initializePage(); // the password, once it is there
            });
    }
    showTab(m_tabs->currentIndex());
}

void DashboardWindow::showTab(int index)
{
    if (!m_connected)
        return;
    QWidget *tab = m_tabs->widget(index);
    if (tab == m_status)
        m_status->refresh();
    else if (auto *page = qobject_cast<QWizardPage *>(tab))
        page->initializePage();
}

void DashboardWindow::forgetServer()
{
    if (m_current.target.host.isEmpty())
        return;
    const auto answer = QMessageBox::question(this, tr("Forget this server?"),
        tr("Postwr forgets %1 and the passwords it kept for it. The server itself is not changed.").arg(m_current.id()));
    if (answer != QMessageBox::Yes)
        return;
    servers::SecretStore store;
    store.remove(servers::sshSecretName(m_current.id()), [](const wizard::Status &) {});
    for (const QString &account : m_current.accounts)
        store.remove(servers::accountSecretName(m_current.id(), account), [](const wizard::Status &) {});
    QSettings settings;
    servers::removeProfile(settings, m_current.id());
    if (m_connected)
        m_state.worker->disconnectFromHost();
    m_connected = false;
    m_current = {};
    reload();
}

void DashboardWindow::setConnected(bool connected, const QString &message)
{
    m_connected = connected;
    m_connection->setText(message);
    m_connect->setEnabled(!connected && !m_current.target.host.isEmpty());
    m_tabs->setEnabled(connected);
}

void DashboardWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void DashboardWindow::retranslate()
{
    setWindowTitle(tr("Postwr: your mail servers"));
    m_serverMenu->setTitle(tr("&Server"));
    m_newServer->setText(tr("Set up a &new server…"));
    m_forget->setText(tr("&Forget this server…"));
    m_quit->setText(tr("&Quit"));
    m_languageMenu->setTitle(tr("&Language"));
    m_connect->setText(tr("&Connect"));
    m_tabs->setTabText(m_tabs->indexOf(m_status), tr("Status"));
    m_tabs->setTabText(m_tabs->indexOf(m_accounts), tr("Accounts"));
    m_tabs->setTabText(m_tabs->indexOf(m_forwarding), tr("Forwarding"));
    m_tabs->setTabText(m_tabs->indexOf(m_testMail), tr("Test mail"));
    m_tabs->setTabText(m_tabs->indexOf(m_dns), tr("DNS"));
    m_tabs->setTabText(m_tabs->indexOf(m_certificate), tr("Certificate"));
    m_tabs->setTabText(m_tabs->indexOf(m_backup), tr("Backup"));
}

} // namespace postwr::dashboard
