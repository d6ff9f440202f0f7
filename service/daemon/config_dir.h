// Reads everything postwrd needs from its configuration directory:
//   DIR/postwrd.conf                 the settings (mail/config.h)
//   DIR/domains/<domain>/users       accounts (mail/users.h)
//   DIR/domains/<domain>/aliases     aliases (mail/aliases.h)
// A domain is local when its directory exists. Every problem is reported,
// not just the first, as "FILE:LINE:COLUMN: message".
#pragma once

#include "mail/config.h"
#include "mail/directory.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace postwr::daemon {

struct ConfigDir {
    std::string path;
    mail::Config config;
    std::shared_ptr<const mail::Directory> directory;
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

} // namespace postwr::daemon
