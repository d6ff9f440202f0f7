// For unit tests of the checks in mail/dns_lookup.h: a DNS zone as a table,
// and the loop that answers a check's questions from it. A name not in the
// table does not exist (NXDOMAIN); a name in the table without the type asked
// has no data; an entry with TemporaryError answers so.
#pragma once

#include "mail/dns_lookup.h"

#include <QTest>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace postwr::testing {

class DnsTable {
public:
    DnsTable &add(mail::DnsType type, std::string name, std::vector<std::string> records)
    {
        m_names[name];
        m_records[{type, std::move(name)}] = {mail::DnsAnswer::Status::Found, std::move(records)};
        return *this;
    }
    DnsTable &fail(mail::DnsType type, std::string name)
    {
        m_names[name];
        m_records[{type, std::move(name)}] = {mail::DnsAnswer::Status::TemporaryError, {}};
        return *this;
    }
    mail::DnsAnswer answer(const mail::DnsQuestion &question) const
    {
        if (const auto it = m_records.find(question); it != m_records.end())
            return it->second;
        if (m_names.count(question.name))
            return {mail::DnsAnswer::Status::NoData, {}};
        return {mail::DnsAnswer::Status::NoSuchDomain, {}};
    }

    // Runs `check` until it gives a verdict, answering from the table; at
    // most `maxQuestions` questions (a check that keeps asking fails the test).
    template <typename Verdict>
    std::optional<Verdict> run(const std::function<mail::Lookup<Verdict>(const mail::DnsAnswers &)> &check,
                               int maxQuestions = 100, std::vector<mail::DnsQuestion> *asked = nullptr) const
    {
        mail::DnsAnswers answers;
        for (int i = 0; i <= maxQuestions; ++i) {
            mail::Lookup<Verdict> step = check(answers);
            if (Verdict *verdict = std::get_if<Verdict>(&step))
                return std::move(*verdict);
            const mail::DnsQuestion question = std::get<mail::DnsQuestion>(step);
            if (answers.find(question)) {
                qWarning("the check asked again for %s, already answered", question.name.c_str());
                return std::nullopt;
            }
            if (asked)
                asked->push_back(question);
            answers.add(question, answer(question));
        }
        qWarning("the check asked more than %d questions", maxQuestions);
        return std::nullopt;
    }

private:
    std::map<std::string, int> m_names;
    std::map<mail::DnsQuestion, mail::DnsAnswer> m_records;
};

} // namespace postwr::testing
