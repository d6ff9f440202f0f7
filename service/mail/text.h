// Small string helpers shared by the parsers. ASCII only on purpose: the
// protocols compare keywords and domains in ASCII case-insensitively.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

std::string_view trim(std::string_view text);
std::string toLowerAscii(std::string_view text);
bool equalsIgnoreCase(std::string_view a, std::string_view b);
bool startsWithIgnoreCase(std::string_view text, std::string_view prefix);
std::vector<std::string_view> split(std::string_view text, char separator);

} // namespace postwr::mail
