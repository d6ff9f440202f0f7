#include "pages/host_key_question.h"

#include <QAbstractButton>
#include <QMessageBox>

namespace postwr::pages {

bool HostKeyQuestion::ask(QWidget *parent, const QString &host, const remote::HostKey &key)
{
    const QString question = tr("This is the first connection to %1. It identifies itself with this %2 key:\n\n%3\n\n"
                                "Trust it only if it is your server's: on the server, `ssh-keygen -lf "
                                "/etc/ssh/ssh_host_*_key.pub` shows the same fingerprint.")
                                 .arg(host, key.type, key.fingerprint);
    QMessageBox box(QMessageBox::Question, tr("Trust this server?"), question, QMessageBox::Yes | QMessageBox::No, parent);
    box.setDefaultButton(QMessageBox::No);
    box.button(QMessageBox::Yes)->setText(tr("&Trust"));
    box.button(QMessageBox::No)->setText(tr("&Cancel"));
    return box.exec() == QMessageBox::Yes;
}

} // namespace postwr::pages
