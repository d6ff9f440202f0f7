#include "pages/setup_wizard.h"

#include "pages/accounts_page.h"
#include "pages/app_icon.h"
#include "pages/connect_page.h"
#include "pages/domain_page.h"
#include "pages/done_page.h"
#include "pages/forwarding_page.h"
#include "pages/install_page.h"
#include "pages/language_page.h"
#include "pages/server_check_page.h"
#include "pages/test_mail_page.h"

#include "translations.h"

#include <QApplication>
#include <QEvent>
#include <QMenu>
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
    auto *menu = new QMenu(m_languageButton);
    for (const translations::Language &language : translations::languages()) {
        QAction *action = menu->addAction(language.name);
        connect(action, &QAction::triggered, this, [code = language.code] {
            translations::install(*QApplication::instance(), QLocale(code));
        });
    }
    m_languageButton->setMenu(menu);
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
    auto *testMail = new TestMailPage(m_state);
    setPage(TestMailPageId, testMail);
    setPage(DonePageId, new DonePage(m_state, [testMail] { return testMail->outcome(); }));
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
    m_languageButton->setText(tr("&Language"));
}

} // namespace postwr::pages
