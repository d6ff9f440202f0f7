// Several certificates on one postwrd: `postwrd tls install --name NAME`
// adds one for another host name (a second domain's mail host) while
// postwrd runs, --reload makes it serve it at once, and `openssl s_client`
// gets the certificate for the name it asks (SNI), a wildcard one for any
// name it covers, and the default one for names nobody covers. A
// certificate that does not cover its --name is refused.

#include "support/postwrd_instance.h"
#include "support/process_runner.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TlsSniTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        openssl_ = findTool(QStringLiteral("openssl"), QStringLiteral("apt-get install openssl"), &error);
        QVERIFY2(!openssl_.isEmpty(), qPrintable(error));
        QVERIFY2(postwrd_.prepare(), qPrintable(postwrd_.errorString()));
        QVERIFY2(postwrd_.start(), qPrintable(postwrd_.errorString()));
        const ProcessResult shown = postwrd_.cli({ QStringLiteral("tls"), QStringLiteral("show") });
        QVERIFY2(shown.succeeded(), shown.standardError.constData());
        const QRegularExpressionMatch names
            = QRegularExpression(QStringLiteral("^names +(\\S+)$"), QRegularExpression::MultilineOption).match(QString::fromUtf8(shown.standardOutput));
        QVERIFY2(names.hasMatch(), shown.standardOutput.constData());
        hostname_ = names.captured(1);
    }

    void servesTheCertificateOfTheNameAsked()
    {
        QVERIFY(makeCertificate(QStringLiteral("other"), QStringLiteral("DNS:other.test")));
        QVERIFY(makeCertificate(QStringLiteral("wild"), QStringLiteral("DNS:*.wild.test")));
        for (const auto &[file, name] : { std::pair { QStringLiteral("other"), QStringLiteral("other.test") },
                 std::pair { QStringLiteral("wild"), QStringLiteral("mail.wild.test") } }) {
            const ProcessResult installed = postwrd_.cli({ QStringLiteral("tls"), QStringLiteral("install"), dir_.filePath(file + QStringLiteral(".pem")),
                dir_.filePath(file + QStringLiteral(".key")), QStringLiteral("--name"), name, QStringLiteral("--reload") });
            QVERIFY2(installed.succeeded(), installed.standardError.constData());
            QVERIFY2(installed.standardOutput.contains("to reload"), installed.standardOutput.constData());
        }
        QString subject;
        for (int i = 0; i < 50 && subject != QLatin1String("CN = other.test"); ++i) {
            QTest::qWait(100);
            subject = servedSubject(QStringLiteral("other.test"));
        }
        QCOMPARE(subject, QStringLiteral("CN = other.test"));
        QCOMPARE(servedSubject(QStringLiteral("OTHER.test")), QStringLiteral("CN = other.test"));
        QCOMPARE(servedSubject(QStringLiteral("smtp.wild.test")), QStringLiteral("CN = *.wild.test"));
        QCOMPARE(servedSubject(QStringLiteral("deep.smtp.wild.test")), QStringLiteral("CN = ") + hostname_);
        QCOMPARE(servedSubject(QStringLiteral("nobody.test")), QStringLiteral("CN = ") + hostname_);
        QCOMPARE(servedSubject(hostname_), QStringLiteral("CN = ") + hostname_);
    }

    void aCertificateNotForItsNameIsRefused()
    {
        QVERIFY(makeCertificate(QStringLiteral("third"), QStringLiteral("DNS:third.test")));
        const ProcessResult refused = postwrd_.cli({ QStringLiteral("tls"), QStringLiteral("install"), dir_.filePath(QStringLiteral("third.pem")),
            dir_.filePath(QStringLiteral("third.key")), QStringLiteral("--name"), QStringLiteral("fourth.test") });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.standardError.contains("the certificate is for third.test, not for fourth.test"), refused.standardError.constData());
        QVERIFY(!QFile::exists(postwrd_.configDir() + QStringLiteral("/tls/names/fourth.test.pem")));
        const ProcessResult bad = postwrd_.cli({ QStringLiteral("tls"), QStringLiteral("install"), dir_.filePath(QStringLiteral("third.pem")),
            dir_.filePath(QStringLiteral("third.key")), QStringLiteral("--name"), QStringLiteral("../escape") });
        QCOMPARE(bad.exitCode, 2);
    }

private:
    bool makeCertificate(const QString &file, const QString &altName)
    {
        const ProcessResult made = runProcess({ openssl_,
            { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"),
                QStringLiteral("-subj"), QStringLiteral("/CN=") + altName.mid(4), QStringLiteral("-addext"),
                QStringLiteral("subjectAltName=") + altName, QStringLiteral("-keyout"), dir_.filePath(file + QStringLiteral(".key")),
                QStringLiteral("-out"), dir_.filePath(file + QStringLiteral(".pem")) },
            {}, 20000, QProcessEnvironment::systemEnvironment(), {} });
        if (!made.succeeded())
            qWarning("openssl req: %s", made.standardError.constData());
        return made.succeeded();
    }

    // The subject of the certificate postwrd serves on 465 to a client asking for `name`.
    QString servedSubject(const QString &name) const
    {
        const QString script = QStringLiteral("openssl s_client -connect 127.0.0.1:%1 -servername %2 </dev/null 2>/dev/null "
                                              "| openssl x509 -noout -subject")
                                   .arg(postwrd_.port(Role::Submissions))
                                   .arg(name);
        const ProcessResult run = runProcess({ QStringLiteral("sh"), { QStringLiteral("-c"), script }, {}, 20000,
            QProcessEnvironment::systemEnvironment(), {} });
        const QString text = QString::fromUtf8(run.standardOutput).trimmed();
        return text.startsWith(QStringLiteral("subject=")) ? text.mid(8) : text;
    }

    QTemporaryDir dir_;
    QString openssl_;
    PostwrdInstance postwrd_;
    QString hostname_;
};

QTEST_GUILESS_MAIN(TlsSniTest)
#include "tst_it_tls_sni.moc"
