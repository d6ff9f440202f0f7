// The app with windows: the dashboard of the remembered servers, or the
// setup wizard when there is none yet (and from the dashboard's "Set up a
// new server"); a server the wizard remembers appears in the dashboard.
#pragma once

class QCoreApplication;

namespace postwr::app {

int runDesktop(QCoreApplication &app);

} // namespace postwr::app
