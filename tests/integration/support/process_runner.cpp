#include "support/process_runner.h"

#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

QString ProcessResult::status() const {
  if (!started) return QStringLiteral("did not start");
  if (timedOut) return QStringLiteral("timed out");
  if (crashed) return QStringLiteral("crashed");
  return QStringLiteral("exit %1").arg(exitCode);
}

ProcessResult runProcess(const ProcessRequest &request) {
  ProcessResult result;
  QProcess process;
  process.setProcessEnvironment(request.environment);
  if (!request.workingDirectory.isEmpty()) process.setWorkingDirectory(request.workingDirectory);
  process.start(request.program, request.arguments);
  if (!process.waitForStarted(10000)) {
    result.standardError = process.errorString().toUtf8();
    return result;
  }
  result.started = true;
  if (!request.standardInput.isEmpty()) process.write(request.standardInput);
  process.closeWriteChannel();

  const bool finished = QTest::qWaitFor([&] { return process.state() == QProcess::NotRunning; },
                                        request.timeoutMs);
  if (!finished) {
    result.timedOut = true;
    process.kill();
    process.waitForFinished(5000);
  }
  result.standardOutput = process.readAllStandardOutput();
  result.standardError = process.readAllStandardError();
  result.crashed = !result.timedOut && process.exitStatus() == QProcess::CrashExit;
  result.exitCode = process.exitCode();
  return result;
}

QString findTool(const QString &name, const QString &installHint, QString *error) {
  const QString path = QStandardPaths::findExecutable(name);
  if (path.isEmpty() && error) *error = QStringLiteral("%1 not found: %2").arg(name, installHint);
  return path;
}

QString systemPython(QString *error) {
  const QString path = QStringLiteral("/usr/bin/python3");
  if (!QFileInfo(path).isExecutable()) {
    if (error) *error = QStringLiteral("/usr/bin/python3 not found: apt-get install python3");
    return {};
  }
  return path;
}
