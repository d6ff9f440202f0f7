#include "daemon/log.h"

#include <unistd.h>

#include <mutex>

namespace postwr::daemon::log {

namespace {

bool needsQuotes(std::string_view value)
{
    if (value.empty())
        return true;
    for (char c : value) {
        if (c == ' ' || c == '"' || c == '=' || c == '\\' || static_cast<unsigned char>(c) < 0x20)
            return true;
    }
    return false;
}

void appendValue(std::string &line, std::string_view value)
{
    if (!needsQuotes(value)) {
        line += value;
        return;
    }
    line += '"';
    for (char c : value) {
        if (c == '"' || c == '\\') {
            line += '\\';
            line += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            // A client's text must never start a new log line (log injection).
            line += "\\x";
            line += "0123456789abcdef"[(c >> 4) & 0xf];
            line += "0123456789abcdef"[c & 0xf];
        } else {
            line += c;
        }
    }
    line += '"';
}

void write(std::string_view level, std::string_view event, std::initializer_list<Field> fields)
{
    const std::string line = format(level, event, fields) + '\n';
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(STDERR_FILENO, line.data() + done, line.size() - done);
        if (n <= 0)
            return; // Nowhere left to report a logging failure.
        done += static_cast<std::size_t>(n);
    }
}

} // namespace

std::string format(std::string_view level, std::string_view event, std::initializer_list<Field> fields)
{
    std::string line = "level=";
    line += level;
    line += " event=";
    line += event;
    for (const auto &[key, value] : fields) {
        line += ' ';
        line += key;
        line += '=';
        appendValue(line, value);
    }
    return line;
}

void info(std::string_view event, std::initializer_list<Field> fields)
{
    write("info", event, fields);
}

void warning(std::string_view event, std::initializer_list<Field> fields)
{
    write("warning", event, fields);
}

void error(std::string_view event, std::initializer_list<Field> fields)
{
    write("error", event, fields);
}

} // namespace postwr::daemon::log
