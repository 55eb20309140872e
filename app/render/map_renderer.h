#pragma once
// Draws a MapData snapshot with a Style into any QPainter device (QImage, QSvgGenerator, QPdfWriter, a widget).
// Reentrant: the window's canvas and `gzplan render` both call it, from any thread. Its only state is a cache
// (internally locked) of what the fast path derives per scale band: simplified paths, text advances, label sprites.

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include <QMap>
#include <QSet>
#include <QRectF>
#include <QString>

#include "render/choropleth.h"
#include "render/feature_layers.h"
#include "render/layer_symbols.h"
#include "render/map_data.h"
#include "render/map_view.h"
#include "render/map_views.h"
#include "render/progress_data.h"
#include "render/style.h"

class QPainter;
class QImage;

namespace app::render {

struct Frame;
struct RenderCache;

/// A framed inset drawn over an exported map at a larger scale (laid out by layoutExport, map_layout.h).
struct MapInset {
    geo::Box extent;  ///< what it shows, display CRS
    QRectF frame;     ///< where, in pixels: the whole inset, its title strip included
    QString title;
};

struct RenderSettings {
    MapView view;
    double dpi = 96;              ///< for the scale figure and widths (widths scale with dpi / 96)
    View theme = View::Overview;  ///< the thematic view: fills, overlays, legend
    QMap<QString, LayerState> layers;  ///< per layer id (missing: hidden); MapRenderer::settingsFor gives a view's
    QStringList order = layerIds();   ///< drawing order, bottom to top (labels are always on top)
    QSet<QString> highlightCounties;  ///< county codes drawn selected
    QString highlightFeature;         ///< a zone, corridor or place id drawn selected
    std::vector<UserLayer> userLayers; ///< added vector layers, bottom to top: above the county fills and under
                                       ///< the plan's overlays, or above them (UserLayer::abovePlan)
    /// Selected features of user layers, by UserLayer::id: their indices in the layer (FeatureLayer::indexOfFid),
    /// drawn with the selection's symbols (the style's "highlight" rules) over everything but the labels.
    QMap<QString, std::shared_ptr<const std::vector<std::uint32_t>>> userSelection;
    bool decorations = false;     ///< title, legend, source note (exported maps)
    bool scaleBar = true;
    bool northArrow = true;
    QString title;
    QString sourceNote;
    std::optional<MapInset> inset;  ///< drawn with its own scale bar and title; its extent outlined on the map
    /// Fast (default): on raster images, paths simplified once per scale band, fills without antialiasing under
    /// antialiased outlines, the map drawn in horizontal stripes on every core, labels blitted from cached
    /// sprites. Reference: every path simplified from the map data and every label drawn, on one thread (what
    /// vector devices always get). The two look the same (tests/app/render_lod_test.cpp bounds the difference).
    RenderQuality quality = RenderQuality::Fast;
    /// The 目标进展 view's statuses (loadProgress, progress_data.h); null: every scope with targets drawn as "no figure"
    /// and the legend says there are no actual figures. Its targets point into the PlanData it was evaluated from.
    std::shared_ptr<const ProgressData> progress;
    /// County fills by a value (the statistics panel's result, a joined column), over any view's own fills; its
    /// rows head the legend (choropleth.h). Null: the view's fills.
    std::shared_ptr<const Choropleth> choropleth;
    /// Set by another thread when this frame is no longer wanted (the window's view moved on): a PostGIS layer's
    /// read of the view stops within a page of rows, and the layer is left out of the frame (which is dropped).
    std::shared_ptr<const std::atomic<bool>> cancel;

    bool visible(const QString& layer) const { return layers.value(layer).visible; }
    double opacity(const QString& layer) const { return layers.value(layer).opacity; }
    void setVisible(const QString& layer, bool on) { layers[layer].visible = on; }
};

class MapRenderer {
public:
    MapRenderer(std::shared_ptr<const MapData> data, Style style);

    void render(QPainter& painter, const RenderSettings& settings) const;
    /// Convenience: renders into a new ARGB image of the view's size.
    QImage renderImage(const RenderSettings& settings) const;

    const Style& style() const { return m_style; }
    const MapData& data() const { return *m_data; }
    const std::shared_ptr<const MapData>& sharedData() const { return m_data; }
    /// Settings for a thematic view: the layers the style's view shows (the extent is the caller's: see viewExtent).
    RenderSettings settingsFor(View view) const;
    /// The layers a view shows by default, from the style (every layer id; those it does not show hidden).
    QMap<QString, LayerState> viewLayers(View view) const;
    /// Every feature's symbol in a view, resolved from the style when the renderer was made.
    const ViewSymbols& symbols(View view) const;
    /// The part of the map a view opens on (display CRS): its features marked "extent" in the style, with the
    /// style's margin, else the province.
    geo::Box viewExtent(View view) const;
    /// The fill colour of a prefecture in the overview, by its index in MapData::prefectures.
    QColor prefectureFill(int index) const;
    /// The fill of a county-seat class in the county-class view, by its index in MapData::classes.
    QColor classFill(int index) const;

private:
    /// The fast path's frame for painter p, or a reference frame (Frame::fast() false) where it does not apply.
    Frame fastFrame(QPainter& p, const RenderSettings& s) const;
    /// Background and layers in horizontal stripes, one painter per stripe on the image of p; false (nothing
    /// drawn) when p does not paint a plain raster image.
    bool drawStripes(QPainter& p, const RenderSettings& s, const Frame& f) const;
    /// The layers of s.order through the layer registry (map_layers.h), user layers above the counties (then the
    /// class hatching over them) or, those marked abovePlan, above every layer.
    void drawLayers(QPainter& p, const RenderSettings& s, const Frame& f) const;
    void drawLabels(QPainter& p, const RenderSettings& s, const Frame& f) const;
    void drawScaleBar(QPainter& p, const RenderSettings& s, const Frame& f) const;
    void drawNorthArrow(QPainter& p, const RenderSettings& s, const Frame& f) const;
    void drawDecorations(QPainter& p, const RenderSettings& s) const;
    /// s.inset: its extent outlined on the map, then the inset itself (the same view, labels and symbols).
    void drawInset(QPainter& p, const RenderSettings& s) const;

    std::shared_ptr<const MapData> m_data;
    Style m_style;
    std::vector<ViewSymbols> m_symbols;  ///< per View, in the enum's order
    std::shared_ptr<RenderCache> m_cache;  ///< shared by copies of the renderer, which draw the same data
};

}  // namespace app::render
