#include "payload/payload.h"

#include <QFile>

namespace postwr::payload {

namespace {

// The resource is linked in; a missing one is a build error, not a user's.
QByteArray resource(const char *name)
{
    QFile file(QStringLiteral(":/payload/") + QLatin1String(name));
    const bool opened = file.open(QIODevice::ReadOnly);
    Q_ASSERT_X(opened, "postwr::payload", name);
    return opened ? file.readAll() : QByteArray();
}

} // namespace

QByteArray postwrdBinary() { return resource("postwrd"); }
QByteArray systemdUnit() { return resource("postwrd.service"); }
QByteArray supervisorScript() { return resource("postwrd-supervise"); }

} // namespace postwr::payload
