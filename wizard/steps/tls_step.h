// The certificate postwrd serves on its three ports, as the plan's "tls"
// says:
//
//   letsencrypt  Debian's certbot gets one from Let's Encrypt (or the plan's
//                ACME server) with the HTTP-01 challenge, answering on port
//                80 by itself for the moment it takes; its deploy hook
//                installs each new certificate with `postwrd tls install
//                --reload`, so a renewal reaches postwrd without a restart.
//                Renewal: certbot's own systemd timer in system mode; in
//                user mode a script PREFIX/bin/postwr-renew-certificate,
//                run twice a day from the user's crontab.
//   existing     files already on the server, checked and installed.
//   self-signed  a new self-signed certificate (for tests; clients warn).
//
// Before asking Let's Encrypt, the host name must resolve to the server's
// public address: a failed challenge counts against the rate limit. A
// failure is explained in words (acme_advice.h). A certificate that is
// already trusted, names the host and has more than 30 days left is kept.
#pragma once

#include "steps/step.h"

namespace postwr::steps {

class TlsStep : public Step {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::TlsStep)

public:
    QString name() const override { return QStringLiteral("tls"); }
    QString title() const override;
    wizard::Result<QStringList> plan(StepContext &context) override;
    wizard::Status run(StepContext &context) override;
};

// What `postwrd tls show --format json` says about the certificate served.
struct ServedCertificate {
    QStringList names;
    QString issuer;
    QString serial;
    qint64 notAfter = 0; // seconds since the epoch
    int daysLeft = 0;
    bool selfSigned = false;
    QString fingerprint;
};

wizard::Result<ServedCertificate> parseServedCertificate(const QByteArray &json);

// How the certificate stands at `now` (seconds since the epoch), in a line
// for the user: good; a warning when it is self-signed (mail programs warn)
// or ends within 14 days (renewal must have failed: Let's Encrypt's renew 30
// days before); a problem when it has expired.
struct CertificateStanding {
    Mark mark = Mark::Good;
    QString text;
};
CertificateStanding describeCertificate(const ServedCertificate &served, qint64 now);
// Asks the server; a failure when it has none yet.
wizard::Result<ServedCertificate> servedCertificate(StepContext &context);

} // namespace postwr::steps
