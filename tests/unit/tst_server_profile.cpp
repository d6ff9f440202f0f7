// The remembered servers: what is saved comes back the same, a server is
// saved once however often, removing one keeps the others, and nothing in
// the settings file is a secret.

#include "servers/server_profile.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace postwr;
using namespace postwr::servers;

namespace {

ServerProfile sample(const QString &host)
{
    ServerProfile p;
    p.target = { host, 2222, QStringLiteral("deploy") };
    p.auth = remote::AuthMethod::Password;
    p.keyFile = QStringLiteral("/home/me/.ssh/id_ed25519");
    p.domain = QStringLiteral("example.org");
    p.hostname = QStringLiteral("mail.example.org");
    p.install.mode = steps::InstallMode::User;
    p.install.prefix = QStringLiteral("~/mail");
    p.install.listen = QStringLiteral("127.0.0.1");
    p.install.ports = { 2525, 2587, 2465 };
    p.install.settings = { { QStringLiteral("dns.servers"), QStringLiteral("127.0.0.1:5353") } };
    p.accounts = { QStringLiteral("me@example.org"), QStringLiteral("shop@example.org") };
    p.dns.ipv4 = QStringLiteral("203.0.113.5");
    p.dns.ipv6 = QStringLiteral("2001:db8::5");
    p.dns.servers = QStringLiteral("9.9.9.9");
    p.dns.receiveHere = false;
    p.dns.spfIncludes = { QStringLiteral("_spf.google.com"), QStringLiteral("spf.protection.outlook.com") };
    p.dns.spfHardAll = true;
    p.dns.dmarcPolicy = QStringLiteral("none");
    p.dns.dmarcReports = QStringLiteral("reports@example.org");
    return p;
}

} // namespace

class ServerProfileTest : public QObject {
    Q_OBJECT

private slots:
    void roundTrip()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("postwr.ini")), QSettings::IniFormat);
        QVERIFY(loadProfiles(settings).isEmpty());
        const ServerProfile saved = sample(QStringLiteral("vps.example.org"));
        saveProfile(settings, saved);

        QSettings again(dir.filePath(QStringLiteral("postwr.ini")), QSettings::IniFormat);
        const QList<ServerProfile> loaded = loadProfiles(again);
        QCOMPARE(loaded.size(), 1);
        const ServerProfile &p = loaded.first();
        QCOMPARE(p.id(), QStringLiteral("deploy@vps.example.org:2222"));
        QCOMPARE(p.auth, remote::AuthMethod::Password);
        QCOMPARE(p.keyFile, saved.keyFile);
        QCOMPARE(p.domain, saved.domain);
        QCOMPARE(p.hostname, saved.hostname);
        QCOMPARE(p.install.mode, steps::InstallMode::User);
        QCOMPARE(p.install.prefix, saved.install.prefix);
        QCOMPARE(p.install.listen, saved.install.listen);
        QCOMPARE(p.install.ports.submission, quint16(2587));
        QCOMPARE(p.install.settings, saved.install.settings);
        QCOMPARE(p.accounts, saved.accounts);
        QCOMPARE(p.dns.ipv4, saved.dns.ipv4);
        QCOMPARE(p.dns.ipv6, saved.dns.ipv6);
        QCOMPARE(p.dns.servers, saved.dns.servers);
        QCOMPARE(p.dns.receiveHere, saved.dns.receiveHere);
        QCOMPARE(p.dns.spfIncludes, saved.dns.spfIncludes);
        QCOMPARE(p.dns.spfHardAll, saved.dns.spfHardAll);
        QCOMPARE(p.dns.dmarcPolicy, saved.dns.dmarcPolicy);
        QCOMPARE(p.dns.dmarcReports, saved.dns.dmarcReports);

        const steps::Plan plan = p.plan();
        QCOMPARE(plan.server.target.host, QStringLiteral("vps.example.org"));
        QCOMPARE(plan.domains, QStringList { QStringLiteral("example.org") });
        QCOMPARE(plan.install.ports.smtp, quint16(2525));
        QCOMPARE(plan.dns.servers, QStringLiteral("9.9.9.9"));
    }

    void savedOnceRemovedAlone()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("postwr.ini")), QSettings::IniFormat);
        saveProfile(settings, sample(QStringLiteral("a.example.org")));
        saveProfile(settings, sample(QStringLiteral("b.example.org")));
        ServerProfile changed = sample(QStringLiteral("a.example.org"));
        changed.accounts = { QStringLiteral("new@example.org") };
        saveProfile(settings, changed);
        QList<ServerProfile> loaded = loadProfiles(settings);
        QCOMPARE(loaded.size(), 2);
        QCOMPARE(loaded[0].accounts, changed.accounts);

        removeProfile(settings, loaded[0].id());
        loaded = loadProfiles(settings);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(loaded[0].target.host, QStringLiteral("b.example.org"));
    }

    // fromPlan() takes what identifies the server, nothing that would act again.
    void fromPlanDropsOneTimeChoices()
    {
        steps::Plan plan;
        plan.server.target = { QStringLiteral("h.example"), 22, QStringLiteral("root") };
        plan.server.passwordEnv = QStringLiteral("SSH_PW");
        plan.domains = { QStringLiteral("example.org") };
        plan.install.purge = true;
        plan.install.stopConflictingMta = true;
        const ServerProfile p = ServerProfile::fromPlan(plan, { QStringLiteral("me@example.org") });
        QVERIFY(!p.install.purge);
        QVERIFY(!p.install.stopConflictingMta);
        QCOMPARE(p.domain, QStringLiteral("example.org"));
    }

    void keyringNamesTellServersApart()
    {
        const QString a = sample(QStringLiteral("a.example.org")).id();
        const QString b = sample(QStringLiteral("b.example.org")).id();
        QVERIFY(sshSecretName(a) != sshSecretName(b));
        QVERIFY(accountSecretName(a, QStringLiteral("me@example.org")) != accountSecretName(b, QStringLiteral("me@example.org")));
        QVERIFY(accountSecretName(a, QStringLiteral("me@example.org")) != sshSecretName(a));
    }
};

QTEST_GUILESS_MAIN(ServerProfileTest)
#include "tst_server_profile.moc"
