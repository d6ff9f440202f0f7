#include "dashboard/status_tab.h"

#include "pages/step_run_view.h"
#include "steps/status_step.h"

#include <QEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace postwr::dashboard {

StatusTab::StatusTab(pages::WizardState &state, QWidget *parent)
    : QWidget(parent)
    , m_intro(new QLabel)
    , m_refresh(new QPushButton)
    , m_run(new pages::StepRunView(state))
{
    m_intro->setWordWrap(true);
    m_refresh->setObjectName(QStringLiteral("refresh"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_refresh, 0, Qt::AlignLeft);
    layout->addWidget(m_run, 1);
    connect(m_refresh, &QPushButton::clicked, this, &StatusTab::refresh);
    connect(m_run, &pages::StepRunView::finished, this, [this] { m_refresh->setEnabled(true); });
    retranslate();
}

void StatusTab::refresh()
{
    m_refresh->setEnabled(false);
    m_run->start({ std::make_shared<steps::StatusStep>() });
}

void StatusTab::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void StatusTab::retranslate()
{
    m_intro->setText(tr("Whether the mail server runs, how many messages wait to be delivered, and what it did "
                        "last."));
    m_refresh->setText(tr("&Refresh"));
}

} // namespace postwr::dashboard
