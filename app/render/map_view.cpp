#include "render/map_view.h"

#include <algorithm>

namespace app::render {

MapView MapView::fit(const geo::Box& extent, QSizeF size, double margin)
{
    const double usableW = size.width() * (1 - 2 * margin);
    const double usableH = size.height() * (1 - 2 * margin);
    const double upp = std::max(extent.width() / std::max(usableW, 1.0), extent.height() / std::max(usableH, 1.0));
    return MapView(size, extent.centre(), upp > 0 ? upp : 1);
}

MapView MapView::fitInto(const geo::Box& extent, QSizeF size, const QRectF& frame)
{
    const MapView inFrame = fit(extent, frame.size(), 0.02);
    MapView v(size, extent.centre(), inFrame.unitsPerPixel());
    // Move the centre so that the extent's centre lands on the frame's centre.
    const QPointF offset = frame.center() - QPointF(size.width() / 2, size.height() / 2);
    v.m_centre.x -= offset.x() * v.m_unitsPerPixel;
    v.m_centre.y += offset.y() * v.m_unitsPerPixel;
    return v;
}

QPointF MapView::toScreen(geo::Point p) const
{
    return {(p.x - m_centre.x) / m_unitsPerPixel + m_size.width() / 2, (m_centre.y - p.y) / m_unitsPerPixel + m_size.height() / 2};
}

geo::Point MapView::toMap(QPointF s) const
{
    return {m_centre.x + (s.x() - m_size.width() / 2) * m_unitsPerPixel, m_centre.y - (s.y() - m_size.height() / 2) * m_unitsPerPixel};
}

QTransform MapView::transform() const
{
    const double k = 1 / m_unitsPerPixel;
    return QTransform(k, 0, 0, -k, m_size.width() / 2 - m_centre.x * k, m_size.height() / 2 + m_centre.y * k);
}

geo::Box MapView::extent() const
{
    const geo::Point a = toMap({0, m_size.height()});
    const geo::Point b = toMap({m_size.width(), 0});
    return {a.x, a.y, b.x, b.y};
}

void MapView::pan(QPointF d)
{
    m_centre.x -= d.x() * m_unitsPerPixel;
    m_centre.y += d.y() * m_unitsPerPixel;
}

void MapView::zoomAt(QPointF screen, double factor)
{
    const geo::Point anchor = toMap(screen);
    m_unitsPerPixel = std::clamp(m_unitsPerPixel / factor, 0.5, 1e5);
    const geo::Point after = toMap(screen);
    m_centre.x += anchor.x - after.x;
    m_centre.y += anchor.y - after.y;
}

}  // namespace app::render
