// The backup's git remote: only an SSH address may reach git's command line
// (anything else could be read as an option, a local path or a transport
// without the deploy key), and git's complaints must turn into what the
// user has to do, from the text git and ssh really print.
#include "mail/git_remote.h"
#include "test_bytes.h"

#include <QTest>

using namespace postwr::mail;

namespace {

const QByteArray kRemote = "git@github.com:me/mail.git";

} // namespace

class TestGitRemote : public QObject {
    Q_OBJECT

private slots:
    void isGitSshRemote_data();
    void isGitSshRemote();
    void explainsKnownFailures_data();
    void explainsKnownFailures();
    void fallsBackToTheLastLine_data();
    void fallsBackToTheLastLine();
};

void TestGitRemote::isGitSshRemote_data()
{
    QTest::addColumn<QByteArray>("url");
    QTest::addColumn<bool>("ssh");

    QTest::newRow("scp-like with a user") << QByteArray("git@github.com:me/mail.git") << true;
    QTest::newRow("ssh:// with a port") << QByteArray("ssh://git@host:2222/path/mail.git") << true;
    QTest::newRow("ssh:// without a user") << QByteArray("ssh://host/x") << true;
    QTest::newRow("scp-like, short") << QByteArray("me@host:repo") << true;
    QTest::newRow("https") << QByteArray("https://github.com/me/x.git") << false;
    QTest::newRow("a local path") << QByteArray("/srv/git/x.git") << false;
    QTest::newRow("file://") << QByteArray("file:///x") << false;
    QTest::newRow("an option") << QByteArray("-oProxyCommand=x:y") << false;
    QTest::newRow("no path") << QByteArray("host:") << false;
    QTest::newRow("no host") << QByteArray(":path") << false;
    QTest::newRow("a blank") << QByteArray("git@github.com:me/mail.git extra") << false;
    QTest::newRow("a newline") << QByteArray("git@github.com:me/mail.git\n") << false;
    QTest::newRow("empty") << QByteArray() << false;
    QTest::newRow("ssh:// alone") << QByteArray("ssh://") << false;
    QTest::newRow("ssh:// without a host") << QByteArray("ssh:///path") << false;
}

void TestGitRemote::isGitSshRemote()
{
    QFETCH(QByteArray, url);
    QFETCH(bool, ssh);
    QCOMPARE(postwr::mail::isGitSshRemote(view(url)), ssh);
}

void TestGitRemote::explainsKnownFailures_data()
{
    QTest::addColumn<QByteArray>("errors");
    QTest::addColumn<QByteArray>("explanation"); // a part of it

    QTest::newRow("key not allowed")
        << QByteArray("git@github.com: Permission denied (publickey).\n"
                      "fatal: Could not read from remote repository.\n\n"
                      "Please make sure you have the correct access rights\n"
                      "and the repository exists.\n")
        << QByteArray("the remote refused the deploy key: add it to the deploy keys of "
                      "git@github.com:me/mail.git with write access");
    QTest::newRow("read-only key")
        << QByteArray("ERROR: The key you are authenticating with has been marked as read "
                      "only.\nfatal: Could not read from remote repository.\n")
        << QByteArray("may only read git@github.com:me/mail.git: allow it write access");
    QTest::newRow("no repository")
        << QByteArray("ERROR: Repository not found.\n"
                      "fatal: Could not read from remote repository.\n")
        << QByteArray("there is no repository git@github.com:me/mail.git");
    QTest::newRow("no git repository there")
        << QByteArray("fatal: '/srv/nothing' does not appear to be a git repository\n")
        << QByteArray("there is no git repository at git@github.com:me/mail.git");
    QTest::newRow("unknown host") << QByteArray(
        "ssh: Could not resolve hostname nope: Name or service not known\n")
                                  << QByteArray("does not resolve");
    QTest::newRow("port closed") << QByteArray(
        "ssh: connect to host 127.0.0.1 port 1: Connection refused\n")
                                 << QByteArray("refuses connections");
    QTest::newRow("port filtered")
        << QByteArray("ssh: connect to host 192.0.2.1 port 22: Connection timed out\n")
        << QByteArray("does not answer");
    QTest::newRow("remote has other history")
        << QByteArray("To github.com:me/mail.git\n ! [rejected]        main -> main (fetch first)\n"
                      "error: failed to push some refs to 'github.com:me/mail.git'\n")
        << QByteArray("push to an empty repository");
    QTest::newRow("non-fast-forward")
        << QByteArray(" ! [rejected]        main -> main (non-fast-forward)\n")
        << QByteArray("push to an empty repository");
    // ssh ends this one with "Host key verification failed.": the change is what to explain.
    QTest::newRow("host key changed")
        << QByteArray("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                      "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
                      "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                      "Host key verification failed.\n")
        << QByteArray("delete backup/ssh/known_hosts");
    QTest::newRow("host key unknown")
        << QByteArray("Host key verification failed.\n") << QByteArray("could not be verified");
}

void TestGitRemote::explainsKnownFailures()
{
    QFETCH(QByteArray, errors);
    QFETCH(QByteArray, explanation);
    const QByteArray text = bytes(explainGitFailure(view(errors), view(kRemote)));
    QVERIFY2(text.contains(explanation), text.constData());
}

void TestGitRemote::fallsBackToTheLastLine_data()
{
    QTest::addColumn<QByteArray>("errors");
    QTest::addColumn<QByteArray>("explanation");

    QTest::newRow("one line") << QByteArray("fatal: something odd\n")
                              << QByteArray("fatal: something odd");
    QTest::newRow("the last of several, CRLF")
        << QByteArray("warning: first\r\nfatal: last words\r\n") << QByteArray("fatal: last words");
    QTest::newRow("nothing") << QByteArray() << QByteArray("git failed without saying why");
    QTest::newRow("only line ends")
        << QByteArray("\n\r\n") << QByteArray("git failed without saying why");
}

void TestGitRemote::fallsBackToTheLastLine()
{
    QFETCH(QByteArray, errors);
    QFETCH(QByteArray, explanation);
    QCOMPARE(bytes(explainGitFailure(view(errors), view(kRemote))), explanation);
}

QTEST_APPLESS_MAIN(TestGitRemote)
#include "tst_git_remote.moc"
