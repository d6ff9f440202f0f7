// `postwrd dns blocklists`, the real binary, asking a real DNS server
// (dnsmasq on loopback) through `[dns] servers`, as it asks on a VPS:
//
//   bl.test       a blocklist where 127.0.1.2 is listed with two codes
//                 (2.1.0.127.bl.test → 127.0.0.2 and 127.0.0.10) and
//                 2001:db8::25 with one (its 32 nibbles → 127.0.0.3);
//                 127.0.1.3 and 2001:db8::26 are not
//   refuse.test   answers 127.255.255.254 for 127.0.1.2, as Spamhaus answers
//                 queries through public resolvers
//   odd.test      answers 192.0.2.99 for 127.0.1.2: no listing
//   broken.test   SERVFAIL for everything
//
// and every other name is NXDOMAIN, the default lists' zones included. A
// second configuration points `[dns] servers` at a UDP port that never
// answers. Each case checks the exact JSON, the exit status and stderr.
//
// The IPv6 addresses are documentation addresses (2001:db8::/32): data in
// the query names only, never contacted.

#include "support/dnsmasq_instance.h"
#include "support/postwrd_instance.h"
#include "support/process_runner.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

namespace {

const QString kListedV4 = QStringLiteral("127.0.1.2");
const QString kCleanV4 = QStringLiteral("127.0.1.3");
const QString kListedV6 = QStringLiteral("2001:db8::25");
const QString kCleanV6 = QStringLiteral("2001:db8::26");

// The nibbles of 2001:db8::25, reversed (RFC 5782 §2.4).
const QString kListedV6Reversed
    = QStringLiteral("5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2");

QString failure(const QString &what, const ProcessResult &result)
{
    return QStringLiteral("%1: %2\nstdout: %3\nstderr: %4")
        .arg(what, result.status(), QString::fromUtf8(result.standardOutput),
            QString::fromUtf8(result.standardError));
}

// One result as "zone address state codes", for comparing whole runs.
QString summary(const QJsonObject &result)
{
    QStringList codes;
    for (const QJsonValue &code : result.value(QStringLiteral("codes")).toArray())
        codes << code.toString();
    return QStringLiteral("%1 %2 %3 [%4]")
        .arg(result.value(QStringLiteral("zone")).toString(),
            result.value(QStringLiteral("address")).toString(),
            result.value(QStringLiteral("state")).toString(), codes.join(QLatin1Char(',')));
}

} // namespace

class DnsBlocklistsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        dns_.addAddressWithoutPtr(QStringLiteral("2.1.0.127.bl.test"), QStringLiteral("127.0.0.2"));
        dns_.addAddressWithoutPtr(QStringLiteral("2.1.0.127.bl.test"), QStringLiteral("127.0.0.10"));
        dns_.addAddressWithoutPtr(kListedV6Reversed + QStringLiteral(".bl.test"), QStringLiteral("127.0.0.3"));
        dns_.addAddressWithoutPtr(QStringLiteral("2.1.0.127.refuse.test"), QStringLiteral("127.255.255.254"));
        dns_.addAddressWithoutPtr(QStringLiteral("2.1.0.127.odd.test"), QStringLiteral("192.0.2.99"));
        dns_.addServfailDomain(QStringLiteral("broken.test"));
        QVERIFY2(dns_.start(), qPrintable(dns_.errorString()));

        postwrd_.appendConfig(QStringLiteral("[dns]\nservers = %1\n").arg(dns_.serverSpec()));
        QVERIFY2(postwrd_.prepare(), qPrintable(postwrd_.errorString()));

        QVERIFY(mute_.bind(QHostAddress(QHostAddress::LocalHost), 0));
        unanswered_.appendConfig(QStringLiteral("[dns]\nservers = 127.0.0.1:%1\n").arg(mute_.localPort()));
        QVERIFY2(unanswered_.prepare(), qPrintable(unanswered_.errorString()));
    }

    // Each run's results in order (the addresses, then the lists), and its
    // exit status: 1 exactly when an address is listed.
    void states_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("results");

        QTest::newRow("a listed IPv4 address, with both of its codes")
            << QStringList { "--ipv4", kListedV4, "--lists", "bl.test" } << 1
            << QStringList { "bl.test 127.0.1.2 listed [127.0.0.2,127.0.0.10]" };
        QTest::newRow("a clean IPv4 address")
            << QStringList { "--ipv4", kCleanV4, "--lists", "bl.test" } << 0
            << QStringList { "bl.test 127.0.1.3 clean []" };
        QTest::newRow("a list that refuses the resolver")
            << QStringList { "--ipv4", kListedV4, "--lists", "refuse.test" } << 0
            << QStringList { "refuse.test 127.0.1.2 refused [127.255.255.254]" };
        QTest::newRow("an IPv6 address listed by its nibbles, the IPv4 one clean")
            << QStringList { "--ipv4", kCleanV4, "--ipv6", kListedV6, "--lists", "bl.test" } << 1
            << QStringList { "bl.test 127.0.1.3 clean []", "bl.test 2001:db8::25 listed [127.0.0.3]" };
        QTest::newRow("an IPv6 address alone, clean")
            << QStringList { "--ipv6", kCleanV6, "--lists", "bl.test" } << 0
            << QStringList { "bl.test 2001:db8::26 clean []" };
        QTest::newRow("an IPv4-mapped --ipv6 is asked as the IPv4 address")
            << QStringList { "--ipv6", "::ffff:127.0.1.2", "--lists", "bl.test" } << 1
            << QStringList { "bl.test 127.0.1.2 listed [127.0.0.2,127.0.0.10]" };
        QTest::newRow("every kind of answer at once, in the order of --lists")
            << QStringList { "--ipv4", kListedV4, "--lists", "refuse.test,bl.test,odd.test,broken.test" } << 1
            << QStringList { "refuse.test 127.0.1.2 refused [127.255.255.254]",
                   "bl.test 127.0.1.2 listed [127.0.0.2,127.0.0.10]", "odd.test 127.0.1.2 unknown [192.0.2.99]",
                   "broken.test 127.0.1.2 unknown []" };
        QTest::newRow("zones as typed: upper case, a final dot, a repeat")
            << QStringList { "--ipv4", kListedV4, "--lists", "BL.Test.,bl.test" } << 1
            << QStringList { "bl.test 127.0.1.2 listed [127.0.0.2,127.0.0.10]" };
        // dnsmasq answers NXDOMAIN for the real lists' names: this checks
        // which lists are asked about which address, not the lists.
        QTest::newRow("the default lists: all six about IPv4, only ZEN about IPv6")
            << QStringList { "--ipv4", kCleanV4, "--ipv6", kCleanV6 } << 0
            << QStringList { "zen.spamhaus.org 127.0.1.3 clean []", "bl.spamcop.net 127.0.1.3 clean []",
                   "b.barracudacentral.org 127.0.1.3 clean []", "dnsbl-1.uceprotect.net 127.0.1.3 clean []",
                   "bl.mailspike.net 127.0.1.3 clean []", "psbl.surriel.com 127.0.1.3 clean []",
                   "zen.spamhaus.org 2001:db8::26 clean []" };
    }

    void states()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QStringList, results);

        const ProcessResult run = blocklists(postwrd_, arguments);
        QVERIFY2(run.started && !run.timedOut && !run.crashed, qPrintable(failure("dns blocklists", run)));
        QVERIFY2(run.exitCode == exitCode, qPrintable(failure("dns blocklists", run)));
        QVERIFY2(run.standardError.isEmpty(), qPrintable(failure("dns blocklists", run)));
        QStringList got;
        for (const QJsonValue &result : parse(run))
            got << summary(result.toObject());
        QCOMPARE(got, results);
    }

    // Every field of each kind of result, exactly.
    void fields()
    {
        const ProcessResult run = blocklists(postwrd_,
            { "--ipv4", kListedV4, "--ipv6", kListedV6, "--lists", "bl.test,refuse.test,odd.test" });
        QVERIFY2(run.exitCode == 1, qPrintable(failure("dns blocklists", run)));
        const QJsonArray results = parse(run);
        QCOMPARE(results.size(), 6);

        const QJsonObject listed = results[0].toObject();
        QCOMPARE(listed.keys(),
            QStringList({ "address", "codes", "delist", "list", "message", "name", "state", "zone" }));
        QCOMPARE(listed.value("list").toString(), QStringLiteral("bl.test"));
        QCOMPARE(listed.value("name").toString(), QStringLiteral("bl.test"));
        QCOMPARE(listed.value("zone").toString(), QStringLiteral("bl.test"));
        QCOMPARE(listed.value("address").toString(), kListedV4);
        QCOMPARE(listed.value("state").toString(), QStringLiteral("listed"));
        QCOMPARE(listed.value("codes").toArray(), QJsonArray({ "127.0.0.2", "127.0.0.10" }));
        QCOMPARE(listed.value("message").toString(),
            QStringLiteral("127.0.1.2 is listed on bl.test (127.0.0.2; 127.0.0.10)"));
        QCOMPARE(listed.value("delist").toString(), QString());

        const QJsonObject refused = results[1].toObject();
        QCOMPARE(refused.value("zone").toString(), QStringLiteral("refuse.test"));
        QCOMPARE(refused.value("state").toString(), QStringLiteral("refused"));
        QCOMPARE(refused.value("codes").toArray(), QJsonArray({ "127.255.255.254" }));
        QCOMPARE(refused.value("message").toString(),
            QStringLiteral("refuse.test refused to answer (127.255.255.254), so it is unknown whether 127.0.1.2 is "
                           "listed: the query came through a public or open resolver: set [dns] servers in "
                           "postwrd.conf to a resolver of this server's own, e.g. a local unbound"));

        const QJsonObject odd = results[2].toObject();
        QCOMPARE(odd.value("state").toString(), QStringLiteral("unknown"));
        QCOMPARE(odd.value("codes").toArray(), QJsonArray({ "192.0.2.99" }));
        QCOMPARE(odd.value("message").toString(),
            QStringLiteral("unknown: odd.test answered 192.0.2.99 for 127.0.1.2, which is not a listing (listings "
                           "are in 127.0.0.0/8); a resolver or network that rewrites answers may be in the way"));

        const QJsonObject listedV6 = results[3].toObject();
        QCOMPARE(listedV6.value("zone").toString(), QStringLiteral("bl.test"));
        QCOMPARE(listedV6.value("address").toString(), kListedV6);
        QCOMPARE(listedV6.value("state").toString(), QStringLiteral("listed"));
        QCOMPARE(listedV6.value("codes").toArray(), QJsonArray({ "127.0.0.3" }));
        QCOMPARE(listedV6.value("message").toString(),
            QStringLiteral("2001:db8::25 is listed on bl.test (127.0.0.3)"));

        // Not listed on the lists that list the IPv4 address: NXDOMAIN.
        for (int i : { 4, 5 }) {
            const QJsonObject clean = results[i].toObject();
            QCOMPARE(clean.value("address").toString(), kListedV6);
            QCOMPARE(clean.value("state").toString(), QStringLiteral("clean"));
            QCOMPARE(clean.value("codes").toArray(), QJsonArray());
            QCOMPARE(clean.value("message").toString(),
                QStringLiteral("2001:db8::25 is not listed on %1").arg(clean.value("zone").toString()));
        }

        // SERVFAIL: unknown, with the resolver's reason (its words are the
        // resolver's: c-ares reports a SERVFAIL from every server it was
        // given as "connection refused").
        const ProcessResult broken = blocklists(postwrd_, { "--ipv4", kListedV4, "--lists", "broken.test" });
        QVERIFY2(broken.exitCode == 0, qPrintable(failure("dns blocklists", broken)));
        const QJsonObject servfail = parse(broken)[0].toObject();
        QCOMPARE(servfail.value("state").toString(), QStringLiteral("unknown"));
        QCOMPARE(servfail.value("codes").toArray(), QJsonArray());
        const QString message = servfail.value("message").toString();
        QVERIFY2(message.startsWith(
                     QStringLiteral("unknown: broken.test could not be asked about 127.0.1.2: 2.1.0.127.broken.test A: ")),
            qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral(", asked %1").arg(dns_.serverSpec())), qPrintable(message));
    }

    // The default lists carry their names and delisting pages into the JSON.
    void defaultListFields()
    {
        const ProcessResult run = blocklists(postwrd_, { "--ipv4", kCleanV4 });
        QVERIFY2(run.exitCode == 0, qPrintable(failure("dns blocklists", run)));
        const QJsonArray results = parse(run);
        QCOMPARE(results.size(), 6);
        QStringList lists;
        for (const QJsonValue &value : results) {
            const QJsonObject result = value.toObject();
            lists << result.value("list").toString() + QLatin1Char(' ') + result.value("name").toString()
                    + QLatin1Char(' ') + result.value("delist").toString();
        }
        QCOMPARE(lists,
            QStringList({ "zen Spamhaus ZEN https://check.spamhaus.org/", "spamcop SpamCop https://www.spamcop.net/bl.shtml",
                "barracuda Barracuda https://www.barracudacentral.org/rbl/removal-request",
                "uceprotect-1 UCEPROTECT level 1 https://www.uceprotect.net/en/rblcheck.php",
                "mailspike Mailspike https://mailspike.io/ip_verify", "psbl PSBL https://psbl.org/" }));
    }

    void tableFormat()
    {
        const ProcessResult run = postwrd_.cli(
            { "dns", "blocklists", "--ipv4", kListedV4, "--ipv6", kCleanV6, "--lists", "bl.test" });
        QVERIFY2(run.exitCode == 1, qPrintable(failure("dns blocklists", run)));
        QCOMPARE(QString::fromUtf8(run.standardOutput),
            QStringLiteral("LIST     ADDRESS       STATE\n"
                           "bl.test  127.0.1.2     listed\n"
                           "  127.0.1.2 is listed on bl.test (127.0.0.2; 127.0.0.10)\n"
                           "bl.test  2001:db8::26  clean\n"
                           "  2001:db8::26 is not listed on bl.test\n"));
    }

    // A command line that cannot be run: exit 2, one line saying why,
    // nothing on stdout and no DNS asked.
    void badCommandLines_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");

        QTest::newRow("--ipv4 with three octets")
            << QStringList { "--ipv4", "127.0.1" } << "postwrd: --ipv4: '127.0.1' is not an IPv4 address\n";
        QTest::newRow("--ipv4 with a host name")
            << QStringList { "--ipv4", "mail.example.test" }
            << "postwrd: --ipv4: 'mail.example.test' is not an IPv4 address\n";
        QTest::newRow("--ipv4 with an IPv6 address")
            << QStringList { "--ipv4", "::1" } << "postwrd: --ipv4: '::1' is an IPv6 address: give it with --ipv6\n";
        QTest::newRow("--ipv6 with an IPv4 address")
            << QStringList { "--ipv6", kListedV4 }
            << "postwrd: --ipv6: '127.0.1.2' is an IPv4 address: give it with --ipv4\n";
        QTest::newRow("--ipv6 that is no address")
            << QStringList { "--ipv6", "2001:db8::1::2" } << "postwrd: --ipv6: '2001:db8::1::2' is not an IPv6 address\n";
        QTest::newRow("no address") << QStringList { "--lists", "bl.test" }
                                    << "postwrd: give the server's public address: --ipv4 ADDR, --ipv6 ADDR, or both\n";
        QTest::newRow("a zone that is no DNS name")
            << QStringList { "--ipv4", kListedV4, "--lists", "bl.test,bad zone" }
            << "postwrd: --lists: 'bad zone' is not a DNS zone\n";
        QTest::newRow("an empty --lists") << QStringList { "--ipv4", kListedV4, "--lists", "" }
                                          << "postwrd: --lists: '' is not a DNS zone\n";
        QTest::newRow("--format zone is for dns records")
            << QStringList { "--ipv4", kListedV4, "--format", "zone" }
            << "postwrd: --format must be one of json, table, not 'zone'\n";
        QTest::newRow("an option of dns records")
            << QStringList { "--ipv4", kListedV4, "--ttl", "60" } << "postwrd: unknown option --ttl\n";
        QTest::newRow("a flag") << QStringList { "--ipv4", kListedV4, "--verbose" } << "postwrd: unknown option --verbose\n";
        QTest::newRow("a word too many")
            << QStringList { "example.test", "--ipv4", kListedV4 }
            << "postwrd: usage: postwrd dns blocklists --ipv4 ADDR [--ipv6 ADDR] [--lists ZONE[,ZONE...]]\n"
               "         [--format table|json]\n";
    }

    void badCommandLines()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);

        const ProcessResult run = postwrd_.cli(QStringList { "dns", "blocklists" } + arguments);
        QVERIFY2(run.started && !run.timedOut && !run.crashed, qPrintable(failure("dns blocklists", run)));
        QVERIFY2(run.exitCode == 2, qPrintable(failure("dns blocklists", run)));
        QCOMPARE(QString::fromUtf8(run.standardError), error);
        QCOMPARE(run.standardOutput, QByteArray());
    }

    // Exit 1, and no DNS asked, when the configuration cannot be loaded.
    void brokenConfiguration()
    {
        QTemporaryDir empty;
        QVERIFY(empty.isValid());
        ProcessRequest request;
        request.program = PostwrdInstance::postwrdPath();
        request.arguments = QStringList { "--config", empty.path(), "dns", "blocklists", "--ipv4", kListedV4, "--lists",
            "bl.test", "--format", "json" };
        request.timeoutMs = 15000;
        const ProcessResult run = runProcess(request);
        QVERIFY2(run.exitCode == 1, qPrintable(failure("dns blocklists", run)));
        QCOMPARE(run.standardOutput, QByteArray());
        QVERIFY2(run.standardError.contains("postwrd: the configuration in " + empty.path().toUtf8() + " has problems"),
            qPrintable(failure("dns blocklists", run)));
    }

    // A DNS server that never answers: every result unknown, with the
    // reason, within the resolver's timeout (5 s) however many lists are
    // asked: the seven lookups of the default lists run side by side.
    void unansweredServer()
    {
        QElapsedTimer clock;
        clock.start();
        const ProcessResult run = blocklists(unanswered_, { "--ipv4", kListedV4, "--ipv6", kListedV6 }, 30000);
        const qint64 elapsed = clock.elapsed();
        QVERIFY2(run.started && !run.timedOut && !run.crashed, qPrintable(failure("dns blocklists", run)));
        QVERIFY2(run.exitCode == 0, qPrintable(failure("dns blocklists", run)));
        QVERIFY2(elapsed < 9000, qPrintable(QStringLiteral("took %1 ms").arg(elapsed)));
        QVERIFY2(elapsed > 2500, qPrintable(QStringLiteral("gave up after %1 ms").arg(elapsed)));
        QVERIFY2(mute_.hasPendingDatagrams(), "the silent server never got a query");

        const QJsonArray results = parse(run);
        QCOMPARE(results.size(), 7);
        for (const QJsonValue &value : results) {
            const QJsonObject result = value.toObject();
            QCOMPARE(result.value("state").toString(), QStringLiteral("unknown"));
            QCOMPARE(result.value("codes").toArray(), QJsonArray());
            const QString message = result.value("message").toString();
            const QString expected = QStringLiteral("unknown: %1 could not be asked about %2: ")
                                         .arg(result.value("name").toString(), result.value("address").toString());
            QVERIFY2(message.startsWith(expected), qPrintable(message));
            // c-ares' last retry or the resolver's deadline, whichever ends first.
            QVERIFY2(message.contains(QStringLiteral(" A: no answer ")), qPrintable(message));
            QVERIFY2(message.endsWith(QStringLiteral(" 127.0.0.1:%1").arg(mute_.localPort())), qPrintable(message));
        }
    }

private:
    // `postwrd dns blocklists ARGUMENTS --format json` against `instance`.
    static ProcessResult blocklists(const PostwrdInstance &instance, const QStringList &arguments, int timeoutMs = 15000)
    {
        return instance.cli(QStringList { "dns", "blocklists" } + arguments + QStringList { "--format", "json" }, {},
            timeoutMs);
    }

    // The "results" of the JSON on stdout; fails the test when it is not
    // exactly one object with that one key.
    static QJsonArray parse(const ProcessResult &run)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.standardOutput, &error);
        [&] {
            QVERIFY2(error.error == QJsonParseError::NoError,
                qPrintable(error.errorString() + "\n" + QString::fromUtf8(run.standardOutput)));
            QVERIFY2(document.isObject(), run.standardOutput.constData());
            QCOMPARE(document.object().keys(), QStringList { "results" });
        }();
        return document.object().value(QStringLiteral("results")).toArray();
    }

    DnsmasqInstance dns_;
    PostwrdInstance postwrd_; // [dns] servers = dns_
    QUdpSocket mute_; // bound, never read: a DNS server that never answers
    PostwrdInstance unanswered_; // [dns] servers = mute_
};

QTEST_GUILESS_MAIN(DnsBlocklistsTest)
#include "tst_it_dns_blocklists.moc"
