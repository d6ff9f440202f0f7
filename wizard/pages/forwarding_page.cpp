#include "pages/forwarding_page.h"

#include "pages/step_run_view.h"
#include "steps/forwarding_step.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace postwr::pages {

ForwardingPage::ForwardingPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_label(new QLabel)
    , m_target(new QLineEdit)
    , m_problem(new QLabel)
    , m_save(new QPushButton)
    , m_run(new StepRunView(state))
{
    m_intro->setWordWrap(true);
    m_label->setWordWrap(true);
    m_label->setBuddy(m_target);
    m_target->setObjectName(QStringLiteral("target"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("save"));
    auto *row = new QHBoxLayout;
    row->addWidget(m_target, 1);
    row->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_label);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addWidget(m_run, 1);
    connect(m_target, &QLineEdit::textChanged, this, &ForwardingPage::updateFields);
    connect(m_save, &QPushButton::clicked, this, &ForwardingPage::save);
    connect(m_run, &StepRunView::finished, this, [this](const wizard::Status &status) {
        if (status) {
            m_saved = m_target->text().trimmed().toLower();
            m_hasSaved = true;
        }
        updateFields();
    });
    retranslate();
}

void ForwardingPage::initializePage()
{
    // What the plan already says (the sandbox's forwarding to its Gmail).
    const QList<steps::AliasPlan> planned = m_state.plan.forwarding.value(m_state.plan.domains.value(0));
    if (m_target->text().isEmpty() && !planned.isEmpty() && planned.first().local == QLatin1String("*"))
        m_target->setText(planned.first().targets.value(0));
    retranslate(); // the label names the domain
}

void ForwardingPage::cleanupPage()
{
    m_run->cancel();
}

QString ForwardingPage::inputProblem() const
{
    const QString target = m_target->text().trimmed().toLower();
    if (target.isEmpty())
        return {};
    if (!steps::validAddress(target))
        return tr("\"%1\" is not an email address like you@gmail.com.").arg(target);
    const QString domain = m_state.plan.domains.value(0);
    if (target.section(QLatin1Char('@'), 1) == domain)
        return tr("Forward to a mailbox elsewhere: mail to %1 would come back here.").arg(domain);
    return {};
}

bool ForwardingPage::isComplete() const
{
    const QString target = m_target->text().trimmed().toLower();
    // Nothing to forward, or forwarding saved as shown.
    return !m_run->isRunning() && inputProblem().isEmpty() && (target.isEmpty() || (m_hasSaved && m_saved == target));
}

void ForwardingPage::updateFields()
{
    const QString problem = inputProblem();
    const QString target = m_target->text().trimmed().toLower();
    m_problem->setText(!problem.isEmpty() ? problem
            : target.isEmpty()            ? tr("No forwarding: mail stays in the mailboxes on the server.")
            : m_hasSaved && m_saved == target
            ? tr("Mail to any address at %1 goes to %2.").arg(m_state.plan.domains.value(0), target)
            : tr("Save to apply."));
    m_save->setEnabled(!m_run->isRunning() && problem.isEmpty() && !target.isEmpty() && !(m_hasSaved && m_saved == target));
    emit completeChanged();
}

void ForwardingPage::save()
{
    const QString domain = m_state.plan.domains.value(0);
    const QString target = m_target->text().trimmed().toLower();
    m_state.plan.forwarding.clear();
    m_state.plan.forwarding.insert(domain, { steps::AliasPlan { QStringLiteral("*"), { target } } });
    m_run->start({ std::make_shared<steps::ForwardingStep>() });
    updateFields();
}

void ForwardingPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void ForwardingPage::retranslate()
{
    setTitle(tr("Forwarding"));
    m_intro->setText(tr("Your server sends mail, and it can pass on the mail it receives to the mailbox you "
                        "already read, such as Gmail. Then nothing new needs checking."));
    m_label->setText(tr("&Forward all mail for @%1 to:").arg(m_state.plan.domains.value(0, tr("your domain"))));
    m_target->setPlaceholderText(tr("you@gmail.com"));
    m_save->setText(tr("&Save"));
    updateFields();
}

} // namespace postwr::pages
