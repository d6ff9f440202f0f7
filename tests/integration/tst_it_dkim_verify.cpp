// DKIM signatures made by postwrd, verified by two verifiers no one here
// wrote, with the public keys published in a real DNS server:
//
//   keys      `postwrd dkim keygen` (RSA-2048 and Ed25519), the real binary;
//   records   the TXT name and value it prints, served by dnsmasq as
//             character-strings of at most 255 octets;
//   signing   `postwrd dkim sign DOMAIN --selector S < message`;
//   verifiers dkimpy (/usr/bin/python3, `import dkim`; its DNS lookups go to
//             our dnsmasq through dnspython) and OpenDKIM's opendkim-testmsg.
//
// opendkim-testmsg has no resolver option: libopendkim reads
// /etc/resolv.conf, which cannot name a port (TESTING-NOTES.md). So dnsmasq
// listens on port 53 of a loopback address 127.0.0.N picked at random and
// checked free, and opendkim-testmsg runs in a private mount namespace
// (`unshare -m`) where a resolv.conf naming that address is bind-mounted over
// /etc/resolv.conf. The support DnsmasqInstance always picks its own port on
// 127.0.0.1, hence the small server class here.
//
// Each message kind is signed with each key and must pass both verifiers;
// tampered copies must fail both, which proves the verifiers really checked.
// Missing tools fail the test with the package to install.

#include "support/postwrd_instance.h"
#include "support/process_runner.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <tuple>

namespace {

const QString kDomain = QStringLiteral("dkim.test");

QString failure(const QString &what, const ProcessResult &result) {
  return QStringLiteral("%1: %2\nstdout: %3\nstderr: %4")
      .arg(what, result.status(), QString::fromUtf8(result.standardOutput), QString::fromUtf8(result.standardError));
}

QString randomHex(int bytes) {
  QByteArray raw(bytes, Qt::Uninitialized);
  for (char &c : raw) c = static_cast<char>(QRandomGenerator::global()->bounded(256));
  return QString::fromLatin1(raw.toHex());
}

// Debian's opendkim-testmsg lives in /usr/sbin, which a non-root PATH lacks.
QString findSbinTool(const QString &name, const QString &package, QString *error) {
  QString path = QStandardPaths::findExecutable(name);
  if (path.isEmpty()) path = QStandardPaths::findExecutable(name, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")});
  if (path.isEmpty()) *error = QStringLiteral("%1 not found: apt-get install %2").arg(name, package);
  return path;
}

// dkimpy's verifier with dnspython asking our server (RFC 6376 §6.1.2 key
// lookup). Arguments: server address, port, then FILE:INDEX items, one per
// signature to check (python starts slowly: one run checks them all). Prints
// one line per item: "pass" or "fail: why".
const char *kDkimpyVerify = R"PY(
import sys
import dkim, dns.resolver

address, port = sys.argv[1], int(sys.argv[2])

def dnsfunc(name, timeout=5):
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [address]
    resolver.port = port
    resolver.lifetime = timeout
    name = name.decode('ascii') if isinstance(name, bytes) else name
    answer = resolver.resolve(name, 'TXT')
    return b''.join(answer[0].strings)

for item in sys.argv[3:]:
    path, index = item.rsplit(':', 1)
    with open(path, 'rb') as f:
        message = f.read()
    try:
        ok = dkim.DKIM(message).verify(idx=int(index), dnsfunc=dnsfunc)
        print('pass' if ok else 'fail: verify() returned False')
    except Exception as e:
        print('fail: %s: %s' % (type(e).__name__, str(e).replace('\n', ' ')))
)PY";

// The joined TXT strings of a name, asked of our server with dnspython,
// retried for up to 5 s while dnsmasq starts. Prints the value.
const char *kDnsLookup = R"PY(
import sys, time
import dns.resolver
address, port, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
resolver = dns.resolver.Resolver(configure=False)
resolver.nameservers = [address]
resolver.port = port
resolver.lifetime = 1
deadline = time.time() + 5
while True:
    try:
        answer = resolver.resolve(name, 'TXT')
        sys.stdout.write(b''.join(answer[0].strings).decode('latin-1'))
        sys.exit(0)
    except Exception as e:
        if time.time() > deadline:
            print('lookup of %s failed: %s' % (name, e), file=sys.stderr)
            sys.exit(1)
        time.sleep(0.1)
)PY";

// dnsmasq on port 53 of 127.0.0.N, answering only the TXT records given.
class Port53Dns {
 public:
  ~Port53Dns() { stop(); }

  void addTxt(const QString &name, const QString &value) {
    // Character-strings of at most 255 octets (RFC 1035 §3.3.14), quoted as
    // dnsmasq's config file wants them (on its command line quotes would be
    // taken literally).
    QStringList quoted;
    for (qsizetype i = 0; i < value.size(); i += 255) quoted << QLatin1Char('"') + value.mid(i, 255) + QLatin1Char('"');
    config_ += QStringLiteral("txt-record=%1,%2\n").arg(name, quoted.join(QLatin1Char(','))).toUtf8();
  }

  bool start(const QString &python) {
    const QString program = findSbinTool(QStringLiteral("dnsmasq"), QStringLiteral("dnsmasq-base"), &error_);
    if (program.isEmpty()) return false;
    if (!dir_.isValid()) return fail(QStringLiteral("cannot create a temporary directory"));
    const QString configFile = dir_.filePath(QStringLiteral("records.conf"));
    QFile config(configFile);
    if (!config.open(QIODevice::WriteOnly) || config.write(config_) != config_.size())
      return fail(QStringLiteral("cannot write ") + configFile);
    config.close();
    for (int attempt = 0; attempt < 20; ++attempt) {
      const QString candidate = QStringLiteral("127.0.0.%1").arg(QRandomGenerator::global()->bounded(2, 254));
      if (candidate == QStringLiteral("127.0.0.53") || !isFree(candidate)) continue;
      address_ = candidate;
      const QString token = QStringLiteral("probe-") + randomHex(8);
      logFile_ = dir_.filePath(QStringLiteral("dnsmasq-%1.log").arg(attempt));
      QStringList arguments = {
          QStringLiteral("--keep-in-foreground"), QStringLiteral("--conf-file=") + configFile,  // never /etc/dnsmasq.conf
          QStringLiteral("--no-resolv"), QStringLiteral("--no-hosts"), QStringLiteral("--no-poll"),
          QStringLiteral("--listen-address=") + address_, QStringLiteral("--bind-interfaces"),
          QStringLiteral("--port=53"), QStringLiteral("--pid-file="), QStringLiteral("--log-queries"),
          QStringLiteral("--log-facility=") + logFile_,
          QStringLiteral("--local=/#/"),  // answer from our records only, forward nothing
          QStringLiteral("--txt-record=%1.fixture.invalid,%1").arg(token)};
      if (::geteuid() == 0) arguments << QStringLiteral("--user=root");
      process_ = std::make_unique<QProcess>();
      process_->setProcessChannelMode(QProcess::MergedChannels);
      process_->start(program, arguments);
      if (!process_->waitForStarted(5000)) return fail(QStringLiteral("cannot start dnsmasq: ") + process_->errorString());
      // The probe record must come back: a second dnsmasq on a taken address
      // starts without error while the old one answers (TESTING-NOTES.md).
      const QString answer = lookup(python, token + QStringLiteral(".fixture.invalid"));
      if (answer == token) return true;
      const QString output = QString::fromUtf8(process_->readAll());
      stop();
      error_ = QStringLiteral("dnsmasq on %1:53 did not answer its probe: %2").arg(address_, output);
    }
    return false;
  }

  // The joined TXT value of `name` as our server answers it; empty when none.
  QString lookup(const QString &python, const QString &name) const {
    ProcessRequest request;
    request.program = python;
    request.arguments = {QStringLiteral("-c"), QString::fromLatin1(kDnsLookup), address_, QStringLiteral("53"), name};
    request.timeoutMs = 15000;
    const ProcessResult result = runProcess(request);
    return result.succeeded() ? QString::fromLatin1(result.standardOutput) : QString();
  }

  void stop() {
    if (!process_) return;
    process_->terminate();
    if (!process_->waitForFinished(5000)) {
      process_->kill();
      process_->waitForFinished(5000);
    }
    process_.reset();
  }

  QString address() const { return address_; }
  QString errorString() const { return error_; }
  QString log() const {
    QFile file(logFile_);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
  }

 private:
  static bool isFree(const QString &address) {
    QUdpSocket udp;
    if (!udp.bind(QHostAddress(address), 53)) return false;
    QTcpServer tcp;
    return tcp.listen(QHostAddress(address), 53);
  }
  bool fail(const QString &message) {
    error_ = message;
    return false;
  }

  QTemporaryDir dir_;
  QByteArray config_;
  std::unique_ptr<QProcess> process_;
  QString address_;
  QString logFile_;
  QString error_;
};

struct Key {
  QString selector;
  QString recordName;
  QString recordValue;
};

// The message kinds the brief of this test names, CRLF line ends.
QList<QPair<QString, QByteArray>> messageKinds() {
  const QByteArray common = "From: Sender <sender@dkim.test>\r\n"
                            "To: Recipient <rcpt@example.net>\r\n"
                            "Date: Tue, 28 Jul 2026 10:02:45 +0000\r\n"
                            "Message-ID: <" + randomHex(8).toLatin1() + "@dkim.test>\r\n";
  QByteArray longTo = "Cc: ";
  for (int i = 0; i < 8; ++i) longTo += "Person Number " + QByteArray::number(i) + " <p" + QByteArray::number(i) + "@example.net>,\r\n ";
  longTo += "last@example.net\r\n";
  return {
      {QStringLiteral("plain text"), common + "Subject: plain\r\n\r\nHello.\r\n\r\nBye.\r\n"},
      {QStringLiteral("long folded headers"),
       common + longTo +
           "Subject: a subject line long enough that the sending program folded it over\r\n"
           "\tthree lines, with a tab and\r\n    spaces at the start of continuation lines\r\n"
           "References: <a1@example.net> <a2@example.net> <a3@example.net> <a4@example.net>\r\n"
           " <a5@example.net> <a6@example.net>\r\n\r\nbody\r\n"},
      {QStringLiteral("8-bit UTF-8 body"),
       common + "Subject: =?UTF-8?Q?Shwmae_=E4=BD=A0=E5=A5=BD?=\r\nMIME-Version: 1.0\r\n"
                "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                "Bore da \xe2\x80\x94 \xc5\xb5\xc5\xb7 \xc3\xa2\r\n\xe4\xbd\xa0\xe5\xa5\xbd\xef\xbc\x8c\xe4\xb8\x96\xe7\x95\x8c\r\n"},
      {QStringLiteral("trailing blank lines"), common + "Subject: blank lines\r\n\r\ntext\r\n\r\n\r\n\r\n"},
      {QStringLiteral("lines with trailing whitespace"),
       common + "Subject: spaces  \t\r\n\r\nline with spaces   \r\nline with a tab\t\r\n \t \r\n  indented  line\r\n"},
      {QStringLiteral("empty body"), common + "Subject: empty\r\n\r\n"},
  };
}

}  // namespace

class ItDkimVerify : public QObject {
  Q_OBJECT

 private slots:
  void initTestCase() {
    QString error;
    python_ = systemPython(&error);
    QVERIFY2(!python_.isEmpty(), qPrintable(error));
    ProcessRequest check;
    check.program = python_;
    check.arguments = {QStringLiteral("-c"), QStringLiteral("import dkim, dns.resolver")};
    const ProcessResult modules = runProcess(check);
    QVERIFY2(modules.succeeded(), qPrintable(QStringLiteral("/usr/bin/python3 cannot import dkim and dns.resolver: "
                                                            "apt-get install python3-dkim python3-dnspython\n") +
                                             QString::fromUtf8(modules.standardError)));
    opendkim_ = findSbinTool(QStringLiteral("opendkim-testmsg"), QStringLiteral("opendkim-tools"), &error);
    QVERIFY2(!opendkim_.isEmpty(), qPrintable(error));
    unshare_ = findSbinTool(QStringLiteral("unshare"), QStringLiteral("util-linux"), &error);
    QVERIFY2(!unshare_.isEmpty(), qPrintable(error));

    postwrd_ = std::make_unique<PostwrdInstance>();
    postwrd_->addDomain(kDomain);
    QVERIFY2(postwrd_->prepare(), qPrintable(postwrd_->errorString()));

    // Both option forms: "--selector S" and "--algorithm=ed25519".
    rsa_ = keygen({QStringLiteral("--selector"), QStringLiteral("rsa2026"), QStringLiteral("--bits"), QStringLiteral("2048")});
    QVERIFY(!QTest::currentTestFailed());
    ed25519_ = keygen({QStringLiteral("--algorithm=ed25519"), QStringLiteral("--selector"), QStringLiteral("ed2026")});
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(rsa_.recordName, QStringLiteral("rsa2026._domainkey.dkim.test"));
    QVERIFY2(rsa_.recordValue.startsWith(QStringLiteral("v=DKIM1; k=rsa; p=")), qPrintable(rsa_.recordValue));
    QVERIFY2(rsa_.recordValue.size() > 255, "an RSA-2048 record needs several character-strings");
    QVERIFY2(ed25519_.recordValue.startsWith(QStringLiteral("v=DKIM1; k=ed25519; p=")), qPrintable(ed25519_.recordValue));

    dns_ = std::make_unique<Port53Dns>();
    for (const Key &key : {rsa_, ed25519_}) dns_->addTxt(key.recordName, key.recordValue);
    QVERIFY2(dns_->start(python_), qPrintable(dns_->errorString()));
    // What a resolver gets back is exactly what keygen printed.
    for (const Key &key : {rsa_, ed25519_}) QCOMPARE(dns_->lookup(python_, key.recordName), key.recordValue);

    QVERIFY(resolvConf_.isValid());
    QFile resolv(resolvConf_.filePath(QStringLiteral("resolv.conf")));
    QVERIFY(resolv.open(QIODevice::WriteOnly));
    resolv.write("nameserver " + dns_->address().toLatin1() + "\noptions timeout:2 attempts:2\n");
    resolv.close();

    // Every message kind signed with each key, all checked by one dkimpy run.
    QStringList rows;
    QList<QPair<QByteArray, int>> items;
    for (const auto &[row, message] : rows_) {
      const QByteArray signedMessage = sign(message, row.startsWith(QStringLiteral("ed25519")) ? ed25519_.selector : rsa_.selector);
      QVERIFY(!QTest::currentTestFailed());
      signed_.insert(row, signedMessage);
      rows << row;
      items.append({signedMessage, 0});
    }
    const QStringList results = dkimpy(items);
    QVERIFY2(results.size() == rows.size(), qPrintable(results.join(QLatin1Char('\n'))));
    for (qsizetype i = 0; i < rows.size(); ++i) dkimpyResults_.insert(rows[i], results[i]);
  }

  void cleanupTestCase() {
    if (QTest::currentTestFailed() && dns_) qInfo().noquote() << "----- dnsmasq log -----\n" + dns_->log();
    dns_.reset();
    postwrd_.reset();
  }

  void verifiersAcceptSignatures_data() {
    QTest::addColumn<bool>("ed25519");
    QTest::addColumn<QByteArray>("message");
    for (const auto &[row, message] : rows_) QTest::newRow(qPrintable(row)) << row.startsWith(QStringLiteral("ed25519")) << message;
  }

  void verifiersAcceptSignatures() {
    QFETCH(bool, ed25519);
    QFETCH(QByteArray, message);
    const QString row = QString::fromUtf8(QTest::currentDataTag());
    const QByteArray signedMessage = signed_.value(row);
    QVERIFY2(signedMessage.endsWith(message), "the message after the signature must be unchanged");
    QCOMPARE(signedMessage.count("DKIM-Signature:"), qsizetype(1));
    QVERIFY(signedMessage.contains(ed25519 ? "a=ed25519-sha256;" : "a=rsa-sha256;"));

    QCOMPARE(dkimpyResults_.value(row), QStringLiteral("pass"));
    QString why;
    QVERIFY2(opendkimVerifies(signedMessage, &why), qPrintable(QStringLiteral("opendkim-testmsg: ") + why));
  }

  void verifiersRejectTamperedMessages() {
    const QList<std::tuple<QString, QByteArray, QByteArray>> changes = {
        {QStringLiteral("changed body"), "Hello.", "Hullo."},
        {QStringLiteral("changed subject"), "Subject: plain", "Subject: plane"},
        {QStringLiteral("second From added"), "To: Recipient", "From: Mallory <m@evil.example>\r\nTo: Recipient"},
        {QStringLiteral("body line added"), "Bye.\r\n", "Bye.\r\nP.S. click here\r\n"},
    };
    QStringList names;
    QList<QByteArray> tampered;
    for (const Key *key : {&rsa_, &ed25519_}) {
      const QByteArray signedMessage = sign(messageKinds().front().second, key->selector);
      QVERIFY(!QTest::currentTestFailed());
      for (const auto &[name, from, to] : changes) {
        QByteArray copy = signedMessage;
        const qsizetype at = copy.indexOf(from, copy.indexOf("\r\nFrom: "));
        QVERIFY2(at > 0, qPrintable(name));
        copy.replace(at, from.size(), to);
        names << key->selector + QStringLiteral(": ") + name;
        tampered << copy;
      }
    }
    QList<QPair<QByteArray, int>> items;
    for (const QByteArray &message : std::as_const(tampered)) items.append({message, 0});
    const QStringList results = dkimpy(items);
    QCOMPARE(results.size(), names.size());
    for (qsizetype i = 0; i < names.size(); ++i) {
      QVERIFY2(results[i].startsWith(QStringLiteral("fail")), qPrintable(QStringLiteral("dkimpy accepted: ") + names[i]));
      QString why;
      QVERIFY2(!opendkimVerifies(tampered[i], &why), qPrintable(QStringLiteral("opendkim-testmsg accepted: ") + names[i]));
    }
  }

  // Without --selector, `dkim sign` signs with every key of the domain.
  void everyKeySignsWhenNoSelectorIsGiven() {
    const QByteArray message = messageKinds().at(2).second;
    const QByteArray signedMessage = sign(message, {});
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(signedMessage.count("DKIM-Signature:"), qsizetype(2));
    QVERIFY(signedMessage.endsWith(message));
    QCOMPARE(dkimpy({{signedMessage, 0}, {signedMessage, 1}}), (QStringList{QStringLiteral("pass"), QStringLiteral("pass")}));
  }

  // LF line ends on stdin are taken as CRLF (a message saved by an editor).
  void lfInputIsSignedAsCrlf() {
    QByteArray message = messageKinds().front().second;
    const QByteArray lf = QByteArray(message).replace("\r\n", "\n");
    const QByteArray signedMessage = sign(lf, rsa_.selector);
    QVERIFY(!QTest::currentTestFailed());
    QVERIFY(signedMessage.endsWith(message));
    QCOMPARE(dkimpy({{signedMessage, 0}}), QStringList{QStringLiteral("pass")});
  }

  void keyFilesArePrivateAndNeverReplaced() {
    for (const Key &key : {rsa_, ed25519_}) {
      const QString path = keyPath(key.selector);
      struct stat info {};
      QVERIFY2(::stat(QFile::encodeName(path).constData(), &info) == 0, qPrintable(path));
      QCOMPARE(info.st_mode & 0777, mode_t{0600});
      QVERIFY(PostwrdInstance::readFile(path).startsWith("-----BEGIN PRIVATE KEY-----"));
    }
    const QByteArray before = PostwrdInstance::readFile(keyPath(rsa_.selector));
    const ProcessResult again = postwrd_->cli({QStringLiteral("dkim"), QStringLiteral("keygen"), kDomain,
                                               QStringLiteral("--selector=") + rsa_.selector});
    QVERIFY2(!again.succeeded() && !again.timedOut, qPrintable(failure(QStringLiteral("keygen over an existing selector"), again)));
    QVERIFY2(again.standardError.contains("exists"), again.standardError.constData());
    QCOMPARE(PostwrdInstance::readFile(keyPath(rsa_.selector)), before);
  }

  void defaultSelectorsFollowTheYear() {
    PostwrdInstance other;
    other.addDomain(kDomain);
    QVERIFY2(other.prepare(), qPrintable(other.errorString()));
    const QString year = QString::number(QDateTime::currentDateTimeUtc().date().year());
    for (const QString &letter : {QStringLiteral("a"), QStringLiteral("b")}) {
      const ProcessResult made = other.cli({QStringLiteral("dkim"), QStringLiteral("keygen"), kDomain,
                                            QStringLiteral("--algorithm"), QStringLiteral("ed25519")});
      QVERIFY2(made.succeeded(), qPrintable(failure(QStringLiteral("keygen"), made)));
      QCOMPARE(QString::fromUtf8(made.standardOutput).section(QLatin1Char('\n'), 0, 0),
               QStringLiteral("p%1%2._domainkey.dkim.test").arg(year, letter));
    }
    const ProcessResult notLocal = other.cli({QStringLiteral("dkim"), QStringLiteral("keygen"), QStringLiteral("elsewhere.test")});
    QVERIFY2(notLocal.exitCode != 0 && !notLocal.timedOut, qPrintable(failure(QStringLiteral("keygen for a non-local domain"), notLocal)));
    QVERIFY(!QFileInfo::exists(other.configDir() + QStringLiteral("/domains/elsewhere.test")));
    const ProcessResult tooSmall = other.cli({QStringLiteral("dkim"), QStringLiteral("keygen"), kDomain, QStringLiteral("--bits=512")});
    QVERIFY2(tooSmall.exitCode != 0 && tooSmall.standardError.contains("1024"), qPrintable(failure(QStringLiteral("512-bit key"), tooSmall)));
  }

  void listShowsTheKeysAndRecords() {
    const ProcessResult list = postwrd_->cli({QStringLiteral("dkim"), QStringLiteral("list")});
    QVERIFY2(list.succeeded(), qPrintable(failure(QStringLiteral("dkim list"), list)));
    const QStringList lines = QString::fromUtf8(list.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines, (QStringList{
                        QStringList{kDomain, ed25519_.selector, QStringLiteral("ed25519"), ed25519_.recordName, ed25519_.recordValue}.join(QLatin1Char('\t')),
                        QStringList{kDomain, rsa_.selector, QStringLiteral("rsa-2048"), rsa_.recordName, rsa_.recordValue}.join(QLatin1Char('\t')),
                    }));
    const ProcessResult one = postwrd_->cli({QStringLiteral("dkim"), QStringLiteral("list"), kDomain});
    QCOMPARE(one.standardOutput, list.standardOutput);
  }

 private:
  // `postwrd dkim keygen DOMAIN ARGS`: the record name on the first line of
  // stdout, its value on the second.
  Key keygen(const QStringList &arguments) {
    const ProcessResult result = postwrd_->cli(QStringList{QStringLiteral("dkim"), QStringLiteral("keygen"), kDomain} + arguments);
    [&] { QVERIFY2(result.succeeded(), qPrintable(failure(QStringLiteral("dkim keygen"), result))); }();
    const QStringList lines = QString::fromUtf8(result.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    [&] { QVERIFY2(lines.size() == 2, qPrintable(failure(QStringLiteral("dkim keygen output"), result))); }();
    if (lines.size() != 2) return {};
    return {lines[0].section(QLatin1Char('.'), 0, 0), lines[0], lines[1]};
  }

  QByteArray sign(const QByteArray &message, const QString &selector) {
    QStringList words = {QStringLiteral("dkim"), QStringLiteral("sign"), kDomain};
    if (!selector.isEmpty()) words << QStringLiteral("--selector") << selector;
    const ProcessResult result = postwrd_->cli(words, message);
    [&] { QVERIFY2(result.succeeded(), qPrintable(failure(QStringLiteral("dkim sign"), result))); }();
    return result.standardOutput;
  }

  QString keyPath(const QString &selector) const {
    return postwrd_->configDir() + QStringLiteral("/domains/dkim.test/dkim/") + selector + QStringLiteral(".pem");
  }

  QString writeTemp(const QByteArray &data) {
    const QString path = work_.filePath(QStringLiteral("message-%1.eml").arg(++files_));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly)) file.write(data);
    return path;
  }

  // dkimpy's verdict on each (message, signature index): "pass" or "fail: ...".
  QStringList dkimpy(const QList<QPair<QByteArray, int>> &items) {
    ProcessRequest request;
    request.program = python_;
    request.arguments = {QStringLiteral("-c"), QString::fromLatin1(kDkimpyVerify), dns_->address(), QStringLiteral("53")};
    for (const auto &[message, index] : items) request.arguments << writeTemp(message) + QStringLiteral(":%1").arg(index);
    request.timeoutMs = 120000;
    const ProcessResult result = runProcess(request);
    if (!result.succeeded()) return {failure(QStringLiteral("dkimpy"), result)};
    return QString::fromUtf8(result.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
  }

  // opendkim-testmsg verifies stdin and exits 0 when every signature
  // verifies; it prints nothing then. Its resolver reads /etc/resolv.conf,
  // replaced in a private mount namespace (see the top of this file).
  bool opendkimVerifies(const QByteArray &signedMessage, QString *why) {
    ProcessRequest request;
    request.program = unshare_;
    request.arguments = {QStringLiteral("--mount")};
    if (::geteuid() != 0) request.arguments << QStringLiteral("--map-root-user");
    request.arguments << QStringLiteral("--") << QStringLiteral("/bin/sh") << QStringLiteral("-c")
                      << QStringLiteral("mount --bind \"$1\" /etc/resolv.conf && exec \"$2\"") << QStringLiteral("sh")
                      << resolvConf_.filePath(QStringLiteral("resolv.conf")) << opendkim_;
    request.standardInput = signedMessage;
    const ProcessResult result = runProcess(request);
    *why = failure(QStringLiteral("opendkim-testmsg"), result);
    return result.succeeded() && result.standardOutput.isEmpty() && result.standardError.isEmpty();
  }

  // "rsa: KIND" / "ed25519: KIND" and the message, made once: the
  // Message-IDs are random.
  const QList<QPair<QString, QByteArray>> rows_ = [] {
    QList<QPair<QString, QByteArray>> rows;
    for (const QString &algorithm : {QStringLiteral("rsa"), QStringLiteral("ed25519")}) {
      for (const auto &[kind, message] : messageKinds()) rows.append({algorithm + QStringLiteral(": ") + kind, message});
    }
    return rows;
  }();
  QMap<QString, QByteArray> signed_;
  QMap<QString, QString> dkimpyResults_;
  QString python_;
  QString opendkim_;
  QString unshare_;
  std::unique_ptr<PostwrdInstance> postwrd_;
  std::unique_ptr<Port53Dns> dns_;
  QTemporaryDir resolvConf_;
  QTemporaryDir work_;
  int files_ = 0;
  Key rsa_;
  Key ed25519_;
};

QTEST_GUILESS_MAIN(ItDkimVerify)
#include "tst_it_dkim_verify.moc"
