#include "pages/setup_wizard.h"

#include "pages/connect_page.h"
#include "pages/language_page.h"
#include "pages/server_check_page.h"

#include <QEvent>

namespace postwr::pages {

SetupWizard::SetupWizard(const QString &knownHostsFile, QWidget *parent)
    : QWizard(parent)
{
    m_state.worker = std::make_unique<remote::RemoteWorker>(knownHostsFile);
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(LanguagePageId, new LanguagePage);
    setPage(ConnectPageId, new ConnectPage(m_state));
    setPage(ServerCheckPageId, new ServerCheckPage(m_state));
    retranslate();
}

SetupWizard::~SetupWizard()
{
    // Pages may still hold StepDrivers that report through the worker.
    m_state.worker->cancelAll();
}

void SetupWizard::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWizard::changeEvent(event);
}

void SetupWizard::retranslate()
{
    setWindowTitle(tr("Postwr: your own mail server"));
}

} // namespace postwr::pages
