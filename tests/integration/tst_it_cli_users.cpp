// `postwrd user add|list|check|remove` round trip, and `user add --generate`.
// Passwords go in on stdin and never come out: not in the CLI's output, not
// in the users file, which only its owner may read (0600).

#include "support/postwrd_instance.h"
#include "support/test_message.h"

#include <QFile>
#include <QSet>
#include <QTest>

namespace {
const QString kAlice = QStringLiteral("alice@local.test");
const QString kBob = QStringLiteral("bob@local.test");

QSet<QString> lines(const QByteArray &output) {
  QSet<QString> result;
  for (const QString &line : QString::fromUtf8(output).split(QLatin1Char('\n'), Qt::SkipEmptyParts))
    result.insert(line.trimmed());
  return result;
}

QString failure(const QString &what, const ProcessResult &result) {
  return QStringLiteral("%1: %2, stderr: %3").arg(what, result.status(), QString::fromUtf8(result.standardError));
}
}  // namespace

class CliUsers : public QObject {
  Q_OBJECT

 private slots:
  void addListCheckRemoveRoundTrip() {
    PostwrdInstance postwrd;
    postwrd.addDomain(QStringLiteral("local.test"));
    QVERIFY2(postwrd.prepare(), qPrintable(postwrd.errorString()));
    const QString alicePassword = newPassword();
    const QString bobPassword = newPassword();
    const QByteArray aliceStdin = alicePassword.toUtf8() + '\n';

    const ProcessResult addAlice = postwrd.cli({QStringLiteral("user"), QStringLiteral("add"), kAlice}, aliceStdin);
    QVERIFY2(addAlice.succeeded(), qPrintable(failure(QStringLiteral("user add"), addAlice)));
    QVERIFY(!(addAlice.standardOutput + addAlice.standardError).contains(alicePassword.toUtf8()));
    QVERIFY2(postwrd.cliAddUser(kBob, bobPassword), qPrintable(postwrd.errorString()));

    ProcessResult list = postwrd.cli({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY2(list.succeeded(), qPrintable(failure(QStringLiteral("user list"), list)));
    QCOMPARE(lines(list.standardOutput), (QSet<QString>{kAlice, kBob}));

    // Stored hashed: the users file never holds a password.
    const QByteArray usersFile = PostwrdInstance::readFile(postwrd.configDir() + QStringLiteral("/domains/local.test/users"));
    QVERIFY2(!usersFile.isEmpty(), "domains/local.test/users is missing or empty");
    QVERIFY(!usersFile.contains(alicePassword.toUtf8()));
    QVERIFY(!usersFile.contains(bobPassword.toUtf8()));
    // Hashes are secret too: readable by their owner only, like the keys.
    QCOMPARE(QFile::permissions(postwrd.configDir() + QStringLiteral("/domains/local.test/users")),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadUser | QFileDevice::WriteUser);

    const QStringList checkAlice = {QStringLiteral("user"), QStringLiteral("check"), kAlice};
    const ProcessResult right = postwrd.cli(checkAlice, aliceStdin);
    QVERIFY2(right.exitCode == 0 && !right.timedOut, qPrintable(failure(QStringLiteral("user check, right password"), right)));
    QVERIFY(!(right.standardOutput + right.standardError).contains(alicePassword.toUtf8()));
    const ProcessResult wrong = postwrd.cli(checkAlice, bobPassword.toUtf8() + '\n');
    QVERIFY2(wrong.exitCode == 1 && !wrong.timedOut, qPrintable(failure(QStringLiteral("user check, wrong password"), wrong)));

    const ProcessResult remove = postwrd.cli({QStringLiteral("user"), QStringLiteral("remove"), kAlice});
    QVERIFY2(remove.succeeded(), qPrintable(failure(QStringLiteral("user remove"), remove)));
    list = postwrd.cli({QStringLiteral("user"), QStringLiteral("list")});
    QVERIFY2(list.succeeded(), qPrintable(failure(QStringLiteral("user list"), list)));
    QCOMPARE(lines(list.standardOutput), (QSet<QString>{kBob}));
    const ProcessResult gone = postwrd.cli(checkAlice, aliceStdin);
    QVERIFY2(gone.exitCode == 1 && !gone.timedOut, qPrintable(failure(QStringLiteral("user check after remove"), gone)));
    // Bob is untouched.
    const ProcessResult bob = postwrd.cli({QStringLiteral("user"), QStringLiteral("check"), kBob}, bobPassword.toUtf8() + '\n');
    QVERIFY2(bob.exitCode == 0, qPrintable(failure(QStringLiteral("user check bob"), bob)));
  }

  void generatedPasswordPassesCheck() {
    PostwrdInstance postwrd;
    postwrd.addDomain(QStringLiteral("local.test"));
    QVERIFY2(postwrd.prepare(), qPrintable(postwrd.errorString()));

    QStringList generated;
    for (const QString &user : {kAlice, kBob}) {
      const ProcessResult add = postwrd.cli({QStringLiteral("user"), QStringLiteral("add"), user, QStringLiteral("--generate")});
      QVERIFY2(add.succeeded(), qPrintable(failure(QStringLiteral("user add --generate"), add)));
      const QString password = QString::fromUtf8(add.standardOutput).trimmed();  // not printed: it is a secret
      QVERIFY2(!password.isEmpty() && !password.contains(QLatin1Char('\n')) && !password.contains(QLatin1Char(' ')),
               "--generate must print exactly one password on stdout");
      QVERIFY2(password.size() >= 12, "the generated password is shorter than 12 characters");
      const ProcessResult check = postwrd.cli({QStringLiteral("user"), QStringLiteral("check"), user}, password.toUtf8() + '\n');
      QVERIFY2(check.exitCode == 0 && !check.timedOut, qPrintable(failure(QStringLiteral("user check with the generated password"), check)));
      generated << password;
    }
    QVERIFY2(generated[0] != generated[1], "two generated passwords are equal");
  }
};

QTEST_GUILESS_MAIN(CliUsers)
#include "tst_it_cli_users.moc"
