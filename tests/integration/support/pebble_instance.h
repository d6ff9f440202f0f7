#pragma once
// Let's Encrypt's test CA, Debian's `pebble`, on loopback for one test:
// its ACME API on a port picked at run time, served with a throwaway
// certificate made here (the package ships none), validating HTTP-01
// challenges on the port the client under test answers on, and resolving
// names through the test's own DNS server (TESTING-NOTES.md: resolve test
// names to 127.0.0.1 only; no validation delay; nonces never rejected, so
// runs do not depend on a client's retry luck).
//
//   PebbleInstance pebble;
//   QVERIFY2(pebble.start(dns.serverSpec(), challengePort), qPrintable(pebble.errorString()));
//   ... certbot --server pebble.directoryUrl(), REQUESTS_CA_BUNDLE=pebble.apiCertificateFile() ...
//   const QByteArray root = pebble.issuingRoot();   // new at every start
//
// The files live in a directory every user can read (the client may run as
// the test's own user over SSH); the key stays private to root.

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

class PebbleInstance {
 public:
  PebbleInstance();
  ~PebbleInstance();
  PebbleInstance(const PebbleInstance &) = delete;
  PebbleInstance &operator=(const PebbleInstance &) = delete;

  // `dnsServer`: "127.0.0.1:PORT"; `httpPort`: where HTTP-01 is answered.
  // Fails with "pebble not found: apt-get install pebble" when missing.
  bool start(const QString &dnsServer, quint16 httpPort, int timeoutMs = 15000);
  void stop();
  QString errorString() const { return error_; }

  QString directoryUrl() const;
  // The certificate of pebble's own HTTPS listener: the CA bundle for clients.
  QString apiCertificateFile() const;
  // Its key (root only): another HTTPS server of the test may serve with the pair.
  QString apiKeyFile() const;
  // The root that signs issued certificates (PEM), from the management API.
  QByteArray issuingRoot();
  QString log() const;

 private:
  bool fail(const QString &message);

  QTemporaryDir dir_;
  std::unique_ptr<QProcess> process_;
  quint16 port_ = 0;
  quint16 managementPort_ = 0;
  QString error_;
};
