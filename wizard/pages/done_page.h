// The last page: what is now set up on the server, in a few lines the
// user can keep, and how the test message went.
#pragma once

#include "pages/setup_wizard.h"

#include <QWizardPage>
#include <functional>

class QLabel;

namespace postwr::pages {

class DonePage : public QWizardPage {
    Q_OBJECT

public:
    // `testOutcome`: how the last test went ("" when none was sent).
    DonePage(WizardState &state, std::function<QString()> testOutcome, QWidget *parent = nullptr);
    void initializePage() override;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    WizardState &m_state;
    std::function<QString()> m_testOutcome;
    QLabel *m_summary;
};

} // namespace postwr::pages
