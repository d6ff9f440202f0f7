// The sandbox's DNS: dnsmasq on 127.0.0.1, a port picked at run time,
// answering for sandbox.test and gmail.test only (everything else is "no
// such name": nothing is forwarded, so no answer depends on this machine's
// network). It starts with the MX and A records of both domains and is
// restarted, on the same port, with the TXT records the setup makes.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <atomic>
#include <memory>

namespace postwr::sandbox {

struct DnsRecord {
    QString type; // "MX", "A" or "TXT"
    QString name;
    QString value; // MX: "PREFERENCE HOST"; A: the address; TXT: the text unsplit
    QStringList strings; // TXT: the character-strings (at most 255 octets each)
};

// MX 10 and an A record (127.0.0.1) for sandbox.test and gmail.test.
QList<DnsRecord> baseRecords();

// The SPF, DKIM and DMARC records in `postwrd dns records --format json`'s
// answer: what a receiver needs to trust the domain's mail.
wizard::Result<QList<DnsRecord>> authenticationRecords(const QByteArray &json);

// dnsmasq's config file lines: loopback, `port`, only `records`, a probe TXT
// record `probeName` → `probeToken` that shows the answering dnsmasq is this
// one, and its log in `logFile`.
wizard::Result<QStringList> dnsmasqConfigLines(quint16 port, const QList<DnsRecord> &records, const QString &probeName,
    const QString &probeToken, const QString &logFile, bool runAsRoot);

class SandboxDns {
public:
    explicit SandboxDns(QString directory);
    ~SandboxDns();
    SandboxDns(const SandboxDns &) = delete;
    SandboxDns &operator=(const SandboxDns &) = delete;

    // Starts dnsmasq with `records` on a free port; with the same port again
    // when it ran before. Done once it answers its probe.
    wizard::Status start(const QList<DnsRecord> &records, const std::atomic_bool *cancel);
    void stop();

    quint16 port() const { return m_port; }
    // "127.0.0.1:PORT", the form of postwrd's [dns] servers.
    QString server() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }

private:
    wizard::Status launch(const QList<DnsRecord> &records, const std::atomic_bool *cancel);

    QString m_directory;
    quint16 m_port = 0;
    int m_launches = 0;
    std::unique_ptr<QProcess> m_process;
};

} // namespace postwr::sandbox
