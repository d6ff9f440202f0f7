// One queue file per message: the envelope and the message together, so that
// one fsync makes an accepted message durable. The format is described at the
// top of queue_file.cpp.
#pragma once

#include "mail/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct Envelope {
    std::string id;                      // queue id, [A-Za-z0-9] only
    std::string from;                    // reverse-path "local@domain", "" for the null sender <>
    std::vector<std::string> recipients; // final recipients "local@domain", after alias resolution
    std::string authenticatedUser;       // "" when not authenticated
    std::string clientAddress;           // IP literal of the client
    std::string heloName;
    std::int64_t receivedAt = 0;         // unix seconds
    bool smtputf8 = false;
    bool operator==(const Envelope &) const = default;
};

struct QueueFile {
    Envelope envelope;
    std::string message; // byte-exact, CRLF lines as received
};

std::string serializeQueueFile(const Envelope &envelope, std::string_view message);

// Rejects truncated and corrupt files, so a half-written file is never delivered.
Result<QueueFile> parseQueueFile(std::string_view data);

// A queue id that sorts by time as a string and is unique for distinct
// (unixMicros, counter) pairs; `random` keeps ids apart across restarts when
// the clock goes backwards.
std::string newQueueId(std::int64_t unixMicros, std::uint64_t counter, std::uint32_t random);

// True for a non-empty string of [A-Za-z0-9]: safe as a file name.
bool isValidQueueId(std::string_view id);

} // namespace postwr::mail
