#include "pages/server_check_page.h"

#include "pages/mark_icon.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QVBoxLayout>

namespace postwr::pages {

namespace {

// Ids of the driver's runs: one per visit of the page.
constexpr int kFirstRun = 1000;

} // namespace

ServerCheckPage::ServerCheckPage(WizardState &state, QWidget *parent)
    : QWizardPage(parent)
    , m_state(state)
    , m_intro(new QLabel)
    , m_progress(new QProgressBar)
    , m_findings(new QListWidget)
    , m_status(new QLabel)
{
    m_intro->setWordWrap(true);
    m_findings->setObjectName(QStringLiteral("findings"));
    m_findings->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_progress->setRange(0, 0); // busy
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_progress);
    layout->addWidget(m_findings, 1);
    layout->addWidget(m_status);
    retranslate();
}

void ServerCheckPage::initializePage()
{
    m_done = false;
    m_findings->clear();
    m_status->clear();
    m_progress->show();
    m_driver = std::make_unique<steps::StepDriver>(*m_state.worker, m_state.plan);
    m_probe = std::make_shared<steps::ProbeStep>();
    const int run = kFirstRun + ++m_run;
    connect(m_driver.get(), &steps::StepDriver::finished, this, [this, run](int id, const wizard::Status &status) {
        if (id != run)
            return;
        m_progress->hide();
        m_done = status.ok();
        if (status) {
            m_state.outbound25Blocked = m_probe->report().outbound == steps::OutboundState::Blocked;
            showFindings(m_probe->findings());
        }
        else
            m_status->setText(status.failure().message);
        emit completeChanged();
    });
    m_driver->run(run, m_probe);
}

void ServerCheckPage::cleanupPage()
{
    if (m_driver)
        m_driver->cancel(kFirstRun + m_run);
    m_driver.reset();
}

bool ServerCheckPage::isComplete() const
{
    return m_done;
}

void ServerCheckPage::showFindings(const QList<steps::Finding> &findings)
{
    m_findings->clear();
    int problems = 0;
    for (const steps::Finding &finding : findings) {
        steps::Mark mark = steps::Mark::Good;
        if (finding.level == steps::Finding::Level::Warning)
            mark = steps::Mark::Warning;
        if (finding.level == steps::Finding::Level::Problem) {
            mark = steps::Mark::Problem;
            ++problems;
        }
        auto *item = new QListWidgetItem(markIcon(style(), mark), finding.text, m_findings);
        item->setData(Qt::UserRole, finding.topic);
        item->setData(Qt::UserRole + 1, int(finding.level));
    }
    m_status->setText(problems == 0 ? tr("Nothing stands in the way.")
                                    : tr("%n problem(s) to look at; you can go on and fix them later.", nullptr, problems));
}

void ServerCheckPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizardPage::changeEvent(event);
}

void ServerCheckPage::retranslate()
{
    setTitle(tr("Server check"));
    // The findings' texts are made in the language of the moment: make them again.
    if (m_done && m_probe) {
        const steps::Plan &plan = m_state.plan;
        showFindings(steps::adviceFor(m_probe->report(), { plan.install.mode, plan.install.ports, plan.hostname }));
    }
    m_intro->setText(tr("Postwr looks at the server before changing anything: its system, memory and disk, its "
                        "addresses and their reverse DNS, and whether mail can go in and out."));
}

} // namespace postwr::pages
