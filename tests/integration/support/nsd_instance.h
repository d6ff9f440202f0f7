#pragma once
// A real authoritative DNS server for one test: NSD on 127.0.0.1, on a port
// picked at run time, serving zone files the test gives it as text, parsed
// by NSD's own master-file reader.
//
//   NsdInstance dns;
//   const QByteArray zone = NsdInstance::soaAndNs("example.test") + records;
//   QVERIFY2(dns.checkZone("example.test", zone), qPrintable(dns.errorString()));
//   dns.addZone("example.test", zone);
//   QVERIFY2(dns.start(), qPrintable(dns.errorString()));
//   ... ask 127.0.0.1 port dns.port() ...
//
// Everything NSD writes lives in a temporary directory: its config, the zone
// files, pid file, log, xfrd state; no database (database: ""), no chroot,
// no change of user, no remote control, so it runs as root or not alike and
// never touches /etc/nsd. It runs in the foreground (-d).
//
// Pitfalls handled here (TESTING-NOTES.md): the port is checked free for UDP
// and TCP; after the start, a probe record unique to this instance, in a zone
// of its own, must come back, so another server on that port cannot answer
// for us unnoticed. Every wait is bounded; the destructor stops NSD and
// prints its log when the test failed.

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class NsdInstance {
 public:
  NsdInstance();
  ~NsdInstance();
  NsdInstance(const NsdInstance &) = delete;
  NsdInstance &operator=(const NsdInstance &) = delete;

  // --- Zones, before start() ----------------------------------------------
  // A zone and its master file (RFC 1035 §5), which must hold the SOA and NS.
  void addZone(const QString &origin, const QByteArray &text);
  // "$ORIGIN origin." and "$TTL 3600", an SOA, and an NS "ns1.origin" with
  // the address 127.0.0.1: what a zone needs before its records.
  static QByteArray soaAndNs(const QString &origin);
  // nsd-checkzone on a zone file: true when NSD accepts it, else false with
  // its complaint in errorString().
  bool checkZone(const QString &origin, const QByteArray &text);

  // --- Running -------------------------------------------------------------
  // Starts NSD; true once it answers this instance's probe. Fails with "nsd
  // not found: apt-get install nsd" when it is missing.
  bool start(int timeoutMs = 15000);
  void stop();
  bool isRunning() const;
  QString errorString() const { return error_; }

  quint16 port() const { return port_; }
  static QString address() { return QStringLiteral("127.0.0.1"); }
  // NSD's log and its standard error.
  QString log() const;

  // /usr/sbin/nsd or /usr/sbin/nsd-checkzone (a non-root PATH may lack sbin).
  static QString toolPath(const QString &name, QString *error);

 private:
  bool writeFile(const QString &path, const QByteArray &content);
  bool launch(const QString &program, const QString &token, int attempt, int timeoutMs);
  bool probe(const QByteArray &token, int timeoutMs);
  static quint16 pickFreePort();
  bool fail(const QString &message);

  QTemporaryDir dir_;
  QList<QPair<QString, QByteArray>> zones_;
  std::unique_ptr<QProcess> process_;
  quint16 port_ = 0;
  QString logFile_;
  QString stderrFile_;
  QString error_;
};
