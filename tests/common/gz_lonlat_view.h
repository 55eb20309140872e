#pragma once
// A map view in the Albers display CRS that shows a longitude/latitude box whole.

#include <QSizeF>

#include "geo/projection.h"
#include "render/map_view.h"

namespace test {

/// The box is sampled on a grid of samples × samples cells (its edges curve in Albers), projected and fitted
/// into size with the given margin.
inline app::render::MapView lonLatView(double minLon, double minLat, double maxLon, double maxLat, QSizeF size = {1920, 1080},
                                       double margin = 0, int samples = 8)
{
    geo::Projection toAlbers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    geo::Box box = geo::Box::empty();
    for (int j = 0; j <= samples; ++j)
        for (int i = 0; i <= samples; ++i) {
            geo::Point p{minLon + (maxLon - minLon) * i / samples, minLat + (maxLat - minLat) * j / samples};
            toAlbers.forward(p);
            box.expand(p);
        }
    return app::render::MapView::fit(box, size, margin);
}

}  // namespace test
