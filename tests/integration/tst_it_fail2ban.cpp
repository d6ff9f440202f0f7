// fail2ban support (service/packaging/fail2ban): Debian's fail2ban-regex,
// run offline as the test user with no fail2ban server, reads the log a real
// postwrd wrote after swaks logged in from 127.0.0.1 once with the right
// password, four times with a wrong one (auth_failures = 4), and twice more,
// refused unchecked by the AUTH throttle (454):
//
//   - every failed and every throttled login matches, with host 127.0.0.1,
//     and the good one does not;
//   - some of them use user names that spell out another client
//     (`mallory client=198.51.100.1`, and one with a quote and a backslash
//     that tries to end postwrd's quoting): fail2ban still sees 127.0.0.1
//     and never 198.51.100.1;
//   - the same holds for the lines as fail2ban's systemd backend reads them
//     from the journal ("HOSTNAME postwrd[PID]: level=...");
//   - forms this run does not make match too: an empty or missing user name,
//     an IPv6 client;
//   - fail2ban-client loads the jail in a copy of Debian's fail2ban
//     configuration: enabled, systemd backend, the unit's journal, the three
//     SMTP ports.
// Missing tools fail the test with the package to install.

#include "support/postwrd_instance.h"
#include "support/process_runner.h"
#include "support/swaks.h"
#include "support/test_message.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

namespace {

const QString kAlice = QStringLiteral("alice@local.test");
const QString kLoopback = QStringLiteral("127.0.0.1");
const QString kFramed = QStringLiteral("198.51.100.1");
// User names a password guesser could send to get someone else banned.
const QStringList kCraftedUsers = {
    QStringLiteral("mallory client=198.51.100.1"),
    QStringLiteral("x\" client=198.51.100.1 user=y result=failed \\"),
};
// Who tries a wrong password, in turn, until the throttle refuses the client;
// then who tries again, refused unchecked (Alice with her right password).
const QStringList kWrongUsers = QStringList { kAlice, kAlice } + kCraftedUsers;
const QStringList kThrottledUsers = { kCraftedUsers.first(), kAlice };

struct Hit {
    QString ip;
    QString line;
};

QString packagingFile(const QString &relative)
{
    return qEnvironmentVariable("POSTWR_SOURCE_DIR")
        + QStringLiteral("/service/packaging/fail2ban/") + relative;
}

QString failure(const QString &what, const ProcessResult &result)
{
    return QStringLiteral("%1: %2\nstdout: %3\nstderr: %4")
        .arg(what, result.status(), QString::fromUtf8(result.standardOutput),
            QString::fromUtf8(result.standardError));
}

ProcessResult runTool(const QString &program, const QStringList &arguments)
{
    ProcessRequest request;
    request.program = program;
    request.arguments = arguments;
    request.timeoutMs = 60000;
    return runProcess(request);
}

bool writeLines(const QString &path, const QStringList &lines)
{
    QFile file(path);
    const QByteArray text = lines.join(QLatin1Char('\n')).toUtf8() + '\n';
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class ItFail2ban : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        regex_ = findTool(
            QStringLiteral("fail2ban-regex"), QStringLiteral("apt-get install fail2ban"), &error);
        QVERIFY2(!regex_.isEmpty(), qPrintable(error));
        client_ = findTool(
            QStringLiteral("fail2ban-client"), QStringLiteral("apt-get install fail2ban"), &error);
        QVERIFY2(!client_.isEmpty(), qPrintable(error));
        QVERIFY2(QFileInfo(QStringLiteral("/etc/fail2ban/jail.conf")).isFile(),
            "/etc/fail2ban/jail.conf not found: apt-get install fail2ban");
        filter_ = packagingFile(QStringLiteral("filter.d/postwrd.conf"));
        QVERIFY2(QFileInfo(filter_).isFile(), qPrintable(filter_));
        QVERIFY(work_.isValid());
        // fail2ban-regex reads nothing of the system's fail2ban set-up: an empty
        // configuration directory, and the filter given by its path.
        QVERIFY(QDir(work_.path()).mkpath(QStringLiteral("no-config")));
        recordLogins();
    }

    void failedLoginsMatchWithTheClientsAddress_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::newRow("the log file of a user-mode install") << QString();
        QTest::newRow("the journal as the systemd backend reads it")
            << QStringLiteral("mail.local.test postwrd[%1]: ").arg(pid_);
    }
    void failedLoginsMatchWithTheClientsAddress()
    {
        QFETCH(QString, prefix);
        QStringList lines;
        QStringList failed;
        for (const QString &line : std::as_const(log_)) {
            lines << prefix + line;
            if (line.startsWith(QLatin1String("level=warning event=auth "))
                && (line.endsWith(QLatin1String(" result=failed"))
                    || line.endsWith(QLatin1String(" result=throttled"))))
                failed << prefix + line;
        }
        QCOMPARE(failed.size(), kWrongUsers.size() + kThrottledUsers.size());

        QList<Hit> hits;
        QString error;
        QVERIFY2(run(lines, &hits, &error), qPrintable(error));
        QStringList matched;
        for (const Hit &hit : hits) {
            QVERIFY2(hit.ip != kFramed,
                qPrintable(QStringLiteral("a user name framed %1: %2").arg(kFramed, hit.line)));
            QVERIFY2(hit.ip == kLoopback,
                qPrintable(QStringLiteral("host %1, not %2: %3").arg(hit.ip, kLoopback, hit.line)));
            matched << hit.line;
        }
        std::sort(matched.begin(), matched.end());
        std::sort(failed.begin(), failed.end());
        QCOMPARE(matched, failed); // every failure, and neither the good login nor any other line
    }

    void emptyOrMissingUserAndIpv6ClientsMatch()
    {
        const QStringList lines = {
            QStringLiteral(
                "level=warning event=auth session=8 client=192.0.2.8 user=\"\" result=throttled"),
            QStringLiteral("level=warning event=auth session=9 client=2001:db8::9 result=failed"),
            QStringLiteral("level=warning event=auth session=10 client=2001:db8::10 "
                           "user=\"x client=198.51.100.1\" result=throttled"),
            QStringLiteral("level=info event=auth session=11 client=2001:db8::11 "
                           "user=bob@example.org result=ok"),
            QStringLiteral("level=info event=tls_failed session=12 client=192.0.2.12 "
                           "error=\"unexpected eof\""),
        };
        QList<Hit> hits;
        QString error;
        QVERIFY2(run(lines, &hits, &error), qPrintable(error));
        QStringList ips;
        for (const Hit &hit : std::as_const(hits))
            ips << hit.ip;
        QCOMPARE(ips,
            (QStringList { QStringLiteral("192.0.2.8"), QStringLiteral("2001:db8::9"),
                QStringLiteral("2001:db8::10") }));
    }

    void jailLoadsInDebiansConfiguration()
    {
        const QString config = work_.filePath(QStringLiteral("etc-fail2ban"));
        QVERIFY(QDir().mkpath(config));
        const ProcessResult copy = runTool(QStringLiteral("cp"),
            { QStringLiteral("-r"), QStringLiteral("/etc/fail2ban/."), config });
        QVERIFY2(
            copy.succeeded(), qPrintable(failure(QStringLiteral("cp -r /etc/fail2ban"), copy)));
        for (const QString &file :
            { QStringLiteral("filter.d/postwrd.conf"), QStringLiteral("jail.d/postwrd.conf") }) {
            QFile::remove(config + QLatin1Char('/') + file);
            QVERIFY2(QFile::copy(packagingFile(file), config + QLatin1Char('/') + file),
                qPrintable(file));
        }
        // -d: parse the configuration and print the commands it would send to
        // the server, without one.
        const ProcessResult dump
            = runTool(client_, { QStringLiteral("--conf"), config, QStringLiteral("-d") });
        QVERIFY2(dump.succeeded(), qPrintable(failure(QStringLiteral("fail2ban-client -d"), dump)));
        const QString out = QString::fromUtf8(dump.standardOutput);
        for (const char *expected : { "['add', 'postwrd', 'systemd']",
                 "['set', 'postwrd', 'addjournalmatch', '_SYSTEMD_UNIT=postwrd.service']",
                 "['set', 'postwrd', 'maxretry', 5]", "['set', 'postwrd', 'findtime', '1h']",
                 "['set', 'postwrd', 'bantime', '1h']", "['port', 'smtp,submission,submissions']",
                 "['start', 'postwrd']" })
            QVERIFY2(out.contains(QLatin1String(expected)),
                qPrintable(QStringLiteral("no %1 in:\n%2").arg(QLatin1String(expected), out)));
    }

private:
    // One login with the right password, then kWrongUsers with wrong ones
    // (answered 0, 1, 2 and 4 s late) until the throttle refuses this client,
    // then kThrottledUsers, each on its own submission session; keeps the log
    // postwrd wrote.
    void recordLogins()
    {
        PostwrdInstance postwrd;
        const QString password = newPassword();
        postwrd.addUser(kAlice, password);
        postwrd.setLimit(QStringLiteral("auth_failures"), QString::number(kWrongUsers.size()));
        QVERIFY2(postwrd.start(), qPrintable(postwrd.errorString()));
        pid_ = postwrd.processId();

        SwaksRequest request;
        request.port = postwrd.port(Role::Submission);
        request.tls = SwaksRequest::Tls::StartTls;
        request.authMechanism = QStringLiteral("PLAIN");
        request.from = kAlice;
        request.to = { kAlice };
        request.quitAfter = QStringLiteral("AUTH");
        request.user = kAlice;
        request.password = password;
        const SwaksResult good = runSwaks(request);
        QVERIFY2(good.setupError.isEmpty(), qPrintable(good.setupError));
        QVERIFY2(good.hasReply(235), qPrintable(good.describe()));

        for (const QString &user : kWrongUsers) {
            request.user = user;
            request.password = newPassword();
            const SwaksResult wrong = runSwaks(request);
            QVERIFY2(wrong.firstError().code == 535, qPrintable(wrong.describe()));
        }
        for (const QString &user : kThrottledUsers) {
            request.user = user;
            request.password = user == kAlice ? password : newPassword();
            const SwaksResult refused = runSwaks(request);
            QVERIFY2(refused.firstError().code == 454, qPrintable(refused.describe()));
        }

        const QRegularExpression authLine(
            QStringLiteral("^level=\\w+ event=auth "), QRegularExpression::MultilineOption);
        QTRY_COMPARE_WITH_TIMEOUT(postwrd.logMatches(authLine).size(),
            1 + kWrongUsers.size() + kThrottledUsers.size(), 10000);
        QVERIFY2(postwrd.stop(), qPrintable(postwrd.errorString()));
        log_ = postwrd.log().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        // The crafted names reached the log as written, inside one quoted value.
        QStringList expected;
        for (const QString &user : kCraftedUsers)
            expected << quotedAuthLineEnd(user, QStringLiteral("failed"));
        expected << quotedAuthLineEnd(kCraftedUsers.first(), QStringLiteral("throttled"));
        for (const QString &end : std::as_const(expected))
            QVERIFY2(std::any_of(log_.cbegin(), log_.cend(),
                         [&](const QString &line) { return line.endsWith(end); }),
                qPrintable(QStringLiteral("no line ending %1 in:\n%2")
                               .arg(end, log_.join(QLatin1Char('\n')))));
    }

    // How an auth line from 127.0.0.1 for a user name that needs quoting ends.
    static QString quotedAuthLineEnd(const QString &user, const QString &result)
    {
        QString quoted = user;
        quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        return QStringLiteral("client=%1 user=\"%2\" result=%3").arg(kLoopback, quoted, result);
    }

    // fail2ban-regex with our filter over these lines: one hit per matched
    // line, or false with *error set.
    bool run(const QStringList &lines, QList<Hit> *hits, QString *error)
    {
        const QString logFile = work_.filePath(QStringLiteral("postwrd.log"));
        if (!writeLines(logFile, lines)) {
            *error = QStringLiteral("cannot write ") + logFile;
            return false;
        }
        const ProcessResult result = runTool(regex_,
            { QStringLiteral("--config"), work_.filePath(QStringLiteral("no-config")),
                QStringLiteral("--raw"), QStringLiteral("--out"), QStringLiteral("<ip> <msg>"),
                logFile, filter_ });
        if (!result.succeeded()) {
            *error = failure(QStringLiteral("fail2ban-regex"), result);
            return false;
        }
        for (const QString &line :
            QString::fromUtf8(result.standardOutput).split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const qsizetype blank = line.indexOf(QLatin1Char(' '));
            hits->append({ line.left(blank), blank < 0 ? QString() : line.mid(blank + 1) });
        }
        return true;
    }

    QString regex_;
    QString client_;
    QString filter_;
    QTemporaryDir work_;
    QStringList log_;
    qint64 pid_ = 0;
};

QTEST_GUILESS_MAIN(ItFail2ban)
#include "tst_it_fail2ban.moc"
