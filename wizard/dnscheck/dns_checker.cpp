#include "dnscheck/dns_checker.h"

#include "daemon/inbound_auth.h"
#include "daemon/resolver.h"
#include "mail/spf.h"

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

DnsChecker::DnsChecker(std::unique_ptr<daemon::Resolver> resolver, quint16 nameServerPort)
    : m_resolver(std::move(resolver))
    , m_nameServerPort(nameServerPort)
{
}

DnsChecker::~DnsChecker() = default;

wizard::Result<std::unique_ptr<DnsChecker>> DnsChecker::create(const QString &servers, quint16 nameServerPort)
{
    auto parsed = daemon::parseDnsServers(servers.toStdString());
    if (!parsed)
        return wizard::Failure { tr("The DNS servers \"%1\" cannot be used: %2")
                                     .arg(servers, fromStd(parsed.error().message)) };
    auto resolver = daemon::Resolver::create(std::move(parsed.value()), std::chrono::seconds(5));
    if (!resolver)
        return wizard::Failure { tr("Cannot ask DNS: %1").arg(fromStd(resolver.error().message)) };
    return std::unique_ptr<DnsChecker>(new DnsChecker(std::move(resolver.value()), nameServerPort));
}

namespace {

Answer ask(const daemon::Resolver &resolver, const QString &name, const QString &type)
{
    const std::string n = name.toStdString();
    const std::function<QString(const std::string &)> plain = fromStd;
    if (type == QLatin1String("A"))
        return answerOf(resolver.ipv4(n), plain);
    if (type == QLatin1String("AAAA"))
        return answerOf(resolver.ipv6(n), plain);
    if (type == QLatin1String("TXT"))
        return answerOf(resolver.txt(n), plain);
    if (type == QLatin1String("SRV"))
        return answerOf(resolver.srv(n), plain);
    if (type == QLatin1String("MX"))
        return answerOf(resolver.mx(n), std::function<QString(const mail::MxRecord &)>([](const mail::MxRecord &mx) {
            return QStringLiteral("%1 %2").arg(mx.preference).arg(fromStd(mx.host));
        }));
    if (type == QLatin1String("PTR"))
        return answerOf(resolver.ptr(addressOfReverseName(name).toStdString()), plain);
    Answer unsupported;
    unsupported.status = Answer::Status::Failed;
    unsupported.error = DnsChecker::tr("%1 records are not checked").arg(type);
    return unsupported;
}

// RFC 7208 check_host() through `resolver`, bounded like postwrd's own
// inbound check (every question costs at most the resolver's timeout).
SpfOutcome spfFor(const daemon::Resolver &resolver, const QString &address, const ExpectedRecords &expected)
{
    const mail::SpfQuery query { address.toStdString(), "postmaster@" + expected.domain.toStdString(),
        expected.hostname.toStdString() };
    mail::DnsAnswers answers;
    for (int asked = 0; asked < 40; ++asked) {
        mail::Lookup<mail::SpfVerdict> step = mail::checkSpf(query, answers);
        if (const auto *verdict = std::get_if<mail::SpfVerdict>(&step))
            return { address, fromStd(std::string(mail::spfResultName(verdict->result))), fromStd(verdict->reason) };
        const mail::DnsQuestion &question = std::get<mail::DnsQuestion>(step);
        answers.add(question, daemon::askResolver(resolver, question));
    }
    return { address, QStringLiteral("temperror"), DnsChecker::tr("too many questions") };
}

} // namespace

Verdict DnsChecker::evaluateSpf(const daemon::Resolver &resolver, const Verdict &published, const ExpectedRecords &expected) const
{
    QList<SpfOutcome> servers;
    for (const ExpectedRecord &record : expected.records) {
        if (record.id == QLatin1String("a") || record.id == QLatin1String("aaaa"))
            servers << spfFor(resolver, record.value, expected);
    }
    // TEST-NET-1 (RFC 5737): listed by no real record, so every include is walked.
    return checkSpfEvaluation(published, servers, spfFor(resolver, QStringLiteral("192.0.2.1"), expected));
}

Verdict DnsChecker::verdictOf(const daemon::Resolver &resolver, const ExpectedRecord &record, const ExpectedRecords &expected) const
{
    if (record.type == QLatin1String("PTR")) {
        const QString address = addressOfReverseName(record.name);
        const Answer ptr = ask(resolver, record.name, record.type);
        const Answer forward = ask(resolver, record.value,
            QHostAddress(address).protocol() == QAbstractSocket::IPv6Protocol ? QStringLiteral("AAAA") : QStringLiteral("A"));
        return checkReverse(address, record.value, ptr, forward);
    }
    Answer answer = ask(resolver, record.name, record.type);
    Answer doubled;
    if (answer.status == Answer::Status::NoData || answer.status == Answer::Status::NxDomain) {
        // Resolvers follow a CNAME to its target: nothing found may mean an alias stands there.
        const auto alias = resolver.cname(record.name.toStdString());
        if (alias.ok())
            answer.cname = fromStd(alias.records.front());
        else
            doubled = ask(resolver, doubledName(record.name, expected.domain), record.type);
    }
    return checkRecord(record, expected.domain, answer, doubled);
}

std::unique_ptr<daemon::Resolver> DnsChecker::nameServersOf(const QString &domain, QStringList &names) const
{
    QStringList labels = domain.split(QLatin1Char('.'));
    for (; labels.size() >= 2; labels.removeFirst()) {
        const auto ns = m_resolver->ns(labels.join(QLatin1Char('.')).toStdString());
        if (ns.status == daemon::DnsStatus::TemporaryFailure)
            return nullptr;
        if (!ns.ok())
            continue;
        std::vector<daemon::DnsServer> servers;
        for (const std::string &host : ns.records) {
            names << fromStd(host);
            for (const auto &result : { m_resolver->ipv4(host), m_resolver->ipv6(host) }) {
                for (const std::string &address : result.records)
                    servers.push_back({ address, m_nameServerPort });
            }
        }
        if (servers.empty())
            return nullptr;
        auto resolver = daemon::Resolver::create(std::move(servers), std::chrono::seconds(4), 1);
        return resolver ? std::move(resolver.value()) : nullptr;
    }
    return nullptr;
}

QStringList DnsChecker::addressesOf(const QString &host) const
{
    QStringList addresses;
    for (const auto &result : { m_resolver->ipv4(host.toStdString()), m_resolver->ipv6(host.toStdString()) }) {
        for (const std::string &address : result.records)
            addresses << fromStd(address);
    }
    return addresses;
}

QList<RecordVerdict> DnsChecker::check(const ExpectedRecords &expected, const std::atomic_bool *cancel) const
{
    QStringList nameServerNames;
    const std::unique_ptr<daemon::Resolver> source = nameServersOf(expected.domain, nameServerNames);
    QList<RecordVerdict> verdicts;
    for (const ExpectedRecord &record : expected.records) {
        if (cancel && cancel->load())
            break;
        if (record.where == QLatin1String("web"))
            continue;
        Verdict verdict = verdictOf(*m_resolver, record, expected);
        const bool inZone = record.name == expected.domain || record.name.endsWith(QLatin1Char('.') + expected.domain);
        if (source && record.where == QLatin1String("zone") && inZone && verdict.state != Verdict::State::Unknown)
            verdict = compareWithSource(verdict, verdictOf(*source, record, expected), nameServerNames);
        // Through the resolver only: the includes live in other zones, which the domain's name servers do not serve.
        if (record.id == QLatin1String("spf") && verdict.state != Verdict::State::Stale)
            verdict = evaluateSpf(*m_resolver, verdict, expected);
        verdicts << RecordVerdict { record, verdict };
    }
    return verdicts;
}

} // namespace postwr::dnscheck
