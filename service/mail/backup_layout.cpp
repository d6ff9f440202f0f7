#include "mail/backup_layout.h"

#include <fnmatch.h>

#include <array>

namespace postwr::mail {

namespace {

// Patterns as .gitignore anchors them at the directory's root; `*` stops at
// a slash (fnmatch with FNM_PATHNAME, like git).
constexpr std::array<const char *, 6> secretPatterns = {
    "domains/*/users",
    "domains/*/dkim/*.pem",
    "tls/*.key",
    "tls/key.pem",
    "tls/names/*.key",
    "srs.key",
};

constexpr std::array<const char *, 2> leftoverPatterns = {
    "*.previous", // the install step's copy of the configuration it replaced
    "*.tmp.*",    // a write in progress (daemon/safeio.h)
};

bool matchesAny(std::string_view path, const auto &patterns)
{
    const std::string text(path);
    for (const char *pattern : patterns)
        if (::fnmatch(pattern, text.c_str(), FNM_PATHNAME) == 0)
            return true;
    return false;
}

std::string encryptedPrefix()
{
    return std::string(backupEncryptedDir) + "/";
}

} // namespace

bool isBackupSecret(std::string_view path)
{
    return matchesAny(path, secretPatterns);
}

std::string encryptedPathOf(std::string_view secretPath)
{
    return encryptedPrefix() + std::string(secretPath);
}

std::string secretPathOf(std::string_view encryptedPath)
{
    const std::string prefix = encryptedPrefix();
    if (!encryptedPath.starts_with(prefix) || encryptedPath.size() == prefix.size())
        return {};
    return std::string(encryptedPath.substr(prefix.size()));
}

bool isSafeBackupPath(std::string_view path)
{
    if (path.empty() || path.front() == '/' || path.size() > 1024)
        return false;
    std::size_t start = 0;
    bool first = true;
    while (start <= path.size()) {
        std::size_t end = path.find('/', start);
        if (end == std::string_view::npos)
            end = path.size();
        const std::string_view part = path.substr(start, end - start);
        if (part.empty() || part == "." || part == ".." || (first && part == ".git"))
            return false;
        for (char c : part)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f || c == '\\')
                return false;
        first = false;
        start = end + 1;
    }
    return !(path == backupSshDir || path.starts_with(std::string(backupSshDir) + "/"));
}

std::string backupGitignore(bool encrypted)
{
    std::string out = "# Written by postwrd: what the backup of this directory leaves out.\n/" +
                      std::string(backupSshDir) + "/\n/" + std::string(backupCloneDir) + "/\n";
    for (const char *pattern : leftoverPatterns)
        out += std::string(pattern) + "\n";
    if (encrypted) {
        out += "# Secrets: only their encrypted copies under /" + std::string(backupEncryptedDir) + "/ are kept.\n";
        for (const char *pattern : secretPatterns)
            out += "/" + std::string(pattern) + "\n";
    }
    return out;
}

} // namespace postwr::mail
