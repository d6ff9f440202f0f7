// `postwr --headless --plan FILE.json`: runs a plan file's steps and prints
// their progress; the exit status is 0 when every step succeeded, 1 at the
// first failure (its reason on stderr), 2 for a plan file that is not valid.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace postwr::app {

// `sendTestTo`: `--send-test ADDRESS`, or empty; `checkDns`: `--check-dns`.
int runHeadless(const QString &planFile, const QString &sendTestTo = {}, bool checkDns = false);

class Headless {
    Q_DECLARE_TR_FUNCTIONS(postwr::app::Headless)
};

} // namespace postwr::app
