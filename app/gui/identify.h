#pragma once
// Identify: which county, zone, corridor, place or central city lies under a screen point of the map, for
// the layers and view the map shows. No widgets: used by the window and its tests.

#include <QPointF>
#include <QString>

#include "geo/projection.h"
#include "layers/plan_query.h"
#include "render/map_renderer.h"

namespace app::gui {

struct Hit {
    enum class Kind { None, County, Zone, Corridor, Place, City, Prefecture };
    Kind kind = Kind::None;
    QString id;  ///< county or prefecture code, or plan id
    bool operator==(const Hit&) const = default;
};

/// The county under a display-CRS point: PlanQuery::countyAt, the one point-in-polygon service (also behind
/// `gzplan where`), at the point taken to CGCS2000 lon/lat by toLonLat (display CRS → EPSG:4490). lonLat, when
/// given, receives the point located. Nullptr outside Guizhou or where the point cannot be transformed.
const layers::County* countyAt(const layers::PlanQuery& query, const geo::Projection& toLonLat, geo::Point display, geo::Point* lonLat = nullptr);

/// Points and lines first (within a few pixels), then the smallest shown zone containing the point (the zones the
/// view's style shows), then the county (countyAt; query must hold the geography the renderer's data was built from).
Hit hitTest(const render::MapRenderer& renderer, const render::RenderSettings& settings, QPointF screen, const layers::PlanQuery& query,
            const geo::Projection& toLonLat);

/// The display-CRS bounds of what a hit names, for zooming to it.
geo::Box hitBounds(const render::MapData& data, const Hit& hit);

}  // namespace app::gui
