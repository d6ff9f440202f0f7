// The test message: a short, friendly text in the user's language that says
// what it is and what to look for in the receiving mailbox, with a unique id
// in its Message-ID, its subject and an X-Postwr-Test field, so that the
// report can follow it on the server and find it on the other side.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace postwr::mailtest {

// A new id: 16 random lowercase letters and digits.
QString newTestId();

// The message with CRLF line ends, ready for SMTP. `domain`: the sender's,
// for the Message-ID.
QByteArray composeTestMessage(const QString &from, const QString &to, const QString &id, const QDateTime &now);

class TestMessage {
    Q_DECLARE_TR_FUNCTIONS(postwr::mailtest::TestMessage)
};

} // namespace postwr::mailtest
