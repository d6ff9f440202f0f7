// The backup as a file on the desktop: a .tar.gz (libarchive) of the files
// `postwrd backup export` gives, in one folder named like the archive, so
// that unpacking it by hand makes no mess. Secrets inside are as encrypted
// as in the git remote.
#pragma once

#include "mail/backup_files.h"
#include "result.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

namespace postwr::steps {

wizard::Status writeBackupArchive(const QString &path, const std::vector<mail::BackupFile> &files);
// Every entry is checked (a regular file, a safe path inside the one
// folder, not too large) before the files are returned.
wizard::Result<std::vector<mail::BackupFile>> readBackupArchive(const QString &path);

class BackupArchive {
    Q_DECLARE_TR_FUNCTIONS(postwr::steps::BackupArchive)
};

} // namespace postwr::steps
