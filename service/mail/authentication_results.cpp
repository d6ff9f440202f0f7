#include "mail/authentication_results.h"

#include "mail/headers.h"
#include "mail/text.h"

#include <algorithm>

namespace postwr::mail {

namespace {

constexpr std::size_t maxCommentLength = 160;

// A comment (RFC 5322 §3.2.2) from text that may hold anything a DNS record
// or a signature carried: printable ASCII only, no parentheses or
// backslashes that would end or escape it early.
std::string comment(std::string_view text)
{
    std::string out = " (";
    for (char c : text.substr(0, maxCommentLength)) {
        if (c == '(')
            out += '[';
        else if (c == ')')
            out += ']';
        else if (c == '\\')
            out += '/';
        else if (c < 0x20 || c > 0x7e)
            out += '?';
        else
            out += c;
    }
    return out + ")";
}

bool isTokenCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view(".-_@+=/!#$%&'*^`{|}~").find(c) != std::string_view::npos;
}

// A property value (RFC 8601 §2.2): as is when it is a plain token or
// address, otherwise a quoted-string, so that a hostile d= or sender cannot
// add properties of its own.
std::string propertyValue(std::string_view value)
{
    if (!value.empty() && std::all_of(value.begin(), value.end(), isTokenCharacter))
        return std::string(value);
    std::string quoted = "\"";
    for (char c : value) {
        if (c < 0x20 || c > 0x7e)
            continue;
        if (c == '"' || c == '\\')
            quoted += '\\';
        quoted += c;
    }
    return quoted + "\"";
}

std::string spfLine(const AuthenticationOutcome &outcome)
{
    const SpfVerdict &spf = outcome.spf;
    std::string line = "spf=" + std::string(spfResultName(spf.result));
    if (!spf.reason.empty())
        line += comment(spf.reason);
    if (spf.scope == "helo" || outcome.mailFrom.empty())
        line += " smtp.helo=" + propertyValue(outcome.helo);
    else
        line += " smtp.mailfrom=" + propertyValue(outcome.mailFrom);
    return line;
}

std::string dkimLine(const DkimVerdict &dkim)
{
    std::string line = "dkim=" + std::string(dkimResultName(dkim.result));
    if (!dkim.reason.empty())
        line += comment(dkim.reason);
    if (!dkim.domain.empty())
        line += " header.d=" + propertyValue(dkim.domain);
    if (!dkim.selector.empty())
        line += " header.s=" + propertyValue(dkim.selector);
    if (!dkim.algorithm.empty())
        line += " header.a=" + propertyValue(dkim.algorithm);
    if (!dkim.signaturePrefix.empty())
        line += " header.b=" + propertyValue(dkim.signaturePrefix);
    return line;
}

std::string dmarcLine(const DmarcVerdict &dmarc)
{
    std::string line = "dmarc=" + std::string(dmarcResultName(dmarc.result));
    std::string why;
    if (!dmarc.policyDomain.empty())
        why = "p=" + std::string(dmarcPolicyName(dmarc.policy)) + "; ";
    line += comment(why + dmarc.reason);
    if (!dmarc.fromDomain.empty())
        line += " header.from=" + propertyValue(dmarc.fromDomain);
    return line;
}

// The authserv-id of an Authentication-Results value: the first token after
// any whitespace and comments (RFC 8601 §2.2).
std::string_view authservIdOf(std::string_view value)
{
    std::size_t i = 0;
    int depth = 0;
    while (i < value.size()) {
        const char c = value[i];
        if (c == '(')
            ++depth;
        else if (c == ')' && depth > 0)
            --depth;
        else if (depth == 0 && c != ' ' && c != '\t' && c != '\r' && c != '\n')
            break;
        ++i;
    }
    std::size_t end = i;
    while (end < value.size() && std::string_view(" \t\r\n;(").find(value[end]) == std::string_view::npos)
        ++end;
    return value.substr(i, end - i);
}

} // namespace

const DmarcVerdict *AuthenticationOutcome::refusal() const
{
    for (const DmarcVerdict &verdict : dmarc)
        if (verdict.refuse())
            return &verdict;
    return nullptr;
}

std::vector<std::string> fromDomains(std::string_view message, std::size_t limit)
{
    std::vector<std::string> domains;
    for (const std::string &value : headerValues(parseHeaderSection(message), "From")) {
        Result<std::vector<Address>> addresses = parseAddressList(value);
        if (!addresses)
            continue;
        for (const Address &address : *addresses) {
            std::string domain = toLowerAscii(address.domain);
            if (domain.empty() || std::find(domains.begin(), domains.end(), domain) != domains.end())
                continue;
            if (domains.size() == limit)
                return domains;
            domains.push_back(std::move(domain));
        }
    }
    return domains;
}

std::string authenticationResultsValue(std::string_view authservId, const AuthenticationOutcome &outcome)
{
    std::vector<std::string> lines{spfLine(outcome)};
    if (outcome.dkim.empty())
        lines.push_back("dkim=none (no signature)");
    for (const DkimVerdict &dkim : outcome.dkim)
        lines.push_back(dkimLine(dkim));
    if (outcome.dmarc.empty())
        lines.push_back("dmarc=none (no From: domain)");
    for (const DmarcVerdict &dmarc : outcome.dmarc)
        lines.push_back(dmarcLine(dmarc));
    if (outcome.arc) {
        std::string line = "arc=" + std::string(arcChainResultName(outcome.arc->result));
        if (!outcome.arc->reason.empty())
            line += comment(outcome.arc->reason);
        lines.push_back(std::move(line));
    }
    std::string value(authservId);
    for (std::size_t i = 0; i < lines.size(); ++i)
        value += ";\r\n\t" + lines[i];
    return value;
}

std::string authenticationResultsField(std::string_view value)
{
    return "Authentication-Results: " + std::string(value) + "\r\n";
}

std::string removeAuthenticationResults(std::string_view message, std::string_view authservId)
{
    static constexpr std::string_view fieldName = "Authentication-Results:";
    std::string out;
    out.reserve(message.size());
    std::size_t position = 0;
    bool dropping = false;
    while (position < message.size()) {
        std::size_t end = message.find("\r\n", position);
        end = end == std::string_view::npos ? message.size() : end + 2;
        const std::string_view line = message.substr(position, end - position);
        if (line == "\r\n") {
            out.append(message.substr(position));
            return out;
        }
        const bool continuation = line.front() == ' ' || line.front() == '\t';
        if (!continuation) {
            dropping = false;
            if (startsWithIgnoreCase(line, fieldName)) {
                // The id is on the field's first line or the next: look at the whole field.
                std::size_t fieldEnd = end;
                while (fieldEnd < message.size() && (message[fieldEnd] == ' ' || message[fieldEnd] == '\t')) {
                    const std::size_t next = message.find("\r\n", fieldEnd);
                    fieldEnd = next == std::string_view::npos ? message.size() : next + 2;
                }
                const std::string_view value =
                    message.substr(position + fieldName.size(), fieldEnd - position - fieldName.size());
                dropping = equalsIgnoreCase(authservIdOf(value), authservId);
            }
        }
        if (!dropping)
            out.append(line);
        position = end;
    }
    return out;
}

} // namespace postwr::mail
