#include "support/raw_smtp_client.h"

#include <QRegularExpression>
#include <QTest>

QString SmtpReply::enhancedCode() const {
  static const QRegularExpression enhanced(QStringLiteral("^([245]\\.\\d{1,3}\\.\\d{1,3})\\b"));
  if (lines.isEmpty()) return {};
  const auto match = enhanced.match(lines.last());
  return match.hasMatch() ? match.captured(1) : QString();
}

QString SmtpReply::toString() const {
  if (!isValid()) return QStringLiteral("(no reply)");
  return QString::number(code) + QLatin1Char(' ') + lines.join(QStringLiteral(" / "));
}

bool RawSmtpClient::connectTo(const QHostAddress &address, quint16 port, int timeoutMs, const QHostAddress &source) {
  transcript_ += QStringLiteral("# connect %1:%2\n").arg(address.toString()).arg(port);
  if (!source.isNull() && !socket_.bind(source)) return false;
  socket_.connectToHost(address, port);
  return QTest::qWaitFor([this] { return socket_.state() == QAbstractSocket::ConnectedState ||
                                         socket_.state() == QAbstractSocket::UnconnectedState; },
                         timeoutMs) &&
         socket_.state() == QAbstractSocket::ConnectedState;
}

void RawSmtpClient::pump() {
  if (socket_.isOpen()) buffer_ += socket_.readAll();
}

SmtpReply RawSmtpClient::readReply(int timeoutMs) {
  // A reply is lines "DDD-text" ending with one "DDD text" (RFC 5321 §4.2).
  static const QRegularExpression replyLine(QStringLiteral("^(\\d{3})([ -])(.*)$"));
  SmtpReply reply;
  qsizetype consumed = 0;
  auto complete = [&]() -> bool {
    pump();
    reply = SmtpReply();
    qsizetype position = 0;
    while (true) {
      const qsizetype end = buffer_.indexOf("\r\n", position);
      if (end < 0) return false;
      const QString line = QString::fromUtf8(buffer_.mid(position, end - position));
      position = end + 2;
      const auto match = replyLine.match(line);
      if (!match.hasMatch()) {  // a malformed line still ends the reply, as code 999
        reply.code = 999;
        reply.lines << line;
        consumed = position;
        return true;
      }
      reply.lines << match.captured(3);
      if (match.captured(2) == QLatin1String(" ")) {
        reply.code = match.captured(1).toInt();
        consumed = position;
        return true;
      }
    }
  };
  const bool got = QTest::qWaitFor([&] { return complete() || socket_.state() == QAbstractSocket::UnconnectedState; },
                                   timeoutMs) && complete();
  if (!got) {
    transcript_ += socket_.state() == QAbstractSocket::UnconnectedState ? QStringLiteral("<- (connection closed)\n")
                                                                        : QStringLiteral("<- (no reply in time)\n");
    return SmtpReply();
  }
  transcript_ += QStringLiteral("<- ") + reply.toString() + QLatin1Char('\n');
  buffer_.remove(0, consumed);
  return reply;
}

void RawSmtpClient::send(const QByteArray &bytes) {
  QByteArray shown = bytes.left(300);
  shown.replace("\r", "\\r").replace("\n", "\\n");
  transcript_ += QStringLiteral("-> ") + QString::fromUtf8(shown) +
                 (bytes.size() > 300 ? QStringLiteral("... (%1 bytes)").arg(bytes.size()) : QString()) + QLatin1Char('\n');
  socket_.write(bytes);
  socket_.flush();
}

void RawSmtpClient::sendSecret(const QByteArray &bytes) {
  transcript_ += QStringLiteral("-> (%1 bytes not shown: credentials)\n").arg(bytes.size());
  socket_.write(bytes);
  socket_.flush();
}

SmtpReply RawSmtpClient::command(const QByteArray &line, int timeoutMs) {
  send(line + "\r\n");
  return readReply(timeoutMs);
}

bool RawSmtpClient::waitForClosed(int timeoutMs) {
  const bool closed = QTest::qWaitFor(
      [this] {
        pump();  // keep draining, or a full receive buffer could look like an open socket
        return socket_.state() == QAbstractSocket::UnconnectedState;
      },
      timeoutMs);
  transcript_ += closed ? QStringLiteral("# closed by the server\n") : QStringLiteral("# still open\n");
  return closed;
}
