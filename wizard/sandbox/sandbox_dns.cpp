#include "sandbox/sandbox.h"
#include "sandbox/sandbox_dns.h"
#include "sandbox/sandbox_process.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QUdpSocket>
#include <unistd.h>

namespace postwr::sandbox {

namespace {

// A DNS query (RFC 1035 §4.1) for the TXT records of `name`.
QByteArray txtQuery(quint16 id, const QString &name)
{
    QByteArray packet;
    const auto put16 = [&packet](int value) {
        packet += static_cast<char>((value >> 8) & 0xff);
        packet += static_cast<char>(value & 0xff);
    };
    put16(id);
    put16(0x0100); // RD
    put16(1); // one question
    put16(0);
    put16(0);
    put16(0);
    for (const QString &label : name.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        const QByteArray bytes = label.toLatin1();
        packet += static_cast<char>(bytes.size());
        packet += bytes;
    }
    packet += '\0';
    put16(16); // TXT
    put16(1); // IN
    return packet;
}

// True once the DNS server on `port` answers the probe with `token`.
bool answersProbe(
    quint16 port, const QString &name, const QByteArray &token, int timeoutMs, const std::atomic_bool *cancel)
{
    QUdpSocket socket;
    if (!socket.bind(QHostAddress(QHostAddress::LocalHost), 0))
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    const auto id = static_cast<quint16>(QRandomGenerator::global()->bounded(65536));
    const QByteArray query = txtQuery(id, name);
    while (!deadline.hasExpired() && !(cancel && cancel->load())) {
        socket.writeDatagram(query, QHostAddress(QHostAddress::LocalHost), port);
        if (!socket.waitForReadyRead(200))
            continue;
        while (socket.hasPendingDatagrams()) {
            QByteArray answer(static_cast<qsizetype>(socket.pendingDatagramSize()), Qt::Uninitialized);
            socket.readDatagram(answer.data(), answer.size());
            const bool ours = answer.size() > 2 && static_cast<quint8>(answer[0]) == (id >> 8)
                && static_cast<quint8>(answer[1]) == (id & 0xff);
            if (ours)
                return answer.contains(token); // else another DNS server has this port
        }
    }
    return false;
}

bool isAuthenticationRecord(const QString &id)
{
    return id == QLatin1String("spf") || id == QLatin1String("spf-helo") || id == QLatin1String("dmarc")
        || id.startsWith(QLatin1String("dkim:"));
}

} // namespace

QList<DnsRecord> baseRecords()
{
    const QString loopback = QStringLiteral("127.0.0.1");
    return {
        { QStringLiteral("MX"), QStringLiteral("sandbox.test"), QStringLiteral("10 mail.sandbox.test"), {} },
        { QStringLiteral("A"), QStringLiteral("mail.sandbox.test"), loopback, {} },
        { QStringLiteral("MX"), QStringLiteral("gmail.test"), QStringLiteral("10 mx.gmail.test"), {} },
        { QStringLiteral("A"), QStringLiteral("mx.gmail.test"), loopback, {} },
    };
}

wizard::Result<QList<DnsRecord>> authenticationRecords(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (!document.isObject())
        return wizard::Failure {
            Sandbox::tr("postwrd's DNS records are not the JSON expected: %1").arg(error.errorString())
        };
    QList<DnsRecord> records;
    const QJsonArray all = document.object().value(QStringLiteral("records")).toArray();
    for (const QJsonValue &value : all) {
        const QJsonObject record = value.toObject();
        if (!isAuthenticationRecord(record.value(QStringLiteral("id")).toString())
            || record.value(QStringLiteral("type")).toString() != QLatin1String("TXT"))
            continue;
        DnsRecord txt { QStringLiteral("TXT"), record.value(QStringLiteral("name")).toString(),
            record.value(QStringLiteral("value")).toString(), {} };
        for (const QJsonValue &string : record.value(QStringLiteral("strings")).toArray())
            txt.strings << string.toString();
        if (txt.name.isEmpty() || txt.strings.isEmpty())
            return wizard::Failure { Sandbox::tr("postwrd's DNS record %1 has no name or no text.")
                                         .arg(record.value(QStringLiteral("id")).toString()) };
        records << txt;
    }
    const auto has = [&records](const QString &prefix) {
        return std::any_of(
            records.cbegin(), records.cend(), [&prefix](const DnsRecord &r) { return r.value.startsWith(prefix); });
    };
    if (!has(QStringLiteral("v=spf1")) || !has(QStringLiteral("v=DKIM1")) || !has(QStringLiteral("v=DMARC1")))
        return wizard::Failure { Sandbox::tr("postwrd's DNS records lack SPF, DKIM or DMARC: did the DKIM step run?") };
    return records;
}

wizard::Result<QStringList> dnsmasqConfigLines(quint16 port, const QList<DnsRecord> &records, const QString &probeName,
    const QString &probeToken, const QString &logFile, bool runAsRoot)
{
    QStringList lines {
        QStringLiteral("no-resolv"),
        QStringLiteral("no-hosts"),
        QStringLiteral("no-poll"),
        QStringLiteral("listen-address=127.0.0.1"),
        QStringLiteral("bind-interfaces"),
        QStringLiteral("port=%1").arg(port),
        QStringLiteral("pid-file="),
        QStringLiteral("log-queries"),
        QStringLiteral("log-facility=") + logFile,
        // Only the records below: every other name is "no such name".
        QStringLiteral("local=/#/"),
        QStringLiteral("txt-record=%1,%2").arg(probeName, probeToken),
    };
    // As root, dnsmasq would become "nobody", who cannot write the log here.
    if (runAsRoot)
        lines << QStringLiteral("user=root");
    for (const DnsRecord &record : records) {
        if (record.type == QLatin1String("MX")) {
            const QStringList parts = record.value.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            if (parts.size() != 2)
                return wizard::Failure {
                    Sandbox::tr("The MX record of %1 is not \"PREFERENCE HOST\": %2").arg(record.name, record.value)
                };
            lines << QStringLiteral("mx-host=%1,%2,%3").arg(record.name, parts[1], parts[0]);
        } else if (record.type == QLatin1String("A")) {
            lines << QStringLiteral("host-record=%1,%2").arg(record.name, record.value);
        } else if (record.type == QLatin1String("TXT")) {
            QStringList quoted;
            for (const QString &string : record.strings) {
                // dnsmasq's config has no escapes inside quotes.
                if (string.contains(QLatin1Char('"')) || string.contains(QLatin1Char('\\'))
                    || string.contains(QLatin1Char('\n')) || string.toUtf8().size() > 255)
                    return wizard::Failure {
                        Sandbox::tr("The TXT record of %1 cannot be served by dnsmasq: %2").arg(record.name, string)
                    };
                quoted << QLatin1Char('"') + string + QLatin1Char('"');
            }
            lines << QStringLiteral("txt-record=%1,%2").arg(record.name, quoted.join(QLatin1Char(',')));
        } else {
            return wizard::Failure {
                Sandbox::tr("The sandbox's DNS serves no %1 records, as %2 would need.").arg(record.type, record.name)
            };
        }
    }
    return lines;
}

SandboxDns::SandboxDns(QString directory)
    : m_directory(std::move(directory))
{
}

SandboxDns::~SandboxDns()
{
    stop();
}

wizard::Status SandboxDns::start(const QList<DnsRecord> &records, const std::atomic_bool *cancel)
{
    stop();
    if (m_port != 0)
        return launch(records, cancel); // postwrd's [dns] servers names this port
    // The port may be taken between the check and dnsmasq's bind: then another.
    wizard::Status started = wizard::Failure { Sandbox::tr("No free UDP and TCP port on 127.0.0.1.") };
    for (int attempt = 1; attempt <= 5 && !started; ++attempt) {
        m_port = freeUdpAndTcpPort();
        if (m_port == 0)
            break;
        started = launch(records, cancel);
        if (!started)
            m_port = 0;
        if (cancel && cancel->load())
            break;
    }
    return started;
}

wizard::Status SandboxDns::launch(const QList<DnsRecord> &records, const std::atomic_bool *cancel)
{
    const QString program = findProgram(QStringLiteral("dnsmasq"));
    if (program.isEmpty())
        return wizard::Failure { Sandbox::tr("dnsmasq is missing: apt-get install dnsmasq-base") };
    const QDir dir(m_directory);
    ++m_launches;
    const QString logFile = dir.filePath(QStringLiteral("dnsmasq-%1.log").arg(m_launches));
    const QString stderrFile = dir.filePath(QStringLiteral("dnsmasq-%1.stderr").arg(m_launches));
    const QString configFile = dir.filePath(QStringLiteral("dnsmasq-%1.conf").arg(m_launches));
    const QString token = QStringLiteral("postwr-sandbox-%1").arg(QRandomGenerator::system()->generate64(), 0, 16);
    const QString probeName = token + QStringLiteral(".probe.invalid");
    auto lines = dnsmasqConfigLines(m_port, records, probeName, token, logFile, ::geteuid() == 0);
    if (!lines)
        return lines.failure();
    // A file of our own, never /etc/dnsmasq.conf: there, unlike on the command
    // line, dnsmasq reads quoted TXT strings.
    if (!writeFile(configFile, lines->join(QLatin1Char('\n')).toUtf8() + '\n'))
        return wizard::Failure { Sandbox::tr("Cannot write %1.").arg(configFile) };

    m_process = std::make_unique<QProcess>();
    tieToThisProcess(*m_process);
    m_process->setStandardOutputFile(stderrFile);
    m_process->setStandardErrorFile(stderrFile, QIODevice::Append);
    m_process->start(program, { QStringLiteral("--keep-in-foreground"), QStringLiteral("--conf-file=") + configFile });
    if (!m_process->waitForStarted(5000))
        return wizard::Failure { Sandbox::tr("Cannot start dnsmasq: %1").arg(m_process->errorString()) };
    if (answersProbe(m_port, probeName, token.toLatin1(), 5000, cancel))
        return wizard::Done {};
    stop();
    return wizard::Failure {
        Sandbox::tr("dnsmasq on 127.0.0.1 port %1 does not answer: %2")
            .arg(m_port)
            .arg(QString::fromUtf8(readFile(stderrFile) + readFile(logFile)).trimmed().right(600))
    };
}

void SandboxDns::stop()
{
    if (m_process)
        stopProcess(*m_process);
    m_process.reset();
}

} // namespace postwr::sandbox
