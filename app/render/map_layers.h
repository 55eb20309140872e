#pragma once
// The layer registry: each drawable layer of the map (map_views.h's layerIds()) is one draw function with one
// signature, looked up by id; MapRenderer draws a view by walking its layer order through this table. Every draw
// function reads its symbols from the view's ViewSymbols (resolved from the style) and its geometry from the
// Frame: the scale band's simplified paths on the fast path, the map data on the reference path.
//
//   base_layers.cpp    neighbours, counties (fills per view, class stripes), rivers, prefecture borders, province,
//                      the selection
//   layout_layers.cpp  the plan's layouts: zones (一核三心多组团, 都市圈, 黔中城市群), the 一群三带 belts, the
//                      regional central cities
//   transport_layers.cpp  transport projects, the seats outside Guizhou they end at, and places (hubs, airports,
//                      ports, towns)
//   progress_layers.cpp  the 目标进展 view: county fills by their central city's share of targets met, zones and
//                      corridors with targets, central cities' target and actual population, labels, legend
//   legend.cpp         the legend of each view

#include <vector>

#include <QBrush>
#include <QPen>
#include <QRectF>
#include <QString>

#include "render/layer_symbols.h"
#include "render/map_renderer.h"

class QPainter;

namespace app::render {

struct Frame;

struct LayerContext {
    QPainter& p;
    const RenderSettings& s;
    const Frame& f;
    const MapData& data;
    const Style& style;
    const ViewSymbols& symbols;
    double k;  ///< device pixels per pixel at 96 dpi
};

using LayerDraw = void (*)(const LayerContext&);

struct LayerEntry {
    const char* id;
    LayerDraw draw;
    bool ownOpacity;  ///< applies the layer's opacity itself (to its fills) instead of to the whole painter
};

/// Every drawable layer (labels are drawn by the renderer, always on top).
const std::vector<LayerEntry>& layerRegistry();
const LayerEntry* findLayer(const QString& id);

void drawNeighbours(const LayerContext& c);
void drawCounties(const LayerContext& c);
/// The rivers (WDBII lines), each level in its width from the style: over the county fills and user layers, under the
/// class hatching and the plan's layers.
void drawRivers(const LayerContext& c);
void drawPrefectureBorders(const LayerContext& c);
void drawProvince(const LayerContext& c);
void drawZones(const LayerContext& c);
void drawBelts(const LayerContext& c);
void drawRelations(const LayerContext& c);
void drawCities(const LayerContext& c);
void drawCorridors(const LayerContext& c);
/// The seats outside Guizhou that corridors end at, as points (their labels: MapRenderer::drawLabels).
void drawNeighbourSeats(const LayerContext& c);
void drawPlaces(const LayerContext& c);
void drawHighlight(const LayerContext& c);
/// The selected features of user layers (RenderSettings::userSelection), in the selection's symbols.
void drawUserSelection(const LayerContext& c);
/// The county-seat classes as hatching in their colours (split counties in stripes, as their fills): drawn over
/// user layers, which cover the class fills, in the views that fill counties by class. Nothing in other views.
void drawClassOverlay(const LayerContext& c);
/// One row of an exported map's legend.
struct LegendEntry {
    enum class Kind { Swatch, Line, Dot, Note, Heading };  ///< Heading: a user layer's name above its categories
    Kind kind;
    QString text;
    QBrush brush;  ///< Swatch, Dot
    QPen pen;      ///< Swatch and Dot outline, Line
};
/// The legend's rows: the view's, then each visible user layer's name and categories ("耕地 (1234)").
std::vector<LegendEntry> legendEntries(const LayerContext& c);
void drawLegend(const LayerContext& c);
/// Screen boxes of the central-city symbols and their labels, which county labels keep clear of.
std::vector<QRectF> cityLabelBoxes(const LayerContext& c);

// The 目标进展 view (progress_layers.cpp).
/// Each county's fill in the progress view: its central city's class, "no figure", or neutral.
std::vector<QColor> progressCountyFills(const LayerContext& c);
/// Zones and corridors with targets, the central cities' target and actual circles, the scopes' labels.
void drawProgress(const LayerContext& c);
/// Screen boxes of the progress layer's circles and labels (county labels keep clear of them); empty in other views.
std::vector<QRectF> progressLabelBoxes(const LayerContext& c);
/// The progress view's legend rows: classes, symbols, the province's targets by status, "no actual figures".
std::vector<LegendEntry> progressLegend(const LayerContext& c);

}  // namespace app::render
