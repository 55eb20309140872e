#pragma once
// Internal drawing helpers of the render library.

#include <QFont>
#include <QPainter>
#include <QPainterPath>
#include <QPen>

#include <algorithm>
#include <cmath>

#include "render/style.h"

namespace app::render {

/// Sets a font's size in points at 96 dpi as pixels, so that the renderer's own dpi factor is the only
/// scaling (QImage, QPdfWriter and QSvgGenerator would otherwise scale point sizes by their resolution too).
inline void setPoints(QFont& font, double points)
{
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(points * 96.0 / 72.0))));
}

inline QPen cosmeticPen(const StrokeStyle& s, double k)
{
    QPen pen(s.colour, s.width * k);
    pen.setCosmetic(true);
    pen.setJoinStyle(Qt::MiterJoin);
    return pen;
}

/// Text with a halo: the text drawn in the halo colour at eight offsets around the baseline, then in its
/// colour on top. Goes through Qt's glyph cache (outlining glyphs into paths would cost ~0.3 ms a label).
inline void haloText(QPainter& p, QPointF baseline, const QString& text, const QFont& font, QColor fill, QColor halo, double haloWidth)
{
    p.save();
    p.setFont(font);
    p.setPen(halo);
    const double r = haloWidth / 2;
    const double d = r * 0.7071;
    const QPointF offsets[] = {{r, 0}, {-r, 0}, {0, r}, {0, -r}, {d, d}, {d, -d}, {-d, d}, {-d, -d}};
    for (const QPointF& o : offsets)
        p.drawText(baseline + o, text);
    p.setPen(fill);
    p.drawText(baseline, text);
    p.restore();
}

/// The path mapped to screen pixels by t, dropping each vertex within tolerance pixels of the last kept one
/// (level of detail: at province scale most source vertices fall within a pixel of their neighbours).
inline QPainterPath screenPath(const QPainterPath& path, const QTransform& t, double tolerance = 0.6)
{
    QPainterPath out;
    out.setFillRule(path.fillRule());
    const double t2 = tolerance * tolerance;
    QPointF last;
    QPointF pending;
    bool hasPending = false;
    const int n = path.elementCount();
    for (int i = 0; i < n; ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        const QPointF p = t.map(QPointF(e.x, e.y));
        if (e.isMoveTo()) {
            if (hasPending)
                out.lineTo(pending);
            hasPending = false;
            out.moveTo(p);
            last = p;
            continue;
        }
        const QPointF d = p - last;
        if (d.x() * d.x() + d.y() * d.y() < t2) {
            pending = p;  // kept only if it ends a subpath
            hasPending = true;
            continue;
        }
        out.lineTo(p);
        last = p;
        hasPending = false;
    }
    if (hasPending)
        out.lineTo(pending);
    return out;
}

/// Strokes a screen-space path of any width with Qt's fast hairline rasteriser: one antialiased 1-pixel
/// pass per offset, the offsets spread over the width (Qt's general stroker is 40-100x slower on the
/// province's thousands of vertices). Dash patterns are in pixels.
inline void strokeFast(QPainter& p, const QPainterPath& path, const QColor& colour, double width, Qt::PenStyle style = Qt::SolidLine)
{
    QPen pen(colour, std::min(width, 1.0), style);
    pen.setCosmetic(true);
    if (style == Qt::DashLine)
        pen.setDashPattern({6, 5});  // long enough to read as dashed along jagged county borders
    p.save();
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    const double h = std::max(0.0, (width - 1.0) / 2.0);
    const QPointF offsets[] = {{0, 0}, {h, 0}, {-h, 0}, {0, h}, {0, -h}};
    const int passes = width <= 1.05 ? 1 : width <= 2.0 ? 3 : 5;
    for (int i = 0; i < passes; ++i) {
        p.translate(offsets[i]);
        p.drawPath(path);
        p.translate(-offsets[i]);
    }
    p.restore();
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
