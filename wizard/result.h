// Errors are values in the wizard too: a Result<T> holds a T or a Failure
// whose message is already translated (tr()) and says what the user can do.
// Secrets never go into a message.
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace postwr::wizard {

struct Failure {
    QString message;
};

template <typename T>
class Result {
public:
    Result(T value) : m_value(std::move(value)) {}
    Result(Failure failure) : m_value(std::move(failure)) {}

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Failure &failure() const { return std::get<Failure>(m_value); }

private:
    std::variant<T, Failure> m_value;
};

struct Done {};
using Status = Result<Done>;

} // namespace postwr::wizard
