#include "daemon/maildir.h"
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

const std::string queued = "Received: from client.example.org\r\n"
                           "Subject: hello\r\n"
                           "\r\n"
                           "line one\r\n"
                           "line two\r\n";

Status deliver(const QTemporaryDir &root, const std::string &queueId = "Q1",
               const std::string &recipient = "bob@example.net", std::string_view returnPath = "alice@example.org")
{
    return deliverToMaildir(str(root.path()), "example.net", "bob", queueId, recipient, returnPath, queued);
}

} // namespace

class TestMaildir : public QObject {
    Q_OBJECT

private slots:
    void theMessageIsStoredWithReturnPathAndLfLineEnds_data()
    {
        QTest::addColumn<QString>("returnPath");
        QTest::addColumn<QString>("firstLine");
        QTest::newRow("an ordinary sender") << QStringLiteral("alice@example.org")
                                            << QStringLiteral("Return-Path: <alice@example.org>\n");
        QTest::newRow("a bounce from the null sender") << QString() << QStringLiteral("Return-Path: <>\n");
    }

    void theMessageIsStoredWithReturnPathAndLfLineEnds()
    {
        QFETCH(QString, returnPath);
        QFETCH(QString, firstLine);
        QTemporaryDir root;
        QVERIFY(deliver(root, "Q1", "bob@example.net", str(returnPath)).ok());

        const QString maildir = root.filePath("example.net/bob");
        QCOMPARE(entries(maildir), (QStringList{"cur", "new", "tmp"}));
        for (const char *sub : {"/tmp", "/new", "/cur"}) {
            struct stat info {};
            QCOMPARE(::stat(str(maildir + sub).c_str(), &info), 0);
            QCOMPARE(info.st_mode & 07777, mode_t{0700});
        }
        const QString name = QString::fromStdString(maildirFileName("Q1", "bob@example.net"));
        QCOMPARE(entries(maildir + "/new"), QStringList{name});
        QVERIFY(entries(maildir + "/tmp").isEmpty());
        QCOMPARE(*readFile(str(maildir + "/new/" + name)), str(firstLine)
                     + "Delivered-To: bob@example.net\n"
                       "Received: from client.example.org\n"
                       "Subject: hello\n"
                       "\n"
                       "line one\n"
                       "line two\n");
    }

    void theNameFollowsTheMaildirRules()
    {
        const std::string name = maildirFileName("0AbC123", "bob@example.net");
        QVERIFY(name.starts_with("0AbC123."));
        QVERIFY(name.ends_with(".postwr"));
        QCOMPARE(name.size(), std::string("0AbC123..postwr").size() + 16);
        QCOMPARE(name.find_first_of(":/"), std::string::npos);
        QCOMPARE(maildirFileName("0AbC123", "bob@example.net"), name);
        QVERIFY(maildirFileName("0AbC123", "Bob@example.net") != name);
        QVERIFY(maildirFileName("0AbC124", "bob@example.net") != name);
    }

    void aRetryDeliversNoSecondCopy()
    {
        QTemporaryDir root;
        QVERIFY(deliver(root).ok());
        QVERIFY(deliver(root).ok());
        QCOMPARE(entries(root.filePath("example.net/bob/new")).size(), 1);
        QVERIFY(entries(root.filePath("example.net/bob/tmp")).isEmpty());
    }

    void aMessageAlreadyReadIsFoundInCur_data()
    {
        QTest::addColumn<QString>("suffix");
        QTest::newRow("seen, with the info suffix") << QStringLiteral(":2,S");
        QTest::newRow("replied and seen") << QStringLiteral(":2,RS");
        QTest::newRow("moved without flags") << QString();
    }

    void aMessageAlreadyReadIsFoundInCur()
    {
        QFETCH(QString, suffix);
        QTemporaryDir root;
        QVERIFY(deliver(root).ok());
        const QString name = QString::fromStdString(maildirFileName("Q1", "bob@example.net"));
        const QString maildir = root.filePath("example.net/bob");
        QVERIFY(QFile::rename(maildir + "/new/" + name, maildir + "/cur/" + name + suffix));

        QVERIFY(deliver(root).ok());
        QVERIFY(entries(maildir + "/new").isEmpty());
        QCOMPARE(entries(maildir + "/cur"), QStringList{name + suffix});
    }

    void anotherMessageInCurWithTheSamePrefixIsNotAMatch()
    {
        QTemporaryDir root;
        const QString name = QString::fromStdString(maildirFileName("Q1", "bob@example.net"));
        const QString cur = root.filePath("example.net/bob/cur");
        QVERIFY(makeDirectories(str(cur)).ok());
        QVERIFY(writeFileAtomically(str(cur + "/" + name + "x:2,S"), "other").ok());
        QVERIFY(deliver(root).ok());
        QCOMPARE(entries(root.filePath("example.net/bob/new")), QStringList{name});
    }

    void twoRecipientsOfOneMessageGetTwoFiles()
    {
        QTemporaryDir root;
        QVERIFY(deliver(root, "Q1", "bob@example.net").ok());
        QVERIFY(deliver(root, "Q1", "bobby@example.net").ok());
        const QStringList files = entries(root.filePath("example.net/bob/new"));
        QCOMPARE(files.size(), 2);
        QCOMPARE(*readFile(str(root.filePath("example.net/bob/new/")
                               + QString::fromStdString(maildirFileName("Q1", "bobby@example.net")))),
                 std::string("Return-Path: <alice@example.org>\nDelivered-To: bobby@example.net\n"
                             "Received: from client.example.org\nSubject: hello\n\nline one\nline two\n"));
    }

    void mailboxNamesMustStayInsideTheRoot_data()
    {
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("localPart");
        QTest::newRow("a local part with a slash") << QStringLiteral("example.net") << QStringLiteral("../root");
        QTest::newRow("a domain of ..") << QStringLiteral("..") << QStringLiteral("bob");
        QTest::newRow("an empty local part") << QStringLiteral("example.net") << QString();
    }

    void mailboxNamesMustStayInsideTheRoot()
    {
        QFETCH(QString, domain);
        QFETCH(QString, localPart);
        QTemporaryDir root;
        const Status status =
            deliverToMaildir(str(root.filePath("mail")), str(domain), str(localPart), "Q1", "x@y", "", queued);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().message,
                 std::string("cannot deliver to x@y: the mailbox name cannot be a directory name"));
        QVERIFY(entries(root.path()).isEmpty());
    }

    void aFailedWriteDeliversNothing()
    {
        QTemporaryDir root;
        setWriteFaultForTesting({10, false});
        const Status status = deliver(root);
        clearWriteFaultForTesting();
        QVERIFY(!status.ok());
        QVERIFY(entries(root.filePath("example.net/bob/new")).isEmpty());
        QVERIFY(entries(root.filePath("example.net/bob/tmp")).isEmpty());
        QVERIFY2(deliver(root).ok(), "the retry delivers");
        QCOMPARE(entries(root.filePath("example.net/bob/new")).size(), 1);
    }
};

QTEST_APPLESS_MAIN(TestMaildir)
#include "tst_maildir.moc"
