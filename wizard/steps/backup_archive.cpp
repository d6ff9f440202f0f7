#include "steps/backup_archive.h"

#include "mail/backup_layout.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <memory>

namespace postwr::steps {

namespace {

constexpr qint64 maxFileSize = 16 << 20;
constexpr qint64 maxTotalSize = 256 << 20;
constexpr std::size_t maxFiles = 10000;

struct ArchiveDeleter {
    void operator()(archive *a) const { archive_free(a); }
};
struct EntryDeleter {
    void operator()(archive_entry *e) const { archive_entry_free(e); }
};

QString folderOf(const QString &path)
{
    QString name = QFileInfo(path).fileName();
    for (const QString &suffix : { QStringLiteral(".tar.gz"), QStringLiteral(".tgz") })
        if (name.endsWith(suffix))
            name.chop(suffix.size());
    return name;
}

QString archiveError(archive *a)
{
    const char *text = archive_error_string(a);
    return text ? QString::fromLocal8Bit(text) : BackupArchive::tr("unknown error");
}

} // namespace

wizard::Status writeBackupArchive(const QString &path, const std::vector<mail::BackupFile> &files)
{
    // Written next to the target and renamed: an archive is whole or absent.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return wizard::Failure { BackupArchive::tr("Cannot write %1: %2").arg(path, file.errorString()) };
    std::unique_ptr<archive, ArchiveDeleter> out(archive_write_new());
    archive_write_add_filter_gzip(out.get());
    archive_write_set_format_pax_restricted(out.get());
    QByteArray data;
    const auto append = [](archive *, void *buffer, const void *bytes, size_t size) -> la_ssize_t {
        static_cast<QByteArray *>(buffer)->append(static_cast<const char *>(bytes), static_cast<qsizetype>(size));
        return static_cast<la_ssize_t>(size);
    };
    if (archive_write_open(out.get(), &data, nullptr, append, nullptr) != ARCHIVE_OK)
        return wizard::Failure { BackupArchive::tr("Cannot make %1: %2").arg(path, archiveError(out.get())) };
    const QString folder = folderOf(path);
    const time_t now = QDateTime::currentSecsSinceEpoch();
    for (const mail::BackupFile &backupFile : files) {
        std::unique_ptr<archive_entry, EntryDeleter> entry(archive_entry_new());
        const QByteArray name = (folder + QLatin1Char('/') + QString::fromStdString(backupFile.path)).toUtf8();
        archive_entry_set_pathname(entry.get(), name.constData());
        archive_entry_set_size(entry.get(), static_cast<la_int64_t>(backupFile.content.size()));
        archive_entry_set_filetype(entry.get(), AE_IFREG);
        archive_entry_set_perm(entry.get(), 0600);
        archive_entry_set_mtime(entry.get(), now, 0);
        if (archive_write_header(out.get(), entry.get()) != ARCHIVE_OK
            || archive_write_data(out.get(), backupFile.content.data(), backupFile.content.size())
                != static_cast<la_ssize_t>(backupFile.content.size()))
            return wizard::Failure { BackupArchive::tr("Cannot make %1: %2").arg(path, archiveError(out.get())) };
    }
    if (archive_write_close(out.get()) != ARCHIVE_OK)
        return wizard::Failure { BackupArchive::tr("Cannot make %1: %2").arg(path, archiveError(out.get())) };
    if (file.write(data) != data.size() || !file.commit())
        return wizard::Failure { BackupArchive::tr("Cannot write %1: %2").arg(path, file.errorString()) };
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return wizard::Done {};
}

wizard::Result<std::vector<mail::BackupFile>> readBackupArchive(const QString &path)
{
    std::unique_ptr<archive, ArchiveDeleter> in(archive_read_new());
    archive_read_support_filter_gzip(in.get());
    archive_read_support_format_tar(in.get());
    const QByteArray localPath = QFile::encodeName(path);
    if (archive_read_open_filename(in.get(), localPath.constData(), 64 * 1024) != ARCHIVE_OK)
        return wizard::Failure { BackupArchive::tr("Cannot open %1: %2").arg(path, archiveError(in.get())) };
    std::vector<mail::BackupFile> files;
    QString folder;
    qint64 total = 0;
    archive_entry *entry = nullptr;
    int status = ARCHIVE_OK;
    while ((status = archive_read_next_header(in.get(), &entry)) == ARCHIVE_OK) {
        const QString name = QString::fromUtf8(archive_entry_pathname_utf8(entry) ? archive_entry_pathname_utf8(entry)
                                                                                  : archive_entry_pathname(entry));
        if (archive_entry_filetype(entry) == AE_IFDIR)
            continue;
        const qsizetype slash = name.indexOf(QLatin1Char('/'));
        const QString top = slash < 0 ? QString() : name.left(slash);
        const QString inside = slash < 0 ? name : name.mid(slash + 1);
        if (folder.isNull())
            folder = top;
        if (archive_entry_filetype(entry) != AE_IFREG || top != folder || top.isEmpty()
            || !mail::isSafeBackupPath(inside.toStdString()))
            return wizard::Failure { BackupArchive::tr("%1 is not a Postwr backup: it holds \"%2\", which a backup "
                                                       "never does.").arg(path, name) };
        const la_int64_t size = archive_entry_size(entry);
        total += size;
        if (size < 0 || size > maxFileSize || total > maxTotalSize || files.size() == maxFiles)
            return wizard::Failure { BackupArchive::tr("%1 is not a Postwr backup: it is far too large.").arg(path) };
        std::string content(static_cast<std::size_t>(size), '\0');
        for (std::size_t got = 0; got < content.size();) {
            const la_ssize_t read = archive_read_data(in.get(), content.data() + got, content.size() - got);
            if (read <= 0)
                return wizard::Failure { BackupArchive::tr("Cannot read %1: %2").arg(path, archiveError(in.get())) };
            got += static_cast<std::size_t>(read);
        }
        files.push_back({ inside.toStdString(), std::move(content) });
    }
    if (status != ARCHIVE_EOF)
        return wizard::Failure { BackupArchive::tr("Cannot read %1: %2").arg(path, archiveError(in.get())) };
    const bool hasConfig = std::any_of(files.begin(), files.end(), [](const mail::BackupFile &f) { return f.path == "postwrd.conf"; });
    if (!hasConfig)
        return wizard::Failure { BackupArchive::tr("%1 is not a Postwr backup: it has no postwrd.conf.").arg(path) };
    return files;
}

} // namespace postwr::steps
