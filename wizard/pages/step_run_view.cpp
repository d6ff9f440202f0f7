#include "pages/step_run_view.h"

#include "pages/mark_icon.h"

#include <QEvent>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace postwr::pages {

namespace {

// The log keeps this many lines: a long install must not grow it forever.
constexpr int kLogLines = 5000;

} // namespace

StepRunView::StepRunView(WizardState &state, QWidget *parent)
    : QWidget(parent)
    , m_state(state)
    , m_progress(new QProgressBar)
    , m_current(new QLabel)
    , m_checks(new QListWidget)
    , m_log(new QPlainTextEdit)
    , m_cancel(new QPushButton)
{
    m_progress->setObjectName(QStringLiteral("progress"));
    m_current->setObjectName(QStringLiteral("current"));
    m_current->setWordWrap(true);
    m_current->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checks->setObjectName(QStringLiteral("checks"));
    m_checks->setWordWrap(true);
    m_log->setObjectName(QStringLiteral("log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(kLogLines);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_cancel->setObjectName(QStringLiteral("cancel"));
    m_cancel->setEnabled(false);

    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(progressRow);
    layout->addWidget(m_current);
    layout->addWidget(m_checks, 1);
    layout->addWidget(m_log, 1);
    m_checks->hide();
    connect(m_cancel, &QPushButton::clicked, this, &StepRunView::cancel);
    retranslate();
}

StepRunView::~StepRunView()
{
    cancel();
}

void StepRunView::start(std::vector<std::shared_ptr<steps::Step>> steps)
{
    m_steps = std::move(steps);
    m_next = 0;
    m_cancelled = false;
    m_running = true;
    m_checks->clear();
    m_checks->hide();
    m_log->clear();
    m_progress->setRange(0, int(m_steps.size()));
    m_progress->setValue(0);
    m_cancel->setEnabled(true);

    m_driver = std::make_unique<steps::StepDriver>(*m_state.worker, m_state.plan);
    // The passwords typed on the pages, copied: the driver reads them on the session's thread.
    const QMap<QString, QString> passwords = m_state.accountPasswords;
    const QString cloudflareToken = m_state.cloudflareToken;
    m_driver->setSecrets([passwords, cloudflareToken](const QString &name) {
        if (name == cloudflareSecretName())
            return cloudflareToken;
        const QString prefix = accountSecretName(QString());
        return name.startsWith(prefix) ? passwords.value(name.mid(prefix.size())) : QString();
    });
    connect(m_driver.get(), &steps::StepDriver::log, this, [this](int id, const QString &line) {
        if (id == m_runId)
            appendLog(line);
    });
    connect(m_driver.get(), &steps::StepDriver::output, this, [this](int id, remote::Stream, const QString &line) {
        if (id == m_runId)
            appendLog(QStringLiteral("  | ") + line);
    });
    connect(m_driver.get(), &steps::StepDriver::checked, this, [this](int id, steps::Mark mark, const QString &text) {
        if (id != m_runId)
            return;
        auto *item = new QListWidgetItem(markIcon(style(), mark), text, m_checks);
        item->setData(Qt::UserRole, int(mark));
        m_checks->show();
        m_checks->scrollToItem(item);
        appendLog(steps::markTag(mark) + QLatin1Char(' ') + text);
    });
    connect(m_driver.get(), &steps::StepDriver::revealed, this, [this](int id, const QString &label, const QString &secret) {
        if (id == m_runId)
            emit revealed(label, secret);
    });
    connect(m_driver.get(), &steps::StepDriver::finished, this, [this](int id, const wizard::Status &status) {
        if (id != m_runId)
            return;
        // A step that ends after Cancel was clicked ends the run, however it ended.
        if (m_cancelled) {
            finish(wizard::Failure { tr("Cancelled. Nothing is left half done: run the step again when you are "
                                        "ready.") });
            return;
        }
        if (!status) {
            finish(status);
            return;
        }
        m_progress->setValue(int(m_next));
        runNext();
    });
    runNext();
}

void StepRunView::runNext()
{
    if (m_next >= m_steps.size()) {
        finish(wizard::Done {});
        return;
    }
    const std::shared_ptr<steps::Step> step = m_steps[m_next++];
    m_current->setText(tr("Step %1 of %2: %3").arg(m_next).arg(m_steps.size()).arg(step->title()));
    appendLog(QStringLiteral("== ") + step->title());
    m_driver->run(++m_runId, step);
}

void StepRunView::cancel()
{
    if (!m_running || !m_driver)
        return;
    m_cancelled = true;
    m_cancel->setEnabled(false);
    m_current->setText(tr("Cancelling…"));
    m_driver->cancel(m_runId);
}

void StepRunView::appendLog(const QString &line)
{
    m_log->appendPlainText(line);
}

void StepRunView::finish(const wizard::Status &status)
{
    m_running = false;
    m_cancel->setEnabled(false);
    if (status) {
        m_progress->setValue(m_progress->maximum());
        m_current->setText(tr("Done."));
    } else {
        m_current->setText(status.failure().message);
        appendLog(status.failure().message);
    }
    emit finished(status);
}

void StepRunView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StepRunView::retranslate()
{
    m_cancel->setText(tr("Ca&ncel"));
    m_log->setAccessibleName(tr("Log"));
    m_checks->setAccessibleName(tr("Results"));
}

} // namespace postwr::pages
