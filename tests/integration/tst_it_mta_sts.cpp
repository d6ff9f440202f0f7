// MTA-STS policy discovery (RFC 8461 §3, §5) against real servers no one here
// wrote: dnsmasq serves "_mta-sts.remote.test" TXT and the address of
// mta-sts.remote.test, and Python's http.server, wrapped in TLS with a
// certificate from a throwaway CA made by the openssl CLI, serves the policy.
// Checked: a valid policy is fetched, cached on disk and not fetched again for
// the same id; a certificate for another name or from an untrusted CA, a
// redirect, a 404 and an oversized body all give no policy; a new TXT id
// makes a new fetch; with the server down an unexpired cached policy stays
// in force; a server that never answers costs only the fetch timeout. Every
// wait is bounded (process starts, DNS and HTTPS timeouts).

#include "daemon/mta_sts_cache.h"
#include "daemon/resolver.h"
#include "daemon/safeio.h"
#include "mail/mta_sts.h"
#include "support/dnsmasq_instance.h"
#include "support/process_runner.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <ctime>
#include <memory>
#include <optional>

using postwr::daemon::FetchSettings;
using postwr::daemon::MtaStsCache;
using postwr::daemon::Resolver;
using postwr::mail::MtaStsMode;
using postwr::mail::MtaStsPolicy;

namespace {

constexpr auto kPolicyHost = "mta-sts.remote.test";

// Python's own HTTP server, serving a directory, in TLS. It prints its port
// (picked by the kernel) once it listens, and logs every request on stderr.
const char *const kServerScript = R"PY(
import functools, http.server, ssl, sys
cert, key, root = sys.argv[1:4]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=root)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
)PY";

QString policyText(const QString &mode, const QStringList &mx, int maxAge = 86400) {
  QString text = QStringLiteral("version: STSv1\r\nmode: %1\r\n").arg(mode);
  for (const QString &pattern : mx) text += QStringLiteral("mx: %1\r\n").arg(pattern);
  return text + QStringLiteral("max_age: %1\r\n").arg(maxAge);
}

QStringList toQt(const std::vector<std::string> &list) {
  QStringList out;
  for (const std::string &item : list) out << QString::fromStdString(item);
  return out;
}

std::int64_t now() { return static_cast<std::int64_t>(std::time(nullptr)); }

}  // namespace

class ItMtaSts : public QObject {
  Q_OBJECT

  QTemporaryDir pki_;  // CAs and certificates, made once
  QString openssl_;
  QString python_;
  std::unique_ptr<QTemporaryDir> dir_;  // per test: web root and cache file
  std::unique_ptr<QProcess> https_;
  quint16 httpsPort_ = 0;
  std::unique_ptr<DnsmasqInstance> dns_;
  std::unique_ptr<Resolver> resolver_;

  QString pki(const QString &name) const { return pki_.filePath(name); }
  QString cachePath() const { return dir_->filePath(QStringLiteral("mta-sts-cache")); }
  QString webRoot() const { return dir_->filePath(QStringLiteral("www")); }
  QString policyPath() const { return webRoot() + QStringLiteral("/.well-known/mta-sts.txt"); }

  bool runOpenssl(const QStringList &arguments) {
    const ProcessResult result = runProcess({openssl_, arguments, {}, 30000, QProcessEnvironment::systemEnvironment(), {}});
    if (!result.succeeded())
      qWarning("openssl %s: %s\n%s", qPrintable(arguments.join(QLatin1Char(' '))), qPrintable(result.status()),
               result.standardError.constData());
    return result.succeeded();
  }

  bool makeCa(const QString &name) {
    return runOpenssl({"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                       "-keyout", pki(name + ".key"), "-out", pki(name + ".pem"), "-days", "2", "-subj",
                       "/CN=Postwr test " + name});
  }

  // A server certificate for `dnsName`, signed by the CA `ca`.
  bool makeServerCertificate(const QString &name, const QString &dnsName, const QString &ca) {
    QFile ext(pki(name + ".ext"));
    if (!ext.open(QIODevice::WriteOnly)) return false;
    ext.write(QStringLiteral("subjectAltName=DNS:%1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n")
                  .arg(dnsName)
                  .toUtf8());
    ext.close();
    return runOpenssl({"req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-keyout",
                       pki(name + ".key"), "-out", pki(name + ".csr"), "-subj", "/CN=" + dnsName}) &&
           runOpenssl({"x509", "-req", "-in", pki(name + ".csr"), "-CA", pki(ca + ".pem"), "-CAkey",
                       pki(ca + ".key"), "-CAcreateserial", "-out", pki(name + ".pem"), "-days", "2", "-extfile",
                       pki(name + ".ext")});
  }

  bool writeFile(const QString &path, const QByteArray &data) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
  }

  bool servePolicy(const QString &text) { return writeFile(policyPath(), text.toUtf8()); }

  // Starts the HTTPS server with the certificate `name`; false on failure.
  bool startHttps(const QString &name = QStringLiteral("good")) {
    stopHttps();
    QDir().mkpath(webRoot());
    https_ = std::make_unique<QProcess>();
    https_->setStandardErrorFile(dir_->filePath(QStringLiteral("https.log")), QIODevice::Append);
    https_->start(python_, {"-u", "-c", kServerScript, pki(name + ".pem"), pki(name + ".key"), webRoot()});
    if (!https_->waitForStarted(10000)) return false;
    QDeadlineTimer deadline(10000);
    QByteArray output;
    while (!output.contains('\n') && !deadline.hasExpired() && https_->state() == QProcess::Running) {
      https_->waitForReadyRead(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
      output += https_->readAllStandardOutput();
    }
    bool ok = false;
    httpsPort_ = static_cast<quint16>(output.trimmed().toUInt(&ok));
    if (!ok || httpsPort_ == 0) {
      qWarning("the HTTPS server did not start: %s", qPrintable(httpsLog()));
      return false;
    }
    return true;
  }

  void stopHttps() {
    if (!https_) return;
    https_->kill();
    https_->waitForFinished(5000);
    https_.reset();
  }

  QString httpsLog() const {
    QFile file(dir_->filePath(QStringLiteral("https.log")));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
  }
  // How many times the policy was asked for, with which status: "200", "301"...
  int requests(const QString &status = QStringLiteral("200")) const {
    return int(httpsLog().count(QStringLiteral("\"GET /.well-known/mta-sts.txt HTTP/1.1\" ") + status));
  }

  // (Re)starts dnsmasq with `txt` as the TXT record of _mta-sts.remote.test
  // (none when empty), and a resolver pointed at it.
  bool startDns(const QStringList &txt) {
    resolver_.reset();
    dns_ = std::make_unique<DnsmasqInstance>();
    for (const QString &record : txt) dns_->addTxt(QStringLiteral("_mta-sts.remote.test"), {record});
    dns_->addHost(QString::fromLatin1(kPolicyHost), {QStringLiteral("::1"), QStringLiteral("127.0.0.1")});
    dns_->addMx(QStringLiteral("remote.test"), QStringLiteral("mx1.remote.test"), 10);
    if (!dns_->start()) {
      qWarning("dnsmasq: %s", qPrintable(dns_->errorString()));
      return false;
    }
    auto servers = postwr::daemon::parseDnsServers(dns_->serverSpec().toStdString());
    if (!servers) return false;
    auto created = Resolver::create(std::move(servers).value(), std::chrono::seconds(3));
    if (!created) return false;
    resolver_ = std::move(created).value();
    return true;
  }

  FetchSettings settings(const QString &ca = QStringLiteral("ca")) const {
    FetchSettings s;
    s.port = httpsPort_;
    s.caFile = ca.isEmpty() ? std::string() : pki(ca + ".pem").toStdString();
    s.timeout = std::chrono::seconds(5);
    return s;
  }

  std::unique_ptr<MtaStsCache> makeCache(const QString &ca = QStringLiteral("ca")) {
    return std::make_unique<MtaStsCache>(cachePath().toStdString(), *resolver_, settings(ca));
  }

  std::optional<postwr::mail::MtaStsCacheEntries> cacheFile() const {
    auto text = postwr::daemon::readFile(cachePath().toStdString());
    if (!text) return std::nullopt;
    auto entries = postwr::mail::parseMtaStsCache(*text);
    if (!entries) return std::nullopt;
    return std::move(entries).value();
  }

 private slots:
  void initTestCase() {
    QString error;
    openssl_ = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
    QVERIFY2(!openssl_.isEmpty(), qPrintable(error));
    python_ = systemPython(&error);
    QVERIFY2(!python_.isEmpty(), qPrintable(error));
    QVERIFY2(!DnsmasqInstance::dnsmasqPath(&error).isEmpty(), qPrintable(error));
    QVERIFY(pki_.isValid());
    QVERIFY(makeCa(QStringLiteral("ca")));
    QVERIFY(makeCa(QStringLiteral("other-ca")));
    QVERIFY(makeServerCertificate(QStringLiteral("good"), QString::fromLatin1(kPolicyHost), QStringLiteral("ca")));
    QVERIFY(makeServerCertificate(QStringLiteral("wrong-name"), QStringLiteral("mta-sts.other.test"),
                                  QStringLiteral("ca")));
    QVERIFY(makeServerCertificate(QStringLiteral("untrusted"), QString::fromLatin1(kPolicyHost),
                                  QStringLiteral("other-ca")));
  }

  void init() {
    dir_ = std::make_unique<QTemporaryDir>();
    QVERIFY(dir_->isValid());
  }

  void cleanup() {
    if (QTest::currentTestFailed()) {
      qWarning("HTTPS server log:\n%s", qPrintable(httpsLog()));
      if (dns_) qWarning("dnsmasq log:\n%s", qPrintable(dns_->log()));
    }
    stopHttps();
    resolver_.reset();
    dns_.reset();
    dir_.reset();
  }

  void validEnforcePolicyIsFetchedAndCached() {
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=20240101T000000;")}));
    QVERIFY(servePolicy(policyText(QStringLiteral("enforce"), {"mx1.remote.test", "*.backup.remote.test"})));
    QVERIFY(startHttps());

    auto cache = makeCache();
    const std::optional<MtaStsPolicy> policy = cache->policyFor("remote.test", now());
    QVERIFY(policy);
    QCOMPARE(policy->mode, MtaStsMode::Enforce);
    QCOMPARE(toQt(policy->mx), (QStringList{"mx1.remote.test", "*.backup.remote.test"}));
    QCOMPARE(policy->maxAge, std::int64_t(86400));
    QVERIFY(postwr::mail::mxMatches(*policy, "a.backup.remote.test"));
    QVERIFY(!postwr::mail::mxMatches(*policy, "evil.test"));
    QCOMPARE(requests(), 1);

    // On disk, with the TXT id it answers.
    const auto entries = cacheFile();
    QVERIFY(entries);
    QCOMPARE(entries->size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(entries->at("remote.test").id), QStringLiteral("20240101T000000"));
    QVERIFY(entries->at("remote.test").policy == *policy);

    // The same id: no new fetch, in this process or the next one.
    QVERIFY(cache->policyFor("Remote.Test.", now()) == policy);
    auto reloaded = makeCache();
    QVERIFY(reloaded->policyFor("remote.test", now()) == policy);
    QCOMPARE(requests(), 1);
  }

  void certificateIsRefused_data() {
    QTest::addColumn<QString>("certificate");
    QTest::addColumn<QString>("trusted");
    QTest::newRow("a certificate for another name is refused") << "wrong-name" << "ca";
    QTest::newRow("a certificate from an untrusted CA is refused") << "untrusted" << "ca";
    QTest::newRow("a throwaway CA is not in the system store") << "good" << "";
  }

  void certificateIsRefused() {
    QFETCH(QString, certificate);
    QFETCH(QString, trusted);
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=1;")}));
    QVERIFY(servePolicy(policyText(QStringLiteral("enforce"), {"mx1.remote.test"})));
    QVERIFY(startHttps(certificate));
    auto cache = makeCache(trusted);
    QVERIFY(!cache->policyFor("remote.test", now()));
    QVERIFY(!cache->cached("remote.test"));
    QCOMPARE(requests(QString()), 0);  // no request was ever sent
  }

  void redirectIsRefused() {
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=1;")}));
    // http.server answers a directory asked without its final "/" with a
    // 301 to the same path with it.
    QVERIFY(QDir().mkpath(policyPath()));
    QVERIFY(writeFile(policyPath() + QStringLiteral("/index.html"),
                      policyText(QStringLiteral("enforce"), {"mx1.remote.test"}).toUtf8()));
    QVERIFY(startHttps());
    auto cache = makeCache();
    QVERIFY(!cache->policyFor("remote.test", now()));
    QCOMPARE(requests(QStringLiteral("301")), 1);
    QCOMPARE(requests(), 0);  // the redirect was not followed
  }

  void notFoundMeansNoPolicy() {
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=1;")}));
    QVERIFY(startHttps());  // an empty web root
    auto cache = makeCache();
    QVERIFY(!cache->policyFor("remote.test", now()));
    QCOMPARE(requests(QStringLiteral("404")), 1);
    QVERIFY(!cache->cached("remote.test"));
  }

  void oversizedBodyIsRefused() {
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=1;")}));
    // A valid policy, but 70 KiB: an extension field pads it.
    QString text = policyText(QStringLiteral("enforce"), {"mx1.remote.test"});
    text += QStringLiteral("x-padding: ") + QString(70 * 1024, QLatin1Char('a')) + QStringLiteral("\r\n");
    QVERIFY(postwr::mail::parseMtaStsPolicy(text.toStdString()).ok());
    QVERIFY(servePolicy(text));
    QVERIFY(startHttps());
    auto cache = makeCache();
    QVERIFY(!cache->policyFor("remote.test", now()));
    QVERIFY(!cache->cached("remote.test"));
  }

  void noTxtRecordMeansNoPolicy() {
    QVERIFY(startDns({}));
    QVERIFY(servePolicy(policyText(QStringLiteral("enforce"), {"mx1.remote.test"})));
    QVERIFY(startHttps());
    auto cache = makeCache();
    QVERIFY(!cache->policyFor("remote.test", now()));
    QCOMPARE(requests(QString()), 0);
  }

  void twoTxtRecordsMeanNoPolicy() {
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=1;"), QStringLiteral("v=STSv1; id=2;")}));
    QVERIFY(servePolicy(policyText(QStringLiteral("enforce"), {"mx1.remote.test"})));
    QVERIFY(startHttps());
    auto cache = makeCache();
    QVERIFY(!cache->policyFor("remote.test", now()));
    QCOMPARE(requests(QString()), 0);
  }

  void changedIdTriggersRefetch() {
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=first;")}));
    QVERIFY(servePolicy(policyText(QStringLiteral("enforce"), {"mx1.remote.test"})));
    QVERIFY(startHttps());
    auto cache = makeCache();
    auto policy = cache->policyFor("remote.test", now());
    QVERIFY(policy);
    QCOMPARE(toQt(policy->mx), QStringList{"mx1.remote.test"});

    // A new policy on the server, the same id: the cached one stays.
    QVERIFY(servePolicy(policyText(QStringLiteral("testing"), {"mx2.remote.test"})));
    policy = cache->policyFor("remote.test", now());
    QVERIFY(policy);
    QCOMPARE(toQt(policy->mx), QStringList{"mx1.remote.test"});
    QCOMPARE(requests(), 1);

    // The id changes: fetched again, and saved.
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=second;")}));
    cache = makeCache();
    policy = cache->policyFor("remote.test", now());
    QVERIFY(policy);
    QCOMPARE(policy->mode, MtaStsMode::Testing);
    QCOMPARE(toQt(policy->mx), QStringList{"mx2.remote.test"});
    QCOMPARE(requests(), 2);
    const auto entries = cacheFile();
    QVERIFY(entries);
    QCOMPARE(QString::fromStdString(entries->at("remote.test").id), QStringLiteral("second"));

    // A policy withdrawn with mode none replaces the cached one, and applies nothing.
    QVERIFY(servePolicy(policyText(QStringLiteral("none"), {})));
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=third;")}));
    cache = makeCache();
    QVERIFY(!cache->policyFor("remote.test", now()));
    QCOMPARE(cache->cached("remote.test")->policy.mode, MtaStsMode::None);
  }

  void silentServerTimesOut() {
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=1;")}));
    // Connections are accepted (by the kernel) and then nothing is ever said.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress(QHostAddress::LocalHost)));
    httpsPort_ = silent.serverPort();
    FetchSettings fetch = settings();
    fetch.timeout = std::chrono::seconds(1);
    MtaStsCache cache(cachePath().toStdString(), *resolver_, fetch);
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!cache.policyFor("remote.test", now()));
    QVERIFY2(timer.elapsed() < 4000, qPrintable(QString::number(timer.elapsed())));
  }

  void serverDownKeepsTheCachedPolicy() {
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=first;")}));
    QVERIFY(servePolicy(policyText(QStringLiteral("enforce"), {"mx1.remote.test"}, 3600)));
    QVERIFY(startHttps());
    const std::int64_t fetchedAt = now();
    const auto policy = makeCache()->policyFor("remote.test", fetchedAt);
    QVERIFY(policy);

    // The server is down and the TXT id has changed: the fetch fails, and the
    // unexpired cached policy (loaded from the file) still applies.
    stopHttps();
    QVERIFY(startDns({QStringLiteral("v=STSv1; id=second;")}));
    auto cache = makeCache();
    QVERIFY(cache->policyFor("remote.test", fetchedAt + 60) == policy);
    QCOMPARE(QString::fromStdString(cache->cached("remote.test")->id), QStringLiteral("first"));

    // Nor does losing the TXT record lose the policy before it expires.
    QVERIFY(startDns({}));
    cache = makeCache();
    QVERIFY(cache->policyFor("remote.test", fetchedAt + 60) == policy);

    // Once max_age has passed, it is gone.
    QVERIFY(!cache->policyFor("remote.test", fetchedAt + 3600));
  }
};

QTEST_GUILESS_MAIN(ItMtaSts)
#include "tst_it_mta_sts.moc"
