#include "remote/command_run.h"

#include "remote/log.h"
#include "remote/marker_line.h"
#include "remote/secret_bytes.h"

#include <QCoreApplication>
#include <algorithm>
#include <libssh/libssh.h>
#include <poll.h>
#include <utility>

namespace postwr::remote {

namespace {

constexpr int kPollMilliseconds = 100;
// How long a cancel waits for a just-started command to say its process group.
constexpr qint64 kPidWaitMilliseconds = 3000;
constexpr uint32_t kChunk = 64 * 1024;
// Per turn of the loop, so that a fast stream cannot delay the cancel check.
constexpr qsizetype kMaxBytesPerTurn = 1024 * 1024;
// A command that has exited but left a background process holding its
// output open would keep the channel open for as long as that process runs
// (`ssh host 'daemon &'` hangs the same way): once the exit status is in and
// the output has been quiet this long, the command is over.
constexpr qint64 kQuietAfterExitMilliseconds = 500;

} // namespace

void CommandRun::ChannelDeleter::operator()(ssh_channel_struct *channel) const
{
    if (ssh_channel_is_open(channel))
        ssh_channel_close(channel);
    ssh_channel_free(channel);
}

CommandRun::CommandRun(ssh_session_struct *session, const CommandOptions &options,
    const LineHandler &onLine, const std::atomic_bool *cancel)
    : m_session(session)
    , m_options(options)
    , m_onLine(onLine)
    , m_cancel(cancel)
    , m_pidMarker(randomMarker("postwr-pid-") + '=')
{
}

CommandRun::~CommandRun() = default;

void CommandRun::useSudo(const QString &user, const QString &password)
{
    m_sudo.emplace(password.isEmpty() ? SudoGate::Password::None : SudoGate::Password::OnPrompt);
    m_sudoUser = user;
    m_sudoPassword = password;
}

CommandResult CommandRun::run(const QString &command)
{
    const QDeadlineTimer deadline(m_options.timeout);
    QElapsedTimer clock;
    clock.start();
    const QString commandLine
        = QStringLiteral("echo %1$$ >&2; %2")
              .arg(QString::fromLatin1(m_pidMarker), m_sudo ? m_sudo->wrap(command) : command);
    if (!open(commandLine))
        return m_result;
    m_sinceOutput.start();
    while (true) {
        if (m_cancel && m_cancel->load()) {
            m_result.cancelled = true;
            stop();
            break;
        }
        if (deadline.hasExpired()) {
            m_result.timedOut = true;
            stop();
            break;
        }
        const qsizetype received = readAvailable();
        if (received < 0)
            break;
        const bool wrote = writeInput();
        if (!m_result.error.isEmpty())
            break;
        if (ended()) {
            while (readAvailable() > 0) { }
            break;
        }
        if (received == 0 && !wrote) {
            const qint64 remaining = deadline.remainingTime(); // -1: no deadline
            waitForData(
                static_cast<int>(remaining < 0 ? kPollMilliseconds
                                               : std::min<qint64>(kPollMilliseconds, remaining)));
        }
    }
    finish();
    qCInfo(lcRemote) << "command ended: exit" << m_result.exitStatus << "after" << clock.elapsed()
                     << "ms" << (m_result.timedOut ? "(timed out)" : "")
                     << (m_result.cancelled ? "(cancelled)" : "");
    return m_result;
}

bool CommandRun::open(const QString &commandLine)
{
    m_channel.reset(ssh_channel_new(m_session));
    const QByteArray line = commandLine.toUtf8();
    if (!m_channel || ssh_channel_open_session(m_channel.get()) != SSH_OK
        || ssh_channel_request_exec(m_channel.get(), line.constData()) != SSH_OK) {
        fail(QCoreApplication::translate(
            "postwr::remote", "The server did not let the command start: %1")
                 .arg(QString::fromUtf8(ssh_get_error(m_session))));
        return false;
    }
    return true;
}

qsizetype CommandRun::readAvailable()
{
    char buffer[kChunk];
    qsizetype total = 0;
    for (const int isStderr : { 0, 1 }) {
        while (total < kMaxBytesPerTurn) {
            const int n
                = ssh_channel_read_nonblocking(m_channel.get(), buffer, sizeof buffer, isStderr);
            if (n == SSH_ERROR) {
                fail(QCoreApplication::translate(
                    "postwr::remote", "The connection to the server broke: %1")
                         .arg(QString::fromUtf8(ssh_get_error(m_session))));
                return -1;
            }
            if (n <= 0) // nothing yet, or SSH_EOF
                break;
            const QByteArrayView bytes(buffer, n);
            if (isStderr)
                receiveStderr(bytes);
            else
                deliver(Stream::Stdout, bytes);
            total += n;
        }
    }
    if (total > 0)
        m_sinceOutput.restart();
    return total;
}

void CommandRun::receiveStderr(QByteArrayView bytes)
{
    QByteArray afterPid;
    if (!m_started) {
        m_stderrHead.append(bytes);
        const std::optional<QByteArray> pid = takeMarkerLine(m_stderrHead, m_pidMarker);
        if (!pid)
            return;
        m_started = true;
        m_processGroup = pid->toLongLong();
        afterPid = std::exchange(m_stderrHead, {});
        bytes = afterPid;
    }
    if (!m_sudo) {
        deliver(Stream::Stderr, bytes);
        return;
    }
    const SudoGate::Progress progress = m_sudo->feedStderr(bytes);
    if (progress.action == SudoGate::Action::TypePassword)
        typeSudoPassword();
    else if (progress.action == SudoGate::Action::GiveUp)
        sendEof();
    deliver(Stream::Stderr, progress.passOn);
}

void CommandRun::deliver(Stream stream, QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    LineSplitter &lines = stream == Stream::Stdout ? m_stdoutLines : m_stderrLines;
    (stream == Stream::Stdout ? m_stdout : m_stderr).append(bytes);
    const QStringList complete = lines.feed(bytes);
    if (m_onLine) {
        for (const QString &line : complete)
            m_onLine(stream, line);
    }
}

void CommandRun::typeSudoPassword()
{
    const SecretBytes line(m_sudoPassword + QLatin1Char('\n'));
    if (ssh_channel_write(m_channel.get(), line.data(), static_cast<uint32_t>(line.size()))
        == SSH_ERROR)
        fail(QCoreApplication::translate("postwr::remote", "The connection to the server broke: %1")
                 .arg(QString::fromUtf8(ssh_get_error(m_session))));
}

bool CommandRun::writeInput()
{
    // Through sudo, stdin waits until sudo has started the command: sudo
    // reads the password from the same stdin.
    if (m_eofSent || (m_sudo && !m_sudo->passed()))
        return false;
    const QByteArray &input = m_options.standardInput;
    qsizetype written = 0;
    while (m_inputWritten < input.size() && written < kMaxBytesPerTurn) {
        const uint32_t window = ssh_channel_window_size(m_channel.get());
        if (window == 0)
            return written > 0;
        const auto chunk = static_cast<uint32_t>(std::min<qsizetype>(
            { static_cast<qsizetype>(window), kChunk, input.size() - m_inputWritten }));
        const int n = ssh_channel_write(m_channel.get(), input.constData() + m_inputWritten, chunk);
        if (n == SSH_ERROR) {
            fail(QCoreApplication::translate(
                "postwr::remote", "The connection to the server broke: %1")
                     .arg(QString::fromUtf8(ssh_get_error(m_session))));
            return false;
        }
        m_inputWritten += n;
        written += n;
    }
    if (m_inputWritten == input.size())
        sendEof();
    return true;
}

void CommandRun::sendEof()
{
    if (!m_eofSent)
        ssh_channel_send_eof(m_channel.get());
    m_eofSent = true;
}

bool CommandRun::ended()
{
    ssh_channel channel = m_channel.get();
    if (m_result.exitStatus == -1) {
        // Blocking, this would wait for the status; non-blocking it only
        // takes in what has arrived.
        ssh_set_blocking(m_session, 0);
        const int status = ssh_channel_get_exit_status(channel);
        ssh_set_blocking(m_session, 1);
        if (status >= 0)
            m_result.exitStatus = status;
    }
    if (ssh_channel_is_closed(channel))
        return true;
    if (m_result.exitStatus < 0)
        return false;
    return ssh_channel_is_eof(channel) || m_sinceOutput.hasExpired(kQuietAfterExitMilliseconds);
}

void CommandRun::waitForData(int milliseconds) const
{
    pollfd socket {};
    socket.fd = ssh_get_fd(m_session);
    socket.events = POLLIN;
    ::poll(&socket, 1, std::max(milliseconds, 0));
}

// The command gets SIGTERM and the channel is closed. sshd passes a
// "signal" request on to the command's process group only for logins other
// than root (it needs privilege separation, which root sessions skip), and
// closing the channel ends nothing that does not write: so the group is
// also sent SIGTERM from a second channel. sudo passes the signal on to the
// command it runs. A command stopped right after it started may not have
// said its process group yet: that is waited for, briefly.
void CommandRun::stop()
{
    QElapsedTimer waited;
    waited.start();
    while (m_processGroup <= 1 && m_result.exitStatus < 0 && !waited.hasExpired(kPidWaitMilliseconds)) {
        const qsizetype received = readAvailable();
        if (received < 0)
            break;
        if (received == 0)
            waitForData(kPollMilliseconds);
    }
    ssh_channel_request_send_signal(m_channel.get(), "TERM");
    m_channel.reset();
    killProcessGroup();
}

void CommandRun::killProcessGroup()
{
    if (m_processGroup <= 1)
        return;
    CommandOptions options;
    options.timeout = std::chrono::seconds(5);
    CommandRun kill(m_session, options, {}, nullptr);
    kill.run(QStringLiteral("kill -TERM -- -%1 2>/dev/null; exit 0").arg(m_processGroup));
}

void CommandRun::fail(const QString &message)
{
    if (m_result.error.isEmpty())
        m_result.error = message;
}

void CommandRun::finish()
{
    // The shell failed before the wrapper's first word: all it said is its own.
    deliver(Stream::Stderr, std::exchange(m_stderrHead, {}));
    if (m_sudo && !m_sudo->passed()) {
        // sudo never started the command: what it said explains why.
        deliver(Stream::Stderr, m_sudo->sudoOutput());
        if (!m_result.timedOut && !m_result.cancelled)
            fail(m_sudo->refusal(m_sudoUser, m_result.exitStatus));
    }
    for (const Stream stream : { Stream::Stdout, Stream::Stderr }) {
        const std::optional<QString> last
            = (stream == Stream::Stdout ? m_stdoutLines : m_stderrLines).finish();
        if (last && m_onLine)
            m_onLine(stream, *last);
    }
    m_result.standardOutput = QString::fromUtf8(m_stdout);
    m_result.standardError = QString::fromUtf8(m_stderr);
}

} // namespace postwr::remote
