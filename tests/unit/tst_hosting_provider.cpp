// Which hosting provider a server is at, from the default reverse-DNS name
// the provider gave its address, and where that provider lets the user set
// the reverse DNS.

#include "dnscheck/hosting_provider.h"

#include <QSet>
#include <QTest>

using namespace postwr::dnscheck;

class HostingProviderTest : public QObject {
    Q_OBJECT

private slots:
    void fromReverseName_data()
    {
        QTest::addColumn<QString>("ptr");
        QTest::addColumn<QString>("provider"); // "" for none
        QTest::newRow("Contabo VPS") << "vmi1234567.contaboserver.net" << "contabo";
        QTest::newRow("Contabo, final dot and capitals") << "VMI1234567.ContaboServer.NET." << "contabo";
        QTest::newRow("Hetzner") << "static.5.113.0.203.clients.your-server.de" << "hetzner";
        QTest::newRow("OVH dedicated") << "ns3012345.ip-203-0-113.eu" << "ovh";
        QTest::newRow("OVH address name") << "ip-203-0-113.net" << "ovh";
        QTest::newRow("OVH VPS") << "vps-1a2b3c4d.vps.ovh.net" << "ovh";
        QTest::newRow("Vultr") << "203.0.113.5.vultrusercontent.com" << "vultr";
        QTest::newRow("Vultr, older names") << "203.0.113.5.vultr.com" << "vultr";
        QTest::newRow("Linode") << "li123-45.members.linode.com" << "linode";
        QTest::newRow("Linode, newer names") << "203-0-113-5.ip.linodeusercontent.com" << "linode";
        QTest::newRow("AWS us-east-1") << "ec2-203-0-113-5.compute-1.amazonaws.com" << "lightsail";
        QTest::newRow("AWS other regions") << "ec2-203-0-113-5.eu-west-1.compute.amazonaws.com" << "lightsail";
        QTest::newRow("DigitalOcean, a droplet's default name") << "ubuntu-s-1vcpu-1gb-fra1-01" << "digitalocean";
        QTest::newRow("DigitalOcean, a larger droplet") << "debian-s-2vcpu-4gb-amd-nyc3-02" << "digitalocean";
        QTest::newRow("the user's own name") << "mail.example.org" << "";
        QTest::newRow("a lookalike domain") << "vmi1.contaboserver.net.example.org" << "";
        QTest::newRow("no name at all") << "" << "";
    }

    void fromReverseName()
    {
        QFETCH(QString, ptr);
        QFETCH(QString, provider);
        const auto found = ReverseDnsHelp::fromReverseName(ptr);
        QCOMPARE(found ? found->id : QString(), provider);
    }

    // Every provider has a panel link and its own steps naming the address
    // and the host; without a provider, the general advice.
    void stepsNameTheAddressAndHost()
    {
        const QString address = QStringLiteral("203.0.113.5");
        const QString host = QStringLiteral("mail.example.org");
        QSet<QString> texts;
        for (const HostingProvider &provider : ReverseDnsHelp::providers()) {
            QVERIFY2(provider.panelUrl.startsWith(QLatin1String("https://")), qPrintable(provider.id));
            const QString text = ReverseDnsHelp::steps(provider, address, host);
            QVERIFY2(text.contains(QStringLiteral("href=\"%1\"").arg(provider.panelUrl)), qPrintable(text));
            QVERIFY2(text.contains(address), qPrintable(text));
            QVERIFY2(text.contains(host), qPrintable(text));
            texts.insert(text);
        }
        QCOMPARE(texts.size(), ReverseDnsHelp::providers().size());
        const QString general = ReverseDnsHelp::steps(std::nullopt, address, host);
        QVERIFY(general.contains(QLatin1String("Reverse DNS")) && general.contains(address) && general.contains(host));
        QVERIFY(!general.contains(QLatin1String("href")));
    }
};

QTEST_GUILESS_MAIN(HostingProviderTest)
#include "tst_hosting_provider.moc"
