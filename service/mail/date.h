#pragma once

#include <ctime>
#include <string>

namespace postwr::mail {

// An RFC 5322 §3.3 date-time in UTC, e.g. "Sat, 28 Nov 2026 10:02:45 +0000".
// Names are English whatever the locale, as the RFC requires.
std::string rfc5322Date(std::time_t time);

// For people reading a command's output, in UTC: "2026-11-28", and
// "2026-11-28 10:02 UTC".
std::string isoDate(std::time_t time);
std::string isoMinute(std::time_t time);

} // namespace postwr::mail
