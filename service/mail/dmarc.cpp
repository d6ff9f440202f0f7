#include "mail/dmarc.h"

#include "mail/text.h"

#include <algorithm>

namespace postwr::mail {

namespace {

// DMARCbis §4.10.1: a name of more than 7 labels jumps to its last 7 first,
// so a walk asks at most 8 names.
constexpr std::size_t maxWalkLabels = 7;

std::optional<DmarcPolicy> parsePolicy(std::string_view value)
{
    const std::string lower = toLowerAscii(trim(value));
    if (lower == "none")
        return DmarcPolicy::None;
    if (lower == "quarantine")
        return DmarcPolicy::Quarantine;
    if (lower == "reject")
        return DmarcPolicy::Reject;
    return std::nullopt;
}

std::vector<std::string> uriList(std::string_view value)
{
    std::vector<std::string> uris;
    for (std::string_view uri : split(value, ',')) {
        uri = trim(uri);
        if (!uri.empty())
            uris.emplace_back(uri);
    }
    return uris;
}

// The names a tree walk asks, From domain first: the domain, then (past 7
// labels) its last 7, then each parent down to two labels.
std::vector<std::string> walkNames(const std::string &domain)
{
    std::vector<std::string> labels;
    for (std::string_view label : split(domain, '.'))
        labels.emplace_back(label);
    std::vector<std::string> names{domain};
    std::size_t count = labels.size();
    if (count > maxWalkLabels + 1)
        count = maxWalkLabels + 1;
    for (--count; count >= 2; --count) {
        std::string name;
        for (std::size_t i = labels.size() - count; i < labels.size(); ++i)
            name += (name.empty() ? "" : ".") + labels[i];
        names.push_back(std::move(name));
    }
    return names;
}

// What one _dmarc name holds.
struct Found {
    enum class Kind { Nothing, Record, Several, Invalid } kind = Kind::Nothing;
    DmarcRecord record;
    std::string problem;
};

std::variant<Found, DnsQuestion, DmarcVerdict> lookupRecord(const std::string &name, const DnsAnswers &answers,
                                                            const std::string &fromDomain)
{
    const DnsQuestion question{DnsType::Txt, "_dmarc." + name};
    const DnsAnswer *answer = answers.find(question);
    if (!answer)
        return question;
    if (answer->status == DnsAnswer::Status::TemporaryError) {
        DmarcVerdict verdict;
        verdict.result = DmarcResult::TempError;
        verdict.fromDomain = fromDomain;
        verdict.reason = "DNS lookup of _dmarc." + name + " failed";
        return verdict;
    }
    Found found;
    for (const std::string &text : answer->records) {
        // §6.6.3: records that do not start with v=DMARC1 are not DMARC records.
        if (!startsWithIgnoreCase(trim(text), "v=dmarc1"))
            continue;
        if (found.kind == Found::Kind::Record || found.kind == Found::Kind::Invalid) {
            found.kind = Found::Kind::Several;
            found.problem = "more than one DMARC record at _dmarc." + name;
            break;
        }
        Result<DmarcRecord> record = parseDmarcRecord(text);
        if (record) {
            found.kind = Found::Kind::Record;
            found.record = std::move(record).value();
        } else {
            found.kind = Found::Kind::Invalid;
            found.problem = "bad DMARC record at _dmarc." + name + ": " + record.error().message;
        }
    }
    return found;
}

} // namespace

std::string_view dmarcPolicyName(DmarcPolicy policy)
{
    switch (policy) {
    case DmarcPolicy::None:
        return "none";
    case DmarcPolicy::Quarantine:
        return "quarantine";
    case DmarcPolicy::Reject:
        return "reject";
    }
    return "none";
}

std::string_view dmarcResultName(DmarcResult result)
{
    switch (result) {
    case DmarcResult::None:
        return "none";
    case DmarcResult::Pass:
        return "pass";
    case DmarcResult::Fail:
        return "fail";
    case DmarcResult::TempError:
        return "temperror";
    case DmarcResult::PermError:
        return "permerror";
    }
    return "none";
}

Result<DmarcRecord> parseDmarcRecord(std::string_view text)
{
    DmarcRecord record;
    bool first = true;
    bool havePolicy = false;
    bool policyInvalid = false;
    for (std::string_view part : split(text, ';')) {
        part = trim(part);
        if (part.empty())
            continue;
        const std::size_t equals = part.find('=');
        if (equals == std::string_view::npos)
            return Error{"\"" + std::string(part) + "\" is not a tag=value pair"};
        const std::string tag = toLowerAscii(trim(part.substr(0, equals)));
        const std::string_view value = trim(part.substr(equals + 1));
        if (first) {
            if (tag != "v" || !equalsIgnoreCase(value, "DMARC1"))
                return Error{"the record must start with v=DMARC1"};
            first = false;
            continue;
        }
        // §6.3: a bad value of any tag but p= is ignored, its default kept.
        if (tag == "p") {
            const std::optional<DmarcPolicy> policy = parsePolicy(value);
            havePolicy = true;
            policyInvalid = !policy;
            if (policy)
                record.policy = *policy;
        } else if (tag == "sp") {
            record.subdomainPolicy = parsePolicy(value);
        } else if (tag == "adkim" || tag == "aspf") {
            const bool strict = equalsIgnoreCase(value, "s");
            (tag == "adkim" ? record.strictDkim : record.strictSpf) = strict;
        } else if (tag == "pct") {
            // One to three digits, at most 100; anything else keeps the
            // default. Only such a value is summed, so the sum cannot overflow.
            if (!value.empty() && value.size() <= 3
                && std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                int percent = 0;
                for (char c : value)
                    percent = percent * 10 + (c - '0');
                if (percent <= 100)
                    record.percent = percent;
            }
        } else if (tag == "psd") {
            if (equalsIgnoreCase(value, "y"))
                record.publicSuffix = true;
            else if (equalsIgnoreCase(value, "n"))
                record.publicSuffix = false;
        } else if (tag == "rua") {
            record.aggregateReports = uriList(value);
        } else if (tag == "ruf") {
            record.failureReports = uriList(value);
        } else if (tag == "fo") {
            record.failureOptions = std::string(value);
        }
    }
    if (first)
        return Error{"the record is empty"};
    // §6.6.3: a record whose p= is missing or bad still counts as p=none when
    // it asks for aggregate reports.
    if ((!havePolicy || policyInvalid) && record.aggregateReports.empty())
        return Error{havePolicy ? "p= must be none, quarantine or reject" : "p= is missing"};
    return record;
}

bool dmarcAligned(std::string_view domain, std::string_view fromDomain, std::string_view organizationalDomain,
                  bool strict)
{
    const std::string candidate = toLowerAscii(domain);
    if (candidate.empty())
        return false;
    if (candidate == toLowerAscii(fromDomain))
        return true;
    if (strict)
        return false;
    const std::string organizational = toLowerAscii(organizationalDomain);
    return candidate == organizational ||
           (candidate.size() > organizational.size() &&
            candidate.compare(candidate.size() - organizational.size(), organizational.size(), organizational) == 0 &&
            candidate[candidate.size() - organizational.size() - 1] == '.');
}

Lookup<DmarcVerdict> checkDmarc(const DmarcInput &input, const DnsAnswers &answers)
{
    DmarcVerdict verdict;
    verdict.fromDomain = toLowerAscii(input.fromDomain);
    if (verdict.fromDomain.empty() || verdict.fromDomain.find('.') == std::string::npos) {
        verdict.reason = "no From: domain to check";
        return verdict;
    }
    const std::vector<std::string> names = walkNames(verdict.fromDomain);

    // Policy discovery: the first record walking up.
    std::optional<DmarcRecord> policyRecord;
    std::size_t policyIndex = 0;
    for (; policyIndex < names.size() && !policyRecord; ++policyIndex) {
        auto step = lookupRecord(names[policyIndex], answers, verdict.fromDomain);
        if (auto *question = std::get_if<DnsQuestion>(&step))
            return *question;
        if (auto *failed = std::get_if<DmarcVerdict>(&step))
            return *failed;
        const Found &found = std::get<Found>(step);
        if (found.kind == Found::Kind::Several || found.kind == Found::Kind::Invalid) {
            // §6.6.3: discovery ends and DMARC does not apply.
            verdict.reason = found.problem;
            return verdict;
        }
        if (found.kind == Found::Kind::Record) {
            policyRecord = found.record;
            verdict.policyDomain = names[policyIndex];
        }
    }
    if (!policyRecord) {
        verdict.reason = "no DMARC record for " + verdict.fromDomain;
        return verdict;
    }
    const DmarcRecord &record = *policyRecord;
    verdict.policy = verdict.policyDomain == verdict.fromDomain ? record.policy
                                                                 : record.subdomainPolicy.value_or(record.policy);
    verdict.percent = record.percent;

    const auto exactly = [&](const std::string &domain) { return equalsIgnoreCase(domain, verdict.fromDomain); };
    const auto dkimExact = std::find_if(input.dkimPassDomains.begin(), input.dkimPassDomains.end(), exactly);
    if (dkimExact != input.dkimPassDomains.end()) {
        verdict.result = DmarcResult::Pass;
        verdict.organizationalDomain = verdict.fromDomain;
        verdict.reason = "aligned DKIM pass (" + toLowerAscii(*dkimExact) + ")";
        return verdict;
    }
    if (input.spfPassed && exactly(input.spfDomain)) {
        verdict.result = DmarcResult::Pass;
        verdict.organizationalDomain = verdict.fromDomain;
        verdict.reason = "aligned SPF pass (" + toLowerAscii(input.spfDomain) + ")";
        return verdict;
    }

    // The organizational domain, needed only now that no identifier matched
    // exactly: continue the walk to the top.
    verdict.organizationalDomain = verdict.policyDomain;
    for (std::size_t i = policyIndex - 1; i < names.size(); ++i) {
        Found found{Found::Kind::Record, record, {}};
        if (i != policyIndex - 1) {
            auto step = lookupRecord(names[i], answers, verdict.fromDomain);
            if (auto *question = std::get_if<DnsQuestion>(&step))
                return *question;
            if (auto *failed = std::get_if<DmarcVerdict>(&step))
                return *failed;
            found = std::get<Found>(step);
        }
        if (found.kind != Found::Kind::Record)
            continue;
        if (found.record.publicSuffix == false) {
            verdict.organizationalDomain = names[i];
            break;
        }
        if (found.record.publicSuffix == true) {
            verdict.organizationalDomain = i == 0 ? names[0] : names[i - 1];
            break;
        }
        verdict.organizationalDomain = names[i];
    }

    for (const std::string &domain : input.dkimPassDomains) {
        if (dmarcAligned(domain, verdict.fromDomain, verdict.organizationalDomain, record.strictDkim)) {
            verdict.result = DmarcResult::Pass;
            verdict.reason = "aligned DKIM pass (" + toLowerAscii(domain) + ")";
            return verdict;
        }
    }
    if (input.spfPassed &&
        dmarcAligned(input.spfDomain, verdict.fromDomain, verdict.organizationalDomain, record.strictSpf)) {
        verdict.result = DmarcResult::Pass;
        verdict.reason = "aligned SPF pass (" + toLowerAscii(input.spfDomain) + ")";
        return verdict;
    }
    verdict.result = DmarcResult::Fail;
    verdict.reason = "no aligned SPF or DKIM pass for " + verdict.fromDomain;
    return verdict;
}

} // namespace postwr::mail
