// The question asked on first contact with a server: its key type and
// SHA256 fingerprint, trusted only when the user says so (No is the
// default). Used by the connect page and the dashboard.
#pragma once

#include "remote/ssh_types.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace postwr::pages {

class HostKeyQuestion {
    Q_DECLARE_TR_FUNCTIONS(postwr::pages::HostKeyQuestion)

public:
    // true when the user trusts `key` of `host`.
    static bool ask(QWidget *parent, const QString &host, const remote::HostKey &key);
};

} // namespace postwr::pages
