#include "mail/reflector.h"

#include "mail/text.h"

namespace postwr::mail {

bool isReflectorAddress(std::string_view address)
{
    const std::size_t at = address.rfind('@');
    return at != std::string_view::npos && equalsIgnoreCase(address.substr(0, at), reflectorLocalPart);
}

} // namespace postwr::mail
