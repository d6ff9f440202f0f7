// The dashboard's status tab: is postwrd running, its version, the queue
// and the last lines of its log, read again with Refresh.
#pragma once

#include "pages/setup_wizard.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace postwr::pages {
class StepRunView;
}

namespace postwr::dashboard {

class StatusTab : public QWidget {
    Q_OBJECT

public:
    explicit StatusTab(pages::WizardState &state, QWidget *parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QLabel *m_intro;
    QPushButton *m_refresh;
    pages::StepRunView *m_run;
};

} // namespace postwr::dashboard
