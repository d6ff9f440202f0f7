// Where the test mail went after the server took it, read from postwrd's
// log (service/daemon/log.h: one `key=value` line per event) by its queue
// id: signed with which keys, delivered to which MX over which address and
// TLS, or deferred / bounced with the receiver's words and what they mean
// for the user ("Gmail refused: no reverse DNS for your IPv6 address — set
// the PTR"). Sans-IO: the lines come from however the caller reads the log.
#pragma once

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

namespace postwr::mailtest {

struct LogEvent {
    QString level;
    QString event;
    QMap<QString, QString> fields;
};

// One log line; an event of "" when the line is not one of postwrd's.
LogEvent parseLogLine(const QString &line);

struct DkimSignature {
    QString algorithm; // "rsa-sha256"
    QString selector;
    QString domain;
};

// The reflector's verdict for one address of the server (mail/reflector.h).
struct ReflectorVerdict {
    QString address; // "none" when the host name has no address
    QString spf; // "pass", "fail", …
    QString spfReason;
    QString dkim; // "pass:example.org", several comma-separated, or "none"
    QString dkimReason;
    QString dmarc; // "pass:example.org" or "none"
    QString dmarcReason;
    QString reason; // why there was nothing to check

    bool passed() const
    {
        return spf == QLatin1String("pass") && dkim.startsWith(QLatin1String("pass")) && !dkim.contains(QLatin1String(",fail"))
            && dmarc.startsWith(QLatin1String("pass"));
    }
};

struct DeliveryReport {
    enum class State { NotFound, Queued, Delivered, Deferred, Bounced };
    State state = State::NotFound;
    QString recipient;
    QList<DkimSignature> signatures;
    QString mx; // the host that took it, or the last one tried
    QString ip;
    QString tls; // "TLS1.3 …", or "plaintext"
    QString reply; // the receiver's last words
    int attempts = 0; // failed connection or delivery attempts so far
    QString nextAttemptInSeconds;
    QString advice; // translated, for a reply the user can act on; "" otherwise
    QList<ReflectorVerdict> reflected; // when the message went to the reflector
};

// Follows `queueId` through `lines` (in order); the state is the latest.
DeliveryReport reportFor(const QStringList &lines, const QString &queueId);

// What a receiver's refusal means and what to do about it, translated; ""
// when the reply is not one Postwr knows. `receiverIp`: the address of the
// receiver's MX, which tells whether the server sent over IPv4 or IPv6.
QString adviceForReply(const QString &reply, const QString &receiverIp);

class DeliveryReportText {
    Q_DECLARE_TR_FUNCTIONS(postwr::mailtest::DeliveryReportText)
};

} // namespace postwr::mailtest
