// The reflector, the test mail's self-check: a message an authenticated user
// sends to postwr-reflector@<one of the local domains> is not delivered;
// postwrd checks it the way a receiver on the internet would (SPF for the
// addresses of its own host name, the DKIM signatures against the DNS,
// DMARC alignment) and logs the verdict, which the wizard's report reads.
// Nobody else can use it: from the internet the address is unknown.
#pragma once

#include <string_view>

namespace postwr::mail {

inline constexpr std::string_view reflectorLocalPart = "postwr-reflector";

// "postwr-reflector@DOMAIN", in any case.
bool isReflectorAddress(std::string_view address);

} // namespace postwr::mail
