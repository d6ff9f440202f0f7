#pragma once
// A real DNS server for one test: dnsmasq on 127.0.0.1, on a port picked at
// run time, serving only the records the test gives it.
//
//   DnsmasqInstance dns;
//   dns.addMx("remote.test", "mx1.remote.test", 10);
//   dns.addHost("mx1.remote.test", {"127.0.0.1", "::1"});
//   QVERIFY2(dns.start(), qPrintable(dns.errorString()));
//   ... point the code under test at dns.serverSpec() ("127.0.0.1:PORT") ...
//
// Every name it was not given is NXDOMAIN, and a given name asked for a type
// it does not have is NODATA (dnsmasq's --local=/#/: nothing is forwarded, so
// no answer depends on this machine's network). A name under a domain passed
// to addServfailDomain() answers SERVFAIL.
//
// Pitfalls handled here (TESTING-NOTES.md): the port is checked free for UDP
// and TCP, and after the start a probe record unique to this instance must
// come back, so a dnsmasq that was already listening there cannot answer for
// us unnoticed. Every wait is bounded; the destructor stops dnsmasq and prints
// its log when the test failed.

#include <QByteArray>
#include <QHostAddress>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

class DnsmasqInstance {
 public:
  DnsmasqInstance();
  ~DnsmasqInstance();
  DnsmasqInstance(const DnsmasqInstance &) = delete;
  DnsmasqInstance &operator=(const DnsmasqInstance &) = delete;

  // --- Records, before start() -------------------------------------------
  // MX: host "." makes a null MX (RFC 7505) when preference is 0.
  void addMx(const QString &domain, const QString &host, int preference);
  // A and/or AAAA for a name, and the matching PTR records (dnsmasq's
  // host-record always adds them).
  void addHost(const QString &name, const QStringList &addresses);
  // A or AAAA without any PTR (a raw record). dnsmasq knows the name for this
  // type only: asked for any other type, it answers NXDOMAIN, not NODATA.
  void addAddressWithoutPtr(const QString &name, const QString &address);
  // One TXT record made of several character-strings (each up to 255 bytes;
  // no '"' or '\\' in them).
  void addTxt(const QString &name, const QStringList &strings);
  // A PTR record for an IP address.
  void addPtr(const QString &ip, const QString &name);
  // An NS record (a raw record: dnsmasq has no option of its own for it).
  void addNs(const QString &domain, const QString &nameServer);
  // Every name at or under `domain` answers SERVFAIL (a DNSSEC validation
  // failure: a second dnsmasq serves it unsigned under a trust anchor).
  void addServfailDomain(const QString &domain);
  // Any other dnsmasq option, as a line of its config file: "cname=a.test,b.test".
  void addOption(const QString &option) { options_ << option; }

  // --- Running -------------------------------------------------------------
  // Starts dnsmasq (and its upstream when needed); true once it answers with
  // this instance's probe record. Fails with "dnsmasq not found: apt-get
  // install dnsmasq-base" when it is missing.
  bool start(int timeoutMs = 10000);
  void stop();
  bool isRunning() const;
  QString errorString() const { return error_; }

  quint16 port() const { return port_; }
  static QString address() { return QStringLiteral("127.0.0.1"); }
  // "127.0.0.1:PORT", the form of postwrd's [dns] servers.
  QString serverSpec() const { return QStringLiteral("127.0.0.1:%1").arg(port_); }
  // dnsmasq's log (queries included) and its stderr.
  QString log() const;

  // "4.3.2.1.in-addr.arpa" / nibbles + "ip6.arpa"; empty for a non-address.
  static QString reverseName(const QString &ip);
  static QString dnsmasqPath(QString *error);

 private:
  struct Server {
    std::unique_ptr<QProcess> process;
    quint16 port = 0;
    QString logFile;
    QString stderrFile;
  };
  bool startServer(Server &server, const QString &name, QStringList options, int timeoutMs);
  bool probe(quint16 port, const QString &name, const QByteArray &token, int timeoutMs);
  static quint16 pickFreePort();
  static void stopServer(Server &server);
  bool fail(const QString &message);

  QTemporaryDir dir_;
  QStringList options_;
  QStringList servfailDomains_;
  Server main_;
  Server upstream_;
  quint16 port_ = 0;
  QString error_;
};
