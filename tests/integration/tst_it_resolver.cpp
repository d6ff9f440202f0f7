// postwrd's DNS resolver (c-ares) against a real DNS server, dnsmasq: MX with
// preferences and null MX, A/AAAA, multi-string TXT, PTR, and the three ways a
// lookup fails (NXDOMAIN, NODATA, temporary) kept apart, because delivery
// bounces on the first, falls back to A/AAAA on the second, and must retry on
// the third. Every lookup ends within the resolver's timeout.

#include "daemon/resolver.h"
#include "support/dnsmasq_instance.h"

#include <QElapsedTimer>
#include <QTest>
#include <QUdpSocket>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>

using postwr::daemon::DnsResult;
using postwr::daemon::DnsServer;
using postwr::daemon::DnsStatus;
using postwr::daemon::Resolver;

Q_DECLARE_METATYPE(DnsStatus)

namespace {

// A base64 "public key" as long as a 4096-bit RSA DKIM key, split the way DNS
// hosting panels do: 255-byte character-strings (RFC 6376 §3.6.2.2).
QString longDkimRecord() {
  QString key;
  const QString alphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/");
  for (int i = 0; i < 736; ++i) key += alphabet[(i * 37 + 11) % 64];
  return QStringLiteral("v=DKIM1; k=rsa; p=") + key + QStringLiteral("==");
}

QStringList splitInto(const QString &text, int size) {
  QStringList parts;
  for (qsizetype i = 0; i < text.size(); i += size) parts << text.mid(i, size);
  return parts;
}

// Three TXT records of three full strings each: 2.3 kB, more than the
// 1232-byte EDNS size, so the answer is truncated over UDP and must be fetched
// again over TCP. (One dnsmasq config line holds about 1 kB.)
QStringList hugeTxtRecords() {
  QStringList records;
  for (char letter : {'x', 'y', 'z'}) {
    QString text;
    for (int i = 0; i < 3 * 255; ++i) text += QLatin1Char(i % 100 == 0 ? letter : static_cast<char>('a' + i % 26));
    records << text;
  }
  return records;
}

QString statusName(DnsStatus status) { return QString::fromUtf8(postwr::daemon::describe(status).data()); }

template <typename T>
QString describeResult(const DnsResult<T> &result) {
  return statusName(result.status) + QStringLiteral(" (") + QString::fromStdString(result.message) + QLatin1Char(')');
}

QStringList toStrings(const std::vector<std::string> &records) {
  QStringList out;
  for (const std::string &record : records) out << QString::fromStdString(record);
  return out;
}

QStringList sorted(QStringList list) {
  list.sort();
  return list;
}

// A UDP port where something listens and never answers.
struct MuteServer {
  QUdpSocket socket;
  bool open() { return socket.bind(QHostAddress(QHostAddress::LocalHost), 0); }
  DnsServer server() const { return {"127.0.0.1", socket.localPort()}; }
};

// A UDP port where nothing listens (the kernel answers "port unreachable").
quint16 closedPort() {
  QUdpSocket socket;
  if (!socket.bind(QHostAddress(QHostAddress::LocalHost), 0)) return 0;
  const quint16 port = socket.localPort();
  socket.close();
  return port;
}

}  // namespace

class ItResolver : public QObject {
  Q_OBJECT

  std::unique_ptr<DnsmasqInstance> dns_;
  std::unique_ptr<Resolver> resolver_;

  std::unique_ptr<Resolver> makeResolver(std::vector<DnsServer> servers, std::chrono::milliseconds timeout,
                                         int tries = 2) {
    auto created = Resolver::create(std::move(servers), timeout, tries);
    if (!created) qWarning("Resolver::create: %s", created.error().message.c_str());
    return created ? std::move(created).value() : nullptr;
  }

 private slots:
  void initTestCase() {
    dns_ = std::make_unique<DnsmasqInstance>();
    DnsmasqInstance &dns = *dns_;
    // Mail for remote.test: three MX hosts, two at the same preference.
    dns.addMx(QStringLiteral("remote.test"), QStringLiteral("mx1.remote.test"), 10);
    dns.addMx(QStringLiteral("remote.test"), QStringLiteral("mx2.remote.test"), 20);
    dns.addMx(QStringLiteral("remote.test"), QStringLiteral("backup.other.test"), 20);
    dns.addHost(QStringLiteral("mx1.remote.test"), {QStringLiteral("127.0.0.1"), QStringLiteral("::1")});
    dns.addHost(QStringLiteral("mx2.remote.test"), {QStringLiteral("192.0.2.20"), QStringLiteral("192.0.2.21")});
    dns.addHost(QStringLiteral("backup.other.test"), {QStringLiteral("2001:db8::25")});
    dns.addOption(QStringLiteral("cname=alias.remote.test,mx1.remote.test"));
    // RFC 7505: this domain accepts no mail.
    dns.addMx(QStringLiteral("nullmx.test"), QStringLiteral("."), 0);
    // A domain without MX: delivery uses its A/AAAA ("implicit MX").
    dns.addHost(QStringLiteral("nomx.test"), {QStringLiteral("192.0.2.30")});
    dns.addAddressWithoutPtr(QStringLiteral("noptr.test"), QStringLiteral("192.0.2.99"));
    // TXT: SPF, DKIM in 255-byte strings, two records at one name, a huge one.
    dns.addTxt(QStringLiteral("remote.test"), {QStringLiteral("v=spf1 mx -all")});
    dns.addTxt(QStringLiteral("sel._domainkey.remote.test"), splitInto(longDkimRecord(), 255));
    dns.addTxt(QStringLiteral("two.remote.test"), {QStringLiteral("first "), QStringLiteral("record")});
    dns.addTxt(QStringLiteral("two.remote.test"), {QStringLiteral("second record")});
    for (const QString &record : hugeTxtRecords()) dns.addTxt(QStringLiteral("huge.remote.test"), splitInto(record, 255));
    // PTR without a matching host-record.
    dns.addPtr(QStringLiteral("198.51.100.7"), QStringLiteral("client.remote.test"));
    dns.addPtr(QStringLiteral("2001:db8::7"), QStringLiteral("client6.remote.test"));
    dns.addServfailDomain(QStringLiteral("broken.example"));
    QVERIFY2(dns.start(), qPrintable(dns.errorString()));

    resolver_ = makeResolver({{"127.0.0.1", dns.port()}}, std::chrono::seconds(5));
    QVERIFY(resolver_);
  }

  void cleanupTestCase() {
    resolver_.reset();
    dns_.reset();
  }

  void mx_data() {
    QTest::addColumn<QString>("domain");
    QTest::addColumn<DnsStatus>("status");
    QTest::addColumn<QStringList>("records");  // "PREFERENCE HOST"
    QTest::newRow("MX records come back with each preference, hosts without the trailing dot")
        << QStringLiteral("remote.test") << DnsStatus::Ok
        << QStringList{QStringLiteral("10 mx1.remote.test"), QStringLiteral("20 mx2.remote.test"),
                       QStringLiteral("20 backup.other.test")};
    QTest::newRow("a fully qualified name with its trailing dot gives the same MX records")
        << QStringLiteral("remote.test.") << DnsStatus::Ok
        << QStringList{QStringLiteral("10 mx1.remote.test"), QStringLiteral("20 mx2.remote.test"),
                       QStringLiteral("20 backup.other.test")};
    QTest::newRow("a null MX comes back as preference 0 and the root host '.'")
        << QStringLiteral("nullmx.test") << DnsStatus::Ok << QStringList{QStringLiteral("0 .")};
    QTest::newRow("a domain with an address but no MX is NoData, not NXDOMAIN")
        << QStringLiteral("nomx.test") << DnsStatus::NoData << QStringList{};
    QTest::newRow("a domain that does not exist is NoSuchDomain")
        << QStringLiteral("nowhere.test") << DnsStatus::NoSuchDomain << QStringList{};
    QTest::newRow("SERVFAIL is a temporary failure, never a bounce")
        << QStringLiteral("mail.broken.example") << DnsStatus::TemporaryFailure << QStringList{};
    QTest::newRow("an empty name is refused without asking")
        << QString() << DnsStatus::NoSuchDomain << QStringList{};
  }
  void mx() {
    QFETCH(QString, domain);
    QFETCH(DnsStatus, status);
    QFETCH(QStringList, records);
    const auto result = resolver_->mx(domain.toStdString());
    QVERIFY2(result.status == status, qPrintable(describeResult(result)));
    QStringList got;
    for (const auto &record : result.records)
      got << QStringLiteral("%1 %2").arg(record.preference).arg(QString::fromStdString(record.host));
    QCOMPARE(sorted(got), sorted(records));
    if (status != DnsStatus::Ok) QVERIFY2(!result.message.empty(), "a failure must say why, for the logs");
  }

  void addresses_data() {
    QTest::addColumn<bool>("ipv6");
    QTest::addColumn<QString>("host");
    QTest::addColumn<DnsStatus>("status");
    QTest::addColumn<QStringList>("records");
    QTest::newRow("A records: every address of a host")
        << false << QStringLiteral("mx2.remote.test") << DnsStatus::Ok
        << QStringList{QStringLiteral("192.0.2.20"), QStringLiteral("192.0.2.21")};
    QTest::newRow("AAAA record of a dual-stack host, as compact text")
        << true << QStringLiteral("mx1.remote.test") << DnsStatus::Ok << QStringList{QStringLiteral("::1")};
    QTest::newRow("A record of a dual-stack host") << false << QStringLiteral("mx1.remote.test") << DnsStatus::Ok
                                                   << QStringList{QStringLiteral("127.0.0.1")};
    QTest::newRow("AAAA of an IPv6 address") << true << QStringLiteral("backup.other.test") << DnsStatus::Ok
                                             << QStringList{QStringLiteral("2001:db8::25")};
    QTest::newRow("A of an IPv6-only host is NoData")
        << false << QStringLiteral("backup.other.test") << DnsStatus::NoData << QStringList{};
    QTest::newRow("AAAA of an IPv4-only host is NoData")
        << true << QStringLiteral("mx2.remote.test") << DnsStatus::NoData << QStringList{};
    QTest::newRow("a CNAME is followed to the addresses of its target")
        << false << QStringLiteral("alias.remote.test") << DnsStatus::Ok << QStringList{QStringLiteral("127.0.0.1")};
    QTest::newRow("A of a name that does not exist is NoSuchDomain")
        << false << QStringLiteral("ghost.remote.test") << DnsStatus::NoSuchDomain << QStringList{};
    QTest::newRow("AAAA under a SERVFAIL domain is a temporary failure")
        << true << QStringLiteral("mx.broken.example") << DnsStatus::TemporaryFailure << QStringList{};
  }
  void addresses() {
    QFETCH(bool, ipv6);
    QFETCH(QString, host);
    QFETCH(DnsStatus, status);
    QFETCH(QStringList, records);
    const auto result = ipv6 ? resolver_->ipv6(host.toStdString()) : resolver_->ipv4(host.toStdString());
    QVERIFY2(result.status == status, qPrintable(describeResult(result)));
    QCOMPARE(sorted(toStrings(result.records)), sorted(records));
  }

  void txt_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<DnsStatus>("status");
    QTest::addColumn<QStringList>("records");
    QTest::newRow("an SPF record in one string")
        << QStringLiteral("remote.test") << DnsStatus::Ok << QStringList{QStringLiteral("v=spf1 mx -all")};
    QTest::newRow("a DKIM key split in 255-byte strings comes back joined, with nothing in between")
        << QStringLiteral("sel._domainkey.remote.test") << DnsStatus::Ok << QStringList{longDkimRecord()};
    QTest::newRow("two TXT records at one name stay two records")
        << QStringLiteral("two.remote.test") << DnsStatus::Ok
        << QStringList{QStringLiteral("first record"), QStringLiteral("second record")};
    QTest::newRow("a TXT answer too big for UDP is fetched over TCP")
        << QStringLiteral("huge.remote.test") << DnsStatus::Ok << hugeTxtRecords();
    QTest::newRow("TXT of a name with only an address is NoData")
        << QStringLiteral("mx1.remote.test") << DnsStatus::NoData << QStringList{};
    QTest::newRow("TXT of a name that does not exist is NoSuchDomain")
        << QStringLiteral("_dmarc.nowhere.test") << DnsStatus::NoSuchDomain << QStringList{};
    QTest::newRow("TXT under a SERVFAIL domain is a temporary failure")
        << QStringLiteral("broken.example") << DnsStatus::TemporaryFailure << QStringList{};
  }
  void txt() {
    QFETCH(QString, name);
    QFETCH(DnsStatus, status);
    QFETCH(QStringList, records);
    const auto result = resolver_->txt(name.toStdString());
    QVERIFY2(result.status == status, qPrintable(describeResult(result)));
    QCOMPARE(sorted(toStrings(result.records)), sorted(records));
  }

  void ptr_data() {
    QTest::addColumn<QString>("address");
    QTest::addColumn<DnsStatus>("status");
    QTest::addColumn<QStringList>("records");
    QTest::newRow("PTR of an IPv4 address, without the trailing dot")
        << QStringLiteral("198.51.100.7") << DnsStatus::Ok << QStringList{QStringLiteral("client.remote.test")};
    QTest::newRow("PTR of an IPv6 address (ip6.arpa nibbles)")
        << QStringLiteral("2001:db8::7") << DnsStatus::Ok << QStringList{QStringLiteral("client6.remote.test")};
    QTest::newRow("PTR of an IPv6 address written in full")
        << QStringLiteral("2001:0db8:0000:0000:0000:0000:0000:0007") << DnsStatus::Ok
        << QStringList{QStringLiteral("client6.remote.test")};
    QTest::newRow("PTR made by a host record, IPv6")
        << QStringLiteral("2001:db8::25") << DnsStatus::Ok << QStringList{QStringLiteral("backup.other.test")};
    QTest::newRow("an address without reverse DNS is NoSuchDomain")
        << QStringLiteral("192.0.2.99") << DnsStatus::NoSuchDomain << QStringList{};
    QTest::newRow("something that is not an IP address is NoSuchDomain, without a query")
        << QStringLiteral("mx1.remote.test") << DnsStatus::NoSuchDomain << QStringList{};
  }
  void ptr() {
    QFETCH(QString, address);
    QFETCH(DnsStatus, status);
    QFETCH(QStringList, records);
    const auto result = resolver_->ptr(address.toStdString());
    QVERIFY2(result.status == status, qPrintable(describeResult(result)));
    QCOMPARE(sorted(toStrings(result.records)), sorted(records));
  }

  // A server that never answers, or that cannot be reached, is a temporary
  // failure reported within the timeout: delivery threads never hang on DNS.
  void unreachableServer_data() {
    QTest::addColumn<bool>("mute");
    QTest::addColumn<int>("tries");
    QTest::newRow("a server that never answers fails within the timeout") << true << 2;
    QTest::newRow("a server that never answers fails within the timeout, with 4 tries") << true << 4;
    QTest::newRow("a closed port fails within the timeout") << false << 2;
  }
  void unreachableServer() {
    QFETCH(bool, mute);
    QFETCH(int, tries);
    MuteServer silent;
    QVERIFY(silent.open());
    const DnsServer server = mute ? silent.server() : DnsServer{"127.0.0.1", closedPort()};
    const auto timeout = std::chrono::milliseconds(1500);
    auto resolver = makeResolver({server}, timeout, tries);
    QVERIFY(resolver);

    QElapsedTimer clock;
    clock.start();
    const auto result = resolver->mx("remote.test");
    const qint64 elapsed = clock.elapsed();
    qInfo("%s, after %lld ms", result.message.c_str(), static_cast<long long>(elapsed));
    QVERIFY2(result.status == DnsStatus::TemporaryFailure, qPrintable(describeResult(result)));
    QVERIFY2(elapsed < timeout.count() + 500,
             qPrintable(QStringLiteral("took %1 ms, timeout %2 ms").arg(elapsed).arg(timeout.count())));
    if (mute) {
      // It did wait for an answer (c-ares' retries spread over the timeout).
      QVERIFY2(elapsed > timeout.count() / 2, qPrintable(QStringLiteral("gave up after %1 ms").arg(elapsed)));
      QVERIFY2(silent.socket.hasPendingDatagrams(), "the mute server never got a query");
    }
  }

  void secondServerAnswersWhenTheFirstIsMute() {
    MuteServer silent;
    QVERIFY(silent.open());
    auto resolver = makeResolver({silent.server(), {"127.0.0.1", dns_->port()}}, std::chrono::seconds(4));
    QVERIFY(resolver);
    QElapsedTimer clock;
    clock.start();
    const auto result = resolver->ipv4("mx1.remote.test");
    QVERIFY2(result.ok(), qPrintable(describeResult(result)));
    QCOMPARE(toStrings(result.records), QStringList{QStringLiteral("127.0.0.1")});
    QVERIFY(clock.elapsed() < 4000);
  }

  // Delivery threads resolve at the same time through one Resolver.
  void severalThreadsAtOnce() {
    constexpr int threads = 8;
    constexpr int rounds = 20;
    std::atomic<int> wrong{0};
    std::atomic<int> done{0};
    std::string firstProblem;
    std::mutex problemMutex;
    auto note = [&](const std::string &problem) {
      ++wrong;
      std::lock_guard lock(problemMutex);
      if (firstProblem.empty()) firstProblem = problem;
    };
    const Resolver &resolver = *resolver_;
    const std::string dkim = longDkimRecord().toStdString();
    QElapsedTimer clock;
    clock.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
      workers.emplace_back([&, t] {
        for (int i = 0; i < rounds; ++i) {
          switch ((t + i) % 5) {
            case 0: {
              const auto r = resolver.mx("remote.test");
              if (!r.ok() || r.records.size() != 3) note("mx: " + r.message);
              break;
            }
            case 1: {
              const auto r = resolver.ipv4("mx2.remote.test");
              if (!r.ok() || r.records.size() != 2) note("a: " + r.message);
              break;
            }
            case 2: {
              const auto r = resolver.txt("sel._domainkey.remote.test");
              if (!r.ok() || r.records.size() != 1 || r.records.front() != dkim) note("txt: " + r.message);
              break;
            }
            case 3: {
              const auto r = resolver.ptr("2001:db8::7");
              if (!r.ok() || r.records != std::vector<std::string>{"client6.remote.test"}) note("ptr: " + r.message);
              break;
            }
            default: {
              const auto r = resolver.ipv6("ghost.remote.test");
              if (r.status != DnsStatus::NoSuchDomain) note("aaaa nxdomain: " + r.message);
              break;
            }
          }
          ++done;
        }
      });
    }
    for (std::thread &worker : workers) worker.join();
    QCOMPARE(done.load(), threads * rounds);
    QVERIFY2(wrong.load() == 0, qPrintable(QStringLiteral("%1 wrong answers; first: %2")
                                               .arg(wrong.load())
                                               .arg(QString::fromStdString(firstProblem))));
    QVERIFY2(clock.elapsed() < 20000, qPrintable(QStringLiteral("%1 lookups took %2 ms").arg(threads * rounds).arg(clock.elapsed())));
  }

  void parseDnsServers_data() {
    QTest::addColumn<QString>("list");
    QTest::addColumn<QString>("expected");  // "ADDR PORT;..." or "error"
    QTest::newRow("IPv4 with a port, IPv6 in brackets with a port, IPv4 without")
        << QStringLiteral("127.0.0.1:5353, [::1]:53, 9.9.9.9") << QStringLiteral("127.0.0.1 5353;::1 53;9.9.9.9 53");
    QTest::newRow("a bare IPv6 address has port 53") << QStringLiteral("2001:db8::53")
                                                     << QStringLiteral("2001:db8::53 53");
    QTest::newRow("spaces separate as well as commas") << QStringLiteral(" 192.0.2.1  192.0.2.2:54 ")
                                                       << QStringLiteral("192.0.2.1 53;192.0.2.2 54");
    QTest::newRow("an empty list means resolv.conf") << QString() << QString();
    QTest::newRow("a name is refused: it would need a resolver") << QStringLiteral("dns.example:53")
                                                                 << QStringLiteral("error");
    QTest::newRow("port 0 is refused") << QStringLiteral("127.0.0.1:0") << QStringLiteral("error");
    QTest::newRow("a port above 65535 is refused") << QStringLiteral("127.0.0.1:65536") << QStringLiteral("error");
    QTest::newRow("an empty port is refused") << QStringLiteral("127.0.0.1:") << QStringLiteral("error");
    QTest::newRow("an unclosed bracket is refused") << QStringLiteral("[::1:53") << QStringLiteral("error");
  }
  void parseDnsServers() {
    QFETCH(QString, list);
    QFETCH(QString, expected);
    const auto parsed = postwr::daemon::parseDnsServers(list.toStdString());
    if (expected == QLatin1String("error")) {
      QVERIFY(!parsed);
      QVERIFY(!parsed.error().message.empty());
      return;
    }
    QVERIFY2(parsed, parsed ? "" : parsed.error().message.c_str());
    QStringList got;
    for (const DnsServer &server : *parsed)
      got << QStringLiteral("%1 %2").arg(QString::fromStdString(server.address)).arg(server.port);
    QCOMPARE(got.join(QLatin1Char(';')), expected);
  }

  void aNameIsRefusedAsAServer() {
    const auto created = Resolver::create({{"dns.example", 53}});
    QVERIFY(!created);
  }
};

QTEST_GUILESS_MAIN(ItResolver)
#include "tst_it_resolver.moc"
