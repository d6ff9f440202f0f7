#include "support/test_message.h"

#include "support/postwrd_instance.h"

#include <QRandomGenerator>
#include <QRegularExpression>

QString uniqueToken() {
  return QString::number(QRandomGenerator::global()->generate64(), 16).rightJustified(16, QLatin1Char('0'));
}

QByteArray TestMessage::withCrlf() const {
  QByteArray crlf = text;
  crlf.replace("\n", "\r\n");
  return crlf;
}

QByteArray TestMessage::body() const {
  const qsizetype blank = text.indexOf("\n\n");
  return blank < 0 ? QByteArray() : text.mid(blank + 2);
}

TestMessage makeMessage(const QString &from, const QString &to, const QString &subject) {
  TestMessage message;
  const QString token = uniqueToken();
  message.messageId = QStringLiteral("%1@client.example.test").arg(token);
  message.marker = QStringLiteral("marker-%1").arg(token);
  const QString text = QStringLiteral(
                           "From: <%1>\n"
                           "To: <%2>\n"
                           "Subject: %3\n"
                           "Message-ID: <%4>\n"
                           "Date: Sat, 28 Nov 2026 10:00:00 +0000\n"
                           "MIME-Version: 1.0\n"
                           "Content-Type: text/plain; charset=utf-8\n"
                           "Content-Transfer-Encoding: 8bit\n"
                           "\n"
                           "Hello from the postwr integration tests.\n"
                           ".A line that starts with one dot.\n"
                           "..And one with two.\n"
                           ".\tA dot and a tab.\n"
                           "UTF-8: Gr\u00fc\u00dfe, \u4f60\u597d, Shwmae.\n"
                           "%5\n"
                           "%6\n")
                           .arg(from, to, subject, message.messageId, QString(200, QLatin1Char('x')), message.marker);
  message.text = text.toUtf8();
  return message;
}

QString checkDeliveredFile(const QByteArray &content, const TestMessage &message, const QString &sender,
                           const QString &recipient) {
  if (content.contains('\r')) return QStringLiteral("the file has CR characters; Maildir files use LF line ends");
  if (!content.endsWith(message.text))
    return QStringLiteral("the file does not end with the message exactly as sent:\n%1").arg(QString::fromUtf8(content));
  const QByteArray trace = content.left(content.size() - message.text.size());
  // Unfold the trace headers: one entry per header.
  QStringList headers;
  for (const QString &line : QString::fromUtf8(trace).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
    if ((line.startsWith(QLatin1Char(' ')) || line.startsWith(QLatin1Char('\t'))) && !headers.isEmpty())
      headers.last() += line;
    else
      headers << line;
  }
  if (headers.size() < 3)
    return QStringLiteral("expected Return-Path, Delivered-To and Received before the message, got:\n%1").arg(QString::fromUtf8(trace));
  if (headers[0] != QStringLiteral("Return-Path: <%1>").arg(sender))
    return QStringLiteral("first line is `%1`, expected `Return-Path: <%2>`").arg(headers[0], sender);
  if (!headers[1].startsWith(QLatin1String("Delivered-To:")) || !headers[1].contains(recipient, Qt::CaseInsensitive))
    return QStringLiteral("second header is `%1`, expected Delivered-To: %2").arg(headers[1], recipient);
  // Mail from the internet also carries our Authentication-Results, above this hop's Received.
  const bool checked = headers[2].startsWith(QLatin1String("Authentication-Results: mail.example.test;"));
  const qsizetype received = checked ? 3 : 2;
  if (headers.size() <= received || !headers[received].startsWith(QLatin1String("Received:")))
    return QStringLiteral("header %1 is `%2`, expected Received:").arg(received + 1).arg(headers.value(received));
  return {};
}

int countWithMessageId(const QStringList &files, const QString &messageId) {
  const QRegularExpression header(QStringLiteral("^Message-ID:\\s*<%1>\\s*$").arg(QRegularExpression::escape(messageId)),
                                  QRegularExpression::MultilineOption | QRegularExpression::CaseInsensitiveOption);
  int count = 0;
  for (const QString &path : files)
    if (header.match(QString::fromUtf8(PostwrdInstance::readFile(path))).hasMatch()) ++count;
  return count;
}

QString newPassword() { return QStringLiteral("pw-%1%2").arg(uniqueToken(), uniqueToken()); }
