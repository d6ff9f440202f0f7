#pragma once
// swaks (the Swiss Army Knife for SMTP), run as a real client against
// postwrd. The password travels in the environment (SWAKS_OPT_auth_password),
// not on the command line, and --auth-hide-password keeps it out of the
// transcript; transcript() masks it again in case.

#include "support/process_runner.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

struct SwaksServerLine {
  bool overTls = false;  // "<~" rather than "<-"
  bool error = false;    // swaks marks unexpected replies "<**" / "<~*"
  int code = 0;
  bool last = false;     // "DDD " rather than "DDD-"
  QString text;
};

struct SwaksRequest {
  quint16 port = 0;
  QString server = QStringLiteral("127.0.0.1");
  enum class Tls { None, StartTls, Implicit } tls = Tls::None;
  QString authMechanism;  // "PLAIN" or "LOGIN"; empty: no AUTH
  QString user;
  QString password;
  QString from;
  QStringList to;
  QByteArray data;        // the whole message, LF line ends, no final newline (swaks adds CRLF)
  QString quitAfter;      // e.g. "HELO" (stops after the post-TLS EHLO)
  QStringList extraArguments;
  int timeoutMs = 30000;
};

struct SwaksResult {
  QString setupError;     // non-empty: swaks could not be run at all
  ProcessResult process;
  QList<SwaksServerLine> serverLines;
  QList<QStringList> ehloReplies;  // the lines of each EHLO reply, in order
  QString transcript;             // secrets masked

  int exitCode() const { return process.exitCode; }
  // The code of the first reply swaks flagged as an error, or 0.
  SwaksServerLine firstError() const;
  // The QID of the last "250 2.0.0 Ok: queued as QID" reply, or empty.
  QString queuedId() const;
  bool hasReply(int code) const;
  QString describe() const;  // exit status and transcript, for failure messages
};

SwaksResult runSwaks(const SwaksRequest &request);
