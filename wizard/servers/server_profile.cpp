#include "servers/server_profile.h"

#include <QSettings>

namespace postwr::servers {

namespace {

const QString kGroup = QStringLiteral("servers");

QString authName(remote::AuthMethod method)
{
    switch (method) {
    case remote::AuthMethod::Agent:
        return QStringLiteral("agent");
    case remote::AuthMethod::Password:
        return QStringLiteral("password");
    case remote::AuthMethod::KeyFile:
        break;
    }
    return QStringLiteral("key");
}

remote::AuthMethod authMethod(const QString &name)
{
    if (name == QLatin1String("agent"))
        return remote::AuthMethod::Agent;
    if (name == QLatin1String("password"))
        return remote::AuthMethod::Password;
    return remote::AuthMethod::KeyFile;
}

void write(QSettings &settings, const ServerProfile &p)
{
    settings.setValue(QStringLiteral("host"), p.target.host);
    settings.setValue(QStringLiteral("port"), p.target.port);
    settings.setValue(QStringLiteral("user"), p.target.user);
    settings.setValue(QStringLiteral("auth"), authName(p.auth));
    settings.setValue(QStringLiteral("key_file"), p.keyFile);
    settings.setValue(QStringLiteral("domain"), p.domain);
    settings.setValue(QStringLiteral("hostname"), p.hostname);
    settings.setValue(QStringLiteral("mode"), p.install.mode == steps::InstallMode::User ? QStringLiteral("user") : QStringLiteral("system"));
    settings.setValue(QStringLiteral("prefix"), p.install.prefix);
    settings.setValue(QStringLiteral("listen"), p.install.listen);
    settings.setValue(QStringLiteral("ports"),
        QStringList { QString::number(p.install.ports.smtp), QString::number(p.install.ports.submission),
            QString::number(p.install.ports.submissions) });
    QStringList settingLines;
    for (auto it = p.install.settings.begin(); it != p.install.settings.end(); ++it)
        settingLines << it.key() + QLatin1Char('=') + it.value();
    settings.setValue(QStringLiteral("settings"), settingLines);
    settings.setValue(QStringLiteral("accounts"), p.accounts);
    settings.setValue(QStringLiteral("dns_ipv4"), p.dns.ipv4);
    settings.setValue(QStringLiteral("dns_ipv6"), p.dns.ipv6);
    settings.setValue(QStringLiteral("dns_servers"), p.dns.servers);
    settings.setValue(QStringLiteral("dns_receive_here"), p.dns.receiveHere);
    settings.setValue(QStringLiteral("dns_spf_include"), p.dns.spfIncludes);
    settings.setValue(QStringLiteral("dns_spf_hard_all"), p.dns.spfHardAll);
    settings.setValue(QStringLiteral("dns_dmarc_policy"), p.dns.dmarcPolicy);
    settings.setValue(QStringLiteral("dns_dmarc_reports"), p.dns.dmarcReports);
    settings.setValue(QStringLiteral("dns_blocklists"), p.dns.blocklists);
}

ServerProfile read(QSettings &settings)
{
    ServerProfile p;
    p.target.host = settings.value(QStringLiteral("host")).toString();
    p.target.port = quint16(settings.value(QStringLiteral("port"), 22).toUInt());
    p.target.user = settings.value(QStringLiteral("user")).toString();
    p.auth = authMethod(settings.value(QStringLiteral("auth")).toString());
    p.keyFile = settings.value(QStringLiteral("key_file")).toString();
    p.domain = settings.value(QStringLiteral("domain")).toString();
    p.hostname = settings.value(QStringLiteral("hostname")).toString();
    p.install.mode = settings.value(QStringLiteral("mode")).toString() == QLatin1String("user") ? steps::InstallMode::User
                                                                                              : steps::InstallMode::System;
    p.install.prefix = settings.value(QStringLiteral("prefix"), p.install.prefix).toString();
    p.install.listen = settings.value(QStringLiteral("listen")).toString();
    const QStringList ports = settings.value(QStringLiteral("ports")).toStringList();
    if (ports.size() == 3)
        p.install.ports = { quint16(ports[0].toUInt()), quint16(ports[1].toUInt()), quint16(ports[2].toUInt()) };
    for (const QString &line : settings.value(QStringLiteral("settings")).toStringList()) {
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals > 0)
            p.install.settings.insert(line.left(equals), line.mid(equals + 1));
    }
    p.accounts = settings.value(QStringLiteral("accounts")).toStringList();
    p.dns.ipv4 = settings.value(QStringLiteral("dns_ipv4")).toString();
    p.dns.ipv6 = settings.value(QStringLiteral("dns_ipv6")).toString();
    p.dns.servers = settings.value(QStringLiteral("dns_servers")).toString();
    p.dns.receiveHere = settings.value(QStringLiteral("dns_receive_here"), true).toBool();
    p.dns.spfIncludes = settings.value(QStringLiteral("dns_spf_include")).toStringList();
    p.dns.spfHardAll = settings.value(QStringLiteral("dns_spf_hard_all"), false).toBool();
    p.dns.dmarcPolicy = settings.value(QStringLiteral("dns_dmarc_policy"), p.dns.dmarcPolicy).toString();
    p.dns.dmarcReports = settings.value(QStringLiteral("dns_dmarc_reports")).toString();
    p.dns.blocklists = settings.value(QStringLiteral("dns_blocklists")).toStringList();
    return p;
}

} // namespace

QString ServerProfile::id() const
{
    return QStringLiteral("%1@%2:%3").arg(target.user, target.host).arg(target.port);
}

steps::Plan ServerProfile::plan() const
{
    steps::Plan plan;
    plan.server.target = target;
    plan.server.auth = auth;
    plan.server.keyFile = keyFile;
    plan.install = install;
    plan.hostname = hostname;
    plan.dns = dns;
    if (!domain.isEmpty())
        plan.domains = { domain };
    return plan;
}

ServerProfile ServerProfile::fromPlan(const steps::Plan &plan, const QStringList &accounts)
{
    ServerProfile p;
    p.target = plan.server.target;
    p.auth = plan.server.auth;
    p.keyFile = plan.server.keyFile;
    p.domain = plan.domains.value(0);
    p.hostname = plan.hostname;
    p.install = plan.install;
    p.dns = plan.dns;
    p.install.purge = false;
    p.install.stopConflictingMta = false;
    p.accounts = accounts;
    return p;
}

QList<ServerProfile> loadProfiles(QSettings &settings)
{
    QList<ServerProfile> profiles;
    const int count = settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ServerProfile profile = read(settings);
        if (!profile.target.host.isEmpty())
            profiles << profile;
    }
    settings.endArray();
    return profiles;
}

namespace {

void writeAll(QSettings &settings, const QList<ServerProfile> &profiles)
{
    settings.remove(kGroup);
    settings.beginWriteArray(kGroup, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        settings.setArrayIndex(i);
        write(settings, profiles[i]);
    }
    settings.endArray();
    settings.sync();
}

} // namespace

void saveProfile(QSettings &settings, const ServerProfile &profile)
{
    QList<ServerProfile> profiles = loadProfiles(settings);
    bool replaced = false;
    for (ServerProfile &existing : profiles) {
        if (existing.id() == profile.id()) {
            existing = profile;
            replaced = true;
        }
    }
    if (!replaced)
        profiles << profile;
    writeAll(settings, profiles);
}

void removeProfile(QSettings &settings, const QString &id)
{
    QList<ServerProfile> profiles = loadProfiles(settings);
    profiles.removeIf([&](const ServerProfile &p) { return p.id() == id; });
    writeAll(settings, profiles);
}

QString sshSecretName(const QString &serverId)
{
    return QStringLiteral("ssh:") + serverId;
}

QString accountSecretName(const QString &serverId, const QString &email)
{
    return QStringLiteral("account:%1:%2").arg(serverId, email);
}

} // namespace postwr::servers
