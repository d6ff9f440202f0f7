// Queue file format, version 1.
//
//   postwr-queue 1                 magic and version, first line
//   id: 0Ab3...                    queue id, [A-Za-z0-9]+
//   from: alice@example.org        reverse-path; empty for the null sender <>
//   rcpt: bob@example.net          one line per recipient, in order (zero or more)
//   auth: alice                    authenticated user; empty when none
//   client: 192.0.2.1              client IP literal
//   helo: mail.example.org         HELO/EHLO name
//   received: 1700000000           unix seconds, decimal
//   smtputf8: yes|no
//   size: 1234                     message length in bytes, decimal
//   crc32: 1a2b3c4d                CRC-32 (as zlib), 8 lowercase hex digits
//                                  blank line
//   <message>                      exactly `size` bytes, stored byte-exact
//
// Header lines end in LF and come in exactly this order; a field is "key:"
// then one space then the value, which may be empty. In values, '%', control
// characters and DEL are written as %XX (uppercase hex), so a value can never
// break a line; other bytes (UTF-8 addresses under SMTPUTF8) are kept as is.
//
// The CRC covers every byte before the crc32 line and the message. With the
// size it makes any truncation or corruption an error instead of a delivery:
// a file cut short by a crash, or damaged on disk, is never sent out.
// Anything after the message is an error too. A change to the format bumps
// the version; a reader refuses versions it does not know.
#include "mail/queue_file.h"

#include <array>
#include <charconv>

namespace postwr::mail {

namespace {

constexpr std::string_view kMagic = "postwr-queue";
constexpr int kVersion = 1;

std::uint32_t crc32Update(std::uint32_t crc, std::string_view bytes)
{
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k)
                c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    crc = ~crc;
    for (char ch : bytes)
        crc = table[(crc ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (crc >> 8);
    return ~crc;
}

constexpr char kHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";

std::string encodeValue(std::string_view value)
{
    std::string out;
    out.reserve(value.size());
    for (char ch : value) {
        const auto byte = static_cast<unsigned char>(ch);
        if (byte < 0x20 || byte == 0x7F || ch == '%') {
            out += '%';
            out += kUpperHex[byte >> 4];
            out += kUpperHex[byte & 0xF];
        } else {
            out += ch;
        }
    }
    return out;
}

int upperHexDigit(char ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

// Reads the header one line at a time and knows the line number for errors.
class HeaderReader {
public:
    explicit HeaderReader(std::string_view data) : m_data(data) {}

    int lineNumber() const { return m_line; }
    std::size_t position() const { return m_pos; }

    Result<std::string_view> nextLine()
    {
        ++m_line;
        const std::size_t end = m_data.find('\n', m_pos);
        if (end == std::string_view::npos)
            return fail("truncated queue file: header ends early");
        std::string_view line = m_data.substr(m_pos, end - m_pos);
        m_pos = end + 1;
        return line;
    }

    // The raw value of the next line, which must be "key: value".
    Result<std::string_view> field(std::string_view key)
    {
        auto line = nextLine();
        if (!line)
            return line;
        const std::string_view text = *line;
        if (text.size() < key.size() + 2 || text.substr(0, key.size()) != key
            || text.substr(key.size(), 2) != ": ")
            return fail("expected field \"" + std::string(key) + ": \"");
        return text.substr(key.size() + 2);
    }

    Result<std::string> decodedField(std::string_view key)
    {
        auto raw = field(key);
        if (!raw)
            return raw.error();
        return decode(*raw);
    }

    Result<std::string> decode(std::string_view raw) const
    {
        std::string out;
        out.reserve(raw.size());
        for (std::size_t i = 0; i < raw.size(); ++i) {
            const auto byte = static_cast<unsigned char>(raw[i]);
            if (byte < 0x20 || byte == 0x7F)
                return fail("control character in a field value");
            if (raw[i] != '%') {
                out += raw[i];
                continue;
            }
            const bool complete = i + 2 < raw.size();
            const int high = complete ? upperHexDigit(raw[i + 1]) : -1;
            const int low = complete ? upperHexDigit(raw[i + 2]) : -1;
            if (high < 0 || low < 0)
                return fail("bad %-escape in a field value");
            out += static_cast<char>(high * 16 + low);
            i += 2;
        }
        return out;
    }

    Error fail(std::string message) const { return Error{std::move(message), m_line, 0}; }

private:
    std::string_view m_data;
    std::size_t m_pos = 0;
    int m_line = 0;
};

template <typename Int>
bool parseDecimal(std::string_view text, Int &out)
{
    const char *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return !text.empty() && ec == std::errc() && ptr == end;
}

} // namespace

bool isValidQueueId(std::string_view id)
{
    if (id.empty())
        return false;
    for (char ch : id) {
        const bool alnum = (ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        if (!alnum)
            return false;
    }
    return true;
}

std::string serializeQueueFile(const Envelope &envelope, std::string_view message)
{
    std::string out = std::string(kMagic) + " " + std::to_string(kVersion) + "\n";
    const auto field = [&out](std::string_view key, std::string_view value) {
        out += key;
        out += ": ";
        out += encodeValue(value);
        out += '\n';
    };
    field("id", envelope.id);
    field("from", envelope.from);
    for (const std::string &recipient : envelope.recipients)
        field("rcpt", recipient);
    field("auth", envelope.authenticatedUser);
    field("client", envelope.clientAddress);
    field("helo", envelope.heloName);
    field("received", std::to_string(envelope.receivedAt));
    field("smtputf8", envelope.smtputf8 ? "yes" : "no");
    field("size", std::to_string(message.size()));

    const std::uint32_t crc = crc32Update(crc32Update(0, out), message);
    std::string crcHex(8, '0');
    for (int i = 0; i < 8; ++i)
        crcHex[static_cast<std::size_t>(i)] = kHex[(crc >> (28 - 4 * i)) & 0xFu];
    field("crc32", crcHex);
    out += '\n';
    out += message;
    return out;
}

Result<QueueFile> parseQueueFile(std::string_view data)
{
    HeaderReader reader(data);
    auto magic = reader.nextLine();
    if (!magic)
        return magic.error();
    const std::string expectedMagic = std::string(kMagic) + " " + std::to_string(kVersion);
    if (*magic != expectedMagic) {
        if (magic->substr(0, kMagic.size() + 1) == std::string(kMagic) + " ")
            return reader.fail("unsupported queue file version \"" + std::string(magic->substr(kMagic.size() + 1))
                               + "\" (this postwrd reads version " + std::to_string(kVersion) + ")");
        return reader.fail("not a postwr queue file (bad first line)");
    }

    QueueFile file;
    Envelope &envelope = file.envelope;

    auto id = reader.decodedField("id");
    if (!id)
        return id.error();
    if (!isValidQueueId(*id))
        return reader.fail("bad queue id \"" + *id + "\"");
    envelope.id = std::move(*id);

    auto from = reader.decodedField("from");
    if (!from)
        return from.error();
    envelope.from = std::move(*from);

    // Zero or more rcpt lines, then auth.
    std::string_view authRaw;
    for (;;) {
        auto line = reader.nextLine();
        if (!line)
            return line.error();
        if (line->substr(0, 6) == "rcpt: ") {
            auto recipient = reader.decode(line->substr(6));
            if (!recipient)
                return recipient.error();
            envelope.recipients.push_back(std::move(*recipient));
            continue;
        }
        if (line->substr(0, 6) != "auth: ")
            return reader.fail("expected field \"rcpt: \" or \"auth: \"");
        authRaw = line->substr(6);
        break;
    }
    auto auth = reader.decode(authRaw);
    if (!auth)
        return auth.error();
    envelope.authenticatedUser = std::move(*auth);

    auto client = reader.decodedField("client");
    if (!client)
        return client.error();
    envelope.clientAddress = std::move(*client);

    auto helo = reader.decodedField("helo");
    if (!helo)
        return helo.error();
    envelope.heloName = std::move(*helo);

    auto received = reader.field("received");
    if (!received)
        return received.error();
    if (!parseDecimal(*received, envelope.receivedAt))
        return reader.fail("bad received time");

    auto smtputf8 = reader.field("smtputf8");
    if (!smtputf8)
        return smtputf8.error();
    if (*smtputf8 != "yes" && *smtputf8 != "no")
        return reader.fail("smtputf8 must be yes or no");
    envelope.smtputf8 = *smtputf8 == "yes";

    auto sizeText = reader.field("size");
    if (!sizeText)
        return sizeText.error();
    std::size_t size = 0;
    if (!parseDecimal(*sizeText, size))
        return reader.fail("bad message size");

    const std::size_t crcLineStart = reader.position();
    auto crcText = reader.field("crc32");
    if (!crcText)
        return crcText.error();
    std::uint32_t expectedCrc = 0;
    const bool lowerHex = crcText->size() == 8
        && crcText->find_first_not_of("0123456789abcdef") == std::string_view::npos;
    if (!lowerHex || std::from_chars(crcText->data(), crcText->data() + 8, expectedCrc, 16).ec != std::errc())
        return reader.fail("bad crc32 (8 lowercase hex digits expected)");

    auto blank = reader.nextLine();
    if (!blank)
        return blank.error();
    if (!blank->empty())
        return reader.fail("expected a blank line after the header");

    const std::string_view message = data.substr(reader.position());
    if (message.size() < size)
        return Error{"truncated queue file: message has " + std::to_string(message.size()) + " of "
                     + std::to_string(size) + " bytes"};
    if (message.size() > size)
        return Error{"corrupt queue file: " + std::to_string(message.size() - size)
                     + " unexpected bytes after the message"};
    if (crc32Update(crc32Update(0, data.substr(0, crcLineStart)), message) != expectedCrc)
        return Error{"corrupt queue file: checksum mismatch"};

    file.message = std::string(message);
    return file;
}

std::string newQueueId(std::int64_t unixMicros, std::uint64_t counter, std::uint32_t random)
{
    // Fixed-width base 62 with the digits in ASCII order, so string order is
    // numeric order: time first, then the counter. 11 digits hold any 64-bit
    // value (62^11 > 2^64), 6 digits any 32-bit one.
    static constexpr std::string_view digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    std::string id;
    const auto append = [&id](std::uint64_t value, int width) {
        std::string part(static_cast<std::size_t>(width), '0');
        for (int i = width - 1; i >= 0; --i) {
            part[static_cast<std::size_t>(i)] = digits[value % 62];
            value /= 62;
        }
        id += part;
    };
    append(unixMicros < 0 ? 0 : static_cast<std::uint64_t>(unixMicros), 11);
    append(counter, 11);
    append(random, 6);
    return id;
}

} // namespace postwr::mail
