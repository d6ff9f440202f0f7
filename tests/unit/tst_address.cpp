// RFC 5321 §4.1.2 paths and bare addresses: what is accepted, how it is
// normalised, and the exact reason for every refusal.
#include "mail/address.h"

#include <QTest>

#include "test_bytes.h"

#include <string_view>

using namespace postwr::mail;

namespace {

// A valid-looking domain of `length` octets: 62-octet labels, then a last
// label of 1 to 63 octets.
QByteArray domainOfLength(qsizetype length)
{
    QByteArray domain;
    while (length - domain.size() > 63)
        domain += QByteArray(62, 'd') + '.';
    return domain + QByteArray(length - domain.size(), 'd');
}

} // namespace

class TestAddress : public QObject {
    Q_OBJECT

private slots:
    void parsePathAccepts_data();
    void parsePathAccepts();
    void parsePathRejects_data();
    void parsePathRejects();
    void parseAddressAccepts_data();
    void parseAddressAccepts();
    void parseAddressRejects_data();
    void parseAddressRejects();
    void isValidDomain_data();
    void isValidDomain();
    void toString_data();
    void toString();
};

void TestAddress::parsePathAccepts_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<bool>("allowNull");
    QTest::addColumn<bool>("allowUtf8");
    QTest::addColumn<QByteArray>("localPart");
    QTest::addColumn<QByteArray>("domain");
    QTest::addColumn<QByteArray>("rest");

    QTest::newRow("a plain mailbox")
        << QByteArray("<user@example.com>") << false << false
        << QByteArray("user") << QByteArray("example.com") << QByteArray();
    QTest::newRow("the domain is lowercased, the local part is not")
        << QByteArray("<John.Doe@Example.COM>") << false << false
        << QByteArray("John.Doe") << QByteArray("example.com") << QByteArray();
    QTest::newRow("the null reverse-path where it is allowed")
        << QByteArray("<>") << true << false
        << QByteArray() << QByteArray() << QByteArray();
    QTest::newRow("the null reverse-path keeps its parameters")
        << QByteArray("<> SIZE=100") << true << false
        << QByteArray() << QByteArray() << QByteArray(" SIZE=100");
    QTest::newRow("ESMTP parameters are returned with their leading space")
        << QByteArray("<a@example.com> SIZE=1000 BODY=8BITMIME") << false << false
        << QByteArray("a") << QByteArray("example.com") << QByteArray(" SIZE=1000 BODY=8BITMIME");
    QTest::newRow("a source route is dropped")
        << QByteArray("<@a.example,@b.example:user@c.example>") << false << false
        << QByteArray("user") << QByteArray("c.example") << QByteArray();
    QTest::newRow("a source route through the local domain delivers to the final mailbox")
        << QByteArray("<@local.example:user@ext.com>") << false << false
        << QByteArray("user") << QByteArray("ext.com") << QByteArray();
    QTest::newRow("a percent-hack relay address is only a local part")
        << QByteArray("<user%ext.com@local.example>") << false << false
        << QByteArray("user%ext.com") << QByteArray("local.example") << QByteArray();
    QTest::newRow("a bang path is only a local part")
        << QByteArray("<ext.com!user@local.example>") << false << false
        << QByteArray("ext.com!user") << QByteArray("local.example") << QByteArray();
    QTest::newRow("a quoted local part may contain a space")
        << QByteArray("<\"john smith\"@example.com>") << false << false
        << QByteArray("john smith") << QByteArray("example.com") << QByteArray();
    QTest::newRow("a quoted local part may contain '@'")
        << QByteArray("<\"user@ext.com\"@local.example>") << false << false
        << QByteArray("user@ext.com") << QByteArray("local.example") << QByteArray();
    QTest::newRow("a quoted local part may contain '>'")
        << QByteArray("<\"a>b\"@example.com> SIZE=1") << false << false
        << QByteArray("a>b") << QByteArray("example.com") << QByteArray(" SIZE=1");
    QTest::newRow("quoted-pair backslashes are removed")
        << QByteArray(R"(<"a\"b\\c"@example.com>)") << false << false
        << QByteArray(R"(a"b\c)") << QByteArray("example.com") << QByteArray();
    QTest::newRow("every atext special is allowed unquoted")
        << QByteArray("<!#$%&'*+-/=?^_`{|}~@example.com>") << false << false
        << QByteArray("!#$%&'*+-/=?^_`{|}~") << QByteArray("example.com") << QByteArray();
    QTest::newRow("hyphens and digits inside labels")
        << QByteArray("<a@1-2.x-y.example>") << false << false
        << QByteArray("a") << QByteArray("1-2.x-y.example") << QByteArray();
    QTest::newRow("an IPv4 address literal")
        << QByteArray("<user@[192.0.2.1]>") << false << false
        << QByteArray("user") << QByteArray("[192.0.2.1]") << QByteArray();
    QTest::newRow("an IPv6 address literal")
        << QByteArray("<user@[IPv6:2001:db8::1]>") << false << false
        << QByteArray("user") << QByteArray("[IPv6:2001:db8::1]") << QByteArray();
    QTest::newRow("the IPv6 tag and digits are normalised to one spelling")
        << QByteArray("<user@[ipv6:2001:DB8::1]>") << false << false
        << QByteArray("user") << QByteArray("[IPv6:2001:db8::1]") << QByteArray();
    QTest::newRow("UTF-8 local part and domain with SMTPUTF8")
        << QByteArray("<用户@例子.中国>") << false << true
        << QByteArray("用户") << QByteArray("例子.中国") << QByteArray();
    QTest::newRow("only the ASCII letters of a UTF-8 domain are lowercased")
        << QByteArray("<José@Café.Example>") << false << true
        << QByteArray("José") << QByteArray("café.example") << QByteArray();
    QTest::newRow("a local part of exactly 64 octets")
        << "<" + QByteArray(64, 'l') + "@example.com>" << false << false
        << QByteArray(64, 'l') << QByteArray("example.com") << QByteArray();
    QTest::newRow("a path of exactly 256 octets")
        << "<" + QByteArray(64, 'l') + "@" + domainOfLength(189) + ">" << false << false
        << QByteArray(64, 'l') << domainOfLength(189) << QByteArray();
}

void TestAddress::parsePathAccepts()
{
    QFETCH(QByteArray, argument);
    QFETCH(bool, allowNull);
    QFETCH(bool, allowUtf8);
    QFETCH(QByteArray, localPart);
    QFETCH(QByteArray, domain);
    QFETCH(QByteArray, rest);

    const auto parsed = parsePath(view(argument), {allowNull, allowUtf8});
    QVERIFY2(parsed.ok(), parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(bytes(parsed->address.localPart), localPart);
    QCOMPARE(bytes(parsed->address.domain), domain);
    QCOMPARE(bytes(parsed->rest), rest);
    QCOMPARE(parsed->address.isNull(), argument.startsWith("<>"));

    // What toString writes reads back as the same address.
    if (!parsed->address.isNull()) {
        const auto again = parseAddress(parsed->address.toString(), allowUtf8);
        QVERIFY2(again.ok(), again ? "" : again.error().message.c_str());
        QCOMPARE(*again, parsed->address);
    }
}

void TestAddress::parsePathRejects_data()
{
    QTest::addColumn<QByteArray>("argument");
    QTest::addColumn<bool>("allowNull");
    QTest::addColumn<bool>("allowUtf8");
    QTest::addColumn<QByteArray>("error");

    auto row = [](const char *name, const QByteArray &argument, const char *error,
                  bool allowNull = true, bool allowUtf8 = true) {
        QTest::newRow(name) << argument << allowNull << allowUtf8 << QByteArray(error);
    };

    row("an empty argument", "", "missing '<'");
    row("an address without angle brackets", "user@example.com", "missing '<'");
    row("a space before the opening bracket", " <user@example.com>", "missing '<'");
    row("no closing bracket", "<user@example.com", "missing '>'");
    row("no closing bracket before the parameters", "<user@example.com SIZE=1", "missing '>'");
    row("text glued to the closing bracket", "<a@example.com>SIZE=1", "unexpected text after '>'");
    row("doubled brackets", "<<a@example.com>>", "unexpected text after '>'");
    row("a second opening bracket", "<<a@example.com>", "invalid character in local part");
    row("the null path where it is not allowed", "<>", "empty address", false);
    row("an empty local part", "<@example.com>", "empty local part");
    row("an empty quoted local part", "<\"\"@example.com>", "empty local part");
    row("an empty domain", "<user@>", "empty domain");
    row("no domain at all", "<user>", "missing '@'");
    row("a source route with no mailbox", "<@a.example:>", "missing '@'");
    row("a leading dot in the local part", "<.user@example.com>", "misplaced '.' in local part");
    row("a trailing dot in the local part", "<user.@example.com>", "misplaced '.' in local part");
    row("a double dot in the local part", "<us..er@example.com>", "misplaced '.' in local part");
    row("a space in an unquoted local part", "<john smith@example.com>", "invalid character in local part");
    row("a space before the '@'", "<user @example.com>", "invalid character in local part");
    row("a space after the '@'", "<user@ example.com>", "invalid character in domain");
    row("a comma in an unquoted local part", "<a,b@example.com>", "invalid character in local part");
    row("a quote in the middle of the local part", "<a\"b\"@example.com>", "invalid character in local part");
    row("text between the quoted local part and '@'", "<\"a\"b@example.com>", "missing '@' after quoted local part");
    row("an unterminated quoted local part", "<\"abc@example.com>", "unterminated quoted string");
    row("a quoted pair escaping a non-ASCII character", "<\"\\é\"@example.com>", "invalid character in local part");
    row("a CR in the local part", "<a\r@example.com>", "control character in address");
    row("a LF in the domain", "<a@exam\nple.com>", "control character in address");
    row("a CRLF that would start a new command", "<a@example.com\r\nRCPT TO:<b@example.com>", "control character in address");
    row("a NUL in the local part", "<a" + QByteArray(1, '\0') + "b@example.com>", "control character in address");
    row("a DEL in the domain", "<a@exa\x7fmple.com>", "control character in address");
    row("a tab inside a quoted local part", "<\"a\tb\"@example.com>", "control character in address");
    row("a non-ASCII local part without SMTPUTF8", "<josé@example.com>", "non-ASCII address requires SMTPUTF8", false, false);
    row("a non-ASCII domain without SMTPUTF8", "<jose@café.example>", "non-ASCII address requires SMTPUTF8", false, false);
    row("a byte that is never UTF-8", "<\xff@example.com>", "invalid UTF-8 in address");
    row("an overlong UTF-8 encoding of '/'", "<\xc0\xaf@example.com>", "invalid UTF-8 in address");
    row("a UTF-8 encoded surrogate", "<\xed\xa0\x80@example.com>", "invalid UTF-8 in address");
    row("a truncated UTF-8 sequence", "<a@caf\xc3>", "invalid UTF-8 in address");
    row("a local part of 65 octets", "<" + QByteArray(65, 'l') + "@example.com>", "local part too long (max 64 octets)");
    row("a quoted local part counts its quotes", "<\"" + QByteArray(63, 'l') + "\"@example.com>", "local part too long (max 64 octets)");
    row("a path of 257 octets", "<" + QByteArray(64, 'l') + "@" + domainOfLength(190) + ">", "path too long (max 256 octets)");
    row("a domain label of 64 octets", "<a@" + QByteArray(64, 'd') + ".example>", "domain label too long (max 63 octets)");
    row("a label starting with a hyphen", "<a@-example.com>", "domain label starts or ends with '-'");
    row("a label ending with a hyphen", "<a@example-.com>", "domain label starts or ends with '-'");
    row("a double dot in the domain", "<a@example..com>", "empty domain label");
    row("a trailing dot in the domain", "<a@example.com.>", "empty domain label");
    row("a leading dot in the domain", "<a@.example.com>", "empty domain label");
    row("an underscore in the domain", "<a@ex_ample.com>", "invalid character in domain");
    row("a second '@'", "<a@b@example.com>", "invalid character in domain");
    row("an IPv4 literal out of range", "<a@[192.0.2.256]>", "invalid address literal");
    row("an IPv4 literal with three parts", "<a@[192.0.2]>", "invalid address literal");
    row("an IPv6 literal with a bad digit", "<a@[IPv6:2001:db8::g]>", "invalid address literal");
    row("an IPv6 address without the IPv6 tag", "<a@[2001:db8::1]>", "unsupported address literal");
    row("a general address literal", "<a@[x400:c=gb]>", "unsupported address literal");
    row("an empty address literal", "<a@[]>", "invalid address literal");
    row("an unclosed address literal", "<a@[192.0.2.1>", "invalid address literal");
    row("a source route hop with a bad domain", "<@-bad.example:user@example.com>", "invalid source route");
    row("a source route hop without '@'", "<@a.example,b.example:user@example.com>", "invalid source route");
    row("a source route with an empty hop", "<@a.example,:user@example.com>", "invalid source route");
}

void TestAddress::parsePathRejects()
{
    QFETCH(QByteArray, argument);
    QFETCH(bool, allowNull);
    QFETCH(bool, allowUtf8);
    QFETCH(QByteArray, error);

    const auto parsed = parsePath(view(argument), {allowNull, allowUtf8});
    QVERIFY(!parsed.ok());
    QCOMPARE(bytes(parsed.error().message), error);
}

void TestAddress::parseAddressAccepts_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QByteArray>("localPart");
    QTest::addColumn<QByteArray>("domain");

    QTest::newRow("a bare address")
        << QByteArray("user@Example.com") << QByteArray("user") << QByteArray("example.com");
    QTest::newRow("a bare quoted local part")
        << QByteArray("\"a b\"@example.com") << QByteArray("a b") << QByteArray("example.com");
    QTest::newRow("UTF-8 is allowed by default")
        << QByteArray("用户@例子.中国") << QByteArray("用户") << QByteArray("例子.中国");
    QTest::newRow("a domain of exactly 255 octets")
        << "a@" + domainOfLength(255) << QByteArray("a") << domainOfLength(255);
}

void TestAddress::parseAddressAccepts()
{
    QFETCH(QByteArray, text);
    QFETCH(QByteArray, localPart);
    QFETCH(QByteArray, domain);

    const auto parsed = parseAddress(view(text));
    QVERIFY2(parsed.ok(), parsed ? "" : parsed.error().message.c_str());
    QCOMPARE(bytes(parsed->localPart), localPart);
    QCOMPARE(bytes(parsed->domain), domain);
}

void TestAddress::parseAddressRejects_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("allowUtf8");
    QTest::addColumn<QByteArray>("error");

    QTest::newRow("an empty string")
        << QByteArray() << true << QByteArray("empty address");
    QTest::newRow("angle brackets are not part of a bare address")
        << QByteArray("<a@example.com>") << true << QByteArray("invalid character in local part");
    QTest::newRow("a source route is not part of a bare address")
        << QByteArray("@a.example:user@example.com") << true << QByteArray("empty local part");
    QTest::newRow("a name without a domain")
        << QByteArray("postmaster") << true << QByteArray("missing '@'");
    QTest::newRow("a trailing space")
        << QByteArray("a@example.com ") << true << QByteArray("invalid character in domain");
    QTest::newRow("UTF-8 when the caller does not allow it")
        << QByteArray("josé@example.com") << false << QByteArray("non-ASCII address requires SMTPUTF8");
    QTest::newRow("a domain of 256 octets")
        << "a@" + domainOfLength(256) << true << QByteArray("domain too long (max 255 octets)");
}

void TestAddress::parseAddressRejects()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, allowUtf8);
    QFETCH(QByteArray, error);

    const auto parsed = parseAddress(view(text), allowUtf8);
    QVERIFY(!parsed.ok());
    QCOMPARE(bytes(parsed.error().message), error);
}

void TestAddress::isValidDomain_data()
{
    QTest::addColumn<QByteArray>("domain");
    QTest::addColumn<bool>("allowUtf8");
    QTest::addColumn<bool>("valid");

    QTest::newRow("a simple domain") << QByteArray("example.com") << false << true;
    QTest::newRow("a single label") << QByteArray("localhost") << false << true;
    QTest::newRow("mixed case") << QByteArray("Mail.Example.COM") << false << true;
    QTest::newRow("a U-label with UTF-8 allowed") << QByteArray("bücher.example") << true << true;
    QTest::newRow("a U-label without UTF-8") << QByteArray("bücher.example") << false << false;
    QTest::newRow("an A-label") << QByteArray("xn--bcher-kva.example") << false << true;
    QTest::newRow("255 octets") << domainOfLength(255) << false << true;
    QTest::newRow("256 octets") << domainOfLength(256) << false << false;
    QTest::newRow("a 63-octet label") << QByteArray(63, 'd') + ".example" << false << true;
    QTest::newRow("a 64-octet label") << QByteArray(64, 'd') + ".example" << false << false;
    QTest::newRow("empty") << QByteArray() << false << false;
    QTest::newRow("an empty label") << QByteArray("a..example") << false << false;
    QTest::newRow("a trailing dot") << QByteArray("example.com.") << false << false;
    QTest::newRow("a leading hyphen") << QByteArray("-a.example") << false << false;
    QTest::newRow("a trailing hyphen") << QByteArray("a-.example") << false << false;
    QTest::newRow("an underscore") << QByteArray("_dmarc.example") << false << false;
    QTest::newRow("an address literal is not a domain name") << QByteArray("[192.0.2.1]") << false << false;
    QTest::newRow("a space") << QByteArray("exa mple.com") << false << false;
    QTest::newRow("invalid UTF-8") << QByteArray("caf\xc3.example") << true << false;
}

void TestAddress::isValidDomain()
{
    QFETCH(QByteArray, domain);
    QFETCH(bool, allowUtf8);
    QFETCH(bool, valid);

    QCOMPARE(postwr::mail::isValidDomain(view(domain), allowUtf8), valid);
}

void TestAddress::toString_data()
{
    QTest::addColumn<QByteArray>("localPart");
    QTest::addColumn<QByteArray>("domain");
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("a dot-atom is written as is")
        << QByteArray("john.doe") << QByteArray("example.com") << QByteArray("john.doe@example.com");
    QTest::newRow("a UTF-8 local part is a dot-atom")
        << QByteArray("用户") << QByteArray("例子.中国") << QByteArray("用户@例子.中国");
    QTest::newRow("a space needs quotes")
        << QByteArray("john smith") << QByteArray("example.com") << QByteArray("\"john smith\"@example.com");
    QTest::newRow("an '@' needs quotes")
        << QByteArray("user@ext.com") << QByteArray("local.example") << QByteArray("\"user@ext.com\"@local.example");
    QTest::newRow("a leading dot needs quotes")
        << QByteArray(".user") << QByteArray("example.com") << QByteArray("\".user\"@example.com");
    QTest::newRow("quotes and backslashes are escaped")
        << QByteArray(R"(a"b\c)") << QByteArray("example.com") << QByteArray(R"("a\"b\\c"@example.com)");
    QTest::newRow("an address literal domain")
        << QByteArray("user") << QByteArray("[IPv6:2001:db8::1]") << QByteArray("user@[IPv6:2001:db8::1]");
    QTest::newRow("the null path is empty")
        << QByteArray() << QByteArray() << QByteArray();
}

void TestAddress::toString()
{
    QFETCH(QByteArray, localPart);
    QFETCH(QByteArray, domain);
    QFETCH(QByteArray, text);

    const Address address{localPart.toStdString(), domain.toStdString()};
    QCOMPARE(bytes(address.toString()), text);
}

QTEST_GUILESS_MAIN(TestAddress)
#include "tst_address.moc"
