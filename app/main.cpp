// postwr: the desktop wizard that turns a VPS into your mail server.
#include "headless.h"
#include "pages/setup_wizard.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <memory>

int main(int argc, char *argv[])
{
    // A window needs a display; the headless mode must not.
    const bool headlessMode
        = std::any_of(argv + 1, argv + argc, [](const char *argument) { return std::strcmp(argument, "--headless") == 0; });
    const std::unique_ptr<QCoreApplication> application = headlessMode
        ? std::make_unique<QCoreApplication>(argc, argv)
        : std::unique_ptr<QCoreApplication>(std::make_unique<QApplication>(argc, argv));
    QCoreApplication &app = *application;
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

    if (headlessMode) {
        if (!parser.isSet(plan)) {
            QTextStream(stderr) << postwr::app::Headless::tr("postwr: --headless needs --plan FILE.json") << Qt::endl;
            return 2;
        }
        return postwr::app::runHeadless(parser.value(plan), parser.value(sendTest));
    }
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    postwr::pages::SetupWizard wizard(dataDir + QStringLiteral("/known_hosts"));
    wizard.show();
    return app.exec();
}
