// The sandbox's services, on this machine's loopback, standing in for a
// VPS and the world around it: dnsmasq (sandbox.test, gmail.test), a
// receiving postwrd for gmail.test (the stand-in for Gmail) and sshd for
// the current user. `postwr --sandbox` runs its plans against them; the
// wizard's "Try it on this computer" clicks through them. Everything stops
// with stop() or the destructor, including the postwrd installed there.
#pragma once

#include "result.h"
#include "sandbox/sandbox_dns.h"
#include "sandbox/sandbox_plan.h"
#include "sandbox/sandbox_receiver.h"
#include "sandbox/sandbox_sshd.h"

#include <QDir>
#include <QString>
#include <atomic>
#include <functional>

namespace postwr::sandbox {

class SandboxServices {
public:
    // A line for the user: a heading ("Starting the DNS server"), or a detail under it.
    using Report = std::function<void(const QString &line, bool heading)>;

    // `directory` is removed and made anew; it must be missing, empty or an
    // earlier sandbox.
    explicit SandboxServices(QString directory);
    ~SandboxServices();
    SandboxServices(const SandboxServices &) = delete;
    SandboxServices &operator=(const SandboxServices &) = delete;

    wizard::Status start(const Report &report, const std::atomic_bool *cancel = nullptr);
    // Serves the base zones plus `records` (SPF, DKIM, DMARC of sandbox.test).
    wizard::Status publish(const QList<DnsRecord> &records, const std::atomic_bool *cancel = nullptr);
    void stop(const Report &report);
    bool isRunning() const { return m_prepared; }

    // Ports, key, host key and paths, for the plans and the wizard.
    const SandboxPlanSettings &settings() const { return m_settings; }
    // The sandbox account's password (random, for this run only).
    const QString &password() const { return m_password; }
    const QString &directory() const { return m_directory; }
    const SandboxReceiver &receiver() const { return m_receiver; }

private:
    wizard::Status prepareDirectory();
    void stopInstalledPostwrd();
    QString path(const QString &name) const { return QDir(m_directory).filePath(name); }

    QString m_directory;
    QString m_password;
    SandboxPlanSettings m_settings;
    SandboxDns m_dns;
    SandboxReceiver m_receiver;
    SandboxSshd m_sshd;
    bool m_prepared = false;
};

} // namespace postwr::sandbox
