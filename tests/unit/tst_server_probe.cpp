// The probe's parser and advice (wizard/steps/server_probe.h,
// probe_advice.h) and the IPv6 step's sans-IO parts, on outputs crafted
// like those of real servers.

#include "steps/ipv6_step.h"
#include "steps/probe_advice.h"
#include "steps/server_probe.h"

#include <QTest>

using namespace postwr::steps;

namespace {

struct Sections {
    QString os = QStringLiteral("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nNAME=\"Debian GNU/Linux\"\n"
                                "VERSION_ID=\"12\"\nID=debian\n");
    QString arch = QStringLiteral("x86_64");
    QString init = QStringLiteral("pid1=systemd\nsystemd=yes");
    QString memory = QStringLiteral("MemTotal:        2030000 kB\nMemAvailable:    1500000 kB");
    QString disk = QStringLiteral("/dev/vda1  41152736 2375272 36663464  7% /");
    QString names = QStringLiteral("hostname=vps\nfqdn=vps.example.org");
    QString addresses = QStringLiteral("inet 93.184.216.34/24\ninet6 2a01:4f8:1c1c:1::1/64\ninet 10.0.0.5/8");
    QString reverse = QStringLiteral("93.184.216.34 mail.example.org\n2a01:4f8:1c1c:1::1 \n10.0.0.5 ");
    QString ipv6 = QStringLiteral("all=0");
    QString listeners = QStringLiteral("ss=yes");
    QString mtas;
    QString postwrd;
    QString outbound = QStringLiteral("open");

    QString text(const QString &leaveOut = {}) const
    {
        const QList<QPair<QString, QString>> parts { { "os", os }, { "arch", arch }, { "init", init },
            { "memory", memory }, { "disk", disk }, { "names", names }, { "addresses", addresses },
            { "reverse", reverse }, { "ipv6", ipv6 }, { "listeners", listeners }, { "mtas", mtas },
            { "postwrd", postwrd }, { "outbound", outbound }, { "end", {} } };
        QString out;
        for (const auto &[name, body] : parts) {
            if (name == leaveOut)
                continue;
            out += QStringLiteral("@@postwr-probe ") + name + QLatin1Char('\n');
            if (!body.isEmpty())
                out += body + QLatin1Char('\n');
        }
        return out;
    }
};

ProbeReport parsed(const Sections &sections)
{
    const auto report = parseProbe(sections.text());
    return report.ok() ? *report : ProbeReport {};
}

// The level of the finding about `topic` (the first one), or -1.
int levelOf(const QList<Finding> &findings, const QString &topic)
{
    for (const Finding &finding : findings) {
        if (finding.topic == topic)
            return int(finding.level);
    }
    return -1;
}

QString textOf(const QList<Finding> &findings, const QString &topic)
{
    QStringList texts;
    for (const Finding &finding : findings) {
        if (finding.topic == topic)
            texts << finding.text;
    }
    return texts.join(QLatin1Char('\n'));
}

AdviceContext context()
{
    return { InstallMode::System, {}, QStringLiteral("mail.example.org") };
}

} // namespace

class ServerProbeTest : public QObject {
    Q_OBJECT

private slots:
    void parsesEverySection()
    {
        Sections s;
        s.listeners = QStringLiteral("ss=yes\nLISTEN 0 100 0.0.0.0:25 0.0.0.0:* users:((\"master\",pid=812,fd=13))\n"
                                     "LISTEN 0 100 [::]:25 [::]:* users:((\"master\",pid=812,fd=14))\n"
                                     "LISTEN 0 4096 127.0.0.1:587 0.0.0.0:*");
        s.mtas = QStringLiteral("postfix");
        s.postwrd = QStringLiteral("postwrd 0.1.0");
        const auto report = parseProbe(s.text());
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.failure().message));
        QCOMPARE(report->osId, QStringLiteral("debian"));
        QCOMPARE(report->osName, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        QCOMPARE(report->osVersion, QStringLiteral("12"));
        QCOMPARE(report->architecture, QStringLiteral("x86_64"));
        QVERIFY(report->hasSystemd);
        QCOMPARE(report->memoryTotalKiB, 2030000);
        QCOMPARE(report->memoryAvailableKiB, 1500000);
        QCOMPARE(report->diskFreeKiB, 36663464);
        QCOMPARE(report->fqdn, QStringLiteral("vps.example.org"));
        QCOMPARE(report->addresses.size(), 3);
        QCOMPARE(report->addresses[0].address, QStringLiteral("93.184.216.34"));
        QVERIFY(report->addresses[0].isPublic);
        QCOMPARE(report->addresses[0].reverseNames, QStringList { QStringLiteral("mail.example.org") });
        QVERIFY(report->addresses[1].ipv6);
        QVERIFY(report->addresses[1].reverseNames.isEmpty());
        QVERIFY(!report->addresses[2].isPublic);
        QCOMPARE(report->listeners.size(), 2); // port 25 once, though on two addresses
        QCOMPARE(report->listeners[0].process, QStringLiteral("master"));
        QCOMPARE(report->listeners[1].port, quint16(587));
        QCOMPARE(report->listeners[1].process, QString()); // not visible without root
        QCOMPARE(report->mtas, QStringList { QStringLiteral("postfix") });
        QCOMPARE(report->postwrdVersion, QStringLiteral("postwrd 0.1.0"));
        QCOMPARE(report->outbound, OutboundState::Open);
    }

    void aMissingSectionIsAnError_data()
    {
        QTest::addColumn<QString>("section");
        for (const char *name : { "os", "addresses", "listeners", "outbound", "end" })
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void aMissingSectionIsAnError()
    {
        QFETCH(QString, section);
        const auto report = parseProbe(Sections().text(section));
        QVERIFY(!report.ok());
        QVERIFY2(report.failure().message.contains(QLatin1Char('"') + section + QLatin1Char('"')),
            qPrintable(report.failure().message));
    }

    void publicAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("isPublic");
        QTest::newRow("public IPv4") << "93.184.216.34" << true;
        QTest::newRow("RFC 1918") << "192.168.1.10" << false;
        QTest::newRow("RFC 1918, 172.16/12") << "172.31.255.1" << false;
        QTest::newRow("CGNAT") << "100.64.0.1" << false;
        QTest::newRow("loopback") << "127.0.0.1" << false;
        QTest::newRow("documentation") << "203.0.113.9" << false;
        QTest::newRow("public IPv6") << "2a01:4f8:1c1c:1::1" << true;
        QTest::newRow("ULA") << "fd00::1" << false;
        QTest::newRow("link-local IPv6") << "fe80::1" << false;
        QTest::newRow("IPv6 documentation") << "2001:db8::1" << false;
        QTest::newRow("not an address") << "vps" << false;
    }

    void publicAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, isPublic);
        QCOMPARE(isPublicAddress(address), isPublic);
    }

    void outboundCheckOption_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("name") << "gmail-smtp-in.l.google.com:25" << true << "gmail-smtp-in.l.google.com" << 25;
        QTest::newRow("IPv6") << "[::1]:2525" << true << "::1" << 2525;
        QTest::newRow("no port") << "example.org" << false << "" << 0;
        QTest::newRow("port 0") << "example.org:0" << false << "" << 0;
        QTest::newRow("port too big") << "example.org:70000" << false << "" << 0;
    }

    void outboundCheckOption()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, host);
        QFETCH(int, port);
        ProbeOptions options;
        QCOMPARE(setOutboundCheck(options, text), ok);
        if (ok) {
            QCOMPARE(options.outboundHost, host);
            QCOMPARE(int(options.outboundPort), port);
        }
    }

    void advice_data()
    {
        QTest::addColumn<QString>("change"); // what differs from a good Debian server
        QTest::addColumn<QString>("topic");
        QTest::addColumn<int>("level");
        QTest::addColumn<QString>("says");

        const int good = int(Finding::Level::Good);
        const int warning = int(Finding::Level::Warning);
        const int problem = int(Finding::Level::Problem);
        QTest::newRow("Debian is good") << "" << "os" << good << "Debian GNU/Linux 12";
        QTest::newRow("another OS is a warning") << "os=alpine" << "os" << warning << "tested on Debian and Ubuntu";
        QTest::newRow("ARM is a problem") << "arch=aarch64" << "arch" << problem << "built for x86_64";
        QTest::newRow("no systemd in system mode") << "init=none" << "init" << problem << "user install";
        QTest::newRow("little memory") << "memory=low" << "memory" << warning << "100 MiB";
        QTest::newRow("full disk") << "disk=full" << "disk" << problem << "free some space";
        QTest::newRow("PTR as planned") << "" << "rdns" << good << "93.184.216.34 is mail.example.org";
        QTest::newRow("no PTR for IPv6") << "" << "rdns" << problem << "2a01:4f8:1c1c:1::1 has no reverse DNS";
        QTest::newRow("wrong PTR") << "ptr=other" << "rdns" << warning << "is vps.provider.net, not mail.example.org";
        QTest::newRow("IPv6 switched off") << "ipv6=off" << "ipv6" << warning << "Enable IPv6";
        QTest::newRow("port 25 free") << "" << "port25" << good << "Port 25 is free";
        QTest::newRow("Postfix on port 25") << "postfix" << "port25" << problem << "Port 25 is taken by Postfix";
        QTest::newRow("postwrd on port 25") << "postwrd" << "port25" << good << "postwrd's already";
        QTest::newRow("outbound open") << "" << "outbound25" << good << "open";
        QTest::newRow("outbound blocked") << "outbound=blocked" << "outbound25" << problem
                                          << "Your provider blocks outbound port 25";
        QTest::newRow("outbound refused") << "outbound=refused" << "outbound25" << warning << "Connection refused";
        QTest::newRow("no ss") << "ss=no" << "ports" << warning << "iproute2";
        QTest::newRow("no df") << "disk=unknown" << "disk" << warning << "Cannot tell how much disk space";
        QTest::newRow("no /proc/meminfo") << "memory=unknown" << "memory" << warning << "Cannot tell how much memory";
        QTest::newRow("IPv6 off for new interfaces") << "ipv6=default" << "ipv6" << warning << "Enable IPv6";
        QTest::newRow("no IPv6 in the kernel") << "ipv6=missing" << "ipv6" << warning << "ipv6.disable=1";
    }

    void advice()
    {
        QFETCH(QString, change);
        QFETCH(QString, topic);
        QFETCH(int, level);
        QFETCH(QString, says);
        Sections s;
        if (change == QLatin1String("os=alpine"))
            s.os = QStringLiteral("PRETTY_NAME=\"Alpine Linux v3.19\"\nID=alpine\n");
        else if (change == QLatin1String("arch=aarch64"))
            s.arch = QStringLiteral("aarch64");
        else if (change == QLatin1String("init=none"))
            s.init = QStringLiteral("pid1=init");
        else if (change == QLatin1String("memory=low"))
            s.memory = QStringLiteral("MemTotal: 102400 kB\nMemAvailable: 51200 kB");
        else if (change == QLatin1String("disk=full"))
            s.disk = QStringLiteral("/dev/vda1 41152736 41100000 52736 100% /");
        else if (change == QLatin1String("ptr=other"))
            s.reverse = QStringLiteral("93.184.216.34 vps.provider.net");
        else if (change == QLatin1String("ipv6=off"))
            s.ipv6 = QStringLiteral("all=1");
        else if (change == QLatin1String("postfix"))
            s.listeners = QStringLiteral("ss=yes\nLISTEN 0 100 0.0.0.0:25 0.0.0.0:* users:((\"master\",pid=1,fd=13))");
        else if (change == QLatin1String("postwrd"))
            s.listeners = QStringLiteral("ss=yes\nLISTEN 0 100 0.0.0.0:25 0.0.0.0:* users:((\"postwrd\",pid=1,fd=7))");
        else if (change == QLatin1String("outbound=blocked"))
            s.outbound = QStringLiteral("blocked");
        else if (change == QLatin1String("outbound=refused"))
            s.outbound = QStringLiteral("refused bash: connect: Connection refused");
        else if (change == QLatin1String("disk=unknown"))
            s.disk.clear();
        else if (change == QLatin1String("memory=unknown"))
            s.memory.clear();
        else if (change == QLatin1String("ipv6=default"))
            s.ipv6 = QStringLiteral("all=0\ndefault=1");
        else if (change == QLatin1String("ipv6=missing"))
            s.ipv6 = QStringLiteral("all=\ndefault=");
        else if (change == QLatin1String("ss=no"))
            s.listeners = QStringLiteral("ss=no");
        const QList<Finding> findings = adviceFor(parsed(s), context());
        QStringList atLevel;
        for (const Finding &finding : findings) {
            if (finding.topic == topic && int(finding.level) == level)
                atLevel << finding.text;
        }
        QVERIFY2(atLevel.join(QLatin1Char('\n')).contains(says),
            qPrintable(QStringLiteral("level %1 findings about %2:\n%3\nall about it:\n%4")
                           .arg(level)
                           .arg(topic, atLevel.join(QLatin1Char('\n')), textOf(findings, topic))));
        QVERIFY(levelOf(findings, topic) >= 0);
    }

    void ipv6State_data()
    {
        QTest::addColumn<QString>("output");
        QTest::addColumn<bool>("disabled");
        QTest::addColumn<int>("addresses");
        QTest::addColumn<QStringList>("files");
        QTest::newRow("on, with an address") << "disabled=0\naddresses=1\n" << false << 1 << QStringList();
        QTest::newRow("off by sysctl.conf")
            << "disabled=1\naddresses=0\nfile=/etc/sysctl.conf\nfile=/etc/sysctl.d/99-no-ipv6.conf\n" << true << 0
            << QStringList { QStringLiteral("/etc/sysctl.conf"), QStringLiteral("/etc/sysctl.d/99-no-ipv6.conf") };
    }

    void ipv6State()
    {
        QFETCH(QString, output);
        QFETCH(bool, disabled);
        QFETCH(int, addresses);
        QFETCH(QStringList, files);
        const Ipv6State state = parseIpv6State(output);
        QCOMPARE(state.disabled, disabled);
        QCOMPARE(state.globalAddresses, addresses);
        QCOMPARE(state.disablingFiles, files);
    }

    void ipv6EnableScriptQuotesFiles()
    {
        const QString script = ipv6EnableScript({ QStringLiteral("/etc/sysctl.d/it's.conf") });
        QVERIFY2(script.contains(QStringLiteral("'/etc/sysctl.d/it'\\''s.conf'")), qPrintable(script));
        QVERIFY(script.contains(QStringLiteral("/etc/sysctl.d/60-postwr-ipv6.conf")));
        QVERIFY(script.startsWith(QStringLiteral("set -e\n")));
    }
};

QTEST_GUILESS_MAIN(ServerProbeTest)
#include "tst_server_probe.moc"
