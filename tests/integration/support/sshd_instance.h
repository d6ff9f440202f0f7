#pragma once
// A real OpenSSH server for one test: /usr/sbin/sshd with its own config and
// fresh host keys in a temporary directory, on 127.0.0.1 and a port picked at
// run time; plus the throwaway users, keys and ssh-agent that tests log in
// with.
//
//   SshdInstance sshd;
//   QVERIFY2(sshd.authorizeKey(keyFile + ".pub"), qPrintable(sshd.errorString()));
//   QVERIFY2(sshd.start(), qPrintable(sshd.errorString()));
//   ... connect to 127.0.0.1:sshd.port() ...
//
// Pitfalls handled here (TESTING-NOTES.md): /run/sshd is created when
// missing; StrictModes is off (the keys live under /tmp); the temporary
// directory and authorized_keys are readable by every user, since sshd reads
// them as the user logging in; the port is checked free, and the server
// counts as started only once it sends its "SSH-2.0-" banner and its log
// says it listens on our port. The system's sshd and root's ~/.ssh are never
// touched. Every wait is bounded; the destructor stops sshd and prints its
// log when the test failed.

#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

class SshdInstance {
public:
    SshdInstance();
    ~SshdInstance();
    SshdInstance(const SshdInstance &) = delete;
    SshdInstance &operator=(const SshdInstance &) = delete;

    // --- Configuration, before start() ---------------------------------------
    // Host key types ("ed25519", "ecdsa", "rsa"); ed25519 and rsa by default.
    void setHostKeyTypes(const QStringList &types) { hostKeyTypes_ = types; }
    // UsePAM: needed for keyboard-interactive password login (off by default).
    void setUsePam(bool on) { usePam_ = on; }
    void setPasswordAuthentication(bool on) { passwordAuthentication_ = on; }
    void setKbdInteractiveAuthentication(bool on) { kbdInteractiveAuthentication_ = on; }
    // More sshd_config lines, at the end (where Match blocks go).
    void addConfig(const QString &lines) { extraConfig_ << lines; }
    // Lets the key in `publicKeyFile` log in as any user (one authorized_keys
    // file in the temporary directory serves them all).
    bool authorizeKey(const QString &publicKeyFile);

    // --- Running ---------------------------------------------------------------
    // Makes the host keys on the first start. Fails with "apt-get install
    // openssh-server" when sshd is missing.
    bool start(int timeoutMs = 20000);
    void stop();
    bool isRunning() const;
    // Stops and starts again on the same port (known_hosts entries name it).
    bool restart(int timeoutMs = 20000);
    // New keys of every configured type, used from the next start: to a
    // client, the server's identity changed.
    bool regenerateHostKeys();

    quint16 port() const { return port_; }
    static QString host() { return QStringLiteral("127.0.0.1"); }
    QString hostPublicKeyFile(const QString &type) const;
    QString directory() const { return dir_.path(); }
    QString log() const;
    QString errorString() const { return error_; }

    static QString sshdPath(QString *error);

private:
    bool makeHostKeys();
    bool writeConfig();
    bool launch(int timeoutMs);
    bool waitForBanner(int timeoutMs);
    static quint16 pickFreePort();
    bool fail(const QString &message);

    QTemporaryDir dir_;
    QStringList hostKeyTypes_ = { QStringLiteral("ed25519"), QStringLiteral("rsa") };
    bool usePam_ = false;
    bool passwordAuthentication_ = true;
    bool kbdInteractiveAuthentication_ = false;
    QStringList extraConfig_;
    bool hostKeysMade_ = false;
    std::unique_ptr<QProcess> process_;
    quint16 port_ = 0;
    int launches_ = 0;
    QString logFile_;
    QString error_;
};

// A throwaway local account for logging in as someone other than root:
// `useradd -m` with a random name and password (a locked password would
// make sshd refuse even a key with UsePAM no), removed with `userdel -r`,
// together with its sudoers file, by the destructor. Its comment field names
// the test's process, so that users left by a crashed test are removed by
// the next create(). Needs root.
class TestUser {
public:
    TestUser() = default;
    ~TestUser();
    TestUser(const TestUser &) = delete;
    TestUser &operator=(const TestUser &) = delete;

    bool create(QString *error);
    // sudo for this user, with its password: /etc/sudoers.d/postwr-test-NAME,
    // checked with visudo -cf before it is put in place.
    bool allowSudo(QString *error);

    QString name() const { return name_; }
    QString password() const { return password_; }
    QString home() const { return QStringLiteral("/home/") + name_; }

    // False with a message saying why when the test does not run as root.
    static bool runningAsRoot(QString *error);

private:
    QString name_;
    QString password_;
    QString sudoersFile_;
    bool created_ = false;
};

// An ssh-agent of the test's own, on a socket in `directory`; killed by the
// destructor.
class SshAgent {
public:
    SshAgent() = default;
    ~SshAgent();
    SshAgent(const SshAgent &) = delete;
    SshAgent &operator=(const SshAgent &) = delete;

    bool start(const QString &directory, QString *error);
    bool add(const QString &privateKeyFile, QString *error);
    QString socket() const { return socket_; }

private:
    std::unique_ptr<QProcess> process_;
    QString socket_;
};

// A new key pair `path` and `path`.pub (ssh-keygen -t TYPE -N PASSPHRASE).
bool generateSshKey(
    const QString &path, const QString &type, const QString &passphrase, QString *error);
// "SHA256:…" of a public key file, as `ssh-keygen -lf` prints it.
QString sshKeygenFingerprint(const QString &publicKeyFile, QString *error);

// Where the setup-engine tests start: a throwaway user who logs in to the
// test's sshd (ed25519 host key only) with a key of its own.
struct KeyLogin {
    QString key;     // the private key file, in the test's directory
    QString hostKey; // "SHA256:…" of sshd's host key, for a plan's pin
};
// Makes the key in `directory`, creates `user`, authorizes the key and
// starts `sshd`; false with *error saying what failed.
bool startKeyLogin(const QString &directory, SshdInstance &sshd, TestUser &user, KeyLogin *login, QString *error);
