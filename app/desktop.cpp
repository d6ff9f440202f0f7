#include "desktop.h"

#include "dashboard/dashboard_window.h"
#include "pages/setup_wizard.h"
#include "servers/server_profile.h"

#include <QCoreApplication>
#include <QDir>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>

namespace postwr::app {

int runDesktop(QCoreApplication &app)
{
    const QString dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(dataDir);
    const QString knownHosts = dataDir + QStringLiteral("/known_hosts");
    dashboard::DashboardWindow dashboard(knownHosts);
    QPointer<pages::SetupWizard> wizard;
    const auto openWizard = [&] {
        if (wizard) {
            wizard->raise();
            wizard->activateWindow();
            return;
        }
        wizard = new pages::SetupWizard(knownHosts);
        wizard->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(wizard, &pages::SetupWizard::serverRemembered, &dashboard, [&dashboard](const QString &id) {
            dashboard.reload(id);
            dashboard.show();
        });
        wizard->show();
    };
    QObject::connect(&dashboard, &dashboard::DashboardWindow::newServerRequested, &dashboard, openWizard);

    QSettings settings;
    if (servers::loadProfiles(settings).isEmpty())
        openWizard();
    else
        dashboard.show();
    return app.exec();
}

} // namespace postwr::app
