#include "dnscheck/dns_checker.h"

#include "daemon/resolver.h"

#include <QHostAddress>

#include <algorithm>
#include <functional>

namespace postwr::dnscheck {

namespace {

template <typename T>
Answer answerOf(const daemon::DnsResult<std::vector<T>> &result, const std::function<QString(const T &)> &text)
{
    Answer answer;
    switch (result.status) {
    case daemon::DnsStatus::Ok:
        answer.status = Answer::Status::Found;
        for (const T &record : result.records)
            answer.values << text(record);
        break;
    case daemon::DnsStatus::NoSuchDomain:
        answer.status = Answer::Status::NxDomain;
        break;
    case daemon::DnsStatus::NoData:
        answer.status = Answer::Status::NoData;
        break;
    case daemon::DnsStatus::TemporaryFailure:
        answer.status = Answer::Status::Failed;
        answer.error = QString::fromStdString(result.message);
        break;
    }
    return answer;
}

QString fromStd(const std::string &text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace

QString addressOfReverseName(const QString &name)
{
    QStringList labels = name.toLower().split(QLatin1Char('.'));
    if (name.endsWith(QLatin1String(".in-addr.arpa"), Qt::CaseInsensitive) && labels.size() == 6) {
        labels = labels.mid(0, 4);
        std::reverse(labels.begin(), labels.end());
        return labels.join(QLatin1Char('.'));
    }
    if (name.endsWith(QLatin1String(".ip6.arpa"), Qt::CaseInsensitive) && labels.size() == 34) {
        labels = labels.mid(0, 32);
        std::reverse(labels.begin(), labels.end());
        QString hex = labels.join(QString());
        for (int i = 28; i > 0; i -= 4)
            hex.insert(i, QLatin1Char(':'));
        return QHostAddress(hex).toString();
    }
    return {};
}

DnsChecker::DnsChecker(std::unique_ptr<daemon::Resolver> resolver)
    : m_resolver(std::move(resolver))
{
}

DnsChecker::~DnsChecker() = default;

wizard::Result<std::unique_ptr<DnsChecker>> DnsChecker::create(const QString &servers)
{
    auto parsed = daemon::parseDnsServers(servers.toStdString());
    if (!parsed)
        return wizard::Failure { tr("The DNS servers \"%1\" cannot be used: %2")
                                     .arg(servers, fromStd(parsed.error().message)) };
    auto resolver = daemon::Resolver::create(std::move(parsed.value()), std::chrono::seconds(5));
    if (!resolver)
        return wizard::Failure { tr("Cannot ask DNS: %1").arg(fromStd(resolver.error().message)) };
    return std::unique_ptr<DnsChecker>(new DnsChecker(std::move(resolver.value())));
}

Answer DnsChecker::ask(const QString &name, const QString &type) const
{
    const std::string n = name.toStdString();
    const std::function<QString(const std::string &)> plain = fromStd;
    if (type == QLatin1String("A"))
        return answerOf(m_resolver->ipv4(n), plain);
    if (type == QLatin1String("AAAA"))
        return answerOf(m_resolver->ipv6(n), plain);
    if (type == QLatin1String("TXT"))
        return answerOf(m_resolver->txt(n), plain);
    if (type == QLatin1String("MX"))
        return answerOf(m_resolver->mx(n), std::function<QString(const mail::MxRecord &)>([](const mail::MxRecord &mx) {
            return QStringLiteral("%1 %2").arg(mx.preference).arg(fromStd(mx.host));
        }));
    if (type == QLatin1String("PTR"))
        return answerOf(m_resolver->ptr(addressOfReverseName(name).toStdString()), plain);
    Answer unsupported;
    unsupported.status = Answer::Status::Failed;
    unsupported.error = tr("%1 records are not checked").arg(type);
    return unsupported;
}

QList<RecordVerdict> DnsChecker::check(const ExpectedRecords &expected, const std::atomic_bool *cancel) const
{
    QList<RecordVerdict> verdicts;
    for (const ExpectedRecord &record : expected.records) {
        if (cancel && cancel->load())
            break;
        if (record.where == QLatin1String("web") || record.type == QLatin1String("SRV"))
            continue;
        if (record.type == QLatin1String("PTR")) {
            const QString address = addressOfReverseName(record.name);
            const Answer ptr = ask(record.name, record.type);
            const Answer forward
                = ask(record.value, QHostAddress(address).protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("AAAA")
                                                                                                      : QStringLiteral("A"));
            verdicts << RecordVerdict { record, checkReverse(address, record.value, ptr, forward) };
            continue;
        }
        const Answer answer = ask(record.name, record.type);
        Answer doubled;
        if (answer.status == Answer::Status::NoData || answer.status == Answer::Status::NxDomain)
            doubled = ask(doubledName(record.name, expected.domain), record.type);
        verdicts << RecordVerdict { record, checkRecord(record, expected.domain, answer, doubled) };
    }
    return verdicts;
}

} // namespace postwr::dnscheck
