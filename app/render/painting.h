#pragma once
// Internal drawing helpers of the render library.

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include "render/style.h"

namespace app::render {

inline QPen cosmeticPen(const StrokeStyle& s, double k)
{
    QPen pen(s.colour, s.width * k);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::RoundJoin);
    return pen;
}

/// Text with a halo, drawn as a path so the halo is an outline of the glyphs.
inline void haloText(QPainter& p, QPointF baseline, const QString& text, const QFont& font, QColor fill, QColor halo, double haloWidth)
{
    QPainterPath path;
    path.addText(baseline, font, text);
    p.setPen(QPen(halo, haloWidth, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p.setBrush(Qt::NoBrush);
    p.drawPath(path);
    p.setPen(Qt::NoPen);
    p.setBrush(fill);
    p.drawPath(path);
}


/// A point inside path (map or screen units alike) for a label: the point of a 15x15 grid over its bounds that
/// lies inside and is nearest to anchor.
inline QPointF pointInside(const QPainterPath& path, QPointF anchor)
{
    const QRectF b = path.boundingRect();
    QPointF best = b.center();
    double bestDistance = -1;
    for (int j = 0; j < 15; ++j)
        for (int i = 0; i < 15; ++i) {
            const QPointF c(b.left() + b.width() * (i + 0.5) / 15, b.top() + b.height() * (j + 0.5) / 15);
            if (!path.contains(c))
                continue;
            const QPointF d = c - anchor;
            const double distance = d.x() * d.x() + d.y() * d.y();
            if (bestDistance < 0 || distance < bestDistance) {
                best = c;
                bestDistance = distance;
            }
        }
    return best;
}

}  // namespace app::render
