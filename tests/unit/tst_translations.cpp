// Every user-visible string has a real Chinese and Welsh translation: the
// .ts files have no unfinished or empty entry, each translation keeps the
// source's %N placeholders, and the embedded .qm files load and translate.

#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Message {
    QString context;
    QString source;
    QString translation;
    QString type; // "unfinished", "obsolete", "vanished" or empty
    QStringList forms; // a plural message's forms (numerusform), each with every placeholder
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1").arg(path);
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            current = Message { context, {}, {}, {}, {} };
        else if (xml.name() == QLatin1String("source"))
            current.source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    current.forms << xml.readElementText();
                else if (xml.isCharacters())
                    current.translation += xml.text();
            }
            if (!current.forms.isEmpty())
                current.translation = current.forms.join(QLatin1Char(' '));
            messages << current;
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1: line %2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QStringList placeholders(const QString &text)
{
    QStringList found;
    QRegularExpressionMatchIterator it = QRegularExpression(QStringLiteral("%L?\\d+")).globalMatch(text);
    while (it.hasNext())
        found << it.next().captured();
    found.sort();
    return found;
}

} // namespace

class TranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void everyMessageIsTranslated_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
        QTest::newRow("Welsh") << QStringLiteral("cy");
    }

    void everyMessageIsTranslated()
    {
        QFETCH(QString, language);
        QString error;
        const QList<Message> messages
            = readTs(QStringLiteral(POSTWR_TRANSLATIONS_DIR "/postwr_%1.ts").arg(language), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 100, "the .ts file has (almost) no messages: run the update_translations target");
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = QStringLiteral("[%1] \"%2\"").arg(m.context, m.source.left(60));
            if (!m.type.isEmpty())
                problems << QStringLiteral("%1 is %2").arg(where, m.type);
            else if (m.translation.trimmed().isEmpty())
                problems << QStringLiteral("%1 has no translation").arg(where);
            else {
                for (const QString &form : m.forms.isEmpty() ? QStringList { m.translation } : m.forms) {
                    if (placeholders(form) != placeholders(m.source))
                        problems << QStringLiteral("%1: the translation's placeholders %2 differ from %3")
                                        .arg(where, placeholders(form).join(QLatin1Char(' ')),
                                            placeholders(m.source).join(QLatin1Char(' ')));
                }
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(QString::number(problems.size()) + QStringLiteral(" problem(s):\n")
                                         + problems.mid(0, 20).join(QLatin1Char('\n'))));
    }

    void embeddedTranslationsLoad_data()
    {
        everyMessageIsTranslated_data();
    }

    void embeddedTranslationsLoad()
    {
        QFETCH(QString, language);
        QString error;
        const QList<Message> messages
            = readTs(QStringLiteral(POSTWR_TRANSLATIONS_DIR "/postwr_%1.ts").arg(language), &error);
        QVERIFY2(!messages.isEmpty(), qPrintable(error));
        QCoreApplication *app = QCoreApplication::instance();
        QVERIFY(app);
        QVERIFY2(postwr::translations::install(*app, QLocale(language)),
            qPrintable(QStringLiteral("no embedded translation for %1").arg(language)));
        const Message &sample = messages.first();
        QCOMPARE(QCoreApplication::translate(sample.context.toUtf8().constData(), sample.source.toUtf8().constData()),
            sample.translation);
    }

    void englishNeedsNone()
    {
        QVERIFY(!postwr::translations::install(*QCoreApplication::instance(), QLocale(QLocale::English)));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"
