#pragma once
// Python's smtplib as a real client: python/smtplib_client.py run by
// /usr/bin/python3 with a JSON plan; this is the C++ side of that plan.

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

struct SmtplibPlan {
  QString host = QStringLiteral("127.0.0.1");
  QString source;      // the address to connect from (another 127.x); empty: any
  quint16 port = 0;
  bool implicitTls = false;
  bool startTls = false;
  QString login;       // empty: no AUTH
  QString password;    // passed in the environment, never printed
  QString mechanism;   // one AUTH attempt with this (PLAIN, LOGIN); empty: smtplib tries each it knows
  QString mailFrom;
  QStringList rcpts;
  QByteArray message;  // CRLF line ends
  bool useSendmail = false;
};

struct SmtplibReply {
  int code = 0;
  QString text;
  QString toString() const { return code ? QStringLiteral("%1 %2").arg(code).arg(text) : QStringLiteral("(none)"); }
};

struct SmtplibResult {
  QString setupError;              // the script could not run or said nothing usable
  QString error;                   // the exception smtplib raised, if any
  QMap<QString, SmtplibReply> steps;  // ehlo, starttls, ehlo_tls, login, mail, data, sendmail, quit
  QList<SmtplibReply> rcpts;
  QMap<QString, SmtplibReply> refused;
  QStringList features;            // lower-case EHLO keywords, as smtplib keeps them
  QString report;                  // the raw JSON, for failure messages

  SmtplibReply step(const QString &name) const { return steps.value(name); }
};

SmtplibResult runSmtplib(const SmtplibPlan &plan, int timeoutMs = 30000);
