// The systemd unit the installer writes (service/packaging/postwrd.service),
// checked by systemd's own tools: `systemd-analyze verify` has nothing to
// say about it (with ExecStart pointing at the built postwrd), and
// `systemd-analyze security --offline=true` rates its exposure "OK"
// (at most 2.0 of 10).

#include "support/process_runner.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class SystemdUnitTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        analyze_ = findTool(QStringLiteral("systemd-analyze"), QStringLiteral("apt-get install systemd"), &error);
        QVERIFY2(!analyze_.isEmpty(), qPrintable(error));
        QFile unit(qEnvironmentVariable("POSTWR_SOURCE_DIR") + QStringLiteral("/service/packaging/postwrd.service"));
        QVERIFY2(unit.open(QIODevice::ReadOnly), qPrintable(unit.fileName()));
        text_ = unit.readAll();
        QVERIFY(text_.contains("ExecStart=/usr/local/bin/postwrd --config /etc/postwr run"));
        QVERIFY(dir_.isValid());
        path_ = dir_.filePath(QStringLiteral("postwrd.service"));
        QFile copy(path_);
        QVERIFY(copy.open(QIODevice::WriteOnly));
        copy.write(QByteArray(text_).replace("/usr/local/bin/postwrd", qEnvironmentVariable("POSTWRD").toUtf8()));
    }

    void verifyFindsNothing()
    {
        const ProcessResult result = runProcess({ analyze_, { QStringLiteral("verify"), path_ }, {}, 60000,
            QProcessEnvironment::systemEnvironment(), {} });
        QVERIFY2(result.succeeded() && result.standardError.trimmed().isEmpty(),
            qPrintable(result.status() + QStringLiteral(": ") + QString::fromUtf8(result.standardError)));
    }

    void exposureIsLow()
    {
        const ProcessResult result
            = runProcess({ analyze_, { QStringLiteral("security"), QStringLiteral("--offline=true"), path_ }, {}, 60000,
                QProcessEnvironment::systemEnvironment(), {} });
        const QString out = QString::fromUtf8(result.standardOutput);
        const QRegularExpressionMatch level
            = QRegularExpression(QStringLiteral("Overall exposure level for \\S+: (\\d+\\.\\d+) (\\w+)")).match(out);
        QVERIFY2(level.hasMatch(), qPrintable(out.right(2000) + QString::fromUtf8(result.standardError)));
        qInfo().noquote() << "exposure level:" << level.captured(1) << level.captured(2);
        QVERIFY2(level.captured(1).toDouble() <= 2.0, qPrintable(out.right(3000)));
    }

private:
    QString analyze_;
    QByteArray text_;
    QTemporaryDir dir_;
    QString path_;
};

QTEST_GUILESS_MAIN(SystemdUnitTest)
#include "tst_it_systemd_unit.moc"
