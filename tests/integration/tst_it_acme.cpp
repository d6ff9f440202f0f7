// A certificate from a real ACME server: Debian's pebble (Let's Encrypt's
// test CA) on loopback, asked by Debian's certbot, which the "tls" step of
// `postwr --headless` runs on the server (a real sshd, a throwaway user,
// postwrd installed in user mode). Then:
//
//   - postwrd serves the issued certificate on its implicit-TLS port, and
//     `openssl s_client` verifies it against pebble's issuing root;
//   - the renewal script the step leaves (what cron runs; here without its
//     random wait), forced to renew,
//     makes certbot's deploy hook install the new certificate and reload
//     postwrd: s_client sees a new serial, postwrd's pid is the same;
//   - a second run keeps the certificate (nothing to do);
//   - existing-certificate paths that are missing, or a key that is not the
//     certificate's, fail with a clear error and change nothing;
//   - a name that does not resolve to the server stops before asking the CA;
//   - a challenge the CA cannot reach (port 80 blocked) is explained;
//   - DNS-01 through Cloudflare's API (a stand-in: Cloudflare cannot be
//     reached from here) whose records pebble-challtestsrv serves to a
//     second pebble: a wrong token is named, the right one gets the
//     certificate, and it is kept on the server in a file of mode 0600,
//     never printed.

#include "support/free_port.h"
#include "support/dnsmasq_instance.h"
#include "support/headless_run.h"
#include "support/pebble_instance.h"
#include "support/process_runner.h"
#include "support/sshd_instance.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kHost = QStringLiteral("mail.acme.test");

} // namespace

class AcmeTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(TestUser::runningAsRoot(&error), qPrintable(error));
        QVERIFY2(!findTool(QStringLiteral("crontab"), QStringLiteral("apt-get install cron"), &error).isEmpty(), qPrintable(error));
        QVERIFY2(!findTool(QStringLiteral("certbot"), QStringLiteral("apt-get install certbot"), &error).isEmpty(), qPrintable(error));
        QVERIFY2(!qEnvironmentVariable("POSTWR_APP").isEmpty(), "POSTWR_APP is not set; run through ctest");
        QVERIFY2(startKeyLogin(dir_.path(), sshd_, user_, &login_, &error), qPrintable(error));
        for (int i = 0; i < 4; ++i)
            ports_ << freeLoopbackPort();
        dns_.addAddressWithoutPtr(kHost, QStringLiteral("127.0.0.1"));
        dns_.addAddressWithoutPtr(QStringLiteral("elsewhere.acme.test"), QStringLiteral("127.0.0.9"));
        dns_.addAddressWithoutPtr(QStringLiteral("dns.acme.test"), QStringLiteral("127.0.0.1"));
        dns_.addAddressWithoutPtr(QStringLiteral("blocked.acme.test"), QStringLiteral("127.0.0.1"));
        QVERIFY2(dns_.start(), qPrintable(dns_.errorString()));
        QVERIFY2(pebble_.start(dns_.serverSpec(), ports_[3]), qPrintable(pebble_.errorString()));
    }

    void cleanupTestCase()
    {
        runProcess({ QStringLiteral("pkill"), { QStringLiteral("-KILL"), QStringLiteral("-u"), user_.name() }, {}, 10000,
            QProcessEnvironment::systemEnvironment(), {} });
        // userdel leaves the user's crontab behind.
        runProcess({ QStringLiteral("crontab"), { QStringLiteral("-r"), QStringLiteral("-u"), user_.name() }, {}, 10000,
            QProcessEnvironment::systemEnvironment(), {} });
        if (QTest::currentTestFailed())
            qInfo().noquote() << "----- pebble log -----\n" << pebble_.log();
    }

    // Before install, postwrd has its self-signed certificate, marked so.
    void issuesAndServesATrustedCertificate()
    {
        const ProcessResult installed = runPostwr(plan({ QStringLiteral("install"), QStringLiteral("hostname") }));
        QVERIFY2(installed.succeeded(), installed.standardOutput.constData());
        const QJsonObject before = show();
        QVERIFY2(before[QStringLiteral("self_signed")].toBool(), qPrintable(QJsonDocument(before).toJson()));

        const ProcessResult issued = runPostwr(plan({ QStringLiteral("tls") }));
        const QString out = QString::fromUtf8(issued.standardOutput + issued.standardError);
        QVERIFY2(issued.succeeded(), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("mail.acme.test resolves to this server (127.0.0.1).")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("[good] postwrd serves a certificate for mail.acme.test from")), qPrintable(out));
        // Renewal twice a day from the user's crontab, by the script tested below.
        const ProcessResult crontab = runProcess({ QStringLiteral("crontab"), { QStringLiteral("-l"), QStringLiteral("-u"), user_.name() }, {},
            10000, QProcessEnvironment::systemEnvironment(), {} });
        QVERIFY2(crontab.standardOutput.contains(QStringLiteral("17 3,15 * * * %1/bin/postwr-renew-certificate").arg(prefix()).toUtf8()),
            qPrintable(crontab.status() + QLatin1Char('\n') + QString::fromUtf8(crontab.standardOutput + crontab.standardError)));

        const QJsonObject after = show();
        QVERIFY2(!after[QStringLiteral("self_signed")].toBool(), qPrintable(QJsonDocument(after).toJson()));
        QCOMPARE(after[QStringLiteral("names")].toArray(), QJsonArray { kHost });
        QVERIFY2(after[QStringLiteral("issuer")].toString().contains(QStringLiteral("Pebble")), qPrintable(after[QStringLiteral("issuer")].toString()));
        QVERIFY(after[QStringLiteral("days_left")].toInt() > 30);

        const QByteArray root = pebble_.issuingRoot();
        QVERIFY2(!root.isEmpty(), qPrintable(pebble_.errorString()));
        QFile rootFile(dir_.filePath(QStringLiteral("pebble-root.pem")));
        QVERIFY(rootFile.open(QIODevice::WriteOnly) && rootFile.write(root) == root.size());
        rootFile.close();
        const QString served = servedSerial(rootFile.fileName());
        QCOMPARE(served, after[QStringLiteral("serial")].toString());
        serial_ = served;
    }

    void renewalReachesPostwrdWithoutRestart()
    {
        QVERIFY2(!serial_.isEmpty(), "the issuing test did not pass");
        const QString pid = readPid();
        QVERIFY(!pid.isEmpty());
        const ProcessResult renewed = runProcess({ QStringLiteral("runuser"),
            { QStringLiteral("-u"), user_.name(), QStringLiteral("--"), prefix() + QStringLiteral("/bin/postwr-renew-certificate"),
                QStringLiteral("--force-renewal"), QStringLiteral("--no-random-sleep-on-renew") },
            {}, 120000, QProcessEnvironment::systemEnvironment(), QStringLiteral("/") });
        QVERIFY2(renewed.succeeded(), qPrintable(renewed.status() + QLatin1Char('\n') + QString::fromUtf8(renewed.standardOutput + renewed.standardError)));
        QString now;
        for (int i = 0; i < 50 && (now.isEmpty() || now == serial_); ++i) {
            QTest::qWait(100);
            now = servedSerial(dir_.filePath(QStringLiteral("pebble-root.pem")));
        }
        QVERIFY2(!now.isEmpty() && now != serial_, qPrintable(QStringLiteral("still %1").arg(now)));
        QCOMPARE(show()[QStringLiteral("serial")].toString(), now);
        QCOMPARE(readPid(), pid);
    }

    void aGoodCertificateIsKept()
    {
        QVERIFY2(!serial_.isEmpty(), "the issuing test did not pass");
        const QString serial = show()[QStringLiteral("serial")].toString();
        const ProcessResult again = runPostwr(plan({ QStringLiteral("tls") }));
        const QString out = QString::fromUtf8(again.standardOutput + again.standardError);
        QVERIFY2(again.succeeded(), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("is valid until")) && out.contains(QStringLiteral(": kept.")), qPrintable(out));
        QCOMPARE(show()[QStringLiteral("serial")].toString(), serial);
    }

    void badExistingCertificatesChangeNothing()
    {
        QVERIFY2(!serial_.isEmpty(), "the issuing test did not pass");
        const QString serial = show()[QStringLiteral("serial")].toString();
        QJsonObject missing = plan({ QStringLiteral("tls") });
        missing[QStringLiteral("tls")] = QJsonObject { { QStringLiteral("mode"), QStringLiteral("existing") },
            { QStringLiteral("certificate"), QStringLiteral("/nonexistent/fullchain.pem") },
            { QStringLiteral("key"), QStringLiteral("/nonexistent/privkey.pem") } };
        ProcessResult run = runPostwr(missing);
        QString out = QString::fromUtf8(run.standardOutput + run.standardError);
        QVERIFY2(!run.succeeded() && out.contains(QStringLiteral("/nonexistent/fullchain.pem")) && out.contains(QStringLiteral("No such file")),
            qPrintable(out));

        // pebble's own listener certificate (readable by everyone) with the live key: not a pair.
        QJsonObject mismatched = missing;
        mismatched[QStringLiteral("tls")] = QJsonObject { { QStringLiteral("mode"), QStringLiteral("existing") },
            { QStringLiteral("certificate"), pebble_.apiCertificateFile() },
            { QStringLiteral("key"), prefix() + QStringLiteral("/letsencrypt/live/mail.acme.test/privkey.pem") } };
        run = runPostwr(mismatched);
        out = QString::fromUtf8(run.standardOutput + run.standardError);
        QVERIFY2(!run.succeeded() && out.contains(QStringLiteral("is not the certificate's own key")), qPrintable(out));

        // A key the service's user may not read (in root's private directory).
        QJsonObject unreadable = missing;
        unreadable[QStringLiteral("tls")] = QJsonObject { { QStringLiteral("mode"), QStringLiteral("existing") },
            { QStringLiteral("certificate"), pebble_.apiCertificateFile() }, { QStringLiteral("key"), pebble_.apiKeyFile() } };
        run = runPostwr(unreadable);
        out = QString::fromUtf8(run.standardOutput + run.standardError);
        QVERIFY2(!run.succeeded() && out.contains(pebble_.apiKeyFile() + QStringLiteral(": ")) && out.contains(QStringLiteral("ermission denied")),
            qPrintable(out));
        QCOMPARE(show()[QStringLiteral("serial")].toString(), serial);
    }

    void aNameElsewhereStopsBeforeAsking()
    {
        QVERIFY2(!serial_.isEmpty(), "the issuing test did not pass");
        QJsonObject elsewhere = plan({ QStringLiteral("tls") });
        elsewhere[QStringLiteral("hostname")] = QStringLiteral("elsewhere.acme.test");
        const ProcessResult run = runPostwr(elsewhere);
        const QString out = QString::fromUtf8(run.standardOutput + run.standardError);
        QVERIFY2(!run.succeeded()
                && out.contains(QStringLiteral("elsewhere.acme.test points to 127.0.0.9, not to this server (127.0.0.1)")),
            qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("certbot certonly")), qPrintable(out));
    }

    // pebble validates on its HTTP port; certbot answering on another is
    // what a firewall in between looks like: refused, and said so.
    void aBlockedPort80IsExplained()
    {
        QVERIFY2(!serial_.isEmpty(), "the issuing test did not pass");
        QJsonObject blocked = plan({ QStringLiteral("hostname"), QStringLiteral("tls") });
        blocked[QStringLiteral("hostname")] = QStringLiteral("blocked.acme.test");
        QJsonObject tls = blocked[QStringLiteral("tls")].toObject();
        tls[QStringLiteral("http_port")] = freeLoopbackPort();
        blocked[QStringLiteral("tls")] = tls;
        const ProcessResult run = runPostwr(blocked);
        const QString out = QString::fromUtf8(run.standardOutput + run.standardError);
        QVERIFY2(!run.succeeded() && out.contains(QStringLiteral("could not reach blocked.acme.test on port")), qPrintable(out));
    }

    void dnsChallengeThroughCloudflare()
    {
        QVERIFY2(!serial_.isEmpty(), "the issuing test did not pass");
        QString error;
        const QString challtestsrv = findTool(QStringLiteral("pebble-challtestsrv"), QStringLiteral("apt-get install pebble"), &error);
        QVERIFY2(!challtestsrv.isEmpty(), qPrintable(error));
        const quint16 dnsPort = freeLoopbackPort(), managementPort = freeLoopbackPort(), apiPort = freeLoopbackPort();
        // Stopped however the test ends.
        const auto stop = [](QProcess *process) {
            process->terminate();
            if (!process->waitForFinished(3000))
                process->kill();
            process->waitForFinished(2000);
            delete process;
        };
        std::unique_ptr<QProcess, decltype(stop)> challengesOwner(new QProcess, stop);
        QProcess &challenges = *challengesOwner;
        challenges.setProcessChannelMode(QProcess::MergedChannels);
        challenges.start(challtestsrv, { QStringLiteral("-dns01"), QStringLiteral("127.0.0.1:%1").arg(dnsPort), QStringLiteral("-management"),
                                           QStringLiteral("127.0.0.1:%1").arg(managementPort), QStringLiteral("-http01"), QString(),
                                           QStringLiteral("-https01"), QString(), QStringLiteral("-tlsalpn01"), QString(),
                                           QStringLiteral("-defaultIPv6"), QString() });
        QVERIFY2(challenges.waitForStarted(5000), qPrintable(challenges.errorString()));
        PebbleInstance pebble;
        QVERIFY2(pebble.start(QStringLiteral("127.0.0.1:%1").arg(dnsPort), freeLoopbackPort()), qPrintable(pebble.errorString()));
        const QString token = QStringLiteral("cf-%1").arg(QDateTime::currentMSecsSinceEpoch());
        QString python = systemPython(&error);
        QVERIFY2(!python.isEmpty(), qPrintable(error));
        std::unique_ptr<QProcess, decltype(stop)> apiOwner(new QProcess, stop);
        QProcess &api = *apiOwner;
        api.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        api.start(python, { qEnvironmentVariable("POSTWR_SOURCE_DIR") + QStringLiteral("/tests/integration/python/fake_cloudflare.py"), QStringLiteral("--port"), QString::number(apiPort),
                              QStringLiteral("--cert"), pebble.apiCertificateFile(), QStringLiteral("--key"), pebble.apiKeyFile(),
                              QStringLiteral("--token"), token, QStringLiteral("--zone"), QStringLiteral("acme.test"),
                              QStringLiteral("--challtestsrv"), QStringLiteral("http://127.0.0.1:%1").arg(managementPort) });
        QVERIFY2(api.waitForReadyRead(10000) && api.readLine().startsWith("READY"), "the Cloudflare stand-in did not start");

        QJsonObject cloudflare = plan({ QStringLiteral("hostname"), QStringLiteral("tls") });
        cloudflare[QStringLiteral("hostname")] = QStringLiteral("dns.acme.test");
        cloudflare[QStringLiteral("tls")] = QJsonObject { { QStringLiteral("challenge"), QStringLiteral("cloudflare") },
            { QStringLiteral("cloudflare_token_env"), QStringLiteral("CF_TOKEN") },
            { QStringLiteral("cloudflare_api"), QStringLiteral("https://127.0.0.1:%1/client/v4").arg(apiPort) },
            { QStringLiteral("dns_wait"), 1 }, { QStringLiteral("acme_server"), pebble.directoryUrl() },
            { QStringLiteral("ca_bundle"), pebble.apiCertificateFile() } };

        ProcessResult run = runPostwr(cloudflare, { { QStringLiteral("CF_TOKEN"), QStringLiteral("not-the-token") } });
        QString out = QString::fromUtf8(run.standardOutput + run.standardError);
        QVERIFY2(!run.succeeded() && out.contains(QStringLiteral("Cloudflare refused the API token")), qPrintable(out));

        run = runPostwr(cloudflare, { { QStringLiteral("CF_TOKEN"), token } });
        out = QString::fromUtf8(run.standardOutput + run.standardError);
        QVERIFY2(run.succeeded(), qPrintable(out));
        QVERIFY2(!out.contains(token), "the token was printed");
        const QJsonObject served = show();
        QCOMPARE(served[QStringLiteral("names")].toArray(), QJsonArray { QStringLiteral("dns.acme.test") });
        QVERIFY2(served[QStringLiteral("issuer")].toString().contains(QStringLiteral("Pebble")), qPrintable(served[QStringLiteral("issuer")].toString()));

        const QString credentials = prefix() + QStringLiteral("/letsencrypt/postwr-cloudflare.ini");
        const QFileInfo info(credentials);
        QVERIFY2(info.exists(), qPrintable(credentials));
        QCOMPARE(info.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
            QFileDevice::Permissions());
        QCOMPARE(info.owner(), user_.name());
    }

private:
    QString prefix() const { return user_.home() + QStringLiteral("/postwr"); }

    QJsonObject plan(const QStringList &steps) const
    {
        return QJsonObject {
            { QStringLiteral("server"), serverPlan(sshd_, user_, login_, dir_.path()) },
            { QStringLiteral("steps"), QJsonArray::fromStringList(steps) },
            { QStringLiteral("install"),
                QJsonObject { { QStringLiteral("mode"), QStringLiteral("user") }, { QStringLiteral("prefix"), QStringLiteral("~/postwr") },
                    { QStringLiteral("listen"), QStringLiteral("127.0.0.1") },
                    { QStringLiteral("ports"),
                        QJsonObject { { QStringLiteral("smtp"), ports_[0] }, { QStringLiteral("submission"), ports_[1] },
                            { QStringLiteral("submissions"), ports_[2] } } } } },
            { QStringLiteral("hostname"), kHost },
            { QStringLiteral("domains"), QJsonArray { QStringLiteral("acme.test") } },
            { QStringLiteral("dns"),
                QJsonObject { { QStringLiteral("ipv4"), QStringLiteral("127.0.0.1") }, { QStringLiteral("servers"), dns_.serverSpec() } } },
            { QStringLiteral("tls"),
                QJsonObject { { QStringLiteral("acme_server"), pebble_.directoryUrl() },
                    { QStringLiteral("ca_bundle"), pebble_.apiCertificateFile() }, { QStringLiteral("http_port"), ports_[3] },
                    { QStringLiteral("http_address"), QStringLiteral("127.0.0.1") },
                    { QStringLiteral("email"), QStringLiteral("admin@acme.test") } } },
        };
    }

    ProcessResult runPostwr(const QJsonObject &plan, const QMap<QString, QString> &environment = {}) const
    {
        return runHeadlessPlan(dir_.path(), plan, environment);
    }

    // `postwrd tls show --format json` as the service's user.
    QJsonObject show() const
    {
        const ProcessResult shown = runProcess({ QStringLiteral("runuser"),
            { QStringLiteral("-u"), user_.name(), QStringLiteral("--"), prefix() + QStringLiteral("/bin/postwrd"), QStringLiteral("--config"),
                prefix() + QStringLiteral("/etc"), QStringLiteral("tls"), QStringLiteral("show"), QStringLiteral("--format"), QStringLiteral("json") },
            {}, 20000, QProcessEnvironment::systemEnvironment(), QStringLiteral("/") });
        return QJsonDocument::fromJson(shown.standardOutput).object();
    }

    QString readPid() const
    {
        QFile file(prefix() + QStringLiteral("/spool/postwrd.pid"));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()).trimmed() : QString();
    }

    // The serial of the certificate postwrd serves on 465, verified for
    // the host name against `rootFile`; "" when verification fails.
    QString servedSerial(const QString &rootFile) const
    {
        const QString script = QStringLiteral(
            "out=$(openssl s_client -connect 127.0.0.1:%1 -servername %2 -verify_hostname %2 -CAfile %3 "
            "-verify_return_error </dev/null 2>/dev/null) || exit 1; printf '%s\\n' \"$out\" | openssl x509 -noout -serial")
                                   .arg(ports_[2])
                                   .arg(kHost, rootFile);
        const ProcessResult run = runProcess({ QStringLiteral("sh"), { QStringLiteral("-c"), script }, {}, 20000,
            QProcessEnvironment::systemEnvironment(), {} });
        const QString text = QString::fromUtf8(run.standardOutput).trimmed();
        return run.succeeded() && text.startsWith(QStringLiteral("serial=")) ? text.mid(7) : QString();
    }

    QTemporaryDir dir_;
    KeyLogin login_;
    SshdInstance sshd_;
    TestUser user_;
    DnsmasqInstance dns_;
    PebbleInstance pebble_;
    QList<quint16> ports_; // smtp, submission, submissions, HTTP-01
    QString serial_;
};

QTEST_GUILESS_MAIN(AcmeTest)
#include "tst_it_acme.moc"
