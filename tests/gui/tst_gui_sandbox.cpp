// "Try it on this computer", in Welsh and in Chinese: the wizard sets up the sandbox
// (sshd, dnsmasq, a receiving postwrd standing in for Gmail) and is clicked
// through every page to a test message; the receiver's own checks say
// dkim=pass, spf=pass and dmarc=pass. No assertion reads an English text:
// the fields are found by name, the outcome by the marks and the inbox.

#include "dnscheck/record_check.h"
#include "pages/done_page.h"
#include "modal_answer.h"
#include "pages/setup_wizard.h"
#include "pages/step_run_view.h"
#include "sandbox/sandbox_report.h"
#include "steps/backup_step.h"
#include "steps/step.h"
#include "translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace postwr;

class WizardSandboxTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(dir_.isValid());
        // The sandbox goes under the app's data directory: a fresh one.
        qputenv("XDG_DATA_HOME", dir_.filePath(QStringLiteral("data")).toUtf8());
        translations::install(*QApplication::instance(), QLocale(QLocale::English));
    }

    void throughTheSandbox_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("Welsh") << QStringLiteral("cy");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    }

    void throughTheSandbox()
    {
        QFETCH(QString, language);
        pages::SetupWizard wizard(dir_.filePath(QStringLiteral("known_hosts")));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *languages = wizard.currentPage()->findChild<QComboBox *>();
        QVERIFY(languages);
        languages->setCurrentIndex(languages->findData(language));
        QTRY_COMPARE(translations::currentLanguage(), language);
        QAbstractButton *next = wizard.button(QWizard::NextButton);
        QTest::mouseClick(next, Qt::LeftButton);

        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::ConnectPageId));
        auto *trySandbox = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("trySandbox"));
        QVERIFY(trySandbox);
        answerNextQuestion(this, QMessageBox::Yes);
        QTest::mouseClick(trySandbox, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 60000);
        QVERIFY(wizard.state().sandbox);

        QTest::mouseClick(next, Qt::LeftButton); // server check
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 30000);
        QTest::mouseClick(next, Qt::LeftButton); // domain: the sandbox's
        QCOMPARE(wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("domain"))->text(), QStringLiteral("sandbox.test"));
        QVERIFY(next->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);

        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::InstallPageId));
        auto *install = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("install"));
        QVERIFY(install);
        QTRY_VERIFY_WITH_TIMEOUT(install->isEnabled(), 30000);
        QTest::mouseClick(install, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 180000);
        QVERIFY(allGood(wizard.currentPage()));
        QTest::mouseClick(next, Qt::LeftButton);

        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::AccountsPageId));
        QWizardPage *accounts = wizard.currentPage();
        QTRY_VERIFY_WITH_TIMEOUT(!accounts->findChild<QPushButton *>(QStringLiteral("cancel"))->isEnabled(), 30000);
        QTest::keyClicks(accounts->findChild<QLineEdit *>(QStringLiteral("password")), QStringLiteral("cyfrinair-hir-iawn"));
        QTest::mouseClick(accounts->findChild<QPushButton *>(QStringLiteral("add")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 30000);
        QTest::mouseClick(next, Qt::LeftButton);

        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::ForwardingPageId));
        QWizardPage *forwarding = wizard.currentPage();
        QCOMPARE(forwarding->findChild<QLineEdit *>(QStringLiteral("target"))->text(), QStringLiteral("me@gmail.test"));
        QTest::mouseClick(forwarding->findChild<QPushButton *>(QStringLiteral("save")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 30000);
        QTest::mouseClick(next, Qt::LeftButton);

        // The sandbox's DNS has what the install published: Check DNS finds it right.
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::DnsPageId));
        auto *records = wizard.currentPage()->findChild<QTableWidget *>(QStringLiteral("records"));
        auto *check = wizard.currentPage()->findChild<QPushButton *>(QStringLiteral("checkDns"));
        QVERIFY(records && check);
        QTRY_VERIFY_WITH_TIMEOUT(check->isEnabled(), 30000);
        QTest::mouseClick(check, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!check->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(check->isEnabled(), 60000);
        QStringList correct;
        for (int row = 0; row < records->rowCount(); ++row) {
            if (records->item(row, 3)->data(Qt::UserRole).toInt() == int(dnscheck::Verdict::State::Correct))
                correct << records->item(row, 1)->text() + QLatin1Char(' ') + records->item(row, 0)->text();
        }
        for (const QString &record : { QStringLiteral("sandbox.test MX"), QStringLiteral("sandbox.test TXT"),
                 QStringLiteral("_dmarc.sandbox.test TXT"), QStringLiteral("mail.sandbox.test A") })
            QVERIFY2(correct.contains(record), qPrintable(correct.join(QStringLiteral(", "))));
        QVERIFY2(!correct.filter(QStringLiteral("._domainkey.sandbox.test TXT")).isEmpty(), qPrintable(correct.join(QStringLiteral(", "))));
        QTest::mouseClick(next, Qt::LeftButton);

        // The sandbox keeps its self-signed certificate: no Let's Encrypt for sandbox.test.
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::CertificatePageId));
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 30000);
        QTest::mouseClick(next, Qt::LeftButton);

        // No backup in the sandbox: the page says so, and it can come later.
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::BackupPageId));
        auto *standing = wizard.currentPage()->findChild<QLabel *>(QStringLiteral("standing"));
        QVERIFY(standing);
        QTRY_VERIFY_WITH_TIMEOUT(!standing->text().isEmpty() && next->isEnabled(), 30000);
        QVERIFY2(standing->text() == steps::BackupStep::tr("Not backed up yet: if the server is lost, its accounts, forwarding and DKIM key are lost with it."),
            qPrintable(standing->text()));
        QTest::mouseClick(next, Qt::LeftButton);

        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::TestMailPageId));
        QWizardPage *testMail = wizard.currentPage();
        QCOMPARE(testMail->findChild<QLineEdit *>(QStringLiteral("to"))->text(), QStringLiteral("me@gmail.test"));
        auto *send = testMail->findChild<QPushButton *>(QStringLiteral("send"));
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!send->isEnabled(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(send->isEnabled(), 120000);
        QVERIFY(allGood(testMail));
        QVERIFY(testMail->findChild<QListWidget *>(QStringLiteral("checks"))->count() >= 5);

        // The receiver standing in for Gmail has it, and trusts it.
        const QStringList inbox = wizard.state().sandbox->receiver().messages();
        QCOMPARE(inbox.size(), 1);
        QFile message(inbox.first());
        QVERIFY(message.open(QIODevice::ReadOnly));
        const QStringList results = sandbox::authenticationResults(message.readAll());
        QVERIFY2(!results.isEmpty(), "no Authentication-Results");
        for (const char *method : { "dkim", "spf", "dmarc" })
            QVERIFY2(sandbox::resultOf(results, QLatin1String(method)) == QLatin1String("pass"),
                qPrintable(results.join(QLatin1Char('\n'))));

        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::DonePageId));
        // In that language to the end.
        QCOMPARE(wizard.currentPage()->title(), pages::DonePage::tr("Your mail server is ready"));
        QVERIFY(wizard.currentPage()->title() != QStringLiteral("Your mail server is ready"));
        translations::install(*QApplication::instance(), QLocale(QLocale::English));
    }

private:
    // Every line the page's run checked is good, and the run ended well.
    static bool allGood(QWizardPage *page)
    {
        auto *checks = page->findChild<QListWidget *>(QStringLiteral("checks"));
        auto *current = page->findChild<QLabel *>(QStringLiteral("current"));
        if (!checks || !current)
            return false;
        for (int i = 0; i < checks->count(); ++i) {
            if (checks->item(i)->data(Qt::UserRole).toInt() != int(steps::Mark::Good)) {
                qWarning().noquote() << "not good:" << checks->item(i)->text();
                return false;
            }
        }
        const bool done = current->text() == pages::StepRunView::tr("Done.");
        if (!done)
            qWarning().noquote() << "the run ended with:" << current->text();
        return done;
    }

    QTemporaryDir dir_;
};

QTEST_MAIN(WizardSandboxTest)
#include "tst_gui_sandbox.moc"
