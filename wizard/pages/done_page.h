// The last page: what is now set up on the server, in a few lines the
// user can keep, and how the test message went. Finish remembers the
// server for the dashboard (settings) and, if the user wants, its
// passwords in the desktop's keyring.
#pragma once

#include "pages/setup_wizard.h"

#include <QWizardPage>
#include <functional>

class QCheckBox;
class QLabel;

namespace postwr::pages {

class DonePage : public QWizardPage {
    Q_OBJECT

public:
    // `testOutcome`: how the last test went ("" when none was sent).
    DonePage(WizardState &state, std::function<QString()> testOutcome, QWidget *parent = nullptr);
    void initializePage() override;
    bool validatePage() override;

signals:
    // The server was remembered (and its passwords handed to the keyring).
    void remembered(const QString &serverId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    WizardState &m_state;
    std::function<QString()> m_testOutcome;
    QLabel *m_summary;
    QCheckBox *m_remember;
    QCheckBox *m_keyring;
};

} // namespace postwr::pages
