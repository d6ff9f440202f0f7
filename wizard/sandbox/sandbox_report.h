// What the receiver made of a message: its Authentication-Results fields
// (RFC 8601) and the result of each check in them.
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace postwr::sandbox {

// The Authentication-Results fields of `message`'s header, each unfolded to
// one line ("Authentication-Results: mx.gmail.test; spf=pass (…) …").
QStringList authenticationResults(const QByteArray &message);

// The result of `method` ("spf", "dkim", "dmarc") in those fields: "pass",
// "fail", "none", …; "missing" when no field has it. With several results
// for one method (several DKIM signatures), "pass" when any passed.
QString resultOf(const QStringList &fields, const QString &method);

// The value of the first header field `name` ("To"), unfolded; empty when
// there is none.
QString headerField(const QByteArray &message, const QString &name);

} // namespace postwr::sandbox
