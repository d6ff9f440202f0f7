// postwrd is installed by uploading one file (DESIGN.md): it must be a static
// binary, and our code must not call NSS functions, which a static glibc
// binary cannot use reliably (names are resolved with c-ares, ids read from
// the config or /etc/passwd directly).
#include <QProcess>
#include <QTest>

class TestStaticBinary : public QObject {
    Q_OBJECT

private slots:
    void postwrdIsStaticallyLinked()
    {
        QProcess file;
        file.start("file", {qEnvironmentVariable("POSTWRD")});
        QVERIFY2(file.waitForFinished(10000), "'file' did not run: apt-get install file");
        const QString output = QString::fromUtf8(file.readAllStandardOutput());
        QVERIFY2(output.contains("statically linked"), qPrintable(output));
    }

    void ourCodeCallsNoNssFunction_data()
    {
        QTest::addColumn<QString>("archive");
        for (const QString &archive : QStringLiteral(POSTWR_ARCHIVES).split(':'))
            QTest::newRow(qPrintable(archive.section('/', -1))) << archive;
    }

    void ourCodeCallsNoNssFunction()
    {
        QFETCH(QString, archive);
        QProcess nm;
        nm.start("nm", {"--undefined-only", archive});
        QVERIFY2(nm.waitForFinished(10000), "'nm' did not run: apt-get install binutils");
        QCOMPARE(nm.exitCode(), 0);
        const QString symbols = QString::fromUtf8(nm.readAllStandardOutput());
        QVERIFY(symbols.contains("U "));
        static const QStringList nss{"getaddrinfo", "getnameinfo", "gethostbyname", "gethostbyaddr", "getpwnam",
                                     "getpwuid", "getgrnam", "getgrgid", "getservbyname", "initgroups"};
        for (const QString &line : symbols.split('\n')) {
            const QString symbol = line.section(' ', -1);
            for (const QString &function : nss)
                QVERIFY2(!symbol.startsWith(function), qPrintable(archive + " calls " + symbol));
        }
    }
};

QTEST_GUILESS_MAIN(TestStaticBinary)
#include "tst_static_binary.moc"
