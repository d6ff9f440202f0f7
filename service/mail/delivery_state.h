// How far delivery of one queued message has got: kept next to its queue
// file (which is never rewritten) and replaced atomically after each attempt.
// The format is described at the top of delivery_state.cpp.
#pragma once

#include "mail/result.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace postwr::mail {

struct RecipientState {
    enum class Status { Pending, Delivered, Failed };
    Status status = Status::Pending;
    int attempts = 0;
    std::string lastReply; // "451 4.3.0 try later", or a local error
    std::string lastHost; // the host that gave it, "" when none
    bool operator==(const RecipientState &) const = default;
};

struct DeliveryState {
    int attempts = 0;
    std::int64_t nextAttemptAt = 0; // unix seconds
    bool delayWarningSent = false;
    bool bounceSent = false;
    std::map<std::string, RecipientState> recipients; // by recipient "local@domain"
    bool operator==(const DeliveryState &) const = default;
};

std::string serializeDeliveryState(const DeliveryState &state);

// Refuses anything but a complete file of a version we know: a corrupt state
// is reported, never guessed at.
Result<DeliveryState> parseDeliveryState(std::string_view data);

} // namespace postwr::mail
