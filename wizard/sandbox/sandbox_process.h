// The local processes of the sandbox (sshd, dnsmasq, the receiving postwrd)
// and the tools it runs (ssh-keygen, postwrd's commands): started so that
// nothing outlives postwr, and every wait bounded.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <atomic>

namespace postwr::sandbox {

// A child gets SIGTERM when postwr dies, and a process group of its own, so
// that Ctrl-C reaches postwr alone, which then stops the children in order.
void tieToThisProcess(QProcess &process);

// `count` different TCP ports of 127.0.0.1 that are free now.
QList<quint16> freeTcpPorts(int count);
// A port of 127.0.0.1 free for both UDP and TCP (a DNS server needs both).
quint16 freeUdpAndTcpPort();

// Runs `program` to its end (at most `timeoutMs`); its standard output, or a
// failure that names `what` and quotes the tool's last error line.
wizard::Result<QByteArray> runTool(const QString &what, const QString &program, const QStringList &arguments,
    const QByteArray &input = {}, int timeoutMs = 30000);

// The full path of a program in PATH or in /usr/sbin and /sbin (where a
// user's PATH may not look); empty when missing.
QString findProgram(const QString &name);

// SIGTERM, then SIGKILL after `graceMs`; returns once it is gone (bounded).
void stopProcess(QProcess &process, int graceMs = 5000);

// Waits until `file` contains `text`: true then; false when `process` has
// ended, the time is up or `*cancel` is set.
bool waitForText(
    const QString &file, const QString &text, const QProcess &process, int timeoutMs, const std::atomic_bool *cancel);

// The processes with `directory` in their command line, other than postwr
// and its ancestors: what a run left behind, even one that was killed.
QList<qint64> processesUsing(const QString &directory);
// Stops them: SIGTERM, then SIGKILL for those still there after `graceMs`.
void stopProcessesUsing(const QString &directory, int graceMs = 3000);

QByteArray readFile(const QString &path);
bool writeFile(const QString &path, const QByteArray &content);

} // namespace postwr::sandbox
