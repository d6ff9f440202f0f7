#include "support/swaks.h"

#include <QRegularExpression>
#include <QTemporaryFile>

SwaksServerLine SwaksResult::firstError() const {
  for (const SwaksServerLine &line : serverLines)
    if (line.error) return line;
  return {};
}

QString SwaksResult::queuedId() const {
  static const QRegularExpression queued(QStringLiteral("^2\\.0\\.0 Ok: queued as (\\S+)"));
  QString id;
  for (const SwaksServerLine &line : serverLines) {
    const auto match = queued.match(line.text);
    if (line.code == 250 && match.hasMatch()) id = match.captured(1);
  }
  return id;
}

bool SwaksResult::hasReply(int code) const {
  for (const SwaksServerLine &line : serverLines)
    if (line.code == code) return true;
  return false;
}

QString SwaksResult::describe() const {
  if (!setupError.isEmpty()) return setupError;
  return QStringLiteral("swaks %1\n%2").arg(process.status(), transcript);
}

SwaksResult runSwaks(const SwaksRequest &request) {
  SwaksResult result;
  const QString swaks = findTool(QStringLiteral("swaks"), QStringLiteral("apt-get install swaks"), &result.setupError);
  if (swaks.isEmpty()) return result;

  QStringList arguments = {QStringLiteral("--server"), request.server, QStringLiteral("--port"),
                           QString::number(request.port), QStringLiteral("--helo"), QStringLiteral("client.example.test"),
                           QStringLiteral("--timeout"), QStringLiteral("15")};
  if (!request.from.isEmpty()) arguments << QStringLiteral("--from") << request.from;
  if (!request.to.isEmpty()) arguments << QStringLiteral("--to") << request.to.join(QLatin1Char(','));
  if (request.tls == SwaksRequest::Tls::StartTls) arguments << QStringLiteral("--tls");
  if (request.tls == SwaksRequest::Tls::Implicit) arguments << QStringLiteral("--tls-on-connect");
  // No --tls-verify: the certificate is self-signed (swaks does not verify by default).

  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  if (!request.authMechanism.isEmpty()) {
    arguments << QStringLiteral("--auth") << request.authMechanism << QStringLiteral("--auth-user") << request.user
              << QStringLiteral("--auth-hide-password");
    environment.insert(QStringLiteral("SWAKS_OPT_auth_password"), request.password);
  }
  QTemporaryFile dataFile;
  if (!request.data.isEmpty()) {
    if (!dataFile.open() || dataFile.write(request.data) != request.data.size() || !dataFile.flush()) {
      result.setupError = QStringLiteral("cannot write the message for swaks");
      return result;
    }
    arguments << QStringLiteral("--data") << QStringLiteral("@") + dataFile.fileName();
  }
  if (!request.quitAfter.isEmpty()) arguments << QStringLiteral("--quit-after") << request.quitAfter;
  arguments << request.extraArguments;

  ProcessRequest process;
  process.program = swaks;
  process.arguments = arguments;
  process.environment = environment;
  process.timeoutMs = request.timeoutMs;
  result.process = runProcess(process);

  QString transcript = QString::fromUtf8(result.process.standardOutput + result.process.standardError);
  if (!request.password.isEmpty()) transcript.replace(request.password, QStringLiteral("<secret>"));
  result.transcript = transcript;

  // Server lines: "<-  250-PIPELINING", "<~  235 ...", "<** 535 ...", "<~* 535 ...".
  static const QRegularExpression serverLine(QStringLiteral("^\\s*<(~\\*|\\*\\*|-|~)\\s+(\\d{3})([ -])(.*)$"));
  static const QRegularExpression ehloLine(QStringLiteral("^\\s*[-~]> EHLO\\b"));
  bool inEhlo = false;
  for (const QString &line : transcript.split(QLatin1Char('\n'))) {
    if (ehloLine.match(line).hasMatch()) {
      result.ehloReplies.append(QStringList());
      inEhlo = true;
      continue;
    }
    const auto match = serverLine.match(line);
    if (!match.hasMatch()) continue;
    SwaksServerLine parsed;
    parsed.overTls = match.captured(1).startsWith(QLatin1Char('~'));
    parsed.error = match.captured(1).contains(QLatin1Char('*'));
    parsed.code = match.captured(2).toInt();
    parsed.last = match.captured(3) == QLatin1String(" ");
    parsed.text = match.captured(4);
    result.serverLines << parsed;
    if (inEhlo) {
      result.ehloReplies.last() << parsed.text;
      if (parsed.last) inEhlo = false;
    }
  }
  return result;
}
