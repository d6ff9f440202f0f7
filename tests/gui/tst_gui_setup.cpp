// The whole wizard, page by page, clicked like a person would, against a
// real OpenSSH server on loopback (a test user stands in for the VPS),
// dnsmasq for DNS and an aiosmtpd receiver standing in for Gmail. postwrd
// is installed in user mode with ports picked now. On the way: a wrong
// password, a bad domain, a cancelled install, a too short password, a bad
// forwarding address, certificate files that are not there; a certificate
// from pebble (Let's Encrypt's test CA) through the certificate page; a
// backup pushed to a git repository over SSH once its deploy key is
// allowed; at the end a test message that arrives DKIM-signed. The
// dashboard downloads the backup, and a second install restores it.
// On the way, every page is saved as a PNG in each language
// (build/tests/gui/screenshots/), for people to look at. Finish remembers
// the server; the dashboard then opens it with the keyring's passwords
// (a real GNOME Keyring on the test's own D-Bus session: with_keyring.sh).

#include "dashboard/dashboard_window.h"
#include "dnscheck/record_check.h"
#include "modal_answer.h"
#include "pages/setup_wizard.h"
#include "servers/secret_store.h"
#include "servers/server_profile.h"
#include "support/free_port.h"
#include "support/headless_run.h"
#include "support/dnsmasq_instance.h"
#include "support/pebble_instance.h"
#include "support/process_runner.h"
#include "support/smtp_receiver.h"
#include "support/sshd_instance.h"
#include "translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace postwr;

namespace {

QStringList itemTexts(const QListWidget *list)
{
    QStringList texts;
    for (int i = 0; list && i < list->count(); ++i)
        texts << list->item(i)->text();
    return texts;
}

} // namespace

class WizardSetupTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(TestUser::runningAsRoot(&error), qPrintable(error));
        QVERIFY(dir_.isValid());
        key_ = dir_.filePath(QStringLiteral("key"));
        QVERIFY2(generateSshKey(key_, QStringLiteral("ed25519"), {}, &error), qPrintable(error));
        QVERIFY2(sshd_.authorizeKey(key_ + QStringLiteral(".pub")), qPrintable(sshd_.errorString()));
        sshd_.setPasswordAuthentication(true);
        QVERIFY2(user_.create(&error), qPrintable(error));
        QVERIFY2(sshd_.start(), qPrintable(sshd_.errorString()));

        dns_.addMx(QStringLiteral("gmail.test"), QStringLiteral("mx.gmail.test"), 10);
        dns_.addHost(QStringLiteral("mx.gmail.test"), { QStringLiteral("127.0.0.1") });
        // A test blocklist that lists this world's server, 127.0.0.1.
        dns_.addAddressWithoutPtr(QStringLiteral("1.0.0.127.bl.test"), QStringLiteral("127.0.0.2"));
        dns_.addHost(QStringLiteral("clean.test"), { QStringLiteral("127.0.0.3") });
        // The mail host, for Let's Encrypt (here pebble) to find the server by.
        dns_.addAddressWithoutPtr(QStringLiteral("mail.gui.test"), QStringLiteral("127.0.0.1"));
        QVERIFY2(dns_.start(), qPrintable(dns_.errorString()));
        challengePort_ = freeLoopbackPort();
        QVERIFY2(pebble_.start(dns_.serverSpec(), challengePort_), qPrintable(pebble_.errorString()));
        QVERIFY2(receiver_.start(), qPrintable(receiver_.errorString()));
        QString remoteDir;
        remote_ = makeBareRemote(sshd_, user_, &remoteDir, &error);
        QVERIFY2(!remote_.isEmpty(), qPrintable(error));
        translations::install(*QApplication::instance(), QLocale(QLocale::English));
    }

    void cleanupTestCase()
    {
        // The postwrd the wizard started must go before userdel.
        runProcess({ QStringLiteral("pkill"), { QStringLiteral("-KILL"), QStringLiteral("-u"), user_.name() }, {},
            10000, QProcessEnvironment::systemEnvironment(), {} });
    }

    void everyPageToADeliveredTestMail()
    {
        pages::SetupWizard wizard(dir_.filePath(QStringLiteral("known_hosts")));
        // The server profile of a test machine: user mode on loopback,
        // delivery to the receiver through dnsmasq.
        steps::InstallPlan &install = wizard.state().plan.install;
        install.mode = steps::InstallMode::User;
        install.listen = QStringLiteral("127.0.0.1");
        install.ports = { freeLoopbackPort(), freeLoopbackPort(), freeLoopbackPort() };
        install.settings = { { QStringLiteral("dns.servers"), dns_.serverSpec() },
            { QStringLiteral("delivery.remote_port"), QString::number(receiver_.port()) },
            { QStringLiteral("delivery.allow_loopback"), QStringLiteral("yes") },
            { QStringLiteral("delivery.retry_initial"), QStringLiteral("1s") } };
        wizard.state().plan.outboundCheck = QStringLiteral("127.0.0.1:%1").arg(receiver_.port());
        wizard.state().plan.dns.ipv4 = QStringLiteral("127.0.0.1");
        wizard.state().plan.dns.servers = dns_.serverSpec();
        wizard.state().plan.dns.blocklists = { QStringLiteral("bl.test"), QStringLiteral("clean.test") };
        steps::TlsPlan &tls = wizard.state().plan.tls;
        tls.acmeServer = pebble_.directoryUrl();
        tls.caBundle = pebble_.apiCertificateFile();
        tls.httpPort = challengePort_;
        tls.httpAddress = QStringLiteral("127.0.0.1");
        wizard.resize(760, 620);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        saveScreenshots(wizard, QStringLiteral("01-language"));
        if (QTest::currentTestFailed())
            return;
        wizard.next();

        connectWithWrongPasswordThenKey(wizard, next);
        if (QTest::currentTestFailed())
            return;
        saveScreenshots(wizard, QStringLiteral("02-connect"));
        if (QTest::currentTestFailed())
            return;

        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::ServerCheckPageId));
        auto *findings = wizard.currentPage()->findChild<QListWidget *>(QStringLiteral("findings"));
        QVERIFY(findings);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 30000);
        saveScreenshots(wizard, QStringLiteral("03-server-check"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        chooseDomain(wizard, next);
        if (QTest::currentTestFailed())
            return;
        saveScreenshots(wizard, QStringLiteral("04-domain"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        cancelThenInstall(wizard, next);
        if (QTest::currentTestFailed())
            return;
        saveScreenshots(wizard, QStringLiteral("05-install"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        addAccounts(wizard, next);
        if (QTest::currentTestFailed())
            return;
        saveScreenshots(wizard, QStringLiteral("06-accounts"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        forwardToGmail(wizard, next);
        if (QTest::currentTestFailed())
            return;
        saveScreenshots(wizard, QStringLiteral("07-forwarding"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        checkUnpublishedRecords(wizard);
        if (QTest::currentTestFailed())
            return;
        saveScreenshots(wizard, QStringLiteral("08-dns"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        chooseCertificates(wizard);
        if (QTest::currentTestFailed())
            return;
        saveScreenshots(wizard, QStringLiteral("09-certificate"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        setUpBackup(wizard);
        if (QTest::currentTestFailed())
            return;
        saveScreenshots(wizard, QStringLiteral("10-backup"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        sendTestMail(wizard);
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY(next->isEnabled());
        saveScreenshots(wizard, QStringLiteral("11-test-mail"));
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::DonePageId));
        auto *summary = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("summary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QStringLiteral("me@gui.test")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("goes to me@gmail.test")), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(QStringLiteral("delivered")), qPrintable(summary->text()));
        QVERIFY(wizard.button(QWizard::FinishButton)->isVisible());
        saveScreenshots(wizard, QStringLiteral("12-done"));
        if (QTest::currentTestFailed())
            return;

        // Finish remembers the server, its passwords go to the keyring.
        QSignalSpy remembered(&wizard, &pages::SetupWizard::serverRemembered);
        QTest::mouseClick(wizard.button(QWizard::FinishButton), Qt::LeftButton);
        QCOMPARE(remembered.count(), 1);
        serverId_ = remembered.first().first().toString();
        QCOMPARE(serverId_, QStringLiteral("%1@127.0.0.1:%2").arg(user_.name()).arg(sshd_.port()));
        QString stored;
        servers::SecretStore().read(servers::accountSecretName(serverId_, QStringLiteral("me@gui.test")),
            [&stored](const wizard::Result<QString> &secret) { stored = secret ? *secret : secret.failure().message; });
        QTRY_COMPARE_WITH_TIMEOUT(stored, password_, 20000);
    }

    // The dashboard opens the remembered server: connects with the key,
    // shows the service running, the accounts from the server, and sends a
    // test mail with the password it takes from the keyring.
    void dashboardOfTheRememberedServer()
    {
        QVERIFY2(!serverId_.isEmpty(), "the wizard remembered no server");
        dashboard::DashboardWindow window(dir_.filePath(QStringLiteral("known_hosts")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *servers = window.findChild<QListWidget *>(QStringLiteral("servers"));
        auto *connectButton = window.findChild<QPushButton *>(QStringLiteral("connect"));
        auto *connection = window.findChild<QLabel *>(QStringLiteral("connection"));
        auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("tabs"));
        QVERIFY(servers && connectButton && connection && tabs);
        QCOMPARE(servers->count(), 1);
        QVERIFY(servers->item(0)->text().contains(QStringLiteral("gui.test")));
        QVERIFY(!tabs->isEnabled());

        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(tabs->isEnabled(), 30000);
        QVERIFY2(connection->text().startsWith(QStringLiteral("Connected to")), qPrintable(connection->text()));

        auto *statusLog = tabs->widget(0)->findChild<QPlainTextEdit *>(QStringLiteral("log"));
        QVERIFY(statusLog);
        QTRY_VERIFY_WITH_TIMEOUT(statusLog->toPlainText().contains(QStringLiteral("is running")), 30000);
        saveScreenshots(window, QStringLiteral("11-dashboard-status"));
        if (QTest::currentTestFailed())
            return;

        tabs->setCurrentIndex(1);
        auto *accounts = tabs->widget(1)->findChild<QListWidget *>(QStringLiteral("accounts"));
        QVERIFY(accounts);
        QTRY_VERIFY_WITH_TIMEOUT(itemTexts(accounts).contains(QStringLiteral("shop@gui.test")), 30000);
        QVERIFY(itemTexts(accounts).contains(QStringLiteral("me@gui.test")));

        tabs->setCurrentIndex(3);
        QWidget *testMail = tabs->widget(3);
        auto *from = testMail->findChild<QComboBox *>(QStringLiteral("from"));
        auto *password = testMail->findChild<QLineEdit *>(QStringLiteral("password"));
        auto *send = testMail->findChild<QPushButton *>(QStringLiteral("send"));
        auto *current = testMail->findChild<QLabel *>(QStringLiteral("current"));
        auto *to = testMail->findChild<QLineEdit *>(QStringLiteral("to"));
        QVERIFY(from && password && send && current && to);
        from->setCurrentText(QStringLiteral("me@gui.test"));
        QTRY_COMPARE_WITH_TIMEOUT(password->text(), password_, 20000);
        to->clear();
        QTest::keyClicks(to, QStringLiteral("me@gmail.test"));
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!send->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(send->isEnabled(), 120000);
        QVERIFY2(current->text() == QStringLiteral("Done."), qPrintable(current->text()));
        QCOMPARE(receiver_.messagesTo(QStringLiteral("me@gmail.test")).size(), 2);
        saveScreenshots(window, QStringLiteral("12-dashboard-test-mail"));
        if (QTest::currentTestFailed())
            return;

        tabs->setCurrentIndex(4);
        auto *records = tabs->widget(4)->findChild<QTableWidget *>(QStringLiteral("records"));
        QVERIFY(records);
        QTRY_VERIFY_WITH_TIMEOUT(records->rowCount() > 5, 30000);

        // The certificate tab: what the wizard's certificate page got from pebble.
        tabs->setCurrentIndex(5);
        auto *served = tabs->widget(5)->findChild<QLabel *>(QStringLiteral("served"));
        QVERIFY(served);
        QTRY_VERIFY2_WITH_TIMEOUT(served->text().startsWith(QStringLiteral("Certificate for mail.gui.test from CN=Pebble")),
            qPrintable(served->text()), 30000);
        saveScreenshots(window, QStringLiteral("13-dashboard-certificate"));
        if (QTest::currentTestFailed())
            return;

        // The backup tab: pushed by the wizard; Download saves on the desktop.
        tabs->setCurrentIndex(6);
        QWidget *backup = tabs->widget(6);
        auto *standing = backup->findChild<QLabel *>(QStringLiteral("standing"));
        auto *download = backup->findChild<QPushButton *>(QStringLiteral("download"));
        auto *saved = backup->findChild<QLabel *>(QStringLiteral("saved"));
        QVERIFY(standing && download && saved);
        QTRY_VERIFY2_WITH_TIMEOUT(standing->text().contains(QStringLiteral("Pushed to ") + remote_), qPrintable(standing->text()), 30000);
        QVERIFY(download->isEnabled());
        const QString desktop = QDir::home().filePath(QStringLiteral("Desktop"));
        QVERIFY(QDir().mkpath(desktop));
        QTest::mouseClick(download, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(saved->text().startsWith(QStringLiteral("Saved as")), qPrintable(saved->text()), 30000);
        archive_ = QDir(desktop).filePath(
            QStringLiteral("postwr-backup-gui.test-%1.tar.gz").arg(QDate::currentDate().toString(Qt::ISODate)));
        QVERIFY2(QFileInfo::exists(archive_), qPrintable(saved->text()));
        saveScreenshots(window, QStringLiteral("14-dashboard-backup"));
    }

    // A second server takes over from the downloaded backup: the install
    // page restores it (a wrong passphrase first: refused, said so), and
    // the accounts page then lists the old server's accounts.
    void restoreOntoASecondServer()
    {
        QVERIFY2(!archive_.isEmpty(), "the dashboard saved no backup");
        pages::SetupWizard wizard(dir_.filePath(QStringLiteral("known_hosts")));
        steps::InstallPlan &install = wizard.state().plan.install;
        install.mode = steps::InstallMode::User;
        install.prefix = QStringLiteral("~/postwr2");
        install.listen = QStringLiteral("127.0.0.1");
        install.ports = { freeLoopbackPort(), freeLoopbackPort(), freeLoopbackPort() };
        install.settings = { { QStringLiteral("dns.servers"), dns_.serverSpec() } };
        wizard.state().plan.outboundCheck = QStringLiteral("127.0.0.1:%1").arg(receiver_.port());
        wizard.resize(760, 620);
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        wizard.next();

        QWizardPage *page = wizard.currentPage();
        auto *host = page->findChild<QLineEdit *>(QStringLiteral("host"));
        auto *port = page->findChild<QSpinBox *>(QStringLiteral("port"));
        auto *user = page->findChild<QLineEdit *>(QStringLiteral("user"));
        auto *method = page->findChild<QComboBox *>(QStringLiteral("method"));
        auto *keyFile = page->findChild<QLineEdit *>(QStringLiteral("keyFile"));
        auto *connectButton = page->findChild<QPushButton *>(QStringLiteral("connect"));
        QVERIFY(host && port && user && method && keyFile && connectButton);
        QTest::keyClicks(host, SshdInstance::host());
        port->setValue(sshd_.port());
        user->clear();
        QTest::keyClicks(user, user_.name());
        method->setCurrentIndex(1);
        keyFile->clear();
        QTest::keyClicks(keyFile, key_);
        QTest::mouseClick(connectButton, Qt::LeftButton);
        auto *status = page->findChild<QLabel *>(QStringLiteral("status"));
        QVERIFY(status);
        QTRY_VERIFY2_WITH_TIMEOUT(next->isEnabled(), qPrintable(status->text()), 30000);
        QTest::mouseClick(next, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 30000);
        QTest::mouseClick(next, Qt::LeftButton);
        chooseDomain(wizard, next);
        if (QTest::currentTestFailed())
            return;
        QTest::mouseClick(next, Qt::LeftButton);

        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::InstallPageId));
        page = wizard.currentPage();
        auto *restore = page->findChild<QGroupBox *>(QStringLiteral("restore"));
        auto *source = page->findChild<QLineEdit *>(QStringLiteral("restoreSource"));
        auto *passphrase = page->findChild<QLineEdit *>(QStringLiteral("restorePassphrase"));
        auto *restoreProblem = page->findChild<QLabel *>(QStringLiteral("restoreProblem"));
        auto *installButton = page->findChild<QPushButton *>(QStringLiteral("install"));
        auto *current = page->findChild<QLabel *>(QStringLiteral("current"));
        QVERIFY(restore && source && passphrase && restoreProblem && installButton && current);
        QTRY_VERIFY_WITH_TIMEOUT(installButton->isEnabled(), 30000);
        restore->setChecked(true);
        QVERIFY(!installButton->isEnabled());
        QVERIFY2(restoreProblem->text().contains(QStringLiteral("Give the backup")), qPrintable(restoreProblem->text()));
        QTest::keyClicks(source, dir_.filePath(QStringLiteral("missing.tar.gz")));
        QVERIFY2(restoreProblem->text().startsWith(QStringLiteral("There is no file")), qPrintable(restoreProblem->text()));
        source->clear();
        QTest::keyClicks(source, archive_);
        QVERIFY(installButton->isEnabled());
        QTest::keyClicks(passphrase, QStringLiteral("not the passphrase"));
        QTest::mouseClick(installButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(installButton->isEnabled(), 180000);
        QVERIFY2(current->text().contains(QStringLiteral("the passphrase is wrong")), qPrintable(current->text()));
        QVERIFY(!next->isEnabled());
        saveScreenshots(wizard, QStringLiteral("15-restore"));
        if (QTest::currentTestFailed())
            return;

        passphrase->clear();
        QTest::keyClicks(passphrase, backupPassphrase_);
        QTest::mouseClick(installButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!installButton->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(installButton->isEnabled(), 180000);
        QVERIFY2(current->text() == QStringLiteral("Done."), qPrintable(current->text()));
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::AccountsPageId));
        auto *accounts = wizard.currentPage()->findChild<QListWidget *>(QStringLiteral("accounts"));
        QVERIFY(accounts);
        QTRY_VERIFY_WITH_TIMEOUT(itemTexts(accounts).contains(QStringLiteral("shop@gui.test")), 30000);
        QVERIFY(itemTexts(accounts).contains(QStringLiteral("me@gui.test")));
    }

private:
    void connectWithWrongPasswordThenKey(pages::SetupWizard &wizard, QAbstractButton *next)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::ConnectPageId));
        QWizardPage *page = wizard.currentPage();
        auto *host = page->findChild<QLineEdit *>(QStringLiteral("host"));
        auto *port = page->findChild<QSpinBox *>(QStringLiteral("port"));
        auto *user = page->findChild<QLineEdit *>(QStringLiteral("user"));
        auto *method = page->findChild<QComboBox *>(QStringLiteral("method"));
        auto *keyFile = page->findChild<QLineEdit *>(QStringLiteral("keyFile"));
        auto *secret = page->findChild<QLineEdit *>(QStringLiteral("secret"));
        auto *connectButton = page->findChild<QPushButton *>(QStringLiteral("connect"));
        auto *status = page->findChild<QLabel *>(QStringLiteral("status"));
        QVERIFY(host && port && user && method && keyFile && secret && connectButton && status);
        QTest::keyClicks(host, SshdInstance::host());
        port->setValue(sshd_.port());
        user->clear();
        QTest::keyClicks(user, user_.name());

        // A wrong password: refused, said on the page, Next stays off.
        method->setCurrentIndex(2);
        QTest::keyClicks(secret, QStringLiteral("not-the-password"));
        answerNextQuestion(this, QMessageBox::Yes);
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(connectButton->isEnabled() && !status->text().contains(QStringLiteral("…")), 30000);
        QVERIFY2(!next->isEnabled(), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("password"), Qt::CaseInsensitive), qPrintable(status->text()));

        method->setCurrentIndex(1);
        secret->clear();
        keyFile->clear();
        QTest::keyClicks(keyFile, key_);
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 30000);
    }

    void chooseDomain(pages::SetupWizard &wizard, QAbstractButton *next)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::DomainPageId));
        QWizardPage *page = wizard.currentPage();
        auto *domain = page->findChild<QLineEdit *>(QStringLiteral("domain"));
        auto *hostname = page->findChild<QLineEdit *>(QStringLiteral("hostname"));
        auto *problem = page->findChild<QLabel *>(QStringLiteral("domainProblem"));
        QVERIFY(domain && hostname && problem);
        QTest::keyClicks(domain, QStringLiteral("me@gui.test"));
        QVERIFY(!next->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("after the @")), qPrintable(problem->text()));
        domain->clear();
        QTest::keyClicks(domain, QStringLiteral("gui test"));
        QVERIFY(!next->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("not a domain name")), qPrintable(problem->text()));
        domain->selectAll();
        QTest::keyClicks(domain, QStringLiteral("gui.test"));
        QCOMPARE(hostname->text(), QStringLiteral("mail.gui.test"));
        QVERIFY(problem->text().isEmpty());
        QVERIFY(next->isEnabled());
    }

    void cancelThenInstall(pages::SetupWizard &wizard, QAbstractButton *next)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::InstallPageId));
        QWizardPage *page = wizard.currentPage();
        auto *changes = page->findChild<QListWidget *>(QStringLiteral("changes"));
        auto *install = page->findChild<QPushButton *>(QStringLiteral("install"));
        auto *cancel = page->findChild<QPushButton *>(QStringLiteral("cancel"));
        auto *current = page->findChild<QLabel *>(QStringLiteral("current"));
        auto *log = page->findChild<QPlainTextEdit *>(QStringLiteral("log"));
        QVERIFY(changes && install && cancel && current && log);
        QTRY_VERIFY_WITH_TIMEOUT(install->isEnabled() && changes->count() > 0, 30000);
        QVERIFY2(itemTexts(changes).join(QLatin1Char('\n')).contains(QStringLiteral("postwrd")),
            qPrintable(itemTexts(changes).join(QLatin1Char('\n'))));

        QTest::mouseClick(install, Qt::LeftButton);
        QVERIFY(cancel->isEnabled());
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(current->text().startsWith(QStringLiteral("Cancelled")), 60000);
        QVERIFY(!next->isEnabled());
        QVERIFY(install->isEnabled());

        QTest::mouseClick(install, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!cancel->isEnabled(), 180000);
        QVERIFY2(current->text() == QStringLiteral("Done."), qPrintable(current->text() + log->toPlainText().right(3000)));
        QVERIFY(next->isEnabled());
        QVERIFY2(log->toPlainText().contains(QStringLiteral("_domainkey.gui.test")), qPrintable(log->toPlainText().right(3000)));
    }

    void addAccounts(pages::SetupWizard &wizard, QAbstractButton *next)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::AccountsPageId));
        QWizardPage *page = wizard.currentPage();
        auto *accounts = page->findChild<QListWidget *>(QStringLiteral("accounts"));
        auto *email = page->findChild<QLineEdit *>(QStringLiteral("email"));
        auto *password = page->findChild<QLineEdit *>(QStringLiteral("password"));
        auto *generate = page->findChild<QCheckBox *>(QStringLiteral("generate"));
        auto *problem = page->findChild<QLabel *>(QStringLiteral("problem"));
        auto *add = page->findChild<QPushButton *>(QStringLiteral("add"));
        auto *generated = page->findChild<QLineEdit *>(QStringLiteral("generatedPassword"));
        QVERIFY(accounts && email && password && generate && problem && add && generated);
        QCOMPARE(email->text(), QStringLiteral("me@gui.test"));
        // The list comes from the server: empty on a new install, and no account, no Next.
        QTRY_VERIFY_WITH_TIMEOUT(!page->findChild<QPushButton *>(QStringLiteral("cancel"))->isEnabled(), 30000);
        QCOMPARE(accounts->count(), 0);
        QVERIFY(!next->isEnabled());

        QTest::keyClicks(password, QStringLiteral("short"));
        QVERIFY(!add->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("at least 8")), qPrintable(problem->text()));
        password->clear();
        QTest::keyClicks(password, password_);
        QVERIFY(add->isEnabled());
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(itemTexts(accounts).contains(QStringLiteral("me@gui.test")), 30000);
        QTRY_VERIFY(next->isEnabled());

        email->clear();
        QTest::keyClicks(email, QStringLiteral("shop@gui.test"));
        generate->setChecked(true);
        QTest::mouseClick(add, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(itemTexts(accounts).contains(QStringLiteral("shop@gui.test")), 30000);
        QVERIFY(generated->isVisible());
        QVERIFY2(generated->text().size() >= 16, "a generated password is long");
        QTRY_VERIFY(next->isEnabled());
    }

    void forwardToGmail(pages::SetupWizard &wizard, QAbstractButton *next)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::ForwardingPageId));
        QWizardPage *page = wizard.currentPage();
        auto *target = page->findChild<QLineEdit *>(QStringLiteral("target"));
        auto *problem = page->findChild<QLabel *>(QStringLiteral("problem"));
        auto *save = page->findChild<QPushButton *>(QStringLiteral("save"));
        QVERIFY(target && problem && save);
        QTest::keyClicks(target, QStringLiteral("me@gui.test"));
        QVERIFY(!save->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("come back here")), qPrintable(problem->text()));
        target->clear();
        QTest::keyClicks(target, QStringLiteral("me@gmail.test"));
        QVERIFY(!next->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 30000);
        QVERIFY2(problem->text().contains(QStringLiteral("goes to me@gmail.test")), qPrintable(problem->text()));
        const QByteArray aliases = readFile(user_.home() + QStringLiteral("/postwr/etc/domains/gui.test/aliases"));
        QVERIFY2(aliases.contains("*: me@gmail.test"), aliases.constData());
    }

    // The DNS page lists what gui.test needs, from the server; nothing is
    // published for it in this world's DNS, so Check DNS finds it missing.
    void checkUnpublishedRecords(pages::SetupWizard &wizard)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::DnsPageId));
        QWizardPage *page = wizard.currentPage();
        auto *records = page->findChild<QTableWidget *>(QStringLiteral("records"));
        auto *check = page->findChild<QPushButton *>(QStringLiteral("checkDns"));
        auto *copyValue = page->findChild<QPushButton *>(QStringLiteral("copyValue"));
        auto *copyAll = page->findChild<QPushButton *>(QStringLiteral("copyAll"));
        QVERIFY(records && check && copyValue && copyAll);
        QTRY_VERIFY_WITH_TIMEOUT(check->isEnabled(), 30000);
        int mx = -1, dkim = -1;
        for (int row = 0; row < records->rowCount(); ++row) {
            if (records->item(row, 0)->text() == QLatin1String("MX"))
                mx = row;
            if (records->item(row, 1)->text().endsWith(QLatin1String("._domainkey.gui.test")))
                dkim = row;
        }
        QVERIFY2(mx >= 0 && dkim >= 0, "no MX or DKIM row");
        QCOMPARE(records->item(mx, 2)->text(), QStringLiteral("10 mail.gui.test"));
        records->selectRow(dkim);
        QTest::mouseClick(copyValue, Qt::LeftButton);
        QVERIFY2(QApplication::clipboard()->text().startsWith(QStringLiteral("v=DKIM1; k=rsa; p=")),
            qPrintable(QApplication::clipboard()->text()));
        QTest::mouseClick(copyAll, Qt::LeftButton);
        QVERIFY2(QApplication::clipboard()->text().contains(QRegularExpression(QStringLiteral("\\n@ +IN MX +10 mail\\.gui\\.test\\.\\n"))),
            qPrintable(QApplication::clipboard()->text()));

        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!check->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(check->isEnabled(), 60000);
        QCOMPARE(records->item(mx, 3)->data(Qt::UserRole).toInt(), int(dnscheck::Verdict::State::Missing));
        QCOMPARE(records->item(dkim, 3)->data(Qt::UserRole).toInt(), int(dnscheck::Verdict::State::Missing));
        QVERIFY(!records->item(mx, 3)->icon().isNull());

        // 127.0.0.1's PTR here names mx.gmail.test: a request for the provider, ready to paste.
        auto *copyRequest = page->findChild<QPushButton *>(QStringLiteral("copyRequest"));
        QVERIFY(copyRequest && copyRequest->isEnabled());
        QTest::mouseClick(copyRequest, Qt::LeftButton);
        QVERIFY2(QApplication::clipboard()->text().contains(QStringLiteral("- 127.0.0.1 → mail.gui.test (it is mx.gmail.test now)")),
            qPrintable(QApplication::clipboard()->text()));
        // The server asked the blocklists: listed on one, the other clean.
        auto *blocklists = page->findChild<QLabel *>(QStringLiteral("blocklists"));
        QVERIFY(blocklists);
        QVERIFY2(blocklists->text().contains(QStringLiteral("127.0.0.1 is listed on bl.test (127.0.0.2)"))
                && blocklists->text().contains(QStringLiteral("Not listed on 1 blocklist(s): clean.test.")),
            qPrintable(blocklists->text()));
        // Where to set it: mx.gmail.test is no provider's default name, so the general advice.
        auto *details = page->findChild<QLabel *>(QStringLiteral("details"));
        QVERIFY(details);
        records->selectRow(rowOf(records, QStringLiteral("PTR")));
        QVERIFY2(details->text().contains(QStringLiteral("Reverse DNS is set where you rent the server")), qPrintable(details->text()));

        changeRecordChoices(page, records);
    }

    static int rowOf(QTableWidget *records, const QString &type)
    {
        for (int row = 0; row < records->rowCount(); ++row) {
            if (records->item(row, 0)->text() == type)
                return row;
        }
        return -1;
    }

    static QString valueOf(QTableWidget *records, const QString &type, const QString &name)
    {
        for (int row = 0; row < records->rowCount(); ++row) {
            if (records->item(row, 0)->text() == type && records->item(row, 1)->text() == name)
                return records->item(row, 2)->text();
        }
        return {};
    }

    // The choices above the table change the records the server gives:
    // a bad include is named next to its field and changes nothing; a
    // provider kept means no MX; the DMARC policy chosen is in its record.
    void changeRecordChoices(QWizardPage *page, QTableWidget *records)
    {
        auto *includes = page->findChild<QLineEdit *>(QStringLiteral("spfIncludes"));
        auto *includesProblem = page->findChild<QLabel *>(QStringLiteral("spfIncludesProblem"));
        auto *receive = page->findChild<QComboBox *>(QStringLiteral("receive"));
        auto *dmarc = page->findChild<QComboBox *>(QStringLiteral("dmarcPolicy"));
        QVERIFY(includes && includesProblem && receive && dmarc);
        const QString spfBefore = valueOf(records, QStringLiteral("TXT"), QStringLiteral("gui.test"));
        QVERIFY2(spfBefore.startsWith(QStringLiteral("v=spf1 ")), qPrintable(spfBefore));

        QTest::keyClicks(includes, QStringLiteral("v=spf1 include"));
        QVERIFY2(includesProblem->isVisibleTo(page) && includesProblem->text().contains(QStringLiteral("is not a domain name")),
            qPrintable(includesProblem->text()));
        QTest::qWait(1500);
        QCOMPARE(valueOf(records, QStringLiteral("TXT"), QStringLiteral("gui.test")), spfBefore);

        includes->clear();
        QTest::keyClicks(includes, QStringLiteral("include:_spf.google.com"));
        QVERIFY(!includesProblem->isVisibleTo(page));
        auto *log = page->findChild<QPlainTextEdit *>(QStringLiteral("log"));
        QVERIFY(log);
        QTRY_VERIFY2_WITH_TIMEOUT(
            valueOf(records, QStringLiteral("TXT"), QStringLiteral("gui.test")).endsWith(QStringLiteral(" include:_spf.google.com ~all")),
            qPrintable(valueOf(records, QStringLiteral("TXT"), QStringLiteral("gui.test")) + QLatin1Char('\n') + log->toPlainText().right(2000)),
            30000);

        receive->setCurrentIndex(1);
        dmarc->setCurrentIndex(dmarc->findData(QStringLiteral("reject")));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(records, QStringLiteral("MX")) < 0
                && valueOf(records, QStringLiteral("TXT"), QStringLiteral("_dmarc.gui.test")).startsWith(QStringLiteral("v=DMARC1; p=reject;")),
            30000);

        includes->clear();
        QTest::keyClicks(includes, QStringLiteral(" "));
        receive->setCurrentIndex(0);
        dmarc->setCurrentIndex(dmarc->findData(QStringLiteral("quarantine")));
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(records, QStringLiteral("MX")) >= 0
                && valueOf(records, QStringLiteral("TXT"), QStringLiteral("gui.test")) == spfBefore,
            30000);
    }

    // The certificate page shows the self-signed certificate the install
    // made; files that are not there are refused with the reason, next to
    // the choice; a new self-signed certificate is made on request.
    void chooseCertificates(pages::SetupWizard &wizard)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::CertificatePageId));
        QWizardPage *page = wizard.currentPage();
        auto *served = page->findChild<QLabel *>(QStringLiteral("served"));
        auto *existing = page->findChild<QRadioButton *>(QStringLiteral("existing"));
        auto *selfSigned = page->findChild<QRadioButton *>(QStringLiteral("selfSigned"));
        auto *certificate = page->findChild<QLineEdit *>(QStringLiteral("certificateFile"));
        auto *key = page->findChild<QLineEdit *>(QStringLiteral("keyFile"));
        auto *problem = page->findChild<QLabel *>(QStringLiteral("problem"));
        auto *apply = page->findChild<QPushButton *>(QStringLiteral("apply"));
        QVERIFY(served && existing && selfSigned && certificate && key && problem && apply);
        QTRY_VERIFY2_WITH_TIMEOUT(served->text().startsWith(QStringLiteral("Self-signed certificate for mail.gui.test, valid until")),
            qPrintable(served->text()), 30000);

        // The DNS method needs the token first.
        auto *cloudflare = page->findChild<QRadioButton *>(QStringLiteral("cloudflare"));
        QVERIFY(cloudflare);
        cloudflare->click();
        QVERIFY(!apply->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("Cloudflare API token")), qPrintable(problem->text()));

        existing->click();
        QVERIFY(!apply->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("Give both files")), qPrintable(problem->text()));
        QTest::keyClicks(certificate, QStringLiteral("fullchain.pem"));
        QVERIFY2(problem->text().contains(QStringLiteral("starting with /")), qPrintable(problem->text()));
        certificate->clear();
        QTest::keyClicks(certificate, QStringLiteral("/nonexistent/fullchain.pem"));
        QTest::keyClicks(key, QStringLiteral("/nonexistent/privkey.pem"));
        QVERIFY(apply->isEnabled());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(problem->text().contains(QStringLiteral("No such file")), qPrintable(problem->text()), 30000);

        selfSigned->click();
        QVERIFY(problem->text().isEmpty());
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!apply->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled() && wizard.button(QWizard::NextButton)->isEnabled(), 30000);
        QVERIFY2(problem->text().isEmpty(), qPrintable(problem->text()));
        QVERIFY2(served->text().startsWith(QStringLiteral("Self-signed certificate for mail.gui.test")), qPrintable(served->text()));

        // Let's Encrypt (pebble): the page ends showing the trusted certificate; the test mail then pins it.
        auto *letsEncrypt = page->findChild<QRadioButton *>(QStringLiteral("letsEncrypt"));
        QVERIFY(letsEncrypt);
        letsEncrypt->click();
        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!apply->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(apply->isEnabled(), 120000);
        QVERIFY2(problem->text().isEmpty(), qPrintable(problem->text()));
        QVERIFY2(served->text().startsWith(QStringLiteral("Certificate for mail.gui.test from CN=Pebble")), qPrintable(served->text()));
    }

    // The backup page: not set up yet; a wrong remote, a short passphrase
    // and a mistyped repetition are named; the first push is refused until the
    // deploy key the page shows (and copies) is allowed; then pushed.
    void setUpBackup(pages::SetupWizard &wizard)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::BackupPageId));
        QWizardPage *page = wizard.currentPage();
        auto *standing = page->findChild<QLabel *>(QStringLiteral("standing"));
        auto *remote = page->findChild<QLineEdit *>(QStringLiteral("remote"));
        auto *passphrase = page->findChild<QLineEdit *>(QStringLiteral("passphrase"));
        auto *confirm = page->findChild<QLineEdit *>(QStringLiteral("confirmPassphrase"));
        auto *problem = page->findChild<QLabel *>(QStringLiteral("problem"));
        auto *apply = page->findChild<QPushButton *>(QStringLiteral("apply"));
        auto *push = page->findChild<QPushButton *>(QStringLiteral("push"));
        auto *deployKey = page->findChild<QLineEdit *>(QStringLiteral("deployKey"));
        auto *copyKey = page->findChild<QPushButton *>(QStringLiteral("copyKey"));
        QVERIFY(standing && remote && passphrase && confirm && problem && apply && push && deployKey && copyKey);
        QTRY_VERIFY2_WITH_TIMEOUT(standing->text().startsWith(QStringLiteral("Not backed up yet")), qPrintable(standing->text()), 30000);
        QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        QTest::keyClicks(remote, QStringLiteral("https://github.com/me/mail-config"));
        QVERIFY(!apply->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("is not the SSH address")), qPrintable(problem->text()));
        remote->clear();
        QTest::keyClicks(remote, remote_);
        QTest::keyClicks(passphrase, QStringLiteral("short"));
        QVERIFY(!apply->isEnabled());
        QVERIFY2(problem->text().contains(QStringLiteral("at least 10 character(s)")), qPrintable(problem->text()));
        passphrase->clear();
        QTest::keyClicks(passphrase, backupPassphrase_);
        QTest::keyClicks(confirm, backupPassphrase_ + QStringLiteral("x"));
        QVERIFY2(problem->text().contains(QStringLiteral("differ")), qPrintable(problem->text()));
        confirm->clear();
        QTest::keyClicks(confirm, backupPassphrase_);
        QVERIFY(apply->isEnabled());

        QTest::mouseClick(apply, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!apply->isEnabled(), 5000);
        QTRY_VERIFY2_WITH_TIMEOUT(problem->text().contains(QStringLiteral("refused the deploy key")), qPrintable(problem->text()), 60000);
        QTRY_VERIFY(deployKey->isVisible());
        QVERIFY2(deployKey->text().startsWith(QStringLiteral("ssh-ed25519 ")), qPrintable(deployKey->text()));
        QTest::mouseClick(copyKey, Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), deployKey->text());
        QVERIFY2(standing->text().contains(QStringLiteral("Secrets are encrypted")), qPrintable(standing->text()));

        QVERIFY2(sshd_.authorizeKey(user_.home() + QStringLiteral("/postwr/etc/backup/ssh/id_ed25519.pub")), qPrintable(sshd_.errorString()));
        QTRY_VERIFY(push->isEnabled());
        QTest::mouseClick(push, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!push->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(push->isEnabled(), 60000);
        QVERIFY2(problem->text().isEmpty(), qPrintable(problem->text()));
        QVERIFY2(standing->text().contains(QStringLiteral("Pushed to ") + remote_), qPrintable(standing->text()));
    }

    void sendTestMail(pages::SetupWizard &wizard)
    {
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::TestMailPageId));
        QWizardPage *page = wizard.currentPage();
        auto *from = page->findChild<QComboBox *>(QStringLiteral("from"));
        auto *password = page->findChild<QLineEdit *>(QStringLiteral("password"));
        auto *to = page->findChild<QLineEdit *>(QStringLiteral("to"));
        auto *send = page->findChild<QPushButton *>(QStringLiteral("send"));
        auto *checks = page->findChild<QListWidget *>(QStringLiteral("checks"));
        auto *current = page->findChild<QLabel *>(QStringLiteral("current"));
        auto *server = page->findChild<QLineEdit *>(QStringLiteral("sendAsValue0"));
        auto *port = page->findChild<QLineEdit *>(QStringLiteral("sendAsValue1"));
        QVERIFY(from && password && to && send && checks && current && server && port);
        // What the earlier pages know is filled in: the account, its password, the forwarding address.
        from->setCurrentText(QStringLiteral("me@gui.test"));
        QCOMPARE(password->text(), password_);
        QCOMPARE(to->text(), QStringLiteral("me@gmail.test"));
        QCOMPARE(server->text(), QStringLiteral("mail.gui.test"));
        QCOMPARE(port->text(), QString::number(wizard.state().plan.install.ports.submission));

        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(send->isEnabled(), 120000);
        const QString report = itemTexts(checks).join(QLatin1Char('\n'));
        QVERIFY2(current->text() == QStringLiteral("Done."), qPrintable(current->text() + QLatin1Char('\n') + report));
        for (const QString &stage : { QStringLiteral("Connected to"), QStringLiteral("Logged in as me@gui.test"),
                 QStringLiteral("queue id"), QStringLiteral("Signed with DKIM"), QStringLiteral("Delivered to me@gmail.test") })
            QVERIFY2(report.contains(stage), qPrintable(report));
        for (int i = 0; i < checks->count(); ++i)
            QVERIFY(!checks->item(i)->icon().isNull());

        const QList<ReceivedMessage> received = receiver_.messagesTo(QStringLiteral("me@gmail.test"));
        QCOMPARE(received.size(), 1);
        QVERIFY2(received.first().content.contains("DKIM-Signature:"), received.first().content.left(2000).constData());
        QVERIFY2(received.first().content.contains("d=gui.test"), received.first().content.left(2000).constData());
    }

    // The page as it is now, in each language: NAME-LANG.png. The language
    // changes under the open page, as from the Language button, so this
    // also shows that every page retranslates; English again at the end.
    void saveScreenshots(QWidget &wizard, const QString &name)
    {
        const QString directory = QCoreApplication::applicationDirPath() + QStringLiteral("/screenshots");
        QVERIFY(QDir().mkpath(directory));
        QImage english;
        for (const translations::Language &language : translations::languages()) {
            translations::install(*QApplication::instance(), QLocale(language.code));
            QTRY_COMPARE(translations::currentLanguage(), language.code);
            QTest::qWait(100); // the posted LanguageChange and layout events
            QTRY_VERIFY(language.code == QLatin1String("en") || !wizard.windowTitle().startsWith(QStringLiteral("Postwr: your")));
            const QImage image = wizard.grab().toImage();
            const QString path = QStringLiteral("%1/%2-%3.png").arg(directory, name, language.code);
            QVERIFY2(image.save(path), qPrintable(path));
            if (language.code == QLatin1String("en"))
                english = image;
            else
                QVERIFY2(image != english, qPrintable(path + QStringLiteral(" looks like the English page")));
        }
        translations::install(*QApplication::instance(), QLocale(QLocale::English));
        QCoreApplication::processEvents();
        QTRY_VERIFY(wizard.windowTitle().startsWith(QStringLiteral("Postwr: your")));
    }

    static QByteArray readFile(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QTemporaryDir dir_;
    QString key_;
    QString serverId_;
    const QString password_ = QStringLiteral("correct-horse-battery");
    const QString backupPassphrase_ = QStringLiteral("a passphrase kept elsewhere");
    QString remote_;  // a bare repository the deploy key reaches as the test user
    QString archive_; // the backup the dashboard downloaded
    SshdInstance sshd_;
    TestUser user_;
    DnsmasqInstance dns_;
    PebbleInstance pebble_;
    quint16 challengePort_ = 0;
    SmtpReceiver receiver_;
};

QTEST_MAIN(WizardSetupTest)
#include "tst_gui_setup.moc"
