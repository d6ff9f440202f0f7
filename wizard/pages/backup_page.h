// The backup: how it stands (last change kept, last push and whether it
// worked), and setting it up — a private git repository to push to, the
// passphrase that encrypts the secrets (or, knowingly, none), the server's
// deploy key to allow there with a Copy button — then "Push now" and
// "Download backup", which saves a .tar.gz with the date in its name on the
// desktop. The work is the steps in steps/backup_step.h. The wizard shows it
// after the certificate, the dashboard as a tab.
#pragma once

#include "pages/setup_wizard.h"
#include "steps/backup_step.h"

#include <QWizardPage>
#include <memory>
#include <optional>

class QCheckBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace postwr::pages {

class StepRunView;

class BackupPage : public QWizardPage {
    Q_OBJECT

public:
    explicit BackupPage(WizardState &state, QWidget *parent = nullptr);
    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

    // Where "Download backup" saves: the desktop, else the downloads folder,
    // else the home directory.
    static QString downloadFolder();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateFields();
    QString inputProblem() const;
    // Reads how the backup stands, and shows it when the run ends.
    std::shared_ptr<steps::Step> statusStep();
    void run(std::vector<std::shared_ptr<steps::Step>> work);
    void apply();
    void pushNow();
    void download();

    WizardState &m_state;
    QLabel *m_intro;
    QLabel *m_standingIcon;
    QLabel *m_standing;
    QFormLayout *m_form;
    QLineEdit *m_remote;
    QCheckBox *m_encrypt;
    QLineEdit *m_passphrase;
    QLineEdit *m_confirm;
    QLabel *m_passphraseNote;
    QLabel *m_keyNote;
    QLineEdit *m_key;
    QPushButton *m_copyKey;
    QLabel *m_problem;
    QPushButton *m_apply;
    QPushButton *m_push;
    QPushButton *m_download;
    QLabel *m_saved;
    StepRunView *m_run;
    std::optional<steps::BackupStatus> m_status;
    QString m_runProblem; // why the last try failed, until a field changes
};

} // namespace postwr::pages
