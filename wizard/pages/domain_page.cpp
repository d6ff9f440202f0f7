#include "pages/domain_page.h"

#include "pages/form_labels.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace postwr::pages {

namespace {

QLabel *problemLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    return label;
}

} // namespace

DomainPage::DomainPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_form(new QFormLayout)
    , m_domain(new QLineEdit)
    , m_domainProblem(problemLabel(QStringLiteral("domainProblem")))
    , m_hostname(new QLineEdit)
    , m_hostnameProblem(problemLabel(QStringLiteral("hostnameProblem")))
{
    m_intro->setWordWrap(true);
    m_domain->setObjectName(QStringLiteral("domain"));
    m_hostname->setObjectName(QStringLiteral("hostname"));
    m_form->addRow(new QLabel, m_domain);
    m_form->addRow(new QLabel, m_domainProblem);
    m_form->addRow(new QLabel, m_hostname);
    m_form->addRow(new QLabel, m_hostnameProblem);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addStretch();

    connect(m_domain, &QLineEdit::textEdited, this, [this] {
        if (!m_hostnameEdited)
            m_hostname->setText(m_domain->text().trimmed().isEmpty()
                    ? QString()
                    : QStringLiteral("mail.") + m_domain->text().trimmed().toLower());
        update();
    });
    connect(m_hostname, &QLineEdit::textEdited, this, [this] {
        m_hostnameEdited = true;
        update();
    });
    retranslate();
}

void DomainPage::initializePage()
{
    if (m_domain->text().isEmpty() && !m_state.plan.domains.isEmpty())
        m_domain->setText(m_state.plan.domains.first());
    if (m_hostname->text().isEmpty() && !m_state.plan.hostname.isEmpty()) {
        m_hostname->setText(m_state.plan.hostname);
        m_hostnameEdited = true;
    }
    update();
}

QString DomainPage::domainProblem() const
{
    const QString domain = m_domain->text().trimmed();
    if (domain.isEmpty())
        return {};
    if (domain.contains(QLatin1Char('@')))
        return tr("Only the part after the @: example.org, not me@example.org.");
    if (!steps::validDomain(domain))
        return tr("\"%1\" is not a domain name like example.org.").arg(domain);
    return {};
}

QString DomainPage::hostnameProblem() const
{
    const QString hostname = m_hostname->text().trimmed();
    if (hostname.isEmpty())
        return {};
    if (!steps::validDomain(hostname))
        return tr("\"%1\" is not a host name like mail.example.org.").arg(hostname);
    return {};
}

void DomainPage::update()
{
    const QString domain = domainProblem();
    const QString hostname = hostnameProblem();
    m_domainProblem->setText(domain);
    m_domainProblem->setVisible(!domain.isEmpty());
    m_hostnameProblem->setText(hostname);
    m_hostnameProblem->setVisible(!hostname.isEmpty());
    emit completeChanged();
}

bool DomainPage::isComplete() const
{
    return !m_domain->text().trimmed().isEmpty() && !m_hostname->text().trimmed().isEmpty() && domainProblem().isEmpty()
        && hostnameProblem().isEmpty();
}

bool DomainPage::validatePage()
{
    m_state.plan.domains = { m_domain->text().trimmed().toLower() };
    m_state.plan.hostname = m_hostname->text().trimmed().toLower();
    return true;
}

void DomainPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void DomainPage::retranslate()
{
    setTitle(tr("Your domain"));
    m_intro->setText(tr("Mail will come from addresses at your domain, like you@example.org. The server itself "
                        "gets a name of its own, usually mail. in front of the domain; receivers look it up to "
                        "check who is sending."));
    const QList<QPair<QWidget *, QString>> labels { { m_domain, tr("Mail &domain:") }, { m_hostname, tr("Mail &host name:") } };
    setFormLabels(m_form, labels);
    m_domain->setPlaceholderText(tr("example.org"));
    m_hostname->setPlaceholderText(tr("mail.example.org"));
    update();
}

} // namespace postwr::pages
