// Reads everything postwrd needs from its configuration directory:
//   DIR/postwrd.conf                 the settings (mail/config.h)
//   DIR/domains/<domain>/users       accounts (mail/users.h)
//   DIR/domains/<domain>/aliases     aliases (mail/aliases.h)
//   DIR/domains/<domain>/dkim/S.pem  DKIM signing key of selector S (mail/dkim_key.h)
// A domain is local when its directory exists. Every problem is reported,
// not just the first, as "FILE:LINE:COLUMN: message".
#pragma once

#include "mail/config.h"
#include "mail/directory.h"
#include "mail/dkim_signer.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace postwr::daemon {

struct ConfigDir {
    std::string path;
    mail::Config config;
    std::shared_ptr<const mail::Directory> directory;
    std::shared_ptr<const mail::DkimKeyring> dkimKeys;
};

struct LoadedConfigDir {
    std::optional<ConfigDir> value; // set only when there are no problems
    std::vector<std::string> problems;
};

LoadedConfigDir loadConfigDir(const std::string &dir);

std::string configFilePath(const std::string &dir);
std::string domainDirectory(const std::string &dir, const std::string &domain);
std::string usersFilePath(const std::string &dir, const std::string &domain);
std::string aliasesFilePath(const std::string &dir, const std::string &domain);
std::string dkimDirectory(const std::string &dir, const std::string &domain);

// The local domains: the subdirectories of DIR/domains, sorted.
std::vector<std::string> localDomains(const std::string &dir);
mail::Result<mail::DkimKey> loadDkimKey(const std::string &dir, const std::string &domain, const std::string &selector);

} // namespace postwr::daemon
