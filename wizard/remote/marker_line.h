// A line the wrapper around a remote command prints on stderr so that the
// client learns something (the command's process id, that sudo let it run)
// from the same stream, without a terminal.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <optional>

namespace postwr::remote {

// Finds the first complete line of `held` that starts with `prefix`,
// removes it from `held` and returns the rest of that line (without the
// "\n"); nullopt while there is none.
std::optional<QByteArray> takeMarkerLine(QByteArray &held, QByteArrayView prefix);

// `prefix` followed by random hex digits: a marker no command prints by chance.
QByteArray randomMarker(const char *prefix);

} // namespace postwr::remote
