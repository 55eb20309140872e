#pragma once
// Identify: which county, zone, corridor, place or central city lies under a screen point of the map, for
// the layers and view the map shows. No widgets: used by the window and its tests.

#include <QPointF>
#include <QString>

#include "render/map_renderer.h"

namespace app::gui {

struct Hit {
    enum class Kind { None, County, Zone, Corridor, Place, City };
    Kind kind = Kind::None;
    QString id;  ///< county code or plan id
    bool operator==(const Hit&) const = default;
};

/// Points and lines first (within a few pixels), then the smallest shown zone containing the point, then the county.
Hit hitTest(const render::MapRenderer& renderer, const render::RenderSettings& settings, QPointF screen);

/// The display-CRS bounds of what a hit names, for zooming to it.
geo::Box hitBounds(const render::MapData& data, const Hit& hit);

}  // namespace app::gui
