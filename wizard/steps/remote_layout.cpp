#include "steps/remote_layout.h"

#include "remote/shell_quote.h"

namespace postwr::steps {

RemoteLayout RemoteLayout::system()
{
    RemoteLayout layout;
    layout.mode = InstallMode::System;
    layout.binary = QStringLiteral("/usr/local/bin/postwrd");
    layout.configDir = QStringLiteral("/etc/postwr");
    layout.spool = QStringLiteral("/var/spool/postwr");
    layout.maildir = QStringLiteral("/var/lib/postwr/mail");
    layout.unitFile = QStringLiteral("/etc/systemd/system/postwrd.service");
    return layout;
}

RemoteLayout RemoteLayout::user(const QString &prefix, const QString &home)
{
    RemoteLayout layout;
    layout.mode = InstallMode::User;
    layout.prefix = prefix.startsWith(QLatin1String("~/")) ? home + prefix.mid(1) : prefix;
    while (layout.prefix.size() > 1 && layout.prefix.endsWith(QLatin1Char('/')))
        layout.prefix.chop(1);
    layout.binary = layout.prefix + QStringLiteral("/bin/postwrd");
    layout.configDir = layout.prefix + QStringLiteral("/etc");
    layout.spool = layout.prefix + QStringLiteral("/spool");
    layout.maildir = layout.prefix + QStringLiteral("/mail");
    layout.logFile = layout.prefix + QStringLiteral("/log/postwrd.log");
    layout.supervisor = layout.prefix + QStringLiteral("/bin/postwrd-supervise");
    layout.runDir = layout.prefix + QStringLiteral("/run");
    return layout;
}

QString RemoteLayout::postwrdCommand() const
{
    return remote::shellQuote(binary) + QStringLiteral(" --config ") + remote::shellQuote(configDir);
}

} // namespace postwr::steps
