// postwr: the desktop wizard that turns a VPS into your mail server.
#include "headless.h"
#include "translations.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("postwr"));
    QCoreApplication::setOrganizationName(QStringLiteral("postwr"));
    postwr::translations::install(app, QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(postwr::app::Headless::tr("Postwr: your own mail server, set up over SSH."));
    parser.addHelpOption();
    const QCommandLineOption headless(QStringLiteral("headless"),
        postwr::app::Headless::tr("Run without a window, from a plan file."));
    const QCommandLineOption plan(QStringLiteral("plan"),
        postwr::app::Headless::tr("The plan file (JSON) to run; see examples/."), QStringLiteral("FILE"));
    const QCommandLineOption verbose(QStringLiteral("verbose"),
        postwr::app::Headless::tr("Also print the SSH layer's diagnostics (never secrets) on stderr."));
    const QCommandLineOption sendTest(QStringLiteral("send-test"),
        postwr::app::Headless::tr("After the plan's steps, send a test message to ADDRESS and report its way."),
        QStringLiteral("ADDRESS"));
    parser.addOption(headless);
    parser.addOption(sendTest);
    parser.addOption(plan);
    parser.addOption(verbose);
    parser.process(app);
    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("postwr.*.debug=false\npostwr.*.info=false"));

    if (!parser.isSet(headless) || !parser.isSet(plan)) {
        QTextStream(stderr) << postwr::app::Headless::tr(
            "postwr: this build has the headless mode only: postwr --headless --plan FILE.json")
                            << Qt::endl;
        return 2;
    }
    return postwr::app::runHeadless(parser.value(plan), parser.value(sendTest));
}
