#pragma once
// Runs an external program (swaks, openssl, python3, postwrd's CLI) with a
// bounded wait. The event loop keeps turning while it runs, so a postwrd
// started by the fixture keeps having its log read meanwhile.

#include <QByteArray>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

struct ProcessResult {
  bool started = false;
  bool timedOut = false;
  bool crashed = false;
  int exitCode = -1;
  QByteArray standardOutput;
  QByteArray standardError;

  bool succeeded() const { return started && !timedOut && !crashed && exitCode == 0; }
  // "exit 1" / "timed out" / "crashed" / "did not start", for failure messages.
  QString status() const;
};

struct ProcessRequest {
  QString program;
  QStringList arguments;
  QByteArray standardInput;  // written, then stdin is closed
  int timeoutMs = 30000;
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  QString workingDirectory;
};

ProcessResult runProcess(const ProcessRequest &request);

// The absolute path of a program on PATH, or empty with *error set to
// "NAME not found: INSTALL_HINT" so the test fails saying what to install.
QString findTool(const QString &name, const QString &installHint, QString *error);

// Debian's python3 with its packaged modules; always this path (see
// TESTING-NOTES.md: another python3 earlier on PATH may lack them).
QString systemPython(QString *error);
