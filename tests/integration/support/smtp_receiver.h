#pragma once
// The remote side of outbound delivery: python/smtp_receiver.py (aiosmtpd)
// on loopback, with STARTTLS and a fresh self-signed certificate (or the one
// given to setCertificate()). It records every message postwrd hands it
// (envelope, TLS or not, exact bytes) and can be told, while it runs, to
// answer 451 or 550 to a recipient or to stop offering STARTTLS. One receiver
// plays every remote MX of a test: dnsmasq points their names at 127.0.0.1
// (and ::1), and postwrd's [delivery] remote_port at port().
//
// Every wait is bounded; the destructor stops it and, when the test failed,
// prints what it received.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <functional>
#include <memory>

struct ReceivedMessage {
  QString name;  // "0001", in arrival order
  QString mailFrom;  // "" for the null sender
  QStringList rcpts;
  QStringList mailOptions;
  bool tls = false;
  QString tlsVersion;  // "TLSv1.3", or empty
  QString peer;        // "127.0.0.1" or "::1"
  QString helo;
  QByteArray content;  // CRLF line ends, as received

  bool isTo(const QString &rcpt) const;
  // Everything before the first empty line, unfolded: "Name: value" each.
  QStringList headers() const;
  QString header(const QString &field) const;  // the first one, value only
  QString describe() const;                   // one line, for failure messages
};

class SmtpReceiver {
 public:
  SmtpReceiver();
  ~SmtpReceiver();
  SmtpReceiver(const SmtpReceiver &) = delete;
  SmtpReceiver &operator=(const SmtpReceiver &) = delete;

  // Also listen on [::1] (same port), before start().
  void setIpv6(bool enabled) { ipv6_ = enabled; }
  void setHostname(const QString &name) { hostname_ = name; }
  // Offer this certificate (chain) and key, PEM files, instead of a fresh
  // self-signed one: a test CA's certificate for MTA-STS tests. Before start().
  void setCertificate(const QString &certificate, const QString &key) {
    certificate_ = certificate;
    key_ = key;
  }

  bool start(int timeoutMs = 15000);
  void stop();
  bool isRunning() const;
  quint16 port() const { return port_; }
  QString errorString() const { return error_; }

  // --- Behaviour; applies from the next connection or RCPT ------------------
  bool setStartTls(bool offered);
  bool setTempFail(const QString &rcpt, int firstAttempts);  // 451 for the first N RCPTs
  bool setPermFail(const QString &rcpt);                     // 550 always

  // --- What arrived ---------------------------------------------------------
  QList<ReceivedMessage> messages() const;
  QList<ReceivedMessage> messagesTo(const QString &rcpt) const;
  // Waits (the event loop turning) until `count` messages to rcpt (any if
  // empty) are in, up to timeoutMs.
  bool waitForMessagesTo(const QString &rcpt, int count, int timeoutMs);
  // Every recorded event, or those of one type ("connect", "starttls", "rcpt").
  QList<QJsonObject> events(const QString &type = {}) const;
  int rcptAttempts(const QString &rcpt) const;
  QString describe() const;  // messages and RCPT replies, for failure messages

 private:
  bool writeControl();
  bool fail(const QString &message);

  QTemporaryDir dir_;
  std::unique_ptr<QProcess> process_;
  bool ipv6_ = false;
  QString hostname_ = QStringLiteral("mx.remote.test");
  QString certificate_;  // empty: a self-signed one made at start()
  QString key_;
  quint16 port_ = 0;
  bool startTls_ = true;
  QMap<QString, int> tempFail_;
  QSet<QString> permFail_;
  QString error_;
};
