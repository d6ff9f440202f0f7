#pragma once
// One world for an outbound delivery test: dnsmasq serving the remote domains,
// one aiosmtpd receiver playing all their MX hosts, and postwrd configured to
// deliver there (its [delivery] remote_port and allow_loopback are for tests).
//
//   remote.test   MX 10 mx.remote.test    -> 127.0.0.1
//   gmail.test    MX 10 mx.gmail.test     -> 127.0.0.1
//   outside.test  MX 10 mx.outside.test   -> 127.0.0.1
//   nomx.test     (no MX)                 -> 127.0.0.1, the implicit MX
//   nullmx.test   MX 0 .                  (RFC 7505: accepts no mail)
//   anything else                         NXDOMAIN
//
// Local to postwrd: local.test (users are added by the test), which is also
// the SRS domain. Tests add users, aliases, receiver behaviour and [delivery]
// settings before start().

#include "support/dnsmasq_instance.h"
#include "support/postwrd_instance.h"
#include "support/smtp_receiver.h"
#include "support/swaks.h"

#include <QMap>
#include <QRegularExpressionMatch>
#include <QString>
#include <QStringList>

struct SubmitResult {
  QString queueId;  // empty on failure
  QString problem;  // why it failed, with the transcript
  bool ok() const { return !queueId.isEmpty(); }
};

class DeliverySetup {
 public:
  DeliverySetup();

  DnsmasqInstance dns;
  SmtpReceiver receiver;
  PostwrdInstance postwrd;

  // [delivery] keys; defaults: retry_initial = 1s, retry_max = 1m,
  // ipv6_first = yes, allow_loopback = yes, remote_port = the receiver's.
  void setDelivery(const QString &key, const QString &value) { delivery_.insert(key, value); }
  // The remote hosts answer on ::1 too (AAAA records, the receiver on [::1]).
  void setIpv6(bool enabled) { ipv6_ = enabled; }

  // dnsmasq, the receiver, then postwrd.
  bool start();
  QString errorString() const { return error_; }

  // A message from an authenticated local user: swaks, STARTTLS + AUTH PLAIN
  // on the submission port. `data`: LF line ends, no final newline.
  SubmitResult submit(const QString &user, const QString &password, const QStringList &rcpts, const QByteArray &data,
                      const QString &from = {});
  // A message from another server, unauthenticated, on the smtp (MX) port.
  SubmitResult sendFromOutside(const QString &from, const QStringList &rcpts, const QByteArray &data);

  // Log lines of one message: event=EVENT id=QID (any order of keys after).
  QList<QRegularExpressionMatch> events(const QString &event, const QString &queueId, const QString &rest = {}) const;
  QRegularExpressionMatch waitForEvent(const QString &event, const QString &queueId, const QString &rest = {},
                                       int timeoutMs = 30000, qsizetype from = 0);
  // `postwrd queue list` output (stdout), or empty with the reason in *error.
  QString queueList(QString *error = nullptr) const;

 private:
  QMap<QString, QString> delivery_;
  bool ipv6_ = false;
  QString error_;
};

// "(?=[^\n]*\sKEY=VALUE(?:\s|$))": KEY=VALUE anywhere later on the line,
// VALUE a regular expression (quoted values: KEY="...").
QString keyIs(const QString &key, const QString &valuePattern);
