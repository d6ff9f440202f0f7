#pragma once

#include <QLoggingCategory>

// Host, port, user, key types and fingerprints, outcomes and timings; never
// a secret, and never a command's text (a step might put a secret in one).
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
