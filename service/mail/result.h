// Errors are values: a Result<T> holds either a T or an Error with a message
// a user can act on (and, for file formats, where the problem is).
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace postwr::mail {

struct Error {
    std::string message;
    // Where the problem is, for file formats; 0 when it does not apply.
    int line = 0;
    int column = 0;
    // The errno of a failed system call, 0 otherwise: some callers answer
    // differently when it is, say, ENOSPC.
    int errorNumber = 0;

    // "file:line:column: message", leaving out what is unknown.
    std::string describe(const std::string &file = {}) const
    {
        std::string out = file;
        if (line > 0) {
            out += (out.empty() ? "" : ":") + std::to_string(line);
            if (column > 0)
                out += ":" + std::to_string(column);
        }
        return out.empty() ? message : out + ": " + message;
    }
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Error error) : m_value(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

// For operations that return nothing but can fail.
struct Ok {};
using Status = Result<Ok>;

} // namespace postwr::mail
