#pragma once
// The viewport: which part of the display CRS (metres, easting/northing) is shown at which pixel size.
// A value type, copied into every render job.

#include <QPointF>
#include <QSizeF>
#include <QTransform>

#include "geo/geometry.h"

namespace app::render {

class MapView {
public:
    MapView() = default;
    MapView(QSizeF size, geo::Point centre, double unitsPerPixel) : m_size(size), m_centre(centre), m_unitsPerPixel(unitsPerPixel) {}

    /// A view of size that shows extent whole, with margin (share of the size) around it.
    static MapView fit(const geo::Box& extent, QSizeF size, double margin = 0.04);
    /// A view of size that shows extent whole inside the part of the canvas given by frame (in pixels), e.g.
    /// right of a legend and below a title.
    static MapView fitInto(const geo::Box& extent, QSizeF size, const QRectF& frame);

    QSizeF size() const { return m_size; }
    geo::Point centre() const { return m_centre; }
    double unitsPerPixel() const { return m_unitsPerPixel; }
    void setSize(QSizeF size) { m_size = size; }

    QPointF toScreen(geo::Point p) const;
    geo::Point toMap(QPointF screen) const;
    /// Map-to-screen transform for QPainter (y up in the map, down on screen).
    QTransform transform() const;
    geo::Box extent() const;

    /// Moves the map by a screen offset (dragging by delta moves content by delta).
    void pan(QPointF deltaPixels);
    /// Zooms by factor (> 1 in) keeping the map point under screen fixed.
    void zoomAt(QPointF screen, double factor);
    /// Scale denominator N of 1:N for a screen of dpi dots per inch (display CRS in metres).
    double scaleDenominator(double dpi) const { return m_unitsPerPixel * dpi / 0.0254; }

private:
    QSizeF m_size{800, 600};
    geo::Point m_centre;
    double m_unitsPerPixel = 1000;
};

}  // namespace app::render
