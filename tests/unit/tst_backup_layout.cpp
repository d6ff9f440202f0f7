// What a backup may hold: a secret missed here would leave the server in
// clear text, and a path let through here is one restore would write to.
#include "mail/backup_layout.h"
#include "test_bytes.h"

#include <QTest>

using namespace postwr::mail;

class TestBackupLayout : public QObject {
    Q_OBJECT

private slots:
    void isBackupSecret_data();
    void isBackupSecret();
    void encryptedPathRoundTrip_data();
    void encryptedPathRoundTrip();
    void secretPathOfOtherPathsIsEmpty_data();
    void secretPathOfOtherPathsIsEmpty();
    void isSafeBackupPath_data();
    void isSafeBackupPath();
    void gitignore();
};

void TestBackupLayout::isBackupSecret_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("secret");

    QTest::newRow("a users file") << QByteArray("domains/example.org/users") << true;
    QTest::newRow("an aliases file") << QByteArray("domains/example.org/aliases") << false;
    QTest::newRow("a DKIM key") << QByteArray("domains/example.org/dkim/p2026a.pem") << true;
    QTest::newRow("the TLS key") << QByteArray("tls/key.pem") << true;
    QTest::newRow("the TLS certificate") << QByteArray("tls/cert.pem") << false;
    QTest::newRow("a TLS key by name") << QByteArray("tls/names/mail.example.org.key") << true;
    QTest::newRow("a certificate by name") << QByteArray("tls/names/mail.example.org.pem") << false;
    QTest::newRow("the SRS key") << QByteArray("srs.key") << true;
    QTest::newRow("the configuration") << QByteArray("postwrd.conf") << false;
    QTest::newRow("* does not cross a slash") << QByteArray("domains/a/b/users") << false;
    QTest::newRow("the encrypted copy of a secret")
        << QByteArray("backup/encrypted/domains/example.org/users") << false;
}

void TestBackupLayout::isBackupSecret()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, secret);
    QCOMPARE(postwr::mail::isBackupSecret(view(path)), secret);
}

void TestBackupLayout::encryptedPathRoundTrip_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QByteArray>("encrypted");

    QTest::newRow("a users file") << QByteArray("domains/example.org/users")
                                  << QByteArray("backup/encrypted/domains/example.org/users");
    QTest::newRow("the SRS key") << QByteArray("srs.key") << QByteArray("backup/encrypted/srs.key");
}

void TestBackupLayout::encryptedPathRoundTrip()
{
    QFETCH(QByteArray, secret);
    QFETCH(QByteArray, encrypted);
    QCOMPARE(bytes(encryptedPathOf(view(secret))), encrypted);
    QCOMPARE(bytes(secretPathOf(view(encrypted))), secret);
}

void TestBackupLayout::secretPathOfOtherPathsIsEmpty_data()
{
    QTest::addColumn<QByteArray>("path");

    QTest::newRow("a plain file") << QByteArray("postwrd.conf");
    QTest::newRow("the folder itself") << QByteArray("backup/encrypted/");
    QTest::newRow("the folder without its slash") << QByteArray("backup/encrypted");
    QTest::newRow("a folder that only starts alike") << QByteArray("backup/encryptedx/srs.key");
}

void TestBackupLayout::secretPathOfOtherPathsIsEmpty()
{
    QFETCH(QByteArray, path);
    QCOMPARE(bytes(secretPathOf(view(path))), QByteArray());
}

void TestBackupLayout::isSafeBackupPath_data()
{
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<bool>("safe");

    QTest::newRow("a file at the top") << QByteArray("postwrd.conf") << true;
    QTest::newRow("a file in folders") << QByteArray("domains/x/users") << true;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("absolute") << QByteArray("/etc/passwd") << false;
    QTest::newRow("climbing out") << QByteArray("../x") << false;
    QTest::newRow("climbing in the middle") << QByteArray("a/../b") << false;
    QTest::newRow("an empty part") << QByteArray("a//b") << false;
    QTest::newRow("a trailing slash") << QByteArray("a/") << false;
    QTest::newRow("a dot part") << QByteArray("./a") << false;
    QTest::newRow("the repository's .git") << QByteArray(".git/config") << false;
    QTest::newRow("a .git below the top") << QByteArray("a/.git/config") << true;
    QTest::newRow("the deploy key") << QByteArray("backup/ssh/id_ed25519") << false;
    QTest::newRow("the deploy key's folder") << QByteArray("backup/ssh") << false;
    QTest::newRow("a name that only starts like it") << QByteArray("backup/sshx") << true;
    QTest::newRow("a newline") << QByteArray("domains/x/users\nend") << false;
    QTest::newRow("a backslash") << QByteArray("domains\\x") << false;
}

void TestBackupLayout::isSafeBackupPath()
{
    QFETCH(QByteArray, path);
    QFETCH(bool, safe);
    QCOMPARE(postwr::mail::isSafeBackupPath(view(path)), safe);
}

void TestBackupLayout::gitignore()
{
    const QByteArray encrypted = bytes(backupGitignore(true));
    QVERIFY(encrypted.contains("\n/backup/ssh/\n"));
    QVERIFY(encrypted.contains("\n/domains/*/users\n"));
    QVERIFY(encrypted.contains("\n/srs.key\n"));

    const QByteArray plain = bytes(backupGitignore(false));
    QVERIFY(plain.contains("\n/backup/ssh/\n"));
    QVERIFY(!plain.contains("/domains/*/users"));
    QVERIFY(!plain.contains("/srs.key"));
}

QTEST_APPLESS_MAIN(TestBackupLayout)
#include "tst_backup_layout.moc"
