// Connection, host-key trust and login. Commands are in ssh_session_run.cpp,
// files in ssh_session_files.cpp.
#include "remote/ssh_session.h"

#include "remote/key_file.h"
#include "remote/log.h"
#include "remote/secret_bytes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QtGlobal>
#include <libssh/libssh.h>
#include <libssh/sftp.h>
#include <utility>

Q_LOGGING_CATEGORY(lcRemote, "postwr.remote")

namespace postwr::remote {

using wizard::Done;
using wizard::Failure;
using wizard::Result;
using wizard::Status;

namespace {

// libssh reports connection failures as text only (no errno).
QString connectFailure(
    const SshTarget &target, std::chrono::milliseconds timeout, const QString &detail)
{
    const QString lower = detail.toLower();
    const QString port = QString::number(target.port);
    if (lower.contains(QLatin1String("refused")))
        return QCoreApplication::translate("postwr::remote",
            "%1 refused the connection on port %2. Check the port, and that the SSH "
            "server is running.")
            .arg(target.host, port);
    if (lower.contains(QLatin1String("timeout")) || lower.contains(QLatin1String("timed out")))
        return QCoreApplication::translate("postwr::remote",
            "No answer from %1 on port %2 within %3 seconds. Check the address and "
            "the port, and that no firewall blocks SSH.")
            .arg(target.host, port)
            .arg(std::chrono::duration_cast<std::chrono::seconds>(timeout).count());
    if (lower.contains(QLatin1String("resolve")))
        return QCoreApplication::translate("postwr::remote",
            "The host name %1 was not found. Check it for typos, or use the server's "
            "IP address.")
            .arg(target.host);
    if (lower.contains(QLatin1String("unreachable")) || lower.contains(QLatin1String("no route")))
        return QCoreApplication::translate("postwr::remote",
            "%1 cannot be reached from this computer. Check your network connection "
            "and the address.")
            .arg(target.host);
    return QCoreApplication::translate("postwr::remote", "Cannot connect to %1 on port %2: %3")
        .arg(target.host, port, detail);
}

Result<HostKey> serverHostKey(ssh_session session)
{
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(session, &key) != SSH_OK)
        return Failure { QCoreApplication::translate(
            "postwr::remote", "The server sent no host key: %1")
                             .arg(QString::fromUtf8(ssh_get_error(session))) };
    const std::unique_ptr<ssh_key_struct, KeyDeleter> owner(key);
    unsigned char *hash = nullptr;
    size_t length = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &length) != 0)
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Cannot compute the server's key fingerprint.") };
    // "SHA256:" and unpadded base64, as ssh-keygen -l prints it.
    char *fingerprint = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, length);
    ssh_clean_pubkey_hash(&hash);
    HostKey hostKey { QString::fromLatin1(ssh_key_type_to_char(ssh_key_type(key))),
        QString::fromLatin1(fingerprint) };
    ssh_string_free_char(fingerprint);
    return hostKey;
}

Result<HostKeyState> knownState(ssh_session session, const QString &knownHostsFile)
{
    switch (ssh_session_is_known_server(session)) {
    case SSH_KNOWN_HOSTS_OK:
        return HostKeyState::Trusted;
    // OTHER: we know a key of another type for this host. The server may
    // have dropped that type, or someone in between offers another: both
    // need the same care as a changed key.
    case SSH_KNOWN_HOSTS_CHANGED:
    case SSH_KNOWN_HOSTS_OTHER:
        return HostKeyState::Changed;
    case SSH_KNOWN_HOSTS_UNKNOWN:
    case SSH_KNOWN_HOSTS_NOT_FOUND:
        return HostKeyState::Unknown;
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    return Failure { QCoreApplication::translate(
        "postwr::remote", "Cannot read the list of trusted servers %1: %2")
                         .arg(knownHostsFile, QString::fromUtf8(ssh_get_error(session))) };
}

QString methodName(AuthMethod method)
{
    switch (method) {
    case AuthMethod::Agent:
        return QStringLiteral("agent");
    case AuthMethod::KeyFile:
        return QStringLiteral("key file");
    case AuthMethod::Password:
        return QStringLiteral("password");
    }
    return {};
}

} // namespace

void SshSession::SessionDeleter::operator()(ssh_session_struct *session) const
{
    if (ssh_is_connected(session))
        ssh_disconnect(session);
    ssh_free(session);
}

void SshSession::SftpDeleter::operator()(sftp_session_struct *sftp) const
{
    sftp_free(sftp);
}

SshSession::SshSession(QString knownHostsFile)
    : m_knownHostsFile(std::move(knownHostsFile))
{
}

SshSession::~SshSession() = default;

Result<HostKeyCheck> SshSession::connectTo(
    const SshTarget &target, std::chrono::milliseconds timeout)
{
    disconnect();
    std::unique_ptr<ssh_session_struct, SessionDeleter> session(ssh_new());
    if (!session)
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Cannot start an SSH session: out of memory.") };
    ssh_session s = session.get();
    const QByteArray host = target.host.toUtf8();
    const QByteArray user = target.user.toUtf8();
    const QByteArray knownHosts = QFile::encodeName(m_knownHostsFile);
    const unsigned int port = target.port;
    const long seconds = static_cast<long>(timeout.count() / 1000);
    const long microseconds = static_cast<long>(timeout.count() % 1000) * 1000;
    const int verbosity = SSH_LOG_NOLOG;
    // Only what the user typed counts: ~/.ssh/config could redirect the
    // host, and the system's known hosts are not the user's decision.
    const bool processConfig = false;
    ssh_options_set(s, SSH_OPTIONS_LOG_VERBOSITY, &verbosity);
    ssh_options_set(s, SSH_OPTIONS_PROCESS_CONFIG, &processConfig);
    ssh_options_set(s, SSH_OPTIONS_HOST, host.constData());
    ssh_options_set(s, SSH_OPTIONS_PORT, &port);
    ssh_options_set(s, SSH_OPTIONS_USER, user.constData());
    ssh_options_set(s, SSH_OPTIONS_KNOWNHOSTS, knownHosts.constData());
    ssh_options_set(s, SSH_OPTIONS_GLOBAL_KNOWNHOSTS, "/dev/null");
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT, &seconds);
    ssh_options_set(s, SSH_OPTIONS_TIMEOUT_USEC, &microseconds);

    qCInfo(lcRemote) << "connecting to" << target.host << "port" << target.port << "as"
                     << target.user;
    if (ssh_connect(s) != SSH_OK) {
        const QString detail = QString::fromUtf8(ssh_get_error(s));
        qCInfo(lcRemote) << "connection failed:" << detail;
        return Failure { connectFailure(target, timeout, detail) };
    }
    const Result<HostKey> key = serverHostKey(s);
    if (!key)
        return key.failure();
    const Result<HostKeyState> state = knownState(s, m_knownHostsFile);
    if (!state)
        return state.failure();

    m_session = std::move(session);
    m_target = target;
    m_hostKey = HostKeyCheck { *key, *state };
    qCInfo(lcRemote) << "host key" << key->type << key->fingerprint << "state"
                     << static_cast<int>(*state);
    return m_hostKey;
}

QString SshSession::changedKeyWarning() const
{
    return QCoreApplication::translate("postwr::remote",
        "The server's identity changed: %1 port %2 now shows the key %3, not the one you trusted "
        "before. "
        "This can mean an attack. If you reinstalled the server, remove its old entry from %4; "
        "otherwise do "
        "not connect.")
        .arg(m_target.host, QString::number(m_target.port), m_hostKey.key.fingerprint,
            m_knownHostsFile);
}

Status SshSession::trustHostKey()
{
    if (!m_session)
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Not connected to a server.") };
    if (m_hostKey.state == HostKeyState::Changed)
        return Failure { changedKeyWarning() };
    if (m_hostKey.state == HostKeyState::Trusted)
        return Done {};
    QDir().mkpath(QFileInfo(m_knownHostsFile).absolutePath());
    if (ssh_session_update_known_hosts(m_session.get()) != SSH_OK)
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Cannot save the trusted server in %1: %2")
                             .arg(m_knownHostsFile,
                                 QString::fromUtf8(ssh_get_error(m_session.get()))) };
    m_hostKey.state = HostKeyState::Trusted;
    qCInfo(lcRemote) << "trusted" << m_hostKey.key.type << m_hostKey.key.fingerprint << "in"
                     << m_knownHostsFile;
    return Done {};
}

Status SshSession::authenticate(const SshCredentials &credentials)
{
    if (!m_session)
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Not connected to a server.") };
    if (m_hostKey.state == HostKeyState::Changed)
        return Failure { changedKeyWarning() };
    if (m_hostKey.state != HostKeyState::Trusted)
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Confirm the server's fingerprint before logging in.") };
    if (m_authenticated)
        return Done {};
    ssh_session s = m_session.get();
    // "none" first: it returns the methods the server accepts for this user.
    int rc = ssh_userauth_none(s, nullptr);
    if (rc != SSH_AUTH_SUCCESS && rc != SSH_AUTH_ERROR) {
        const auto methods = static_cast<unsigned>(ssh_userauth_list(s, nullptr));
        switch (credentials.method) {
        case AuthMethod::Agent:
            rc = authenticateWithAgent(methods);
            break;
        case AuthMethod::KeyFile:
            rc = authenticateWithKeyFile(methods, credentials);
            break;
        case AuthMethod::Password:
            rc = authenticateWithPassword(methods, credentials.password);
            break;
        }
    }
    if (rc == SSH_AUTH_SUCCESS) {
        m_authenticated = true;
        qCInfo(lcRemote) << "logged in as" << m_target.user << "with"
                         << methodName(credentials.method);
        return Done {};
    }
    qCInfo(lcRemote) << "login as" << m_target.user << "with" << methodName(credentials.method)
                     << "failed";
    if (rc == SSH_AUTH_PARTIAL)
        m_authFailure = QCoreApplication::translate("postwr::remote",
            "The server wants a second way of logging in after this one for "
            "user %1 (AuthenticationMethods in its sshd_config). Postwr logs "
            "in with one: a key, or a password.")
                            .arg(m_target.user);
    else if (rc == SSH_AUTH_ERROR && m_authFailure.isEmpty())
        m_authFailure = QCoreApplication::translate(
            "postwr::remote", "The connection to %1 broke during login: %2")
                            .arg(m_target.host, QString::fromUtf8(ssh_get_error(s)));
    else if (m_authFailure.isEmpty())
        m_authFailure = QCoreApplication::translate(
            "postwr::remote", "The server refused the login of user %1.")
                            .arg(m_target.user);
    return Failure { std::exchange(m_authFailure, QString()) };
}

int SshSession::authenticateWithAgent(unsigned methods)
{
    if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
        return refuseMethod(QCoreApplication::translate("postwr::remote",
            "The server does not accept key login for user %1. Choose password login.")
                                .arg(m_target.user));
    // libssh reads SSH_AUTH_SOCK when it contacts the agent.
    if (qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK"))
        return refuseMethod(QCoreApplication::translate("postwr::remote",
            "No SSH agent is running for you (SSH_AUTH_SOCK is not set). Start one and add your "
            "key with ssh-add, "
            "or choose a key file."));
    const int rc = ssh_userauth_agent(m_session.get(), nullptr);
    if (rc == SSH_AUTH_DENIED)
        m_authFailure = QCoreApplication::translate("postwr::remote",
            "The server accepted none of the keys in your SSH agent for user %1. Add the right key "
            "with ssh-add, or choose a key file.")
                            .arg(m_target.user);
    return rc;
}

int SshSession::authenticateWithKeyFile(unsigned methods, const SshCredentials &credentials)
{
    if (!(methods & SSH_AUTH_METHOD_PUBLICKEY))
        return refuseMethod(QCoreApplication::translate("postwr::remote",
            "The server does not accept key login for user %1. Choose password login.")
                                .arg(m_target.user));
    Result<PrivateKey> key = loadPrivateKey(credentials.keyFile, credentials.passphrase);
    if (!key) {
        m_authFailure = key.failure().message;
        return SSH_AUTH_DENIED;
    }
    const int rc = ssh_userauth_publickey(m_session.get(), nullptr, key->get());
    if (rc == SSH_AUTH_DENIED)
        m_authFailure = QCoreApplication::translate("postwr::remote",
            "The server refused the key %1 for user %2. Check that its "
            "public key is in ~/.ssh/authorized_keys of %2 on the server.")
                            .arg(credentials.keyFile, m_target.user);
    return rc;
}

int SshSession::authenticateWithPassword(unsigned methods, const QString &password)
{
    int rc = SSH_AUTH_DENIED;
    if (methods & SSH_AUTH_METHOD_PASSWORD) {
        const SecretBytes secret(password);
        rc = ssh_userauth_password(m_session.get(), nullptr, secret.data());
    } else if (methods & SSH_AUTH_METHOD_INTERACTIVE) {
        rc = answerPasswordPrompts(password);
    } else {
        return refuseMethod(QCoreApplication::translate("postwr::remote",
            "The server does not accept password login for user %1. Choose a key.")
                                .arg(m_target.user));
    }
    if (rc == SSH_AUTH_DENIED && m_authFailure.isEmpty())
        m_authFailure = QCoreApplication::translate(
            "postwr::remote", "The server refused the password for user %1.")
                            .arg(m_target.user);
    return rc;
}

// Keyboard-interactive (RFC 4256): the server sends rounds of prompts. A
// hidden prompt is taken to ask for the password, once; a visible one (a
// name, a one-time code) or a second password prompt cannot be answered.
int SshSession::answerPasswordPrompts(const QString &password)
{
    ssh_session s = m_session.get();
    const SecretBytes secret(password);
    bool answered = false;
    int rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    // OpenSSH needs two rounds (the prompt, then an empty one); the bound
    // keeps a server that never stops asking from holding the login.
    for (int round = 0; rc == SSH_AUTH_INFO && round < 8; ++round) {
        const int prompts = ssh_userauth_kbdint_getnprompts(s);
        for (int i = 0; i < prompts; ++i) {
            char echo = 0;
            const char *prompt
                = ssh_userauth_kbdint_getprompt(s, static_cast<unsigned int>(i), &echo);
            if (echo || answered) {
                m_authFailure = QCoreApplication::translate("postwr::remote",
                    "At login the server asks \"%1\", which Postwr cannot answer. Use a key "
                    "instead.")
                                    .arg(QString::fromUtf8(prompt).trimmed());
                return SSH_AUTH_DENIED;
            }
            ssh_userauth_kbdint_setanswer(s, static_cast<unsigned int>(i), secret.data());
            answered = true;
        }
        rc = ssh_userauth_kbdint(s, nullptr, nullptr);
    }
    return rc;
}

int SshSession::refuseMethod(const QString &message)
{
    m_authFailure = message;
    return SSH_AUTH_DENIED;
}

void SshSession::setSudoPassword(QString password)
{
    m_sudoPassword = std::move(password);
}

bool SshSession::isConnected() const
{
    return m_session && ssh_is_connected(m_session.get());
}

void SshSession::disconnect()
{
    m_sftp.reset();
    m_session.reset();
    m_hostKey = {};
    m_authenticated = false;
    m_loginIsRoot.reset();
}

Status SshSession::requireLogin() const
{
    if (!isConnected())
        return Failure { QCoreApplication::translate(
            "postwr::remote", "Not connected to a server.") };
    if (!m_authenticated)
        return Failure {
            QCoreApplication::translate("postwr::remote", "Not logged in to %1.").arg(m_target.host)
        };
    return Done {};
}

Result<bool> SshSession::loginIsRoot()
{
    if (!m_loginIsRoot) {
        CommandOptions options;
        options.timeout = std::chrono::seconds(30);
        const CommandResult id = run(QStringLiteral("id -u"), options);
        if (!id.ok())
            return Failure { QCoreApplication::translate(
                "postwr::remote", "Cannot find out whether user %1 is root (id -u failed): %2")
                                 .arg(m_target.user,
                                     id.error.isEmpty() ? id.standardError.trimmed() : id.error) };
        m_loginIsRoot = id.standardOutput.trimmed() == QLatin1String("0");
    }
    return *m_loginIsRoot;
}

} // namespace postwr::remote
