#pragma once
// Test messages with a unique Message-ID and marker, and the check that a
// Maildir file holds exactly one of them as postwrd must write it.

#include <QByteArray>
#include <QString>

// 16 random hex digits.
QString uniqueToken();

struct TestMessage {
  QString messageId;  // without angle brackets
  QString marker;     // a unique string in the body, to find the message anywhere on disk
  QByteArray text;    // the whole message, LF line ends, ending with "\n"

  // For swaks --data: no final newline (swaks adds the CRLF itself).
  QByteArray forSwaks() const { return text.chopped(1); }
  // For smtplib and raw sockets: CRLF line ends.
  QByteArray withCrlf() const;
  QByteArray body() const;  // after the first empty line
};

// A message whose body exercises transparency: lines starting with dots,
// UTF-8 text, a long-ish line.
TestMessage makeMessage(const QString &from, const QString &to, const QString &subject);

// Checks one delivered Maildir file (RFC 5321 §4.4 trace headers first):
// LF line ends, Return-Path: <sender>, Delivered-To: naming the recipient,
// then Received:, then the message exactly as sent. Empty when all is well,
// else what is wrong.
QString checkDeliveredFile(const QByteArray &content, const TestMessage &message, const QString &sender,
                           const QString &recipient);

// How many of the given files hold "Message-ID: <id>".
int countWithMessageId(const QStringList &files, const QString &messageId);

// A fresh random password for a test user; never printed.
QString newPassword();
