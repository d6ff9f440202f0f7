// A private key file for "publickey" login, with the reasons it cannot be
// used told apart: unreadable, passphrase missing, passphrase wrong, not a key.
#pragma once

#include "result.h"

#include <QString>
#include <memory>

struct ssh_key_struct;

namespace postwr::remote {

struct KeyDeleter {
    void operator()(ssh_key_struct *key) const;
};
using PrivateKey = std::unique_ptr<ssh_key_struct, KeyDeleter>;

wizard::Result<PrivateKey> loadPrivateKey(const QString &path, const QString &passphrase);

} // namespace postwr::remote
