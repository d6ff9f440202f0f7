// The wizard's first pages, clicked through like a person would: the
// language switches the texts at once; the connect page refuses a bad host
// name next to the field, asks before trusting a new host key (cancelling
// leaves it unconnected), logs in with a key, and the server check lists the
// probe's findings with their icons.

#include "modal_answer.h"
#include "pages/setup_wizard.h"
#include "support/sshd_instance.h"
#include "translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace postwr;

class WizardGuiTest : public QObject {
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
        QVERIFY2(user_.create(&error), qPrintable(error));
        QVERIFY2(sshd_.start(), qPrintable(sshd_.errorString()));
        translations::install(*QApplication::instance(), QLocale(QLocale::English));
    }

    void languageSwitchesAtOnce()
    {
        pages::SetupWizard wizard(dir_.filePath(QStringLiteral("known_hosts_lang")));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        auto *languages = wizard.currentPage()->findChild<QComboBox *>();
        QVERIFY(languages);
        languages->setCurrentIndex(languages->findData(QStringLiteral("cy")));
        QTRY_COMPARE(wizard.currentPage()->title(), QStringLiteral("Croeso"));
        languages->setCurrentIndex(languages->findData(QStringLiteral("zh_CN")));
        QTRY_VERIFY(wizard.windowTitle().contains(QStringLiteral("邮件服务器")));
        languages->setCurrentIndex(languages->findData(QStringLiteral("en")));
        QTRY_COMPARE(wizard.currentPage()->title(), QStringLiteral("Welcome"));
    }

    void connectsAndChecksTheServer()
    {
        pages::SetupWizard wizard(dir_.filePath(QStringLiteral("known_hosts")));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        wizard.next();
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::ConnectPageId));
        QWizardPage *page = wizard.currentPage();
        auto *host = page->findChild<QLineEdit *>(QStringLiteral("host"));
        auto *port = page->findChild<QSpinBox *>(QStringLiteral("port"));
        auto *user = page->findChild<QLineEdit *>(QStringLiteral("user"));
        auto *keyFile = page->findChild<QLineEdit *>(QStringLiteral("keyFile"));
        auto *connectButton = page->findChild<QPushButton *>(QStringLiteral("connect"));
        auto *status = page->findChild<QLabel *>(QStringLiteral("status"));
        QVERIFY(host && port && user && keyFile && connectButton && status);
        QAbstractButton *next = wizard.button(QWizard::NextButton);

        // A bad host name: said next to the fields, Connect stays off.
        QTest::keyClicks(host, QStringLiteral("my server"));
        QVERIFY(!connectButton->isEnabled());
        QVERIFY2(status->text().contains(QStringLiteral("not a host name")), qPrintable(status->text()));
        host->clear();
        QTest::keyClicks(host, SshdInstance::host());
        port->setValue(sshd_.port());
        user->clear();
        QTest::keyClicks(user, user_.name());
        keyFile->clear();
        QTest::keyClicks(keyFile, key_);
        QVERIFY(connectButton->isEnabled());
        QVERIFY(!next->isEnabled());

        // First contact: the fingerprint is asked about; Cancel leaves it unconnected.
        QString asked;
        answerNextQuestion(this, QMessageBox::No, &asked, 20);
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("not trusted")), 20000);
        QVERIFY2(asked.contains(QStringLiteral("SHA256:")), qPrintable(asked));
        QVERIFY(!next->isEnabled());

        answerNextQuestion(this, QMessageBox::Yes, &asked, 20);
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(next->isEnabled(), 20000);
        QVERIFY2(status->text().contains(QStringLiteral("Connected to")), qPrintable(status->text()));

        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(wizard.currentId(), int(pages::SetupWizard::ServerCheckPageId));
        auto *findings = wizard.currentPage()->findChild<QListWidget *>(QStringLiteral("findings"));
        QVERIFY(findings);
        QTRY_VERIFY_WITH_TIMEOUT(findings->count() > 5, 30000);
        QStringList topics;
        for (int i = 0; i < findings->count(); ++i) {
            QVERIFY(!findings->item(i)->icon().isNull());
            topics << findings->item(i)->data(Qt::UserRole).toString();
        }
        for (const char *topic : { "os", "arch", "memory", "disk", "outbound25" })
            QVERIFY2(topics.contains(QLatin1String(topic)), qPrintable(topics.join(QLatin1Char(' '))));
    }

    // Keyboard only: Tab walks the connect page's fields in reading order,
    // and Alt+N (the Next button's mnemonic) goes on from the first page.
    void keyboardWalksTheFields()
    {
        pages::SetupWizard wizard(dir_.filePath(QStringLiteral("known_hosts_keys")));
        wizard.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wizard));
        QApplication::setActiveWindow(&wizard);
        QTest::keyClick(&wizard, Qt::Key_N, Qt::AltModifier);
        QTRY_COMPARE(wizard.currentId(), int(pages::SetupWizard::ConnectPageId));
        QWidget *page = wizard.currentPage();
        auto *host = page->findChild<QLineEdit *>(QStringLiteral("host"));
        QVERIFY(host);
        QTest::keyClicks(host, SshdInstance::host());
        host->setFocus();
        QTRY_VERIFY(host->hasFocus());
        QStringList order;
        for (int i = 0; i < 6; ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QWidget *focus = QApplication::focusWidget();
            while (focus && focus->objectName().isEmpty() && focus->parentWidget())
                focus = focus->parentWidget(); // a spin box's line edit is the spin box
            order << (focus ? focus->objectName() : QString());
        }
        QCOMPARE(order,
            QStringList({ QStringLiteral("port"), QStringLiteral("user"), QStringLiteral("method"), QStringLiteral("keyFile"),
                QStringLiteral("secret"), QStringLiteral("connect") }));
    }

private:
    QTemporaryDir dir_;
    QString key_;
    SshdInstance sshd_;
    TestUser user_;
};

QTEST_MAIN(WizardGuiTest)
#include "tst_gui_wizard.moc"
