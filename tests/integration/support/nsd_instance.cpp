#include "support/nsd_instance.h"

#include "support/process_runner.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QHostAddress>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>
#include <QtDebug>

namespace {

const QString kProbeZone = QStringLiteral("nsd-probe.invalid");

QByteArray readAll(const QString &path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString randomHex(int bytes) {
  QByteArray raw(bytes, Qt::Uninitialized);
  for (char &c : raw) c = static_cast<char>(QRandomGenerator::global()->bounded(256));
  return QString::fromLatin1(raw.toHex());
}

// A DNS query (RFC 1035 §4.1): header, one question of class IN.
QByteArray makeQuery(quint16 id, const QString &name, quint16 type) {
  QByteArray packet;
  auto put16 = [&packet](quint16 value) {
    packet += static_cast<char>(value >> 8);
    packet += static_cast<char>(value & 0xff);
  };
  put16(id);
  put16(0);  // an authoritative server: no recursion wanted
  put16(1);  // QDCOUNT
  put16(0);
  put16(0);
  put16(0);
  for (const QString &label : name.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
    const QByteArray bytes = label.toLatin1();
    packet += static_cast<char>(bytes.size());
    packet += bytes;
  }
  packet += '\0';
  put16(type);
  put16(1);
  return packet;
}

}  // namespace

NsdInstance::NsdInstance() = default;

NsdInstance::~NsdInstance() {
  stop();
  if (QTest::currentTestFailed()) {
    const QString text = log();
    if (!text.isEmpty()) qInfo().noquote() << "----- nsd log -----\n" + text + "----- end of nsd log -----";
  }
}

bool NsdInstance::fail(const QString &message) {
  error_ = message;
  return false;
}

void NsdInstance::addZone(const QString &origin, const QByteArray &text) { zones_.append({origin, text}); }

QByteArray NsdInstance::soaAndNs(const QString &origin) {
  return QStringLiteral(
             "$ORIGIN %1.\n"
             "$TTL 3600\n"
             "@ IN SOA ns1.%1. hostmaster.%1. 1 3600 900 604800 300\n"
             "@ IN NS ns1.%1.\n"
             "ns1.%1. IN A 127.0.0.1\n")
      .arg(origin)
      .toLatin1();
}

QString NsdInstance::toolPath(const QString &name, QString *error) {
  QString path = QStandardPaths::findExecutable(name);
  if (path.isEmpty()) path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
  if (path.isEmpty() && error) *error = QStringLiteral("%1 not found: apt-get install nsd").arg(name);
  return path;
}

bool NsdInstance::writeFile(const QString &path, const QByteArray &content) {
  QFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
    return fail(QStringLiteral("cannot write %1").arg(path));
  return true;
}

bool NsdInstance::checkZone(const QString &origin, const QByteArray &text) {
  QString error;
  const QString program = toolPath(QStringLiteral("nsd-checkzone"), &error);
  if (program.isEmpty()) return fail(error);
  if (!dir_.isValid()) return fail(QStringLiteral("cannot create a temporary directory"));
  const QString path = dir_.filePath(QStringLiteral("check-%1.zone").arg(origin));
  if (!writeFile(path, text)) return false;
  ProcessRequest request;
  request.program = program;
  request.arguments = {origin, path};
  request.timeoutMs = 15000;
  const ProcessResult result = runProcess(request);
  if (result.succeeded()) return true;
  return fail(QStringLiteral("nsd-checkzone %1: %2\n%3%4")
                  .arg(origin, result.status(), QString::fromUtf8(result.standardOutput),
                       QString::fromUtf8(result.standardError)));
}

quint16 NsdInstance::pickFreePort() {
  // Free for UDP and for TCP (NSD serves both), then released for NSD.
  for (int attempt = 0; attempt < 20; ++attempt) {
    QUdpSocket udp;
    if (!udp.bind(QHostAddress(QHostAddress::LocalHost), 0)) continue;
    const quint16 port = udp.localPort();
    QTcpServer tcp;
    if (tcp.listen(QHostAddress(QHostAddress::LocalHost), port)) return port;
  }
  return 0;
}

bool NsdInstance::probe(const QByteArray &token, int timeoutMs) {
  QUdpSocket socket;
  if (!socket.bind(QHostAddress(QHostAddress::LocalHost), 0)) return false;
  const QDeadlineTimer deadline(timeoutMs);
  const quint16 id = static_cast<quint16>(QRandomGenerator::global()->bounded(65536));
  const QByteArray query = makeQuery(id, QString::fromLatin1(token) + QLatin1Char('.') + kProbeZone, 16);  // TXT
  while (!deadline.hasExpired() && process_->state() != QProcess::NotRunning) {
    socket.writeDatagram(query, QHostAddress(QHostAddress::LocalHost), port_);
    const QDeadlineTimer retry(200);
    while (!retry.hasExpired() && socket.waitForReadyRead(static_cast<int>(retry.remainingTime()))) {
      while (socket.hasPendingDatagrams()) {
        QByteArray answer(static_cast<qsizetype>(socket.pendingDatagramSize()), Qt::Uninitialized);
        socket.readDatagram(answer.data(), answer.size());
        const bool ours = answer.size() > 2 && static_cast<quint8>(answer[0]) == (id >> 8) &&
                          static_cast<quint8>(answer[1]) == (id & 0xff);
        // The token is in the question too: look for it after the question.
        if (ours && answer.indexOf(token) != answer.lastIndexOf(token)) return true;
        if (ours) return false;  // someone else's DNS server is on this port
      }
    }
  }
  return false;
}

bool NsdInstance::launch(const QString &program, const QString &token, int attempt, int timeoutMs) {
  port_ = pickFreePort();
  if (port_ == 0) return fail(QStringLiteral("no free UDP+TCP port on 127.0.0.1"));
  const QString base = dir_.path();
  logFile_ = dir_.filePath(QStringLiteral("nsd-%1.log").arg(attempt));
  stderrFile_ = dir_.filePath(QStringLiteral("nsd-%1.stderr").arg(attempt));
  QString config = QStringLiteral(
                       "server:\n"
                       "  ip-address: 127.0.0.1\n"
                       "  port: %1\n"
                       "  do-ip6: no\n"
                       "  server-count: 1\n"
                       "  username: \"\"\n"
                       "  chroot: \"\"\n"
                       "  database: \"\"\n"
                       "  zonesdir: \"%2\"\n"
                       "  zonelistfile: \"%2/zone.list\"\n"
                       "  xfrdfile: \"%2/xfrd.state\"\n"
                       "  xfrdir: \"%2\"\n"
                       "  pidfile: \"%2/nsd.pid\"\n"
                       "  logfile: \"%3\"\n"
                       "  verbosity: 2\n"
                       "remote-control:\n"
                       "  control-enable: no\n")
                       .arg(port_)
                       .arg(base, logFile_);
  QList<QPair<QString, QByteArray>> zones = zones_;
  zones.append({kProbeZone, soaAndNs(kProbeZone) + token.toLatin1() + " IN TXT \"" + token.toLatin1() + "\"\n"});
  for (const auto &[origin, text] : std::as_const(zones)) {
    const QString file = origin + QStringLiteral(".zone");
    if (!writeFile(dir_.filePath(file), text)) return false;
    config += QStringLiteral("zone:\n  name: \"%1\"\n  zonefile: \"%2\"\n").arg(origin, file);
  }
  const QString configFile = dir_.filePath(QStringLiteral("nsd-%1.conf").arg(attempt));
  if (!writeFile(configFile, config.toUtf8())) return false;

  process_ = std::make_unique<QProcess>();
  process_->setStandardOutputFile(stderrFile_);
  process_->setStandardErrorFile(stderrFile_, QIODevice::Append);
  process_->start(program, {QStringLiteral("-d"), QStringLiteral("-c"), configFile});
  if (!process_->waitForStarted(5000))
    return fail(QStringLiteral("cannot start %1: %2").arg(program, process_->errorString()));
  if (probe(token.toLatin1(), timeoutMs)) return true;
  const bool exited = process_->state() == QProcess::NotRunning;
  stop();
  return fail(QStringLiteral("nsd on port %1 %2; its log:\n%3")
                  .arg(port_)
                  .arg(exited ? QStringLiteral("exited") : QStringLiteral("did not answer its probe in time"))
                  .arg(QString::fromUtf8(readAll(stderrFile_) + readAll(logFile_))));
}

bool NsdInstance::start(int timeoutMs) {
  if (isRunning()) return fail(QStringLiteral("nsd is already running"));
  QString error;
  const QString program = toolPath(QStringLiteral("nsd"), &error);
  if (program.isEmpty()) return fail(error);
  if (!dir_.isValid()) return fail(QStringLiteral("cannot create a temporary directory"));
  const QDeadlineTimer deadline(timeoutMs);
  // The port may be taken between the check and NSD's bind: try again then.
  for (int attempt = 1; attempt <= 3 && !deadline.hasExpired(); ++attempt) {
    const QString token = QStringLiteral("probe-") + randomHex(8);
    const int probeMs = static_cast<int>(qMin<qint64>(deadline.remainingTime(), 10000));
    if (launch(program, token, attempt, probeMs)) return true;
  }
  return false;
}

void NsdInstance::stop() {
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

bool NsdInstance::isRunning() const { return process_ && process_->state() != QProcess::NotRunning; }

QString NsdInstance::log() const {
  if (logFile_.isEmpty()) return {};
  return QString::fromUtf8(readAll(stderrFile_) + readAll(logFile_));
}
