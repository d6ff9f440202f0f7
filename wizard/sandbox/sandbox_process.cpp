#include "sandbox/sandbox.h"
#include "sandbox/sandbox_process.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>
#include <QUdpSocket>
#include <memory>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

namespace postwr::sandbox {

void tieToThisProcess(QProcess &process)
{
    process.setChildProcessModifier([] {
        ::prctl(PR_SET_PDEATHSIG, SIGTERM);
        ::setpgid(0, 0);
    });
}

QList<quint16> freeTcpPorts(int count)
{
    // All held at once, so that they differ.
    std::vector<std::unique_ptr<QTcpServer>> held;
    QList<quint16> ports;
    for (int i = 0; i < count; ++i) {
        auto server = std::make_unique<QTcpServer>();
        if (!server->listen(QHostAddress(QHostAddress::LocalHost), 0))
            return {};
        ports << server->serverPort();
        held.push_back(std::move(server));
    }
    return ports;
}

quint16 freeUdpAndTcpPort()
{
    for (int attempt = 0; attempt < 20; ++attempt) {
        QUdpSocket udp;
        if (!udp.bind(QHostAddress(QHostAddress::LocalHost), 0))
            continue;
        QTcpServer tcp;
        if (tcp.listen(QHostAddress(QHostAddress::LocalHost), udp.localPort()))
            return udp.localPort();
    }
    return 0;
}

QString findProgram(const QString &name)
{
    const QString found = QStandardPaths::findExecutable(name);
    return found.isEmpty()
        ? QStandardPaths::findExecutable(name, { QStringLiteral("/usr/sbin"), QStringLiteral("/sbin") })
        : found;
}

wizard::Result<QByteArray> runTool(
    const QString &what, const QString &program, const QStringList &arguments, const QByteArray &input, int timeoutMs)
{
    QProcess process;
    tieToThisProcess(process);
    process.start(program, arguments);
    if (!process.waitForStarted(5000))
        return wizard::Failure { Sandbox::tr("%1: cannot start %2: %3").arg(what, program, process.errorString()) };
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        stopProcess(process, 1000);
        return wizard::Failure {
            Sandbox::tr("%1: %2 did not finish within %3 seconds.").arg(what, program).arg(timeoutMs / 1000)
        };
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        const QStringList errors
            = QString::fromUtf8(process.readAllStandardError()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        return wizard::Failure { Sandbox::tr("%1: %2 failed (exit status %3): %4")
                                     .arg(what, QFileInfo(program).fileName())
                                     .arg(process.exitCode())
                                     .arg(errors.isEmpty() ? Sandbox::tr("no message") : errors.constLast()) };
    }
    return process.readAllStandardOutput();
}

void stopProcess(QProcess &process, int graceMs)
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.terminate();
    if (!process.waitForFinished(graceMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
}

bool waitForText(
    const QString &file, const QString &text, const QProcess &process, int timeoutMs, const std::atomic_bool *cancel)
{
    const QDeadlineTimer deadline(timeoutMs);
    const QByteArray needle = text.toUtf8();
    while (!deadline.hasExpired() && !(cancel && cancel->load())) {
        if (readFile(file).contains(needle))
            return true;
        if (process.state() == QProcess::NotRunning)
            return false;
        QThread::msleep(50);
    }
    return false;
}

namespace {

// This process and those that started it: `timeout 300 postwr --sandbox-dir
// DIR` or a script's shell have DIR in their command line too.
QList<qint64> thisProcessAndAncestors()
{
    QList<qint64> pids;
    for (qint64 pid = QCoreApplication::applicationPid(); pid > 1 && pids.size() < 1000;) {
        pids << pid;
        // "PID (COMM) STATE PPID …"; COMM may hold spaces and parentheses.
        const QByteArray stat = readFile(QStringLiteral("/proc/%1/stat").arg(pid));
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        pid = fields.size() > 1 ? fields[1].toLongLong() : 0;
    }
    return pids;
}

} // namespace

QList<qint64> processesUsing(const QString &directory)
{
    const QByteArray dir = QDir::cleanPath(directory).toUtf8();
    const QList<qint64> excluded = thisProcessAndAncestors();
    QList<qint64> pids;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || excluded.contains(pid))
            continue;
        // The arguments, NUL-separated: one that is the directory or a path in it.
        const QList<QByteArray> arguments = readFile(QStringLiteral("/proc/%1/cmdline").arg(pid)).split('\0');
        for (const QByteArray &argument : arguments) {
            const qsizetype at = argument.indexOf(dir);
            const qsizetype end = at + dir.size();
            if (at >= 0 && (end == argument.size() || argument.at(end) == '/')) {
                pids << pid;
                break;
            }
        }
    }
    return pids;
}

void stopProcessesUsing(const QString &directory, int graceMs)
{
    QList<qint64> pids = processesUsing(directory);
    for (const qint64 pid : std::as_const(pids))
        ::kill(static_cast<pid_t>(pid), SIGTERM);
    const QDeadlineTimer deadline(graceMs);
    while (!pids.isEmpty() && !deadline.hasExpired()) {
        QThread::msleep(50);
        pids = processesUsing(directory);
    }
    for (const qint64 pid : std::as_const(pids))
        ::kill(static_cast<pid_t>(pid), SIGKILL);
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size() && file.commit();
}

} // namespace postwr::sandbox
