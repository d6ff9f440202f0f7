// Reading header fields of a message (RFC 5322 §2.2, §3.6): enough to check
// who a message claims to be from. The message itself is never rewritten here.
#pragma once

#include "mail/address.h"
#include "mail/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace postwr::mail {

struct HeaderField {
    std::string name;  // as written
    std::string value; // unfolded (RFC 5322 §2.2.3), leading whitespace removed
};

// The fields of the header section: everything before the first empty line.
std::vector<HeaderField> parseHeaderSection(std::string_view message);

// Values of every field with this name (case-insensitive).
std::vector<std::string> headerValues(const std::vector<HeaderField> &fields, std::string_view name);

// The addresses of an address-list such as a From: value
// ("Name <a@b.example>, c@d.example"), display names and comments removed.
Result<std::vector<Address>> parseAddressList(std::string_view value);

} // namespace postwr::mail
