// What postwrd reads in a message it receives: header fields (mail/headers.h),
// DKIM canonicalization (mail/dkim_canon.h), DKIM-Signature and ARC tags and
// their verification (mail/dkim_verifier.h, mail/arc.h), From: domains and
// Authentication-Results removal (mail/authentication_results.h).
//
// Input: byte 0 chooses how DNS answers the key lookups (bits 0-1: a key
// record of the wrong kind, no such domain, no data, a temporary error);
// the rest is the message.
//
// Invariants besides "no crash, no leak, no UB":
// - unfolded header values hold no line end and start with no blank;
// - both canonicalizations are idempotent, and a relaxed header field is
//   "lower-case-name:value" CRLF;
// - removing Authentication-Results twice is the same as once, and never
//   adds bytes;
// - a tag list has no duplicate tag; DKIM and ARC checks finish within the
//   lookups their limits allow.
#include "fuzz_input.h"
#include "fuzz_settle.h"

#include "mail/arc.h"
#include "mail/authentication_results.h"
#include "mail/dkim_canon.h"
#include "mail/dkim_verifier.h"
#include "mail/headers.h"

#include <set>
#include <string>

using namespace postwr::mail;
using postwr::fuzz::require;
using postwr::fuzz::settle;

namespace {

constexpr std::int64_t now = 1700000000;

DnsAnswer answerFor(std::uint8_t mode)
{
    switch (mode & 3) {
    case 0:
        return { DnsAnswer::Status::Found, { "v=DKIM1; k=rsa; p=MFwwDQYJKoZIhvcNAQEBBQADSwAwSAJBAL" } };
    case 1:
        return { DnsAnswer::Status::NoSuchDomain, {} };
    case 2:
        return { DnsAnswer::Status::NoData, {} };
    default:
        return { DnsAnswer::Status::TemporaryError, {} };
    }
}

void checkCanonicalization(std::string_view message)
{
    const RawMessage raw = splitMessage(message);
    for (const RawHeaderField &field : raw.fields) {
        require(!field.name.empty(), "a field has a name");
        const std::string relaxed = canonicalizeHeader(field.raw, DkimCanonicalization::Relaxed);
        require(relaxed.size() >= 3 && relaxed.ends_with("\r\n"), "a relaxed field ends with CRLF");
        require(canonicalizeHeader(relaxed, DkimCanonicalization::Relaxed) == relaxed, "relaxed header is idempotent");
        const std::string simple = canonicalizeHeader(field.raw, DkimCanonicalization::Simple);
        require(canonicalizeHeader(simple, DkimCanonicalization::Simple) == simple, "simple header is idempotent");
    }
    for (const DkimCanonicalization form : { DkimCanonicalization::Simple, DkimCanonicalization::Relaxed }) {
        const std::string body = canonicalizeBody(raw.body, form);
        require(canonicalizeBody(body, form) == body, "body canonicalization is idempotent");
    }
}

void checkHeaders(std::string_view message)
{
    const std::vector<HeaderField> fields = parseHeaderSection(message);
    for (const HeaderField &field : fields) {
        require(field.value.find("\r\n") == std::string::npos, "an unfolded value has no CRLF");
        require(field.value.empty() || (field.value.front() != ' ' && field.value.front() != '\t'),
            "a value starts with no blank");
    }
    for (const std::string &from : headerValues(fields, "from")) {
        if (Result<std::vector<Address>> list = parseAddressList(from)) {
            for (const Address &address : *list)
                require(!address.isNull(), "a From: mailbox is an address");
        }
    }
    require(fromDomains(message).size() <= 4, "at most four From: domains");

    const std::string once = removeAuthenticationResults(message, "mx.example.test");
    require(once.size() <= message.size(), "removing fields never adds bytes");
    require(removeAuthenticationResults(once, "mx.example.test") == once, "removal is idempotent");
}

void checkSignatureTags(std::string_view message)
{
    for (const HeaderField &field : parseHeaderSection(message)) {
        if (Result<DkimTagList> tags = parseDkimTagList(field.value)) {
            std::set<std::string> names;
            for (const auto &tag : tags->tags)
                require(names.insert(tag.first).second, "a tag list has no duplicate");
        }
        parseDkimSignatureFields(field.value, DkimFieldKind::DkimSignature);
        parseDkimSignatureFields(field.value, DkimFieldKind::ArcMessageSignature);
        decodeDkimBase64(field.value);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    postwr::fuzz::FuzzInput input(data, size);
    const std::uint8_t mode = input.byte();
    const std::string_view message = input.rest();

    checkHeaders(message);
    checkCanonicalization(message);
    checkSignatureTags(message);

    // Every question is answered the same way.
    const auto sameAnswer = [mode](const DnsQuestion &) { return answerFor(mode); };
    const auto dkim = settle<std::vector<DkimVerdict>>(
        [&](const DnsAnswers &answers) { return verifyDkim(message, answers, now); }, sameAnswer,
        static_cast<int>(maxDkimSignatures));
    require(dkim.size() <= maxDkimSignatures, "at most eight DKIM verdicts");
    settle<ArcVerdict>([&](const DnsAnswers &answers) { return validateArc(message, answers, now); }, sameAnswer,
        2 * maxArcInstances);
    return 0;
}
