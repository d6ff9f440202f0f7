// One line per event on stderr, as key=value pairs, so journald keeps them
// and an operator can follow one message by its id:
//   level=info event=queued id=0A1B2C session=12 from=<a@b.example> rcpts=1 size=1234
// Passwords and message contents never go through here.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace postwr::daemon::log {

using Field = std::pair<std::string_view, std::string_view>;

void info(std::string_view event, std::initializer_list<Field> fields = {});
void warning(std::string_view event, std::initializer_list<Field> fields = {});
void error(std::string_view event, std::initializer_list<Field> fields = {});

// The line that would be written, for tests.
std::string format(std::string_view level, std::string_view event, std::initializer_list<Field> fields);

} // namespace postwr::daemon::log
