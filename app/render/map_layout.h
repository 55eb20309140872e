#pragma once
// The one layout of an exported map (`gzplan render` and the window's map export): its title, the map's frame and
// scale on the page, and the inset of central Guiyang on province maps.

#include <QSize>
#include <QString>

#include "geo/geometry.h"
#include "render/map_renderer.h"

namespace app::render {

/// The title of an exported map of view, in the current language (QCoreApplication's translators).
QString mapTitle(View view, int countyCount);

/// Lays out s (its view, dpi, decorations and inset) as an exported map of size pixels at dpi showing extent
/// (display CRS): the map fills the style's frame (right of the legend, below the title) at the largest scale at
/// which extent fits it whole. With allowInset, a map of the whole province gets a framed inset of the counties
/// the style marks "inset" (贵阳's central districts, whose labels give way at province scale), in a corner of the
/// frame where it hides no county; the map may slide within the frame's spare room to make that corner larger.
void layoutExport(const MapRenderer& r, RenderSettings& s, QSize size, double dpi, const geo::Box& extent, bool allowInset);

/// The map extent the style's "inset" counties fill in view (padded); empty when no county is marked.
geo::Box insetExtent(const MapRenderer& r, View view);

}  // namespace app::render
