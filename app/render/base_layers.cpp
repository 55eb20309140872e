// The base geography layers, the selection and the layer registry (see map_layers.h).

#include <cmath>
#include <algorithm>

#include <QPainter>
#include <QPainterPath>

#include "layers/feature_layer.h"
#include "render/map_layers.h"
#include "render/painting.h"

namespace app::render {

const std::vector<LayerEntry>& layerRegistry()
{
    static const std::vector<LayerEntry> registry{
        {"neighbours", drawNeighbours, false},
        {"counties", drawCounties, false},
        {"rivers", drawRivers, false},
        {"zones", drawZones, true},
        {"prefecture_borders", drawPrefectureBorders, false},
        {"province", drawProvince, false},
        {"belts", drawBelts, false},
        {"relations", drawRelations, false},
        {"corridors", drawCorridors, false},
        {"neighbour_seats", drawNeighbourSeats, false},
        {"central_cities", drawCities, false},
        {"progress", drawProgress, false},
        {"places", drawPlaces, false},
    };
    return registry;
}

const LayerEntry* findLayer(const QString& id)
{
    for (const LayerEntry& e : layerRegistry())
        if (id == e.id)
            return &e;
    return nullptr;
}

namespace {
/// Whether path's vertices' bounds meet the view (reference path): the inset of a PDF would otherwise write every
/// neighbouring province and prefecture whole, clipped away. Reads elements only (a shared path's cached bounds
/// are not thread-safe).
bool inView(const QPainterPath& path, const RenderSettings& s)
{
    const int n = path.elementCount();
    if (n == 0)
        return false;
    double minX = path.elementAt(0).x, maxX = minX, minY = path.elementAt(0).y, maxY = minY;
    for (int i = 1; i < n; ++i) {
        const QPainterPath::Element e = path.elementAt(i);
        minX = std::min(minX, e.x);
        maxX = std::max(maxX, e.x);
        minY = std::min(minY, e.y);
        maxY = std::max(maxY, e.y);
    }
    return geo::Box{minX, minY, maxX, maxY}.intersects(s.view.extent());
}
}  // namespace

void drawNeighbours(const LayerContext& c)
{
    QPainter& p = c.p;
    const Symbol& sym = c.symbols.neighbours;
    const StrokeStyle outline{sym.stroke, sym.width};
    p.setPen(cosmeticPen(outline, c.k));
    p.setBrush(sym.fill);
    if (!c.f.fast()) {
        for (const RegionItem& r : c.data.neighbours)
            if (inView(r.path, c.s))
                p.drawPath(screenPath(r.path, c.s.view.transform()));
        return;
    }
    // As the counties: fills without antialiasing, antialiased outlines on top.
    const Frame& f = c.f;
    useBand(p, p.worldTransform(), f);
    const QPen pen = p.pen();
    p.setPen(Qt::NoPen);
    p.setRenderHint(QPainter::Antialiasing, false);
    for (std::size_t i = 0; i < f.paths->neighbours.size(); ++i)
        if (f.band->neighbourBounds[i].intersects(f.visibleBand))
            p.drawPath(f.paths->neighbours[i]);
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    for (std::size_t i = 0; i < f.paths->neighbours.size(); ++i)
        if (f.band->neighbourBounds[i].intersects(f.visibleBand) && !rasterStroke(p, f.paths->neighbours[i], sym.stroke, sym.width * c.k))
            p.drawPath(f.paths->neighbours[i]);
}

namespace {
/// The class fills a county is split into (one vertical stripe each), empty for a single fill.
std::vector<QColor> stripes(const LayerContext& c, std::size_t county)
{
    std::vector<QColor> fills;
    if (c.symbols.classFills.empty() || county >= c.data.countyClasses.size())
        return fills;
    for (const int k : c.data.countyClasses[county])
        if (k >= 0 && static_cast<std::size_t>(k) < c.symbols.classFills.size() && c.symbols.classFills[static_cast<std::size_t>(k)].isValid())
            fills.push_back(c.symbols.classFills[static_cast<std::size_t>(k)]);
    return fills;
}

/// Fills replacing the view's own: a choropleth (any view), else the progress view's; empty: the view's.
std::vector<QColor> countyFillsOver(const LayerContext& c)
{
    if (c.s.choropleth) {
        std::vector<QColor> fills;
        fills.reserve(c.data.counties.size());
        for (const CountyItem& county : c.data.counties)
            fills.push_back(choroplethFill(c.style, c.symbols.view, *c.s.choropleth, county.code));
        return fills;
    }
    return c.s.theme == View::Progress ? progressCountyFills(c) : std::vector<QColor>();
}

/// Fills without antialiasing (sampled at pixel centres, so neighbouring counties meet without seams), then every
/// outline antialiased in one pass on top, hiding the fills' stair steps.
void countiesFast(const LayerContext& c)
{
    QPainter& p = c.p;
    const Frame& f = c.f;
    const QTransform base = p.worldTransform();
    useBand(p, base, f);
    const bool antialiased = p.testRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(Qt::NoPen);
    const std::vector<QColor> progress = countyFillsOver(c);
    for (std::size_t i = 0; i < c.data.counties.size(); ++i) {
        const QRectF& b = f.band->countyBounds[i];
        if (!b.intersects(f.visibleBand))
            continue;
        const QPainterPath& path = f.paths->counties[i];
        const std::vector<QColor> split = c.s.choropleth ? std::vector<QColor>() : stripes(c, i);
        if (split.empty()) {
            p.setBrush(progress.empty() ? c.symbols.counties[i].fill : progress[i]);
            p.drawPath(path);
            continue;
        }
        // Split fill: one vertical stripe per class, the county filled within each stripe's rectangle.
        const double w = b.width() / static_cast<double>(split.size());
        for (std::size_t k = 0; k < split.size(); ++k) {
            p.save();
            p.setClipRect(QRectF(b.left() + w * static_cast<double>(k), b.top(), w, b.height()), Qt::IntersectClip);
            p.setBrush(split[k]);
            p.drawPath(path);
            p.restore();
        }
    }
    p.setRenderHint(QPainter::Antialiasing, antialiased);
    p.setBrush(Qt::NoBrush);
    const Symbol& first = c.symbols.counties.empty() ? Symbol() : c.symbols.counties.front();
    const StrokeStyle outline{first.stroke, first.width};
    if (!antialiased || !rasterStroke(p, f.paths->countyOutlines, outline.colour, outline.width * c.k)) {
        p.setPen(cosmeticPen(outline, c.k));
        p.drawPath(f.paths->countyOutlines);
    }
    p.setWorldTransform(base);
}

void countiesReference(const LayerContext& c)
{
    QPainter& p = c.p;
    const geo::Box extent = c.s.view.extent();
    const QTransform t = c.s.view.transform();
    const std::vector<QColor> progress = countyFillsOver(c);
    for (std::size_t i = 0; i < c.data.counties.size(); ++i) {
        const CountyItem& county = c.data.counties[i];
        if (!county.bounds.intersects(extent))
            continue;
        const Symbol& sym = c.symbols.counties[i];
        p.setPen(cosmeticPen({sym.stroke, sym.width}, c.k));
        const QPainterPath path = screenPath(county.path, t);
        const std::vector<QColor> split = c.s.choropleth ? std::vector<QColor>() : stripes(c, i);
        if (split.empty()) {
            p.setBrush(progress.empty() ? sym.fill : progress[i]);
        } else {
            // Split fill: one vertical stripe per class, clipped to the county.
            p.save();
            p.setClipPath(path, Qt::IntersectClip);
            const QRectF b = path.boundingRect();
            const double w = b.width() / static_cast<double>(split.size());
            for (std::size_t k = 0; k < split.size(); ++k)
                p.fillRect(QRectF(b.left() + w * static_cast<double>(k), b.top(), w, b.height()), split[k]);
            p.restore();
            p.setBrush(Qt::NoBrush);
        }
        p.drawPath(path);
    }
}
}  // namespace

void drawCounties(const LayerContext& c)
{
    if (c.f.fast())
        countiesFast(c);
    else
        countiesReference(c);
}

void drawClassOverlay(const LayerContext& c)
{
    if (c.symbols.classFills.empty())
        return;
    // Diagonal lines in screen space (x + y = n * spacing), so the hatching runs on across county borders and
    // the user layer shows between the lines. Drawn as lines, not a texture brush: SVG and PDF keep them vector.
    QPainter& p = c.p;
    const QRectF screen(QPointF(0, 0), c.s.view.size());
    const double spacing = 15 * c.k;
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setBrush(Qt::NoBrush);
    for (std::size_t i = 0; i < c.data.counties.size(); ++i) {
        const std::vector<QColor> split = c.s.choropleth ? std::vector<QColor>() : stripes(c, i);
        if (split.empty())
            continue;
        QPainterPath path;
        if (c.f.fast()) {
            if (!c.f.band->countyBounds[i].intersects(c.f.visibleBand))
                continue;
            path = c.f.bandToScreen.map(c.f.paths->counties[i]);
        } else {
            if (!c.data.counties[i].bounds.intersects(c.s.view.extent()))
                continue;
            path = screenPath(c.data.counties[i].path, c.s.view.transform());
        }
        const QRectF b = path.boundingRect();
        const double w = b.width() / static_cast<double>(split.size());
        for (std::size_t k = 0; k < split.size(); ++k) {
            const QRectF part = QRectF(b.left() + w * static_cast<double>(k), b.top(), w, b.height()).intersected(screen);
            if (part.isEmpty())
                continue;
            p.save();
            p.setClipPath(path, Qt::IntersectClip);
            p.setClipRect(part, Qt::IntersectClip);
            // Each line on a thin edge of the paper colour: it stays apart from user fills of a similar colour.
            const double top = part.top() - spacing, bottom = part.bottom() + spacing;
            for (const auto& [colour, width] : {std::pair{c.style.paper, 5.5 * c.k}, std::pair{split[k], 3.5 * c.k}}) {
                p.setPen(QPen(colour, width, Qt::SolidLine, Qt::FlatCap));
                for (double at = std::floor((part.left() + part.top()) / spacing) * spacing; at <= part.right() + part.bottom() + spacing; at += spacing)
                    p.drawLine(QPointF(at - top, top), QPointF(at - bottom, bottom));
            }
            p.restore();
        }
    }
    p.restore();
}

namespace {
void strokeOutline(const LayerContext& c, const QPainterPath& fastPath, const QPainterPath& mapPath, const Symbol& sym)
{
    if (c.f.fast())
        strokeFastBand(c.p, c.f, fastPath, sym.stroke, sym.width * c.k);
    else if (inView(mapPath, c.s))
        strokeFast(c.p, screenPath(mapPath, c.s.view.transform()), sym.stroke, sym.width * c.k);
}
}  // namespace

void drawRivers(const LayerContext& c)
{
    // Minor levels first, so that a major river stays whole where a tributary meets it.
    for (int level = 4; level >= 1; --level)
        for (std::size_t i = 0; i < c.data.rivers.size(); ++i) {
            const RiverItem& r = c.data.rivers[i];
            const Symbol& sym = c.symbols.rivers[i];
            if (r.level != level || !sym.visible || sym.width <= 0 || sym.stroke.alpha() == 0)
                continue;
            if (c.f.fast()) {
                if (c.f.band->riverBounds[i].intersects(c.f.visibleBand))
                    strokeFastBand(c.p, c.f, c.f.paths->rivers[i], sym.stroke, sym.width * c.k);
            } else if (r.bounds.intersects(c.s.view.extent())) {
                strokeFast(c.p, screenPath(r.path, c.s.view.transform()), sym.stroke, sym.width * c.k);
            }
        }
}

void drawPrefectureBorders(const LayerContext& c)
{
    for (std::size_t i = 0; i < c.data.prefectures.size(); ++i)
        strokeOutline(c, c.f.fast() ? c.f.paths->prefectures[i] : QPainterPath(), c.data.prefectures[i].path, c.symbols.prefectureBorders);
}

void drawProvince(const LayerContext& c)
{
    strokeOutline(c, c.f.fast() ? c.f.paths->province : QPainterPath(), c.data.province, c.symbols.province);
}

void drawHighlight(const LayerContext& c)
{
    QPainter& p = c.p;
    const RenderSettings& s = c.s;
    const Frame& f = c.f;
    const Symbol area = c.style.symbol("highlight", c.symbols.view, {{"geometry", "area"}});
    p.save();
    const QTransform t = s.view.transform();
    const QTransform base = p.worldTransform();
    auto mark = [&](const QPainterPath& mapPath, const QPainterPath* band) {
        if (band) {
            useBand(p, base, f);
            p.fillPath(*band, area.fill);
            p.setWorldTransform(base);
            strokeFastBand(p, f, *band, area.stroke, area.width * c.k);
            return;
        }
        const QPainterPath path = screenPath(mapPath, t);
        p.fillPath(path, area.fill);
        strokeFast(p, path, area.stroke, area.width * c.k);
    };
    for (std::size_t i = 0; i < c.data.counties.size(); ++i)
        if (s.highlightCounties.contains(c.data.counties[i].code))
            mark(c.data.counties[i].path, f.fast() ? &f.paths->counties[i] : nullptr);
    if (!s.highlightFeature.isEmpty())
        if (const ZoneItem* z = c.data.zone(s.highlightFeature))
            mark(z->path, f.fast() ? &f.paths->zones[static_cast<std::size_t>(z - c.data.zones.data())] : nullptr);
    p.restore();
    if (s.highlightFeature.isEmpty())
        return;
    const Symbol line = c.style.symbol("highlight", c.symbols.view, {{"geometry", "line"}});
    for (const CorridorItem& corridor : c.data.corridors)
        if (corridor.id == s.highlightFeature && corridor.line.size() >= 2) {
            QPolygonF screen;
            for (const QPointF& m : corridor.line)
                screen << s.view.toScreen({m.x(), m.y()});
            p.setPen(QPen(line.stroke, line.width * c.k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPolyline(screen);
        }
    const Symbol point = c.style.symbol("highlight", c.symbols.view, {{"geometry", "point"}});
    for (const PlaceItem& place : c.data.places)
        if (place.id == s.highlightFeature) {
            p.setPen(QPen(point.stroke, point.width * c.k));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(s.view.toScreen(place.at), point.size * c.k, point.size * c.k);
        }
}

void drawUserSelection(const LayerContext& c)
{
    // The selected features of visible user layers (the attribute table's rows, a selection by expression), in the
    // selection's symbols: areas filled and outlined, lines and points as the plan's selected corridors and places.
    // A feature under two pixels across is marked by a ring of the point symbol at half its size, so a selection
    // seen at the province's scale shows where it is (and a selection of a million parcels stays quick to draw).
    const RenderSettings& s = c.s;
    if (s.userSelection.isEmpty())
        return;
    QPainter& p = c.p;
    const Symbol area = c.style.symbol("highlight", c.symbols.view, {{"geometry", "area"}});
    const Symbol line = c.style.symbol("highlight", c.symbols.view, {{"geometry", "line"}});
    const Symbol point = c.style.symbol("highlight", c.symbols.view, {{"geometry", "point"}});
    const QTransform t = s.view.transform();
    const geo::Box view = s.view.extent();
    const double pixel = s.view.unitsPerPixel();
    for (const UserLayer& u : s.userLayers) {
        const auto it = s.userSelection.constFind(u.id);
        if (!u.visible || !u.data || it == s.userSelection.constEnd() || !*it)
            continue;
        const layers::FeatureLayer& layer = *u.data;
        const auto bounds = layer.bounds();
        QPainterPath shapes;
        QPolygonF dots;
        for (std::uint32_t i : **it) {
            if (i >= layer.size())
                continue;
            const geo::FloatBox& b = bounds[i];
            if (b.maxX < view.minX || b.minX > view.maxX || b.maxY < view.minY || b.minY > view.maxY)
                continue;
            if (layer.kind() == layers::FeatureKind::Points) {
                dots << s.view.toScreen({(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2});
                continue;
            }
            if (b.maxX - b.minX < 2 * pixel && b.maxY - b.minY < 2 * pixel)
                dots << s.view.toScreen({(b.minX + b.maxX) / 2, (b.minY + b.maxY) / 2});
            else
                shapes.addPath(t.map(featurePath(layer, i)));
        }
        p.save();
        if (layer.kind() == layers::FeatureKind::Polygons) {
            shapes.setFillRule(Qt::OddEvenFill);
            p.fillPath(shapes, area.fill);
            strokeFast(p, shapes, area.stroke, area.width * c.k);
        } else if (layer.kind() == layers::FeatureKind::Lines) {
            p.setPen(QPen(line.stroke, line.width * c.k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPath(shapes);
        }
        if (layer.kind() != layers::FeatureKind::Points) {
            p.setPen(QPen(point.stroke, point.width * c.k));
            p.setBrush(Qt::NoBrush);
            for (const QPointF& d : dots)
                p.drawEllipse(d, point.size * c.k / 2, point.size * c.k / 2);
        } else {
            p.setPen(QPen(point.stroke, point.width * c.k));
            p.setBrush(Qt::NoBrush);
            for (const QPointF& d : dots)
                p.drawEllipse(d, point.size * c.k, point.size * c.k);
        }
        p.restore();
    }
}

}  // namespace app::render
