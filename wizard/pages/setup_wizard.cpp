#include "pages/setup_wizard.h"

#include "pages/accounts_page.h"
#include "pages/app_icon.h"
#include "pages/backup_page.h"
#include "pages/certificate_page.h"
#include "pages/connect_page.h"
#include "pages/dns_page.h"
#include "pages/domain_page.h"
#include "pages/done_page.h"
#include "pages/forwarding_page.h"
#include "pages/install_page.h"
#include "pages/language_menu.h"
#include "pages/language_page.h"
#include "pages/server_check_page.h"
#include "pages/test_mail_page.h"

#include <QEvent>
#include <QPushButton>

namespace postwr::pages {

SetupWizard::SetupWizard(const QString &knownHostsFile, QWidget *parent)
    : QWizard(parent)
{
    m_state.worker = std::make_unique<remote::RemoteWorker>(knownHostsFile);
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setWindowIcon(appIcon());
    // The language can change on any page, not only on the first.
    m_languageButton = new QPushButton;
    m_languageButton->setObjectName(QStringLiteral("languageButton"));
    m_languageButton->setMenu(languageMenu(m_languageButton));
    setButton(QWizard::CustomButton1, m_languageButton);
    setOption(QWizard::HaveCustomButton1);
    setButtonLayout({ QWizard::CustomButton1, QWizard::Stretch, QWizard::BackButton, QWizard::NextButton,
        QWizard::FinishButton, QWizard::CancelButton });
    setPage(LanguagePageId, new LanguagePage);
    setPage(ConnectPageId, new ConnectPage(m_state));
    setPage(ServerCheckPageId, new ServerCheckPage(m_state));
    setPage(DomainPageId, new DomainPage(m_state));
    setPage(InstallPageId, new InstallPage(m_state));
    setPage(AccountsPageId, new AccountsPage(m_state));
    setPage(ForwardingPageId, new ForwardingPage(m_state));
    setPage(DnsPageId, new DnsPage(m_state));
    setPage(CertificatePageId, new CertificatePage(m_state));
    setPage(BackupPageId, new BackupPage(m_state));
    auto *testMail = new TestMailPage(m_state);
    setPage(TestMailPageId, testMail);
    auto *done = new DonePage(m_state, [testMail] { return testMail->outcome(); });
    setPage(DonePageId, done);
    connect(done, &DonePage::remembered, this, &SetupWizard::serverRemembered);
    retranslate();
}

SetupWizard::~SetupWizard()
{
    // Pages may still hold StepDrivers that report through the worker: they
    // go first, while the worker (in m_state) is still there.
    m_state.worker->cancelAll();
    for (int id : pageIds()) {
        QWizardPage *page = this->page(id);
        removePage(id);
        delete page;
    }
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
    // QWizard's own buttons: Qt's translations may not be installed, and have no Welsh.
    setButtonText(QWizard::CustomButton1, tr("&Language"));
    setButtonText(QWizard::BackButton, tr("< &Back"));
    setButtonText(QWizard::NextButton, tr("&Next >"));
    setButtonText(QWizard::FinishButton, tr("&Finish"));
    setButtonText(QWizard::CancelButton, tr("Cancel"));
}

} // namespace postwr::pages
