// Runs a sans-IO DNS check (mail/dns_lookup.h) to its verdict, answering
// each question it asks with `answerFor(question)`, and holds it to what
// every check promises: a bounded number of questions, none asked twice.
#pragma once

#include "fuzz_input.h"
#include "mail/dns_lookup.h"

#include <utility>
#include <variant>

namespace postwr::fuzz {

template <typename Verdict, typename Check, typename AnswerFor>
Verdict settle(Check check, AnswerFor answerFor, int maxQuestions)
{
    mail::DnsAnswers answers;
    for (int asked = 0;; ++asked) {
        mail::Lookup<Verdict> step = check(answers);
        if (Verdict *verdict = std::get_if<Verdict>(&step))
            return std::move(*verdict);
        require(asked < maxQuestions, "a check asks a bounded number of questions");
        const mail::DnsQuestion &question = std::get<mail::DnsQuestion>(step);
        require(answers.find(question) == nullptr, "a check never asks the same question twice");
        answers.add(question, answerFor(question));
    }
}

} // namespace postwr::fuzz
