#include "pages/done_page.h"

#include "servers/secret_store.h"
#include "servers/server_profile.h"

#include <QCheckBox>
#include <QEvent>
#include <QSettings>
#include <QLabel>
#include <QVBoxLayout>

namespace postwr::pages {

DonePage::DonePage(WizardState &state, std::function<QString()> testOutcome, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_testOutcome(std::move(testOutcome))
    , m_summary(new QLabel)
    , m_remember(new QCheckBox)
    , m_keyring(new QCheckBox)
{
    m_remember->setObjectName(QStringLiteral("remember"));
    m_remember->setChecked(true);
    m_keyring->setObjectName(QStringLiteral("keyring"));
    m_keyring->setChecked(true);
    connect(m_remember, &QCheckBox::toggled, m_keyring, &QCheckBox::setEnabled);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addStretch();
    layout->addWidget(m_remember);
    layout->addWidget(m_keyring);
    setFinalPage(true);
    retranslate();
}

void DonePage::initializePage()
{
    // A sandbox stops with the wizard: nothing to come back to.
    m_remember->setChecked(!m_state.sandbox);
    m_remember->setEnabled(!m_state.sandbox);
    retranslate();
}

bool DonePage::validatePage()
{
    if (!m_remember->isChecked())
        return true;
    const servers::ServerProfile profile = servers::ServerProfile::fromPlan(m_state.plan, m_state.accounts);
    QSettings settings;
    servers::saveProfile(settings, profile);
    if (m_keyring->isChecked()) {
        // The keyring answers later; a refusal is said in the dashboard when it asks again.
        servers::SecretStore store;
        if (!m_state.sshSecret.isEmpty())
            store.write(servers::sshSecretName(profile.id()), m_state.sshSecret, [](const wizard::Status &) {});
        for (auto it = m_state.accountPasswords.cbegin(); it != m_state.accountPasswords.cend(); ++it)
            store.write(servers::accountSecretName(profile.id(), it.key()), it.value(), [](const wizard::Status &) {});
    }
    emit remembered(profile.id());
    return true;
}

void DonePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void DonePage::retranslate()
{
    setTitle(tr("Your mail server is ready"));
    const steps::Plan &plan = m_state.plan;
    const QString domain = plan.domains.value(0);
    QStringList lines;
    lines << tr("Server: %1, mail host name %2.").arg(plan.server.target.host, plan.hostname);
    lines << tr("Domain: %1, with mail signed by DKIM.").arg(domain);
    lines << tr("Accounts: %1.").arg(m_state.accounts.isEmpty() ? tr("none") : m_state.accounts.join(QStringLiteral(", ")));
    const QList<steps::AliasPlan> aliases = plan.forwarding.value(domain);
    lines << (aliases.isEmpty() ? tr("Forwarding: none; mail stays on the server.")
                                : tr("Forwarding: everything for @%1 goes to %2.").arg(domain, aliases.first().targets.join(QStringLiteral(", "))));
    const QString outcome = m_testOutcome ? m_testOutcome() : QString();
    lines << (outcome.isEmpty() ? tr("Test message: not sent.") : tr("Test message: %1").arg(outcome));
    lines << QString();
    lines << tr("Receivers trust your mail once the DNS records of your domain (MX, SPF, DKIM, DMARC) and the "
                "reverse DNS of the server's addresses are published; `postwrd dns records %1` on the server "
                "prints them.")
                 .arg(domain);
    m_summary->setText(lines.join(QLatin1Char('\n')));
    m_remember->setText(tr("&Remember this server: the dashboard opens it next time"));
    m_keyring->setText(tr("&Keep its passwords in the desktop's keyring (never in a file)"));
}

} // namespace postwr::pages
