#include "support/smtplib_client.h"

#include "support/process_runner.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryFile>

namespace {
SmtplibReply toReply(const QJsonValue &value) {
  const QJsonObject object = value.toObject();
  return {object.value(QStringLiteral("code")).toInt(), object.value(QStringLiteral("text")).toString()};
}
}  // namespace

SmtplibResult runSmtplib(const SmtplibPlan &plan, int timeoutMs) {
  SmtplibResult result;
  const QString python = systemPython(&result.setupError);
  if (python.isEmpty()) return result;
  const QString script = qEnvironmentVariable("POSTWR_SOURCE_DIR") + QStringLiteral("/tests/integration/python/smtplib_client.py");
  if (!QFileInfo::exists(script)) {
    result.setupError = QStringLiteral("%1 not found: POSTWR_SOURCE_DIR must name the source tree (run through ctest)").arg(script);
    return result;
  }

  QTemporaryFile messageFile;
  QJsonObject json{{QStringLiteral("host"), plan.host},
                   {QStringLiteral("port"), plan.port},
                   {QStringLiteral("implicit_tls"), plan.implicitTls},
                   {QStringLiteral("starttls"), plan.startTls},
                   {QStringLiteral("sendmail"), plan.useSendmail},
                   {QStringLiteral("timeout"), 20}};
  if (!plan.login.isEmpty()) json.insert(QStringLiteral("login"), plan.login);
  if (!plan.source.isEmpty()) json.insert(QStringLiteral("source"), plan.source);
  if (!plan.mechanism.isEmpty()) json.insert(QStringLiteral("mechanism"), plan.mechanism);
  if (!plan.mailFrom.isNull()) json.insert(QStringLiteral("mail_from"), plan.mailFrom);
  json.insert(QStringLiteral("rcpts"), QJsonArray::fromStringList(plan.rcpts));
  if (!plan.message.isEmpty()) {
    if (!messageFile.open() || messageFile.write(plan.message) != plan.message.size() || !messageFile.flush()) {
      result.setupError = QStringLiteral("cannot write the message for smtplib");
      return result;
    }
    json.insert(QStringLiteral("message_file"), messageFile.fileName());
  }

  ProcessRequest request;
  request.program = python;
  request.arguments = {script};
  request.standardInput = QJsonDocument(json).toJson(QJsonDocument::Compact);
  request.timeoutMs = timeoutMs;
  request.environment.insert(QStringLiteral("POSTWR_IT_PASSWORD"), plan.password);
  const ProcessResult process = runProcess(request);
  result.report = QString::fromUtf8(process.standardOutput);
  if (!plan.password.isEmpty()) result.report.replace(plan.password, QStringLiteral("<secret>"));

  QJsonParseError parseError;
  const QJsonDocument document = QJsonDocument::fromJson(process.standardOutput, &parseError);
  if (!process.succeeded() || !document.isObject()) {
    QString stderrText = QString::fromUtf8(process.standardError);
    if (!plan.password.isEmpty()) stderrText.replace(plan.password, QStringLiteral("<secret>"));
    result.setupError = QStringLiteral("smtplib_client.py %1: %2 %3").arg(process.status(), stderrText, result.report);
    return result;
  }
  const QJsonObject report = document.object();
  result.error = report.value(QStringLiteral("error")).toString();
  const QJsonObject steps = report.value(QStringLiteral("steps")).toObject();
  for (auto it = steps.begin(); it != steps.end(); ++it) result.steps.insert(it.key(), toReply(it.value()));
  for (const QJsonValue &value : report.value(QStringLiteral("rcpts")).toArray()) result.rcpts << toReply(value);
  const QJsonObject refused = report.value(QStringLiteral("refused")).toObject();
  for (auto it = refused.begin(); it != refused.end(); ++it) result.refused.insert(it.key(), toReply(it.value()));
  for (const QJsonValue &value : report.value(QStringLiteral("features")).toArray()) result.features << value.toString();
  return result;
}
