// ARC seals checked by an implementation no one here wrote, and the other
// way round: dkimpy (/usr/bin/python3, `import dkim`).
//
//   ours -> dkimpy   arcSeal seals i=1 (cv=none) and i=2 (cv=pass) over a
//                    message DKIM-signed by signMessage; dkim.arc_verify
//                    must say pass, dkim.verify must still pass the DKIM
//                    signature, and a copy changed after sealing must fail.
//   dkimpy -> ours   dkim.arc_sign seals i=1 and i=2; validateArc must say
//                    pass, and fail on a changed copy; we then seal i=3 and
//                    dkimpy must pass the mixed chain.
//
// Keys come from generateDkimKey; dkimpy's DNS function answers from a file
// holding our dkimRecordValue for each key name, and validateArc's questions
// are answered from the same records.
//
// dkimpy 1.1 accepts only rsa-sha256 in ARC (its ARC_HASH_ALGORITHMS), and
// arc_sign signs with RSA only. Our Ed25519 seals are therefore checked
// twice: plain arc_verify must refuse them for that reason alone, and with
// ed25519-sha256 added to that table its ARC code, which verifies Ed25519
// through PyNaCl as for DKIM, must pass them.

#include "mail/arc.h"
#include "mail/dkim_key.h"
#include "mail/dkim_signer.h"
#include "mail/dns_lookup.h"
#include "support/process_runner.h"

#include <QDateTime>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <map>
#include <memory>
#include <openssl/bio.h>
#include <openssl/pem.h>
#include <optional>

using namespace postwr::mail;

namespace {

// Commands:
//   verify KEYS [--ed25519] FILE...   one line per file: "<cv>: <reason>"
//                                      (cv "ended" when dkimpy returns None)
//   dkim KEYS FILE...                  one line per file: "pass" or "fail"
//   seal KEYS IN OUT SELECTOR DOMAIN PEM SRV_ID
//                                      dkim.arc_sign; writes set + message
//                                      to OUT and prints "sealed"
// KEYS is a file of "name<TAB>TXT value" lines.
const char *kDkimpy = R"PY(
import hashlib, sys
import dkim

command, keys_file = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
keys = {}
with open(keys_file, 'rb') as f:
    for line in f.read().split(b'\n'):
        if line:
            name, value = line.split(b'\t', 1)
            keys[name.lower()] = value

def dnsfunc(name, timeout=5):
    if isinstance(name, str):
        name = name.encode('ascii')
    return keys.get(name.rstrip(b'.').lower())

def read(path):
    with open(path, 'rb') as f:
        return f.read()

if command == 'verify':
    if args[0] == '--ed25519':
        dkim.ARC_HASH_ALGORITHMS[b'ed25519-sha256'] = hashlib.sha256
        args = args[1:]
    for path in args:
        cv, results, reason = dkim.arc_verify(read(path), dnsfunc=dnsfunc)
        print('%s: %s' % (cv.decode() if cv else 'ended', str(reason).replace('\n', ' ')))
elif command == 'dkim':
    for path in args:
        print('pass' if dkim.verify(read(path), dnsfunc=dnsfunc) else 'fail')
elif command == 'seal':
    source, target, selector, domain, pem, srv_id = args
    message = read(source)
    arc_set = dkim.arc_sign(message, selector.encode(), domain.encode(), read(pem), srv_id.encode())
    if not arc_set:
        sys.exit('arc_sign made no ARC set')
    with open(target, 'wb') as f:
        f.write(b''.join(arc_set) + message)
    print('sealed')
)PY";

// RFC 6376 Appendix A.2's message.
const QByteArray rfcMessage = "From: Joe SixPack <joe@football.example.com>\r\n"
                              "To: Suzie Q <suzie@shopping.example.net>\r\n"
                              "Subject: Is dinner ready?\r\n"
                              "Date: Fri, 11 Jul 2003 21:00:37 -0700 (PDT)\r\n"
                              "Message-ID: <20030712040037.46341.5F8J@football.example.com>\r\n"
                              "\r\n"
                              "Hi.\r\n"
                              "\r\n"
                              "We lost the game.  Are you hungry yet?\r\n"
                              "\r\n"
                              "Joe.\r\n";

QByteArray bytes(std::string_view text)
{
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

std::string_view view(const QByteArray &data)
{
    return { data.constData(), static_cast<std::size_t>(data.size()) };
}

QString failure(const QString &what, const ProcessResult &result)
{
    return QStringLiteral("%1: %2\nstdout: %3\nstderr: %4")
        .arg(what, result.status(), QString::fromUtf8(result.standardOutput),
            QString::fromUtf8(result.standardError));
}

// dkimpy's parse_pem_private_key reads PKCS#1 ("RSA PRIVATE KEY") only.
QByteArray traditionalPem(const DkimKey &key)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!bio
        || PEM_write_bio_PrivateKey_traditional(
               bio.get(), key.key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1)
        return {};
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, static_cast<qsizetype>(size));
}

} // namespace

class ItArcDkimpy : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void ourSealsPassDkimpy_data();
    void ourSealsPassDkimpy();
    void dkimpySealsPassOurs();

private:
    bool addKey(
        const char *name, DkimKey::Algorithm algorithm, const char *domain, const char *selector);
    ArcVerdict validate(const QByteArray &message) const;
    QByteArray seal(const QByteArray &message, const DkimKey &key) const;
    QString write(const QString &name, const QByteArray &data);
    QStringList dkimpy(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_python;
    QString m_keysFile;
    std::map<QByteArray, DkimKey> m_keys;
    std::map<std::string, std::string> m_records; // name -> TXT value
    std::int64_t m_now = QDateTime::currentSecsSinceEpoch();
};

bool ItArcDkimpy::addKey(
    const char *name, DkimKey::Algorithm algorithm, const char *domain, const char *selector)
{
    Result<DkimKey> key = generateDkimKey(algorithm, defaultRsaBits, domain, selector);
    if (!key)
        return false;
    Result<std::string> record = dkimRecordValue(*key);
    if (!record)
        return false;
    m_records[dkimRecordName(*key)] = *record;
    m_keys[name] = *key;
    return true;
}

void ItArcDkimpy::initTestCase()
{
    QString error;
    m_python = systemPython(&error);
    QVERIFY2(!m_python.isEmpty(), qPrintable(error));
    ProcessRequest check;
    check.program = m_python;
    check.arguments = { QStringLiteral("-c"), QStringLiteral("import dkim, authres, nacl") };
    const ProcessResult modules = runProcess(check);
    QVERIFY2(modules.succeeded(),
        qPrintable(
            "/usr/bin/python3 cannot import dkim, authres and nacl: apt-get install python3-dkim "
            "python3-authres python3-nacl\n"
            + QString::fromUtf8(modules.standardError)));
    QVERIFY(m_dir.isValid());

    QVERIFY(addKey("origin", DkimKey::Algorithm::RsaSha256, "example.org", "p2026a"));
    QVERIFY(addKey("rsa1", DkimKey::Algorithm::RsaSha256, "seal.example", "arc1"));
    QVERIFY(addKey("rsa2", DkimKey::Algorithm::RsaSha256, "forward.example", "arc2"));
    QVERIFY(addKey("ed1", DkimKey::Algorithm::Ed25519Sha256, "seal.example", "arced1"));
    QVERIFY(addKey("ed2", DkimKey::Algorithm::Ed25519Sha256, "forward.example", "arced2"));
    QVERIFY(addKey("dkimpy1", DkimKey::Algorithm::RsaSha256, "mx.dkimpy.example", "py1"));
    QVERIFY(addKey("dkimpy2", DkimKey::Algorithm::RsaSha256, "list.dkimpy.example", "py2"));
    QByteArray keys;
    for (const auto &[name, value] : m_records)
        keys += bytes(name) + "\t" + bytes(value) + "\n";
    m_keysFile = write(QStringLiteral("keys.txt"), keys);
}

ArcVerdict ItArcDkimpy::validate(const QByteArray &message) const
{
    DnsAnswers answers;
    for (int i = 0; i < 20; ++i) {
        Lookup<ArcVerdict> step = validateArc(view(message), answers, m_now);
        if (const ArcVerdict *verdict = std::get_if<ArcVerdict>(&step))
            return *verdict;
        const DnsQuestion question = std::get<DnsQuestion>(step);
        const auto record = m_records.find(question.name);
        answers.add(question,
            record == m_records.end() ? DnsAnswer { DnsAnswer::Status::NoSuchDomain, {} }
                                      : DnsAnswer { DnsAnswer::Status::Found, { record->second } });
    }
    return { ArcChainResult::None, -1, "validateArc kept asking", {} };
}

QByteArray ItArcDkimpy::seal(const QByteArray &message, const DkimKey &key) const
{
    const ArcVerdict chain = validate(message);
    const QByteArray results = "mx." + bytes(key.domain)
        + "; spf=pass smtp.mailfrom=joe@football.example.com; arc="
        + bytes(arcChainResultName(chain.result));
    Result<std::string> set = arcSeal(view(message), key, view(results), chain, m_now);
    if (!set) {
        qWarning("arcSeal: %s", set.error().message.c_str());
        return {};
    }
    return bytes(*set) + message;
}

QString ItArcDkimpy::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        qWarning("cannot write %s", qPrintable(path));
    return path;
}

// Runs the dkimpy script: its output lines, or one line saying how it
// failed, which no comparison expects.
QStringList ItArcDkimpy::dkimpy(const QStringList &arguments)
{
    ProcessRequest request;
    request.program = m_python;
    request.arguments
        = QStringList { QStringLiteral("-c"), QString::fromUtf8(kDkimpy) } + arguments;
    const ProcessResult result = runProcess(request);
    if (!result.succeeded())
        return { failure(QStringLiteral("dkimpy ") + arguments.value(0), result) };
    return QString::fromUtf8(result.standardOutput).trimmed().split(QLatin1Char('\n'));
}

void ItArcDkimpy::ourSealsPassDkimpy_data()
{
    QTest::addColumn<QByteArray>("first");
    QTest::addColumn<QByteArray>("second");
    QTest::addColumn<bool>("ed25519");

    QTest::newRow("rsa-sha256") << QByteArray("rsa1") << QByteArray("rsa2") << false;
    QTest::newRow("ed25519-sha256") << QByteArray("ed1") << QByteArray("ed2") << true;
}

void ItArcDkimpy::ourSealsPassDkimpy()
{
    QFETCH(QByteArray, first);
    QFETCH(QByteArray, second);
    QFETCH(bool, ed25519);

    Result<std::string> signature = signMessage(m_keys.at("origin"), view(rfcMessage), m_now);
    QVERIFY(signature.ok());
    const QByteArray once = seal(bytes(*signature) + rfcMessage, m_keys.at(first));
    QVERIFY(!once.isEmpty());
    const QByteArray twice = seal(once, m_keys.at(second));
    QVERIFY(!twice.isEmpty());
    QVERIFY(twice.contains("ARC-Seal: i=2; cv=pass;"));
    QCOMPARE(validate(twice).result, ArcChainResult::Pass);
    QByteArray tampered = twice;
    tampered.replace("We lost the game", "We won the game");

    const QString tag = QString::fromLatin1(first);
    const QStringList files = { write(tag + "-once.eml", once), write(tag + "-twice.eml", twice),
        write(tag + "-tampered.eml", tampered) };
    QStringList arguments = { QStringLiteral("verify"), m_keysFile };
    if (ed25519)
        arguments << QStringLiteral("--ed25519");
    const QStringList verdicts = dkimpy(arguments + files);
    QCOMPARE(verdicts,
        QStringList({ "pass: success", "pass: success",
            "fail: Most recent ARC-Message-Signature did not validate" }));

    // The DKIM signature under the seals still verifies.
    QCOMPARE(dkimpy(QStringList { QStringLiteral("dkim"), m_keysFile } + files),
        QStringList({ "pass", "pass", "fail" }));

    if (ed25519) {
        // Without the extension dkimpy refuses the algorithm, nothing else.
        const QStringList plain = dkimpy({ QStringLiteral("verify"), m_keysFile, files[1] });
        QCOMPARE(plain, QStringList { "fail: unknown signature algorithm: b'ed25519-sha256'" });
    }
}

void ItArcDkimpy::dkimpySealsPassOurs()
{
    // dkimpy seals what an Authentication-Results field of its srv_id says.
    const QByteArray received = "Authentication-Results: mx.dkimpy.example; spf=pass "
                                "smtp.mailfrom=joe@football.example.com\r\n"
        + rfcMessage;
    const QString pem1 = write(QStringLiteral("py1.pem"), traditionalPem(m_keys.at("dkimpy1")));
    const QString pem2 = write(QStringLiteral("py2.pem"), traditionalPem(m_keys.at("dkimpy2")));
    const QString in1 = write(QStringLiteral("py-in1.eml"), received);
    const QString out1 = m_dir.filePath(QStringLiteral("py-out1.eml"));
    QCOMPARE(dkimpy({ QStringLiteral("seal"), m_keysFile, in1, out1, QStringLiteral("py1"),
                 QStringLiteral("mx.dkimpy.example"), pem1, QStringLiteral("mx.dkimpy.example") }),
        QStringList { "sealed" });
    QFile file1(out1);
    QVERIFY(file1.open(QIODevice::ReadOnly));
    const QByteArray once = file1.readAll();
    QVERIFY2(once.startsWith("ARC-Seal: i=1; cv=none;"), once.left(200).constData());
    const ArcVerdict first = validate(once);
    QCOMPARE(QString::fromStdString(first.reason), QString("1 ARC set verified"));
    QCOMPARE(first.result, ArcChainResult::Pass);
    QCOMPARE(first.oldestPassDomain, std::string("mx.dkimpy.example"));

    // A list at another domain checks it (arc=pass) and seals i=2.
    const QString in2 = write(QStringLiteral("py-in2.eml"),
        "Authentication-Results: list.dkimpy.example; arc=pass\r\n" + once);
    const QString out2 = m_dir.filePath(QStringLiteral("py-out2.eml"));
    QCOMPARE(
        dkimpy({ QStringLiteral("seal"), m_keysFile, in2, out2, QStringLiteral("py2"),
            QStringLiteral("list.dkimpy.example"), pem2, QStringLiteral("list.dkimpy.example") }),
        QStringList { "sealed" });
    QFile file2(out2);
    QVERIFY(file2.open(QIODevice::ReadOnly));
    const QByteArray twice = file2.readAll();
    QVERIFY2(twice.startsWith("ARC-Seal: i=2; cv=pass;"), twice.left(200).constData());
    const ArcVerdict second = validate(twice);
    QCOMPARE(QString::fromStdString(second.reason), QString("2 ARC sets verified"));
    QCOMPARE(second.result, ArcChainResult::Pass);

    QByteArray tampered = twice;
    tampered.replace("Are you hungry yet?", "Are you thirsty yet?");
    const ArcVerdict broken = validate(tampered);
    QCOMPARE(QString::fromStdString(broken.reason),
        QString("ARC-Message-Signature i=2: body hash mismatch"));
    QCOMPARE(broken.result, ArcChainResult::Fail);

    // We seal i=3 over dkimpy's two sets, RSA and Ed25519 in turn; dkimpy
    // passes the mixed chain.
    const QByteArray rsaThird = seal(twice, m_keys.at("rsa1"));
    const QByteArray edThird = seal(twice, m_keys.at("ed1"));
    QVERIFY(rsaThird.startsWith("ARC-Seal: i=3; cv=pass;"));
    QVERIFY(edThird.startsWith("ARC-Seal: i=3; cv=pass;"));
    QCOMPARE(validate(rsaThird).result, ArcChainResult::Pass);
    const QStringList verdicts = dkimpy({ QStringLiteral("verify"), m_keysFile,
        QStringLiteral("--ed25519"), write(QStringLiteral("mixed-rsa.eml"), rsaThird),
        write(QStringLiteral("mixed-ed.eml"), edThird) });
    QCOMPARE(verdicts, QStringList({ "pass: success", "pass: success" }));
}

QTEST_GUILESS_MAIN(ItArcDkimpy)
#include "tst_it_arc_dkimpy.moc"
