// postwr: the desktop wizard that turns a VPS into your mail server.
#include "desktop.h"
#include "headless.h"
#include "sandbox/sandbox.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLoggingCategory>
#include <QStandardPaths>
#include <QTextStream>

#include <algorithm>
#include <cstring>
#include <memory>

namespace {

// `--name`, or `--name=VALUE` / `--name VALUE` when `withValue`.
bool hasOption(int argc, char *argv[], const char *name, bool withValue = false)
{
    const std::size_t length = std::strlen(name);
    return std::any_of(argv + 1, argv + argc, [&](const char *argument) {
        return std::strncmp(argument, name, length) == 0
            && (argument[length] == '\0' || (withValue && argument[length] == '='));
    });
}

} // namespace

int main(int argc, char *argv[])
{
    // A window needs a display; the headless mode and the sandbox must not.
    // Without a display (nor a Qt platform chosen) and without options, the
    // sandbox is what can run.
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY")
        && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    const bool sandboxForLackOfDisplay = noDisplay && argc == 1;
    const bool sandboxMode
        = hasOption(argc, argv, "--sandbox") || hasOption(argc, argv, "--sandbox-dir", true) || sandboxForLackOfDisplay;
    const bool headlessMode = hasOption(argc, argv, "--headless");
    const std::unique_ptr<QCoreApplication> application = headlessMode || sandboxMode
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
    const QCommandLineOption sandbox(QStringLiteral("sandbox"),
        postwr::app::Headless::tr("Run the whole setup without a window against a sandbox on this machine: sshd, "
                                  "dnsmasq and a receiving mail server on loopback."));
    const QCommandLineOption sandboxDir(QStringLiteral("sandbox-dir"),
        postwr::app::Headless::tr("The sandbox's directory, removed and made anew (default: %1).")
            .arg(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sandbox")),
        QStringLiteral("DIR"));
    parser.addOption(headless);
    parser.addOption(sandbox);
    parser.addOption(sandboxDir);
    const QCommandLineOption checkDns(QStringLiteral("check-dns"),
        postwr::app::Headless::tr("After the plan's steps, check every DNS record the domains need; exit 1 when one "
                                  "that receivers need is missing or wrong."));
    parser.addOption(sendTest);
    parser.addOption(checkDns);
    parser.addOption(plan);
    parser.addOption(verbose);
    parser.process(app);
    if (!parser.isSet(verbose))
        QLoggingCategory::setFilterRules(QStringLiteral("postwr.*.debug=false\npostwr.*.info=false"));

    if (sandboxMode) {
        if (sandboxForLackOfDisplay)
            QTextStream(stdout) << postwr::app::Headless::tr("postwr: no display (DISPLAY, WAYLAND_DISPLAY), so no "
                                                             "window: running the local sandbox (--sandbox) instead.")
                                << Qt::endl;
        const QString directory = parser.isSet(sandboxDir)
            ? parser.value(sandboxDir)
            : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/sandbox");
        return postwr::sandbox::runSandbox(directory);
    }
    if (headlessMode) {
        if (!parser.isSet(plan)) {
            QTextStream(stderr) << postwr::app::Headless::tr("postwr: --headless needs --plan FILE.json") << Qt::endl;
            return 2;
        }
        return postwr::app::runHeadless(parser.value(plan), parser.value(sendTest), parser.isSet(checkDns));
    }
    return postwr::app::runDesktop(app);
}
