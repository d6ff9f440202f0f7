#include "daemon/safeio.h"
#include "daemon/spool.h"

#include <QtTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <string>
#include <thread>

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

Envelope envelopeFor(const std::string &id)
{
    Envelope envelope;
    envelope.id = id;
    envelope.from = "alice@example.org";
    envelope.recipients = {"bob@example.net"};
    envelope.clientAddress = "192.0.2.7";
    envelope.heloName = "client.example.org";
    envelope.receivedAt = 1700000000;
    return envelope;
}

const std::string message = "Received: from client.example.org\r\nSubject: test\r\n\r\nHello\r\n";

// Spool::open() as an unprivileged user: root may write anywhere, so when
// the test runs as root a child process drops to nobody first.
std::string openErrorAsUnprivileged(const std::string &dir)
{
    if (::geteuid() != 0) {
        const auto spool = Spool::open(dir);
        return spool.ok() ? std::string("opened") : spool.error().message;
    }
    int fds[2];
    if (::pipe(fds) != 0)
        return "pipe failed";
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        std::string result = "cannot drop privileges";
        if (::setgid(65534) == 0 && ::setuid(65534) == 0) {
            const auto spool = Spool::open(dir);
            result = spool.ok() ? std::string("opened") : spool.error().message;
        }
        const ssize_t written = ::write(fds[1], result.data(), result.size());
        ::_exit(written == static_cast<ssize_t>(result.size()) ? 0 : 1);
    }
    ::close(fds[1]);
    std::string result;
    char buffer[512];
    ssize_t n = 0;
    while ((n = ::read(fds[0], buffer, sizeof buffer)) > 0)
        result.append(buffer, static_cast<std::size_t>(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    return result;
}

} // namespace

class TestSpool : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { clearWriteFaultForTesting(); }

    void openCreatesThePrivateLayout()
    {
        QTemporaryDir root;
        const std::string dir = str(root.filePath("var/spool/postwr"));
        const auto spool = Spool::open(dir);
        QVERIFY2(spool.ok(), spool.ok() ? "" : spool.error().message.c_str());
        QCOMPARE(spool->directory(), dir);
        QCOMPARE(entries(QString::fromStdString(dir)), (QStringList{"corrupt", "queue", "state", "tmp"}));
        for (const char *sub : {"", "/tmp", "/queue", "/corrupt"}) {
            struct stat info {};
            QCOMPARE(::stat((dir + sub).c_str(), &info), 0);
            QCOMPARE(info.st_mode & 07777, mode_t{0700});
        }
        QVERIFY(spool->list().empty());
    }

    void enqueuedMessagesLoadBack()
    {
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        const Envelope envelope = envelopeFor(spool->newId());
        QVERIFY(spool->enqueue(envelope, message).ok());

        QCOMPARE(spool->list(), std::vector<std::string>{envelope.id});
        const auto loaded = spool->load(envelope.id);
        QVERIFY(loaded.ok());
        QVERIFY(loaded->envelope == envelope);
        QCOMPARE(loaded->message, message);
        QVERIFY2(entries(root.filePath("tmp")).isEmpty(), "nothing is left in tmp/");

        const auto reopened = Spool::open(str(root.path()));
        QVERIFY(reopened.ok());
        QCOMPARE(reopened->list(), std::vector<std::string>{envelope.id});
    }

    void listIsOldestFirst()
    {
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        std::vector<std::string> ids;
        for (int i = 0; i < 5; ++i)
            ids.push_back(spool->newId());
        for (auto id = ids.rbegin(); id != ids.rend(); ++id)
            QVERIFY(spool->enqueue(envelopeFor(*id), message).ok());
        QCOMPARE(spool->list(), ids);
    }

    void removeForgetsTheMessage()
    {
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        const std::string id = spool->newId();
        QVERIFY(spool->enqueue(envelopeFor(id), message).ok());
        QVERIFY(spool->remove(id).ok());
        QVERIFY(spool->list().empty());
        QVERIFY(entries(root.filePath("queue")).isEmpty());

        const Status again = spool->remove(id);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().message,
                 "cannot remove " + str(root.filePath("queue/")) + id + ": No such file or directory");
    }

    void removeDeliveredForgetsTheMessageAndItsState()
    {
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        const std::string id = spool->newId();
        QVERIFY(spool->enqueue(envelopeFor(id), message).ok());
        QVERIFY(spool->saveState(id, "attempts 1\n").ok());
        const std::uint64_t flushes = spool->filesystemFlushes();
        QVERIFY(spool->removeDelivered(id).ok());
        QVERIFY(!spool->contains(id));
        QVERIFY(entries(root.filePath("queue")).isEmpty());
        QVERIFY(entries(root.filePath("state")).isEmpty());
        // The removal waits for the next flush of anything else.
        QCOMPARE(spool->filesystemFlushes(), flushes);

        const Status again = spool->removeDelivered(id);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().message,
                 "cannot remove " + str(root.filePath("queue/")) + id + ": No such file or directory");
    }

    void damagedFilesAreNotLoadedAndCanBeQuarantined_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error");
        const std::string good = postwr::mail::serializeQueueFile(envelopeFor("X1"), message);
        QTest::newRow("a file cut short by a crash")
            << QByteArray::fromStdString(good.substr(0, good.size() - 3))
            << QStringLiteral("truncated queue file: message has %1 of %2 bytes")
                   .arg(message.size() - 3)
                   .arg(message.size());
        std::string flipped = good;
        flipped[flipped.size() - 2] = 'X';
        QTest::newRow("a file damaged on disk")
            << QByteArray::fromStdString(flipped) << QStringLiteral("corrupt queue file: checksum mismatch");
        QTest::newRow("an empty file") << QByteArray()
                                       << QStringLiteral("1: truncated queue file: header ends early");
    }

    void damagedFilesAreNotLoadedAndCanBeQuarantined()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        const std::string path = str(root.filePath("queue/X1"));
        QVERIFY(writeFileAtomically(path, content.toStdString()).ok());

        QCOMPARE(spool->list(), std::vector<std::string>{"X1"});
        const auto loaded = spool->load("X1");
        QVERIFY(!loaded.ok());
        QCOMPARE(QString::fromStdString(loaded.error().message),
                 QStringLiteral("queue file %1: %2").arg(QString::fromStdString(path), error));

        QVERIFY(spool->quarantine("X1", loaded.error().message).ok());
        QVERIFY(spool->list().empty());
        QCOMPARE(entries(root.filePath("corrupt")), (QStringList{"X1", "X1.reason"}));
        QCOMPARE(*readFile(str(root.filePath("corrupt/X1"))), content.toStdString());
        QCOMPARE(*readFile(str(root.filePath("corrupt/X1.reason"))), loaded.error().message + "\n");
        QVERIFY(entries(root.filePath("tmp")).isEmpty());
    }

    void aFileUnderAnotherIdIsNotLoaded()
    {
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        const std::string other = postwr::mail::serializeQueueFile(envelopeFor("Other"), message);
        QVERIFY(writeFileAtomically(str(root.filePath("queue/Mine")), other).ok());
        const auto loaded = spool->load("Mine");
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().message, "queue file " + str(root.filePath("queue/Mine")) + " holds queue id Other");
    }

    void badIdsAreRefused_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("a path that climbs out of the spool") << QStringLiteral("../../etc/passwd");
        QTest::newRow("an empty id") << QString();
        QTest::newRow("a hidden name") << QStringLiteral(".postwr-write-probe");
    }

    void badIdsAreRefused()
    {
        QFETCH(QString, id);
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        const std::string expected = "bad queue id \"" + str(id) + "\"";
        QCOMPARE(spool->enqueue(envelopeFor(str(id)), message).error().message, expected);
        QCOMPARE(spool->load(str(id)).error().message, expected);
        QCOMPARE(spool->remove(str(id)).error().message, expected);
        QCOMPARE(spool->quarantine(str(id), "why").error().message, expected);
        QVERIFY(entries(root.filePath("queue")).isEmpty());
    }

    void anIdIsNeverReplaced()
    {
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        QVERIFY(spool->enqueue(envelopeFor("Same"), message).ok());
        const Status second = spool->enqueue(envelopeFor("Same"), "another message\r\n");
        QVERIFY(!second.ok());
        QCOMPARE(second.error().message,
                 "cannot move a message into the queue as " + str(root.filePath("queue/Same")) + ": File exists");
        QCOMPARE(spool->load("Same")->message, message);
        QVERIFY(entries(root.filePath("tmp")).isEmpty());
    }

    void openRemovesCrashLeftovers()
    {
        QTemporaryDir root;
        std::string id;
        {
            auto spool = Spool::open(str(root.path()));
            QVERIFY(spool.ok());
            id = spool->newId();
            QVERIFY(spool->enqueue(envelopeFor(id), message).ok());
        }
        QVERIFY(writeFileAtomically(str(root.filePath("tmp/ABC.tmp.1.0")), "half a mess").ok());
        QVERIFY(writeFileAtomically(str(root.filePath("tmp/ABC.tmp.1.1")), "").ok());

        const auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        QVERIFY(entries(root.filePath("tmp")).isEmpty());
        QCOMPARE(spool->list(), std::vector<std::string>{id});
    }

    void aFailedWriteQueuesNothing()
    {
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        setWriteFaultForTesting({20, false});
        const Status status = spool->enqueue(envelopeFor(spool->newId()), message);
        clearWriteFaultForTesting();
        QVERIFY(!status.ok());
        QVERIFY(status.error().message.ends_with(": Input/output error"));
        QVERIFY(spool->list().empty());
        QVERIFY(entries(root.filePath("queue")).isEmpty());
        QVERIFY(entries(root.filePath("tmp")).isEmpty());
    }

    void aReadOnlySpoolRefusesToOpen()
    {
        QTemporaryDir root;
        const std::string dir = str(root.filePath("spool"));
        QVERIFY(makeDirectories(dir, 0755).ok());
        QCOMPARE(::chmod(str(root.path()).c_str(), 0755), 0);
        QCOMPARE(::chmod(dir.c_str(), 0555), 0);
        QCOMPARE(openErrorAsUnprivileged(dir), "spool directory " + dir + " is not writable: Permission denied");
    }

    void aFileInPlaceOfTheSpoolRefusesToOpen()
    {
        QTemporaryDir root;
        const std::string dir = str(root.filePath("spool"));
        QVERIFY(writeFileAtomically(dir, "").ok());
        const auto spool = Spool::open(dir);
        QVERIFY(!spool.ok());
        QCOMPARE(spool.error().message, "cannot create directory " + dir + ": Not a directory");
    }

    void concurrentEnqueuesAreAllDurableAndShareFsyncs()
    {
        QTemporaryDir root;
        auto spool = Spool::open(str(root.path()));
        QVERIFY(spool.ok());
        // The count is the filesystem's, shared with the other tests here.
        const std::uint64_t flushesBefore = spool->filesystemFlushes();
        constexpr int threads = 8;
        constexpr int perThread = 50;
        std::vector<std::vector<std::string>> ids(threads);
        std::vector<int> failures(threads, 0);
        {
            std::vector<std::jthread> workers;
            for (int t = 0; t < threads; ++t) {
                workers.emplace_back([&, t] {
                    for (int i = 0; i < perThread; ++i) {
                        Envelope envelope = envelopeFor(spool->newId());
                        envelope.recipients = {"thread" + std::to_string(t) + "@example.org"};
                        if (spool->enqueue(envelope, message + std::to_string(i)).ok())
                            ids[static_cast<std::size_t>(t)].push_back(envelope.id);
                        else
                            ++failures[static_cast<std::size_t>(t)];
                    }
                });
            }
        }
        std::set<std::string> all;
        for (int t = 0; t < threads; ++t) {
            QCOMPARE(failures[static_cast<std::size_t>(t)], 0);
            all.insert(ids[static_cast<std::size_t>(t)].begin(), ids[static_cast<std::size_t>(t)].end());
        }
        QCOMPARE(all.size(), std::size_t{threads * perThread});

        const std::vector<std::string> listed = spool->list();
        QCOMPARE(listed, std::vector<std::string>(all.begin(), all.end()));
        for (const std::string &id : listed)
            QVERIFY2(spool->load(id).ok(), id.c_str());
        // Each thread's ids were made in order, so they list in that order.
        for (const auto &own : ids)
            QVERIFY(std::is_sorted(own.begin(), own.end()));

        const std::uint64_t syncs = spool->filesystemFlushes() - flushesBefore;
        qInfo("%d enqueues shared %llu flushes of the filesystem", threads * perThread,
              static_cast<unsigned long long>(syncs));
        QVERIFY(syncs >= 1);
        QVERIFY(syncs <= std::uint64_t{threads * perThread});
        QVERIFY(entries(root.filePath("tmp")).isEmpty());
    }
};

QTEST_APPLESS_MAIN(TestSpool)
#include "tst_spool.moc"
