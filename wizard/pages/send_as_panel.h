// "Use with Gmail": exactly what to type in Gmail's "Add another email
// address" form (SMTP server, port, username, secured connection), each
// value with a Copy button, what happens next, and the same values for
// Thunderbird, Outlook and Apple Mail.
#pragma once

#include <QGroupBox>

class QGridLayout;
class QLabel;

namespace postwr::pages {

class SendAsPanel : public QGroupBox {
    Q_OBJECT

public:
    explicit SendAsPanel(QWidget *parent = nullptr);
    void setAccount(const QString &host, quint16 port, const QString &account);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void addRow(int row, const QString &value);

    QLabel *m_intro;
    QGridLayout *m_grid;
    QLabel *m_after;
    QLabel *m_clients;
    QString m_host;
    quint16 m_port = 587;
    QString m_account;
};

} // namespace postwr::pages
