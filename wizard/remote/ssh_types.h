// The values that go in and out of an SSH session. Secrets (passphrase,
// password) are never logged and never put into a message.
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <chrono>
#include <functional>

namespace postwr::remote {

enum class AuthMethod { Agent, KeyFile, Password };

struct SshTarget {
    QString host;
    quint16 port = 22;
    QString user;
};

struct SshCredentials {
    AuthMethod method = AuthMethod::Agent;
    QString keyFile;
    QString passphrase;
    QString password; // also answers a keyboard-interactive password prompt
};

struct HostKey {
    QString type; // "ssh-ed25519", "ecdsa-sha2-nistp256", "ssh-rsa"
    QString fingerprint; // "SHA256:…", exactly as `ssh-keygen -lf` prints it
};

enum class HostKeyState {
    Trusted, // in our known_hosts with this key
    Unknown, // first contact: show the fingerprint and ask the user
    Changed, // our known_hosts has another key for this host: refuse
};

struct HostKeyCheck {
    HostKey key;
    HostKeyState state = HostKeyState::Unknown;
};

enum class Stream { Stdout, Stderr };

// Called once per line as it arrives, without its "\n" (and a "\r" before it),
// and once more for a last line that has no "\n".
using LineHandler = std::function<void(Stream stream, const QString &line)>;

struct CommandOptions {
    std::chrono::milliseconds timeout { std::chrono::minutes(5) };
    // Run as root: as is when the login user is root, else through sudo
    // (with the password given to SshSession::setSudoPassword, if any).
    bool sudo = false;
    QByteArray standardInput; // written, then EOF
};

struct CommandResult {
    int exitStatus = -1; // -1 when the command ended without one (killed, timed out)
    bool timedOut = false;
    bool cancelled = false;
    QString error; // translated, when the command could not be run at all
    QString standardOutput; // everything, also streamed line by line to the handler
    QString standardError;

    bool ok() const { return error.isEmpty() && !timedOut && !cancelled && exitStatus == 0; }
};

} // namespace postwr::remote
