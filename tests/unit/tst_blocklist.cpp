// DNS blocklists (mail/blocklist.h): the lists asked by default, the name
// asked for an address (RFC 5782 §2.1, §2.4), what each kind of answer
// means, and the JSON and table `postwrd dns blocklists` prints.
// tst_it_dns_blocklists asks a real dnsmasq through the real binary.
#include "mail/blocklist.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <algorithm>

using namespace postwr::mail;

Q_DECLARE_METATYPE(DnsAnswer::Status)
Q_DECLARE_METATYPE(BlocklistState)

namespace {

// A default list by id, or a list known by its zone.
Blocklist list(const QString &idOrZone)
{
    const std::vector<Blocklist> &defaults = defaultBlocklists();
    const auto it = std::find_if(defaults.begin(), defaults.end(),
        [&](const Blocklist &list) { return list.id == idOrZone.toStdString(); });
    if (it != defaults.end())
        return *it;
    Result<Blocklist> custom = blocklistForZone(idOrZone.toStdString());
    if (!custom)
        qFatal("blocklistForZone: %s", custom.error().message.c_str());
    return *custom;
}

BlocklistAddress address(const QString &text)
{
    Result<BlocklistAddress> parsed = parseBlocklistAddress(text.toStdString());
    if (!parsed)
        qFatal("parseBlocklistAddress: %s", parsed.error().message.c_str());
    return *parsed;
}

QStringList toStrings(const std::vector<std::string> &items)
{
    QStringList out;
    for (const std::string &item : items)
        out << QString::fromStdString(item);
    return out;
}

QString stateName(BlocklistState state)
{
    return QString::fromStdString(std::string(blocklistStateName(state)));
}

std::vector<std::string> fromStrings(const QStringList &items)
{
    std::vector<std::string> out;
    for (const QString &item : items)
        out.push_back(item.toStdString());
    return out;
}

const QString nibbles2001db8one = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2";

} // namespace

class TestBlocklist : public QObject {
    Q_OBJECT

private slots:
    void defaultLists();
    void queryNames_data();
    void queryNames();
    void badAddresses_data();
    void badAddresses();
    void zones_data();
    void zones();
    void serves_data();
    void serves();
    void answers_data();
    void answers();
    void stateNames();
    void jsonFormat();
    void jsonEscaping();
    void tableFormat();
};

void TestBlocklist::defaultLists()
{
    const std::vector<Blocklist> &lists = defaultBlocklists();
    QStringList ids;
    QStringList zones;
    for (const Blocklist &list : lists) {
        ids << QString::fromStdString(list.id);
        zones << QString::fromStdString(list.zone);
        QVERIFY2(!list.name.empty(), list.id.c_str());
        QVERIFY2(QString::fromStdString(list.delistUrl).startsWith("https://"), list.id.c_str());
        // Only ZEN serves IPv6 listings; the others' NXDOMAIN would read as "clean".
        QCOMPARE(list.ipv6, list.id == "zen");
    }
    QCOMPARE(
        ids, QStringList({ "zen", "spamcop", "barracuda", "uceprotect-1", "mailspike", "psbl" }));
    QCOMPARE(zones,
        QStringList({ "zen.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org",
            "dnsbl-1.uceprotect.net", "bl.mailspike.net", "psbl.surriel.com" }));
    QCOMPARE(QString::fromStdString(lists.front().name), QStringLiteral("Spamhaus ZEN"));
    QCOMPARE(QString::fromStdString(lists.front().delistUrl),
        QStringLiteral("https://check.spamhaus.org/"));
}

void TestBlocklist::queryNames_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("zone");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<QString>("text"); // the canonical address

    QTest::newRow("IPv4 octets are reversed (RFC 5782 §2.1)")
        << "192.0.2.1"
        << "zen.spamhaus.org"
        << "1.2.0.192.zen.spamhaus.org" << false << "192.0.2.1";
    QTest::newRow("the RFC's test entry 127.0.0.2") << "127.0.0.2"
                                                    << "bl.test"
                                                    << "2.0.0.127.bl.test" << false << "127.0.0.2";
    QTest::newRow("zero and 255 octets are written as numbers")
        << "10.0.0.255"
        << "bl.test"
        << "255.0.0.10.bl.test" << false << "10.0.0.255";
    QTest::newRow("IPv6 is 32 reversed nibbles (the RFC 5782 §2.4 example)")
        << "2001:db8:1:2:3:4:567:89ab"
        << "ugly.example.com"
        << "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ugly.example.com"
        << true << "2001:db8:1:2:3:4:567:89ab";
    QTest::newRow("IPv6 with :: has every zero nibble")
        << "2001:db8::1"
        << "zen.spamhaus.org" << nibbles2001db8one + ".zen.spamhaus.org" << true << "2001:db8::1";
    QTest::newRow("IPv6 in upper case asks in lower case")
        << "2001:DB8::ABCD"
        << "bl.test"
        << "d.c.b.a.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.bl.test" << true
        << "2001:db8::abcd";
    QTest::newRow("IPv6 written long is made canonical")
        << "2001:0db8:0000:0000:0000:0000:0000:0001"
        << "bl.test" << nibbles2001db8one + ".bl.test" << true << "2001:db8::1";
    QTest::newRow("IPv6 loopback")
        << "::1"
        << "bl.test"
        << "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.test" << true
        << "::1";
    QTest::newRow("an IPv4-mapped IPv6 address is asked as IPv4")
        << "::ffff:192.0.2.1"
        << "zen.spamhaus.org"
        << "1.2.0.192.zen.spamhaus.org" << false << "192.0.2.1";
    QTest::newRow("an IPv4-mapped IPv6 address written in hex is asked as IPv4")
        << "::FFFF:c000:0201"
        << "bl.test"
        << "1.2.0.192.bl.test" << false << "192.0.2.1";
    QTest::newRow("an IPv4-compatible address (no ffff) stays IPv6")
        << "::192.0.2.1"
        << "bl.test"
        << "1.0.2.0.0.0.0.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.bl.test" << true
        << "::192.0.2.1";
}

void TestBlocklist::queryNames()
{
    QFETCH(QString, input);
    QFETCH(QString, zone);
    QFETCH(QString, name);
    QFETCH(bool, ipv6);
    QFETCH(QString, text);

    Result<BlocklistAddress> parsed = parseBlocklistAddress(input.toStdString());
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(parsed->ipv6, ipv6);
    QCOMPARE(QString::fromStdString(parsed->text), text);
    QCOMPARE(QString::fromStdString(blocklistQueryName(*parsed, list(zone))), name);
    QCOMPARE(name.count('.'), zone.count('.') + (ipv6 ? 32 : 4));
}

void TestBlocklist::badAddresses_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("empty") << "";
    QTest::newRow("three octets") << "192.0.2";
    QTest::newRow("an octet over 255") << "192.0.2.256";
    QTest::newRow("a leading zero (octal in some parsers)") << "192.0.2.01";
    QTest::newRow("a host name") << "mail.example.com";
    QTest::newRow("a space in front") << " 192.0.2.1";
    QTest::newRow("a prefix length") << "192.0.2.0/24";
    QTest::newRow("two :: in IPv6") << "2001:db8::1::2";
    QTest::newRow("IPv6 in brackets") << "[2001:db8::1]";
    QTest::newRow("IPv6 with a zone index") << "fe80::1%eth0";
    QTest::newRow("nine IPv6 groups") << "1:2:3:4:5:6:7:8:9";
}

void TestBlocklist::badAddresses()
{
    QFETCH(QString, input);
    Result<BlocklistAddress> parsed = parseBlocklistAddress(input.toStdString());
    QVERIFY(!parsed);
    QCOMPARE(QString::fromStdString(parsed.error().message),
        QStringLiteral("'%1' is not an IP address").arg(input));
}

void TestBlocklist::zones_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("zone"); // "" when refused
    QTest::addColumn<QString>("error");

    QTest::newRow("a zone is taken as it is") << "bl.test"
                                              << "bl.test"
                                              << "";
    QTest::newRow("upper case and the trailing dot go") << "BL.Example.NET."
                                                        << "bl.example.net"
                                                        << "";
    QTest::newRow("spaces around go") << " bl.test "
                                      << "bl.test"
                                      << "";
    QTest::newRow("empty") << ""
                           << ""
                           << "'' is not a DNS zone";
    QTest::newRow("a space inside") << "bl test"
                                    << ""
                                    << "'bl test' is not a DNS zone";
    QTest::newRow("an empty label") << "bl..test"
                                    << ""
                                    << "'bl..test' is not a DNS zone";
    QTest::newRow("an IP address in brackets") << "[192.0.2.1]"
                                               << ""
                                               << "'[192.0.2.1]' is not a DNS zone";
    // 63 bytes of nibbles and dots, a dot and the zone: at most 253 (RFC 1035 §2.3.4).
    const QString labels = QString("a").repeated(60) + "." + QString("b").repeated(60) + "."
        + QString("c").repeated(60) + ".";
    const QString longest = labels + "d.test";
    const QString tooLong = labels + "dd.test";
    QTest::newRow("189 bytes leave room for an IPv6 query") << longest << longest << "";
    QTest::newRow("190 bytes are too long for an IPv6 query under them")
        << tooLong << ""
        << QStringLiteral("the zone '%1' is too long to ask about an IPv6 address under it")
               .arg(tooLong);
}

void TestBlocklist::zones()
{
    QFETCH(QString, input);
    QFETCH(QString, zone);
    QFETCH(QString, error);

    Result<Blocklist> made = blocklistForZone(input.toStdString());
    if (zone.isEmpty()) {
        QVERIFY(!made);
        QCOMPARE(QString::fromStdString(made.error().message), error);
        return;
    }
    QVERIFY2(made, made ? "" : made.error().message.c_str());
    QCOMPARE(QString::fromStdString(made->zone), zone);
    QVERIFY(
        QString::fromStdString(blocklistQueryName(address("2001:db8::1"), *made)).size() <= 253);
    QCOMPARE(QString::fromStdString(made->id), zone);
    QCOMPARE(QString::fromStdString(made->name), zone);
    QVERIFY(made->ipv6);
    QVERIFY(made->delistUrl.empty());
}

void TestBlocklist::serves_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("address");
    QTest::addColumn<bool>("serves");

    QTest::newRow("ZEN is asked about IPv4") << "zen"
                                             << "192.0.2.1" << true;
    QTest::newRow("ZEN is asked about IPv6") << "zen"
                                             << "2001:db8::1" << true;
    QTest::newRow("SpamCop is asked about IPv4") << "spamcop"
                                                 << "192.0.2.1" << true;
    QTest::newRow("SpamCop is not asked about IPv6") << "spamcop"
                                                     << "2001:db8::1" << false;
    QTest::newRow("PSBL is not asked about IPv6") << "psbl"
                                                  << "2001:db8::1" << false;
    QTest::newRow("an IPv4-mapped address is asked of IPv4-only lists")
        << "barracuda"
        << "::ffff:192.0.2.1" << true;
    QTest::newRow("a list given by zone is asked about IPv6") << "bl.test"
                                                              << "2001:db8::1" << true;
}

void TestBlocklist::serves()
{
    QFETCH(QString, list);
    QFETCH(QString, address);
    QFETCH(bool, serves);
    QCOMPARE(blocklistServes(::list(list), ::address(address)), serves);
}

void TestBlocklist::answers_data()
{
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("address");
    QTest::addColumn<DnsAnswer::Status>("status");
    QTest::addColumn<QStringList>("records");
    QTest::addColumn<QString>("failure");
    QTest::addColumn<BlocklistState>("state");
    QTest::addColumn<QStringList>("codes");
    QTest::addColumn<QString>("message"); // the whole message, or "" to skip
    QTest::addColumn<QStringList>("contains");
    QTest::addColumn<QStringList>("lacks");

    using S = DnsAnswer::Status;
    using B = BlocklistState;
    const QString v4 = "192.0.2.1";
    const QString v6 = "2001:db8::1";
    const QString zenUrl = "https://check.spamhaus.org/";

    // Not listed.
    QTest::newRow("NXDOMAIN is not listed")
        << "zen" << v4 << S::NoSuchDomain << QStringList() << "" << B::Clean << QStringList()
        << "192.0.2.1 is not listed on Spamhaus ZEN" << QStringList() << QStringList();
    QTest::newRow("NODATA (the name holds other types) is not listed")
        << "spamcop" << v4 << S::NoData << QStringList() << "" << B::Clean << QStringList()
        << "192.0.2.1 is not listed on SpamCop" << QStringList() << QStringList();
    QTest::newRow("an IPv6 address not listed")
        << "zen" << v6 << S::NoSuchDomain << QStringList() << "" << B::Clean << QStringList()
        << "2001:db8::1 is not listed on Spamhaus ZEN" << QStringList() << QStringList();

    // Listed, with ZEN's codes explained.
    QTest::newRow("ZEN 127.0.0.2 is the SBL")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.2" } << "" << B::Listed
        << QStringList { "127.0.0.2" }
        << "192.0.2.1 is listed on Spamhaus ZEN (127.0.0.2: SBL, a known spam source); see why "
           "and ask for removal at https://check.spamhaus.org/"
        << QStringList() << QStringList();
    QTest::newRow("ZEN 127.0.0.3 is the SBL CSS")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.3" } << "" << B::Listed
        << QStringList { "127.0.0.3" } << ""
        << QStringList { "127.0.0.3: SBL CSS, a low-reputation sender", zenUrl } << QStringList();
    QTest::newRow("ZEN 127.0.0.4 is the XBL")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.4" } << "" << B::Listed
        << QStringList { "127.0.0.4" } << ""
        << QStringList { "127.0.0.4: XBL, an exploited or infected machine" } << QStringList();
    QTest::newRow("ZEN 127.0.0.7 is the XBL too")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.7" } << "" << B::Listed
        << QStringList { "127.0.0.7" } << "" << QStringList { "127.0.0.7: XBL" } << QStringList();
    QTest::newRow("ZEN 127.0.0.9 is DROP")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.9" } << "" << B::Listed
        << QStringList { "127.0.0.9" } << ""
        << QStringList { "127.0.0.9: DROP, a hijacked or criminal network" } << QStringList();
    QTest::newRow("ZEN 127.0.0.10 is the PBL: no direct mail")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.10" } << "" << B::Listed
        << QStringList { "127.0.0.10" } << ""
        << QStringList { "127.0.0.10: PBL, this address should not send mail directly (common "
                         "for home IPs)" }
        << QStringList();
    QTest::newRow("ZEN 127.0.0.11 is the PBL too")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.11" } << "" << B::Listed
        << QStringList { "127.0.0.11" } << "" << QStringList { "127.0.0.11: PBL" } << QStringList();
    QTest::newRow("several ZEN codes come sorted, each explained")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.10", "127.0.0.4", "127.0.0.2" } << ""
        << B::Listed << QStringList { "127.0.0.2", "127.0.0.4", "127.0.0.10" }
        << "192.0.2.1 is listed on Spamhaus ZEN (127.0.0.2: SBL, a known spam source; "
           "127.0.0.4: XBL, an exploited or infected machine; 127.0.0.10: PBL, this address "
           "should not send mail directly (common for home IPs)); see why and ask for removal at "
           "https://check.spamhaus.org/"
        << QStringList() << QStringList();
    QTest::newRow("a code answered twice counts once")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.2", "127.0.0.2" } << "" << B::Listed
        << QStringList { "127.0.0.2" } << "" << QStringList() << QStringList();
    QTest::newRow("a ZEN code without documented meaning is still a listing")
        << "zen" << v4 << S::Found << QStringList { "127.0.0.8" } << "" << B::Listed
        << QStringList { "127.0.0.8" } << "" << QStringList { "(127.0.0.8)", zenUrl }
        << QStringList();
    QTest::newRow("an IPv6 address listed on ZEN")
        << "zen" << v6 << S::Found << QStringList { "127.0.0.3" } << "" << B::Listed
        << QStringList { "127.0.0.3" } << ""
        << QStringList { "2001:db8::1 is listed on Spamhaus ZEN (127.0.0.3: SBL CSS" }
        << QStringList();

    // Listed on other lists: their codes are theirs.
    QTest::newRow("SpamCop's 127.0.0.2 gets no Spamhaus meaning")
        << "spamcop" << v4 << S::Found << QStringList { "127.0.0.2" } << "" << B::Listed
        << QStringList { "127.0.0.2" }
        << "192.0.2.1 is listed on SpamCop (127.0.0.2); see why and ask for removal at "
           "https://www.spamcop.net/bl.shtml"
        << QStringList() << QStringList { "SBL" };
    QTest::newRow("any address in 127.0.0.0/8 is a listing")
        << "bl.test" << v4 << S::Found << QStringList { "127.1.2.3" } << "" << B::Listed
        << QStringList { "127.1.2.3" } << "192.0.2.1 is listed on bl.test (127.1.2.3)"
        << QStringList() << QStringList();
    QTest::newRow("127.255.254.255, just below the refusal range, is a listing")
        << "bl.test" << v4 << S::Found << QStringList { "127.255.254.255" } << "" << B::Listed
        << QStringList { "127.255.254.255" } << "" << QStringList() << QStringList();
    QTest::newRow("a listing beside an answer outside 127/8 is a listing")
        << "bl.test" << v4 << S::Found << QStringList { "127.0.0.2", "10.0.0.1" } << "" << B::Listed
        << QStringList { "10.0.0.1", "127.0.0.2" } << "192.0.2.1 is listed on bl.test (127.0.0.2)"
        << QStringList() << QStringList();

    // Refused: no listing, and what to do.
    QTest::newRow("ZEN 127.255.255.254: a public resolver asked")
        << "zen" << v4 << S::Found << QStringList { "127.255.255.254" } << "" << B::Refused
        << QStringList { "127.255.255.254" }
        << "Spamhaus ZEN refused to answer (127.255.255.254), so it is unknown whether "
           "192.0.2.1 is listed: the query came through a public or open resolver: set [dns] "
           "servers in postwrd.conf to a resolver of this server's own, e.g. a local unbound"
        << QStringList() << QStringList { "is listed on" };
    QTest::newRow("ZEN 127.255.255.255: too many queries")
        << "zen" << v4 << S::Found << QStringList { "127.255.255.255" } << "" << B::Refused
        << QStringList { "127.255.255.255" } << ""
        << QStringList { "too many queries", "[dns] servers", "unbound" } << QStringList();
    QTest::newRow("ZEN 127.255.255.252: a typing error in the zone")
        << "zen" << v4 << S::Found << QStringList { "127.255.255.252" } << "" << B::Refused
        << QStringList { "127.255.255.252" } << ""
        << QStringList { "does not know the zone", "spelling" } << QStringList();
    QTest::newRow("another code in 127.255.255.0/24 is a refusal too")
        << "zen" << v4 << S::Found << QStringList { "127.255.255.0" } << "" << B::Refused
        << QStringList { "127.255.255.0" } << ""
        << QStringList { "refused to answer (127.255.255.0)", "[dns] servers" } << QStringList();
    QTest::newRow("a refusal from another list")
        << "bl.test" << v4 << S::Found << QStringList { "127.255.255.254" } << "" << B::Refused
        << QStringList { "127.255.255.254" } << ""
        << QStringList { "bl.test refused to answer", "public or open resolver" } << QStringList();
    QTest::newRow("a refusal about an IPv6 address")
        << "zen" << v6 << S::Found << QStringList { "127.255.255.254" } << "" << B::Refused
        << QStringList { "127.255.255.254" } << ""
        << QStringList { "unknown whether 2001:db8::1 is listed" } << QStringList();
    QTest::newRow("a refusal beside a listing code is a refusal")
        << "zen" << v4 << S::Found << QStringList { "127.255.255.254", "127.0.0.2" } << ""
        << B::Refused << QStringList { "127.0.0.2", "127.255.255.254" } << ""
        << QStringList { "refused to answer (127.255.255.254)" } << QStringList();

    // Unknown.
    QTest::newRow("an answer outside 127/8 is no listing")
        << "zen" << v4 << S::Found << QStringList { "192.0.2.99" } << "" << B::Unknown
        << QStringList { "192.0.2.99" }
        << "unknown: Spamhaus ZEN answered 192.0.2.99 for 192.0.2.1, which is not a listing "
           "(listings are in 127.0.0.0/8); a resolver or network that rewrites answers may be in "
           "the way"
        << QStringList() << QStringList();
    QTest::newRow("0.0.0.0 (a filtering resolver) is no listing")
        << "bl.test" << v4 << S::Found << QStringList { "0.0.0.0" } << "" << B::Unknown
        << QStringList { "0.0.0.0" } << "" << QStringList { "not a listing" } << QStringList();
    QTest::newRow("128.0.0.2, just above 127/8, is no listing")
        << "bl.test" << v4 << S::Found << QStringList { "128.0.0.2" } << "" << B::Unknown
        << QStringList { "128.0.0.2" } << "" << QStringList { "not a listing" } << QStringList();
    QTest::newRow("126.255.255.255, just below 127/8, is no listing")
        << "bl.test" << v4 << S::Found << QStringList { "126.255.255.255" } << "" << B::Unknown
        << QStringList { "126.255.255.255" } << "" << QStringList { "not a listing" }
        << QStringList();
    QTest::newRow("a record that is no address is no listing")
        << "bl.test" << v4 << S::Found << QStringList { "garbage" } << "" << B::Unknown
        << QStringList { "garbage" } << "" << QStringList { "answered garbage" } << QStringList();
    QTest::newRow("a timeout is unknown, with the resolver's reason")
        << "zen" << v4 << S::TemporaryError << QStringList()
        << "1.2.0.192.zen.spamhaus.org A: no answer within 5000 ms from 127.0.0.1:53" << B::Unknown
        << QStringList()
        << "unknown: Spamhaus ZEN could not be asked about 192.0.2.1: 1.2.0.192.zen.spamhaus.org "
           "A: no answer within 5000 ms from 127.0.0.1:53"
        << QStringList() << QStringList();
    QTest::newRow("SERVFAIL is unknown")
        << "psbl" << v4 << S::TemporaryError << QStringList()
        << "1.2.0.192.psbl.surriel.com A: the DNS server failed (SERVFAIL)" << B::Unknown
        << QStringList() << "" << QStringList { "PSBL could not be asked", "SERVFAIL" }
        << QStringList();
    QTest::newRow("a temporary error without a reason is unknown")
        << "zen" << v4 << S::TemporaryError << QStringList() << "" << B::Unknown << QStringList()
        << "unknown: Spamhaus ZEN could not be asked about 192.0.2.1" << QStringList()
        << QStringList();
}

void TestBlocklist::answers()
{
    QFETCH(QString, list);
    QFETCH(QString, address);
    QFETCH(DnsAnswer::Status, status);
    QFETCH(QStringList, records);
    QFETCH(QString, failure);
    QFETCH(BlocklistState, state);
    QFETCH(QStringList, codes);
    QFETCH(QString, message);
    QFETCH(QStringList, contains);
    QFETCH(QStringList, lacks);

    const DnsAnswer answer { status, fromStrings(records) };
    const BlocklistVerdict verdict
        = interpretBlocklistAnswer(::list(list), ::address(address), answer, failure.toStdString());
    const QString text = QString::fromStdString(verdict.message);
    QCOMPARE(stateName(verdict.state), stateName(state));
    QCOMPARE(toStrings(verdict.codes), codes);
    if (!message.isEmpty())
        QCOMPARE(text, message);
    for (const QString &part : contains)
        QVERIFY2(text.contains(part), qPrintable(text));
    for (const QString &part : lacks)
        QVERIFY2(!text.contains(part), qPrintable(text));
    QVERIFY2(!text.contains('\n'), "a message is one line");
}

void TestBlocklist::stateNames()
{
    QCOMPARE(stateName(BlocklistState::Clean), QStringLiteral("clean"));
    QCOMPARE(stateName(BlocklistState::Listed), QStringLiteral("listed"));
    QCOMPARE(stateName(BlocklistState::Refused), QStringLiteral("refused"));
    QCOMPARE(stateName(BlocklistState::Unknown), QStringLiteral("unknown"));
}

void TestBlocklist::jsonFormat()
{
    const Blocklist zen = list("zen");
    const Blocklist custom = list("bl.test");
    const BlocklistAddress v4 = address("192.0.2.1");
    const BlocklistAddress v6 = address("2001:db8::1");
    std::vector<BlocklistResult> results;
    results.push_back({ zen, v4.text,
        interpretBlocklistAnswer(
            zen, v4, { DnsAnswer::Status::Found, { "127.0.0.10", "127.0.0.2" } }) });
    results.push_back({ zen, v6.text,
        interpretBlocklistAnswer(zen, v6, { DnsAnswer::Status::NoSuchDomain, {} }) });
    results.push_back({ custom, v4.text,
        interpretBlocklistAnswer(
            custom, v4, { DnsAnswer::Status::Found, { "127.255.255.254" } }) });

    QJsonParseError error;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromStdString(formatBlocklistJson(results)), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(document.object().keys(), QStringList { "results" });
    const QJsonArray array = document.object().value("results").toArray();
    QCOMPARE(array.size(), 3);
    const QStringList keys { "address", "codes", "delist", "list", "message", "name", "state",
        "zone" };
    for (const QJsonValue &value : array)
        QCOMPARE(value.toObject().keys(), keys); // QJsonObject sorts its keys

    const QJsonObject listed = array[0].toObject();
    QCOMPARE(listed.value("list").toString(), QStringLiteral("zen"));
    QCOMPARE(listed.value("name").toString(), QStringLiteral("Spamhaus ZEN"));
    QCOMPARE(listed.value("zone").toString(), QStringLiteral("zen.spamhaus.org"));
    QCOMPARE(listed.value("address").toString(), QStringLiteral("192.0.2.1"));
    QCOMPARE(listed.value("state").toString(), QStringLiteral("listed"));
    QCOMPARE(listed.value("codes").toArray(), QJsonArray({ "127.0.0.2", "127.0.0.10" }));
    QCOMPARE(
        listed.value("message").toString(), QString::fromStdString(results[0].verdict.message));
    QCOMPARE(listed.value("delist").toString(), QStringLiteral("https://check.spamhaus.org/"));

    const QJsonObject clean = array[1].toObject();
    QCOMPARE(clean.value("address").toString(), QStringLiteral("2001:db8::1"));
    QCOMPARE(clean.value("state").toString(), QStringLiteral("clean"));
    QCOMPARE(clean.value("codes").toArray(), QJsonArray());

    const QJsonObject refused = array[2].toObject();
    QCOMPARE(refused.value("list").toString(), QStringLiteral("bl.test"));
    QCOMPARE(refused.value("name").toString(), QStringLiteral("bl.test"));
    QCOMPARE(refused.value("state").toString(), QStringLiteral("refused"));
    QCOMPARE(refused.value("codes").toArray(), QJsonArray({ "127.255.255.254" }));
    QCOMPARE(refused.value("delist").toString(), QString());

    const QJsonDocument empty
        = QJsonDocument::fromJson(QByteArray::fromStdString(formatBlocklistJson({})), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    QCOMPARE(empty.object().value("results").toArray(), QJsonArray());
}

void TestBlocklist::jsonEscaping()
{
    BlocklistResult result { list("bl.test"), "192.0.2.1",
        { BlocklistState::Unknown, { "a\"b" }, "quote \" backslash \\ tab \t control \x01" } };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(
        QByteArray::fromStdString(formatBlocklistJson({ result })), &error);
    QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
    const QJsonObject object = document.object().value("results").toArray()[0].toObject();
    QCOMPARE(object.value("message").toString(),
        QStringLiteral("quote \" backslash \\ tab \t control \x01"));
    QCOMPARE(object.value("codes").toArray(), QJsonArray({ "a\"b" }));
    QCOMPARE(object.value("state").toString(), QStringLiteral("unknown"));
}

void TestBlocklist::tableFormat()
{
    const Blocklist zen = list("zen");
    const Blocklist spamcop = list("spamcop");
    const BlocklistAddress v4 = address("192.0.2.1");
    const BlocklistAddress v6 = address("2001:db8::1");
    std::vector<BlocklistResult> results;
    results.push_back({ zen, v4.text,
        interpretBlocklistAnswer(zen, v4, { DnsAnswer::Status::Found, { "127.0.0.2" } }) });
    results.push_back({ spamcop, v4.text,
        interpretBlocklistAnswer(spamcop, v4, { DnsAnswer::Status::NoSuchDomain, {} }) });
    results.push_back(
        { zen, v6.text, interpretBlocklistAnswer(zen, v6, { DnsAnswer::Status::NoData, {} }) });
    const QStringList lines = QString::fromStdString(formatBlocklistTable(results)).split('\n');
    QCOMPARE(lines,
        QStringList({
            "LIST          ADDRESS      STATE",
            "Spamhaus ZEN  192.0.2.1    listed",
            "  " + QString::fromStdString(results[0].verdict.message),
            "SpamCop       192.0.2.1    clean",
            "  192.0.2.1 is not listed on SpamCop",
            "Spamhaus ZEN  2001:db8::1  clean",
            "  2001:db8::1 is not listed on Spamhaus ZEN",
            "",
        }));
}

QTEST_GUILESS_MAIN(TestBlocklist)
#include "tst_blocklist.moc"
