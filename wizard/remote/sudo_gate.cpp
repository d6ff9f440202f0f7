#include "remote/sudo_gate.h"

#include "remote/marker_line.h"
#include "remote/shell_quote.h"

#include <QCoreApplication>
#include <utility>

namespace postwr::remote {

SudoGate::SudoGate(Password password)
    : m_password(password)
    , m_prompt(randomMarker("postwr-sudo-prompt-") + ':')
    , m_marker(randomMarker("postwr-sudo-started-"))
{
}

QString SudoGate::wrap(const QString &command) const
{
    const QString inner = QStringLiteral("unset LC_ALL; echo %1 >&2; %2")
                              .arg(QString::fromLatin1(m_marker), command);
    const QString sudo = m_password == Password::OnPrompt
        ? QStringLiteral("sudo -S -p %1").arg(shellQuote(QString::fromLatin1(m_prompt)))
        : QStringLiteral("sudo -n");
    return QStringLiteral("LC_ALL=C %1 -- sh -c %2").arg(sudo, shellQuote(inner));
}

SudoGate::Progress SudoGate::feedStderr(QByteArrayView bytes)
{
    Progress progress;
    if (m_passed) {
        progress.passOn = bytes.toByteArray();
        return progress;
    }
    m_held.append(bytes);
    // -S prints the prompt without a newline; whatever follows it (the
    // marker, or "Sorry, try again.") continues the same line.
    for (qsizetype at = m_held.indexOf(m_prompt); at >= 0; at = m_held.indexOf(m_prompt)) {
        m_held.remove(at, m_prompt.size());
        ++m_prompts;
        const bool first = m_prompts == 1 && m_password == Password::OnPrompt;
        progress.action = first ? Action::TypePassword : Action::GiveUp;
    }
    if (!takeMarkerLine(m_held, m_marker))
        return progress;
    m_passed = true;
    // Anything sudo said before letting the command run (a lecture) is kept.
    progress.passOn = std::exchange(m_held, {});
    return progress;
}

QString SudoGate::refusal(const QString &user, int exitStatus) const
{
    const QString said = QString::fromUtf8(m_held).trimmed();
    const QString lower = said.toLower();
    if (lower.contains(QLatin1String("a password is required")))
        return QCoreApplication::translate("postwr::remote",
            "Commands as root need sudo here, and sudo asks for the password of user %1. "
            "Enter that password and try again.")
            .arg(user);
    if (lower.contains(QLatin1String("incorrect password"))
        || lower.contains(QLatin1String("try again"))
        || lower.contains(QLatin1String("no password was provided")))
        return QCoreApplication::translate("postwr::remote",
            "sudo did not accept the password of user %1. Check it and try again.")
            .arg(user);
    if (lower.contains(QLatin1String("not in the sudoers"))
        || lower.contains(QLatin1String("not allowed to"))
        || lower.contains(QLatin1String("may not run sudo")))
        return QCoreApplication::translate("postwr::remote",
            "User %1 may not use sudo on this server. Log in as root, or ask the "
            "server's administrator to allow sudo for %1.")
            .arg(user);
    if (exitStatus == 127 || lower.contains(QLatin1String("not found")))
        return QCoreApplication::translate("postwr::remote",
            "sudo is not installed on this server. Log in as root, or install sudo as root first.");
    const QString firstLine = said.section(QLatin1Char('\n'), 0, 0);
    return QCoreApplication::translate("postwr::remote", "sudo did not run the command: %1")
        .arg(firstLine);
}

} // namespace postwr::remote
