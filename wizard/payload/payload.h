// The files the app carries for the server (see CMakeLists.txt here).
#pragma once

#include <QByteArray>

namespace postwr::payload {

QByteArray postwrdBinary();
QByteArray systemdUnit();
QByteArray supervisorScript();

} // namespace postwr::payload
