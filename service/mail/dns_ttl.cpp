#include "mail/dns_ttl.h"

#include <algorithm>
#include <cstddef>

namespace postwr::mail {

namespace {

constexpr std::uint16_t typeSoa = 6;
constexpr int rcodeNoError = 0;
constexpr int rcodeNameError = 3;

class Reader {
public:
    explicit Reader(std::span<const unsigned char> bytes) : m_bytes(bytes) {}

    bool has(std::size_t count) const { return m_at + count <= m_bytes.size(); }
    std::size_t at() const { return m_at; }

    std::optional<std::uint16_t> u16()
    {
        if (!has(2))
            return std::nullopt;
        const std::uint16_t value = static_cast<std::uint16_t>(m_bytes[m_at] << 8 | m_bytes[m_at + 1]);
        m_at += 2;
        return value;
    }

    std::optional<std::uint32_t> u32()
    {
        const auto high = u16();
        const auto low = u16();
        if (!high || !low)
            return std::nullopt;
        return std::uint32_t{*high} << 16 | *low;
    }

    bool skip(std::size_t count)
    {
        if (!has(count))
            return false;
        m_at += count;
        return true;
    }

    // A name in place: labels up to a zero byte, or up to a compression
    // pointer, which ends the name here wherever it points.
    bool skipName()
    {
        for (int labels = 0; labels < 128; ++labels) {
            if (!has(1))
                return false;
            const unsigned char length = m_bytes[m_at];
            if (length == 0)
                return skip(1);
            if ((length & 0xC0) == 0xC0)
                return skip(2);
            if ((length & 0xC0) != 0)
                return false;
            if (!skip(1u + length))
                return false;
        }
        return false;
    }

private:
    std::span<const unsigned char> m_bytes;
    std::size_t m_at = 0;
};

struct Record {
    std::uint16_t type = 0;
    std::uint32_t ttl = 0;
    std::size_t dataAt = 0;
    std::uint16_t dataLength = 0;
};

std::optional<Record> readRecord(Reader &reader)
{
    if (!reader.skipName())
        return std::nullopt;
    Record record;
    const auto type = reader.u16();
    const auto klass = reader.u16();
    const auto ttl = reader.u32();
    const auto length = reader.u16();
    if (!type || !klass || !ttl || !length)
        return std::nullopt;
    record.type = *type;
    // RFC 2181 §8: a TTL with the top bit set is read as zero.
    record.ttl = (*ttl & 0x80000000u) ? 0 : *ttl;
    record.dataAt = reader.at();
    record.dataLength = *length;
    if (!reader.skip(*length))
        return std::nullopt;
    return record;
}

// The MINIMUM field, the last of an SOA record's data (RFC 1035 §3.3.13).
std::optional<std::uint32_t> soaMinimum(std::span<const unsigned char> message, const Record &soa)
{
    Reader reader(message.subspan(0, soa.dataAt + soa.dataLength));
    if (!reader.skip(soa.dataAt) || !reader.skipName() || !reader.skipName() || !reader.skip(16))
        return std::nullopt;
    const auto minimum = reader.u32();
    if (!minimum || reader.at() != soa.dataAt + soa.dataLength)
        return std::nullopt;
    return *minimum;
}

} // namespace

std::optional<std::uint32_t> answerLifetime(std::span<const unsigned char> message)
{
    Reader reader(message);
    const auto id = reader.u16();
    const auto flags = reader.u16();
    const auto questions = reader.u16();
    const auto answers = reader.u16();
    const auto authorities = reader.u16();
    if (!id || !flags || !questions || !answers || !authorities || !reader.skip(2))
        return std::nullopt;
    const bool response = *flags & 0x8000;
    const bool truncated = *flags & 0x0200;
    const int rcode = *flags & 0x000F;
    if (!response || truncated || (rcode != rcodeNoError && rcode != rcodeNameError))
        return std::nullopt;
    for (unsigned i = 0; i < *questions; ++i) {
        if (!reader.skipName() || !reader.skip(4))
            return std::nullopt;
    }

    std::optional<std::uint32_t> smallest;
    for (unsigned i = 0; i < *answers; ++i) {
        const auto record = readRecord(reader);
        if (!record)
            return std::nullopt;
        smallest = std::min(smallest.value_or(record->ttl), record->ttl);
    }
    if (rcode == rcodeNoError && *answers > 0)
        return smallest;

    for (unsigned i = 0; i < *authorities; ++i) {
        const auto record = readRecord(reader);
        if (!record)
            return std::nullopt;
        if (record->type != typeSoa)
            continue;
        const auto minimum = soaMinimum(message, *record);
        if (!minimum)
            return std::nullopt;
        return std::min(record->ttl, *minimum);
    }
    return std::nullopt;
}

} // namespace postwr::mail
