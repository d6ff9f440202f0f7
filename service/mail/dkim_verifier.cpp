#include "mail/dkim_verifier.h"

#include "mail/dkim_key.h"
#include "mail/sasl.h"
#include "mail/text.h"

#include <algorithm>
#include <array>
#include <limits>
#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>

namespace postwr::mail {

namespace {

// Senders' clocks drift; RFC 6376 §3.5 lets verifiers allow for it around
// t= and x=.
constexpr std::int64_t allowedClockSkew = 60 * 60;

constexpr std::size_t signaturePrefixLength = 12;

struct PkeyFree {
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;

struct MdContextFree {
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using MdContext = std::unique_ptr<EVP_MD_CTX, MdContextFree>;

bool isFws(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// tag-name = ALPHA *ALNUMPUNC (§3.2).
bool isTagName(std::string_view name)
{
    if (name.empty() || !isAlpha(name.front()))
        return false;
    for (const char c : name) {
        if (!isAlpha(c) && !isDigit(c) && c != '_')
            return false;
    }
    return true;
}

// d= and s= end up in a DNS name: refuse what cannot be part of one, so that
// no signature can make us ask about a name it did not spell plainly.
bool isDomainLike(std::string_view text)
{
    if (text.empty() || text.size() > 253 || text.front() == '.' || text.back() == '.')
        return false;
    for (const char c : text) {
        const auto octet = static_cast<unsigned char>(c);
        if (octet <= 0x20 || octet == 0x7f
            || std::string_view("()<>[]:;@\\,\"/").find(c) != std::string_view::npos)
            return false;
    }
    return true;
}

// A colon-separated list (h=, and the key record's h=, s=, t=), each entry
// without its folding whitespace.
std::vector<std::string> colonList(std::string_view value)
{
    std::vector<std::string> out;
    for (const std::string_view part : split(value, ':'))
        out.push_back(toLowerAscii(trim(part)));
    return out;
}

bool contains(const std::vector<std::string> &list, std::string_view item)
{
    for (const std::string &entry : list) {
        if (entry == item)
            return true;
    }
    return false;
}

std::optional<std::int64_t> parseTime(std::string_view text)
{
    // 12 digits reach the year 33658 (§3.5 allows 12): no overflow.
    if (text.empty() || text.size() > 12)
        return std::nullopt;
    std::int64_t value = 0;
    for (const char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

// l= may have up to 76 digits (§3.5); a value beyond 64 bits is longer than
// any body, so it saturates.
std::optional<std::uint64_t> parseLength(std::string_view text)
{
    if (text.empty() || text.size() > 76)
        return std::nullopt;
    constexpr std::uint64_t max = std::numeric_limits<std::uint64_t>::max();
    std::uint64_t value = 0;
    for (const char c : text) {
        if (!isDigit(c))
            return std::nullopt;
        const auto digit = static_cast<std::uint64_t>(c - '0');
        value = value > (max - digit) / 10 ? max : value * 10 + digit;
    }
    return value;
}

std::optional<DkimCanonicalization> parseCanonicalization(std::string_view text)
{
    if (equalsIgnoreCase(text, "simple"))
        return DkimCanonicalization::Simple;
    if (equalsIgnoreCase(text, "relaxed"))
        return DkimCanonicalization::Relaxed;
    return std::nullopt;
}

// The key record's tags (§3.6.1), before the key itself is decoded.
struct KeyRecord {
    std::string type = "rsa"; // k=
    std::string publicKey; // p=, decoded; empty when revoked
    std::vector<std::string> hashes; // h=; empty: any
    std::vector<std::string> services; // s=; empty: any
    bool strictIdentity = false; // t=s
};

Result<KeyRecord> parseKeyRecord(std::string_view text)
{
    Result<DkimTagList> list = parseDkimTagList(text);
    if (!list)
        return Error { "key record syntax error: " + list.error().message };
    KeyRecord record;
    for (std::size_t i = 0; i < list->tags.size(); ++i) {
        const auto &[name, value] = list->tags[i];
        if (name == "v" && (i != 0 || value != "DKIM1"))
            return Error { "key record has v=" + value + (i == 0 ? "" : " not first") };
        if (name == "k")
            record.type = toLowerAscii(value);
        else if (name == "h")
            record.hashes = colonList(value);
        else if (name == "s")
            record.services = colonList(value);
        else if (name == "t")
            record.strictIdentity = contains(colonList(value), "s");
    }
    const std::string *p = list->find("p");
    if (!p)
        return Error { "key record without p=" };
    std::optional<std::string> key = decodeDkimBase64(*p);
    if (!key)
        return Error { "key record p= is not base64" };
    record.publicKey = std::move(*key);
    return record;
}

// The first record that parses as a key record, or the first one's error.
Result<KeyRecord> chooseKeyRecord(const std::vector<std::string> &records)
{
    std::optional<Error> firstError;
    for (const std::string &text : records) {
        Result<KeyRecord> record = parseKeyRecord(text);
        if (record)
            return record;
        if (!firstError)
            firstError = record.error();
    }
    return firstError ? *firstError : Error { "no key record" };
}

// RSA keys are published as a SubjectPublicKeyInfo; RFC 6376 §3.6.1 names
// the bare RSAPublicKey, and some records have that.
Pkey loadPublicKey(const KeyRecord &record)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(record.publicKey.data());
    if (record.type == "ed25519")
        return Pkey(
            EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, bytes, record.publicKey.size()));
    const auto length = static_cast<long>(record.publicKey.size());
    const unsigned char *cursor = bytes;
    Pkey key(d2i_PUBKEY(nullptr, &cursor, length));
    if (!key) {
        cursor = bytes;
        key.reset(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &cursor, length));
    }
    if (key && !EVP_PKEY_is_a(key.get(), "RSA"))
        key.reset();
    return key;
}

// RSA: RSASSA-PKCS1-v1_5 with SHA-256 over the data (§3.3.1). Ed25519:
// PureEdDSA over the data's SHA-256 digest (RFC 8463 §3).
bool verifySignature(EVP_PKEY *key, bool ed25519, std::string_view data, std::string_view signature)
{
    const std::string input = ed25519 ? dkimSha256(data) : std::string(data);
    MdContext context(EVP_MD_CTX_new());
    if (!context
        || EVP_DigestVerifyInit(
               context.get(), nullptr, ed25519 ? nullptr : EVP_sha256(), nullptr, key)
            != 1)
        return false;
    return EVP_DigestVerify(context.get(),
               reinterpret_cast<const unsigned char *>(signature.data()), signature.size(),
               reinterpret_cast<const unsigned char *>(input.data()), input.size())
        == 1;
}

DkimCheck permError(std::string reason)
{
    return { DkimResult::PermError, std::move(reason) };
}

// Checks the chosen key record against the signature, then the signature.
DkimCheck verifyWithRecord(const KeyRecord &record, std::string_view algorithm,
    std::string_view domain, std::string_view signature, std::string_view headerData,
    std::optional<std::string_view> identityDomain)
{
    if (record.publicKey.empty())
        return permError("key revoked");
    if (!record.services.empty() && !contains(record.services, "*")
        && !contains(record.services, "email"))
        return permError("key not for email (s= service types)");
    if (!record.hashes.empty() && !contains(record.hashes, "sha256"))
        return permError("key does not allow sha256 (h= hash algorithms)");
    const bool ed25519 = algorithm == "ed25519-sha256";
    if (record.type != "rsa" && record.type != "ed25519")
        return permError("unknown key type k=" + record.type);
    if (record.type != (ed25519 ? "ed25519" : "rsa"))
        return permError(
            "key type k=" + record.type + " does not match a=" + std::string(algorithm));
    if (record.strictIdentity && identityDomain && !equalsIgnoreCase(*identityDomain, domain))
        return permError("key requires i= in d= itself, not a subdomain (t=s)");
    const Pkey key = loadPublicKey(record);
    if (!key)
        return permError("key record p= is not a valid " + record.type + " public key");
    if (!ed25519 && EVP_PKEY_get_bits(key.get()) < 1024)
        return permError("RSA key under 1024 bits (" + std::to_string(EVP_PKEY_get_bits(key.get()))
            + ", RFC 8301)");
    if (!verifySignature(key.get(), ed25519, headerData, signature))
        return { DkimResult::Fail, "signature did not verify" };
    return { DkimResult::Pass, "signature verified" };
}

std::string fieldValue(const RawHeaderField &field)
{
    return std::string(field.raw.substr(field.raw.find(':') + 1));
}

// What a verdict says about a signature even when its tags are unusable.
DkimVerdict describeSignature(const RawHeaderField &field)
{
    DkimVerdict verdict;
    Result<DkimTagList> list = parseDkimTagList(fieldValue(field));
    if (!list)
        return verdict;
    auto tag = [&](std::string_view name) {
        const std::string *value = list->find(name);
        return value ? *value : std::string();
    };
    verdict.domain = tag("d");
    verdict.selector = tag("s");
    verdict.algorithm = tag("a");
    verdict.identity = list->find("i") ? tag("i") : "@" + verdict.domain;
    for (const char c : tag("b")) {
        if (!isFws(c) && verdict.signaturePrefix.size() < signaturePrefixLength)
            verdict.signaturePrefix += c;
    }
    return verdict;
}

} // namespace

std::string_view dkimResultName(DkimResult result)
{
    switch (result) {
    case DkimResult::None:
        return "none";
    case DkimResult::Pass:
        return "pass";
    case DkimResult::Fail:
        return "fail";
    case DkimResult::Neutral:
        return "neutral";
    case DkimResult::Policy:
        return "policy";
    case DkimResult::TempError:
        return "temperror";
    case DkimResult::PermError:
        return "permerror";
    }
    return "permerror";
}

const std::string *DkimTagList::find(std::string_view name) const
{
    for (const auto &[tagName, value] : tags) {
        if (tagName == name)
            return &value;
    }
    return nullptr;
}

Result<DkimTagList> parseDkimTagList(std::string_view text)
{
    DkimTagList list;
    for (const std::string_view part : split(text, ';')) {
        const std::string_view spec = trim(part);
        // The grammar allows one ";" at the end; empty specs elsewhere are
        // harmless and some signers write them.
        if (spec.empty())
            continue;
        const std::size_t equals = spec.find('=');
        if (equals == std::string_view::npos)
            return Error { "tag without \"=\": " + std::string(spec.substr(0, 20)) };
        const std::string_view name = trim(spec.substr(0, equals));
        if (!isTagName(name))
            return Error { "bad tag name \"" + std::string(name.substr(0, 20)) + "\"" };
        if (list.find(name))
            return Error { "duplicate tag " + std::string(name) + "=" };
        list.tags.emplace_back(std::string(name), std::string(trim(spec.substr(equals + 1))));
    }
    return list;
}

std::optional<std::string> decodeDkimBase64(std::string_view value)
{
    std::string compact;
    compact.reserve(value.size());
    for (const char c : value) {
        if (!isFws(c))
            compact += c;
    }
    return decodeBase64(compact);
}

std::string dkimSignedHeaders(const RawMessage &message, const std::vector<std::string> &names,
    DkimCanonicalization canonicalization, const RawHeaderField *signatureField)
{
    std::string data;
    std::vector<bool> used(message.fields.size(), false);
    for (const std::string &name : names) {
        for (std::size_t i = message.fields.size(); i-- > 0;) {
            const RawHeaderField &field = message.fields[i];
            if (used[i] || &field == signatureField || !equalsIgnoreCase(trim(field.name), name))
                continue;
            used[i] = true;
            data += canonicalizeHeader(field.raw, canonicalization);
            break;
        }
    }
    return data;
}

std::string canonicalSignatureField(
    std::string_view rawField, DkimCanonicalization canonicalization)
{
    std::string_view content = rawField;
    if (content.size() >= 2 && content.substr(content.size() - 2) == "\r\n")
        content.remove_suffix(2);
    std::string emptied(content);
    // Walk the tag-specs of the value to find b= (not bh=, nor a "b=" inside
    // another tag's value) and cut its value, folding whitespace included.
    std::size_t start = content.find(':');
    while (start != std::string_view::npos && start < content.size()) {
        const std::size_t end = std::min(content.find(';', start + 1), content.size());
        const std::string_view spec = content.substr(start + 1, end - start - 1);
        const std::size_t equals = spec.find('=');
        if (equals != std::string_view::npos && trim(spec.substr(0, equals)) == "b") {
            const std::size_t valueStart = start + 1 + equals + 1;
            emptied = std::string(content.substr(0, valueStart)) + std::string(content.substr(end));
            break;
        }
        start = end;
    }
    std::string canonical = canonicalizeHeader(emptied, canonicalization);
    canonical.resize(canonical.size() - 2); // §3.7: no final CRLF
    return canonical;
}

Lookup<DkimCheck> verifyDkimSignatureData(std::string_view algorithm, std::string_view domain,
    std::string_view selector, std::string_view signature, std::string_view headerData,
    const DnsAnswers &answers, std::optional<std::string_view> identityDomain)
{
    if (algorithm != "rsa-sha256" && algorithm != "ed25519-sha256")
        return permError("unknown algorithm a=" + std::string(algorithm));
    if (!isDomainLike(domain) || !isDomainLike(selector))
        return permError("bad domain d= or selector s=");
    const DnsQuestion question { DnsType::Txt,
        toLowerAscii(std::string(selector) + "._domainkey." + std::string(domain)) };
    const DnsAnswer *answer = answers.find(question);
    if (!answer)
        return question;
    switch (answer->status) {
    case DnsAnswer::Status::TemporaryError:
        return DkimCheck { DkimResult::TempError,
            "temporary DNS error looking up key " + question.name };
    case DnsAnswer::Status::NoSuchDomain:
    case DnsAnswer::Status::NoData:
        return permError("key not found at " + question.name);
    case DnsAnswer::Status::Found:
        break;
    }
    Result<KeyRecord> record = chooseKeyRecord(answer->records);
    if (!record)
        return permError(record.error().message + " at " + question.name);
    return verifyWithRecord(*record, algorithm, domain, signature, headerData, identityDomain);
}

Result<DkimSignatureFields> parseDkimSignatureFields(std::string_view value, DkimFieldKind kind)
{
    Result<DkimTagList> parsed = parseDkimTagList(value);
    if (!parsed)
        return Error { "signature syntax error: " + parsed.error().message };
    const DkimTagList &list = *parsed;
    const bool dkim = kind == DkimFieldKind::DkimSignature;
    for (const char *required : { dkim ? "v" : "i", "a", "b", "bh", "d", "h", "s" }) {
        if (!list.find(required))
            return Error { std::string("missing ") + required + "= tag" };
    }
    if (dkim && *list.find("v") != "1")
        return Error { "unsupported version v=" + *list.find("v") };

    DkimSignatureFields fields;
    fields.algorithm = toLowerAscii(*list.find("a"));
    if (fields.algorithm == "rsa-sha1")
        return Error { "rsa-sha1 not accepted (RFC 8301)" };
    if (fields.algorithm != "rsa-sha256" && fields.algorithm != "ed25519-sha256")
        return Error { "unknown algorithm a=" + fields.algorithm };

    if (const std::string *c = list.find("c")) {
        const std::size_t slash = c->find('/');
        const auto header = parseCanonicalization(std::string_view(*c).substr(0, slash));
        const auto body = slash == std::string::npos
            ? std::optional(DkimCanonicalization::Simple)
            : parseCanonicalization(std::string_view(*c).substr(slash + 1));
        if (!header || !body)
            return Error { "unknown canonicalization c=" + *c };
        fields.headerCanonicalization = *header;
        fields.bodyCanonicalization = *body;
    }

    fields.domain = *list.find("d");
    fields.selector = *list.find("s");
    if (!isDomainLike(fields.domain))
        return Error { "bad domain d=" + fields.domain };
    if (!isDomainLike(fields.selector))
        return Error { "bad selector s=" + fields.selector };

    fields.headers = colonList(*list.find("h"));
    for (const std::string &name : fields.headers) {
        if (name.empty())
            return Error { "empty header name in h=" };
    }
    // §5.4: From MUST be signed.
    if (!contains(fields.headers, "from"))
        return Error { "From not signed (h= lacks from)" };

    std::optional<std::string> bodyHash = decodeDkimBase64(*list.find("bh"));
    std::optional<std::string> signature = decodeDkimBase64(*list.find("b"));
    if (!bodyHash || bodyHash->empty())
        return Error { "bh= is not base64" };
    if (!signature || signature->empty())
        return Error { "b= is empty or not base64" };
    fields.bodyHash = std::move(*bodyHash);
    fields.signature = std::move(*signature);

    if (const std::string *l = list.find("l")) {
        fields.bodyLength = parseLength(*l);
        if (!fields.bodyLength)
            return Error { "l= is not a number" };
    }
    const std::pair<const char *, std::optional<std::int64_t> *> times[]
        = { { "t", &fields.timestamp }, { "x", &fields.expiration } };
    for (const auto &[tag, target] : times) {
        if (const std::string *text = list.find(tag)) {
            *target = parseTime(*text);
            if (!*target)
                return Error { std::string(tag) + "= is not a time" };
        }
    }
    if (fields.timestamp && fields.expiration && *fields.expiration < *fields.timestamp)
        return Error { "x= is before t=" };
    if (const std::string *q = list.find("q")) {
        if (!contains(colonList(*q), "dns/txt"))
            return Error { "unsupported query method q=" + *q };
    }

    if (dkim) {
        // §3.5: i= is within d=, the domain itself or a subdomain.
        fields.identity = list.find("i") ? *list.find("i") : "@" + fields.domain;
        const std::size_t at = fields.identity.rfind('@');
        const std::string_view identityDomain = at == std::string::npos
            ? std::string_view()
            : std::string_view(fields.identity).substr(at + 1);
        const bool within = equalsIgnoreCase(identityDomain, fields.domain)
            || (identityDomain.size() > fields.domain.size()
                && equalsIgnoreCase(
                    identityDomain.substr(identityDomain.size() - fields.domain.size() - 1),
                    "." + fields.domain));
        if (!within)
            return Error { "i=" + fields.identity + " is not within d=" + fields.domain };
    }
    return fields;
}

Lookup<DkimCheck> checkDkimSignature(const RawMessage &message, const RawHeaderField &field,
    const DkimSignatureFields &fields, const DnsAnswers &answers, std::int64_t now)
{
    if (fields.expiration && *fields.expiration + allowedClockSkew < now)
        return permError("signature expired");
    if (fields.timestamp && *fields.timestamp > now + allowedClockSkew)
        return permError("signature timestamp in the future");

    // The body first: a mismatch needs no DNS lookup.
    const std::string body = canonicalizeBody(message.body, fields.bodyCanonicalization);
    std::string_view hashed = body;
    if (fields.bodyLength) {
        if (*fields.bodyLength > body.size())
            return DkimCheck { DkimResult::Fail, "body shorter than l=" };
        hashed = hashed.substr(0, static_cast<std::size_t>(*fields.bodyLength));
    }
    if (dkimSha256(hashed) != fields.bodyHash)
        return DkimCheck { DkimResult::Fail, "body hash mismatch" };

    // §8.15: a From added above the signed ones is what a reader may see.
    const auto fromFields = std::count_if(message.fields.begin(), message.fields.end(),
        [](const RawHeaderField &each) { return equalsIgnoreCase(trim(each.name), "from"); });
    if (fromFields > std::count(fields.headers.begin(), fields.headers.end(), "from"))
        return DkimCheck { DkimResult::Fail, "From field not covered by the signature" };

    const std::string headerData
        = dkimSignedHeaders(message, fields.headers, fields.headerCanonicalization, &field)
        + canonicalSignatureField(field.raw, fields.headerCanonicalization);
    std::optional<std::string_view> identityDomain;
    if (!fields.identity.empty())
        identityDomain = std::string_view(fields.identity).substr(fields.identity.rfind('@') + 1);
    Lookup<DkimCheck> check = verifyDkimSignatureData(fields.algorithm, fields.domain,
        fields.selector, fields.signature, headerData, answers, identityDomain);
    DkimCheck *done = std::get_if<DkimCheck>(&check);
    if (done && done->result == DkimResult::Pass && hashed.size() < body.size())
        done->reason += "; l= covers only " + std::to_string(hashed.size()) + " of "
            + std::to_string(body.size()) + " body octets";
    return check;
}

Lookup<std::vector<DkimVerdict>> verifyDkim(
    std::string_view message, const DnsAnswers &answers, std::int64_t now)
{
    const RawMessage parts = splitMessage(message);
    std::vector<DkimVerdict> verdicts;
    for (const RawHeaderField &field : parts.fields) {
        if (!equalsIgnoreCase(trim(field.name), "DKIM-Signature"))
            continue;
        if (verdicts.size() == maxDkimSignatures)
            break;
        DkimVerdict verdict = describeSignature(field);
        Result<DkimSignatureFields> fields
            = parseDkimSignatureFields(fieldValue(field), DkimFieldKind::DkimSignature);
        if (!fields) {
            verdict.result = DkimResult::PermError;
            verdict.reason = fields.error().message;
            verdicts.push_back(std::move(verdict));
            continue;
        }
        Lookup<DkimCheck> check = checkDkimSignature(parts, field, *fields, answers, now);
        if (const DnsQuestion *question = std::get_if<DnsQuestion>(&check))
            return *question;
        DkimCheck &done = std::get<DkimCheck>(check);
        verdict.result = done.result;
        verdict.reason = std::move(done.reason);
        verdicts.push_back(std::move(verdict));
    }
    return verdicts;
}

} // namespace postwr::mail
