#include "pages/install_page.h"

#include "pages/restore_choice.h"
#include "pages/step_run_view.h"
#include "payload/payload.h"
#include "steps/dkim_step.h"
#include "remote/shell_quote.h"
#include "sandbox/sandbox_dns.h"
#include "steps/function_step.h"
#include "steps/install_step.h"
#include "steps/restore_step.h"
#include "steps/service_control.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace postwr::pages {

InstallPage::InstallPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_changesLabel(new QLabel)
    , m_changes(new QListWidget)
    , m_restore(new RestoreChoice)
    , m_restoreProblem(new QLabel)
    , m_install(new QPushButton)
    , m_run(new StepRunView(state))
{
    m_intro->setWordWrap(true);
    m_changesLabel->setWordWrap(true);
    m_changes->setObjectName(QStringLiteral("changes"));
    m_changes->setWordWrap(true);
    m_install->setObjectName(QStringLiteral("install"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_changesLabel);
    layout->addWidget(m_changes);
    layout->addWidget(m_restore);
    layout->addWidget(m_restoreProblem);
    layout->addWidget(m_install, 0, Qt::AlignLeft);
    layout->addWidget(m_run, 2);
    m_restoreProblem->setObjectName(QStringLiteral("restoreProblem"));
    m_restoreProblem->setWordWrap(true);
    connect(m_restore, &RestoreChoice::changed, this, &InstallPage::updateButton);
    connect(m_install, &QPushButton::clicked, this, &InstallPage::install);
    connect(m_run, &StepRunView::finished, this, [this](wizard::Status status) {
        // The sandbox's DNS server lives in this thread: its records are published here.
        if (status && m_state.sandbox && m_sandboxRecords) {
            status = m_state.sandbox->publish(*m_sandboxRecords);
            m_changesLabel->setText(status ? tr("The sandbox's DNS server now has the SPF, DKIM and DMARC records of %1.")
                                                 .arg(m_state.plan.domains.value(0))
                                           : status.failure().message);
        }
        m_installed = status.ok();
        m_install->setText(m_installed ? tr("&Run again") : tr("&Try again"));
        updateButton();
        emit completeChanged();
    });
    retranslate();
}

void InstallPage::initializePage()
{
    m_installed = false;
    m_changes->clear();
    m_changesLabel->setText(tr("Looking at what is there already…"));
    m_planned = false;
    updateButton();
    m_planner = std::make_unique<steps::StepDriver>(*m_state.worker, m_state.plan);
    const int id = ++m_planId;
    connect(m_planner.get(), &steps::StepDriver::planned, this,
        [this, id](int planId, const wizard::Result<QStringList> &changes) {
            if (planId != id)
                return;
            m_planned = true;
            updateButton();
            if (!changes) {
                m_changesLabel->setText(changes.failure().message);
                return;
            }
            m_changesLabel->setText(changes->isEmpty() ? tr("postwrd is installed and up to date; installing again "
                                                            "changes nothing.")
                                                       : tr("Installing will:"));
            m_changes->addItems(*changes);
        });
    m_planner->plan(id, std::make_shared<steps::InstallStep>(payload::postwrdBinary()));
}

void InstallPage::cleanupPage()
{
    if (m_planner)
        m_planner->cancel(m_planId);
    m_run->cancel();
}

bool InstallPage::isComplete() const
{
    return m_installed && !m_run->isRunning();
}

void InstallPage::updateButton()
{
    const QString problem = m_restore->problem();
    m_restoreProblem->setText(problem);
    m_restoreProblem->setVisible(!problem.isEmpty());
    m_install->setEnabled(m_planned && !m_run->isRunning() && problem.isEmpty());
}

void InstallPage::install()
{
    m_installed = false;
    m_install->setEnabled(false);
    emit completeChanged();
    std::vector<std::shared_ptr<steps::Step>> run { std::make_shared<steps::InstallStep>(payload::postwrdBinary()) };
    if (m_restore->wanted()) {
        const QString from = m_restore->source();
        const QString passphrase = m_restore->passphrase();
        run.push_back(std::make_shared<steps::FunctionStep>(QStringLiteral("restore"), tr("Restore the backup"),
            [from, passphrase](steps::StepContext &context) { return steps::restoreBackup(context, from, passphrase); }));
    }
    run.push_back(std::make_shared<steps::DkimStep>());
    if (m_state.sandbox)
        run.push_back(readSandboxRecords());
    m_run->start(std::move(run));
}

std::shared_ptr<steps::Step> InstallPage::readSandboxRecords()
{
    const QString domain = m_state.plan.domains.value(0);
    auto records = std::make_shared<QList<sandbox::DnsRecord>>();
    m_sandboxRecords = records;
    return std::make_shared<steps::FunctionStep>(QStringLiteral("sandbox-dns"), tr("Read the DNS records for the sandbox"),
        [domain, records](steps::StepContext &context) -> wizard::Status {
            auto json = steps::postwrd(context, InstallPage::tr("Reading the DNS records %1 needs").arg(domain),
                QStringLiteral("dns records %1 --ipv4 127.0.0.1 --format json").arg(remote::shellQuote(domain)), {}, false);
            if (!json)
                return json.failure();
            auto chosen = sandbox::authenticationRecords(json->standardOutput.toUtf8());
            if (!chosen)
                return chosen.failure();
            *records = *chosen;
            return wizard::Done {};
        });
}

void InstallPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void InstallPage::retranslate()
{
    setTitle(tr("Install the mail server"));
    m_intro->setText(tr("Postwr copies postwrd, its mail server, to the server and starts it as a service that "
                        "comes back after a reboot. It also makes the key that signs your mail (DKIM), so that "
                        "receivers can tell it really comes from you."));
    if (!m_run->isRunning())
        m_install->setText(m_installed ? tr("&Run again") : tr("&Install"));
}

} // namespace postwr::pages
