#include "support/smtp_receiver.h"

#include "support/process_runner.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTcpServer>
#include <QTest>
#include <QtDebug>

namespace {

QByteArray readAll(const QString &path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QStringList toStringList(const QJsonValue &value) {
  QStringList out;
  for (const QJsonValue &item : value.toArray()) out << item.toString();
  return out;
}

// A port free on 127.0.0.1 and, when asked, on ::1 too.
quint16 pickPort(bool ipv6) {
  for (int attempt = 0; attempt < 20; ++attempt) {
    QTcpServer v4;
    if (!v4.listen(QHostAddress(QHostAddress::LocalHost), 0)) continue;
    if (!ipv6) return v4.serverPort();
    QTcpServer v6;
    if (v6.listen(QHostAddress(QHostAddress::LocalHostIPv6), v4.serverPort())) return v4.serverPort();
  }
  return 0;
}

}  // namespace

bool ReceivedMessage::isTo(const QString &rcpt) const {
  for (const QString &r : rcpts)
    if (r.compare(rcpt, Qt::CaseInsensitive) == 0) return true;
  return false;
}

QStringList ReceivedMessage::headers() const {
  const qsizetype end = content.indexOf("\r\n\r\n");
  const QString block = QString::fromUtf8(end < 0 ? content : content.left(end));
  QStringList out;
  for (const QString &line : block.split(QStringLiteral("\r\n"))) {
    if ((line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('\t'))) && !out.isEmpty())
      out.last() += line;
    else if (!line.isEmpty())
      out << line;
  }
  return out;
}

QString ReceivedMessage::header(const QString &field) const {
  for (const QString &line : headers()) {
    const qsizetype colon = line.indexOf(QLatin1Char(':'));
    if (colon > 0 && line.left(colon).trimmed().compare(field, Qt::CaseInsensitive) == 0) return line.mid(colon + 1).trimmed();
  }
  return {};
}

QString ReceivedMessage::describe() const {
  return QStringLiteral("#%1 MAIL FROM:<%2> RCPT %3 tls=%4 peer=%5 %6 bytes Subject: %7")
      .arg(name, mailFrom, rcpts.join(QLatin1Char(',')), tls ? tlsVersion : QStringLiteral("no"), peer)
      .arg(content.size())
      .arg(header(QStringLiteral("Subject")));
}

SmtpReceiver::SmtpReceiver() = default;

SmtpReceiver::~SmtpReceiver() {
  const bool failed = QTest::currentTestFailed();
  stop();
  if (failed) {
    qInfo().noquote() << "----- receiver -----\n" + describe() + QString::fromUtf8(readAll(dir_.filePath(QStringLiteral("receiver.log")))) +
                             "----- end of receiver -----";
  }
}

bool SmtpReceiver::fail(const QString &message) {
  error_ = message;
  return false;
}

bool SmtpReceiver::start(int timeoutMs) {
  if (isRunning()) return fail(QStringLiteral("the receiver is already running"));
  if (!dir_.isValid()) return fail(QStringLiteral("cannot create a temporary directory"));
  QString error;
  const QString python = systemPython(&error);
  if (python.isEmpty()) return fail(error);
  const QString script = qEnvironmentVariable("POSTWR_SOURCE_DIR") + QStringLiteral("/tests/integration/python/smtp_receiver.py");
  if (!QFileInfo::exists(script))
    return fail(QStringLiteral("%1 not found: POSTWR_SOURCE_DIR must name the source tree (run through ctest)").arg(script));
  const QString openssl = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
  if (openssl.isEmpty()) return fail(error);

  const QString cert = certificate_.isEmpty() ? dir_.filePath(QStringLiteral("cert.pem")) : certificate_;
  const QString key = certificate_.isEmpty() ? dir_.filePath(QStringLiteral("key.pem")) : key_;
  if (!certificate_.isEmpty() && (!QFileInfo::exists(cert) || !QFileInfo::exists(key)))
    return fail(QStringLiteral("the receiver's certificate %1 or key %2 does not exist").arg(cert, key));
  if (!QFileInfo::exists(cert)) {
    ProcessRequest request;
    request.program = openssl;
    request.arguments = {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                         QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                         QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=") + hostname_,
                         QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert};
    const ProcessResult made = runProcess(request);
    if (!made.succeeded())
      return fail(QStringLiteral("openssl req failed (%1): %2").arg(made.status(), QString::fromUtf8(made.standardError)));
  }
  if (!writeControl()) return false;

  const QDeadlineTimer deadline(timeoutMs);
  const quint16 wanted = port_;  // a restart keeps its port: postwrd's config names it
  for (int attempt = 1; attempt <= 5 && !deadline.hasExpired(); ++attempt) {
    port_ = wanted ? wanted : pickPort(ipv6_);
    if (port_ == 0) return fail(QStringLiteral("no free port on loopback"));
    QStringList arguments = {script,
                             QStringLiteral("--port"), QString::number(port_),
                             QStringLiteral("--dir"), dir_.path(),
                             QStringLiteral("--cert"), cert,
                             QStringLiteral("--key"), key,
                             QStringLiteral("--hostname"), hostname_,
                             QStringLiteral("--host"), QStringLiteral("127.0.0.1")};
    if (ipv6_) arguments << QStringLiteral("--host") << QStringLiteral("::1");
    process_ = std::make_unique<QProcess>();
    process_->setStandardErrorFile(dir_.filePath(QStringLiteral("receiver.log")), QIODevice::Append);
    process_->start(python, arguments);
    if (!process_->waitForStarted(10000))
      return fail(QStringLiteral("cannot start %1: %2").arg(python, process_->errorString()));
    QByteArray out;
    const bool ready = QTest::qWaitFor(
        [&] {
          out += process_->readAllStandardOutput();
          return out.contains("READY") || process_->state() == QProcess::NotRunning;
        },
        static_cast<int>(qMax<qint64>(deadline.remainingTime(), 1)));
    if (ready && out.contains("READY")) return true;
    const bool portTaken = process_->state() == QProcess::NotRunning && process_->exitCode() == 3;
    stop();
    if (!portTaken || wanted)
      return fail(QStringLiteral("the receiver did not start: %1").arg(QString::fromUtf8(readAll(dir_.filePath(QStringLiteral("receiver.log"))))));
  }
  return fail(QStringLiteral("the receiver found no free port"));
}

void SmtpReceiver::stop() {
  if (!process_) return;
  if (process_->state() != QProcess::NotRunning) {
    process_->terminate();
    if (!process_->waitForFinished(5000)) {
      process_->kill();
      process_->waitForFinished(5000);
    }
  }
  process_.reset();
}

bool SmtpReceiver::isRunning() const { return process_ && process_->state() != QProcess::NotRunning; }

bool SmtpReceiver::writeControl() {
  QJsonObject control;
  control.insert(QStringLiteral("starttls"), startTls_);
  QJsonObject temp;
  for (auto it = tempFail_.cbegin(); it != tempFail_.cend(); ++it) temp.insert(it.key(), it.value());
  control.insert(QStringLiteral("tempfail"), temp);
  QJsonArray perm;
  for (const QString &rcpt : permFail_) perm.append(rcpt);
  control.insert(QStringLiteral("permfail"), perm);
  QSaveFile file(dir_.filePath(QStringLiteral("control.json")));
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(control).toJson()) < 0 || !file.commit())
    return fail(QStringLiteral("cannot write the receiver's control.json"));
  return true;
}

bool SmtpReceiver::setStartTls(bool offered) {
  startTls_ = offered;
  return writeControl();
}

bool SmtpReceiver::setTempFail(const QString &rcpt, int firstAttempts) {
  tempFail_.insert(rcpt.toLower(), firstAttempts);
  return writeControl();
}

bool SmtpReceiver::setPermFail(const QString &rcpt) {
  permFail_.insert(rcpt.toLower());
  return writeControl();
}

QList<ReceivedMessage> SmtpReceiver::messages() const {
  QList<ReceivedMessage> out;
  QDir dir(dir_.filePath(QStringLiteral("messages")));
  for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
    const QJsonObject record = QJsonDocument::fromJson(readAll(dir.filePath(name))).object();
    ReceivedMessage message;
    message.name = name.chopped(5);
    message.mailFrom = record.value(QStringLiteral("mail_from")).toString();
    message.rcpts = toStringList(record.value(QStringLiteral("rcpt_tos")));
    message.mailOptions = toStringList(record.value(QStringLiteral("mail_options")));
    message.tls = record.value(QStringLiteral("tls")).toBool();
    message.tlsVersion = record.value(QStringLiteral("tls_version")).toString();
    message.peer = record.value(QStringLiteral("peer")).toString();
    message.helo = record.value(QStringLiteral("helo")).toString();
    message.content = readAll(dir.filePath(record.value(QStringLiteral("eml")).toString()));
    out << message;
  }
  return out;
}

QList<ReceivedMessage> SmtpReceiver::messagesTo(const QString &rcpt) const {
  QList<ReceivedMessage> out;
  for (const ReceivedMessage &message : messages())
    if (message.isTo(rcpt)) out << message;
  return out;
}

bool SmtpReceiver::waitForMessagesTo(const QString &rcpt, int count, int timeoutMs) {
  return QTest::qWaitFor(
      [&] { return (rcpt.isEmpty() ? messages().size() : messagesTo(rcpt).size()) >= count; }, timeoutMs);
}

QList<QJsonObject> SmtpReceiver::events(const QString &type) const {
  QList<QJsonObject> out;
  for (const QByteArray &line : readAll(dir_.filePath(QStringLiteral("events.jsonl"))).split('\n')) {
    if (line.trimmed().isEmpty()) continue;
    const QJsonObject event = QJsonDocument::fromJson(line).object();
    if (type.isEmpty() || event.value(QStringLiteral("event")).toString() == type) out << event;
  }
  return out;
}

int SmtpReceiver::rcptAttempts(const QString &rcpt) const {
  int count = 0;
  for (const QJsonObject &event : events(QStringLiteral("rcpt")))
    if (event.value(QStringLiteral("rcpt")).toString().compare(rcpt, Qt::CaseInsensitive) == 0) ++count;
  return count;
}

QString SmtpReceiver::describe() const {
  QString text = QStringLiteral("receiver on port %1: %2 message(s)\n").arg(port_).arg(messages().size());
  for (const ReceivedMessage &message : messages()) text += QStringLiteral("  ") + message.describe() + QLatin1Char('\n');
  for (const QJsonObject &event : events()) {
    const QString type = event.value(QStringLiteral("event")).toString();
    if (type == QLatin1String("rcpt"))
      text += QStringLiteral("  RCPT %1 -> %2\n").arg(event.value(QStringLiteral("rcpt")).toString(), event.value(QStringLiteral("reply")).toString());
    else if (type == QLatin1String("connect"))
      text += QStringLiteral("  connection from %1%2\n")
                  .arg(event.value(QStringLiteral("peer")).toString(),
                       event.value(QStringLiteral("starttls_offered")).toBool() ? QString() : QStringLiteral(" (STARTTLS not offered)"));
    else if (type == QLatin1String("starttls"))
      text += QStringLiteral("  STARTTLS\n");
  }
  return text;
}
