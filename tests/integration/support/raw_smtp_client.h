#pragma once
// A raw SMTP connection over QTcpSocket, for what no real client will send:
// bare LF or CR in DATA, over-long lines, HTTP on an SMTP port, commands in
// the wrong order, and for holding a session open across a SIGHUP or killing
// postwrd the instant a 250 arrives. Every wait is bounded.

#include <QByteArray>
#include <QHostAddress>
#include <QString>
#include <QStringList>
#include <QTcpSocket>

struct SmtpReply {
  int code = 0;        // 0: no complete reply (timed out or connection closed)
  QStringList lines;   // the text of each line, without the code and separator

  bool isValid() const { return code != 0; }
  // The enhanced status code (RFC 3463) starting the last line, e.g. "5.7.0".
  QString enhancedCode() const;
  QString text() const { return lines.join(QLatin1Char('\n')); }
  QString toString() const;  // "530 5.7.0 Must issue STARTTLS first" or "(no reply)"
};

class RawSmtpClient {
 public:
  // From `source` when given (another loopback address, to be another client).
  bool connectTo(const QHostAddress &address, quint16 port, int timeoutMs = 5000,
                 const QHostAddress &source = QHostAddress());
  // Reads one reply, multi-line included.
  SmtpReply readReply(int timeoutMs = 10000);
  void send(const QByteArray &bytes);
  // Sends bytes the transcript must not show (credentials).
  void sendSecret(const QByteArray &bytes);
  // send(line + CRLF) then readReply().
  SmtpReply command(const QByteArray &line, int timeoutMs = 10000);
  // Waits for the server to close the connection.
  bool waitForClosed(int timeoutMs = 10000);
  bool isConnected() const { return socket_.state() == QAbstractSocket::ConnectedState; }
  void close() { socket_.abort(); }
  // What was said, secrets masked, for failure messages.
  QString transcript() const { return transcript_; }

 private:
  void pump();
  QTcpSocket socket_;
  QByteArray buffer_;
  QString transcript_;
};
