#include "mail/arc.h"

#include "mail/dkim_canon.h"
#include "mail/dkim_signer.h"
#include "mail/dkim_verifier.h"
#include "mail/sasl.h"
#include "mail/text.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace postwr::mail {

namespace {

constexpr std::size_t maxLineLength = 78; // RFC 5322 §2.1.1 "SHOULD"
constexpr auto relaxed = DkimCanonicalization::Relaxed;

// The three fields of a set, in the order the seal hashes them (§5.1.1).
enum Kind { Aar, Ams, Seal, kindCount };
constexpr std::array<std::string_view, kindCount> kindNames
    = { "ARC-Authentication-Results", "ARC-Message-Signature", "ARC-Seal" };

using ArcSet = std::array<const RawHeaderField *, kindCount>;
using Tags = std::vector<std::pair<std::string, std::string>>;

// The ARC fields of a message, sorted into sets.
struct Chain {
    bool present = false; // any ARC field at all
    int instances = 0; // the highest i= read
    std::string problem; // why the chain is malformed; empty when it is not
    bool endsInFail = false; // the newest seal says cv=fail
    std::vector<ArcSet> sets; // sets[i - 1]; complete unless there is a problem
};

std::string_view fieldValue(const RawHeaderField &field)
{
    return field.raw.substr(field.raw.find(':') + 1);
}

std::optional<int> parseInstance(std::string_view text)
{
    if (text.empty() || text.size() > 6)
        return std::nullopt;
    int value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value > 0 ? std::optional(value) : std::nullopt;
}

// An AAR starts "i=N;" (§4.1.1); the rest is an A-R payload, not a tag-list.
std::optional<int> instanceOf(Kind kind, const RawHeaderField &field)
{
    const std::string_view value = fieldValue(field);
    if (kind == Aar) {
        const std::string_view start = trim(value);
        const std::size_t semicolon = start.find(';');
        const std::size_t equals = start.find('=');
        if (semicolon == std::string_view::npos || equals > semicolon
            || trim(start.substr(0, equals)) != "i")
            return std::nullopt;
        return parseInstance(trim(start.substr(equals + 1, semicolon - equals - 1)));
    }
    Result<DkimTagList> tags = parseDkimTagList(value);
    const std::string *instance = tags ? tags->find("i") : nullptr;
    return instance ? parseInstance(*instance) : std::nullopt;
}

std::optional<std::string> sealTag(const RawHeaderField &seal, std::string_view name)
{
    Result<DkimTagList> tags = parseDkimTagList(fieldValue(seal));
    const std::string *value = tags ? tags->find(name) : nullptr;
    return value ? std::optional(*value) : std::nullopt;
}

// §5.2 steps 1 to 3: collect the sets and check their structure.
Chain readChain(const RawMessage &message)
{
    Chain chain;
    std::map<int, std::array<std::vector<const RawHeaderField *>, kindCount>> byInstance;
    for (const RawHeaderField &field : message.fields) {
        for (std::size_t kind = 0; kind < kindCount; ++kind) {
            if (!equalsIgnoreCase(trim(field.name), kindNames[kind]))
                continue;
            chain.present = true;
            const std::optional<int> instance = instanceOf(static_cast<Kind>(kind), field);
            if (!instance) {
                if (chain.problem.empty())
                    chain.problem = std::string(trim(field.name)) + " without a valid i= tag";
                continue;
            }
            byInstance[*instance][kind].push_back(&field);
        }
    }
    if (byInstance.empty())
        return chain;
    chain.instances = byInstance.rbegin()->first;
    if (!chain.problem.empty())
        return chain;
    if (chain.instances > maxArcInstances) {
        chain.problem = "i=" + std::to_string(chain.instances) + " is above "
            + std::to_string(maxArcInstances);
        return chain;
    }
    const auto &newestSeals = byInstance.rbegin()->second[Seal];
    if (newestSeals.size() == 1 && sealTag(*newestSeals.front(), "cv") == "fail") {
        chain.endsInFail = true;
        chain.problem = "ARC-Seal i=" + std::to_string(chain.instances) + " reports cv=fail";
        return chain;
    }
    for (int instance = 1; instance <= chain.instances; ++instance) {
        const std::string where = " i=" + std::to_string(instance);
        const auto found = byInstance.find(instance);
        if (found == byInstance.end()) {
            chain.problem = "ARC set" + where + " is missing";
            return chain;
        }
        ArcSet set {};
        for (std::size_t kind = 0; kind < kindCount; ++kind) {
            const auto &fields = found->second[kind];
            if (fields.size() != 1) {
                chain.problem = "ARC set" + where + " has " + std::to_string(fields.size()) + " "
                    + std::string(kindNames[kind]) + " fields";
                return chain;
            }
            set[kind] = fields.front();
        }
        const std::string expected = instance == 1 ? "none" : "pass";
        const std::optional<std::string> cv = sealTag(*set[Seal], "cv");
        if (cv != expected) {
            chain.problem
                = "ARC-Seal" + where + " has cv=" + cv.value_or("(none)") + ", not " + expected;
            return chain;
        }
        chain.sets.push_back(set);
    }
    return chain;
}

Lookup<DkimCheck> failed(std::string reason)
{
    return DkimCheck { DkimResult::Fail, std::move(reason) };
}

// §5.2 step 4 (and 6): an AMS verifies like a DKIM-Signature.
Lookup<DkimCheck> checkMessageSignature(
    const RawMessage &message, const ArcSet &set, const DnsAnswers &answers, std::int64_t now)
{
    Result<DkimSignatureFields> fields
        = parseDkimSignatureFields(fieldValue(*set[Ams]), DkimFieldKind::ArcMessageSignature);
    if (!fields)
        return failed(fields.error().message);
    // §4.1.2: seals are added after the AMS; signing one would break it.
    for (const std::string &name : fields->headers) {
        if (name == "arc-seal")
            return failed("h= signs ARC-Seal");
    }
    return checkDkimSignature(message, *set[Ams], *fields, answers, now);
}

// §5.1.1: the sets 1..N in order, AAR, AMS, AS each, relaxed; the newest
// seal last without its b= value and final CRLF.
std::string sealedData(const std::vector<ArcSet> &sets)
{
    std::string data;
    for (std::size_t i = 0; i < sets.size(); ++i) {
        data += canonicalizeHeader(sets[i][Aar]->raw, relaxed);
        data += canonicalizeHeader(sets[i][Ams]->raw, relaxed);
        data += i + 1 < sets.size() ? canonicalizeHeader(sets[i][Seal]->raw, relaxed)
                                    : canonicalSignatureField(sets[i][Seal]->raw, relaxed);
    }
    return data;
}

// §5.2 step 7: seal i=`instance`, over the sets up to it.
Lookup<DkimCheck> checkSeal(const Chain &chain, int instance, const DnsAnswers &answers)
{
    const auto count = static_cast<std::size_t>(instance);
    Result<DkimTagList> tags = parseDkimTagList(fieldValue(*chain.sets[count - 1][Seal]));
    if (!tags)
        return failed(tags.error().message);
    for (const char *required : { "a", "b", "d", "s" }) {
        if (!tags->find(required))
            return failed(std::string("missing ") + required + "= tag");
    }
    if (tags->find("h"))
        return failed("h= is not allowed in an ARC-Seal");
    const std::string algorithm = toLowerAscii(*tags->find("a"));
    if (algorithm == "rsa-sha1")
        return failed("rsa-sha1 not accepted (RFC 8301)");
    const std::optional<std::string> signature = decodeDkimBase64(*tags->find("b"));
    if (!signature || signature->empty())
        return failed("b= is empty or not base64");
    const std::vector<ArcSet> covered(chain.sets.begin(), chain.sets.begin() + instance);
    return verifyDkimSignatureData(
        algorithm, *tags->find("d"), *tags->find("s"), *signature, sealedData(covered), answers);
}

ArcVerdict verdict(const Chain &chain, ArcChainResult result, std::string reason)
{
    ArcVerdict out;
    out.result = result;
    out.instances = chain.instances;
    out.reason = std::move(reason);
    return out;
}

// "Name: tag=value; ...; b=value" with a CRLF, folded so that lines stay
// within 78 columns: before a tag that does not fit, and inside one that
// alone does not, after a colon of h= or anywhere in base64 (RFC 6376 §3.5
// allows whitespace there). Both signatures are relaxed, so where a fold
// falls between tags does not change what is signed.
std::string foldedField(std::string_view name, const Tags &tags)
{
    std::string text = std::string(name) + ":";
    std::size_t column = text.size();
    for (std::size_t i = 0; i < tags.size(); ++i) {
        const auto &[tag, value] = tags[i];
        const std::string token = tag + "=" + value + (i + 1 < tags.size() ? ";" : "");
        if (column + 1 + token.size() <= maxLineLength) {
            text += " " + token;
            column += 1 + token.size();
            continue;
        }
        const bool base64 = tag == "b" || tag == "bh";
        std::string_view rest = token;
        text += "\r\n\t";
        column = 8; // a tab counts as up to 8 columns
        while (column + rest.size() > maxLineLength && (base64 || tag == "h")) {
            std::size_t cut = maxLineLength - column;
            if (!base64) {
                const std::size_t colon = rest.substr(0, cut).rfind(':');
                if (colon == std::string_view::npos)
                    break;
                cut = colon + 1;
            }
            text += rest.substr(0, cut);
            rest.remove_prefix(cut);
            text += "\r\n\t";
        }
        text += rest;
        column += rest.size();
    }
    return text + "\r\n";
}

// Signs the field made of `tags` and a b= tag last: `data` followed by the
// field itself with an empty b= (RFC 6376 §3.7).
Result<std::string> signedField(
    std::string_view name, Tags tags, const std::string &data, const DkimKey &key)
{
    tags.emplace_back("b", "");
    const std::string unsignedField = foldedField(name, tags);
    Result<std::string> signature
        = signWithDkimKey(key, data + canonicalSignatureField(unsignedField, relaxed));
    if (!signature)
        return signature.error();
    tags.back().second = encodeBase64(*signature);
    return foldedField(name, tags);
}

// dkim_signer.h's field set, oversigning included, then every DKIM-Signature
// present: a forwarder vouches for the signatures it saw (§4.1.2 excludes
// only ARC-Seal and Authentication-Results).
std::vector<std::string> messageSignatureHeaders(const RawMessage &message)
{
    auto count = [&](std::string_view name) {
        std::size_t n = 0;
        for (const RawHeaderField &field : message.fields)
            n += equalsIgnoreCase(trim(field.name), name) ? 1U : 0U;
        return n;
    };
    std::vector<std::string> names;
    for (const std::string_view name : dkimSignedHeaderNames()) {
        const std::size_t times = count(name) + (isDkimOversignedHeader(name) ? 1U : 0U);
        names.insert(names.end(), times, toLowerAscii(name));
    }
    names.insert(names.end(), count("DKIM-Signature"), "dkim-signature");
    return names;
}

Result<std::string> messageSignature(
    const RawMessage &message, const DkimKey &key, int instance, std::int64_t now)
{
    const std::vector<std::string> names = messageSignatureHeaders(message);
    std::string list;
    for (const std::string &name : names)
        list += (list.empty() ? "" : ":") + name;
    const Tags tags = {
        { "i", std::to_string(instance) },
        { "a", std::string(dkimAlgorithmName(key.algorithm)) },
        { "c", "relaxed/relaxed" },
        { "d", key.domain },
        { "s", key.selector },
        { "t", std::to_string(now) },
        { "h", list },
        { "bh", encodeBase64(dkimSha256(canonicalizeBody(message.body, relaxed))) },
    };
    return signedField(kindNames[Ams], tags, dkimSignedHeaders(message, names, relaxed), key);
}

// The payload must stay one field: line breaks only as folding.
bool isFieldValue(std::string_view text)
{
    if (trim(text).empty())
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\0' || (text[i] == '\n' && (i == 0 || text[i - 1] != '\r')))
            return false;
        if (text[i] == '\r'
            && (text.substr(i, 2) != "\r\n" || i + 2 >= text.size()
                || (text[i + 2] != ' ' && text[i + 2] != '\t')))
            return false;
    }
    return true;
}

} // namespace

std::string_view arcChainResultName(ArcChainResult result)
{
    switch (result) {
    case ArcChainResult::None:
        return "none";
    case ArcChainResult::Pass:
        return "pass";
    case ArcChainResult::Fail:
        return "fail";
    }
    return "fail";
}

Lookup<ArcVerdict> validateArc(
    std::string_view message, const DnsAnswers &answers, std::int64_t now)
{
    const RawMessage parts = splitMessage(message);
    const Chain chain = readChain(parts);
    if (!chain.present)
        return verdict(chain, ArcChainResult::None, "no ARC sets");
    if (!chain.problem.empty())
        return verdict(chain, ArcChainResult::Fail, chain.problem);

    const std::string newest = " i=" + std::to_string(chain.instances) + ": ";
    Lookup<DkimCheck> step = checkMessageSignature(parts, chain.sets.back(), answers, now);
    if (const DnsQuestion *question = std::get_if<DnsQuestion>(&step))
        return *question;
    if (const DkimCheck &check = std::get<DkimCheck>(step); check.result != DkimResult::Pass)
        return verdict(
            chain, ArcChainResult::Fail, "ARC-Message-Signature" + newest + check.reason);

    for (int instance = chain.instances; instance >= 1; --instance) {
        step = checkSeal(chain, instance, answers);
        if (const DnsQuestion *question = std::get_if<DnsQuestion>(&step))
            return *question;
        if (const DkimCheck &check = std::get<DkimCheck>(step); check.result != DkimResult::Pass)
            return verdict(chain, ArcChainResult::Fail,
                "ARC-Seal i=" + std::to_string(instance) + ": " + check.reason);
    }

    // §5.2 step 6, optional: how far back the message is still as signed.
    std::size_t oldest = chain.sets.size();
    while (oldest > 1) {
        step = checkMessageSignature(parts, chain.sets[oldest - 2], answers, now);
        if (const DnsQuestion *question = std::get_if<DnsQuestion>(&step))
            return *question;
        if (std::get<DkimCheck>(step).result != DkimResult::Pass)
            break;
        --oldest;
    }
    ArcVerdict out = verdict(chain, ArcChainResult::Pass,
        std::to_string(chain.instances) + (chain.instances == 1 ? " ARC set" : " ARC sets")
            + " verified");
    Result<DkimTagList> tags = parseDkimTagList(fieldValue(*chain.sets[oldest - 1][Ams]));
    if (tags && tags->find("d"))
        out.oldestPassDomain = *tags->find("d");
    return out;
}

Result<std::string> arcSeal(std::string_view message, const DkimKey &key,
    std::string_view authenticationResults, const ArcVerdict &chain, std::int64_t now)
{
    if (!key.key)
        return Error { "no ARC key" };
    const RawMessage parts = splitMessage(message);
    const Chain read = readChain(parts);
    if (chain.instances != read.instances || (chain.result == ArcChainResult::None) == read.present
        || (chain.result == ArcChainResult::Pass && !read.problem.empty()))
        return Error { "the ARC verdict given is not about this message" };
    // §5.1 step 1: a chain a seal already declared failed has ended.
    if (read.endsInFail)
        return Error { "the ARC chain already ends in a seal with cv=fail (i="
            + std::to_string(read.instances) + "); RFC 8617 §5.1 says not to seal it again" };
    if (read.instances >= maxArcInstances)
        return Error { "the ARC chain already has " + std::to_string(read.instances)
            + " sets, the most RFC 8617 §4.2.1 allows" };
    if (!isFieldValue(authenticationResults))
        return Error { "the Authentication-Results text for the ARC set is empty or not one "
                       "header field value" };

    const int instance = read.instances + 1;
    const std::string aar = std::string(kindNames[Aar]) + ": i=" + std::to_string(instance) + "; "
        + std::string(authenticationResults) + "\r\n";
    Result<std::string> ams = messageSignature(parts, key, instance, now);
    if (!ams)
        return ams.error();

    // §5.1.2: over a failed chain the seal covers only its own set, the one
    // part of a broken chain that can be hashed the same way by everyone.
    std::string data;
    if (chain.result == ArcChainResult::Pass) {
        for (const ArcSet &set : read.sets) {
            for (const RawHeaderField *field : set)
                data += canonicalizeHeader(field->raw, relaxed);
        }
    }
    data += canonicalizeHeader(aar, relaxed) + canonicalizeHeader(*ams, relaxed);
    const Tags tags = {
        { "i", std::to_string(instance) },
        { "cv", std::string(arcChainResultName(chain.result)) },
        { "a", std::string(dkimAlgorithmName(key.algorithm)) },
        { "d", key.domain },
        { "s", key.selector },
        { "t", std::to_string(now) },
    };
    Result<std::string> seal = signedField(kindNames[Seal], tags, data, key);
    if (!seal)
        return seal.error();
    return *seal + *ams + aar;
}

} // namespace postwr::mail
