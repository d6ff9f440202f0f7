// Runs a command as root through sudo and tells sudo's own words apart from
// the command's, without a terminal.
//
// sudo prints a prompt unique to this run (-p) on stderr, and the command
// starts by printing a marker line, unique too, on stderr. Until the marker
// arrives everything on stderr is sudo's. So the password is typed only when
// sudo's prompt appears (typed blindly it would reach the command's stdin
// whenever sudo does not ask, e.g. with NOPASSWD), the command's own stdin is
// held back until sudo has let it run, a second prompt (a wrong password)
// ends the attempt instead of retrying, and when the channel ends without the
// marker, sudo's messages say why it refused. LC_ALL=C keeps them in English
// for that; the command itself runs with LC_ALL unset again.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace postwr::remote {

class SudoGate {
public:
    enum class Password { None, OnPrompt };
    explicit SudoGate(Password password);

    // The shell command line that runs `command` through sudo.
    QString wrap(const QString &command) const;

    enum class Action {
        None,
        TypePassword, // write the password and "\n" now
        GiveUp, // sudo asked again: the password was wrong; send EOF
    };
    struct Progress {
        Action action = Action::None;
        QByteArray passOn; // stderr bytes that belong to the caller
    };
    // Takes every stderr byte as it arrives.
    Progress feedStderr(QByteArrayView bytes);

    // True once sudo has started the command: its stdin may be written.
    bool passed() const { return m_passed; }

    // sudo's own messages (prompts removed), when it never started the command.
    QByteArray sudoOutput() const { return m_held; }
    // Why sudo did not start the command, translated, for user `user`.
    QString refusal(const QString &user, int exitStatus) const;

private:
    Password m_password;
    QByteArray m_prompt;
    QByteArray m_marker;
    QByteArray m_held;
    int m_prompts = 0;
    bool m_passed = false;
};

} // namespace postwr::remote
