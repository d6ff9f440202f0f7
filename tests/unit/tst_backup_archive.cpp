// The backup as a .tar.gz on the desktop: what is written must read back
// byte for byte and stay private to the user, and an archive someone else
// made must be refused, naming it, before restore sends a single file on.
#include "steps/backup_archive.h"
#include "steps/backup_step.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <archive.h>
#include <archive_entry.h>
#include <memory>

using namespace postwr::steps;
using postwr::mail::BackupFile;

namespace {

struct Entry {
    QByteArray name;
    mode_t type;
    QByteArray content; // the target, for a symbolic link
};

Entry regularFile(const QByteArray &name, const QByteArray &content = "x\n")
{
    return { name, AE_IFREG, content };
}

// A .tar.gz as any tool could make it, with nothing checked.
bool writeTarGz(const QString &path, const QList<Entry> &entries)
{
    std::unique_ptr<archive, decltype(&archive_write_free)> out(
        archive_write_new(), &archive_write_free);
    if (archive_write_add_filter_gzip(out.get()) != ARCHIVE_OK
        || archive_write_set_format_pax_restricted(out.get()) != ARCHIVE_OK
        || archive_write_open_filename(out.get(), QFile::encodeName(path).constData())
            != ARCHIVE_OK)
        return false;
    for (const Entry &e : entries) {
        std::unique_ptr<archive_entry, decltype(&archive_entry_free)> entry(
            archive_entry_new(), &archive_entry_free);
        archive_entry_set_pathname(entry.get(), e.name.constData());
        archive_entry_set_filetype(entry.get(), e.type);
        archive_entry_set_perm(entry.get(), e.type == AE_IFDIR ? 0700 : 0600);
        const bool hasData = e.type == AE_IFREG;
        if (e.type == AE_IFLNK)
            archive_entry_set_symlink(entry.get(), e.content.constData());
        archive_entry_set_size(entry.get(), hasData ? e.content.size() : 0);
        if (archive_write_header(out.get(), entry.get()) != ARCHIVE_OK)
            return false;
        if (hasData
            && archive_write_data(
                   out.get(), e.content.constData(), static_cast<size_t>(e.content.size()))
                != e.content.size())
            return false;
    }
    return archive_write_close(out.get()) == ARCHIVE_OK;
}

QList<QPair<QByteArray, QByteArray>> pairs(const std::vector<BackupFile> &files)
{
    QList<QPair<QByteArray, QByteArray>> out;
    for (const BackupFile &file : files)
        out.append(
            { QByteArray::fromStdString(file.path), QByteArray::fromStdString(file.content) });
    return out;
}

QStringList entryNames(const QString &path)
{
    std::unique_ptr<archive, decltype(&archive_read_free)> in(
        archive_read_new(), &archive_read_free);
    archive_read_support_filter_gzip(in.get());
    archive_read_support_format_tar(in.get());
    QStringList names;
    if (archive_read_open_filename(in.get(), QFile::encodeName(path).constData(), 64 * 1024)
        != ARCHIVE_OK)
        return names;
    archive_entry *entry = nullptr;
    while (archive_read_next_header(in.get(), &entry) == ARCHIVE_OK)
        names.append(QString::fromUtf8(archive_entry_pathname(entry)));
    return names;
}

const QList<Entry> kValid = {
    { "postwr-backup-example.org-2026-11-29/", AE_IFDIR, {} },
    regularFile(
        "postwr-backup-example.org-2026-11-29/postwrd.conf", "hostname = mail.example.org\n"),
    { "postwr-backup-example.org-2026-11-29/domains/", AE_IFDIR, {} },
    regularFile(
        "postwr-backup-example.org-2026-11-29/domains/example.org/aliases", "postmaster: alice\n"),
};

} // namespace

Q_DECLARE_METATYPE(Entry)

class BackupArchiveTest : public QObject {
    Q_OBJECT

private slots:
    void archiveName()
    {
        QCOMPARE(backupArchiveName(QStringLiteral("example.org"), QDate(2026, 11, 29)),
            QStringLiteral("postwr-backup-example.org-2026-11-29.tar.gz"));
    }

    void roundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path
            = dir.filePath(backupArchiveName(QStringLiteral("example.org"), QDate(2026, 11, 29)));
        const std::vector<BackupFile> files = {
            { "postwrd.conf", "hostname = mail.example.org\n" },
            { "domains/example.org/aliases", "" },
            { "backup/encrypted/domains/example.org/users",
                std::string("postwr-encrypted v1\n\0\x01\xfe\xff\n", 25) },
        };
        const auto written = writeBackupArchive(path, files);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.failure().message));

        // One folder named like the archive, so that unpacking it by hand makes no mess.
        const QStringList names = entryNames(path);
        QCOMPARE(names.size(), 3);
        for (const QString &name : names)
            QVERIFY2(name.startsWith(QLatin1String("postwr-backup-example.org-2026-11-29/")),
                qPrintable(name));

        const auto read = readBackupArchive(path);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.failure().message));
        QCOMPARE(pairs(*read), pairs(files));
    }

    void writtenForTheOwnerOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("backup.tar.gz"));
        QVERIFY(writeBackupArchive(path, { { "postwrd.conf", "x\n" } }).ok());
        const QFileDevice::Permissions everyone = QFileDevice::ReadOwner | QFileDevice::WriteOwner
            | QFileDevice::ExeOwner | QFileDevice::ReadGroup | QFileDevice::WriteGroup
            | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
            | QFileDevice::ExeOther;
        QCOMPARE(QFileInfo(path).permissions() & everyone,
            QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void readsAHandMadeArchive()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("by-hand.tar.gz"));
        QVERIFY(writeTarGz(path, kValid));
        const auto read = readBackupArchive(path);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.failure().message));
        const QList<QPair<QByteArray, QByteArray>> expected = {
            { "postwrd.conf", "hostname = mail.example.org\n" },
            { "domains/example.org/aliases", "postmaster: alice\n" },
        };
        QCOMPARE(pairs(*read), expected);
    }

    void refusesHostileArchives_data()
    {
        QTest::addColumn<QList<Entry>>("entries");
        QTest::addColumn<QString>("reason"); // besides the archive's path

        const QByteArray folder = "postwr-backup-example.org-2026-11-29/";
        QTest::newRow("a name climbing out")
            << (kValid + QList<Entry> { regularFile(folder + "../evil") })
            << QStringLiteral("holds \"%1../evil\"").arg(QLatin1String(folder));
        QTest::newRow("a file outside the folder")
            << (kValid + QList<Entry> { regularFile("stray.conf") })
            << QStringLiteral("holds \"stray.conf\"");
        QTest::newRow("a file alone, without a folder")
            << QList<Entry> { regularFile("postwrd.conf") }
            << QStringLiteral("holds \"postwrd.conf\"");
        QTest::newRow("an absolute name")
            << (kValid + QList<Entry> { regularFile("/etc/cron.d/evil") })
            << QStringLiteral("holds \"/etc/cron.d/evil\"");
        QTest::newRow("a second top folder")
            << (kValid + QList<Entry> { regularFile("other/domains/example.org/users") })
            << QStringLiteral("holds \"other/domains/example.org/users\"");
        QTest::newRow("a symbolic link")
            << (kValid + QList<Entry> { { folder + "tls/key.pem", AE_IFLNK, "/etc/shadow" } })
            << QStringLiteral("holds \"%1tls/key.pem\"").arg(QLatin1String(folder));
        QTest::newRow("the deploy key")
            << (kValid + QList<Entry> { regularFile(folder + "backup/ssh/id_ed25519") })
            << QStringLiteral("holds \"%1backup/ssh/id_ed25519\"").arg(QLatin1String(folder));
        QTest::newRow("no postwrd.conf")
            << QList<Entry> { kValid[2], kValid[3] } << QStringLiteral("has no postwrd.conf");
    }

    void refusesHostileArchives()
    {
        QFETCH(QList<Entry>, entries);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("hostile.tar.gz"));
        QVERIFY(writeTarGz(path, entries));
        const auto read = readBackupArchive(path);
        QVERIFY(!read.ok());
        QVERIFY2(read.failure().message.contains(path), qPrintable(read.failure().message));
        QVERIFY2(read.failure().message.contains(reason), qPrintable(read.failure().message));
    }

    void refusesWhatIsNoArchive_data()
    {
        QTest::addColumn<QByteArray>("content");

        QTest::newRow("text")
            << QByteArray("postwr-backup-files v1\nfile aGk= postwrd.conf\nend\n").repeated(40);
        QTest::newRow("gzip magic, then junk") << QByteArray("\x1f\x8b\x08\x00junk junk junk", 18);
        QTest::newRow("empty") << QByteArray();
    }

    void refusesWhatIsNoArchive()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("notes.tar.gz"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(content), content.size());
        file.close();
        const auto read = readBackupArchive(path);
        QVERIFY(!read.ok());
        QVERIFY2(read.failure().message.contains(path), qPrintable(read.failure().message));
    }

    void refusesAMissingFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("absent.tar.gz"));
        const auto read = readBackupArchive(path);
        QVERIFY(!read.ok());
        QVERIFY2(read.failure().message.contains(path), qPrintable(read.failure().message));
    }
};

QTEST_GUILESS_MAIN(BackupArchiveTest)
#include "tst_backup_archive.moc"
