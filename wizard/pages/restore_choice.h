// On the install page: "bring back the backup of a server you had", from its
// git repository or a downloaded .tar.gz, with the backup's passphrase.
// The install then restores it (steps/restore_step.h) before the DKIM key is
// made, so the old key, accounts and forwarding come back instead of new
// ones.
#pragma once

#include <QGroupBox>

class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace postwr::pages {

class RestoreChoice : public QGroupBox {
    Q_OBJECT

public:
    explicit RestoreChoice(QWidget *parent = nullptr);

    bool wanted() const { return isChecked(); }
    // A git remote, or a .tar.gz on this computer.
    QString source() const;
    QString passphrase() const;
    // What is wrong with the fields, for the label under them; empty when
    // restoring is not wanted or the fields are right.
    QString problem() const;

signals:
    void changed();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void browse();

    QFormLayout *m_form;
    QLineEdit *m_source;
    QPushButton *m_browse;
    QLineEdit *m_passphrase;
    QLabel *m_note;
};

} // namespace postwr::pages
