#include "pages/test_mail_page.h"

#include "pages/form_labels.h"
#include "pages/send_as_panel.h"
#include "pages/step_run_view.h"
#include "steps/test_mail_step.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace postwr::pages {

TestMailPage::TestMailPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_form(new QFormLayout)
    , m_from(new QComboBox)
    , m_password(new QLineEdit)
    , m_to(new QLineEdit)
    , m_reflector(new QCheckBox)
    , m_security(new QComboBox)
    , m_problem(new QLabel)
    , m_send(new QPushButton)
    , m_run(new StepRunView(state))
    , m_sendAs(new SendAsPanel)
{
    m_intro->setWordWrap(true);
    m_from->setObjectName(QStringLiteral("from"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_to->setObjectName(QStringLiteral("to"));
    m_reflector->setObjectName(QStringLiteral("reflector"));
    m_security->setObjectName(QStringLiteral("security"));
    m_security->addItem(QString(), false);
    m_security->addItem(QString(), true);
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_send->setObjectName(QStringLiteral("send"));
    m_send->setDefault(true);

    m_form->addRow(new QLabel, m_from);
    m_form->addRow(new QLabel, m_password);
    m_form->addRow(new QLabel, m_to);
    m_form->addRow(new QLabel, m_reflector);
    m_form->addRow(new QLabel, m_security);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addWidget(m_send, 0, Qt::AlignLeft);
    layout->addWidget(m_run, 1);
    layout->addWidget(m_sendAs);
    // The report and the Gmail settings together are taller than a small screen.
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_from, &QComboBox::currentIndexChanged, this, [this] {
        m_password->setText(m_state.accountPasswords.value(m_from->currentText()));
        updateFields();
    });
    connect(m_password, &QLineEdit::textChanged, this, &TestMailPage::updateFields);
    connect(m_to, &QLineEdit::textChanged, this, &TestMailPage::updateFields);
    connect(m_reflector, &QCheckBox::toggled, this, &TestMailPage::updateFields);
    connect(m_security, &QComboBox::currentIndexChanged, this, &TestMailPage::updateFields);
    connect(m_send, &QPushButton::clicked, this, &TestMailPage::send);
    connect(m_run, &StepRunView::finished, this, [this](const wizard::Status &status) {
        m_outcome = status ? tr("The test message was delivered, signed.") : status.failure().message;
        updateFields();
    });
    retranslate();
}

void TestMailPage::initializePage()
{
    retranslate(); // the ports are the plan's
    const QString current = m_from->currentText();
    m_from->clear();
    m_from->addItems(m_state.accounts);
    if (m_state.accounts.contains(current))
        m_from->setCurrentText(current);
    if (m_to->text().isEmpty()) {
        const QList<steps::AliasPlan> aliases = m_state.plan.forwarding.value(m_state.plan.domains.value(0));
        if (!aliases.isEmpty() && !aliases.first().targets.isEmpty())
            m_to->setText(aliases.first().targets.first());
    }
    m_password->setText(m_state.accountPasswords.value(m_from->currentText()));
    updateFields();
}

void TestMailPage::cleanupPage()
{
    m_run->cancel();
}

bool TestMailPage::isComplete() const
{
    // The test is the user's choice; only a running one holds the page.
    return !m_run->isRunning();
}

QString TestMailPage::inputProblem() const
{
    if (m_from->currentText().isEmpty())
        return tr("Add an account on the accounts page first.");
    if (m_password->text().isEmpty())
        return tr("Enter the password of %1.").arg(m_from->currentText());
    if (m_reflector->isChecked())
        return {};
    const QString to = m_to->text().trimmed();
    if (to.isEmpty())
        return tr("Enter an address to send to, such as your Gmail address.");
    if (!steps::validAddress(to))
        return tr("\"%1\" is not an email address.").arg(to);
    return {};
}

void TestMailPage::updateFields()
{
    m_to->setEnabled(!m_reflector->isChecked());
    const QString problem = inputProblem();
    m_problem->setText(problem);
    m_send->setEnabled(!m_run->isRunning() && problem.isEmpty());
    const bool implicitTls = m_security->currentData().toBool();
    const steps::Ports &ports = m_state.plan.install.ports;
    const QString host = m_state.plan.hostname.isEmpty() ? m_state.plan.server.target.host : m_state.plan.hostname;
    m_sendAs->setAccount(host, implicitTls ? ports.submissions : ports.submission, m_from->currentText());
    emit completeChanged();
}

void TestMailPage::send()
{
    const QString from = m_from->currentText();
    m_state.accountPasswords.insert(from, m_password->text());
    steps::TestMailPlan &test = m_state.plan.testMail;
    test.from = from;
    test.passwordEnv = accountSecretName(from);
    test.to = m_reflector->isChecked() ? QStringLiteral("reflector") : m_to->text().trimmed();
    test.implicitTls = m_security->currentData().toBool();
    m_outcome.clear();
    m_run->start({ std::make_shared<steps::TestMailStep>() });
    updateFields();
}

void TestMailPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void TestMailPage::retranslate()
{
    setTitle(tr("Send a test message"));
    m_intro->setText(tr("One click sends a message from this computer through your server, the way Gmail or your "
                        "mail program will, and follows it until the receiver has it. If anything is wrong, the "
                        "report says what and what to do."));
    const QList<QPair<QWidget *, QString>> labels { { m_from, tr("&From:") }, { m_password, tr("&Password:") },
        { m_to, tr("&To:") }, { m_security, tr("&Connection:") } };
    setFormLabels(m_form, labels);
    m_to->setPlaceholderText(tr("you@gmail.com"));
    m_reflector->setText(tr("&Let the server check it itself (SPF, DKIM, DMARC; no mailbox needed)"));
    m_security->setItemText(0, tr("Port %1, STARTTLS").arg(m_state.plan.install.ports.submission));
    m_security->setItemText(1, tr("Port %1, TLS").arg(m_state.plan.install.ports.submissions));
    m_send->setText(tr("&Send test message"));
    updateFields();
}

} // namespace postwr::pages
