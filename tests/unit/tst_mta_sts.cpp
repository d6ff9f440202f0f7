// MTA-STS (RFC 8461) sans-IO parts: the _mta-sts TXT record (§3.1), the
// policy file (§3.2), MX pattern matching (§4.1), postwrd's cache file, and
// the HTTP response parser of the policy fetch (§3.3: 200 only, no
// redirects, a bounded body).
#include "daemon/https_fetch.h"
#include "mail/mta_sts.h"

#include <QTest>

using namespace postwr::mail;
using postwr::daemon::HttpResponse;
using postwr::daemon::parseHttpResponse;

namespace {

QStringList toQt(const std::vector<std::string> &list)
{
    QStringList out;
    for (const std::string &item : list)
        out << QString::fromStdString(item);
    return out;
}

std::vector<std::string> fromQt(const QStringList &list)
{
    std::vector<std::string> out;
    for (const QString &item : list)
        out.push_back(item.toStdString());
    return out;
}

// The example policy of RFC 8461 §3.2, as published (CRLF).
const char *const kRfcPolicy = "version: STSv1\r\n"
                               "mode: enforce\r\n"
                               "mx: mail.example.com\r\n"
                               "mx: *.example.net\r\n"
                               "mx: backupmx.example.com\r\n"
                               "max_age: 604800\r\n";

} // namespace

class TestMtaSts : public QObject {
    Q_OBJECT

private slots:
    void record_data();
    void record();
    void selectRecord_data();
    void selectRecord();
    void policy_data();
    void policy();
    void mxMatching_data();
    void mxMatching();
    void cacheRoundTrip();
    void cacheRejects_data();
    void cacheRejects();
    void httpResponse_data();
    void httpResponse();
};

void TestMtaSts::record_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("id");

    QTest::newRow("the RFC 8461 §3.1 example is valid")
        << "v=STSv1; id=20160831085700Z;" << true << "20160831085700Z";
    QTest::newRow("the final semicolon is optional")
        << "v=STSv1; id=20160831085700Z" << true << "20160831085700Z";
    QTest::newRow("spaces around the semicolon are optional") << "v=STSv1;id=abc" << true << "abc";
    QTest::newRow("trailing whitespace is allowed") << "v=STSv1; id=abc;  " << true << "abc";
    QTest::newRow("an extension field is ignored")
        << "v=STSv1; id=abc; ext_1.x=value!;" << true << "abc";
    QTest::newRow("an id of 32 characters is valid")
        << "v=STSv1; id=" + QString(32, QLatin1Char('a')) << true << QString(32, QLatin1Char('a'));
    QTest::newRow("a record without id is invalid") << "v=STSv1;" << false << "";
    QTest::newRow("a record with only an extension is invalid") << "v=STSv1; ext=1;" << false << "";
    QTest::newRow("another version is invalid") << "v=STSv2; id=abc;" << false << "";
    QTest::newRow("the version is case-sensitive") << "v=stsv1; id=abc;" << false << "";
    QTest::newRow("the version must come first") << "id=abc; v=STSv1;" << false << "";
    QTest::newRow("an empty id is invalid") << "v=STSv1; id=;" << false << "";
    QTest::newRow("an id with a dash is invalid") << "v=STSv1; id=2016-08-31;" << false << "";
    QTest::newRow("an id of 33 characters is invalid")
        << "v=STSv1; id=" + QString(33, QLatin1Char('a')) << false << "";
    QTest::newRow("two ids are invalid") << "v=STSv1; id=a; id=b;" << false << "";
    QTest::newRow("an empty field in the middle is invalid") << "v=STSv1; ; id=abc" << false << "";
    QTest::newRow("a field without = is invalid") << "v=STSv1; id=abc; junk" << false << "";
    QTest::newRow("an extension value with a space is invalid")
        << "v=STSv1; id=abc; ext=a b" << false << "";
    QTest::newRow("an SPF record is not an MTA-STS record") << "v=spf1 -all" << false << "";
}

void TestMtaSts::record()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, id);
    const Result<MtaStsRecord> record = parseMtaStsRecord(text.toStdString());
    QVERIFY2(record.ok() == valid, record.ok() ? "accepted" : record.error().message.c_str());
    if (valid)
        QCOMPARE(QString::fromStdString(record->id), id);
}

void TestMtaSts::selectRecord_data()
{
    QTest::addColumn<QStringList>("records");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("id");

    QTest::newRow("one record is used") << QStringList { "v=STSv1; id=abc;" } << true << "abc";
    QTest::newRow("records not starting with v=STSv1; are discarded")
        << QStringList { "v=spf1 -all", "v=STSv1; id=abc;", "hello" } << true << "abc";
    QTest::newRow("two MTA-STS records mean no policy")
        << QStringList { "v=STSv1; id=abc;", "v=STSv1; id=def;" } << false << "";
    QTest::newRow("no record means no policy") << QStringList {} << false << "";
    QTest::newRow("only other records means no policy")
        << QStringList { "v=spf1 -all" } << false << "";
    QTest::newRow("one invalid record means no policy")
        << QStringList { "v=STSv1; id=no-dashes;" } << false << "";
}

void TestMtaSts::selectRecord()
{
    QFETCH(QStringList, records);
    QFETCH(bool, valid);
    QFETCH(QString, id);
    const Result<MtaStsRecord> record = selectMtaStsRecord(fromQt(records));
    QVERIFY2(record.ok() == valid, record.ok() ? "accepted" : record.error().message.c_str());
    if (valid)
        QCOMPARE(QString::fromStdString(record->id), id);
}

void TestMtaSts::policy_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("mode");
    QTest::addColumn<QStringList>("mx");
    QTest::addColumn<qint64>("maxAge");
    QTest::addColumn<int>("errorLine");

    const QStringList rfcMx { "mail.example.com", "*.example.net", "backupmx.example.com" };
    QTest::newRow("the RFC 8461 §3.2 example (CRLF) is valid")
        << kRfcPolicy << true << "enforce" << rfcMx << qint64(604800) << 0;
    QTest::newRow("LF line endings are valid") << QString(kRfcPolicy).remove(QLatin1Char('\r'))
                                               << true << "enforce" << rfcMx << qint64(604800) << 0;
    QTest::newRow("no final line ending is valid")
        << "version: STSv1\nmode: testing\nmx: mx.example.com\nmax_age: 86400" << true << "testing"
        << QStringList { "mx.example.com" } << qint64(86400) << 0;
    QTest::newRow("fields in another order are valid")
        << "max_age: 86400\r\nmx: mx.example.com\r\nmode: enforce\r\nversion: STSv1\r\n"
        << true << "enforce" << QStringList { "mx.example.com" } << qint64(86400) << 0;
    QTest::newRow("whitespace around values is allowed")
        << "version:STSv1\nmode:\tenforce  \nmx:   MX.Example.COM\nmax_age: 60 \n"
        << true << "enforce" << QStringList { "mx.example.com" } << qint64(60) << 0;
    QTest::newRow("mode none needs no mx")
        << "version: STSv1\nmode: none\nmax_age: 86400\n"
        << true << "none" << QStringList {} << qint64(86400) << 0;
    QTest::newRow("unknown keys are ignored")
        << "version: STSv1\nmode: enforce\nx-extension: whatever: value\nmx: "
           "mx.example.com\nmax_age: 1\n"
        << true << "enforce" << QStringList { "mx.example.com" } << qint64(1) << 0;
    QTest::newRow("max_age of a year is valid")
        << "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 31557600\n"
        << true << "enforce" << QStringList { "a.example" } << qint64(31557600) << 0;
    QTest::newRow("max_age 0 is valid")
        << "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 0\n"
        << true << "enforce" << QStringList { "a.example" } << qint64(0) << 0;

    QTest::newRow("an empty file is invalid")
        << "" << false << "" << QStringList {} << qint64(0) << 0;
    QTest::newRow("another version is invalid")
        << "version: STSv2\nmode: enforce\nmx: a.example\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 1;
    QTest::newRow("a missing version is invalid")
        << "mode: enforce\nmx: a.example\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 0;
    QTest::newRow("keys are case-sensitive (Version is an extension)")
        << "Version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 0;
    QTest::newRow("an unknown mode is invalid")
        << "version: STSv1\nmode: reject\nmx: a.example\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 2;
    QTest::newRow("the mode is case-sensitive")
        << "version: STSv1\nmode: ENFORCE\nmx: a.example\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 2;
    QTest::newRow("a missing mode is invalid") << "version: STSv1\nmx: a.example\nmax_age: 1\n"
                                               << false << "" << QStringList {} << qint64(0) << 0;
    QTest::newRow("two modes are invalid")
        << "version: STSv1\nmode: enforce\nmode: none\nmx: a.example\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 3;
    QTest::newRow("a missing max_age is invalid")
        << "version: STSv1\nmode: enforce\nmx: a.example\n"
        << false << "" << QStringList {} << qint64(0) << 0;
    QTest::newRow("max_age over a year is invalid")
        << "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 31557601\n"
        << false << "" << QStringList {} << qint64(0) << 4;
    QTest::newRow("a negative max_age is invalid")
        << "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: -1\n"
        << false << "" << QStringList {} << qint64(0) << 4;
    QTest::newRow("max_age of 11 digits is invalid")
        << "version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 00000000001\n"
        << false << "" << QStringList {} << qint64(0) << 4;
    QTest::newRow("enforce without mx is invalid")
        << "version: STSv1\nmode: enforce\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 0;
    QTest::newRow("testing without mx is invalid")
        << "version: STSv1\nmode: testing\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 0;
    QTest::newRow("a lone * is not an mx pattern")
        << "version: STSv1\nmode: enforce\nmx: *\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 3;
    QTest::newRow("a wildcard inside a name is not an mx pattern")
        << "version: STSv1\nmode: enforce\nmx: mx.*.example.com\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 3;
    QTest::newRow("an empty mx is invalid") << "version: STSv1\nmode: enforce\nmx:\nmax_age: 1\n"
                                            << false << "" << QStringList {} << qint64(0) << 3;
    QTest::newRow("a line without colon is invalid")
        << "version: STSv1\nmode enforce\nmx: a.example\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 2;
    QTest::newRow("a bare CR is invalid")
        << "version: STSv1\rmode: enforce\nmx: a.example\nmax_age: 1\n"
        << false << "" << QStringList {} << qint64(0) << 1;
    QTest::newRow("an HTML error page is invalid")
        << "<html><body>Not Found</body></html>\n"
        << false << "" << QStringList {} << qint64(0) << 1;
}

void TestMtaSts::policy()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(QString, mode);
    QFETCH(QStringList, mx);
    QFETCH(qint64, maxAge);
    QFETCH(int, errorLine);
    const Result<MtaStsPolicy> policy = parseMtaStsPolicy(text.toStdString());
    QVERIFY2(policy.ok() == valid, policy.ok() ? "accepted" : policy.error().describe().c_str());
    if (!valid) {
        QCOMPARE(policy.error().line, errorLine);
        return;
    }
    QCOMPARE(QString::fromUtf8(modeName(policy->mode).data()), mode);
    QCOMPARE(toQt(policy->mx), mx);
    QCOMPARE(qint64(policy->maxAge), maxAge);
}

void TestMtaSts::mxMatching_data()
{
    QTest::addColumn<QStringList>("patterns");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("matches");

    const QStringList rfc { "mail.example.com", "*.example.net", "backupmx.example.com" };
    QTest::newRow("an exact name matches") << rfc << "mail.example.com" << true;
    QTest::newRow("names compare case-insensitively") << rfc << "Mail.Example.COM" << true;
    QTest::newRow("a trailing dot is ignored") << rfc << "mail.example.com." << true;
    QTest::newRow("another name does not match") << rfc << "mx.example.com" << false;
    QTest::newRow("a longer name does not match an exact pattern")
        << rfc << "a.mail.example.com" << false;
    QTest::newRow("*.example.net matches one more label") << rfc << "mx1.example.net" << true;
    QTest::newRow("*.example.net matches in any case") << rfc << "MX1.EXAMPLE.NET" << true;
    QTest::newRow("*.example.net does not match example.net") << rfc << "example.net" << false;
    QTest::newRow("*.example.net does not match two more labels")
        << rfc << "a.b.example.net" << false;
    QTest::newRow("*.example.net does not match a name merely ending like it")
        << rfc << "badexample.net" << false;
    QTest::newRow("*.example.com does not match example.com")
        << QStringList { "*.example.com" } << "example.com" << false;
    QTest::newRow("*.example.com does not match a.b.example.com")
        << QStringList { "*.example.com" } << "a.b.example.com" << false;
    QTest::newRow("*.example.com matches mail.example.com")
        << QStringList { "*.example.com" } << "mail.example.com" << true;
    QTest::newRow("*.example.com does not match .example.com")
        << QStringList { "*.example.com" } << ".example.com" << false;
    QTest::newRow("an empty host matches nothing") << rfc << "" << false;
    QTest::newRow("no pattern matches nothing") << QStringList {} << "mail.example.com" << false;
}

void TestMtaSts::mxMatching()
{
    QFETCH(QStringList, patterns);
    QFETCH(QString, host);
    QFETCH(bool, matches);
    MtaStsPolicy policy;
    policy.mode = MtaStsMode::Enforce;
    policy.maxAge = 86400;
    policy.mx = fromQt(patterns);
    QCOMPARE(mxMatches(policy, host.toStdString()), matches);
}

void TestMtaSts::cacheRoundTrip()
{
    MtaStsCacheEntries entries;
    entries["example.com"] = { "20160831085700Z", 1700000000,
        { MtaStsMode::Enforce, { "mail.example.com", "*.example.net" }, 604800 } };
    entries["testing.example"]
        = { "abc", 1700000123, { MtaStsMode::Testing, { "mx.testing.example" }, 31557600 } };
    entries["gone.example"] = { "1", 1, { MtaStsMode::None, {}, 0 } };

    const std::string text = serializeMtaStsCache(entries);
    const Result<MtaStsCacheEntries> parsed = parseMtaStsCache(text);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().describe().c_str());
    QVERIFY(*parsed == entries);
    QCOMPARE(serializeMtaStsCache(*parsed), text);

    const Result<MtaStsCacheEntries> empty = parseMtaStsCache(serializeMtaStsCache({}));
    QVERIFY(empty.ok());
    QVERIFY(empty->empty());

    QCOMPARE(entries["example.com"].expiresAt(), std::int64_t(1700604800));
    QVERIFY(!entries["example.com"].expired(1700604799));
    QVERIFY(entries["example.com"].expired(1700604800));
}

void TestMtaSts::cacheRejects_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("errorLine");

    const QString head = QStringLiteral("postwr-mta-sts-cache 1\n");
    const QString entry = QStringLiteral(
        "domain example.com\nid abc\nfetched 100\nmode enforce\nmax_age 60\nmx mx.example.com\n");
    QTest::newRow("an empty file is corrupt") << "" << 0;
    QTest::newRow("a file without the version line is corrupt") << entry << 1;
    QTest::newRow("a newer version is refused") << "postwr-mta-sts-cache 2\n" + entry << 1;
    QTest::newRow("a truncated entry is corrupt")
        << head + "domain example.com\nid abc\nfetched 100\n"
        << 2;
    QTest::newRow("an entry without mx in enforce mode is corrupt")
        << head + "domain example.com\nid abc\nfetched 100\nmode enforce\nmax_age 60\n"
        << 2;
    QTest::newRow("an unknown key is corrupt") << head + entry + "colour blue\n" << 8;
    QTest::newRow("a key before any domain is corrupt") << head + "id abc\n" + entry << 2;
    QTest::newRow("a domain twice is corrupt") << head + entry + entry << 8;
    QTest::newRow("a bad fetched time is corrupt")
        << head + QString(entry).replace("fetched 100", "fetched soon") << 4;
    QTest::newRow("a bad mode is corrupt")
        << head + QString(entry).replace("mode enforce", "mode strict") << 5;
    QTest::newRow("a bad id is corrupt") << head + QString(entry).replace("id abc", "id a-b") << 3;
    QTest::newRow("a repeated key is corrupt") << head + entry + "max_age 61\n" << 8;
    QTest::newRow("binary garbage is corrupt") << QString::fromLatin1("\x01\x02garbage\n") << 1;
}

void TestMtaSts::cacheRejects()
{
    QFETCH(QString, text);
    QFETCH(int, errorLine);
    const Result<MtaStsCacheEntries> parsed = parseMtaStsCache(text.toStdString());
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().line, errorLine);
}

void TestMtaSts::httpResponse_data()
{
    QTest::addColumn<QByteArray>("received");
    QTest::addColumn<bool>("closed");
    QTest::addColumn<QString>("outcome"); // "body:<text>", "more", or "error:<part of the message>"

    const QByteArray ok = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n";
    QTest::newRow("a Content-Length body is complete when all of it arrived")
        << ok + "Content-Length: 5\r\n\r\nhello" << false << "body:hello";
    QTest::newRow("a Content-Length body waits for the rest")
        << ok + "Content-Length: 5\r\n\r\nhel" << false << "more";
    QTest::newRow("a Content-Length body cut by the close is an error")
        << ok + "Content-Length: 5\r\n\r\nhel" << true << "error:closed";
    QTest::newRow("an HTTP/1.0 answer is fine")
        << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << false << "body:ok";
    QTest::newRow("a head not yet complete waits")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-") << false << "more";
    QTest::newRow("a body without length ends at the close") << ok + "\r\nversion: STSv1\r\n"
                                                             << true << "body:version: STSv1\r\n";
    QTest::newRow("a body without length waits for the close")
        << ok + "\r\nversion" << false << "more";
    QTest::newRow("a chunked body is decoded")
        << ok + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n"
        << false << "body:hello, world";
    QTest::newRow("a chunked body with trailers is decoded")
        << ok + "Transfer-Encoding: Chunked\r\n\r\nA\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n"
        << false << "body:0123456789";
    QTest::newRow("a chunked body waits for the last chunk")
        << ok + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
        << false << "more";
    QTest::newRow("a chunked body cut by the close is an error")
        << ok + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n"
        << true << "error:closed";
    QTest::newRow("a bad chunk size is an error")
        << ok + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n"
        << false << "error:chunk size";
    QTest::newRow("a chunk without CRLF is an error")
        << ok + "Transfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n"
        << false << "error:CRLF";
    QTest::newRow("chunks over the limit are refused") << ok
            + "Transfer-Encoding: chunked\r\n\r\n40\r\n" + QByteArray(64, 'x')
            + "\r\n1\r\nx\r\n0\r\n\r\n" << false << "error:over 64 bytes";
    QTest::newRow("another transfer coding is refused")
        << ok + "Transfer-Encoding: gzip, chunked\r\n\r\n"
        << false << "error:Transfer-Encoding";
    QTest::newRow("a Content-Length over the limit is refused at once") << ok
            + "Content-Length: 65\r\n\r\n" << false << "error:over 64 bytes";
    QTest::newRow("a body without length over the limit is refused")
        << ok + "\r\n" + QByteArray(65, 'x') << false << "error:over 64 bytes";
    QTest::newRow("two different Content-Length are refused")
        << ok + "Content-Length: 2\r\nContent-Length: 3\r\n\r\nabc" << false
        << "error:Content-Length";
    QTest::newRow("a 301 redirect is refused")
        << QByteArray("HTTP/1.1 301 Moved Permanently\r\nLocation: https://evil.example/\r\n\r\n")
        << false << "error:redirect";
    QTest::newRow("a 302 redirect is refused")
        << QByteArray("HTTP/1.1 302 Found\r\n\r\n") << false << "error:redirect";
    QTest::newRow("a 404 is refused")
        << QByteArray("HTTP/1.1 404 Not Found\r\n\r\n") << false << "error:404";
    QTest::newRow("a 204 is refused")
        << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << "error:204";
    QTest::newRow("not HTTP is refused")
        << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << false << "error:HTTP";
    QTest::newRow("a closed connection without a head is an error")
        << QByteArray("HTTP/1.1 200") << true << "error:closed";
    QTest::newRow("folded header lines are refused")
        << ok + "X-Long: a\r\n b\r\nContent-Length: 0\r\n\r\n"
        << false << "error:header";
}

void TestMtaSts::httpResponse()
{
    QFETCH(QByteArray, received);
    QFETCH(bool, closed);
    QFETCH(QString, outcome);
    const auto response = parseHttpResponse(
        std::string_view(received.constData(), std::size_t(received.size())), closed, 64);
    if (outcome.startsWith("error:")) {
        QVERIFY2(!response.ok(), "accepted");
        QVERIFY2(QString::fromStdString(response.error().message).contains(outcome.mid(6)),
            response.error().message.c_str());
        return;
    }
    QVERIFY2(response.ok(), response.ok() ? "" : response.error().message.c_str());
    if (outcome == "more") {
        QVERIFY(!response->has_value());
        return;
    }
    QVERIFY(response->has_value());
    QCOMPARE((*response)->status, 200);
    QCOMPARE(QString::fromStdString((*response)->body), outcome.mid(5));
}

QTEST_GUILESS_MAIN(TestMtaSts)
#include "tst_mta_sts.moc"
