// `postwrd dns records`, the real binary, checked by programs no one here
// wrote, against a real DNS server:
//
//   keys      `postwrd dkim keygen` (RSA-2048 and Ed25519);
//   zone      `dns records DOMAIN --format zone`, an SOA and NS put in front,
//             accepted by nsd-checkzone and served by NSD on loopback
//             (support/nsd_instance.h). Two domains: example.test, whose
//             host name mail.example.test is inside it, with the defaults;
//             hard.test, with --spf-all hard and other options, whose host
//             name is outside it. The PTR lines, comments in the output, are
//             uncommented into in-addr.arpa and ip6.arpa zones;
//   checks    /usr/bin/python3 with dnspython asking NSD for every record of
//             the JSON output and comparing; pyspf evaluating SPF for the
//             domains and the HELO name; dkimpy verifying mail signed by
//             `postwrd dkim sign` with the published keys; the DMARC record
//             parsed as a tag list; the JSON parsed by Python's json.
//
// The addresses are documentation ranges (192.0.2.0/24, 2001:db8::/32):
// only data in records, never contacted.

#include "support/nsd_instance.h"
#include "support/postwrd_instance.h"
#include "support/process_runner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

namespace {

const QString kDomain = QStringLiteral("example.test");     // host name inside
const QString kHardDomain = QStringLiteral("hard.test");    // host name outside
// Mail stays with its provider: no MX, SPF keeps the provider's include.
const QString kKeptDomain = QStringLiteral("kept.test");
const QString kProviderSpf = QStringLiteral("_spf.provider.test");
const QString kHost = QStringLiteral("mail.example.test");  // PostwrdInstance's hostname
const QString kIpv4 = QStringLiteral("192.0.2.10");
const QString kIpv6 = QStringLiteral("2001:db8::10");

QString failure(const QString &what, const ProcessResult &result) {
  return QStringLiteral("%1: %2\nstdout: %3\nstderr: %4")
      .arg(what, result.status(), QString::fromUtf8(result.standardOutput), QString::fromUtf8(result.standardError));
}

// Asks the server for each [name, type] of the JSON list on stdin; prints a
// JSON object "name type" -> {"values": [...]} or {"error": "..."}. MX, SRV
// and PTR values are written as the JSON output of postwrd writes them (host
// names without the final dot); a TXT value is its list of
// character-strings. Type REV takes an IP address and asks for the PTR of
// the reverse name dnspython makes, returned as "qname".
const char *kQuery = R"PY(
import json, sys
import dns.resolver, dns.reversename
address, port = sys.argv[1], int(sys.argv[2])
resolver = dns.resolver.Resolver(configure=False)
resolver.nameservers = [address]
resolver.port = port
resolver.lifetime = 5
out = {}
for name, rtype in json.load(sys.stdin):
    key = name + ' ' + rtype
    qname, qtype = name, rtype
    if rtype == 'REV':
        qname, qtype = dns.reversename.from_address(name).to_text(omit_final_dot=True), 'PTR'
    try:
        values = []
        for rdata in resolver.resolve(qname, qtype):
            if qtype == 'TXT':
                values.append([s.decode('latin-1') for s in rdata.strings])
            elif qtype == 'MX':
                values.append('%d %s' % (rdata.preference, rdata.exchange.to_text(omit_final_dot=True)))
            elif qtype == 'SRV':
                values.append('%d %d %d %s' % (rdata.priority, rdata.weight, rdata.port,
                                               rdata.target.to_text(omit_final_dot=True)))
            elif qtype == 'PTR':
                values.append(rdata.target.to_text(omit_final_dot=True))
            else:
                values.append(rdata.to_text())
        out[key] = {'qname': qname, 'values': values}
    except Exception as e:
        out[key] = {'error': '%s: %s' % (type(e).__name__, e)}
json.dump(out, sys.stdout)
)PY";

// pyspf's check2 (RFC 7208 check_host) with dnspython's default resolver
// pointed at our server. Arguments: server, port, IP, sender, HELO name.
// Prints the result ("pass", "softfail", ...).
const char *kPyspf = R"PY(
import sys, warnings
warnings.simplefilter('ignore')
import dns.resolver, spf
address, port, ip, sender, helo = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
resolver = dns.resolver.Resolver(configure=False)
resolver.nameservers = [address]
resolver.port = port
resolver.lifetime = 5
dns.resolver.default_resolver = resolver
result, explanation = spf.check2(i=ip, s=sender, h=helo)
print(result)
)PY";

// dkimpy's verifier with its key lookups sent to our server. Arguments:
// server, port; the message on stdin. Prints "pass" or "fail: why".
const char *kDkimpy = R"PY(
import sys
import dkim, dns.resolver
address, port = sys.argv[1], int(sys.argv[2])
def dnsfunc(name, timeout=5):
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [address]
    resolver.port = port
    resolver.lifetime = timeout
    name = name.decode('ascii') if isinstance(name, bytes) else name
    return b''.join(resolver.resolve(name, 'TXT')[0].strings)
try:
    print('pass' if dkim.verify(sys.stdin.buffer.read(), dnsfunc=dnsfunc) else 'fail: verify() returned False')
except Exception as e:
    print('fail: %s: %s' % (type(e).__name__, e))
)PY";

// Python's json reads the output; prints each record's id, and exits 1 if a
// record lacks a field the wizard relies on.
const char *kJsonIds = R"PY(
import json, sys
data = json.load(sys.stdin)
for record in data['records']:
    for key in ('id', 'type', 'name', 'value', 'where', 'purpose'):
        if not isinstance(record.get(key), str) or not record[key]:
            sys.exit('record %r lacks %s' % (record.get('id'), key))
    print(record['id'])
)PY";

// The zone's PTR lines, which the output has as comments, as master-file
// lines of the reverse zone they belong to.
QByteArray reverseZoneLines(const QByteArray &zone, const QString &suffix) {
  QByteArray lines;
  for (const QByteArray &line : zone.split('\n')) {
    if (line.startsWith("; ") && line.contains(" IN PTR ") && line.contains(suffix.toLatin1() + ". IN"))
      lines += line.mid(2) + '\n';
  }
  return lines;
}

}  // namespace

class ItDnsRecords : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QString error;
    python_ = systemPython(&error);
    QVERIFY2(!python_.isEmpty(), qPrintable(error));
    const ProcessResult modules = python({QStringLiteral("-c"), QStringLiteral("import dns.resolver, dns.reversename, spf, dkim")});
    QVERIFY2(modules.succeeded(), qPrintable(QStringLiteral("/usr/bin/python3 lacks dnspython, pyspf or dkimpy: "
                                                            "apt-get install python3-dnspython python3-spf python3-dkim\n") +
                                             QString::fromUtf8(modules.standardError)));
    QVERIFY2(!NsdInstance::toolPath(QStringLiteral("nsd"), &error).isEmpty(), qPrintable(error));

    postwrd_ = std::make_unique<PostwrdInstance>();
    postwrd_->addDomain(kDomain);
    postwrd_->addDomain(kHardDomain);
    postwrd_->addDomain(kKeptDomain);
    QVERIFY2(postwrd_->prepare(), qPrintable(postwrd_->errorString()));
    for (const QStringList &options : {QStringList{QStringLiteral("--selector"), QStringLiteral("rsa2026")},
                                       QStringList{QStringLiteral("--selector"), QStringLiteral("ed2026"),
                                                   QStringLiteral("--algorithm"), QStringLiteral("ed25519")}}) {
      const ProcessResult keygen = postwrd_->cli(QStringList{QStringLiteral("dkim"), QStringLiteral("keygen"), kDomain} + options);
      QVERIFY2(keygen.succeeded(), qPrintable(failure(QStringLiteral("dkim keygen"), keygen)));
    }

    const QStringList hardOptions = {QStringLiteral("--spf-all"), QStringLiteral("hard"),
                                     QStringLiteral("--dmarc-policy=reject"), QStringLiteral("--dmarc-rua"),
                                     QStringLiteral("reports@example.test"), QStringLiteral("--ttl"), QStringLiteral("600")};
    zone_ = records(kDomain, QStringLiteral("zone"));
    hardZone_ = records(kHardDomain, QStringLiteral("zone"), hardOptions);
    json_ = records(kDomain, QStringLiteral("json"));
    hardJson_ = records(kHardDomain, QStringLiteral("json"), hardOptions);
    const QStringList keptOptions = {QStringLiteral("--receive"), QStringLiteral("elsewhere"), QStringLiteral("--spf-include"),
                                     QStringLiteral("include:") + kProviderSpf + QLatin1Char('.')};
    keptZone_ = records(kKeptDomain, QStringLiteral("zone"), keptOptions);
    keptJson_ = records(kKeptDomain, QStringLiteral("json"), keptOptions);
    QVERIFY(!QTest::currentTestFailed());

    nsd_ = std::make_unique<NsdInstance>();
    const QList<QPair<QString, QByteArray>> zones = {
        {kDomain, NsdInstance::soaAndNs(kDomain) + zone_},
        {kHardDomain, NsdInstance::soaAndNs(kHardDomain) + hardZone_},
        {kKeptDomain, NsdInstance::soaAndNs(kKeptDomain) + keptZone_},
        {QStringLiteral("provider.test"), NsdInstance::soaAndNs(QStringLiteral("provider.test")) +
                                              "_spf IN TXT \"v=spf1 ip4:198.51.100.0/24 -all\"\n"},
        {QStringLiteral("in-addr.arpa"), NsdInstance::soaAndNs(QStringLiteral("in-addr.arpa")) + reverseZoneLines(zone_, QStringLiteral("in-addr.arpa"))},
        {QStringLiteral("ip6.arpa"), NsdInstance::soaAndNs(QStringLiteral("ip6.arpa")) + reverseZoneLines(zone_, QStringLiteral("ip6.arpa"))},
    };
    for (const auto &[origin, text] : zones) {
      // The output loads unchanged: NSD's own parser accepts it.
      QVERIFY2(nsd_->checkZone(origin, text), qPrintable(nsd_->errorString() + QStringLiteral("\n") + QString::fromUtf8(text)));
      nsd_->addZone(origin, text);
    }
    QVERIFY2(nsd_->start(), qPrintable(nsd_->errorString()));

    // Every record of both JSON outputs asked of NSD in one Python run.
    QJsonArray questions;
    for (const QByteArray *json : {&json_, &hardJson_, &keptJson_}) {
      for (const QJsonValue &record : jsonRecords(*json)) {
        const QJsonObject object = record.toObject();
        if (object[QStringLiteral("where")] == QStringLiteral("zone"))
          questions.append(QJsonArray{object[QStringLiteral("name")], object[QStringLiteral("type")]});
      }
    }
    for (const QString &ip : {kIpv4, kIpv6}) questions.append(QJsonArray{ip, QStringLiteral("REV")});
    QVERIFY(questions.size() > 20);
    const ProcessResult asked = python({QStringLiteral("-c"), QString::fromLatin1(kQuery), NsdInstance::address(),
                                        QString::number(nsd_->port())},
                                       QJsonDocument(questions).toJson());
    QVERIFY2(asked.succeeded(), qPrintable(failure(QStringLiteral("dnspython"), asked)));
    answers_ = QJsonDocument::fromJson(asked.standardOutput).object();
    QCOMPARE(answers_.size(), questions.size());
  }

  void cleanupTestCase() {
    nsd_.reset();
    postwrd_.reset();
  }

  void recordsComeBackFromNsd_data() {
    QTest::addColumn<QJsonObject>("record");
    int rows = 0;
    for (const QByteArray *json : {&json_, &hardJson_, &keptJson_}) {
      for (const QJsonValue &value : jsonRecords(*json)) {
        const QJsonObject record = value.toObject();
        if (record[QStringLiteral("where")] != QStringLiteral("zone")) continue;
        const QString row = record[QStringLiteral("name")].toString() + QLatin1Char(' ') + record[QStringLiteral("id")].toString();
        QTest::newRow(qPrintable(row)) << record;
        ++rows;
      }
    }
    // example.test: MX, A, AAAA, 2 SPF, 2 DKIM, DMARC, TLS-RPT, MTA-STS + A +
    // AAAA, 2 SRV; hard.test: the same without keys nor the host's records;
    // kept.test: SPF, DMARC and 2 SRV (its provider keeps MX, MTA-STS, TLS-RPT).
    QCOMPARE(rows, 14 + 9 + 4);
  }

  void recordsComeBackFromNsd() {
    QFETCH(QJsonObject, record);
    const QString type = record[QStringLiteral("type")].toString();
    const QString key = record[QStringLiteral("name")].toString() + QLatin1Char(' ') + type;
    const QJsonObject answer = answers_[key].toObject();
    QVERIFY2(!answer.contains(QStringLiteral("error")), qPrintable(answer[QStringLiteral("error")].toString()));
    const QJsonArray values = answer[QStringLiteral("values")].toArray();
    // One record of each type per name: what NSD gives back is exactly it.
    QCOMPARE(values.size(), 1);
    if (type == QStringLiteral("TXT")) {
      QCOMPARE(values[0].toArray(), record[QStringLiteral("strings")].toArray());
      QString joined;
      for (const QJsonValue &piece : values[0].toArray()) joined += piece.toString();
      QCOMPARE(joined, record[QStringLiteral("value")].toString());
    } else {
      QCOMPARE(values[0].toString(), record[QStringLiteral("value")].toString());
    }
  }

  void rsaKeyIsSeveralCharacterStrings() {
    for (const QJsonValue &value : jsonRecords(json_)) {
      const QJsonObject record = value.toObject();
      if (record[QStringLiteral("id")] != QStringLiteral("dkim:rsa2026")) continue;
      const QJsonArray served = answers_[record[QStringLiteral("name")].toString() + QStringLiteral(" TXT")]
                                    .toObject()[QStringLiteral("values")].toArray()[0].toArray();
      QCOMPARE(served.size(), 2);
      QCOMPARE(served[0].toString().size(), 255);
      return;
    }
    QFAIL("no dkim:rsa2026 record");
  }

  void reverseNamesMatchDnspython_data() {
    QTest::addColumn<QString>("id");
    QTest::addColumn<QString>("ip");
    QTest::newRow("IPv4") << QStringLiteral("ptr:ipv4") << kIpv4;
    QTest::newRow("IPv6 nibbles") << QStringLiteral("ptr:ipv6") << kIpv6;
  }

  void reverseNamesMatchDnspython() {
    QFETCH(QString, id);
    QFETCH(QString, ip);
    const QJsonObject record = findRecord(json_, id);
    QCOMPARE(record[QStringLiteral("where")].toString(), QStringLiteral("provider"));
    QCOMPARE(record[QStringLiteral("value")].toString(), kHost);
    const QJsonObject answer = answers_[ip + QStringLiteral(" REV")].toObject();
    QVERIFY2(!answer.contains(QStringLiteral("error")), qPrintable(answer[QStringLiteral("error")].toString()));
    QCOMPARE(answer[QStringLiteral("qname")].toString(), record[QStringLiteral("name")].toString());
    QCOMPARE(answer[QStringLiteral("values")].toArray(), QJsonArray{kHost});
  }

  void spfWithPyspf_data() {
    QTest::addColumn<QString>("ip");
    QTest::addColumn<QString>("sender");
    QTest::addColumn<QString>("result");
    const QString user = QStringLiteral("user@") + kDomain;
    const QString hardUser = QStringLiteral("user@") + kHardDomain;
    // The HELO identity: check_host on the host name (RFC 7208 §2.3).
    const QString helo = QStringLiteral("postmaster@") + kHost;
    QTest::newRow("~all: server IPv4 passes") << kIpv4 << user << "pass";
    QTest::newRow("~all: server IPv6 passes") << kIpv6 << user << "pass";
    QTest::newRow("~all: another IPv4 soft-fails") << "192.0.2.99" << user << "softfail";
    QTest::newRow("~all: another IPv6 soft-fails") << "2001:db8::99" << user << "softfail";
    QTest::newRow("-all: server IPv4 passes") << kIpv4 << hardUser << "pass";
    QTest::newRow("-all: server IPv6 passes") << kIpv6 << hardUser << "pass";
    QTest::newRow("-all: another address fails") << "198.51.100.1" << hardUser << "fail";
    QTest::newRow("HELO name: server IPv4 passes") << kIpv4 << helo << "pass";
    QTest::newRow("HELO name: server IPv6 passes") << kIpv6 << helo << "pass";
    QTest::newRow("HELO name: another address fails") << "192.0.2.99" << helo << "fail";
    const QString keptUser = QStringLiteral("user@") + kKeptDomain;
    QTest::newRow("provider kept: the server passes") << kIpv4 << keptUser << "pass";
    QTest::newRow("provider kept: the provider passes through its include") << "198.51.100.7" << keptUser << "pass";
    QTest::newRow("provider kept: another address soft-fails") << "192.0.2.99" << keptUser << "softfail";
  }

  void spfWithPyspf() {
    QFETCH(QString, ip);
    QFETCH(QString, sender);
    QFETCH(QString, result);
    const ProcessResult run = python({QStringLiteral("-c"), QString::fromLatin1(kPyspf), NsdInstance::address(),
                                      QString::number(nsd_->port()), ip, sender, kHost});
    QVERIFY2(run.succeeded(), qPrintable(failure(QStringLiteral("pyspf"), run)));
    QCOMPARE(QString::fromUtf8(run.standardOutput).trimmed(), result);
  }

  void dkimSignaturesVerify_data() {
    QTest::addColumn<QString>("selector");
    QTest::addColumn<bool>("tamper");
    for (const QString &selector : {QStringLiteral("rsa2026"), QStringLiteral("ed2026")}) {
      QTest::newRow(qPrintable(selector + QStringLiteral(": signed message verifies"))) << selector << false;
      QTest::newRow(qPrintable(selector + QStringLiteral(": changed body fails"))) << selector << true;
    }
  }

  void dkimSignaturesVerify() {
    QFETCH(QString, selector);
    QFETCH(bool, tamper);
    const QByteArray message = "From: Sender <sender@example.test>\r\nTo: someone@example.net\r\n"
                               "Subject: DNS records\r\nDate: Tue, 28 Jul 2026 10:02:45 +0000\r\n"
                               "Message-ID: <dns-records@example.test>\r\n\r\nSigned with a published key.\r\n";
    const ProcessResult sign = postwrd_->cli({QStringLiteral("dkim"), QStringLiteral("sign"), kDomain,
                                              QStringLiteral("--selector"), selector},
                                             message);
    QVERIFY2(sign.succeeded(), qPrintable(failure(QStringLiteral("dkim sign"), sign)));
    QByteArray signedMessage = sign.standardOutput;
    QVERIFY(signedMessage.contains("s=" + selector.toLatin1() + ";"));
    if (tamper) signedMessage.replace("published key", "published kee");
    const ProcessResult verify = python({QStringLiteral("-c"), QString::fromLatin1(kDkimpy), NsdInstance::address(),
                                         QString::number(nsd_->port())},
                                        signedMessage);
    QVERIFY2(verify.succeeded(), qPrintable(failure(QStringLiteral("dkimpy"), verify)));
    const QString verdict = QString::fromUtf8(verify.standardOutput).trimmed();
    if (tamper)
      QVERIFY2(verdict.startsWith(QStringLiteral("fail")), qPrintable(verdict));
    else
      QCOMPARE(verdict, QStringLiteral("pass"));
  }

  void dmarcRecordParses_data() {
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QString>("rua");
    QTest::newRow("defaults") << kDomain << "quarantine" << "mailto:postmaster@example.test";
    QTest::newRow("--dmarc-policy reject --dmarc-rua") << kHardDomain << "reject" << "mailto:reports@example.test";
  }

  void dmarcRecordParses() {
    QFETCH(QString, domain);
    QFETCH(QString, policy);
    QFETCH(QString, rua);
    const QJsonArray values = answers_[QStringLiteral("_dmarc.") + domain + QStringLiteral(" TXT")].toObject()[QStringLiteral("values")].toArray();
    QCOMPARE(values.size(), 1);
    QString text;
    for (const QJsonValue &piece : values[0].toArray()) text += piece.toString();
    // RFC 7489 §6.4: tag=value pairs separated by ';', v=DMARC1 first.
    QStringList names;
    QMap<QString, QString> tags;
    for (const QString &part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
      const QString name = part.section(QLatin1Char('='), 0, 0).trimmed();
      QVERIFY2(QRegularExpression(QStringLiteral("^[a-z]+$")).match(name).hasMatch(), qPrintable(text));
      QVERIFY2(!tags.contains(name), qPrintable(text));
      names << name;
      tags.insert(name, part.section(QLatin1Char('='), 1).trimmed());
    }
    QCOMPARE(names.value(0), QStringLiteral("v"));
    QCOMPARE(tags[QStringLiteral("v")], QStringLiteral("DMARC1"));
    QVERIFY(QStringList({QStringLiteral("none"), QStringLiteral("quarantine"), QStringLiteral("reject")}).contains(tags[QStringLiteral("p")]));
    QCOMPARE(tags[QStringLiteral("p")], policy);
    QCOMPARE(tags[QStringLiteral("fo")], QStringLiteral("1"));
    QCOMPARE(tags[QStringLiteral("rua")], rua);
  }

  void jsonParsesWithPython() {
    const ProcessResult run = python({QStringLiteral("-c"), QString::fromLatin1(kJsonIds)}, json_);
    QVERIFY2(run.succeeded(), qPrintable(failure(QStringLiteral("python json"), run)));
    QCOMPARE(QString::fromUtf8(run.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("mx"), QStringLiteral("a"), QStringLiteral("aaaa"), QStringLiteral("spf"),
                          QStringLiteral("spf-helo"), QStringLiteral("dkim:ed2026"), QStringLiteral("dkim:rsa2026"),
                          QStringLiteral("dmarc"), QStringLiteral("tlsrpt"), QStringLiteral("mta-sts"),
                          QStringLiteral("mta-sts-a"), QStringLiteral("mta-sts-aaaa"), QStringLiteral("mta-sts-policy"),
                          QStringLiteral("srv-submissions"), QStringLiteral("srv-submission"), QStringLiteral("ptr:ipv4"),
                          QStringLiteral("ptr:ipv6")}));
    const QJsonObject root = QJsonDocument::fromJson(json_).object();
    QCOMPARE(root[QStringLiteral("domain")].toString(), kDomain);
    QCOMPARE(root[QStringLiteral("hostname")].toString(), kHost);
  }

  // The host name outside the domain: its records are comments in the zone
  // (NSD would refuse out-of-zone data) and "other-zone" in the JSON.
  void hostOutsideTheDomain() {
    QVERIFY(hardZone_.contains("; " + kHost.toLatin1() + ". IN A " + kIpv4.toLatin1() + "\n"));
    QCOMPARE(findRecord(hardJson_, QStringLiteral("a"))[QStringLiteral("where")].toString(), QStringLiteral("other-zone"));
    QCOMPARE(findRecord(hardJson_, QStringLiteral("mx"))[QStringLiteral("value")].toString(), QStringLiteral("10 ") + kHost);
    QVERIFY(hardZone_.contains("$TTL 600\n"));
  }

  void domainWithoutKeyIsExplained() {
    const ProcessResult run = postwrd_->cli({QStringLiteral("dns"), QStringLiteral("records"), kHardDomain,
                                             QStringLiteral("--ipv4"), kIpv4});
    QVERIFY2(run.succeeded(), qPrintable(failure(QStringLiteral("dns records"), run)));
    QVERIFY2(run.standardError.contains("postwrd dkim keygen hard.test"), run.standardError.constData());
    QVERIFY(!run.standardOutput.contains("_domainkey"));
    // The table is the default format.
    QVERIFY2(run.standardOutput.startsWith("In the DNS zone of hard.test (TTL 3600):\nTYPE  NAME"), run.standardOutput.constData());
  }

  void badUsageFails_data() {
    QTest::addColumn<QStringList>("words");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    const QStringList dns = {QStringLiteral("dns"), QStringLiteral("records")};
    QTest::newRow("unknown domain") << dns + QStringList{QStringLiteral("other.test"), QStringLiteral("--ipv4"), kIpv4} << 1
                                    << "other.test is not a local domain";
    QTest::newRow("bad IPv4") << dns + QStringList{kDomain, QStringLiteral("--ipv4"), QStringLiteral("192.0.2.300")} << 2
                              << "--ipv4: '192.0.2.300' is not an IPv4 address";
    QTest::newRow("IPv4 given as --ipv6") << dns + QStringList{kDomain, QStringLiteral("--ipv6=192.0.2.1")} << 2
                                          << "--ipv6: '192.0.2.1' is not an IPv6 address";
    QTest::newRow("no address") << dns + QStringList{kDomain} << 2 << "--ipv4 ADDR, --ipv6 ADDR, or both";
    QTest::newRow("bad format") << dns + QStringList{kDomain, QStringLiteral("--ipv4"), kIpv4, QStringLiteral("--format"), QStringLiteral("yaml")}
                                << 2 << "--format must be one of json, table, zone, not 'yaml'";
    QTest::newRow("bad TTL") << dns + QStringList{kDomain, QStringLiteral("--ipv4"), kIpv4, QStringLiteral("--ttl=-5")} << 2
                             << "--ttl needs a number of seconds";
    QTest::newRow("bad report address") << dns + QStringList{kDomain, QStringLiteral("--ipv4"), kIpv4, QStringLiteral("--dmarc-ruf"), QStringLiteral("nobody")}
                                        << 2 << "--dmarc-ruf: 'nobody' is not a report address";
    QTest::newRow("unknown option") << dns + QStringList{kDomain, QStringLiteral("--ipv4"), kIpv4, QStringLiteral("--mx")} << 2
                                    << "unknown option --mx";
    QTest::newRow("no domain") << dns << 2 << "usage: postwrd dns records DOMAIN";
  }

  void badUsageFails() {
    QFETCH(QStringList, words);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    const ProcessResult run = postwrd_->cli(words);
    QVERIFY2(run.started && !run.timedOut && !run.crashed, qPrintable(failure(QStringLiteral("dns records"), run)));
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(QString::fromUtf8(run.standardError).contains(message), qPrintable(failure(QStringLiteral("dns records"), run)));
    QVERIFY(run.standardOutput.isEmpty());
  }

 private:
  ProcessResult python(const QStringList &arguments, const QByteArray &input = {}) const {
    ProcessRequest request;
    request.program = python_;
    request.arguments = arguments;
    request.standardInput = input;
    request.timeoutMs = 60000;
    return runProcess(request);
  }

  QByteArray records(const QString &domain, const QString &format, const QStringList &options = {}) {
    const ProcessResult run = postwrd_->cli(QStringList{QStringLiteral("dns"), QStringLiteral("records"), domain,
                                                        QStringLiteral("--ipv4"), kIpv4, QStringLiteral("--ipv6"), kIpv6,
                                                        QStringLiteral("--format"), format} +
                                            options);
    [&] { QVERIFY2(run.succeeded(), qPrintable(failure(QStringLiteral("dns records ") + domain, run))); }();
    return run.standardOutput;
  }

  static QJsonArray jsonRecords(const QByteArray &json) {
    return QJsonDocument::fromJson(json).object()[QStringLiteral("records")].toArray();
  }

  static QJsonObject findRecord(const QByteArray &json, const QString &id) {
    for (const QJsonValue &value : jsonRecords(json))
      if (value.toObject()[QStringLiteral("id")] == id) return value.toObject();
    return {};
  }

  QString python_;
  std::unique_ptr<PostwrdInstance> postwrd_;
  std::unique_ptr<NsdInstance> nsd_;
  QByteArray zone_;
  QByteArray hardZone_;
  QByteArray json_;
  QByteArray hardJson_;
  QByteArray keptZone_;
  QByteArray keptJson_;
  QJsonObject answers_;
};

QTEST_GUILESS_MAIN(ItDnsRecords)
#include "tst_it_dns_records.moc"
