// The fuzzer's bytes as a few choices (options, chunk sizes) followed by the
// payload, for the targets that need both. Running out of bytes is never an
// error: a choice then takes 0 and the payload is empty, so every input is a
// valid case.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstdio>
#include <string_view>

namespace postwr::fuzz {

class FuzzInput {
public:
    FuzzInput(const std::uint8_t *data, std::size_t size)
        : m_rest(reinterpret_cast<const char *>(data), size)
    {
    }

    std::uint8_t byte()
    {
        if (m_rest.empty())
            return 0;
        const auto value = static_cast<std::uint8_t>(m_rest.front());
        m_rest.remove_prefix(1);
        return value;
    }

    // Up to the first `separator` (consumed, not returned), or everything.
    std::string_view until(char separator)
    {
        const std::size_t end = m_rest.find(separator);
        const std::string_view part = m_rest.substr(0, end);
        m_rest.remove_prefix(end == std::string_view::npos ? m_rest.size() : end + 1);
        return part;
    }

    std::string_view rest() const { return m_rest; }
    bool empty() const { return m_rest.empty(); }

private:
    std::string_view m_rest;
};

// Cuts a payload into the chunks a network might deliver: lengths from 1 to
// `seed` + 1, varied by a small generator seeded with the same byte, so one
// input byte picks both byte-at-a-time reads and large ones.
class Chunker {
public:
    Chunker(std::string_view payload, std::uint8_t seed) : m_rest(payload), m_max(seed + 1u), m_state(seed | 1u) {}

    bool done() const { return m_rest.empty(); }

    std::string_view next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 17;
        m_state ^= m_state << 5;
        const std::size_t length = 1 + m_state % m_max;
        const std::string_view chunk = m_rest.substr(0, length);
        m_rest.remove_prefix(chunk.size());
        return chunk;
    }

private:
    std::string_view m_rest;
    std::uint32_t m_max;
    std::uint32_t m_state;
};

// A broken invariant: say which, and abort so that libFuzzer (or the replay
// test) records the input as a finding.
[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

inline void require(bool condition, const char *what)
{
    if (!condition)
        fail(what);
}

} // namespace postwr::fuzz
