#include "pages/send_as_panel.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace postwr::pages {

namespace {

enum Row { ServerRow, PortRow, UsernameRow, PasswordRow, SecurityRow, RowCount };

} // namespace

SendAsPanel::SendAsPanel(QWidget *parent)
    : QGroupBox(parent)
    , m_intro(new QLabel)
    , m_grid(new QGridLayout)
    , m_after(new QLabel)
    , m_clients(new QLabel)
{
    setObjectName(QStringLiteral("sendAs"));
    m_intro->setWordWrap(true);
    m_after->setWordWrap(true);
    m_clients->setWordWrap(true);
    m_clients->setObjectName(QStringLiteral("clients"));
    for (int row = 0; row < RowCount; ++row) {
        m_grid->addWidget(new QLabel, row, 0);
        auto *value = new QLineEdit;
        value->setReadOnly(true);
        value->setObjectName(QStringLiteral("sendAsValue%1").arg(row));
        m_grid->addWidget(value, row, 1);
        if (row == PasswordRow || row == SecurityRow)
            continue;
        auto *copy = new QPushButton;
        copy->setObjectName(QStringLiteral("copy%1").arg(row));
        connect(copy, &QPushButton::clicked, this, [value] { QApplication::clipboard()->setText(value->text()); });
        m_grid->addWidget(copy, row, 2);
    }
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(m_grid);
    layout->addWidget(m_after);
    layout->addWidget(m_clients);
    retranslate();
}

void SendAsPanel::setAccount(const QString &host, quint16 port, const QString &account)
{
    m_host = host;
    m_port = port;
    m_account = account;
    retranslate();
}

void SendAsPanel::addRow(int row, const QString &value)
{
    if (auto *edit = qobject_cast<QLineEdit *>(m_grid->itemAtPosition(row, 1)->widget()))
        edit->setText(value);
}

void SendAsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QGroupBox::changeEvent(event);
}

void SendAsPanel::retranslate()
{
    setTitle(tr("Use with Gmail"));
    m_intro->setText(tr("In Gmail: Settings, \"Accounts and Import\", \"Send mail as\", \"Add another email "
                        "address\". Give your name and %1, untick \"Treat as an alias\" if you like, then:")
                         .arg(m_account));
    const QStringList labels { tr("SMTP Server:"), tr("Port:"), tr("Username:"), tr("Password:"), tr("Security:") };
    for (int row = 0; row < RowCount; ++row) {
        if (auto *label = qobject_cast<QLabel *>(m_grid->itemAtPosition(row, 0)->widget()))
            label->setText(labels[row]);
        if (QLayoutItem *copy = m_grid->itemAtPosition(row, 2)) {
            auto *button = qobject_cast<QPushButton *>(copy->widget());
            button->setText(tr("Copy"));
            button->setAccessibleName(tr("Copy %1").arg(labels[row]));
        }
    }
    addRow(ServerRow, m_host);
    addRow(PortRow, QString::number(m_port));
    addRow(UsernameRow, m_account);
    addRow(PasswordRow, tr("the password of %1").arg(m_account));
    addRow(SecurityRow, m_port == 465 ? tr("Secured connection using SSL") : tr("Secured connection using TLS (recommended)"));
    m_after->setText(tr("Gmail then sends a confirmation code to %1; with forwarding on, it arrives in your Gmail a "
                        "moment later. Paste it, and Gmail can send as %1.")
                         .arg(m_account));
    m_clients->setText(tr("Thunderbird, Outlook and Apple Mail: outgoing (SMTP) server %1, port %2, %3, normal "
                          "password, user name %4. Their automatic setup (autoconfig, autodiscover) does not apply: "
                          "this server sends and forwards but keeps no IMAP mailbox, so enter these by hand.")
                           .arg(m_host)
                           .arg(m_port)
                           .arg(m_port == 465 ? tr("SSL/TLS") : tr("STARTTLS"), m_account));
}

} // namespace postwr::pages
