#include "pages/app_icon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace postwr::pages {

namespace {

QPixmap drawIcon(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    const QRectF body(s * 0.06, s * 0.2, s * 0.88, s * 0.62);
    painter.setPen(QPen(QColor(0x1f, 0x4e, 0x79), s * 0.05, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.setBrush(QColor(0x3a, 0x7b, 0xd5));
    painter.drawRoundedRect(body, s * 0.06, s * 0.06);
    QPainterPath flap;
    flap.moveTo(body.topLeft());
    flap.lineTo(body.center().x(), body.top() + body.height() * 0.55);
    flap.lineTo(body.topRight());
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::white, s * 0.05, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(flap);
    // The check mark: a server that delivers.
    const QPointF badge(s * 0.76, s * 0.76);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x2e, 0xa0, 0x43));
    painter.drawEllipse(badge, s * 0.2, s * 0.2);
    QPainterPath tick;
    tick.moveTo(badge + QPointF(-s * 0.1, 0));
    tick.lineTo(badge + QPointF(-s * 0.02, s * 0.08));
    tick.lineTo(badge + QPointF(s * 0.11, -s * 0.08));
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(Qt::white, s * 0.05, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(tick);
    return pixmap;
}

} // namespace

QIcon appIcon()
{
    QIcon icon;
    for (int size : { 16, 24, 32, 48, 64, 128, 256 })
        icon.addPixmap(drawIcon(size));
    return icon;
}

} // namespace postwr::pages
