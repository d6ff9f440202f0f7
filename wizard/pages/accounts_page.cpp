#include "pages/accounts_page.h"

#include "pages/form_labels.h"
#include "pages/step_run_view.h"
#include "steps/accounts_step.h"
#include "steps/function_step.h"

#include <QCheckBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace postwr::pages {

namespace {

constexpr int kMinimumPasswordLength = 8;

} // namespace

AccountsPage::AccountsPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_accounts(new QListWidget)
    , m_remove(new QPushButton)
    , m_form(new QFormLayout)
    , m_email(new QLineEdit)
    , m_password(new QLineEdit)
    , m_generate(new QCheckBox)
    , m_problem(new QLabel)
    , m_add(new QPushButton)
    , m_generated(new QLabel)
    , m_generatedPassword(new QLineEdit)
    , m_run(new StepRunView(state))
{
    m_intro->setWordWrap(true);
    m_accounts->setObjectName(QStringLiteral("accounts"));
    m_remove->setObjectName(QStringLiteral("remove"));
    m_email->setObjectName(QStringLiteral("email"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_generate->setObjectName(QStringLiteral("generate"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_add->setObjectName(QStringLiteral("add"));
    m_generated->setWordWrap(true);
    m_generatedPassword->setObjectName(QStringLiteral("generatedPassword"));
    m_generatedPassword->setReadOnly(true);
    m_generated->hide();
    m_generatedPassword->hide();

    m_form->addRow(new QLabel, m_email);
    m_form->addRow(new QLabel, m_password);
    m_form->addRow(new QLabel, m_generate);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_accounts, 1);
    layout->addLayout(m_form);
    layout->addWidget(m_problem);
    layout->addLayout(buttons);
    layout->addWidget(m_generated);
    layout->addWidget(m_generatedPassword);
    layout->addWidget(m_run, 1);

    connect(m_email, &QLineEdit::textChanged, this, &AccountsPage::updateFields);
    connect(m_password, &QLineEdit::textChanged, this, &AccountsPage::updateFields);
    connect(m_generate, &QCheckBox::toggled, this, &AccountsPage::updateFields);
    connect(m_accounts, &QListWidget::itemSelectionChanged, this, &AccountsPage::updateFields);
    connect(m_add, &QPushButton::clicked, this, &AccountsPage::add);
    connect(m_remove, &QPushButton::clicked, this, &AccountsPage::removeSelected);
    connect(m_run, &StepRunView::finished, this, [this](const wizard::Status &) {
        updateFields();
        emit completeChanged();
    });
    retranslate();
}

void AccountsPage::initializePage()
{
    if (m_email->text().isEmpty() && !m_state.plan.domains.isEmpty())
        m_email->setText(QStringLiteral("me@") + m_state.plan.domains.first());
    refresh();
}

void AccountsPage::cleanupPage()
{
    m_run->cancel();
}

bool AccountsPage::isComplete() const
{
    if (m_run->isRunning() || m_state.plan.domains.isEmpty())
        return false;
    const QString domain = QLatin1Char('@') + m_state.plan.domains.first();
    return std::any_of(m_state.accounts.begin(), m_state.accounts.end(),
        [&](const QString &account) { return account.endsWith(domain); });
}

QString AccountsPage::inputProblem() const
{
    const QString email = m_email->text().trimmed().toLower();
    if (email.isEmpty())
        return tr("Enter the address of the account, e.g. me@%1.").arg(m_state.plan.domains.value(0));
    if (!steps::validAddress(email))
        return tr("\"%1\" is not an email address.").arg(email);
    const QString domain = email.section(QLatin1Char('@'), 1);
    if (!m_state.plan.domains.contains(domain))
        return tr("The account must be at your domain %1.").arg(m_state.plan.domains.value(0));
    if (!m_generate->isChecked() && m_password->text().size() < kMinimumPasswordLength)
        return tr("The password needs at least %n character(s), or let Postwr make one.", nullptr, kMinimumPasswordLength);
    return {};
}

void AccountsPage::updateFields()
{
    m_password->setEnabled(!m_generate->isChecked());
    const QString problem = inputProblem();
    // An empty address is no error yet: the user has not typed one.
    m_problem->setText(m_email->text().isEmpty() ? QString() : problem);
    const bool idle = !m_run->isRunning();
    m_add->setEnabled(idle && problem.isEmpty());
    m_remove->setEnabled(idle && !m_accounts->selectedItems().isEmpty());
}

void AccountsPage::showAccounts()
{
    m_accounts->clear();
    m_accounts->addItems(m_state.accounts);
}

void AccountsPage::refresh()
{
    auto listed = std::make_shared<QStringList>();
    auto list = std::make_shared<steps::FunctionStep>(QStringLiteral("list-accounts"), tr("List the accounts"),
        [listed](steps::StepContext &context) -> wizard::Status {
            auto accounts = steps::listAccounts(context);
            if (!accounts)
                return accounts.failure();
            *listed = *accounts;
            return wizard::Done {};
        });
    // The list is read back in the GUI thread once the run has finished.
    connect(m_run, &StepRunView::finished, this, [this, listed](const wizard::Status &status) {
        if (status)
            m_state.accounts = *listed;
        showAccounts();
        emit completeChanged();
    }, Qt::SingleShotConnection);
    m_run->start({ list });
    updateFields();
}

void AccountsPage::add()
{
    const QString email = m_email->text().trimmed().toLower();
    const bool generate = m_generate->isChecked();
    const QString password = m_password->text();
    auto generated = std::make_shared<QString>();
    auto change = std::make_shared<steps::FunctionStep>(QStringLiteral("add-account"), tr("Add %1").arg(email),
        [email, generate, password, generated](steps::StepContext &context) -> wizard::Status {
            if (generate) {
                auto made = steps::generateAccountPassword(context, email);
                if (!made)
                    return made.failure();
                *generated = *made;
                return wizard::Done {};
            }
            return steps::setAccountPassword(context, email, password);
        });
    connect(m_run, &StepRunView::finished, this, [this, email, generate, password, generated](const wizard::Status &status) {
        if (!status)
            return;
        m_state.accountPasswords.insert(email, generate ? *generated : password);
        m_password->clear();
        if (generate) {
            m_generated->setText(tr("The password of %1, shown only now: copy it to your password manager.").arg(email));
            m_generatedPassword->setText(*generated);
            m_generated->show();
            m_generatedPassword->show();
        }
        refresh();
    }, Qt::SingleShotConnection);
    m_generated->hide();
    m_generatedPassword->hide();
    m_generatedPassword->clear();
    m_run->start({ change });
    updateFields();
}

void AccountsPage::removeSelected()
{
    const QList<QListWidgetItem *> selected = m_accounts->selectedItems();
    if (selected.isEmpty())
        return;
    const QString email = selected.first()->text();
    auto remove = std::make_shared<steps::FunctionStep>(QStringLiteral("remove-account"), tr("Remove %1").arg(email),
        [email](steps::StepContext &context) { return steps::removeAccount(context, email); });
    connect(m_run, &StepRunView::finished, this, [this, email](const wizard::Status &status) {
        if (!status)
            return;
        m_state.accountPasswords.remove(email);
        refresh();
    }, Qt::SingleShotConnection);
    m_run->start({ remove });
    updateFields();
}

void AccountsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void AccountsPage::retranslate()
{
    setTitle(tr("Sender accounts"));
    m_intro->setText(tr("Each address you send from needs an account on the server, with a password for your mail "
                        "program or Gmail. Mail to the addresses arrives as the forwarding page says."));
    const QList<QPair<QWidget *, QString>> labels { { m_email, tr("&Address:") }, { m_password, tr("&Password:") } };
    setFormLabels(m_form, labels);
    m_generate->setText(tr("&Generate a strong password"));
    m_add->setText(tr("&Add or change password"));
    m_remove->setText(tr("&Remove the selected account"));
    updateFields();
}

} // namespace postwr::pages
