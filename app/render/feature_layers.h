#pragma once
// Drawing a user's vector layer (layers::FeatureLayer: a million parcels, townships, survey points) over the map.
//
// The fast path renders into a layer image in horizontal stripes, one per core, each stripe scanning the
// features that the R-tree (or, for a view showing most of the layer, a linear pass over the bounds) puts in
// view: polygons are filled by render/scanline.h straight into the pixels, a feature whose bounds hold a
// single pixel centre is drawn as that pixel, one holding none is skipped (it cannot cover a centre), and
// outlines are drawn only for features at least outlineMinPixels wide and tall. The reference path draws every
// feature with QPainter, full detail, on one thread: tests compare the two.

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

#include <QColor>
#include <QImage>
#include <QPainterPath>
#include <QString>

#include "render/map_view.h"

class QPainter;

namespace layers {
class FeatureLayer;
class ViewportLayer;
}

namespace app::render {

enum class RenderQuality { Fast, Reference };

/// A user layer's symbols (from the style's "user" rules: see defaultFeatureStyle).
struct FeatureStyle {
    std::vector<QColor> categoryFills;  ///< per category of the layer's style field
    QColor fill;                        ///< features without a category, or the whole layer when uncategorised
    QColor outline;
    double outlineMinPixels = 6;        ///< outlines for features at least this many pixels wide and tall
    double pointSize = 3;               ///< pixels
};

struct UserLayer {
    QString id;     ///< "user:<n>", unique in a session
    QString title;  ///< shown in the layer panel: file name and layer
    std::shared_ptr<const layers::FeatureLayer> data;
    /// A layer read one view at a time (a PostGIS table, layers::ViewportLayer): each frame draws the features of its
    /// own view; data then holds the province view, for the legend and the style.
    std::shared_ptr<const layers::ViewportLayer> viewport;
    FeatureStyle style;
    bool visible = true;
    double opacity = 1.0;
    /// Drawn above the plan's overlays (zones, class hatching, corridors, places) instead of under them: the
    /// user's choice, kept with the layer (the default keeps the plan readable over a layer covering the province).
    bool abovePlan = false;
};

/// One category of a user layer as legends show it: the style field's value, its fill and how many features
/// have it. name is empty for the features without a category (or the whole layer when it has no style field).
struct LayerCategory {
    QString name;
    QColor fill;
    std::size_t count = 0;
};
/// The layer's categories that hold features, most features first (ties in the field's order), the features
/// without a category last.
std::vector<LayerCategory> layerCategories(const layers::FeatureLayer& layer, const FeatureStyle& style);

/// Feature i's shape in the display CRS (y up): polygon rings closed, line parts open, points as single-point
/// subpaths. For the highlight of an identified feature.
QPainterPath featurePath(const layers::FeatureLayer& layer, std::uint32_t i);

struct Style;
/// A layer's style from the map style's "user" rules: one fill by geometry kind, and per category of the layer's
/// style field the fill of its rule (the land-use categories of the third national land survey, 耕地, 林地, …),
/// or for categories without one a colour spread over the hue circle.
FeatureStyle defaultFeatureStyle(const layers::FeatureLayer& layer, const Style& style);

/// Renders the layer alone into a transparent premultiplied ARGB image of the view's size. threads = 0: one
/// stripe per core.
QImage renderFeatureLayer(const layers::FeatureLayer& layer, const FeatureStyle& style, const MapView& view,
                          RenderQuality quality = RenderQuality::Fast, int threads = 0);

/// The fast path into an existing image (reallocated if its size or format do not fit; cleared first), so
/// a caller drawing frame after frame reuses one buffer. Returns how many features it drew.
std::size_t renderFeatureLayerInto(QImage& image, const layers::FeatureLayer& layer, const FeatureStyle& style, const MapView& view, int threads = 0);

/// Draws it onto a painter (any device: images, widgets, PDF and SVG receive the layer image) with its opacity.
void drawUserLayer(QPainter& p, const UserLayer& layer, const MapView& view, RenderQuality quality = RenderQuality::Fast,
                   const std::atomic<bool>* cancel = nullptr);

}  // namespace app::render
