#include "support/delivery_setup.h"

#include <QRegularExpression>

namespace {
const QStringList kRemoteDomains = {QStringLiteral("remote.test"), QStringLiteral("gmail.test"),
                                    QStringLiteral("outside.test")};
}  // namespace

QString keyIs(const QString &key, const QString &valuePattern) {
  return QStringLiteral("(?=[^\\n]*\\s%1=(?:%2)(?:\\s|$))").arg(QRegularExpression::escape(key), valuePattern);
}

DeliverySetup::DeliverySetup() {
  delivery_.insert(QStringLiteral("retry_initial"), QStringLiteral("1s"));
  delivery_.insert(QStringLiteral("retry_max"), QStringLiteral("1m"));
  delivery_.insert(QStringLiteral("ipv6_first"), QStringLiteral("yes"));
  delivery_.insert(QStringLiteral("allow_loopback"), QStringLiteral("yes"));
  postwrd.addDomain(QStringLiteral("local.test"));
}

bool DeliverySetup::start() {
  QStringList addresses = {QStringLiteral("127.0.0.1")};
  if (ipv6_) addresses << QStringLiteral("::1");
  for (const QString &domain : kRemoteDomains) {
    dns.addMx(domain, QStringLiteral("mx.") + domain, 10);
    dns.addHost(QStringLiteral("mx.") + domain, addresses);
  }
  dns.addHost(QStringLiteral("nomx.test"), addresses);
  dns.addMx(QStringLiteral("nullmx.test"), QStringLiteral("."), 0);
  if (!dns.start()) {
    error_ = dns.errorString();
    return false;
  }

  receiver.setIpv6(ipv6_);
  if (!receiver.start()) {
    error_ = receiver.errorString();
    return false;
  }

  QString config = QStringLiteral("[delivery]\nremote_port = %1\n").arg(receiver.port());
  for (auto it = delivery_.cbegin(); it != delivery_.cend(); ++it)
    config += it.key() + QStringLiteral(" = ") + it.value() + QLatin1Char('\n');
  config += QStringLiteral("\n[dns]\nservers = %1\n").arg(dns.serverSpec());
  config += QStringLiteral("\n[forwarding]\nsrs_domain = local.test\n");
  postwrd.appendConfig(config);
  if (!postwrd.start()) {
    error_ = postwrd.errorString();
    return false;
  }
  return true;
}

SubmitResult DeliverySetup::submit(const QString &user, const QString &password, const QStringList &rcpts,
                                   const QByteArray &data, const QString &from) {
  SwaksRequest request;
  request.port = postwrd.port(Role::Submission);
  request.tls = SwaksRequest::Tls::StartTls;
  request.authMechanism = QStringLiteral("PLAIN");
  request.user = user;
  request.password = password;
  request.from = from.isEmpty() ? user : from;
  request.to = rcpts;
  request.data = data;
  const SwaksResult swaks = runSwaks(request);
  SubmitResult result;
  if (!swaks.setupError.isEmpty()) {
    result.problem = swaks.setupError;
    return result;
  }
  result.queueId = swaks.exitCode() == 0 ? swaks.queuedId() : QString();
  if (result.queueId.isEmpty()) result.problem = QStringLiteral("submission failed:\n") + swaks.describe();
  return result;
}

SubmitResult DeliverySetup::sendFromOutside(const QString &from, const QStringList &rcpts, const QByteArray &data) {
  SwaksRequest request;
  request.port = postwrd.port(Role::Smtp);
  request.tls = SwaksRequest::Tls::StartTls;
  request.from = from;
  request.to = rcpts;
  request.data = data;
  request.extraArguments = {QStringLiteral("--ehlo"), QStringLiteral("mx.outside.test")};
  const SwaksResult swaks = runSwaks(request);
  SubmitResult result;
  if (!swaks.setupError.isEmpty()) {
    result.problem = swaks.setupError;
    return result;
  }
  result.queueId = swaks.exitCode() == 0 ? swaks.queuedId() : QString();
  if (result.queueId.isEmpty()) result.problem = QStringLiteral("sending from outside failed:\n") + swaks.describe();
  return result;
}

QList<QRegularExpressionMatch> DeliverySetup::events(const QString &event, const QString &queueId,
                                                     const QString &rest) const {
  const QString id = queueId.isEmpty() ? QStringLiteral("\\S+") : QRegularExpression::escape(queueId);
  // The trailing [^\n]* makes captured(0) the rest of the line.
  return postwrd.logMatches(PostwrdInstance::eventPattern(event, keyIs(QStringLiteral("id"), id) + rest + QStringLiteral("[^\\n]*")));
}

QRegularExpressionMatch DeliverySetup::waitForEvent(const QString &event, const QString &queueId, const QString &rest,
                                                    int timeoutMs, qsizetype from) {
  const QString id = queueId.isEmpty() ? QStringLiteral("\\S+") : QRegularExpression::escape(queueId);
  return postwrd.waitForLog(
      PostwrdInstance::eventPattern(event, keyIs(QStringLiteral("id"), id) + rest + QStringLiteral("[^\\n]*")), timeoutMs,
      from);
}

QString DeliverySetup::queueList(QString *error) const {
  const ProcessResult result = postwrd.cli({QStringLiteral("queue"), QStringLiteral("list")});
  if (!result.succeeded()) {
    if (error)
      *error = QStringLiteral("`postwrd queue list` failed (%1): %2")
                   .arg(result.status(), QString::fromUtf8(result.standardError));
    return {};
  }
  return QString::fromUtf8(result.standardOutput);
}
