#include "pages/connect_page.h"

#include "pages/form_labels.h"
#include "pages/host_key_question.h"
#include "sandbox/sandbox_plan.h"
#include "sandbox/sandbox_receiver.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace postwr::pages {

using remote::AuthMethod;

ConnectPage::ConnectPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_trySandbox(new QPushButton)
    , m_form(new QFormLayout)
    , m_host(new QLineEdit)
    , m_port(new QSpinBox)
    , m_user(new QLineEdit(QStringLiteral("root")))
    , m_method(new QComboBox)
    , m_keyFile(new QLineEdit(QDir::homePath() + QStringLiteral("/.ssh/id_ed25519")))
    , m_secret(new QLineEdit)
    , m_connect(new QPushButton)
    , m_status(new QLabel)
{
    m_intro->setWordWrap(true);
    m_trySandbox->setObjectName(QStringLiteral("trySandbox"));
    m_host->setObjectName(QStringLiteral("host"));
    m_port->setObjectName(QStringLiteral("port"));
    m_user->setObjectName(QStringLiteral("user"));
    m_method->setObjectName(QStringLiteral("method"));
    m_keyFile->setObjectName(QStringLiteral("keyFile"));
    m_secret->setObjectName(QStringLiteral("secret"));
    m_connect->setObjectName(QStringLiteral("connect"));
    m_status->setObjectName(QStringLiteral("status"));
    m_port->setRange(1, 65535);
    m_port->setValue(22);
    m_secret->setEchoMode(QLineEdit::Password);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_method->addItem(QString(), int(AuthMethod::Agent));
    m_method->addItem(QString(), int(AuthMethod::KeyFile));
    m_method->addItem(QString(), int(AuthMethod::Password));
    m_method->setCurrentIndex(1);

    m_form->addRow(new QLabel, m_host);
    m_form->addRow(new QLabel, m_port);
    m_form->addRow(new QLabel, m_user);
    m_form->addRow(new QLabel, m_method);
    m_form->addRow(new QLabel, m_keyFile);
    m_form->addRow(new QLabel, m_secret);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_trySandbox, 0, Qt::AlignLeft);
    layout->addLayout(m_form);
    layout->addWidget(m_connect, 0, Qt::AlignLeft);
    layout->addWidget(m_status);
    layout->addStretch();

    for (QLineEdit *edit : { m_host, m_user, m_keyFile, m_secret })
        connect(edit, &QLineEdit::textChanged, this, [this] { updateFields(true); });
    connect(m_port, &QSpinBox::valueChanged, this, [this] { updateFields(true); });
    connect(m_method, &QComboBox::currentIndexChanged, this, [this] { updateFields(true); });
    connect(m_connect, &QPushButton::clicked, this, &ConnectPage::connectToServer);
    connect(m_trySandbox, &QPushButton::clicked, this, &ConnectPage::trySandbox);
    remote::RemoteWorker *worker = m_state.worker.get();
    connect(worker, &remote::RemoteWorker::hostKeyChecked, this, &ConnectPage::onHostKey);
    connect(worker, &remote::RemoteWorker::hostKeyTrusted, this, [this](const wizard::Status &status) {
        if (status)
            login();
        else
            fail(status.failure().message);
    });
    connect(worker, &remote::RemoteWorker::authenticated, this, &ConnectPage::onLoggedIn);
    retranslate();
}

bool ConnectPage::isComplete() const
{
    return m_loggedIn;
}

void ConnectPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void ConnectPage::retranslate()
{
    setTitle(tr("Connect to your server"));
    m_intro->setText(tr("Postwr sets up your server over SSH, the way you log in to it yourself. Give its address "
                        "and how you log in; nothing is changed on it before you agree."));
    const QList<QPair<QWidget *, QString>> labels { { m_host, tr("Server &address:") }, { m_port, tr("&Port:") },
        { m_user, tr("&User:") }, { m_method, tr("Log in &with:") }, { m_keyFile, tr("&Key file:") },
        { m_secret, tr("Pass&word:") } };
    setFormLabels(m_form, labels);
    m_method->setItemText(0, tr("my SSH agent"));
    m_method->setItemText(1, tr("a key file"));
    m_method->setItemText(2, tr("a password"));
    m_host->setPlaceholderText(tr("vps.example.org or 203.0.113.5"));
    m_connect->setText(tr("&Connect"));
    m_trySandbox->setText(tr("&Try it on this computer first"));
    m_trySandbox->setToolTip(tr("Sets up a sandbox here: an SSH server standing in for your VPS, a DNS server, and "
                                "a mail server standing in for Gmail. Nothing leaves this computer."));
    updateFields(false);
}

QString ConnectPage::inputProblem() const
{
    const QString host = m_host->text().trimmed();
    if (host.isEmpty())
        return tr("Enter the server's address.");
    if (host.contains(QLatin1Char(' ')) || host.contains(QLatin1Char('/')) || host.contains(QLatin1Char('@')))
        return tr("\"%1\" is not a host name or IP address: no spaces, slashes or @.").arg(host);
    if (m_user->text().trimmed().isEmpty())
        return tr("Enter the user to log in as, e.g. root.");
    const auto method = AuthMethod(m_method->currentData().toInt());
    if (method == AuthMethod::KeyFile && m_keyFile->text().trimmed().isEmpty())
        return tr("Choose your private key file.");
    if (method == AuthMethod::Password && m_secret->text().isEmpty())
        return tr("Enter the password.");
    return {};
}

void ConnectPage::updateFields(bool edited)
{
    const auto method = AuthMethod(m_method->currentData().toInt());
    m_keyFile->setEnabled(method == AuthMethod::KeyFile);
    m_secret->setEnabled(method != AuthMethod::Agent);
    if (auto *label = qobject_cast<QLabel *>(m_form->labelForField(m_secret)))
        label->setText(method == AuthMethod::KeyFile ? tr("Pass&phrase (if any):") : tr("Pass&word:"));
    const QString problem = inputProblem();
    if (!m_busy && (edited || !m_loggedIn))
        m_status->setText(problem);
    m_connect->setEnabled(problem.isEmpty() && !m_busy);
    if (edited && m_loggedIn) {
        m_loggedIn = false; // the fields changed: connect again
        emit completeChanged();
    }
}

void ConnectPage::connectToServer()
{
    m_busy = true;
    m_connect->setEnabled(false);
    m_status->setText(tr("Connecting to %1…").arg(m_host->text().trimmed()));
    const remote::SshTarget target { m_host->text().trimmed(), quint16(m_port->value()), m_user->text().trimmed() };
    const bool sandboxTarget = m_state.sandbox && target.host == m_state.plan.server.target.host
        && target.port == m_state.plan.server.target.port && target.user == m_state.plan.server.target.user;
    if (!sandboxTarget && m_state.sandbox) {
        // Another server after all: the sandbox and its plan go.
        m_state.sandbox.reset();
        m_state.plan = steps::Plan {};
    }
    m_state.plan.server.target = target;
    m_state.worker->connectTo(m_state.plan.server.target);
}

void ConnectPage::trySandbox()
{
    m_busy = true;
    m_trySandbox->setEnabled(false);
    m_connect->setEnabled(false);
    m_status->setText(tr("Starting the sandbox: an SSH server, a DNS server and a mail server standing in for "
                         "Gmail…"));
    // A few seconds of starting local programs; the window says so meanwhile.
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    QCoreApplication::processEvents();
    m_state.sandbox.reset();
    auto services = std::make_unique<sandbox::SandboxServices>(
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/wizard-sandbox"));
    const wizard::Status started = services->start([](const QString &, bool) { QCoreApplication::processEvents(); });
    QGuiApplication::restoreOverrideCursor();
    m_trySandbox->setEnabled(true);
    if (!started) {
        fail(started.failure().message);
        return;
    }
    const sandbox::SandboxPlanSettings &settings = services->settings();
    auto plan = steps::parsePlan(
        QJsonDocument(sandbox::setupPlan(settings, QLatin1String(sandbox::SandboxReceiver::kAccount))).toJson());
    if (!plan) {
        fail(plan.failure().message);
        return;
    }
    m_state.plan = *plan;
    m_state.plan.steps.clear();
    m_state.plan.accounts.clear(); // the accounts page makes them
    // The DNS page asks the sandbox's DNS server about the sandbox's address.
    m_state.plan.dns.ipv4 = QStringLiteral("127.0.0.1");
    m_state.plan.dns.servers = settings.dnsServer;
    m_state.sandbox = std::move(services);
    const QSignalBlocker quietHost(m_host), quietPort(m_port), quietUser(m_user), quietMethod(m_method),
        quietKey(m_keyFile), quietSecret(m_secret);
    m_host->setText(m_state.plan.server.target.host);
    m_port->setValue(m_state.plan.server.target.port);
    m_user->setText(m_state.plan.server.target.user);
    m_method->setCurrentIndex(m_method->findData(int(AuthMethod::KeyFile)));
    m_keyFile->setText(settings.keyFile);
    m_secret->clear();
    m_busy = false;
    updateFields(true);
    connectToServer();
}

void ConnectPage::onHostKey(const wizard::Result<remote::HostKeyCheck> &check)
{
    if (!check) {
        fail(check.failure().message);
        return;
    }
    switch (check->state) {
    case remote::HostKeyState::Trusted:
        login();
        return;
    case remote::HostKeyState::Changed:
        m_state.worker->trustHostKey(); // refused, with the warning to show
        return;
    case remote::HostKeyState::Unknown:
        break;
    }
    if (HostKeyQuestion::ask(this, m_state.plan.server.target.host, check->key))
        m_state.worker->trustHostKey();
    else
        fail(tr("Not connected: the server's key was not trusted."));
}

void ConnectPage::login()
{
    m_status->setText(tr("Logging in as %1…").arg(m_state.plan.server.target.user));
    remote::SshCredentials credentials;
    credentials.method = AuthMethod(m_method->currentData().toInt());
    credentials.keyFile = m_keyFile->text().trimmed();
    m_state.plan.server.auth = credentials.method;
    m_state.plan.server.keyFile = credentials.keyFile;
    m_state.sshSecret = credentials.method == AuthMethod::Agent ? QString() : m_secret->text();
    if (credentials.method == AuthMethod::KeyFile)
        credentials.passphrase = m_secret->text();
    else if (credentials.method == AuthMethod::Password) {
        credentials.password = m_secret->text();
        m_state.worker->setSudoPassword(m_secret->text());
    }
    m_state.worker->authenticate(credentials);
}

void ConnectPage::onLoggedIn(const wizard::Status &status)
{
    if (!status) {
        fail(status.failure().message);
        return;
    }
    m_busy = false;
    m_loggedIn = true;
    m_connect->setEnabled(true);
    m_status->setText(tr("Connected to %1 as %2.").arg(m_state.plan.server.target.host, m_state.plan.server.target.user));
    emit completeChanged();
}

void ConnectPage::fail(const QString &message)
{
    m_busy = false;
    m_loggedIn = false;
    m_status->setText(message);
    m_connect->setEnabled(inputProblem().isEmpty());
    emit completeChanged();
}

} // namespace postwr::pages
