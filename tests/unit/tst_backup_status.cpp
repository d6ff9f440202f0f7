// What `postwrd backup status --format json` says, as the wizard reads it:
// each field lands where the backup page shows it, a backup never pushed
// has no last push, and an answer that is not JSON is an error rather than
// a backup that looks switched off.
#include "steps/backup_step.h"

#include <QTest>

using namespace postwr::steps;

class BackupStatusTest : public QObject {
    Q_OBJECT

private slots:
    void parsesEveryField()
    {
        const auto status = parseBackupStatus(
            QStringLiteral("{\"enabled\":true,\"encrypted\":true,\"remote\":\"git@h:r.git\","
                           "\"deploy_key\":\"ssh-ed25519 AAAA x\","
                           "\"last_commit\":1764400000,\"last_commit_message\":\"add account "
                           "a@b.c\",\"commits\":3,\"unpushed\":2,"
                           "\"last_push\":{\"time\":1764400001,\"ok\":false,\"message\":\"the "
                           "remote refused\"}}"));
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.failure().message));
        QCOMPARE(status->enabled, true);
        QCOMPARE(status->encrypted, true);
        QCOMPARE(status->remote, QStringLiteral("git@h:r.git"));
        QCOMPARE(status->deployKey, QStringLiteral("ssh-ed25519 AAAA x"));
        QCOMPARE(status->lastCommit, QDateTime::fromSecsSinceEpoch(1764400000));
        QCOMPARE(status->lastCommitMessage, QStringLiteral("add account a@b.c"));
        QCOMPARE(status->commits, 3);
        QCOMPARE(status->unpushed, 2);
        QVERIFY(status->lastPush.has_value());
        QCOMPARE(status->lastPush->time, QDateTime::fromSecsSinceEpoch(1764400001));
        QCOMPARE(status->lastPush->ok, false);
        QCOMPARE(status->lastPush->message, QStringLiteral("the remote refused"));
    }

    void pushedSuccessfully()
    {
        const auto status = parseBackupStatus(QStringLiteral(
            "{\"enabled\":true,\"last_push\":{\"time\":1764400001,\"ok\":true,\"message\":\"\"}}"));
        QVERIFY(status.ok());
        QVERIFY(status->lastPush.has_value());
        QCOMPARE(status->lastPush->ok, true);
    }

    void noLastPush_data()
    {
        QTest::addColumn<QString>("json");

        QTest::newRow("null") << QStringLiteral(
            "{\"enabled\":true,\"commits\":1,\"last_push\":null}");
        QTest::newRow("absent") << QStringLiteral("{\"enabled\":true,\"commits\":1}");
    }

    void noLastPush()
    {
        QFETCH(QString, json);
        const auto status = parseBackupStatus(json);
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.failure().message));
        QCOMPARE(status->enabled, true);
        QCOMPARE(status->commits, 1);
        QVERIFY(!status->lastPush.has_value());
    }

    void backupOff()
    {
        const auto status
            = parseBackupStatus(QStringLiteral("{\"enabled\":false,\"last_commit\":0}"));
        QVERIFY(status.ok());
        QCOMPARE(status->enabled, false);
        QVERIFY(status->remote.isEmpty());
        QVERIFY(!status->lastCommit.isValid()); // never committed, not 1970
    }

    void notJson_data()
    {
        QTest::addColumn<QString>("text");

        QTest::newRow("empty") << QString();
        QTest::newRow("an error message") << QStringLiteral("postwrd: unknown option --format");
        QTest::newRow("cut short") << QStringLiteral("{\"enabled\":true,\"remote\":\"git@h:");
        QTest::newRow("an array") << QStringLiteral("[{\"enabled\":true}]");
    }

    void notJson()
    {
        QFETCH(QString, text);
        const auto status = parseBackupStatus(text);
        QVERIFY(!status.ok());
        QVERIFY2(status.failure().message.contains(QLatin1String("not JSON")),
            qPrintable(status.failure().message));
    }
};

QTEST_GUILESS_MAIN(BackupStatusTest)
#include "tst_backup_status.moc"
