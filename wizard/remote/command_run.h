// One remote command on its own channel of an authenticated session: the
// loop behind SshSession::run().
//
// The command line sent is `echo MARKER$$ >&2; COMMAND`, for a POSIX login
// shell: the first stderr line says which process group to end on cancel.
//
// The session stays in blocking mode (bounded by its timeout) except for
// reads, which never wait: the loop reads what has arrived on both streams,
// writes stdin as the channel's window allows, and otherwise waits on the
// socket for at most 100 ms, so the cancel flag and the deadline are seen in
// time however quiet the command is.
#pragma once

#include "remote/line_splitter.h"
#include "remote/ssh_types.h"
#include "remote/sudo_gate.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QString>
#include <atomic>
#include <memory>
#include <optional>

struct ssh_session_struct;
struct ssh_channel_struct;

namespace postwr::remote {

class CommandRun {
public:
    CommandRun(ssh_session_struct *session, const CommandOptions &options,
        const LineHandler &onLine, const std::atomic_bool *cancel);
    ~CommandRun();
    CommandRun(const CommandRun &) = delete;
    CommandRun &operator=(const CommandRun &) = delete;

    // Runs `command` through sudo as `user`; `password` is typed if sudo asks.
    void useSudo(const QString &user, const QString &password);

    CommandResult run(const QString &command);

private:
    struct ChannelDeleter {
        void operator()(ssh_channel_struct *channel) const;
    };

    bool open(const QString &commandLine);
    // Bytes read from both streams; -1 when the connection broke.
    qsizetype readAvailable();
    // Whether anything was written.
    bool writeInput();
    bool ended();
    void stop();
    void killProcessGroup();
    void waitForData(int milliseconds) const;
    void receiveStderr(QByteArrayView bytes);
    void deliver(Stream stream, QByteArrayView bytes);
    void typeSudoPassword();
    void sendEof();
    void finish();
    void fail(const QString &message);

    ssh_session_struct *m_session;
    CommandOptions m_options;
    LineHandler m_onLine;
    const std::atomic_bool *m_cancel;
    std::unique_ptr<ssh_channel_struct, ChannelDeleter> m_channel;

    // The wrapper first prints this and the login shell's process id on
    // stderr: that shell leads the command's process group.
    QByteArray m_pidMarker;
    QByteArray m_stderrHead; // stderr until the process id line
    bool m_started = false;
    qint64 m_processGroup = 0;

    std::optional<SudoGate> m_sudo;
    QString m_sudoUser;
    QString m_sudoPassword;

    qsizetype m_inputWritten = 0;
    bool m_eofSent = false;
    LineSplitter m_stdoutLines;
    LineSplitter m_stderrLines;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QElapsedTimer m_sinceOutput;
    CommandResult m_result;
};

} // namespace postwr::remote
