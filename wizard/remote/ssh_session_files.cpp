// Files on the server: SFTP as the login user, or a sudo command for root's
// files when the login user is not root. Both replace a file atomically,
// with rename(2) over the old one.
#include "remote/shell_quote.h"
#include "remote/ssh_session.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <algorithm>
#include <fcntl.h>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <memory>

namespace postwr::remote {

using wizard::Done;
using wizard::Failure;
using wizard::Result;
using wizard::Status;

namespace {

// Each write waits for the server's answer: large writes make fewer round
// trips. OpenSSH's server takes messages of up to 256 KiB.
constexpr qsizetype kSftpWriteChunk = 128 * 1024;
constexpr qsizetype kSftpReadChunk = 32 * 1024;

struct FileCloser {
    void operator()(sftp_file_struct *file) const { sftp_close(file); }
};
using SftpFile = std::unique_ptr<sftp_file_struct, FileCloser>;

// "dir/.name.postwr-XXXX": a hidden sibling of `path`, so that the rename
// stays within one file system. `suffix` replaces XXXX.
QString siblingTemporary(const QString &path, const QString &suffix)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return path.left(slash + 1) + QLatin1Char('.') + path.mid(slash + 1)
        + QStringLiteral(".postwr-") + suffix;
}

QString octal(int mode)
{
    return QString::number(mode & 07777, 8);
}

} // namespace

Result<sftp_session_struct *> SshSession::sftp()
{
    if (m_sftp)
        return m_sftp.get();
    std::unique_ptr<sftp_session_struct, SftpDeleter> sftp(sftp_new(m_session.get()));
    if (!sftp || sftp_init(sftp.get()) != SSH_OK)
        return Failure { QCoreApplication::translate("postwr::remote",
            "The server does not offer file transfer (SFTP): %1. Install "
            "openssh-sftp-server, or check the Subsystem line of sshd_config.")
                             .arg(QString::fromUtf8(ssh_get_error(m_session.get()))) };
    m_sftp = std::move(sftp);
    return m_sftp.get();
}

QString SshSession::sftpError(const QString &path) const
{
    switch (sftp_get_error(m_sftp.get())) {
    case SSH_FX_NO_SUCH_FILE:
    case SSH_FX_NO_SUCH_PATH:
        return QCoreApplication::translate("postwr::remote", "%1 does not exist on the server.")
            .arg(path);
    case SSH_FX_PERMISSION_DENIED:
        return QCoreApplication::translate(
            "postwr::remote", "User %1 has no permission for %2 on the server.")
            .arg(m_target.user, path);
    default:
        return QCoreApplication::translate("postwr::remote", "File transfer of %1 failed: %2")
            .arg(path, QString::fromUtf8(ssh_get_error(m_session.get())));
    }
}

Status SshSession::writeFile(const QString &path, const QByteArray &content, int mode, bool asRoot)
{
    if (const Status login = requireLogin(); !login)
        return login;
    if (asRoot) {
        const Result<bool> root = loginIsRoot();
        if (!root)
            return root.failure();
        if (!*root)
            return writeFileWithSudo(path, content, mode);
    }
    return writeFileWithSftp(path, content, mode);
}

Status SshSession::writeFileWithSftp(const QString &path, const QByteArray &content, int mode)
{
    const Result<sftp_session_struct *> session = sftp();
    if (!session)
        return session.failure();
    sftp_session s = *session;
    const QString temporary
        = siblingTemporary(path, QString::number(QRandomGenerator::system()->generate64(), 16));
    const QByteArray temporaryName = temporary.toUtf8();
    SftpFile file(sftp_open(s, temporaryName.constData(), O_WRONLY | O_CREAT | O_EXCL, 0600));
    if (!file)
        return Failure { sftpError(path) };
    const auto fail = [&](const QString &message) -> Status {
        file.reset();
        sftp_unlink(s, temporaryName.constData());
        return Failure { message };
    };
    for (qsizetype at = 0; at < content.size();) {
        const auto size = static_cast<size_t>(std::min(kSftpWriteChunk, content.size() - at));
        const ssize_t written = sftp_write(file.get(), content.constData() + at, size);
        if (written <= 0)
            return fail(sftpError(path));
        at += written;
    }
    // On disk before it replaces the old file, where the server can tell.
    if (sftp_extension_supported(s, "fsync@openssh.com", "1") && sftp_fsync(file.get()) != 0)
        return fail(sftpError(path));
    if (sftp_close(file.release()) != SSH_OK)
        return fail(sftpError(path));
    if (sftp_chmod(s, temporaryName.constData(), static_cast<mode_t>(mode)) != 0)
        return fail(sftpError(path));
    // SFTP v3's rename refuses to replace a file, and libssh 0.10 has no
    // call for OpenSSH's posix-rename extension: mv does the rename(2).
    CommandOptions options;
    options.timeout = std::chrono::minutes(1);
    const CommandResult moved = run(
        QStringLiteral("mv -f -- %1 %2").arg(shellQuote(temporary), shellQuote(path)), options);
    if (!moved.ok())
        return fail(
            QCoreApplication::translate("postwr::remote", "Cannot put %1 in place: %2")
                .arg(path, moved.error.isEmpty() ? moved.standardError.trimmed() : moved.error));
    return Done {};
}

// The content goes to sudo's command on stdin (never through a temporary
// file outside the target's directory); mktemp makes the sibling with mode
// 0600 before anything is written to it.
Status SshSession::writeFileWithSudo(const QString &path, const QByteArray &content, int mode)
{
    const QString script = QStringLiteral(
        "t=$(mktemp %1) || exit 1; "
        "if cat > \"$t\" && chmod %2 \"$t\" && mv -f -- \"$t\" %3; then exit 0; fi; "
        "rm -f -- \"$t\"; exit 1")
                               .arg(shellQuote(siblingTemporary(path, QStringLiteral("XXXXXXXX"))),
                                   octal(mode), shellQuote(path));
    CommandOptions options;
    options.sudo = true;
    options.standardInput = content;
    const CommandResult result = run(script, options);
    if (!result.error.isEmpty())
        return Failure { result.error };
    if (result.timedOut)
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Writing %1 as root took too long and was stopped.")
                             .arg(path) };
    if (!result.ok())
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Cannot write %1 as root: %2")
                             .arg(path, result.standardError.trimmed()) };
    return Done {};
}

Result<QByteArray> SshSession::readFile(const QString &path, qint64 maxBytes)
{
    if (const Status login = requireLogin(); !login)
        return login.failure();
    const Result<sftp_session_struct *> session = sftp();
    if (!session)
        return session.failure();
    SftpFile file(sftp_open(*session, path.toUtf8().constData(), O_RDONLY, 0));
    if (!file)
        return Failure { sftpError(path) };
    QByteArray content;
    char buffer[kSftpReadChunk];
    while (true) {
        const ssize_t n = sftp_read(file.get(), buffer, sizeof buffer);
        if (n < 0)
            return Failure { sftpError(path) };
        if (n == 0)
            return content;
        if (content.size() + n > maxBytes)
            return Failure { QCoreApplication::translate(
                "postwr::remote", "%1 is larger than %2 bytes, too large to read.")
                                 .arg(path)
                                 .arg(maxBytes) };
        content.append(buffer, static_cast<qsizetype>(n));
    }
}

} // namespace postwr::remote
