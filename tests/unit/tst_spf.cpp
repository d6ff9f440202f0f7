// SPF (RFC 7208): record selection, each mechanism and modifier, the DNS
// limits, macros, and the questions the check asks, against zones written as
// tables.
#include "dns_table.h"
#include "mail/spf.h"

#include <QTest>
#include <map>
#include <optional>

using namespace postwr::mail;
using postwr::testing::DnsTable;

namespace {

const QString client = QStringLiteral("192.0.2.10");
const QString mailFrom = QStringLiteral("user@example.org");
const QString helo = QStringLiteral("mail.example.net");

std::optional<DnsType> typeNamed(const QString &name)
{
    static const std::map<QString, DnsType> types { { "A", DnsType::A }, { "AAAA", DnsType::Aaaa },
        { "MX", DnsType::Mx }, { "TXT", DnsType::Txt }, { "PTR", DnsType::Ptr } };
    const auto it = types.find(name);
    return it == types.end() ? std::nullopt : std::optional<DnsType>(it->second);
}

QString typeName(DnsType type)
{
    switch (type) {
    case DnsType::A:
        return "A";
    case DnsType::Aaaa:
        return "AAAA";
    case DnsType::Mx:
        return "MX";
    case DnsType::Txt:
        return "TXT";
    case DnsType::Ptr:
        return "PTR";
    }
    return "?";
}

// One record a line, "name TYPE data" (data may hold spaces; several lines
// with the same name and type make several records); "name TYPE !" answers
// with a temporary error.
DnsTable zone(const QStringList &lines)
{
    std::map<std::pair<DnsType, std::string>, std::vector<std::string>> records;
    DnsTable table;
    for (const QString &line : lines) {
        const QStringList fields = line.split(' ');
        const std::optional<DnsType> type = typeNamed(fields.value(1));
        if (fields.size() < 3 || !type)
            qFatal("bad zone line: %s", qPrintable(line));
        const std::string name = fields[0].toStdString();
        const QString data = fields.mid(2).join(' ');
        if (data == "!")
            table.fail(*type, name);
        else
            records[{ *type, name }].push_back(data.toStdString());
    }
    for (auto &[key, values] : records)
        table.add(key.first, key.second, values);
    return table;
}

std::optional<SpfVerdict> check(const QStringList &lines, const QString &ip, const QString &from,
    const QString &heloName, std::vector<DnsQuestion> *asked = nullptr)
{
    const SpfQuery query { ip.toStdString(), from.toStdString(), heloName.toStdString() };
    return zone(lines).run<SpfVerdict>(
        [&](const DnsAnswers &answers) { return checkSpf(query, answers); }, 100, asked);
}

// "include:i1.example.org include:i2.example.org ...", each included record
// matching nothing.
QStringList includes(int count, const QString &last)
{
    QStringList lines;
    QString record = "example.org TXT v=spf1";
    for (int i = 1; i <= count; ++i) {
        record += QString(" include:i%1.example.org").arg(i);
        lines << QString("i%1.example.org TXT v=spf1 -all").arg(i);
    }
    lines << record + " " + last;
    return lines;
}

} // namespace

class TestSpf : public QObject {
    Q_OBJECT

private slots:
    void checks_data();
    void checks();
    void verdictNamesTheIdentity_data();
    void verdictNamesTheIdentity();
    void questionsAsked_data();
    void questionsAsked();
    void selfIncludeEnds();
    void rfcMacroExamples_data();
    void rfcMacroExamples();
    void macroErrors_data();
    void macroErrors();
    void longExpansionsAreCutFromTheLeft();
    void resultNames();

private:
    static void row(const char *name, const QStringList &lines, const QString &result,
        const QString &reason, const QString &ip = client, const QString &from = mailFrom)
    {
        QTest::newRow(name) << lines << ip << from << result << reason;
    }
};

void TestSpf::checks_data()
{
    QTest::addColumn<QStringList>("zone");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("result");
    QTest::addColumn<QString>("reason"); // a part of the verdict's reason

    // Record selection (§4.5).
    row("no TXT record is none", { "example.org A 192.0.2.1" }, "none",
        "no SPF record at example.org");
    row("no such domain is none", {}, "none", "no SPF record at example.org");
    row("TXT records that are not SPF are none", { "example.org TXT google-site-verification=abc" },
        "none", "no SPF record");
    row("v=spf10 is not an SPF record", { "example.org TXT v=spf10 +all" }, "none",
        "no SPF record");
    row("the version is case-insensitive", { "example.org TXT V=SPF1 +all" }, "pass",
        "matched +all of example.org");
    row("an SPF record beside other TXT records",
        { "example.org TXT hello world", "example.org TXT v=spf1 -all" }, "fail", "matched -all");
    row("two SPF records are a permerror",
        { "example.org TXT v=spf1 +all", "example.org TXT v=spf1 -all" }, "permerror",
        "more than one SPF record at example.org");
    row("a DNS error on the record is a temperror", { "example.org TXT !" }, "temperror",
        "DNS error looking up TXT example.org");
    row("an empty record is neutral", { "example.org TXT v=spf1" }, "neutral",
        "192.0.2.10 matched no mechanism of example.org");
    row("extra spaces between terms", { "example.org TXT v=spf1   ip4:192.0.2.10   -all " }, "pass",
        "matched ip4:192.0.2.10");
    row("an upper-case sender domain", { "example.org TXT v=spf1 +all" }, "pass", "of example.org",
        client, "User@Example.ORG");
    row("a sender domain that is not a domain is none", {}, "none",
        "`192.0.2.1` is not a domain name", client, "user@192.0.2.1");
    row("a single-label sender domain is none", { "localhost TXT v=spf1 -all" }, "none",
        "is not a domain name", client, "user@localhost");
    row("a client IP that is not one is none", { "example.org TXT v=spf1 -all" }, "none",
        "`not-an-ip` is not an IP address", "not-an-ip");

    // Qualifiers (§4.6.2).
    row("all", { "example.org TXT v=spf1 all" }, "pass", "matched all of example.org");
    row("+all", { "example.org TXT v=spf1 +all" }, "pass", "matched +all");
    row("-all", { "example.org TXT v=spf1 -all" }, "fail", "matched -all");
    row("~all", { "example.org TXT v=spf1 ~all" }, "softfail", "matched ~all");
    row("?all", { "example.org TXT v=spf1 ?all" }, "neutral", "matched ?all");
    row("mechanism names are case-insensitive", { "example.org TXT v=spf1 IP4:192.0.2.10 -ALL" },
        "pass", "matched IP4:192.0.2.10");
    row("the first match decides", { "example.org TXT v=spf1 -ip4:192.0.2.10 +all" }, "fail",
        "matched -ip4:192.0.2.10");

    // ip4, ip6 (§5.6).
    row("ip4 network matches", { "example.org TXT v=spf1 ip4:192.0.2.0/24 -all" }, "pass",
        "192.0.2.10 matched ip4:192.0.2.0/24 of example.org");
    row("ip4 network does not match", { "example.org TXT v=spf1 ip4:192.0.2.0/24 -all" }, "fail",
        "matched -all", "198.51.100.1");
    row("ip4 without prefix is one address", { "example.org TXT v=spf1 ip4:192.0.2.11 -all" },
        "fail", "matched -all");
    row("ip4 /28 edge inside", { "example.org TXT v=spf1 ip4:192.0.2.0/28 -all" }, "pass",
        "matched ip4", "192.0.2.15");
    row("ip4 /28 edge outside", { "example.org TXT v=spf1 ip4:192.0.2.0/28 -all" }, "fail",
        "matched -all", "192.0.2.16");
    row("ip4 /0 matches every IPv4 client", { "example.org TXT v=spf1 ip4:0.0.0.0/0 -all" }, "pass",
        "matched ip4", "203.0.113.200");
    row("ip4 does not match an IPv6 client", { "example.org TXT v=spf1 ip4:0.0.0.0/0 -all" },
        "fail", "2001:db8::1 matched -all", "2001:db8::1");
    row("ip6 network matches", { "example.org TXT v=spf1 ip6:2001:db8::/32 -all" }, "pass",
        "2001:db8:ffff::1 matched ip6:2001:db8::/32", "2001:db8:ffff::1");
    row("ip6 network does not match", { "example.org TXT v=spf1 ip6:2001:db8::/32 -all" }, "fail",
        "matched -all", "2001:db9::1");
    row("ip6 /0 does not match an IPv4 client", { "example.org TXT v=spf1 ip6:::/0 -all" }, "fail",
        "matched -all");
    row("an IPv4-mapped client is IPv4", { "example.org TXT v=spf1 ip4:192.0.2.10 -all" }, "pass",
        "192.0.2.10 matched ip4:192.0.2.10", "::ffff:192.0.2.10");
    row("an IPv4-mapped client does not match ip6",
        { "example.org TXT v=spf1 ip6:::ffff:192.0.2.10 -all" }, "fail", "matched -all",
        "::ffff:192.0.2.10");

    // a (§5.3).
    row("a matches the domain's address",
        { "example.org TXT v=spf1 a -all", "example.org A 192.0.2.10" }, "pass",
        "matched a of example.org");
    row("a matches any of the addresses",
        { "example.org TXT v=spf1 a -all", "example.org A 192.0.2.9", "example.org A 192.0.2.10" },
        "pass", "matched a");
    row("a does not match", { "example.org TXT v=spf1 a -all", "example.org A 192.0.2.11" }, "fail",
        "matched -all");
    row("a with a domain",
        { "example.org TXT v=spf1 a:mail.example.org -all", "mail.example.org A 192.0.2.10" },
        "pass", "matched a:mail.example.org");
    row("a with a trailing dot",
        { "example.org TXT v=spf1 a:mail.example.org. -all", "mail.example.org A 192.0.2.10" },
        "pass", "matched a:mail.example.org.");
    row("a/24", { "example.org TXT v=spf1 a/24 -all", "example.org A 192.0.2.200" }, "pass",
        "matched a/24");
    row("a/24 outside", { "example.org TXT v=spf1 a/24 -all", "example.org A 192.0.3.10" }, "fail",
        "matched -all");
    row("a:domain/24//64 for IPv4",
        { "example.org TXT v=spf1 a:mail.example.org/24//64 -all", "mail.example.org A 192.0.2.1" },
        "pass", "matched a:mail.example.org/24//64");
    row("a:domain/24//64 for IPv6",
        { "example.org TXT v=spf1 a:mail.example.org/24//64 -all",
            "mail.example.org AAAA 2001:db8::1" },
        "pass", "matched a:mail.example.org/24//64", "2001:db8::ffff:1");
    row("a//64 outside", { "example.org TXT v=spf1 a//64 -all", "example.org AAAA 2001:db8::1" },
        "fail", "matched -all", "2001:db8:0:1::1");
    row("a for IPv6 ignores A records",
        { "example.org TXT v=spf1 a -all", "example.org A 192.0.2.10",
            "example.org AAAA 2001:db8::2" },
        "fail", "matched -all", "2001:db8::1");
    row("a for IPv6 matches AAAA",
        { "example.org TXT v=spf1 a -all", "example.org AAAA 2001:db8::1" }, "pass",
        "2001:db8::1 matched a of example.org", "2001:db8::1");
    row("a with no address is no match", { "example.org TXT v=spf1 a:none.example.org -all" },
        "fail", "matched -all");
    row("a DNS error is a temperror", { "example.org TXT v=spf1 a -all", "example.org A !" },
        "temperror", "DNS error looking up A example.org");

    // mx (§5.4).
    row("mx matches an exchange's address",
        { "example.org TXT v=spf1 mx -all", "example.org MX mx1.example.org",
            "example.org MX mx2.example.org", "mx1.example.org A 192.0.2.1",
            "mx2.example.org A 192.0.2.10" },
        "pass", "matched mx of example.org");
    row("mx does not match",
        { "example.org TXT v=spf1 mx -all", "example.org MX mx1.example.org",
            "mx1.example.org A 192.0.2.1" },
        "fail", "matched -all");
    row("mx/24",
        { "example.org TXT v=spf1 mx/24 -all", "example.org MX mx1.example.org",
            "mx1.example.org A 192.0.2.1" },
        "pass", "matched mx/24");
    row("mx:domain//64 for IPv6",
        { "example.org TXT v=spf1 mx:example.net//64 -all", "example.net MX mx.example.net",
            "mx.example.net AAAA 2001:db8::1" },
        "pass", "matched mx:example.net//64", "2001:db8::abcd");
    row("a null MX matches nothing", { "example.org TXT v=spf1 mx -all", "example.org MX ." },
        "fail", "matched -all");
    row("an exchange without address is skipped",
        { "example.org TXT v=spf1 mx -all", "example.org MX gone.example.org",
            "example.org MX mx.example.org", "mx.example.org A 192.0.2.10" },
        "pass", "matched mx");
    row("an MX DNS error is a temperror", { "example.org TXT v=spf1 mx -all", "example.org MX !" },
        "temperror", "DNS error looking up MX example.org");
    row("an exchange's DNS error is a temperror",
        { "example.org TXT v=spf1 mx -all", "example.org MX mx.example.org", "mx.example.org A !" },
        "temperror", "DNS error looking up A mx.example.org");
    {
        QStringList ten { "example.org TXT v=spf1 mx -all" };
        for (int i = 1; i <= 10; ++i)
            ten << QString("example.org MX mx%1.example.org").arg(i)
                << QString("mx%1.example.org A 192.0.2.%1").arg(i);
        row("ten MX hosts are looked up", ten, "pass", "matched mx");
        QStringList eleven = ten;
        eleven << "example.org MX mx11.example.org";
        row("eleven MX hosts are a permerror", eleven, "permerror",
            "mx: more than 10 MX hosts at example.org");
    }

    // ptr (§5.5).
    const QStringList ptr { "example.org TXT v=spf1 ptr -all", "192.0.2.10 PTR mail.example.org",
        "mail.example.org A 192.0.2.10" };
    row("ptr matches a validated name", ptr, "pass", "matched ptr of example.org");
    row("ptr matches a subdomain name",
        { "example.org TXT v=spf1 ptr:example.org -all", "192.0.2.10 PTR a.b.example.org",
            "a.b.example.org A 192.0.2.10" },
        "pass", "matched ptr:example.org");
    row("ptr needs the name to map back to the client",
        { "example.org TXT v=spf1 ptr -all", "192.0.2.10 PTR mail.example.org",
            "mail.example.org A 192.0.2.11" },
        "fail", "matched -all");
    row("ptr needs the name in the domain",
        { "example.org TXT v=spf1 ptr -all", "192.0.2.10 PTR mail.badexample.org",
            "mail.badexample.org A 192.0.2.10" },
        "fail", "matched -all");
    row("ptr tries each name",
        { "example.org TXT v=spf1 ptr -all", "192.0.2.10 PTR spoof.example.org",
            "192.0.2.10 PTR mail.example.org", "spoof.example.org A 192.0.2.99",
            "mail.example.org A 192.0.2.10" },
        "pass", "matched ptr");
    row("ptr for an IPv6 client",
        { "example.org TXT v=spf1 ptr -all", "2001:db8::cb01 PTR mail.example.org",
            "mail.example.org AAAA 2001:db8::cb01" },
        "pass", "matched ptr", "2001:db8::cb01");
    row("ptr: a PTR DNS error is no match",
        { "example.org TXT v=spf1 ptr ?all", "192.0.2.10 PTR !" }, "neutral", "matched ?all");
    row("ptr: a name's DNS error skips it",
        { "example.org TXT v=spf1 ptr ?all", "192.0.2.10 PTR mail.example.org",
            "mail.example.org A !" },
        "neutral", "matched ?all");
    {
        QStringList names { "example.org TXT v=spf1 ptr -all" };
        for (int i = 1; i <= 9; ++i)
            names << QString("192.0.2.10 PTR host%1.example.com").arg(i);
        QStringList tenth = names;
        tenth << "192.0.2.10 PTR mail.example.org"
              << "mail.example.org A 192.0.2.10";
        row("ptr looks at the tenth name", tenth, "pass", "matched ptr");
        QStringList eleventh = names;
        eleventh << "192.0.2.10 PTR host10.example.com"
                 << "192.0.2.10 PTR mail.example.org"
                 << "mail.example.org A 192.0.2.10";
        row("ptr ignores the eleventh name", eleventh, "fail", "matched -all");
    }

    // exists (§5.7).
    row("exists matches any A record",
        { "example.org TXT v=spf1 exists:%{ir}.%{v}.list.example.org -all",
            "10.2.0.192.in-addr.list.example.org A 127.0.0.2" },
        "pass", "matched exists:%{ir}.%{v}.list.example.org");
    row("exists without an A record",
        { "example.org TXT v=spf1 exists:%{i}.list.example.org -all" }, "fail", "matched -all");
    row("exists asks A for an IPv6 client",
        { "example.org TXT v=spf1 exists:%{l}.list.example.org -all",
            "user.list.example.org A 127.0.0.2" },
        "pass", "matched exists", "2001:db8::1");
    row("exists DNS error is a temperror",
        { "example.org TXT v=spf1 exists:x.example.org -all", "x.example.org A !" }, "temperror",
        "DNS error looking up A x.example.org");

    // include (§5.2).
    row("include pass matches",
        { "example.org TXT v=spf1 include:_spf.example.net -all",
            "_spf.example.net TXT v=spf1 ip4:192.0.2.0/24 -all" },
        "pass", "192.0.2.10 matched include:_spf.example.net of example.org");
    row("include pass with a fail qualifier",
        { "example.org TXT v=spf1 -include:_spf.example.net +all",
            "_spf.example.net TXT v=spf1 +all" },
        "fail", "matched -include:_spf.example.net");
    row("include fail does not match",
        { "example.org TXT v=spf1 include:_spf.example.net ?all",
            "_spf.example.net TXT v=spf1 -all" },
        "neutral", "matched ?all");
    row("include softfail does not match",
        { "example.org TXT v=spf1 include:_spf.example.net -all",
            "_spf.example.net TXT v=spf1 ~all" },
        "fail", "matched -all");
    row("include neutral does not match",
        { "example.org TXT v=spf1 include:_spf.example.net -all",
            "_spf.example.net TXT v=spf1 ?all" },
        "fail", "matched -all");
    row("include none is a permerror", { "example.org TXT v=spf1 include:_spf.example.net -all" },
        "permerror", "include:_spf.example.net: no SPF record at _spf.example.net");
    row("include temperror is a temperror",
        { "example.org TXT v=spf1 include:_spf.example.net -all", "_spf.example.net TXT !" },
        "temperror", "DNS error looking up TXT _spf.example.net");
    row("include permerror is a permerror",
        { "example.org TXT v=spf1 include:_spf.example.net -all",
            "_spf.example.net TXT v=spf1 bogus -all" },
        "permerror", "bad SPF record at _spf.example.net: unknown mechanism `bogus`");
    row("include sees its own domain as %{d}",
        { "example.org TXT v=spf1 include:example.net -all",
            "example.net TXT v=spf1 a:mail.%{d} -all", "mail.example.net A 192.0.2.10" },
        "pass", "matched include:example.net");

    // redirect and other modifiers (§6).
    row("redirect applies when nothing matched",
        { "example.org TXT v=spf1 ip4:198.51.100.1 redirect=_spf.example.net",
            "_spf.example.net TXT v=spf1 a -all", "_spf.example.net A 192.0.2.10" },
        "pass", "matched a of _spf.example.net");
    row("redirect's result is the result",
        { "example.org TXT v=spf1 redirect=_spf.example.net", "_spf.example.net TXT v=spf1 ~all" },
        "softfail", "matched ~all of _spf.example.net");
    row("redirect is ignored after a match",
        { "example.org TXT v=spf1 -all redirect=_spf.example.net",
            "_spf.example.net TXT v=spf1 +all" },
        "fail", "matched -all of example.org");
    row("redirect to no record is a permerror",
        { "example.org TXT v=spf1 redirect=_spf.example.net" }, "permerror",
        "redirect=_spf.example.net: no SPF record at _spf.example.net");
    row("redirect with a macro",
        { "example.org TXT v=spf1 redirect=_spf.%{d}",
            "_spf.example.org TXT v=spf1 ip4:192.0.2.10 -all" },
        "pass", "matched ip4:192.0.2.10 of _spf.example.org");
    row("redirect twice is a permerror",
        { "example.org TXT v=spf1 redirect=a.example.net redirect=b.example.net" }, "permerror",
        "`redirect=` appears more than once");
    row("unknown modifiers are ignored",
        { "example.org TXT v=spf1 foo=bar moo.cow-far_out=%{d} -all" }, "fail", "matched -all");
    row("exp= parses and does not change the result",
        { "example.org TXT v=spf1 -all exp=explain.%{d}" }, "fail", "matched -all");
    row("exp twice is a permerror",
        { "example.org TXT v=spf1 -all exp=a.example.org exp=b.example.org" }, "permerror",
        "`exp=` appears more than once");
    row("an empty exp is a permerror", { "example.org TXT v=spf1 -all exp=" }, "permerror",
        "`exp=`: empty domain");

    // Syntax errors (§4.6, §7.1): a permerror naming the term, even after a match.
    const auto syntax = [](const char *name, const QString &record, const QString &reason) {
        row(name, { "example.org TXT v=spf1 " + record }, "permerror",
            "bad SPF record at example.org: " + reason);
    };
    syntax("unknown mechanism", "foo -all", "unknown mechanism `foo`");
    syntax("an error after a matching term", "+all foo", "unknown mechanism `foo`");
    syntax("a bare qualifier", "- all", "unknown mechanism `-`");
    syntax("all with an argument", "-all:foo", "`-all:foo`: takes no argument");
    syntax("a: without a domain", "a: -all", "`a:`: empty domain");
    syntax("include without a domain", "include -all", "`include`: needs :<domain>");
    syntax("exists without a domain", "exists -all", "`exists`: needs :<domain>");
    syntax("a domain of a top-level label only", "a:museum -all",
        "`a:museum`: `museum` does not end in a top-level domain");
    syntax("a numeric top-level label", "a:foo.example.123 -all", "`a:foo.example.123`:");
    syntax("a top-level label starting with a dash", "a:foo.example.-com -all",
        "`a:foo.example.-com`:");
    syntax("ip4 without an address", "ip4 -all", "`ip4`: needs :<IPv4 network>");
    syntax("ip4 with a bad address", "ip4:192.0.2.300",
        "`ip4:192.0.2.300`: `192.0.2.300` is not an IPv4 address");
    syntax("ip4 with three octets", "ip4:192.0.2", "`ip4:192.0.2`:");
    syntax("ip4 with a leading zero", "ip4:192.0.02.1", "`ip4:192.0.02.1`:");
    syntax("ip4 with an IPv6 address", "ip4:2001:db8::1", "`ip4:2001:db8::1`:");
    syntax("ip4 /33", "ip4:192.0.2.0/33", "`ip4:192.0.2.0/33`: CIDR length /33 is over 32");
    syntax("ip4 /024", "ip4:192.0.2.0/024", "`ip4:192.0.2.0/024`: bad CIDR length /024");
    syntax("ip4 with a dual CIDR", "ip4:192.0.2.0//24", "`ip4:192.0.2.0//24`:");
    syntax("ip6 /129", "ip6:2001:db8::/129", "`ip6:2001:db8::/129`: CIDR length /129 is over 128");
    syntax("ip6 with an IPv4 address", "ip6:192.0.2.1",
        "`ip6:192.0.2.1`: `192.0.2.1` is not an IPv6 address");
    syntax("a/33", "a/33", "`a/33`: CIDR length /33 is over 32");
    syntax("a//129", "a//129", "`a//129`: CIDR length /129 is over 128");
    syntax("a with the CIDR lengths swapped", "a//64/24", "`a//64/24`:");
    syntax("mx with a bad argument", "mx/24/ -all", "`mx/24/`:");
    syntax("an unknown macro letter", "exists:%{x}.example.org",
        "`exists:%{x}.example.org`: unknown macro `%{x}`");
    syntax("c is for exp= only", "exists:%{c}.example.org",
        "`exists:%{c}.example.org`: unknown macro `%{c}`");
    syntax("a zero digit transformer", "exists:%{d0}.example.org",
        "`exists:%{d0}.example.org`: macro `%{d0}` keeps zero parts");
    syntax("a bad delimiter", "exists:%{l*}.example.org",
        "`exists:%{l*}.example.org`: bad macro `%{l*}`");
    syntax("an unterminated macro", "exists:%{d", "`exists:%{d`: unterminated macro `%{d`");
    syntax("a lone percent sign", "a:50%.example.org",
        "`a:50%.example.org`: a lone % in `50%.example.org`");
    syntax(
        "a bad macro in an unknown modifier", "foo=%{q} -all", "`foo=%{q}`: unknown macro `%{q}`");
    syntax(
        "a bad redirect domain", "redirect=example", "`redirect=example`: `example` does not end");

    // The DNS lookup limit (§4.6.4): ten are fine, the eleventh is a permerror.
    row("ten includes are fine", includes(10, "ip4:192.0.2.10"), "pass", "matched ip4:192.0.2.10");
    row("eleven includes are a permerror", includes(11, "ip4:192.0.2.10"), "permerror",
        "too many DNS lookups (limit 10)");
    row("ip4 and all do not count", includes(10, "ip4:198.51.100.1 ip6:2001:db8::1 -all"), "fail",
        "matched -all");
    row("redirect counts: nine and a redirect are fine",
        includes(9, "redirect=r.example.org") << "r.example.org TXT v=spf1 +all", "pass",
        "matched +all of r.example.org");
    row("redirect counts: ten and a redirect are a permerror",
        includes(10, "redirect=r.example.org") << "r.example.org TXT v=spf1 +all", "permerror",
        "too many DNS lookups (limit 10)");
    row("a, mx, ptr and exists count",
        { "example.org TXT v=spf1 a a mx mx ptr ptr exists:e.example.org exists:e.example.org a mx "
          "ptr",
            "example.org A 192.0.2.1", "example.org MX mx.example.org",
            "mx.example.org A 192.0.2.1", "192.0.2.10 PTR host.example.com",
            "e.example.org TXT nothing to see" },
        "permerror", "too many DNS lookups (limit 10)");
    {
        // Nested includes draw from the same ten.
        QStringList chain;
        for (int i = 1; i <= 10; ++i)
            chain
                << QString("c%1.example.org TXT v=spf1 include:c%2.example.org").arg(i).arg(i + 1);
        chain << "example.org TXT v=spf1 include:c1.example.org -all";
        row("a chain of eleven includes is a permerror", chain, "permerror",
            "too many DNS lookups (limit 10)");
        chain.removeLast();
        chain.replace(9, "c10.example.org TXT v=spf1 +all");
        chain << "example.org TXT v=spf1 include:c1.example.org -all";
        row("a chain of ten includes is fine", chain, "pass", "matched include:c1.example.org");
    }
    row("mutual includes end",
        { "example.org TXT v=spf1 include:example.net -all",
            "example.net TXT v=spf1 include:example.org -all" },
        "permerror", "too many DNS lookups (limit 10)");

    // The void lookup limit (§4.6.4): two are fine, the third is a permerror.
    row("two void lookups are fine",
        { "example.org TXT v=spf1 a:v1.example.org exists:v2.example.org -all" }, "fail",
        "matched -all");
    row("three void lookups are a permerror",
        { "example.org TXT v=spf1 a:v1.example.org exists:v2.example.org mx:v3.example.org -all" },
        "permerror", "too many DNS lookups with no answer (limit 2)");
    row("no data counts as void",
        { "example.org TXT v=spf1 a:v1.example.org a:v2.example.org a:v3.example.org -all",
            "v1.example.org MX mx.example.org", "v2.example.org MX mx.example.org",
            "v3.example.org MX mx.example.org" },
        "permerror", "too many DNS lookups with no answer (limit 2)");
    row("void lookups inside includes count",
        { "example.org TXT v=spf1 a:v1.example.org include:example.net -all",
            "example.net TXT v=spf1 a:v2.example.org a:v3.example.org +all" },
        "permerror", "too many DNS lookups with no answer (limit 2)");
    row("MX hosts without an address do not count",
        { "example.org TXT v=spf1 mx -all", "example.org MX mx1.example.org",
            "example.org MX mx2.example.org", "example.org MX mx3.example.org",
            "example.org MX mx4.example.org", "mx4.example.org AAAA 2001:db8::1" },
        "pass", "matched mx", "2001:db8::1");

    // Null sender (§2.4): postmaster@HELO.
    row("a null sender checks the HELO name",
        { "mail.example.net TXT v=spf1 a -all", "mail.example.net A 192.0.2.10" }, "pass",
        "matched a of mail.example.net", client, "");
    row("a null sender's local part is postmaster",
        { "mail.example.net TXT v=spf1 exists:%{l}.%{o}.list.example.org -all",
            "postmaster.mail.example.net.list.example.org A 127.0.0.2" },
        "pass", "matched exists", client, "");
    row("a sender without a local part is postmaster",
        { "example.org TXT v=spf1 exists:%{l}.list.example.org -all",
            "postmaster.list.example.org A 127.0.0.2" },
        "pass", "matched exists", client, "@example.org");
}

void TestSpf::checks()
{
    QFETCH(QStringList, zone);
    QFETCH(QString, ip);
    QFETCH(QString, from);
    QFETCH(QString, result);
    QFETCH(QString, reason);

    const std::optional<SpfVerdict> verdict = check(zone, ip, from, helo);
    QVERIFY(verdict);
    const QString actualReason = QString::fromStdString(verdict->reason);
    QCOMPARE(QString::fromUtf8(spfResultName(verdict->result)), result);
    QVERIFY2(actualReason.contains(reason), qPrintable(actualReason));
    QVERIFY2(!actualReason.contains('\n'), "the reason is one line");
}

void TestSpf::verdictNamesTheIdentity_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("heloName");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("result");

    QTest::newRow("MAIL FROM") << "user@Example.ORG"
                               << "mail.example.net"
                               << "example.org"
                               << "mailfrom"
                               << "fail";
    QTest::newRow("null sender") << ""
                                 << "Mail.Example.NET"
                                 << "mail.example.net"
                                 << "helo"
                                 << "pass";
    QTest::newRow("null sender with an address literal HELO") << ""
                                                              << "[192.0.2.10]"
                                                              << "[192.0.2.10]"
                                                              << "helo"
                                                              << "none";
}

void TestSpf::verdictNamesTheIdentity()
{
    QFETCH(QString, from);
    QFETCH(QString, heloName);
    QFETCH(QString, domain);
    QFETCH(QString, scope);
    QFETCH(QString, result);

    const std::optional<SpfVerdict> verdict
        = check({ "example.org TXT v=spf1 -all", "mail.example.net TXT v=spf1 +all" }, client, from,
            heloName);
    QVERIFY(verdict);
    QCOMPARE(QString::fromStdString(verdict->domain), domain);
    QCOMPARE(QString::fromStdString(verdict->scope), scope);
    QCOMPARE(QString::fromUtf8(spfResultName(verdict->result)), result);
}

void TestSpf::questionsAsked_data()
{
    QTest::addColumn<QStringList>("zone");
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QStringList>("questions");

    QTest::newRow("nothing after a match")
        << QStringList { "example.org TXT v=spf1 ip4:192.0.2.10 a mx include:x.example.org -all" }
        << client << QStringList { "TXT example.org" };
    QTest::newRow("nothing after a syntax error")
        << QStringList { "example.org TXT v=spf1 a bad:x -all" } << client
        << QStringList { "TXT example.org" };
    QTest::newRow("a asks A for IPv4") << QStringList { "example.org TXT v=spf1 a -all" } << client
                                       << QStringList { "TXT example.org", "A example.org" };
    QTest::newRow("a asks AAAA for IPv6")
        << QStringList { "example.org TXT v=spf1 a -all" } << "2001:db8::1"
        << QStringList { "TXT example.org", "AAAA example.org" };
    QTest::newRow("names are lower case without the trailing dot")
        << QStringList { "example.org TXT v=spf1 a:Mail.Example.ORG. -all" } << client
        << QStringList { "TXT example.org", "A mail.example.org" };
    QTest::newRow("mx stops at the first matching host")
        << QStringList { "example.org TXT v=spf1 mx -all", "example.org MX mx1.example.org",
               "example.org MX mx2.example.org", "example.org MX mx3.example.org",
               "mx1.example.org A 192.0.2.1", "mx2.example.org A 192.0.2.10" }
        << client
        << QStringList { "TXT example.org", "MX example.org", "A mx1.example.org",
               "A mx2.example.org" };
    QTest::newRow("more than ten MX hosts: none is looked up")
        << QStringList { "example.org TXT v=spf1 mx -all", "example.org MX m1.example.org",
               "example.org MX m2.example.org", "example.org MX m3.example.org",
               "example.org MX m4.example.org", "example.org MX m5.example.org",
               "example.org MX m6.example.org", "example.org MX m7.example.org",
               "example.org MX m8.example.org", "example.org MX m9.example.org",
               "example.org MX m10.example.org", "example.org MX m11.example.org" }
        << client << QStringList { "TXT example.org", "MX example.org" };
    QTest::newRow("exists asks A for IPv6")
        << QStringList { "example.org TXT v=spf1 exists:%{d} -all" } << "2001:db8::1"
        << QStringList { "TXT example.org", "A example.org" };
    QTest::newRow("ptr looks up only names in the domain")
        << QStringList { "example.org TXT v=spf1 ptr -all", "192.0.2.10 PTR other.example.com",
               "192.0.2.10 PTR mail.example.org", "mail.example.org A 192.0.2.10" }
        << client << QStringList { "TXT example.org", "PTR 192.0.2.10", "A mail.example.org" };
    QTest::newRow("ptr asks an IPv4-mapped client as IPv4")
        << QStringList { "example.org TXT v=spf1 ptr -all" } << "::ffff:192.0.2.10"
        << QStringList { "TXT example.org", "PTR 192.0.2.10" };
    QTest::newRow("ptr asks IPv6 in canonical form")
        << QStringList { "example.org TXT v=spf1 ptr -all" } << "2001:DB8:0:0::CB01"
        << QStringList { "TXT example.org", "PTR 2001:db8::cb01" };
    QTest::newRow("redirect is not followed after a match")
        << QStringList { "example.org TXT v=spf1 ~all redirect=_spf.example.net" } << client
        << QStringList { "TXT example.org" };
    QTest::newRow("include then redirect")
        << QStringList { "example.org TXT v=spf1 include:_a.example.net redirect=_b.example.net",
               "_a.example.net TXT v=spf1 -all", "_b.example.net TXT v=spf1 -all" }
        << client << QStringList { "TXT example.org", "TXT _a.example.net", "TXT _b.example.net" };
    QTest::newRow("the same name is asked once") << QStringList {
        "example.org TXT v=spf1 a exists:example.org a/24 -all", "example.org A 192.0.2.1"
    } << client << QStringList { "TXT example.org", "A example.org" };
    QStringList tenIncludes { "TXT example.org" };
    for (int i = 1; i <= 10; ++i)
        tenIncludes << QString("TXT i%1.example.org").arg(i);
    QTest::newRow("the lookup limit stops before asking the eleventh")
        << includes(11, "-all") << client << tenIncludes;
}

void TestSpf::questionsAsked()
{
    QFETCH(QStringList, zone);
    QFETCH(QString, ip);
    QFETCH(QStringList, questions);

    std::vector<DnsQuestion> asked;
    QVERIFY(check(zone, ip, mailFrom, helo, &asked));
    QStringList actual;
    for (const DnsQuestion &question : asked)
        actual << typeName(question.type) + " " + QString::fromStdString(question.name);
    QCOMPARE(actual, questions);
}

void TestSpf::selfIncludeEnds()
{
    // A record that includes itself asks its TXT once, then runs into the
    // lookup limit rather than recursing for ever.
    std::vector<DnsQuestion> asked;
    const std::optional<SpfVerdict> verdict = check(
        { "example.org TXT v=spf1 include:example.org -all" }, client, mailFrom, helo, &asked);
    QVERIFY(verdict);
    QCOMPARE(verdict->result, SpfResult::PermError);
    QCOMPARE(QString::fromStdString(verdict->reason), "too many DNS lookups (limit 10)");
    QCOMPARE(asked.size(), std::size_t(1));
}

void TestSpf::rfcMacroExamples_data()
{
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("macro");
    QTest::addColumn<QString>("expansion");

    // RFC 7208 §7.4.
    const QString v4 = "192.0.2.3";
    QTest::newRow("%{s}") << v4 << "%{s}"
                          << "strong-bad@email.example.com";
    QTest::newRow("%{o}") << v4 << "%{o}"
                          << "email.example.com";
    QTest::newRow("%{d}") << v4 << "%{d}"
                          << "email.example.com";
    QTest::newRow("%{d4}") << v4 << "%{d4}"
                           << "email.example.com";
    QTest::newRow("%{d3}") << v4 << "%{d3}"
                           << "email.example.com";
    QTest::newRow("%{d2}") << v4 << "%{d2}"
                           << "example.com";
    QTest::newRow("%{d1}") << v4 << "%{d1}"
                           << "com";
    QTest::newRow("%{dr}") << v4 << "%{dr}"
                           << "com.example.email";
    QTest::newRow("%{d2r}") << v4 << "%{d2r}"
                            << "example.email";
    QTest::newRow("%{l}") << v4 << "%{l}"
                          << "strong-bad";
    QTest::newRow("%{l-}") << v4 << "%{l-}"
                           << "strong.bad";
    QTest::newRow("%{lr}") << v4 << "%{lr}"
                           << "strong-bad";
    QTest::newRow("%{lr-}") << v4 << "%{lr-}"
                            << "bad.strong";
    QTest::newRow("%{l1r-}") << v4 << "%{l1r-}"
                             << "strong";
    QTest::newRow("ir v d2") << v4 << "%{ir}.%{v}._spf.%{d2}"
                             << "3.2.0.192.in-addr._spf.example.com";
    QTest::newRow("lr- d2") << v4 << "%{lr-}.lp._spf.%{d2}"
                            << "bad.strong.lp._spf.example.com";
    QTest::newRow("lr- ir v d2") << v4 << "%{lr-}.lp.%{ir}.%{v}._spf.%{d2}"
                                 << "bad.strong.lp.3.2.0.192.in-addr._spf.example.com";
    QTest::newRow("ir v l1r- d2") << v4 << "%{ir}.%{v}.%{l1r-}.lp._spf.%{d2}"
                                  << "3.2.0.192.in-addr.strong.lp._spf.example.com";
    QTest::newRow("d2 trusted") << v4 << "%{d2}.trusted-domains.example.net"
                                << "example.com.trusted-domains.example.net";
    QTest::newRow("IPv6 ir v d2")
        << "2001:db8::cb01"
        << "%{ir}.%{v}._spf.%{d2}"
        << "1.0.b.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6._spf.example.com";

    // Beyond the RFC's table.
    QTest::newRow("IPv6 i") << "2001:db8::cb01"
                            << "%{i}"
                            << "2.0.0.1.0.d.b.8.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.c.b.0.1";
    QTest::newRow("IPv4-mapped i and v") << "::ffff:192.0.2.3"
                                         << "%{i}.%{v}"
                                         << "192.0.2.3.in-addr";
    QTest::newRow("upper case URL-escapes") << v4 << "%{S}.example.org"
                                            << "strong-bad%40email.example.com.example.org";
    QTest::newRow("upper case keeps unreserved characters") << v4 << "%{L}.%{D}"
                                                            << "strong-bad.email.example.com";
    QTest::newRow("%%, %_ and %-") << v4 << "a%%b%_c%-d.example.org"
                                   << "a%b c%20d.example.org";
    QTest::newRow("%{h}") << v4 << "%{h}"
                          << "mx.example.org";
    QTest::newRow("%{p} is unknown") << v4 << "%{p}.example.org"
                                     << "unknown.example.org";
    QTest::newRow("several delimiters") << v4 << "%{s-.}"
                                        << "strong.bad@email.example.com";
    QTest::newRow("@ is no delimiter") << v4 << "%{s2-}"
                                       << "strong.bad@email.example.com";
    QTest::newRow("more digits than parts") << v4 << "%{d99}"
                                            << "email.example.com";
    QTest::newRow("upper-case R") << v4 << "%{dR}"
                                  << "com.example.email";
    QTest::newRow("trailing dot dropped") << v4 << "%{d2}.example.net."
                                          << "example.com.example.net";
    QTest::newRow("lower-cased") << v4 << "%{d2}.Example.NET"
                                 << "example.com.example.net";
}

void TestSpf::rfcMacroExamples()
{
    QFETCH(QString, ip);
    QFETCH(QString, macro);
    QFETCH(QString, expansion);

    const SpfQuery query { ip.toStdString(), "strong-bad@email.example.com", "mx.example.org" };
    const Result<std::string> expanded
        = expandSpfMacros(macro.toStdString(), query, "email.example.com");
    QVERIFY2(expanded, expanded ? "" : expanded.error().message.c_str());
    QCOMPARE(QString::fromStdString(*expanded), expansion);
}

void TestSpf::macroErrors_data()
{
    QTest::addColumn<QString>("domainSpec");
    QTest::addColumn<QString>("error");

    QTest::newRow("empty") << ""
                           << "empty domain";
    QTest::newRow("unknown letter") << "%{x}"
                                    << "unknown macro `%{x}`";
    QTest::newRow("t is for exp= only") << "%{t}.example.org"
                                        << "unknown macro `%{t}`";
    QTest::newRow("r is for exp= only") << "%{r}.example.org"
                                        << "unknown macro `%{r}`";
    QTest::newRow("no letter") << "%{}.example.org"
                               << "unknown macro `%{}`";
    QTest::newRow("zero parts") << "%{d0}"
                                << "keeps zero parts";
    QTest::newRow("digits after r") << "%{dr2}"
                                    << "bad macro `%{dr2}`";
    QTest::newRow("bad delimiter") << "%{d:}"
                                   << "bad macro `%{d:}`";
    QTest::newRow("unterminated") << "%{d2.example.org"
                                  << "unterminated macro";
    QTest::newRow("lone percent") << "%d.example.org"
                                  << "a lone %";
    QTest::newRow("percent at the end") << "example.org%"
                                        << "a lone %";
    QTest::newRow("a space") << "a b.example.org"
                             << "character 32 not allowed";
    QTest::newRow("no top-level label") << "example"
                                        << "does not end in a top-level domain name or a macro";
    QTest::newRow("a macro then a dot") << "%{d}."
                                        << "does not end in a top-level domain name or a macro";
    QTest::newRow("numeric top-level label") << "example.42"
                                             << "does not end";
}

void TestSpf::macroErrors()
{
    QFETCH(QString, domainSpec);
    QFETCH(QString, error);

    const SpfQuery query { "192.0.2.3", "strong-bad@email.example.com", "mx.example.org" };
    const Result<std::string> expanded
        = expandSpfMacros(domainSpec.toStdString(), query, "email.example.com");
    QVERIFY2(!expanded, expanded ? expanded->c_str() : "");
    QVERIFY2(QString::fromStdString(expanded.error().message).contains(error),
        expanded.error().message.c_str());
}

void TestSpf::longExpansionsAreCutFromTheLeft()
{
    // RFC 7208 §7.3: labels come off the left until the name fits 253 octets.
    const std::string local(60, 'x');
    const SpfQuery query { "192.0.2.3", local + "@example.org", "mx.example.org" };
    const Result<std::string> expanded
        = expandSpfMacros("%{l}.%{l}.%{l}.%{l}.%{l}.%{l}.spf.example.org", query, "example.org");
    QVERIFY(expanded);
    QCOMPARE(QString::fromStdString(*expanded),
        QString::fromStdString(local + "." + local + "." + local + ".spf.example.org"));
    QVERIFY(expanded->size() <= 253);
}

void TestSpf::resultNames()
{
    QCOMPARE(spfResultName(SpfResult::None), "none");
    QCOMPARE(spfResultName(SpfResult::Neutral), "neutral");
    QCOMPARE(spfResultName(SpfResult::Pass), "pass");
    QCOMPARE(spfResultName(SpfResult::Fail), "fail");
    QCOMPARE(spfResultName(SpfResult::SoftFail), "softfail");
    QCOMPARE(spfResultName(SpfResult::TempError), "temperror");
    QCOMPARE(spfResultName(SpfResult::PermError), "permerror");
}

QTEST_GUILESS_MAIN(TestSpf)
#include "tst_spf.moc"
