// The keyring through QtKeychain against a real GNOME Keyring on its own
// D-Bus session (with_keyring.sh): a secret written is read back, changed,
// removed; a missing one reads as none; and the secret is in no file the
// app writes (its settings).

#include "servers/secret_store.h"
#include "servers/server_profile.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace postwr;
using namespace postwr::servers;

namespace {

template <typename T>
T waitFor(const std::function<void(std::function<void(const T &)>)> &start)
{
    std::optional<T> answer;
    start([&](const T &value) { answer = value; });
    QDeadlineTimer deadline(20000);
    while (!answer && !deadline.hasExpired())
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    return answer ? *answer : T(wizard::Failure { QStringLiteral("no answer from the keyring within 20 s") });
}

} // namespace

class SecretStoreTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
            "run through ctest: with_keyring.sh starts the D-Bus session and the keyring");
    }

    void writeReadChangeRemove()
    {
        SecretStore store(QStringLiteral("postwr-test"));
        const QString name = accountSecretName(QStringLiteral("root@vps.example.org:22"), QStringLiteral("me@example.org"));
        const QString secret = QStringLiteral("s3cret-%1").arg(QCoreApplication::applicationPid());

        auto missing = waitFor<wizard::Result<QString>>([&](auto done) { store.read(name, done); });
        QVERIFY2(missing.ok(), missing.ok() ? "" : qPrintable(missing.failure().message));
        QVERIFY(missing->isNull());

        auto written = waitFor<wizard::Status>([&](auto done) { store.write(name, secret, done); });
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.failure().message));
        auto read = waitFor<wizard::Result<QString>>([&](auto done) { store.read(name, done); });
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.failure().message));
        QCOMPARE(*read, secret);

        written = waitFor<wizard::Status>([&](auto done) { store.write(name, secret + QStringLiteral("-2"), done); });
        QVERIFY(written.ok());
        read = waitFor<wizard::Result<QString>>([&](auto done) { store.read(name, done); });
        QCOMPARE(*read, secret + QStringLiteral("-2"));

        // Another server's entry of the same account is another entry.
        const QString other = accountSecretName(QStringLiteral("root@other.example.org:22"), QStringLiteral("me@example.org"));
        read = waitFor<wizard::Result<QString>>([&](auto done) { store.read(other, done); });
        QVERIFY(read.ok() && read->isNull());

        auto removed = waitFor<wizard::Status>([&](auto done) { store.remove(name, done); });
        QVERIFY2(removed.ok(), removed.ok() ? "" : qPrintable(removed.failure().message));
        read = waitFor<wizard::Result<QString>>([&](auto done) { store.read(name, done); });
        QVERIFY(read.ok() && read->isNull());
    }

    // The profile goes to the settings, the password to the keyring only.
    void secretsStayOutOfTheSettings()
    {
        QTemporaryDir dir;
        const QString settingsFile = dir.filePath(QStringLiteral("postwr.ini"));
        QSettings settings(settingsFile, QSettings::IniFormat);
        ServerProfile profile;
        profile.target = { QStringLiteral("vps.example.org"), 22, QStringLiteral("root") };
        profile.auth = remote::AuthMethod::Password;
        profile.domain = QStringLiteral("example.org");
        saveProfile(settings, profile);
        const QString secret = QStringLiteral("ssh-password-%1").arg(QCoreApplication::applicationPid());
        SecretStore store(QStringLiteral("postwr-test"));
        auto written = waitFor<wizard::Status>([&](auto done) { store.write(sshSecretName(profile.id()), secret, done); });
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.failure().message));

        QFile file(settingsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.contains("vps.example.org"));
        QVERIFY2(!text.contains(secret.toUtf8()), text.constData());
        auto removed = waitFor<wizard::Status>([&](auto done) { store.remove(sshSecretName(profile.id()), done); });
        QVERIFY(removed.ok());
    }
};

QTEST_GUILESS_MAIN(SecretStoreTest)
#include "tst_it_secret_store.moc"
