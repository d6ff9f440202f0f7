// Checks that need DNS (SPF, DKIM, DMARC, ARC) without doing DNS: each check
// is a pure function of its input and of the answers gathered so far. It
// returns its verdict, or the one question it needs answered next; the
// caller looks that up however it likes (c-ares in postwrd, a table in the
// tests), adds the answer, and calls the check again. Checks are cheap next
// to a DNS round trip, so starting over each time costs nothing that
// matters, and each check keeps its own limits (SPF's ten lookups) because
// it recounts them on every pass.
//
//     DnsAnswers answers;
//     for (int i = 0; i < limit; ++i) {
//         Lookup<SpfVerdict> step = checkSpf(query, answers);
//         if (const SpfVerdict *verdict = std::get_if<SpfVerdict>(&step)) ...;
//         const DnsQuestion &question = std::get<DnsQuestion>(step);
//         answers.add(question, resolve(question));
//     }
#pragma once

#include <map>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

namespace postwr::mail {

enum class DnsType { A, Aaaa, Mx, Txt, Ptr };

struct DnsQuestion {
    DnsType type = DnsType::Txt;
    std::string name; // lower case, no trailing dot; for Ptr an IP literal
    // Not <=>: Qt's moc cannot parse <compare>, and tests include this header.
    bool operator<(const DnsQuestion &other) const { return std::tie(type, name) < std::tie(other.type, other.name); }
    bool operator==(const DnsQuestion &other) const { return type == other.type && name == other.name; }
};

struct DnsAnswer {
    enum class Status {
        Found,         // records holds at least one record
        NoSuchDomain,  // NXDOMAIN
        NoData,        // the name exists, with no record of this type
        TemporaryError // timeout, SERVFAIL, ...: the check says temperror
    };
    Status status = Status::TemporaryError;
    // A: "192.0.2.1"; Aaaa: "2001:db8::1"; Mx: the exchange host names,
    // without trailing dot, most preferred first; Txt: one string per record,
    // its character-strings joined with nothing between; Ptr: host names.
    std::vector<std::string> records;
};

class DnsAnswers {
public:
    void add(const DnsQuestion &question, DnsAnswer answer) { m_answers[question] = std::move(answer); }
    // Nothing when the question has not been answered yet.
    const DnsAnswer *find(const DnsQuestion &question) const
    {
        const auto it = m_answers.find(question);
        return it == m_answers.end() ? nullptr : &it->second;
    }
    std::size_t size() const { return m_answers.size(); }

private:
    std::map<DnsQuestion, DnsAnswer> m_answers;
};

// A check's verdict, or the next question it needs answered.
template <typename Verdict>
using Lookup = std::variant<Verdict, DnsQuestion>;

} // namespace postwr::mail
