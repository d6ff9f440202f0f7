#include "mail/date.h"

#include <cstdio>
#include <ctime>

namespace postwr::mail {

std::string rfc5322Date(std::time_t time)
{
    static constexpr const char *days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr const char *months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                             "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm tm{};
    gmtime_r(&time, &tm);
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
                  months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
    return buffer;
}

namespace {

std::tm utcParts(std::time_t time)
{
    std::tm tm{};
    gmtime_r(&time, &tm);
    return tm;
}

} // namespace

std::string isoDate(std::time_t time)
{
    const std::tm tm = utcParts(time);
    char buffer[40] = {};
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d", &tm);
    return buffer;
}

std::string isoMinute(std::time_t time)
{
    const std::tm tm = utcParts(time);
    char buffer[40] = {};
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
    return buffer;
}

} // namespace postwr::mail
