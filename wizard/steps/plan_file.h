// The plan file: what `postwr --headless --plan FILE.json` does, and what the
// wizard's pages fill in. JSON (RFC 8259), one object; unknown keys are
// errors, so a typo never silently does nothing. Secrets are never in the
// file: they are named by environment variables ("…_env").
//
// {
//   "server": {                          required
//     "host": "vps.example.org",         required
//     "port": 22,
//     "user": "root",                    required
//     "auth": "agent" | "key" | "password",          default "agent"
//     "key_file": "~/.ssh/id_ed25519",   with "auth": "key"
//     "passphrase_env": "VAR",           the key's passphrase, if it has one
//     "password_env": "VAR",             with "auth": "password"
//     "sudo_password_env": "VAR",        when the user is not root and sudo asks
//     "host_key": "SHA256:…",            trust this key on first contact
//     "known_hosts": "PATH"              default: the app's own file
//   },
//   "steps": ["probe", "enable-ipv6", "install", "restore", "hostname", "tls", "dkim",
//             "accounts", "forwarding", "backup", "status", "check-dns", "send-test",
//             "download-backup", "uninstall"],   run in this order
//   "install": {
//     "mode": "system" | "user",         default "system"
//     "prefix": "~/postwr",              user mode: where everything goes
//     "listen": "0.0.0.0",               user mode: the address to listen on
//     "ports": {"smtp": 25, "submission": 587, "submissions": 465},
//     "stop_conflicting_mta": false,     consent to stop and disable Postfix/Exim
//     "purge": false,                    "uninstall" also removes config, queue and mail
//     "settings": {"dns.servers": "127.0.0.1:5353"}   more postwrd.conf keys ("section.key")
//   },
//   "probe": {"outbound_check": "gmail-smtp-in.l.google.com:25"},
//   "hostname": "mail.example.org",      the name the reverse DNS gives
//   "domains": ["example.org"],          the mail domains
//   "accounts": [
//     {"email": "me@example.org", "password_env": "VAR"},
//     {"email": "shop@example.org", "generate": true},  a new password, printed once
//     {"email": "old@example.org", "remove": true}
//   ],
//   "forwarding": {"example.org": {"*": ["me@gmail.com"], "sales": ["me@example.org"]}},
//   "status": {"log_lines": 20},
//   "dns": {                             for the step "check-dns"
//     "ipv4": "203.0.113.5",             the server's public addresses; default: those the
//     "ipv6": "2001:db8::5",             server has (a server behind NAT needs them here)
//     "servers": "9.9.9.9",              who to ask; default: this computer's resolver
//     "receive": "here" | "elsewhere",   MX to this server (default), or mail stays with
//                                        the domain's provider (no MX, MTA-STS, TLS-RPT)
//     "spf_include": ["_spf.google.com"], other senders SPF keeps
//     "spf_all": "soft" | "hard",        ~all (default) or -all
//     "dmarc_policy": "none" | "quarantine" | "reject",   default quarantine
//     "dmarc_reports": "me@example.org", DMARC reports; default postmaster@DOMAIN
//     "blocklists": ["bl.example.net"]   DNS blocklists to ask instead of postwrd's
//   },
//   "tls": {                             for the step "tls"
//     "mode": "letsencrypt" | "existing" | "self-signed",   default letsencrypt
//     "email": "me@example.org",         Let's Encrypt's expiry notices; optional
//     "acme_server": "https://…/directory",  default Let's Encrypt's
//     "ca_bundle": "/path/on/server.pem",    the ACME server's CA (a test CA)
//     "challenge": "http" | "cloudflare", HTTP-01 on port 80 (default), or DNS-01
//                                        through Cloudflare's API (port 80 not needed)
//     "cloudflare_token_env": "VAR",     challenge cloudflare: the API token (Zone DNS Edit)
//     "cloudflare_api": "https://…/client/v4",  default Cloudflare's own
//     "dns_wait": 10,                    seconds for the TXT record to spread
//     "http_port": 80,                   where certbot answers the HTTP-01 challenge
//     "http_address": "",                and on which address ("" = all)
//     "certificate": "/etc/ssl/…/fullchain.pem", "key": "/etc/ssl/…/privkey.pem"
//                                        mode existing: files on the server
//   },
//   "backup": {                          for the steps "backup" and "download-backup"
//     "remote": "git@github.com:me/mail-config.git",   push there with a deploy key of the
//                                        server's own (printed: allow it write access)
//     "encrypt": true,                   secrets encrypted before they leave the server
//     "passphrase_env": "VAR",           their passphrase (required with encrypt)
//     "download_to": "DIR"               download-backup: where the .tar.gz goes (default ".")
//   },
//   "restore": {                         for the step "restore" (after "install")
//     "from": "git@github.com:me/mail-config.git" | "backup.tar.gz",
//     "passphrase_env": "VAR"            the backup's passphrase, when it is encrypted
//   },
//   "test_mail": {                       for the step "send-test"
//     "to": "me@gmail.com",              required; `--send-test ADDRESS` sets it;
//                                        "reflector": the server checks it itself
//     "from": "me@example.org",          default: the first account with a password_env
//     "password_env": "VAR",             default: that account's
//     "security": "starttls" | "tls"     port 587 (or the plan's submission port) / 465
//   }
// }
#pragma once

#include "remote/ssh_types.h"
#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace postwr::steps {

struct ServerPlan {
    remote::SshTarget target;
    remote::AuthMethod auth = remote::AuthMethod::Agent;
    QString keyFile;
    QString passphraseEnv;
    QString passwordEnv;
    QString sudoPasswordEnv;
    QString hostKey; // "SHA256:…", or empty: an unknown key stops the run
    QString knownHosts;
};

enum class InstallMode { System, User };

struct Ports {
    quint16 smtp = 25;
    quint16 submission = 587;
    quint16 submissions = 465;
};

struct InstallPlan {
    InstallMode mode = InstallMode::System;
    QString prefix = QStringLiteral("~/postwr");
    QString listen;
    Ports ports;
    bool stopConflictingMta = false;
    bool purge = false;
    // More postwrd.conf keys: "key" or "section.key" → value.
    QMap<QString, QString> settings;
};

struct AccountPlan {
    QString email;
    QString passwordEnv;
    bool generate = false;
    bool remove = false;
};

// One alias line of a domain: "local: target, target".
struct AliasPlan {
    QString local; // "*" for the catch-all
    QStringList targets;
};

struct TestMailPlan {
    QString to;
    QString from;
    QString passwordEnv;
    bool implicitTls = false;
};

// The server's public addresses, who to ask, and the choices that shape
// the records (`postwrd dns records` options).
struct DnsCheckPlan {
    QString ipv4;
    QString ipv6;
    QString servers;
    bool receiveHere = true;
    QStringList spfIncludes;
    bool spfHardAll = false;
    QString dmarcPolicy = QStringLiteral("quarantine");
    QString dmarcReports;
    QStringList blocklists; // zones; empty: postwrd's own list
};

enum class TlsMode { LetsEncrypt, Existing, SelfSigned };

struct TlsPlan {
    TlsMode mode = TlsMode::LetsEncrypt;
    bool cloudflare = false; // DNS-01 through Cloudflare instead of HTTP-01
    QString cloudflareTokenEnv;
    QString cloudflareApi;
    int dnsWait = 10;
    QString email;
    QString acmeServer = QStringLiteral("https://acme-v02.api.letsencrypt.org/directory");
    QString caBundle;
    int httpPort = 80;
    QString httpAddress;
    QString certificate;
    QString key;
};

struct BackupPlan {
    QString remote; // empty: kept on the server only
    bool encrypt = true;
    QString passphraseEnv;
    QString downloadTo = QStringLiteral(".");
};

// A backup downloaded to this computer (by its name), rather than a remote.
inline bool isBackupArchive(const QString &source)
{
    return source.endsWith(QLatin1String(".tar.gz")) || source.endsWith(QLatin1String(".tgz"));
}

struct RestorePlan {
    QString from; // a git remote, or a local .tar.gz
    QString passphraseEnv;
    bool fromArchive() const { return isBackupArchive(from); }
};

struct Plan {
    ServerPlan server;
    QStringList steps;
    InstallPlan install;
    QString outboundCheck = QStringLiteral("gmail-smtp-in.l.google.com:25");
    QString hostname;
    QStringList domains;
    QList<AccountPlan> accounts;
    QMap<QString, QList<AliasPlan>> forwarding; // by domain
    int logLines = 20;
    DnsCheckPlan dns;
    TlsPlan tls;
    TestMailPlan testMail;
    BackupPlan backup;
    RestorePlan restore;
};

// A domain name with at least two labels: "example.org".
bool validDomain(const QString &domain);
// An address like "me@example.org" (its domain as validDomain()).
bool validAddress(const QString &address);
// An SPF include target as pasted (" include:_SPF.Google.com. ") made
// plain ("_spf.google.com"); validSpfInclude() on the plain form.
QString plainSpfInclude(QString include);
bool validSpfInclude(const QString &include);
// A git remote reached over SSH: "git@github.com:you/mail-config.git".
bool validGitRemote(const QString &remote);

// The step names a plan may list, in the order they run.
const QStringList &knownSteps();

// Parses and checks a plan file. Errors name the place: "line 3, column 5:
// …" for JSON syntax, "server.port: …" for a bad value.
wizard::Result<Plan> parsePlan(const QByteArray &json);

class PlanFile {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::PlanFile)
};

} // namespace postwr::steps
