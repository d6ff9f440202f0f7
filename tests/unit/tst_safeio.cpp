#include "daemon/safeio.h"

#include <QtTest>

#include <sys/stat.h>

#include <string>

using namespace postwr::daemon;

namespace {

std::string str(const QString &s)
{
    return s.toStdString();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

mode_t modeOf(const std::string &path)
{
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0)
        return 0;
    return info.st_mode & 07777;
}

} // namespace

class TestSafeIo : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { clearWriteFaultForTesting(); }

    void writeCreatesTheFileWithItsMode_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("a private file is 0600") << 0600;
        QTest::newRow("a public file is 0644 whatever the umask") << 0644;
    }

    void writeCreatesTheFileWithItsMode()
    {
        QFETCH(int, mode);
        QTemporaryDir dir;
        const std::string path = str(dir.filePath("postwrd.conf"));
        const mode_t oldUmask = ::umask(077);
        const Status status = writeFileAtomically(path, "listen = 25\n", static_cast<mode_t>(mode));
        ::umask(oldUmask);
        QVERIFY(status.ok());
        QCOMPARE(*readFile(path), std::string("listen = 25\n"));
        QCOMPARE(modeOf(path), static_cast<mode_t>(mode));
        QCOMPARE(entries(dir.path()), QStringList{"postwrd.conf"});
    }

    void writeReplacesTheOldContent()
    {
        QTemporaryDir dir;
        const std::string path = str(dir.filePath("users"));
        QVERIFY(writeFileAtomically(path, "a long first version\n").ok());
        QVERIFY(writeFileAtomically(path, "short\n").ok());
        QCOMPARE(*readFile(path), std::string("short\n"));
        QCOMPARE(entries(dir.path()), QStringList{"users"});
    }

    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile_data()
    {
        QTest::addColumn<qulonglong>("failAfterBytes");
        QTest::addColumn<bool>("failBeforeRename");
        QTest::addColumn<QString>("error");
        QTest::newRow("writing fails before the first byte") << 0ull << false << QStringLiteral("cannot write");
        QTest::newRow("writing fails part-way") << 7ull << false << QStringLiteral("cannot write");
        QTest::newRow("the rename fails after a complete write")
            << ~0ull << true << QStringLiteral("cannot rename a temporary file to");
    }

    void aFailedWriteLeavesTheOldFileAndNoTemporaryFile()
    {
        QFETCH(qulonglong, failAfterBytes);
        QFETCH(bool, failBeforeRename);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const std::string path = str(dir.filePath("aliases"));
        const std::string newPath = str(dir.filePath("new-file"));
        QVERIFY(writeFileAtomically(path, "old content\n").ok());

        setWriteFaultForTesting({static_cast<std::size_t>(failAfterBytes), failBeforeRename});
        const std::string data(100000, 'x');
        const Status replaced = writeFileAtomically(path, data);
        const Status created = writeFileAtomically(newPath, data);
        clearWriteFaultForTesting();

        QVERIFY(!replaced.ok());
        QCOMPARE(QString::fromStdString(replaced.error().message),
                 error + " " + QString::fromStdString(path) + ": Input/output error");
        QVERIFY(!created.ok());
        QCOMPARE(*readFile(path), std::string("old content\n"));
        QCOMPARE(entries(dir.path()), QStringList{"aliases"});
    }

    void writeTempFileWritesIntoTheDirectory()
    {
        QTemporaryDir dir;
        const auto path = writeTempFile(str(dir.path()), "ABC", "data");
        QVERIFY(path.ok());
        QVERIFY(path->starts_with(str(dir.path()) + "/ABC.tmp."));
        QCOMPARE(*readFile(*path), std::string("data"));
        const auto second = writeTempFile(str(dir.path()), "ABC", "more");
        QVERIFY(second.ok());
        QVERIFY(*second != *path);
    }

    void writeTempFileFailureLeavesNothing()
    {
        QTemporaryDir dir;
        setWriteFaultForTesting({3, false});
        const auto path = writeTempFile(str(dir.path()), "ABC", "data");
        clearWriteFaultForTesting();
        QVERIFY(!path.ok());
        QVERIFY(entries(dir.path()).isEmpty());
    }

    void writeIntoAMissingDirectoryNamesThePath()
    {
        QTemporaryDir dir;
        const std::string path = str(dir.filePath("missing/file"));
        const Status status = writeFileAtomically(path, "x");
        QVERIFY(!status.ok());
        QCOMPARE(status.error().message, "cannot create " + path + ": No such file or directory");
    }

    void makeDirectoriesIsMkdirP()
    {
        QTemporaryDir dir;
        const std::string path = str(dir.filePath("a/b//c/"));
        QVERIFY(makeDirectories(path, 0750).ok());
        QVERIFY(QFileInfo(dir.filePath("a/b/c")).isDir());
        QCOMPARE(modeOf(str(dir.filePath("a"))), mode_t{0750});
        QCOMPARE(modeOf(str(dir.filePath("a/b/c"))), mode_t{0750});
        QVERIFY2(makeDirectories(path).ok(), "an existing directory is fine");
        QCOMPARE(modeOf(str(dir.filePath("a/b/c"))), mode_t{0750});
    }

    void makeDirectoriesThroughAFileFails()
    {
        QTemporaryDir dir;
        QVERIFY(writeFileAtomically(str(dir.filePath("file")), "x").ok());
        const Status status = makeDirectories(str(dir.filePath("file/sub")));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().message, "cannot create directory " + str(dir.filePath("file")) + ": Not a directory");
        const Status onFile = makeDirectories(str(dir.filePath("file")));
        QVERIFY(!onFile.ok());
        QCOMPARE(onFile.error().message, "cannot create directory " + str(dir.filePath("file")) + ": Not a directory");
    }

    void readFileErrors()
    {
        QTemporaryDir dir;
        const std::string missing = str(dir.filePath("missing"));
        const auto absent = readFile(missing);
        QVERIFY(!absent.ok());
        QCOMPARE(absent.error().message, "cannot open " + missing + ": No such file or directory");

        const std::string big = str(dir.filePath("big"));
        QVERIFY(writeFileAtomically(big, std::string(200000, 'b')).ok());
        QCOMPARE(readFile(big, 200000)->size(), std::size_t{200000});
        const auto tooBig = readFile(big, 199999);
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().message, "cannot read " + big + ": larger than 199999 bytes");
    }

    void fsyncDirectoryErrors()
    {
        QTemporaryDir dir;
        QVERIFY(fsyncDirectory(str(dir.path())).ok());
        const std::string missing = str(dir.filePath("missing"));
        const Status status = fsyncDirectory(missing);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().message, "cannot open directory " + missing + ": No such file or directory");
    }
};

QTEST_APPLESS_MAIN(TestSafeIo)
#include "tst_safeio.moc"
