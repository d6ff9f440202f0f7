// The backup, end to end, as a user who loses their server would need it:
// `postwr --headless` over a real sshd sets up postwrd (user mode) with
// accounts, forwarding and a DKIM key, keeps its configuration in git and
// pushes it, with a deploy key the server made, to a real git remote (a bare
// repository reached over SSH on loopback, as a GitHub repository would be).
//
//   - every change is one commit with a message saying what changed, and is
//     in the remote at once (wizard steps and postwrd's own commands alike);
//     the status step says so;
//   - until the remote allows the deploy key, the push fails saying so;
//   - no blob in the remote holds a private key, a password hash or a
//     password: secrets are there only encrypted;
//   - "download" gives a .tar.gz (read here with GNU tar) of the same files;
//   - a wrong passphrase fails clearly and changes nothing on the new server;
//   - a second install, restored from the remote, then a third from the
//     archive, lets the same accounts log in, and a message signed there
//     with the restored DKIM key verifies (dkimpy) against the record
//     published for the old server.

#include "support/free_port.h"
#include "support/headless_run.h"
#include "support/process_runner.h"
#include "support/sshd_instance.h"
#include "support/smtplib_client.h"

#include <QCryptographicHash>
#include <QDate>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kDomain = QStringLiteral("backup.test");
const QString kHost = QStringLiteral("mail.backup.test");
const QString kPassphrase = QStringLiteral("correct horse battery staple");
const QString kMePassword = QStringLiteral("me-password-8f3k2");
const QString kShopPassword = QStringLiteral("shop-password-q9d1x");

QString output(const ProcessResult &run)
{
    return run.status() + QLatin1Char('\n') + QString::fromUtf8(run.standardOutput + run.standardError);
}

} // namespace

class BackupTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(TestUser::runningAsRoot(&error), qPrintable(error));
        QVERIFY2(!findTool(QStringLiteral("git"), QStringLiteral("apt-get install git"), &error).isEmpty(), qPrintable(error));
        QVERIFY2(!findTool(QStringLiteral("tar"), QStringLiteral("apt-get install tar"), &error).isEmpty(), qPrintable(error));
        QVERIFY2(!systemPython(&error).isEmpty(), qPrintable(error));
        QVERIFY2(!qEnvironmentVariable("POSTWR_APP").isEmpty(), "POSTWR_APP is not set; run through ctest");
        QVERIFY2(startKeyLogin(dir_.path(), sshd_, user_, &login_, &error), qPrintable(error));
        for (int i = 0; i < 9; ++i)
            ports_ << freeLoopbackPort();
        remote_ = makeBareRemote(sshd_, user_, &remoteDir_, &error);
        QVERIFY2(!remote_.isEmpty(), qPrintable(error));
    }

    void cleanupTestCase()
    {
        runProcess({ QStringLiteral("pkill"), { QStringLiteral("-KILL"), QStringLiteral("-u"), user_.name() }, {}, 10000,
            QProcessEnvironment::systemEnvironment(), {} });
    }

    // The first push cannot work: the deploy key is new. The failure says
    // so and shows the key; once allowed, the push goes through.
    void setsUpAndPushesWithADeployKey()
    {
        QJsonObject first = plan(QStringLiteral("~/postwr"), 0,
            { QStringLiteral("install"), QStringLiteral("dkim"), QStringLiteral("accounts"), QStringLiteral("forwarding"),
                QStringLiteral("backup") });
        ProcessResult run = runPostwr(first);
        QString out = output(run);
        QVERIFY2(!run.succeeded(), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("the remote refused the deploy key")), qPrintable(out));
        const QString publicKey = prefixOf(QStringLiteral("~/postwr")) + QStringLiteral("/etc/backup/ssh/id_ed25519.pub");
        QFile keyFile(publicKey);
        QVERIFY2(keyFile.open(QIODevice::ReadOnly), qPrintable(publicKey));
        const QString keyLine = QString::fromUtf8(keyFile.readAll()).trimmed();
        QVERIFY2(keyLine.startsWith(QStringLiteral("ssh-ed25519 ")) && out.contains(keyLine), qPrintable(out));

        QVERIFY2(sshd_.authorizeKey(publicKey), qPrintable(sshd_.errorString()));
        run = runPostwr(plan(QStringLiteral("~/postwr"), 0, { QStringLiteral("backup") }));
        out = output(run);
        QVERIFY2(run.succeeded(), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[good] The configuration is pushed to ") + remote_), qPrintable(out));
        QCOMPARE(remoteLog(), QStringList { QStringLiteral("keep the configuration in git, secrets encrypted") });
        const QJsonObject status = backupStatus(QStringLiteral("~/postwr"));
        QVERIFY2(status[QStringLiteral("last_push")].toObject()[QStringLiteral("ok")].toBool(), qPrintable(QJsonDocument(status).toJson()));
        QCOMPARE(status[QStringLiteral("unpushed")].toInt(), 0);

        // The record the old server's DKIM key was published with.
        const ProcessResult listed = postwrdAt(QStringLiteral("~/postwr"), { QStringLiteral("dkim"), QStringLiteral("list") });
        QVERIFY2(listed.succeeded(), qPrintable(output(listed)));
        const QStringList columns = QString::fromUtf8(listed.standardOutput).trimmed().split(QLatin1Char('\t'));
        QVERIFY2(columns.size() >= 5 && columns.last().startsWith(QStringLiteral("v=DKIM1")), qPrintable(output(listed)));
        dkimRecord_ = columns.last();
    }

    void everyChangeIsOneCommitInTheRemote()
    {
        QVERIFY2(!dkimRecord_.isEmpty(), "the set-up test did not pass");
        QJsonObject changed = plan(QStringLiteral("~/postwr"), 0, { QStringLiteral("accounts"), QStringLiteral("forwarding") });
        QJsonArray accounts = changed[QStringLiteral("accounts")].toArray();
        accounts << QJsonObject { { QStringLiteral("email"), QStringLiteral("old@backup.test") }, { QStringLiteral("generate"), true } };
        changed[QStringLiteral("accounts")] = accounts;
        changed[QStringLiteral("forwarding")] = QJsonObject { { kDomain,
            QJsonObject { { QStringLiteral("*"), QJsonArray { QStringLiteral("me@gmail.test") } },
                { QStringLiteral("sales"), QJsonArray { QStringLiteral("shop@backup.test") } } } } };
        const ProcessResult run = runPostwr(changed);
        QVERIFY2(run.succeeded(), qPrintable(output(run)));
        // postwrd's own command line commits (and pushes) too.
        const ProcessResult removed = postwrdAt(QStringLiteral("~/postwr"), { QStringLiteral("user"), QStringLiteral("remove"), QStringLiteral("old@backup.test") });
        QVERIFY2(removed.succeeded() && removed.standardError.contains("backup: pushed to"), qPrintable(output(removed)));

        QCOMPARE(remoteLog(),
            (QStringList { QStringLiteral("keep the configuration in git, secrets encrypted"), QStringLiteral("add account old@backup.test"),
                QStringLiteral("forward * to me@gmail.test; sales to shop@backup.test"), QStringLiteral("remove account old@backup.test") }));
    }

    void statusSaysHowTheBackupStands()
    {
        QVERIFY2(!dkimRecord_.isEmpty(), "the set-up test did not pass");
        const ProcessResult run = runPostwr(plan(QStringLiteral("~/postwr"), 0, { QStringLiteral("status") }));
        const QString out = output(run);
        QVERIFY2(run.succeeded(), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[good] Backup: The last change kept: \"remove account old@backup.test\"")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("Secrets are encrypted with your passphrase. Pushed to ") + remote_), qPrintable(out));
    }

    void theRemoteHoldsNoSecretInPlainText()
    {
        QVERIFY2(!dkimRecord_.isEmpty(), "the set-up test did not pass");
        const ProcessResult blobs = runProcess({ QStringLiteral("git"),
            { QStringLiteral("--git-dir"), remoteDir_, QStringLiteral("cat-file"), QStringLiteral("--batch-all-objects"), QStringLiteral("--batch") },
            {}, 20000, QProcessEnvironment::systemEnvironment(), {} });
        QVERIFY2(blobs.succeeded() && blobs.standardOutput.size() > 1000, qPrintable(output(blobs)));
        for (const QByteArray &secret : { QByteArray("PRIVATE KEY"), QByteArray("$scrypt$"), kMePassword.toUtf8(), kShopPassword.toUtf8(),
                 kPassphrase.toUtf8() })
            QVERIFY2(!blobs.standardOutput.contains(secret), secret.constData());
        const QStringList files = remoteFiles();
        for (const QString &expected : { QStringLiteral("postwrd.conf"), QStringLiteral("domains/backup.test/aliases"),
                 QStringLiteral("backup/identity"), QStringLiteral("backup/recipient"), QStringLiteral("backup/encrypted/domains/backup.test/users"),
                 QStringLiteral("backup/encrypted/tls/key.pem"), QStringLiteral("backup/encrypted/srs.key") })
            QVERIFY2(files.contains(expected), qPrintable(expected + QStringLiteral(" not in ") + files.join(QLatin1Char(' '))));
        QVERIFY2(std::any_of(files.begin(), files.end(), [](const QString &f) { return f.startsWith(QStringLiteral("backup/encrypted/domains/backup.test/dkim/")); }),
            qPrintable(files.join(QLatin1Char(' '))));
        for (const QString &file : files)
            QVERIFY2(!file.startsWith(QStringLiteral("backup/ssh")) && file != QStringLiteral("domains/backup.test/users")
                    && !file.startsWith(QStringLiteral("domains/backup.test/dkim/")),
                qPrintable(file));
    }

    void downloadsAnArchiveOfTheSameFiles()
    {
        QVERIFY2(!dkimRecord_.isEmpty(), "the set-up test did not pass");
        const ProcessResult run = runPostwr(plan(QStringLiteral("~/postwr"), 0, { QStringLiteral("download-backup") }));
        QVERIFY2(run.succeeded(), qPrintable(output(run)));
        const QString name = QStringLiteral("postwr-backup-backup.test-%1").arg(QDate::currentDate().toString(Qt::ISODate));
        archive_ = dir_.filePath(name + QStringLiteral(".tar.gz"));
        QVERIFY2(QFile::exists(archive_), qPrintable(output(run)));
        QCOMPARE(QFile(archive_).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const ProcessResult listed = runProcess({ QStringLiteral("tar"), { QStringLiteral("-tzf"), archive_ }, {}, 20000,
            QProcessEnvironment::systemEnvironment(), {} });
        QVERIFY2(listed.succeeded(), qPrintable(output(listed)));
        QStringList entries = QString::fromUtf8(listed.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString &entry : entries) {
            QVERIFY2(entry.startsWith(name + QLatin1Char('/')), qPrintable(entry));
            entry.remove(0, name.size() + 1);
        }
        entries.sort();
        QCOMPARE(entries, remoteFiles());
        const ProcessResult config = runProcess({ QStringLiteral("tar"), { QStringLiteral("-xzOf"), archive_, name + QStringLiteral("/postwrd.conf") },
            {}, 20000, QProcessEnvironment::systemEnvironment(), {} });
        QFile serverConfig(prefixOf(QStringLiteral("~/postwr")) + QStringLiteral("/etc/postwrd.conf"));
        QVERIFY(serverConfig.open(QIODevice::ReadOnly));
        QCOMPARE(config.standardOutput, serverConfig.readAll());
    }

    // Nothing is written before everything is checked: a wrong passphrase
    // (for an archive or the remote) or a remote that refuses this server's
    // deploy key leaves the new server as the install made it.
    void aWrongPassphraseChangesNothing()
    {
        QVERIFY2(!archive_.isEmpty(), "the download test did not pass");
        ProcessResult run = runPostwr(plan(QStringLiteral("~/postwr2"), 3, { QStringLiteral("install") }));
        QVERIFY2(run.succeeded(), qPrintable(output(run)));
        const QMap<QString, QByteArray> before = snapshot(QStringLiteral("~/postwr2"));
        QVERIFY(before.contains(QStringLiteral("postwrd.conf")));
        const QMap<QString, QString> wrong { { QStringLiteral("BACKUP_PASSPHRASE"), QStringLiteral("not the passphrase") } };

        run = runPostwr(restorePlan(QStringLiteral("~/postwr2"), 3, archive_), wrong);
        QVERIFY2(!run.succeeded() && output(run).contains(QStringLiteral("the passphrase is wrong")), qPrintable(output(run)));
        QCOMPARE(snapshot(QStringLiteral("~/postwr2")), before);

        run = runPostwr(restorePlan(QStringLiteral("~/postwr2"), 3, remote_), wrong);
        QVERIFY2(!run.succeeded() && output(run).contains(QStringLiteral("refused the deploy key")), qPrintable(output(run)));
        QCOMPARE(snapshot(QStringLiteral("~/postwr2")), before);

        const QString keyFile = prefixOf(QStringLiteral("~/postwr2")) + QStringLiteral("/etc/backup/ssh/id_ed25519.pub");
        QVERIFY2(sshd_.authorizeKey(keyFile), qPrintable(sshd_.errorString()));
        run = runPostwr(restorePlan(QStringLiteral("~/postwr2"), 3, remote_), wrong);
        QVERIFY2(!run.succeeded() && output(run).contains(QStringLiteral("the passphrase is wrong")), qPrintable(output(run)));
        QCOMPARE(snapshot(QStringLiteral("~/postwr2")), before);
        wrongPassphraseChecked_ = true;
    }

    void restoresFromTheRemote()
    {
        QVERIFY2(wrongPassphraseChecked_, "the previous test did not pass");
        const ProcessResult run = runPostwr(restorePlan(QStringLiteral("~/postwr2"), 3, remote_));
        const QString out = output(run);
        QVERIFY2(run.succeeded(), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[good] Restored from %1: 2 account(s)").arg(remote_)), qPrintable(out));
        provesTheRestore(QStringLiteral("~/postwr2"), 3);
        // The history goes on where the old server left it; this server's own
        // listen addresses and ports are its first change.
        const ProcessResult log = runProcess({ QStringLiteral("git"),
            { QStringLiteral("-c"), QStringLiteral("safe.directory=*"), QStringLiteral("-C"), prefixOf(QStringLiteral("~/postwr2")) + QStringLiteral("/etc"),
                QStringLiteral("log"), QStringLiteral("--format=%s") },
            {}, 20000, QProcessEnvironment::systemEnvironment(), {} });
        QVERIFY2(log.standardOutput.startsWith("keep the listen addresses and paths of mail.backup.test\n")
                && log.standardOutput.contains("\nadd account old@backup.test\n"),
            qPrintable(output(log)));
    }

    void restoresFromTheArchive()
    {
        QVERIFY2(!archive_.isEmpty(), "the download test did not pass");
        QJsonObject restore = restorePlan(QStringLiteral("~/postwr3"), 6, archive_);
        restore[QStringLiteral("steps")] = QJsonArray { QStringLiteral("install"), QStringLiteral("restore") };
        const ProcessResult run = runPostwr(restore);
        QVERIFY2(run.succeeded(), qPrintable(output(run)));
        provesTheRestore(QStringLiteral("~/postwr3"), 6);
    }

private:
    void provesTheRestore(const QString &prefix, int portIndex)
    {
        // This server's own ports, the old server's host name.
        QFile config(prefixOf(prefix) + QStringLiteral("/etc/postwrd.conf"));
        QVERIFY(config.open(QIODevice::ReadOnly));
        const QByteArray text = config.readAll();
        QVERIFY2(text.contains(QStringLiteral("127.0.0.1:%1").arg(ports_[portIndex + 1]).toUtf8()) && text.contains(kHost.toUtf8()),
            text.constData());
        for (const auto &[user, password] : { std::pair { QStringLiteral("me@backup.test"), kMePassword },
                 std::pair { QStringLiteral("shop@backup.test"), kShopPassword } }) {
            SmtplibPlan login;
            login.port = ports_[portIndex + 1];
            login.startTls = true;
            login.login = user;
            login.password = password;
            login.mailFrom = user;
            login.rcpts = { QStringLiteral("someone@backup.test") };
            login.message = "Subject: logged in\r\n\r\nafter the restore\r\n";
            const SmtplibResult result = runSmtplib(login);
            QVERIFY2(result.setupError.isEmpty() && result.step(QStringLiteral("login")).code == 235, qPrintable(result.report));
        }
        // Signed with the restored key, verified against the old record.
        const QByteArray message = "From: me@backup.test\r\nTo: someone@example.net\r\nSubject: after the restore\r\n"
                                   "Date: Sun, 29 Nov 2026 10:00:00 +0000\r\nMessage-ID: <restore@backup.test>\r\n\r\nStill signing.\r\n";
        const ProcessResult signedMessage = postwrdAt(prefix, { QStringLiteral("dkim"), QStringLiteral("sign"), kDomain }, message);
        QVERIFY2(signedMessage.succeeded() && signedMessage.standardOutput.startsWith("DKIM-Signature:"), qPrintable(output(signedMessage)));
        QString error;
        const QString python = systemPython(&error);
        const QString script = QStringLiteral(
            "import sys, dkim\n"
            "record = open(sys.argv[1], 'rb').read()\n"
            "message = sys.stdin.buffer.read()\n"
            "ok = dkim.verify(message, dnsfunc=lambda name, timeout=5: record)\n"
            "print('verified' if ok else 'failed')\n"
            "sys.exit(0 if ok else 1)\n");
        QFile recordFile(dir_.filePath(QStringLiteral("old-dkim-record.txt")));
        QVERIFY(recordFile.open(QIODevice::WriteOnly) && recordFile.write(dkimRecord_.toUtf8()) > 0);
        recordFile.close();
        const ProcessResult verified = runProcess({ python, { QStringLiteral("-c"), script, recordFile.fileName() },
            signedMessage.standardOutput, 20000, QProcessEnvironment::systemEnvironment(), {} });
        QVERIFY2(verified.succeeded() && verified.standardOutput.contains("verified"), qPrintable(output(verified)));
    }

    QString prefixOf(const QString &prefix) const { return user_.home() + prefix.mid(1); }

    QJsonObject plan(const QString &prefix, int portIndex, const QStringList &steps) const
    {
        return QJsonObject {
            { QStringLiteral("server"), serverPlan(sshd_, user_, login_, dir_.path()) },
            { QStringLiteral("steps"), QJsonArray::fromStringList(steps) },
            { QStringLiteral("install"),
                QJsonObject { { QStringLiteral("mode"), QStringLiteral("user") }, { QStringLiteral("prefix"), prefix },
                    { QStringLiteral("listen"), QStringLiteral("127.0.0.1") },
                    { QStringLiteral("ports"),
                        QJsonObject { { QStringLiteral("smtp"), ports_[portIndex] }, { QStringLiteral("submission"), ports_[portIndex + 1] },
                            { QStringLiteral("submissions"), ports_[portIndex + 2] } } } } },
            { QStringLiteral("hostname"), kHost },
            { QStringLiteral("domains"), QJsonArray { kDomain } },
            { QStringLiteral("accounts"),
                QJsonArray { QJsonObject { { QStringLiteral("email"), QStringLiteral("me@backup.test") }, { QStringLiteral("password_env"), QStringLiteral("ME_PASSWORD") } },
                    QJsonObject { { QStringLiteral("email"), QStringLiteral("shop@backup.test") }, { QStringLiteral("password_env"), QStringLiteral("SHOP_PASSWORD") } } } },
            { QStringLiteral("forwarding"), QJsonObject { { kDomain, QJsonObject { { QStringLiteral("*"), QJsonArray { QStringLiteral("me@gmail.test") } } } } } },
            { QStringLiteral("backup"),
                QJsonObject { { QStringLiteral("remote"), remote_ }, { QStringLiteral("passphrase_env"), QStringLiteral("BACKUP_PASSPHRASE") },
                    { QStringLiteral("download_to"), dir_.path() } } },
        };
    }

    QJsonObject restorePlan(const QString &prefix, int portIndex, const QString &from) const
    {
        QJsonObject restore = plan(prefix, portIndex, { QStringLiteral("restore") });
        restore.remove(QStringLiteral("accounts"));
        restore.remove(QStringLiteral("forwarding"));
        restore.remove(QStringLiteral("backup"));
        restore[QStringLiteral("restore")] = QJsonObject { { QStringLiteral("from"), from }, { QStringLiteral("passphrase_env"), QStringLiteral("BACKUP_PASSPHRASE") } };
        return restore;
    }

    ProcessResult runPostwr(const QJsonObject &plan, const QMap<QString, QString> &environment = {}) const
    {
        QMap<QString, QString> secrets { { QStringLiteral("ME_PASSWORD"), kMePassword }, { QStringLiteral("SHOP_PASSWORD"), kShopPassword },
            { QStringLiteral("BACKUP_PASSPHRASE"), kPassphrase } };
        secrets.insert(environment);
        return runHeadlessPlan(dir_.path(), plan, secrets);
    }

    // postwrd's command line on the server, as the service's user.
    ProcessResult postwrdAt(const QString &prefix, const QStringList &arguments, const QByteArray &input = {}) const
    {
        return runProcess({ QStringLiteral("runuser"),
            QStringList { QStringLiteral("-u"), user_.name(), QStringLiteral("--"), prefixOf(prefix) + QStringLiteral("/bin/postwrd"),
                QStringLiteral("--config"), prefixOf(prefix) + QStringLiteral("/etc") }
                + arguments,
            input, 120000, QProcessEnvironment::systemEnvironment(), QStringLiteral("/") });
    }

    QJsonObject backupStatus(const QString &prefix) const
    {
        const ProcessResult run = postwrdAt(prefix, { QStringLiteral("backup"), QStringLiteral("status"), QStringLiteral("--format"), QStringLiteral("json") });
        return QJsonDocument::fromJson(run.standardOutput).object();
    }

    QStringList remoteGit(const QStringList &arguments) const
    {
        const ProcessResult run = runProcess({ QStringLiteral("git"), QStringList { QStringLiteral("--git-dir"), remoteDir_ } + arguments, {}, 20000,
            QProcessEnvironment::systemEnvironment(), {} });
        return QString::fromUtf8(run.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    }

    // Oldest first.
    QStringList remoteLog() const
    {
        return remoteGit({ QStringLiteral("log"), QStringLiteral("--reverse"), QStringLiteral("--format=%s"), QStringLiteral("main") });
    }

    QStringList remoteFiles() const
    {
        QStringList files = remoteGit({ QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("--name-only"), QStringLiteral("main") });
        files.sort();
        return files;
    }

    // Every file of the configuration directory (its git history aside), by content.
    QMap<QString, QByteArray> snapshot(const QString &prefix) const
    {
        QMap<QString, QByteArray> files;
        const QString root = prefixOf(prefix) + QStringLiteral("/etc");
        QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString relative = QDir(root).relativeFilePath(path);
            if (relative.startsWith(QStringLiteral(".git/")) || relative.startsWith(QStringLiteral("backup/ssh/")))
                continue;
            QFile file(path);
            files.insert(relative, file.open(QIODevice::ReadOnly) ? QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256) : QByteArray());
        }
        return files;
    }

    QTemporaryDir dir_;
    KeyLogin login_;
    SshdInstance sshd_;
    TestUser user_;
    QList<quint16> ports_; // three installs: smtp, submission, submissions each
    QString remote_;
    QString remoteDir_;
    QString dkimRecord_;
    QString archive_;
    bool wrongPassphraseChecked_ = false;
};

QTEST_GUILESS_MAIN(BackupTest)
#include "tst_it_backup.moc"
