#include "support/dnsmasq_instance.h"

#include "support/process_runner.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QUdpSocket>
#include <QtDebug>

#include <unistd.h>

namespace {

// Any digest will do: nothing can match it, so the data under it is bogus.
const QString kBogusDigest = QStringLiteral("E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D");

QString randomHex(int bytes) {
  QByteArray raw(bytes, Qt::Uninitialized);
  for (char &c : raw) c = static_cast<char>(QRandomGenerator::global()->bounded(256));
  return QString::fromLatin1(raw.toHex());
}

QByteArray readAll(const QString &path) {
  QFile file(path);
  return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// A DNS query for `name` (RFC 1035 §4.1): header, one question, recursion desired.
QByteArray makeQuery(quint16 id, const QString &name, quint16 type) {
  QByteArray packet;
  auto put16 = [&packet](quint16 value) {
    packet += static_cast<char>(value >> 8);
    packet += static_cast<char>(value & 0xff);
  };
  put16(id);
  put16(0x0100);  // RD
  put16(1);       // QDCOUNT
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
  put16(1);  // IN
  return packet;
}

}  // namespace

DnsmasqInstance::DnsmasqInstance() = default;

DnsmasqInstance::~DnsmasqInstance() {
  stop();
  if (QTest::currentTestFailed()) {
    const QString text = log();
    if (!text.isEmpty()) qInfo().noquote() << "----- dnsmasq log -----\n" + text + "----- end of dnsmasq log -----";
  }
}

bool DnsmasqInstance::fail(const QString &message) {
  error_ = message;
  return false;
}

void DnsmasqInstance::addMx(const QString &domain, const QString &host, int preference) {
  addOption(QStringLiteral("mx-host=%1,%2,%3").arg(domain, host).arg(preference));
}

void DnsmasqInstance::addHost(const QString &name, const QStringList &addresses) {
  // One line per address: a host-record line keeps one IPv4 and one IPv6 only.
  for (const QString &address : addresses) addOption(QStringLiteral("host-record=%1,%2").arg(name, address));
}

void DnsmasqInstance::addAddressWithoutPtr(const QString &name, const QString &address) {
  const QHostAddress ip(address);
  QByteArray bytes;
  int type = 1;  // A
  if (ip.protocol() == QAbstractSocket::IPv4Protocol) {
    const quint32 v4 = ip.toIPv4Address();
    for (int shift = 24; shift >= 0; shift -= 8) bytes += static_cast<char>((v4 >> shift) & 0xff);
  } else {
    type = 28;  // AAAA
    const Q_IPV6ADDR v6 = ip.toIPv6Address();
    bytes = QByteArray(reinterpret_cast<const char *>(v6.c), 16);
  }
  addOption(QStringLiteral("dns-rr=%1,%2,%3").arg(name).arg(type).arg(QString::fromLatin1(bytes.toHex())));
}

void DnsmasqInstance::addTxt(const QString &name, const QStringList &strings) {
  QStringList quoted;
  for (const QString &s : strings) quoted << QLatin1Char('"') + s + QLatin1Char('"');
  addOption(QStringLiteral("txt-record=%1,%2").arg(name, quoted.join(QLatin1Char(','))));
}

void DnsmasqInstance::addPtr(const QString &ip, const QString &name) {
  addOption(QStringLiteral("ptr-record=%1,%2").arg(reverseName(ip), name));
}

void DnsmasqInstance::addNs(const QString &domain, const QString &nameServer) {
  QByteArray wire;  // RFC 1035 §3.1: length-prefixed labels, then the root
  for (const QString &label : nameServer.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
    wire += static_cast<char>(label.size());
    wire += label.toLatin1();
  }
  wire += '\0';
  addOption(QStringLiteral("dns-rr=%1,2,%2").arg(domain, QString::fromLatin1(wire.toHex())));
}

void DnsmasqInstance::addServfailDomain(const QString &domain) { servfailDomains_ << domain; }

QString DnsmasqInstance::reverseName(const QString &ip) {
  const QHostAddress address(ip);
  if (address.protocol() == QAbstractSocket::IPv4Protocol) {
    const quint32 v4 = address.toIPv4Address();
    return QStringLiteral("%1.%2.%3.%4.in-addr.arpa")
        .arg(v4 & 0xff)
        .arg((v4 >> 8) & 0xff)
        .arg((v4 >> 16) & 0xff)
        .arg(v4 >> 24);
  }
  if (address.protocol() == QAbstractSocket::IPv6Protocol) {
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    QString name;
    static const char hex[] = "0123456789abcdef";
    for (int i = 15; i >= 0; --i) {
      name += QLatin1Char(hex[v6.c[i] & 0x0f]);
      name += QLatin1Char('.');
      name += QLatin1Char(hex[v6.c[i] >> 4]);
      name += QLatin1Char('.');
    }
    return name + QStringLiteral("ip6.arpa");
  }
  return {};
}

QString DnsmasqInstance::dnsmasqPath(QString *error) {
  // dnsmasq lives in /usr/sbin, which a non-root PATH may lack.
  QString path = QStandardPaths::findExecutable(QStringLiteral("dnsmasq"));
  if (path.isEmpty())
    path = QStandardPaths::findExecutable(QStringLiteral("dnsmasq"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
  if (path.isEmpty() && error) *error = QStringLiteral("dnsmasq not found: apt-get install dnsmasq-base");
  return path;
}

quint16 DnsmasqInstance::pickFreePort() {
  // Free for UDP and for TCP (dnsmasq serves both), then released for dnsmasq.
  for (int attempt = 0; attempt < 20; ++attempt) {
    QUdpSocket udp;
    if (!udp.bind(QHostAddress(QHostAddress::LocalHost), 0)) continue;
    const quint16 port = udp.localPort();
    QTcpServer tcp;
    if (tcp.listen(QHostAddress(QHostAddress::LocalHost), port)) return port;
  }
  return 0;
}

bool DnsmasqInstance::probe(quint16 port, const QString &name, const QByteArray &token, int timeoutMs) {
  QUdpSocket socket;
  if (!socket.bind(QHostAddress(QHostAddress::LocalHost), 0)) return false;
  const QDeadlineTimer deadline(timeoutMs);
  const quint16 id = static_cast<quint16>(QRandomGenerator::global()->bounded(65536));
  const QByteArray query = makeQuery(id, name, 16);  // TXT
  while (!deadline.hasExpired()) {
    socket.writeDatagram(query, QHostAddress(QHostAddress::LocalHost), port);
    const QDeadlineTimer retry(200);
    while (!retry.hasExpired() && socket.waitForReadyRead(static_cast<int>(retry.remainingTime()))) {
      while (socket.hasPendingDatagrams()) {
        QByteArray answer(static_cast<qsizetype>(socket.pendingDatagramSize()), Qt::Uninitialized);
        socket.readDatagram(answer.data(), answer.size());
        const bool ours = answer.size() > 2 && static_cast<quint8>(answer[0]) == (id >> 8) &&
                          static_cast<quint8>(answer[1]) == (id & 0xff);
        if (ours && answer.contains(token)) return true;
        if (ours) return false;  // someone else's DNS server is on this port
      }
    }
  }
  return false;
}

bool DnsmasqInstance::startServer(Server &server, const QString &name, QStringList options, int timeoutMs) {
  QString error;
  const QString program = dnsmasqPath(&error);
  if (program.isEmpty()) return fail(error);
  if (!dir_.isValid()) return fail(QStringLiteral("cannot create a temporary directory"));

  const QDeadlineTimer deadline(timeoutMs);
  // The port may be taken between the check and dnsmasq's bind: try again then.
  for (int attempt = 1; attempt <= 5 && !deadline.hasExpired(); ++attempt) {
    server.port = pickFreePort();
    if (server.port == 0) return fail(QStringLiteral("no free UDP+TCP port on 127.0.0.1"));
    server.logFile = dir_.filePath(QStringLiteral("%1-%2.log").arg(name).arg(attempt));
    server.stderrFile = dir_.filePath(QStringLiteral("%1-%2.stderr").arg(name).arg(attempt));
    const QString token = QStringLiteral("postwr-probe-") + randomHex(8);
    const QString probeName = token + QStringLiteral(".fixture.invalid");
    // The options go to a file of our own (never /etc/dnsmasq.conf): there,
    // unlike on the command line, dnsmasq reads quoted TXT strings.
    QStringList lines = {
        QStringLiteral("no-resolv"),
        QStringLiteral("no-hosts"),
        QStringLiteral("no-poll"),
        QStringLiteral("listen-address=127.0.0.1"),
        QStringLiteral("bind-interfaces"),
        QStringLiteral("port=%1").arg(server.port),
        QStringLiteral("pid-file="),
        QStringLiteral("log-queries"),
        // A file, not a pipe: a test blocked in a lookup reads no pipe, and a
        // full one would stall dnsmasq.
        QStringLiteral("log-facility=") + server.logFile,
        // Answer from the given records only: NXDOMAIN / NODATA otherwise.
        QStringLiteral("local=/#/"),
        QStringLiteral("txt-record=%1,%2").arg(probeName, token),
    };
    // As root, dnsmasq would switch to user "nobody", which cannot write the log.
    if (::geteuid() == 0) lines << QStringLiteral("user=root");
    lines += options;
    const QString configFile = dir_.filePath(QStringLiteral("%1-%2.conf").arg(name).arg(attempt));
    QFile config(configFile);
    if (!config.open(QIODevice::WriteOnly) || config.write(lines.join(QLatin1Char('\n')).toUtf8() + '\n') < 0)
      return fail(QStringLiteral("cannot write %1").arg(configFile));
    config.close();
    const QStringList arguments = {QStringLiteral("--keep-in-foreground"), QStringLiteral("--conf-file=") + configFile};

    server.process = std::make_unique<QProcess>();
    server.process->setStandardOutputFile(server.stderrFile);
    server.process->setStandardErrorFile(server.stderrFile, QIODevice::Append);
    server.process->start(program, arguments);
    if (!server.process->waitForStarted(5000))
      return fail(QStringLiteral("cannot start %1: %2").arg(program, server.process->errorString()));

    const int probeMs = static_cast<int>(qMin<qint64>(deadline.remainingTime(), 5000));
    if (probe(server.port, probeName, token.toLatin1(), probeMs)) return true;
    // Not ours, or not answering: was the port taken after all?
    const bool exited = server.process->state() == QProcess::NotRunning;
    stopServer(server);
    if (!exited)
      return fail(QStringLiteral("%1 dnsmasq on port %2 does not answer its probe within %3 ms; its log:\n%4")
                      .arg(name)
                      .arg(server.port)
                      .arg(probeMs)
                      .arg(QString::fromUtf8(readAll(server.stderrFile) + readAll(server.logFile))));
  }
  return fail(QStringLiteral("%1 dnsmasq did not start: %2").arg(name, QString::fromUtf8(readAll(server.stderrFile)).trimmed()));
}

bool DnsmasqInstance::start(int timeoutMs) {
  if (isRunning()) return fail(QStringLiteral("dnsmasq is already running"));
  QStringList options = options_;
  if (!servfailDomains_.isEmpty()) {
    // SERVFAIL on purpose: the upstream serves these domains unsigned, and
    // the main instance validates them with DNSSEC against trust anchors no
    // signature can match, so it answers SERVFAIL (a bogus answer), as a real
    // validating resolver does for a broken domain.
    if (!startServer(upstream_, QStringLiteral("upstream"), {}, timeoutMs)) return false;
    options << QStringLiteral("dnssec") << QStringLiteral("trust-anchor=.,20326,8,2,") + kBogusDigest;
    for (const QString &domain : std::as_const(servfailDomains_)) {
      options << QStringLiteral("trust-anchor=%1,20326,8,2,%2").arg(domain, kBogusDigest)
              << QStringLiteral("server=/%1/127.0.0.1#%2").arg(domain).arg(upstream_.port);
    }
  }
  if (!startServer(main_, QStringLiteral("main"), options, timeoutMs)) return false;
  port_ = main_.port;
  return true;
}

void DnsmasqInstance::stopServer(Server &server) {
  if (!server.process) return;
  if (server.process->state() != QProcess::NotRunning) {
    server.process->terminate();
    if (!server.process->waitForFinished(5000)) {
      server.process->kill();
      server.process->waitForFinished(5000);
    }
  }
  server.process.reset();
}

void DnsmasqInstance::stop() {
  stopServer(main_);
  stopServer(upstream_);
}

bool DnsmasqInstance::isRunning() const {
  return main_.process && main_.process->state() != QProcess::NotRunning;
}

QString DnsmasqInstance::log() const {
  QString text;
  for (const Server *server : {&upstream_, &main_}) {
    if (server->logFile.isEmpty()) continue;
    const QByteArray err = readAll(server->stderrFile);
    if (!err.isEmpty()) text += QString::fromUtf8(err);
    text += QString::fromUtf8(readAll(server->logFile));
  }
  return text;
}
