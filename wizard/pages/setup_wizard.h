// The setup wizard: a QWizard whose pages share one SSH connection
// (RemoteWorker, on its own thread) and the plan they fill in: language,
// connect, server check, domain, install (or restore), accounts,
// forwarding, DNS records, TLS certificate, backup, test mail, done.
#pragma once

#include "remote/remote_worker.h"
#include "sandbox/sandbox_services.h"
#include "steps/plan_file.h"

#include <QMap>
#include <QPushButton>
#include <QWizard>
#include <memory>

namespace postwr::pages {

// What the pages share.
struct WizardState {
    std::unique_ptr<remote::RemoteWorker> worker;
    steps::Plan plan;
    // The SSH password or key passphrase typed on the connect page, for the
    // keyring if the user wants it kept. In memory only.
    QString sshSecret;
    // The server check found outbound port 25 blocked: the DNS page's
    // support request asks the provider to open it too.
    bool outbound25Blocked = false;
    // The accounts on the server, as the accounts page last listed them.
    QStringList accounts;
    // Passwords typed or generated in this session, by account, for the
    // test mail. In memory only, never written anywhere.
    QMap<QString, QString> accountPasswords;
    // The Cloudflare API token for the certificate's DNS challenge, as typed
    // or read from the keyring. In memory only.
    QString cloudflareToken;
    // "Try it on this computer": the sandbox the wizard set up against; it
    // stops when the wizard closes.
    std::unique_ptr<sandbox::SandboxServices> sandbox;
};

// How the plan names an account's password for the StepDriver's secrets.
inline QString accountSecretName(const QString &email)
{
    return QStringLiteral("account:") + email;
}

// How the plan names the Cloudflare token for the StepDriver's secrets.
inline QString cloudflareSecretName()
{
    return QStringLiteral("cloudflare-token");
}

class SetupWizard : public QWizard {
    Q_OBJECT

public:
    enum PageId {
        LanguagePageId,
        ConnectPageId,
        ServerCheckPageId,
        DomainPageId,
        InstallPageId,
        AccountsPageId,
        ForwardingPageId,
        DnsPageId,
        CertificatePageId,
        BackupPageId,
        TestMailPageId,
        DonePageId
    };

    // `knownHostsFile`: the app's own known_hosts.
    explicit SetupWizard(const QString &knownHostsFile, QWidget *parent = nullptr);
    ~SetupWizard() override;

    WizardState &state() { return m_state; }

signals:
    // Finish remembered the server (servers/server_profile.h) under `id`.
    void serverRemembered(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    WizardState m_state;
    QPushButton *m_languageButton = nullptr;
};

} // namespace postwr::pages
