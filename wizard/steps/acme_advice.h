// Why certbot could not get a certificate, in words the user can act on.
// certbot prints the ACME server's problem document (RFC 8555 §6.7) and its
// own errors; the usual causes are few: the host name does not resolve to
// the server yet, port 80 is closed by a firewall or taken by a web server,
// or Let's Encrypt's rate limits. Sans-IO: the step hands certbot's output in.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace postwr::steps {

class AcmeAdvice {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::AcmeAdvice)

public:
    // `output`: certbot's standard output and error; `hostname`: the name
    // asked for; `httpPort`: where the challenge was answered.
    static QString explain(const QString &output, const QString &hostname, int httpPort);
};

} // namespace postwr::steps
