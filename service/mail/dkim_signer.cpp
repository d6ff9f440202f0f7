#include "mail/dkim_signer.h"

#include "mail/date.h"
#include "mail/dkim_canon.h"
#include "mail/headers.h"
#include "mail/sasl.h"
#include "mail/text.h"

#include <memory>

namespace postwr::mail {

namespace {

constexpr std::size_t maxLineLength = 78; // RFC 5322 §2.1.1 "SHOULD"

// Builds a folded header field from tags. Folding puts CRLF + TAB before a
// tag that does not fit; inside h= it breaks after a colon and inside base64
// values (bh=, b=) anywhere, both allowed by RFC 6376 §3.5 (FWS around ':' in
// h=, and whitespace in base64 is ignored).
class FoldedField {
public:
    explicit FoldedField(std::string_view start)
        : m_text(start)
        , m_column(start.size())
    {
    }

    // `value` is cut at `breaks` (after each of those characters) when needed;
    // with `anywhere` it may be cut at any character.
    void addTag(std::string_view tag, std::string_view value, bool last, char breakAfter = '\0',
        bool anywhere = false)
    {
        const std::string whole = std::string(tag) + "=" + std::string(value) + (last ? "" : ";");
        if (m_column + 1 + whole.size() <= maxLineLength) {
            append(" " + whole);
            return;
        }
        newLine();
        std::string_view rest = whole;
        while (m_column + rest.size() > maxLineLength) {
            const std::size_t room = maxLineLength - m_column;
            std::size_t cut = room;
            if (!anywhere) {
                // The last break that fits, else the first one at all, else
                // the whole rest on an over-long line.
                std::size_t at = breakAfter == '\0' ? std::string_view::npos
                                                    : rest.substr(0, room).rfind(breakAfter);
                if (at == std::string_view::npos && breakAfter != '\0')
                    at = rest.find(breakAfter);
                cut = at == std::string_view::npos ? rest.size() : at + 1;
            }
            append(rest.substr(0, cut));
            rest.remove_prefix(cut);
            if (rest.empty())
                break;
            newLine();
        }
        append(rest);
    }

    std::string text() const { return m_text + "\r\n"; }

private:
    void append(std::string_view part)
    {
        m_text += part;
        m_column += part.size();
    }
    void newLine()
    {
        m_text += "\r\n\t";
        m_column = 8; // a tab counts as up to 8 columns
    }

    std::string m_text;
    std::size_t m_column;
};

std::string headerList(
    const std::vector<RawHeaderField> &fields, std::vector<const RawHeaderField *> &signedFields)
{
    std::string list;
    for (const std::string_view name : dkimSignedHeaderNames()) {
        std::vector<const RawHeaderField *> matching;
        for (const RawHeaderField &field : fields) {
            if (equalsIgnoreCase(trim(field.name), name))
                matching.push_back(&field);
        }
        std::size_t count = matching.size() + (isDkimOversignedHeader(name) ? 1 : 0);
        // §5.4.2: several instances are signed from the bottom up.
        for (auto it = matching.rbegin(); it != matching.rend(); ++it)
            signedFields.push_back(*it);
        for (; count > 0; --count)
            list += (list.empty() ? "" : ":") + toLowerAscii(name);
    }
    return list;
}

} // namespace

const std::vector<std::string_view> &dkimSignedHeaderNames()
{
    static const std::vector<std::string_view> names = {
        "From",
        "To",
        "Cc",
        "Subject",
        "Date",
        "Reply-To",
        "Message-ID",
        "In-Reply-To",
        "References",
        "Sender",
        "MIME-Version",
        "Content-Type",
        "Content-Transfer-Encoding",
        "Content-Disposition",
        "Content-Language",
        "List-Id",
        "List-Unsubscribe",
        "List-Unsubscribe-Post",
    };
    return names;
}

bool isDkimOversignedHeader(std::string_view name)
{
    for (const std::string_view oversigned :
        { "From", "To", "Cc", "Subject", "Date", "Reply-To" }) {
        if (equalsIgnoreCase(name, oversigned))
            return true;
    }
    return false;
}

Result<std::string> signMessage(const DkimKey &key, std::string_view message, std::int64_t now)
{
    if (!key.key)
        return Error { "no DKIM key" };
    const RawMessage parts = splitMessage(message);
    const std::string bodyHash
        = dkimSha256(canonicalizeBody(parts.body, DkimCanonicalization::Relaxed));
    if (bodyHash.empty())
        return Error { "OpenSSL cannot compute SHA-256" };

    std::vector<const RawHeaderField *> signedFields;
    const std::string headers = headerList(parts.fields, signedFields);

    FoldedField field("DKIM-Signature:");
    field.addTag("v", "1", false);
    field.addTag("a", dkimAlgorithmName(key.algorithm), false);
    field.addTag("c", "relaxed/relaxed", false);
    field.addTag("d", key.domain, false);
    field.addTag("s", key.selector, false);
    field.addTag("t", std::to_string(now), false);
    field.addTag("h", headers, false, ':');
    field.addTag("bh", encodeBase64(bodyHash), false, '\0', true);
    // §3.7: the signature field itself is hashed last, with an empty b= and
    // without its final CRLF. b= is the last tag, so that value is exactly
    // the field as it will be sent minus the signature.
    FoldedField unsignedField = field;
    unsignedField.addTag("b", "", true);

    std::string data;
    for (const RawHeaderField *signedField : signedFields)
        data += canonicalizeHeader(signedField->raw, DkimCanonicalization::Relaxed);
    std::string self = canonicalizeHeader(unsignedField.text(), DkimCanonicalization::Relaxed);
    self.resize(self.size() - 2);
    data += self;

    Result<std::string> signature = signWithDkimKey(key, data);
    if (!signature)
        return signature.error();
    field.addTag("b", encodeBase64(*signature), true, '\0', true);
    return field.text();
}

std::string addMissingHeaders(
    std::string_view message, std::string_view domain, std::int64_t now, std::string_view uniqueId)
{
    const std::vector<HeaderField> fields = parseHeaderSection(message);
    std::string added;
    if (headerValues(fields, "Date").empty())
        added += "Date: " + rfc5322Date(static_cast<std::time_t>(now)) + "\r\n";
    if (headerValues(fields, "Message-ID").empty())
        added += "Message-ID: <" + std::string(uniqueId) + "@" + std::string(domain) + ">\r\n";
    return added + std::string(message);
}

} // namespace postwr::mail
