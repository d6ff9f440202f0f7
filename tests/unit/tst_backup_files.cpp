// The text stream a backup travels in between the server and the desktop:
// any file must survive it byte for byte, and a stream cut short, forged or
// overlong must be refused with its line before restore writes anything.
#include "mail/backup_files.h"
#include "test_bytes.h"

#include <QTest>

using namespace postwr::mail;

class TestBackupFiles : public QObject {
    Q_OBJECT

private slots:
    void roundTrip();
    void parseErrors_data();
    void parseErrors();
    void crlfLineEnds();
};

void TestBackupFiles::roundTrip()
{
    const std::vector<BackupFile> files = {
        { "postwrd.conf", "hostname = mail.example.org\n" },
        { "domains/example.org/aliases", "" },
        { "backup/encrypted/domains/example.org/users",
            std::string("\0\x01\xff\r\n end\nfile ", 15) },
        { "domains/example.org/a name with blanks", "x" },
    };
    const std::string text = serializeBackupFiles(files);
    QVERIFY(text.starts_with("postwr-backup-files v1\n"));
    QVERIFY(text.ends_with("\nend\n"));

    const auto parsed = parseBackupFiles(text);
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().describe().c_str());
    QCOMPARE(parsed->size(), files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        QCOMPARE(bytes((*parsed)[i].path), bytes(files[i].path));
        QCOMPARE(bytes((*parsed)[i].content), bytes(files[i].content));
    }
}

void TestBackupFiles::parseErrors_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("maxFiles");
    QTest::addColumn<int>("line");
    QTest::addColumn<QByteArray>("error"); // a part of the message

    const QByteArray header = "postwr-backup-files v1\n";
    const QByteArray conf = "file aGk= postwrd.conf\n";
    QTest::newRow("no header") << conf + "end\n" << 10 << 1 << QByteArray("not a Postwr backup");
    QTest::newRow("another version") << "postwr-backup-files v2\n" + conf + "end\n"
                                     << 10 << 1 << QByteArray("not a Postwr backup");
    QTest::newRow("no end") << header + conf << 10 << 2 << QByteArray("cut short");
    QTest::newRow("the header alone") << header << 10 << 1 << QByteArray("cut short");
    QTest::newRow("text after end") << header + conf + "end\n" + "file aGk= srs.key\n"
                                    << 10 << 4 << QByteArray("after the end");
    QTest::newRow("neither file nor end") << header + conf + "folder domains\nend\n"
                                          << 10 << 3 << QByteArray("expected \"file\" or \"end\"");
    QTest::newRow("no path") << header + "file aGk=\nend\n"
                             << 10 << 2 << QByteArray("content and its path");
    QTest::newRow("bad base64") << header + conf + "file aGk postwrd.aliases\nend\n"
                                << 10 << 3 << QByteArray("not base64");
    QTest::newRow("unsafe path") << header + "file aGk= ../x\nend\n"
                                 << 10 << 2 << QByteArray("not a path a backup may hold");
    QTest::newRow("the deploy key") << header + conf + "file aGk= backup/ssh/id_ed25519\nend\n"
                                    << 10 << 3 << QByteArray("not a path a backup may hold");
    QTest::newRow("same path twice") << header + conf + "file b2s= srs.key\n" + conf + "end\n"
                                     << 10 << 4 << QByteArray("twice");
    QTest::newRow("more than maxFiles") << header + conf + "file  srs.key\nfile  tls/key.pem\nend\n"
                                        << 2 << 4 << QByteArray("more than 2 files");
    QTest::newRow("empty") << QByteArray() << 10 << 0 << QByteArray("empty");
}

void TestBackupFiles::parseErrors()
{
    QFETCH(QByteArray, text);
    QFETCH(int, maxFiles);
    QFETCH(int, line);
    QFETCH(QByteArray, error);
    const auto parsed = parseBackupFiles(view(text), static_cast<std::size_t>(maxFiles));
    QVERIFY(!parsed.ok());
    QVERIFY2(bytes(parsed.error().message).contains(error), parsed.error().message.c_str());
    QCOMPARE(parsed.error().line, line);
}

void TestBackupFiles::crlfLineEnds()
{
    const auto parsed = parseBackupFiles(
        "postwr-backup-files v1\r\nfile aGk= postwrd.conf\r\nfile  srs.key\r\nend\r\n");
    QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().describe().c_str());
    QCOMPARE(parsed->size(), std::size_t { 2 });
    QCOMPARE(bytes((*parsed)[0].path), QByteArray("postwrd.conf"));
    QCOMPARE(bytes((*parsed)[0].content), QByteArray("hi"));
    QCOMPARE(bytes((*parsed)[1].path), QByteArray("srs.key"));
    QCOMPARE(bytes((*parsed)[1].content), QByteArray());
}

QTEST_APPLESS_MAIN(TestBackupFiles)
#include "tst_backup_files.moc"
