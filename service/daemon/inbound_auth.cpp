#include "daemon/inbound_auth.h"

#include <algorithm>

namespace postwr::daemon {

namespace {

template <typename Records>
mail::DnsAnswer fromResult(const DnsResult<Records> &result)
{
    switch (result.status) {
    case DnsStatus::Ok:
        return {mail::DnsAnswer::Status::Found, {}};
    case DnsStatus::NoSuchDomain:
        return {mail::DnsAnswer::Status::NoSuchDomain, {}};
    case DnsStatus::NoData:
        return {mail::DnsAnswer::Status::NoData, {}};
    case DnsStatus::TemporaryFailure:
        break;
    }
    return {mail::DnsAnswer::Status::TemporaryError, {}};
}


// Answers the questions of one check until it gives its verdict. The answers
// are shared between checks, so SPF's lookups serve DMARC's too.
class Asker {
public:
    Asker(const Resolver &resolver, std::chrono::seconds budget)
        : m_resolver(resolver), m_deadline(std::chrono::steady_clock::now() + budget)
    {
    }

    template <typename Verdict, typename Check>
    Verdict settle(Check check)
    {
        for (;;) {
            mail::Lookup<Verdict> step = check(m_answers);
            if (Verdict *verdict = std::get_if<Verdict>(&step))
                return std::move(*verdict);
            const mail::DnsQuestion question = std::get<mail::DnsQuestion>(step);
            // A check that asked again would never end; answering "temporary
            // failure" to anything it asks from then on makes it end.
            const bool repeated = m_answers.find(question) != nullptr;
            if (repeated)
                m_exhausted = true;
            const bool inBudget = !m_exhausted && m_asked < maxInboundQuestions &&
                                  std::chrono::steady_clock::now() < m_deadline;
            if (inBudget) {
                ++m_asked;
                m_answers.add(question, askResolver(m_resolver, question));
            } else if (!repeated) {
                m_answers.add(question, {mail::DnsAnswer::Status::TemporaryError, {}});
            } else {
                return Verdict{};
            }
        }
    }

private:
    const Resolver &m_resolver;
    std::chrono::steady_clock::time_point m_deadline;
    mail::DnsAnswers m_answers;
    int m_asked = 0;
    bool m_exhausted = false;
};

} // namespace

mail::DnsAnswer dnsAnswerOf(const DnsResult<std::vector<std::string>> &result)
{
    mail::DnsAnswer answer = fromResult(result);
    answer.records = result.records;
    return answer;
}

mail::DnsAnswer askResolver(const Resolver &resolver, const mail::DnsQuestion &question)
{
    switch (question.type) {
    case mail::DnsType::A:
        return dnsAnswerOf(resolver.ipv4(question.name));
    case mail::DnsType::Aaaa:
        return dnsAnswerOf(resolver.ipv6(question.name));
    case mail::DnsType::Txt:
        return dnsAnswerOf(resolver.txt(question.name));
    case mail::DnsType::Ptr:
        return dnsAnswerOf(resolver.ptr(question.name));
    case mail::DnsType::Mx: {
        DnsResult<std::vector<mail::MxRecord>> result = resolver.mx(question.name);
        mail::DnsAnswer answer = fromResult(result);
        std::stable_sort(result.records.begin(), result.records.end(),
                         [](const mail::MxRecord &a, const mail::MxRecord &b) { return a.preference < b.preference; });
        for (mail::MxRecord &record : result.records) {
            std::string host = std::move(record.host);
            if (host.size() > 1 && host.back() == '.')
                host.pop_back();
            answer.records.push_back(std::move(host));
        }
        return answer;
    }
    }
    return {mail::DnsAnswer::Status::TemporaryError, {}};
}

mail::AuthenticationOutcome authenticateInbound(const Resolver &resolver, const InboundMessage &inbound,
                                                std::int64_t now, std::chrono::seconds budget)
{
    Asker asker(resolver, budget);
    mail::AuthenticationOutcome outcome;
    outcome.mailFrom = inbound.mailFrom;
    outcome.helo = inbound.helo;

    const mail::SpfQuery spfQuery{inbound.clientAddress, inbound.mailFrom, inbound.helo};
    outcome.spf = asker.settle<mail::SpfVerdict>(
        [&](const mail::DnsAnswers &answers) { return mail::checkSpf(spfQuery, answers); });
    outcome.dkim = asker.settle<std::vector<mail::DkimVerdict>>(
        [&](const mail::DnsAnswers &answers) { return mail::verifyDkim(inbound.message, answers, now); });
    outcome.arc = asker.settle<mail::ArcVerdict>(
        [&](const mail::DnsAnswers &answers) { return mail::validateArc(inbound.message, answers, now); });

    mail::DmarcInput dmarcInput;
    dmarcInput.spfDomain = outcome.spf.domain;
    dmarcInput.spfPassed = outcome.spf.result == mail::SpfResult::Pass;
    for (const mail::DkimVerdict &dkim : outcome.dkim)
        if (dkim.result == mail::DkimResult::Pass)
            dmarcInput.dkimPassDomains.push_back(dkim.domain);
    for (const std::string &domain : mail::fromDomains(inbound.message)) {
        dmarcInput.fromDomain = domain;
        outcome.dmarc.push_back(asker.settle<mail::DmarcVerdict>(
            [&](const mail::DnsAnswers &answers) { return mail::checkDmarc(dmarcInput, answers); }));
    }
    return outcome;
}

} // namespace postwr::daemon
