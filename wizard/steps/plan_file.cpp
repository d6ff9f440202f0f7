#include "steps/plan_file.h"

#include "mail/address.h"
#include "mail/dns_records.h"
#include "mail/git_remote.h"
#include "steps/server_probe.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <optional>

namespace postwr::steps {

bool validDomain(const QString &domain)
{
    return mail::isValidDomain(domain.toStdString(), true) && domain.contains(QLatin1Char('.'));
}

bool validAddress(const QString &address)
{
    const mail::Result<mail::Address> parsed = mail::parseAddress(address.toStdString());
    return parsed.ok() && validDomain(QString::fromStdString(parsed.value().domain));
}

QString plainSpfInclude(QString include)
{
    include = include.trimmed().toLower();
    if (include.startsWith(QLatin1String("include:")))
        include.remove(0, 8);
    if (include.endsWith(QLatin1Char('.')))
        include.chop(1);
    return include;
}

bool validSpfInclude(const QString &include)
{
    return mail::isSpfIncludeDomain(include.toStdString());
}

bool validGitRemote(const QString &remote)
{
    return mail::isGitSshRemote(remote.toStdString());
}

namespace {

using wizard::Failure;

// The line and column (1-based) of a byte offset, for JSON syntax errors.
QString position(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json[i] == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(json[i]) & 0xC0) != 0x80) {
            ++column; // a UTF-8 continuation byte is part of the previous character
        }
    }
    return PlanFile::tr("line %1, column %2").arg(line).arg(column);
}

// Reads one JSON object, remembering the first problem with its path.
class Reader {
public:
    std::optional<Failure> problem;

    void fail(const QString &path, const QString &message)
    {
        if (!problem)
            problem = Failure { path + QStringLiteral(": ") + message };
    }

    // Flags the keys of `object` that are not in `known`.
    void onlyKeys(const QJsonObject &object, const QString &path, const QStringList &known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!known.contains(it.key()))
                fail(join(path, it.key()),
                    PlanFile::tr("unknown key; known here: %1").arg(known.join(QStringLiteral(", "))));
        }
    }

    QString string(const QJsonObject &object, const QString &path, const QString &key, const QString &fallback = {})
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return fallback;
        if (!value.isString()) {
            fail(join(path, key), PlanFile::tr("must be a string"));
            return fallback;
        }
        return value.toString();
    }

    bool boolean(const QJsonObject &object, const QString &path, const QString &key)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return false;
        if (!value.isBool())
            fail(join(path, key), PlanFile::tr("must be true or false"));
        return value.toBool();
    }

    int integer(const QJsonObject &object, const QString &path, const QString &key, int fallback, int min, int max)
    {
        const QJsonValue value = object.value(key);
        if (value.isUndefined())
            return fallback;
        const double number = value.toDouble(-1);
        if (!value.isDouble() || number != static_cast<int>(number) || number < min || number > max) {
            fail(join(path, key), PlanFile::tr("must be a whole number from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return static_cast<int>(number);
    }

    QJsonObject object(const QJsonObject &parent, const QString &path, const QString &key)
    {
        const QJsonValue value = parent.value(key);
        if (!value.isUndefined() && !value.isObject())
            fail(join(path, key), PlanFile::tr("must be an object { … }"));
        return value.toObject();
    }

    QStringList strings(const QJsonValue &value, const QString &path)
    {
        QStringList out;
        if (value.isUndefined())
            return out;
        if (!value.isArray()) {
            fail(path, PlanFile::tr("must be a list [ … ] of strings"));
            return out;
        }
        const QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array[i].isString())
                fail(QStringLiteral("%1[%2]").arg(path).arg(i), PlanFile::tr("must be a string"));
            out << array[i].toString();
        }
        return out;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }
};

bool validEnvironmentName(const QString &name)
{
    if (name.isEmpty() || name[0].isDigit())
        return false;
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != QLatin1Char('_'))
            return false;
    }
    return true;
}

// `object[key]`: the name of the environment variable that holds a secret.
// A name that is no name is an error; a missing one when `required`, with
// `missing` as the message.
QString environmentName(Reader &r, const QJsonObject &object, const QString &path, const QString &key, bool required,
    const QString &missing)
{
    const QString name = r.string(object, path, key);
    if (name.isEmpty() && required)
        r.fail(Reader::join(path, key), missing);
    else if (!name.isEmpty() && !validEnvironmentName(name))
        r.fail(Reader::join(path, key),
            PlanFile::tr("\"%1\" is not an environment variable name (letters, digits and _)").arg(name));
    return name;
}

void readServer(Reader &r, const QJsonObject &root, Plan &plan)
{
    if (!root.contains(QStringLiteral("server"))) {
        r.fail(QStringLiteral("server"), PlanFile::tr("missing: the SSH host, port and user to connect to"));
        return;
    }
    const QString path = QStringLiteral("server");
    const QJsonObject server = r.object(root, {}, path);
    r.onlyKeys(server, path,
        { QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("user"), QStringLiteral("auth"),
            QStringLiteral("key_file"), QStringLiteral("passphrase_env"), QStringLiteral("password_env"),
            QStringLiteral("sudo_password_env"), QStringLiteral("host_key"), QStringLiteral("known_hosts") });
    ServerPlan &s = plan.server;
    s.target.host = r.string(server, path, QStringLiteral("host"));
    if (s.target.host.isEmpty())
        r.fail(path + QStringLiteral(".host"), PlanFile::tr("missing: the server's name or IP address"));
    s.target.port = static_cast<quint16>(r.integer(server, path, QStringLiteral("port"), 22, 1, 65535));
    s.target.user = r.string(server, path, QStringLiteral("user"));
    if (s.target.user.isEmpty())
        r.fail(path + QStringLiteral(".user"), PlanFile::tr("missing: the user to log in as, e.g. root"));

    const QString auth = r.string(server, path, QStringLiteral("auth"), QStringLiteral("agent"));
    if (auth == QLatin1String("agent"))
        s.auth = remote::AuthMethod::Agent;
    else if (auth == QLatin1String("key"))
        s.auth = remote::AuthMethod::KeyFile;
    else if (auth == QLatin1String("password"))
        s.auth = remote::AuthMethod::Password;
    else
        r.fail(path + QStringLiteral(".auth"), PlanFile::tr("must be \"agent\", \"key\" or \"password\""));

    s.keyFile = r.string(server, path, QStringLiteral("key_file"));
    if (s.auth == remote::AuthMethod::KeyFile && s.keyFile.isEmpty())
        r.fail(path + QStringLiteral(".key_file"), PlanFile::tr("missing: the private key file for \"auth\": \"key\""));
    s.passphraseEnv = r.string(server, path, QStringLiteral("passphrase_env"));
    s.passwordEnv = r.string(server, path, QStringLiteral("password_env"));
    if (s.auth == remote::AuthMethod::Password && s.passwordEnv.isEmpty())
        r.fail(path + QStringLiteral(".password_env"),
            PlanFile::tr("missing: the environment variable that holds the password for \"auth\": \"password\""));
    s.sudoPasswordEnv = r.string(server, path, QStringLiteral("sudo_password_env"));
    for (const auto &[key, value] : { std::pair { QStringLiteral("passphrase_env"), s.passphraseEnv },
             std::pair { QStringLiteral("password_env"), s.passwordEnv },
             std::pair { QStringLiteral("sudo_password_env"), s.sudoPasswordEnv } }) {
        if (!value.isEmpty() && !validEnvironmentName(value))
            r.fail(path + QLatin1Char('.') + key,
                PlanFile::tr("\"%1\" is not an environment variable name (letters, digits and _)").arg(value));
    }
    s.hostKey = r.string(server, path, QStringLiteral("host_key"));
    if (!s.hostKey.isEmpty() && !s.hostKey.startsWith(QLatin1String("SHA256:")))
        r.fail(path + QStringLiteral(".host_key"),
            PlanFile::tr("must be a SHA256 fingerprint as `ssh-keygen -lf` prints it: SHA256:…"));
    s.knownHosts = r.string(server, path, QStringLiteral("known_hosts"));
}

// "settings": {"dns.servers": "127.0.0.1:5353", "max_message_size": 10485760}
void readSettings(Reader &r, const QJsonObject &install, const QString &installPath, InstallPlan &i)
{
    const QString path = installPath + QStringLiteral(".settings");
    const QJsonObject settings = r.object(install, installPath, QStringLiteral("settings"));
    static const QRegularExpression keyPattern(QStringLiteral("^([a-z][a-z0-9_]*\\.)?[a-z][a-z0-9_]*$"));
    static const QStringList managed { QStringLiteral("hostname"), QStringLiteral("spool"), QStringLiteral("maildir") };
    for (auto it = settings.begin(); it != settings.end(); ++it) {
        const QString where = path + QLatin1Char('.') + it.key();
        if (!keyPattern.match(it.key()).hasMatch()) {
            r.fail(where, PlanFile::tr("a setting is named \"key\" or \"section.key\", in lower case"));
            continue;
        }
        if (managed.contains(it.key()) || it.key().startsWith(QLatin1String("listen."))) {
            r.fail(where, PlanFile::tr("set by the plan's own keys (hostname, install.listen, install.ports)"));
            continue;
        }
        QString value;
        if (it->isString())
            value = it->toString();
        else if (it->isBool())
            value = it->toBool() ? QStringLiteral("yes") : QStringLiteral("no");
        else if (it->isDouble() && it->toDouble() == double(qint64(it->toDouble())))
            value = QString::number(qint64(it->toDouble()));
        else {
            r.fail(where, PlanFile::tr("must be a text, a whole number, true or false"));
            continue;
        }
        if (value.contains(QLatin1Char('\n')) || value.trimmed().isEmpty())
            r.fail(where, PlanFile::tr("must be one line, not empty"));
        else
            i.settings.insert(it.key(), value.trimmed());
    }
}

void readInstall(Reader &r, const QJsonObject &root, Plan &plan)
{
    const QString path = QStringLiteral("install");
    const QJsonObject install = r.object(root, {}, path);
    r.onlyKeys(install, path,
        { QStringLiteral("mode"), QStringLiteral("prefix"), QStringLiteral("listen"), QStringLiteral("ports"),
            QStringLiteral("stop_conflicting_mta"), QStringLiteral("purge"), QStringLiteral("settings") });
    InstallPlan &i = plan.install;
    const QString mode = r.string(install, path, QStringLiteral("mode"), QStringLiteral("system"));
    if (mode == QLatin1String("system"))
        i.mode = InstallMode::System;
    else if (mode == QLatin1String("user"))
        i.mode = InstallMode::User;
    else
        r.fail(path + QStringLiteral(".mode"), PlanFile::tr("must be \"system\" or \"user\""));
    i.prefix = r.string(install, path, QStringLiteral("prefix"), i.prefix);
    if (!i.prefix.startsWith(QLatin1Char('/')) && !i.prefix.startsWith(QLatin1String("~/")))
        r.fail(path + QStringLiteral(".prefix"), PlanFile::tr("must be an absolute path or start with ~/"));
    i.listen = r.string(install, path, QStringLiteral("listen"));
    const QString portsPath = path + QStringLiteral(".ports");
    const QJsonObject ports = r.object(install, path, QStringLiteral("ports"));
    r.onlyKeys(ports, portsPath, { QStringLiteral("smtp"), QStringLiteral("submission"), QStringLiteral("submissions") });
    i.ports.smtp = static_cast<quint16>(r.integer(ports, portsPath, QStringLiteral("smtp"), 25, 1, 65535));
    i.ports.submission
        = static_cast<quint16>(r.integer(ports, portsPath, QStringLiteral("submission"), 587, 1, 65535));
    i.ports.submissions
        = static_cast<quint16>(r.integer(ports, portsPath, QStringLiteral("submissions"), 465, 1, 65535));
    if (QSet<quint16> { i.ports.smtp, i.ports.submission, i.ports.submissions }.size() != 3)
        r.fail(portsPath, PlanFile::tr("the three ports must differ"));
    if (i.mode == InstallMode::System && (i.ports.smtp != 25 || i.ports.submission != 587 || i.ports.submissions != 465))
        r.fail(portsPath, PlanFile::tr("a system install uses the standard ports 25, 587 and 465"));
    i.stopConflictingMta = r.boolean(install, path, QStringLiteral("stop_conflicting_mta"));
    i.purge = r.boolean(install, path, QStringLiteral("purge"));
    readSettings(r, install, path, i);
}

void readAccounts(Reader &r, const QJsonObject &root, Plan &plan)
{
    const QJsonValue value = root.value(QStringLiteral("accounts"));
    if (value.isUndefined())
        return;
    if (!value.isArray()) {
        r.fail(QStringLiteral("accounts"), PlanFile::tr("must be a list [ … ] of accounts"));
        return;
    }
    const QJsonArray accounts = value.toArray();
    for (qsizetype n = 0; n < accounts.size(); ++n) {
        const QString path = QStringLiteral("accounts[%1]").arg(n);
        if (!accounts[n].isObject()) {
            r.fail(path, PlanFile::tr("must be an object { \"email\": … }"));
            continue;
        }
        const QJsonObject object = accounts[n].toObject();
        r.onlyKeys(object, path,
            { QStringLiteral("email"), QStringLiteral("password_env"), QStringLiteral("generate"),
                QStringLiteral("remove") });
        AccountPlan account;
        account.email = r.string(object, path, QStringLiteral("email")).toLower();
        account.passwordEnv = r.string(object, path, QStringLiteral("password_env"));
        account.generate = r.boolean(object, path, QStringLiteral("generate"));
        account.remove = r.boolean(object, path, QStringLiteral("remove"));
        if (!validAddress(account.email))
            r.fail(path + QStringLiteral(".email"), PlanFile::tr("\"%1\" is not an email address").arg(account.email));
        else if (!plan.domains.contains(account.email.section(QLatin1Char('@'), 1)))
            r.fail(path + QStringLiteral(".email"),
                PlanFile::tr("%1 is not in one of the plan's domains (%2)")
                    .arg(account.email, plan.domains.join(QStringLiteral(", "))));
        const int ways = (account.passwordEnv.isEmpty() ? 0 : 1) + (account.generate ? 1 : 0) + (account.remove ? 1 : 0);
        if (ways != 1)
            r.fail(path, PlanFile::tr("give exactly one of \"password_env\", \"generate\": true or \"remove\": true"));
        else if (!account.passwordEnv.isEmpty() && !validEnvironmentName(account.passwordEnv))
            r.fail(path + QStringLiteral(".password_env"),
                PlanFile::tr("\"%1\" is not an environment variable name (letters, digits and _)")
                    .arg(account.passwordEnv));
        plan.accounts << account;
    }
}

void readForwarding(Reader &r, const QJsonObject &root, Plan &plan)
{
    const QString path = QStringLiteral("forwarding");
    const QJsonObject forwarding = r.object(root, {}, path);
    for (auto domain = forwarding.begin(); domain != forwarding.end(); ++domain) {
        const QString domainPath = path + QLatin1Char('.') + domain.key();
        if (!plan.domains.contains(domain.key()))
            r.fail(domainPath, PlanFile::tr("not one of the plan's domains (%1)").arg(plan.domains.join(QStringLiteral(", "))));
        if (!domain.value().isObject()) {
            r.fail(domainPath, PlanFile::tr("must be an object { \"local part or *\": [addresses] }"));
            continue;
        }
        QList<AliasPlan> &aliases = plan.forwarding[domain.key()];
        const QJsonObject entries = domain.value().toObject();
        for (auto entry = entries.begin(); entry != entries.end(); ++entry) {
            const QString entryPath = domainPath + QLatin1Char('.') + entry.key();
            AliasPlan alias { entry.key().toLower(), r.strings(entry.value(), entryPath) };
            if (alias.local != QLatin1String("*")
                && !validAddress(alias.local + QLatin1Char('@') + domain.key()))
                r.fail(entryPath, PlanFile::tr("\"%1\" is not a local part (the text before @)").arg(entry.key()));
            if (alias.targets.isEmpty())
                r.fail(entryPath, PlanFile::tr("needs at least one address to forward to"));
            for (QString &target : alias.targets) {
                target = target.trimmed();
                const QString full = target.contains(QLatin1Char('@')) ? target : target + QLatin1Char('@') + domain.key();
                if (!validAddress(full))
                    r.fail(entryPath, PlanFile::tr("\"%1\" is not an email address").arg(target));
            }
            aliases << alias;
        }
    }
}

void readDns(Reader &r, const QJsonObject &root, Plan &plan)
{
    const QString path = QStringLiteral("dns");
    const QJsonObject dns = r.object(root, {}, path);
    r.onlyKeys(dns, path,
        { QStringLiteral("ipv4"), QStringLiteral("ipv6"), QStringLiteral("servers"), QStringLiteral("receive"),
            QStringLiteral("spf_include"), QStringLiteral("spf_all"), QStringLiteral("dmarc_policy"),
            QStringLiteral("dmarc_reports"), QStringLiteral("blocklists") });
    plan.dns.ipv4 = r.string(dns, path, QStringLiteral("ipv4"));
    plan.dns.ipv6 = r.string(dns, path, QStringLiteral("ipv6"));
    plan.dns.servers = r.string(dns, path, QStringLiteral("servers"));
    const auto oneOf = [&](const QString &key, const QStringList &choices) {
        const QString value = r.string(dns, path, key, choices.first());
        if (!choices.contains(value))
            r.fail(path + QLatin1Char('.') + key,
                PlanFile::tr("must be one of %1, not \"%2\"").arg(choices.join(QStringLiteral(", ")), value));
        return value;
    };
    plan.dns.receiveHere = oneOf(QStringLiteral("receive"), { QStringLiteral("here"), QStringLiteral("elsewhere") })
        == QLatin1String("here");
    plan.dns.spfHardAll = oneOf(QStringLiteral("spf_all"), { QStringLiteral("soft"), QStringLiteral("hard") })
        == QLatin1String("hard");
    plan.dns.dmarcPolicy = oneOf(QStringLiteral("dmarc_policy"),
        { QStringLiteral("quarantine"), QStringLiteral("none"), QStringLiteral("reject") });
    plan.dns.spfIncludes = r.strings(dns.value(QStringLiteral("spf_include")), path + QStringLiteral(".spf_include"));
    for (qsizetype i = 0; i < plan.dns.spfIncludes.size(); ++i) {
        QString &include = plan.dns.spfIncludes[i];
        include = plainSpfInclude(include);
        if (!validSpfInclude(include))
            r.fail(QStringLiteral("%1.spf_include[%2]").arg(path).arg(i),
                PlanFile::tr("\"%1\" is not a domain name (give the provider's SPF domain, e.g. _spf.google.com)")
                    .arg(plan.dns.spfIncludes[i]));
    }
    plan.dns.dmarcReports = r.string(dns, path, QStringLiteral("dmarc_reports"));
    plan.dns.blocklists = r.strings(dns.value(QStringLiteral("blocklists")), path + QStringLiteral(".blocklists"));
    for (qsizetype i = 0; i < plan.dns.blocklists.size(); ++i) {
        if (!validDomain(plan.dns.blocklists[i]))
            r.fail(QStringLiteral("%1.blocklists[%2]").arg(path).arg(i),
                PlanFile::tr("\"%1\" is not a domain name").arg(plan.dns.blocklists[i]));
    }
    if (!plan.dns.dmarcReports.isEmpty() && !validAddress(plan.dns.dmarcReports))
        r.fail(path + QStringLiteral(".dmarc_reports"),
            PlanFile::tr("\"%1\" is not an email address").arg(plan.dns.dmarcReports));
    if (!plan.dns.ipv4.isEmpty() && QHostAddress(plan.dns.ipv4).protocol() != QAbstractSocket::IPv4Protocol)
        r.fail(path + QStringLiteral(".ipv4"), PlanFile::tr("\"%1\" is not an IPv4 address").arg(plan.dns.ipv4));
    if (!plan.dns.ipv6.isEmpty() && QHostAddress(plan.dns.ipv6).protocol() != QAbstractSocket::IPv6Protocol)
        r.fail(path + QStringLiteral(".ipv6"), PlanFile::tr("\"%1\" is not an IPv6 address").arg(plan.dns.ipv6));
}

void readTls(Reader &r, const QJsonObject &root, Plan &plan)
{
    const QString path = QStringLiteral("tls");
    const QJsonObject tls = r.object(root, {}, path);
    r.onlyKeys(tls, path,
        { QStringLiteral("mode"), QStringLiteral("email"), QStringLiteral("acme_server"), QStringLiteral("ca_bundle"),
            QStringLiteral("http_port"), QStringLiteral("http_address"), QStringLiteral("certificate"), QStringLiteral("key"),
            QStringLiteral("challenge"), QStringLiteral("cloudflare_token_env"), QStringLiteral("cloudflare_api"),
            QStringLiteral("dns_wait") });
    TlsPlan &t = plan.tls;
    const QString mode = r.string(tls, path, QStringLiteral("mode"), QStringLiteral("letsencrypt"));
    if (mode == QLatin1String("letsencrypt"))
        t.mode = TlsMode::LetsEncrypt;
    else if (mode == QLatin1String("existing"))
        t.mode = TlsMode::Existing;
    else if (mode == QLatin1String("self-signed"))
        t.mode = TlsMode::SelfSigned;
    else
        r.fail(path + QStringLiteral(".mode"),
            PlanFile::tr("must be one of letsencrypt, existing, self-signed, not \"%1\"").arg(mode));
    t.email = r.string(tls, path, QStringLiteral("email"));
    if (!t.email.isEmpty() && !validAddress(t.email))
        r.fail(path + QStringLiteral(".email"), PlanFile::tr("\"%1\" is not an email address").arg(t.email));
    t.acmeServer = r.string(tls, path, QStringLiteral("acme_server"), t.acmeServer);
    if (!t.acmeServer.startsWith(QLatin1String("https://")))
        r.fail(path + QStringLiteral(".acme_server"), PlanFile::tr("must be an https:// address"));
    t.caBundle = r.string(tls, path, QStringLiteral("ca_bundle"));
    const QString challenge = r.string(tls, path, QStringLiteral("challenge"), QStringLiteral("http"));
    if (challenge != QLatin1String("http") && challenge != QLatin1String("cloudflare"))
        r.fail(path + QStringLiteral(".challenge"), PlanFile::tr("must be one of http, cloudflare, not \"%1\"").arg(challenge));
    t.cloudflare = challenge == QLatin1String("cloudflare");
    t.cloudflareTokenEnv = environmentName(r, tls, path, QStringLiteral("cloudflare_token_env"),
        t.cloudflare && t.mode == TlsMode::LetsEncrypt && plan.steps.contains(QStringLiteral("tls")),
        PlanFile::tr("missing: the environment variable that holds the Cloudflare API token"));
    t.cloudflareApi = r.string(tls, path, QStringLiteral("cloudflare_api"));
    if (!t.cloudflareApi.isEmpty() && !t.cloudflareApi.startsWith(QLatin1String("https://")))
        r.fail(path + QStringLiteral(".cloudflare_api"), PlanFile::tr("must be an https:// address"));
    t.dnsWait = r.integer(tls, path, QStringLiteral("dns_wait"), 10, 1, 3600);
    t.httpPort = r.integer(tls, path, QStringLiteral("http_port"), 80, 1, 65535);
    t.httpAddress = r.string(tls, path, QStringLiteral("http_address"));
    if (!t.httpAddress.isEmpty() && QHostAddress(t.httpAddress).isNull())
        r.fail(path + QStringLiteral(".http_address"), PlanFile::tr("\"%1\" is not an IP address").arg(t.httpAddress));
    t.certificate = r.string(tls, path, QStringLiteral("certificate"));
    t.key = r.string(tls, path, QStringLiteral("key"));
    if (t.mode == TlsMode::Existing && plan.steps.contains(QStringLiteral("tls"))) {
        if (t.certificate.isEmpty())
            r.fail(path + QStringLiteral(".certificate"), PlanFile::tr("missing: the certificate file on the server"));
        if (t.key.isEmpty())
            r.fail(path + QStringLiteral(".key"), PlanFile::tr("missing: the private key file on the server"));
    }
    if (plan.steps.contains(QStringLiteral("tls")) && plan.hostname.isEmpty())
        r.fail(QStringLiteral("hostname"), PlanFile::tr("missing: the step tls needs the host name to certify"));
}

void readTestMail(Reader &r, const QJsonObject &root, Plan &plan)
{
    const QString path = QStringLiteral("test_mail");
    const QJsonObject test = r.object(root, {}, path);
    r.onlyKeys(test, path,
        { QStringLiteral("to"), QStringLiteral("from"), QStringLiteral("password_env"), QStringLiteral("security") });
    TestMailPlan &t = plan.testMail;
    t.to = r.string(test, path, QStringLiteral("to"));
    t.from = r.string(test, path, QStringLiteral("from")).toLower();
    t.passwordEnv = r.string(test, path, QStringLiteral("password_env"));
    for (const AccountPlan &account : std::as_const(plan.accounts)) {
        if (!account.passwordEnv.isEmpty() && (t.from.isEmpty() || t.from == account.email)) {
            if (t.from.isEmpty())
                t.from = account.email;
            if (t.passwordEnv.isEmpty())
                t.passwordEnv = account.passwordEnv;
            break;
        }
    }
    const QString security = r.string(test, path, QStringLiteral("security"), QStringLiteral("starttls"));
    if (security != QLatin1String("starttls") && security != QLatin1String("tls"))
        r.fail(path + QStringLiteral(".security"), PlanFile::tr("must be \"starttls\" or \"tls\""));
    t.implicitTls = security == QLatin1String("tls");
    if (!plan.steps.contains(QStringLiteral("send-test")))
        return;
    if (!validAddress(t.to) && t.to != QLatin1String("reflector"))
        r.fail(path + QStringLiteral(".to"),
            PlanFile::tr("missing or not an email address: where the test message goes (or \"reflector\" for the "
                         "server's self-check)"));
    if (!validAddress(t.from))
        r.fail(path + QStringLiteral(".from"), PlanFile::tr("missing or not an email address: the account that sends"));
    if (t.passwordEnv.isEmpty())
        r.fail(path + QStringLiteral(".password_env"),
            PlanFile::tr("missing: the environment variable that holds the password of %1").arg(t.from));
    else if (!validEnvironmentName(t.passwordEnv))
        r.fail(path + QStringLiteral(".password_env"),
            PlanFile::tr("\"%1\" is not an environment variable name (letters, digits and _)").arg(t.passwordEnv));
}

void readBackup(Reader &r, const QJsonObject &root, Plan &plan)
{
    const QString path = QStringLiteral("backup");
    const QJsonObject backup = r.object(root, {}, path);
    r.onlyKeys(backup, path,
        { QStringLiteral("remote"), QStringLiteral("encrypt"), QStringLiteral("passphrase_env"), QStringLiteral("download_to") });
    BackupPlan &b = plan.backup;
    b.remote = r.string(backup, path, QStringLiteral("remote"));
    if (!b.remote.isEmpty() && !validGitRemote(b.remote))
        r.fail(path + QStringLiteral(".remote"),
            PlanFile::tr("\"%1\" is not the SSH address of a git repository, like git@github.com:you/mail-config.git")
                .arg(b.remote));
    const QJsonValue encrypt = backup.value(QStringLiteral("encrypt"));
    if (!encrypt.isUndefined() && !encrypt.isBool())
        r.fail(path + QStringLiteral(".encrypt"), PlanFile::tr("must be true or false"));
    b.encrypt = encrypt.toBool(true);
    b.passphraseEnv = environmentName(r, backup, path, QStringLiteral("passphrase_env"),
        b.encrypt && plan.steps.contains(QStringLiteral("backup")),
        PlanFile::tr("missing: the environment variable that holds the backup's passphrase"));
    b.downloadTo = r.string(backup, path, QStringLiteral("download_to"), QStringLiteral("."));

    const QString restorePath = QStringLiteral("restore");
    const QJsonObject restore = r.object(root, {}, restorePath);
    r.onlyKeys(restore, restorePath, { QStringLiteral("from"), QStringLiteral("passphrase_env") });
    RestorePlan &t = plan.restore;
    t.from = r.string(restore, restorePath, QStringLiteral("from"));
    t.passphraseEnv = environmentName(r, restore, restorePath, QStringLiteral("passphrase_env"), false, {});
    if (!plan.steps.contains(QStringLiteral("restore")))
        return;
    if (t.from.isEmpty())
        r.fail(restorePath + QStringLiteral(".from"),
            PlanFile::tr("missing: the git remote (git@host:path.git) or the .tar.gz archive to restore from"));
    else if (!t.fromArchive() && !validGitRemote(t.from))
        r.fail(restorePath + QStringLiteral(".from"),
            PlanFile::tr("\"%1\" is neither the SSH address of a git repository nor a .tar.gz archive").arg(t.from));
}

} // namespace

const QStringList &knownSteps()
{
    static const QStringList steps { QStringLiteral("probe"), QStringLiteral("enable-ipv6"), QStringLiteral("install"),
        QStringLiteral("restore"), QStringLiteral("hostname"), QStringLiteral("tls"), QStringLiteral("dkim"), QStringLiteral("accounts"), QStringLiteral("forwarding"),
        QStringLiteral("backup"), QStringLiteral("status"), QStringLiteral("check-dns"), QStringLiteral("send-test"),
        QStringLiteral("download-backup"), QStringLiteral("uninstall") };
    return steps;
}

wizard::Result<Plan> parsePlan(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Failure { position(json, error.offset) + QStringLiteral(": ") + error.errorString() };
    if (!document.isObject())
        return Failure { PlanFile::tr("line 1, column 1: a plan is one JSON object { … }") };
    const QJsonObject root = document.object();

    Reader r;
    Plan plan;
    r.onlyKeys(root, {},
        { QStringLiteral("server"), QStringLiteral("steps"), QStringLiteral("install"), QStringLiteral("probe"),
            QStringLiteral("hostname"), QStringLiteral("domains"), QStringLiteral("accounts"),
            QStringLiteral("forwarding"), QStringLiteral("status"), QStringLiteral("dns"), QStringLiteral("tls"), QStringLiteral("test_mail"),
            QStringLiteral("backup"), QStringLiteral("restore") });
    readServer(r, root, plan);

    const QStringList steps = r.strings(root.value(QStringLiteral("steps")), QStringLiteral("steps"));
    if (steps.isEmpty())
        r.fail(QStringLiteral("steps"), PlanFile::tr("missing: the steps to run, from %1").arg(knownSteps().join(QStringLiteral(", "))));
    for (const QString &step : steps) {
        if (!knownSteps().contains(step))
            r.fail(QStringLiteral("steps"),
                PlanFile::tr("unknown step \"%1\"; the steps are %2").arg(step, knownSteps().join(QStringLiteral(", "))));
    }
    for (const QString &step : knownSteps()) {
        if (steps.contains(step))
            plan.steps << step; // the order of knownSteps(), whatever the file's
    }
    if (plan.steps.contains(QStringLiteral("install")) && plan.steps.contains(QStringLiteral("uninstall")))
        r.fail(QStringLiteral("steps"), PlanFile::tr("\"install\" and \"uninstall\" cannot be in one plan"));

    readInstall(r, root, plan);
    const QJsonObject probe = r.object(root, {}, QStringLiteral("probe"));
    r.onlyKeys(probe, QStringLiteral("probe"), { QStringLiteral("outbound_check") });
    plan.outboundCheck = r.string(probe, QStringLiteral("probe"), QStringLiteral("outbound_check"), plan.outboundCheck);
    ProbeOptions probeOptions;
    if (!setOutboundCheck(probeOptions, plan.outboundCheck))
        r.fail(QStringLiteral("probe.outbound_check"),
            PlanFile::tr("must be HOST:PORT, e.g. gmail-smtp-in.l.google.com:25"));

    plan.hostname = r.string(root, {}, QStringLiteral("hostname")).toLower();
    if (!plan.hostname.isEmpty() && !validDomain(plan.hostname))
        r.fail(QStringLiteral("hostname"), PlanFile::tr("\"%1\" is not a host name like mail.example.org").arg(plan.hostname));
    const bool needsHostname = plan.steps.contains(QStringLiteral("hostname")) || plan.steps.contains(QStringLiteral("install"));
    if (needsHostname && plan.hostname.isEmpty())
        r.fail(QStringLiteral("hostname"), PlanFile::tr("missing: the server's mail host name, e.g. mail.example.org"));

    for (const QString &domain : r.strings(root.value(QStringLiteral("domains")), QStringLiteral("domains"))) {
        if (!validDomain(domain))
            r.fail(QStringLiteral("domains"), PlanFile::tr("\"%1\" is not a domain like example.org").arg(domain));
        plan.domains << domain.toLower();
    }
    if ((plan.steps.contains(QStringLiteral("install")) || plan.steps.contains(QStringLiteral("dkim"))) && plan.domains.isEmpty())
        r.fail(QStringLiteral("domains"), PlanFile::tr("missing: the domains to receive mail for"));
    readAccounts(r, root, plan);
    readForwarding(r, root, plan);

    const QJsonObject status = r.object(root, {}, QStringLiteral("status"));
    r.onlyKeys(status, QStringLiteral("status"), { QStringLiteral("log_lines") });
    plan.logLines = r.integer(status, QStringLiteral("status"), QStringLiteral("log_lines"), 20, 0, 10000);

    readDns(r, root, plan);
    readTls(r, root, plan);
    readTestMail(r, root, plan);
    readBackup(r, root, plan);

    if (r.problem)
        return *r.problem;
    return plan;
}

} // namespace postwr::steps
