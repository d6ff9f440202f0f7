#include "support/pebble_instance.h"

#include "support/free_port.h"
#include "support/process_runner.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QThread>

PebbleInstance::PebbleInstance() {
  QFile::setPermissions(dir_.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                         QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                         QFileDevice::ExeOther);
}

PebbleInstance::~PebbleInstance() { stop(); }

bool PebbleInstance::fail(const QString &message) {
  error_ = message;
  return false;
}

QString PebbleInstance::directoryUrl() const { return QStringLiteral("https://127.0.0.1:%1/dir").arg(port_); }

QString PebbleInstance::apiCertificateFile() const { return dir_.filePath(QStringLiteral("api.pem")); }

QString PebbleInstance::apiKeyFile() const { return dir_.filePath(QStringLiteral("api.key")); }

bool PebbleInstance::start(const QString &dnsServer, quint16 httpPort, int timeoutMs) {
  QString error;
  const QString pebble = findTool(QStringLiteral("pebble"), QStringLiteral("apt-get install pebble"), &error);
  if (pebble.isEmpty()) return fail(error);
  const QString openssl = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
  if (openssl.isEmpty()) return fail(error);
  const QString key = apiKeyFile();
  const ProcessResult made = runProcess(
      {openssl,
       {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
        QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
        QStringLiteral("-subj"), QStringLiteral("/CN=pebble test listener"), QStringLiteral("-addext"),
        QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-keyout"), key,
        QStringLiteral("-out"), apiCertificateFile()},
       {},
       20000,
       QProcessEnvironment::systemEnvironment(),
       {}});
  if (!made.succeeded()) return fail(QStringLiteral("openssl req: ") + QString::fromUtf8(made.standardError));
  QFile::setPermissions(apiCertificateFile(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                                  QFileDevice::ReadOther);
  port_ = freeLoopbackPort();
  managementPort_ = freeLoopbackPort();
  const QJsonObject config{{QStringLiteral("pebble"),
                            QJsonObject{{QStringLiteral("listenAddress"), QStringLiteral("127.0.0.1:%1").arg(port_)},
                                        {QStringLiteral("managementListenAddress"),
                                         QStringLiteral("127.0.0.1:%1").arg(managementPort_)},
                                        {QStringLiteral("certificate"), apiCertificateFile()},
                                        {QStringLiteral("privateKey"), key},
                                        {QStringLiteral("httpPort"), int(httpPort)},
                                        {QStringLiteral("tlsPort"), int(freeLoopbackPort())},
                                        {QStringLiteral("ocspResponderURL"), QString()},
                                        {QStringLiteral("externalAccountBindingRequired"), false}}}};
  QFile file(dir_.filePath(QStringLiteral("pebble.json")));
  if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0)
    return fail(QStringLiteral("cannot write ") + file.fileName());
  file.close();

  process_ = std::make_unique<QProcess>();
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  environment.insert(QStringLiteral("PEBBLE_VA_NOSLEEP"), QStringLiteral("1"));
  environment.insert(QStringLiteral("PEBBLE_WFE_NONCEREJECT"), QStringLiteral("0"));
  process_->setProcessEnvironment(environment);
  process_->setProcessChannelMode(QProcess::MergedChannels);
  process_->setStandardOutputFile(dir_.filePath(QStringLiteral("pebble.log")));
  process_->start(pebble, {QStringLiteral("-config"), file.fileName(), QStringLiteral("-dnsserver"), dnsServer});
  if (!process_->waitForStarted(5000)) return fail(QStringLiteral("pebble did not start: ") + process_->errorString());
  const QDeadlineTimer deadline(timeoutMs);
  while (!deadline.hasExpired()) {
    if (process_->state() != QProcess::Running) return fail(QStringLiteral("pebble stopped:\n") + log());
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port_);
    if (socket.waitForConnected(200)) return true;
    QThread::msleep(100);
  }
  return fail(QStringLiteral("pebble did not listen on port %1 within %2 ms:\n").arg(port_).arg(timeoutMs) + log());
}

QByteArray PebbleInstance::issuingRoot() {
  QString error;
  const QString curl = findTool(QStringLiteral("curl"), QStringLiteral("apt-get install curl"), &error);
  if (curl.isEmpty()) {
    error_ = error;
    return {};
  }
  const ProcessResult root = runProcess({curl,
                                         {QStringLiteral("-sS"), QStringLiteral("--cacert"), apiCertificateFile(),
                                          QStringLiteral("https://127.0.0.1:%1/roots/0").arg(managementPort_)},
                                         {},
                                         10000,
                                         QProcessEnvironment::systemEnvironment(),
                                         {}});
  if (!root.succeeded()) error_ = QStringLiteral("curl /roots/0: ") + QString::fromUtf8(root.standardError);
  return root.succeeded() ? root.standardOutput : QByteArray();
}

QString PebbleInstance::log() const {
  QFile file(dir_.filePath(QStringLiteral("pebble.log")));
  return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(4000)) : QString();
}

void PebbleInstance::stop() {
  if (!process_ || process_->state() == QProcess::NotRunning) return;
  process_->terminate();
  if (!process_->waitForFinished(5000)) {
    process_->kill();
    process_->waitForFinished(2000);
  }
}
