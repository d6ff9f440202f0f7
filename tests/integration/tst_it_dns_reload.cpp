// `[dns] servers` changes with a reload (SIGHUP), without a restart: with
// dnsmasq's address mail to gmail.test is delivered; switched to a closed
// port it waits (the MX cannot be looked up); switched back, it goes.

#include "support/delivery_setup.h"
#include "support/test_message.h"

#include <QTest>

class DnsReloadTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        password_ = newPassword();
        world_.postwrd.addUser(kUser, password_);
        QVERIFY2(world_.start(), qPrintable(world_.errorString()));
    }

    void serversChangeOnReload()
    {
        const QString first = submit();
        QVERIFY(!first.isEmpty());
        QVERIFY2(world_.waitForEvent(QStringLiteral("delivered"), first).hasMatch(), qPrintable(world_.postwrd.log().right(2000)));

        QVERIFY(useServers(QStringLiteral("127.0.0.1:1")));
        const QString second = submit();
        QVERIFY(!second.isEmpty());
        QVERIFY2(world_.waitForEvent(QStringLiteral("deferred"), second).hasMatch(), qPrintable(world_.postwrd.log().right(2000)));
        QVERIFY(world_.events(QStringLiteral("delivered"), second).isEmpty());

        QVERIFY(useServers(world_.dns.serverSpec()));
        QVERIFY2(world_.waitForEvent(QStringLiteral("delivered"), second, {}, 30000).hasMatch(),
            qPrintable(world_.postwrd.log().right(2000)));
    }

private:
    // A message from the local user to gmail.test; its queue id.
    QString submit()
    {
        const TestMessage message = makeMessage(kUser, QStringLiteral("me@gmail.test"), QStringLiteral("dns reload"));
        const SubmitResult sent = world_.submit(kUser, password_, { QStringLiteral("me@gmail.test") }, message.text.chopped(1));
        [&] { QVERIFY2(sent.ok(), qPrintable(sent.problem)); }();
        return sent.queueId;
    }

    // Rewrites `[dns] servers` in postwrd.conf and reloads.
    bool useServers(const QString &servers)
    {
        QByteArray config = PostwrdInstance::readFile(world_.postwrd.configFile());
        const qsizetype dns = config.indexOf("\n[dns]\nservers = ");
        if (dns < 0)
            return false;
        const qsizetype start = dns + qsizetype(qstrlen("\n[dns]\nservers = "));
        const qsizetype end = config.indexOf('\n', start);
        config.replace(start, end - start, servers.toUtf8());
        return world_.postwrd.writeConfigFile(QStringLiteral("postwrd.conf"), config) && world_.postwrd.reload();
    }

    static inline const QString kUser = QStringLiteral("me@local.test");
    DeliverySetup world_;
    QString password_;
};

QTEST_GUILESS_MAIN(DnsReloadTest)
#include "tst_it_dns_reload.moc"
