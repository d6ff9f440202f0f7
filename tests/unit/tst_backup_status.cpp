// What `postwrd backup status --format json` says, as the wizard reads it:
// each field lands where the backup page shows it, a backup never pushed
// has no last push, and an answer that is not JSON is an error rather than
// a backup that looks switched off. And how the page and the dashboard
// describe it: each state with its mark, a failed push with its reason.
#include "steps/backup_step.h"

#include <QTest>

using namespace postwr::steps;

class BackupStatusTest : public QObject {
    Q_OBJECT

private slots:
    void describes_data();
    void describes();
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

void BackupStatusTest::describes_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("mark");
    QTest::addColumn<QStringList>("says");

    const QString kept = QStringLiteral("\"enabled\":true,\"encrypted\":true,\"last_commit\":1764400000,"
                                        "\"last_commit_message\":\"add account a@b.c\",\"commits\":3");
    QTest::newRow("off") << QStringLiteral("{\"enabled\":false}") << int(Mark::Warning)
                         << QStringList { QStringLiteral("Not backed up yet") };
    QTest::newRow("on the server only") << QStringLiteral("{%1,\"remote\":\"\"}").arg(kept) << int(Mark::Warning)
                                        << QStringList { QStringLiteral("\"add account a@b.c\""), QStringLiteral("3 change(s) in all"),
                                               QStringLiteral("Secrets are encrypted"), QStringLiteral("on the server only") };
    QTest::newRow("never pushed") << QStringLiteral("{%1,\"remote\":\"git@h:r.git\",\"unpushed\":3}").arg(kept) << int(Mark::Warning)
                                  << QStringList { QStringLiteral("Not pushed to git@h:r.git yet") };
    QTest::newRow("last push failed")
        << QStringLiteral("{%1,\"remote\":\"git@h:r.git\",\"unpushed\":1,\"last_push\":{\"time\":1764400001,\"ok\":false,"
                          "\"message\":\"the remote refused the deploy key\"}}")
               .arg(kept)
        << int(Mark::Problem)
        << QStringList { QStringLiteral("The last push to git@h:r.git failed"), QStringLiteral("the remote refused the deploy key") };
    QTest::newRow("pushed, one change since")
        << QStringLiteral("{%1,\"remote\":\"git@h:r.git\",\"unpushed\":1,\"last_push\":{\"time\":1764400001,\"ok\":true}}").arg(kept)
        << int(Mark::Warning) << QStringList { QStringLiteral("1 change(s) not pushed to git@h:r.git yet") };
    QTest::newRow("pushed")
        << QStringLiteral("{%1,\"remote\":\"git@h:r.git\",\"unpushed\":0,\"last_push\":{\"time\":1764400001,\"ok\":true}}").arg(kept)
        << int(Mark::Good) << QStringList { QStringLiteral("Pushed to git@h:r.git") };
    QTest::newRow("plain secrets")
        << QStringLiteral("{\"enabled\":true,\"encrypted\":false,\"commits\":1,\"remote\":\"\"}") << int(Mark::Warning)
        << QStringList { QStringLiteral("Secrets are not encrypted") };
}

void BackupStatusTest::describes()
{
    QFETCH(QString, json);
    QFETCH(int, mark);
    QFETCH(QStringList, says);
    const auto status = parseBackupStatus(json);
    QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.failure().message));
    const BackupStanding standing = describeBackup(*status);
    QCOMPARE(int(standing.mark), mark);
    for (const QString &part : says)
        QVERIFY2(standing.text.contains(part), qPrintable(standing.text));
}

QTEST_GUILESS_MAIN(BackupStatusTest)
#include "tst_backup_status.moc"
