// The plan's layouts on the map: zones (一核三心多组团, 都市圈, 黔中城市群, 贵安新区), the 一群三带 belts and the
// regional central cities. Which zones a view shows, their fills, outlines, bands, hatching and label anchors
// are the style's rules (share/styles/default.json): nothing here knows a zone by its id.

#include <algorithm>
#include <cmath>

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include "render/language.h"
#include "render/map_layers.h"
#include "render/painting.h"

namespace app::render {

namespace {
QColor scaledAlpha(QColor colour, double opacity)
{
    colour.setAlpha(static_cast<int>(colour.alpha() * opacity));
    return colour;
}

QBrush zoneBrush(const Symbol& sym, double opacity)
{
    if (!sym.fill.isValid() || sym.pattern == FillPattern::None)
        return Qt::NoBrush;
    if (sym.pattern == FillPattern::Hatched)
        return QBrush(sym.fill, Qt::BDiagPattern);
    return scaledAlpha(sym.fill, opacity);
}

QFont labelFont(const Style& style, const Symbol& sym, double k)
{
    QFont f(style.label.font);
    setPoints(f, style.label.size * sym.labelScale * k);
    f.setBold(sym.labelBold);
    return f;
}

/// The soft band along a zone's outline on the fast path, stroked once per band and width (the stroker costs
/// ~ms on this path).
const QPainterPath& zoneBand(const LayerContext& c, std::size_t i, double width)
{
    const Frame& f = c.f;
    const quint64 key = (quint64(i) << 32) | quint32(std::lround(width * 4096));
    auto it = f.paths->zoneBands.find(key);
    if (it == f.paths->zoneBands.end()) {
        QPainterPathStroker stroker;
        stroker.setWidth(width);
        stroker.setCapStyle(Qt::RoundCap);
        stroker.setJoinStyle(Qt::RoundJoin);
        if (f.paths->zoneBands.size() > 16)
            f.paths->zoneBands.clear();
        it = f.paths->zoneBands.insert(key, stroker.createStroke(f.paths->zonesCoarse[i]));
    }
    return *it;
}

void drawZoneShape(const LayerContext& c, std::size_t i, const Symbol& sym, double opacity)
{
    QPainter& p = c.p;
    const Frame& f = c.f;
    const double k = c.k;
    const ZoneItem& z = c.data.zones[i];
    p.setPen(Qt::NoPen);
    p.setBrush(zoneBrush(sym, opacity));
    if (!f.fast()) {
        const QPainterPath path = screenPath(z.path, c.s.view.transform());
        p.drawPath(path);
        if (sym.band.isValid()) {
            p.save();
            p.setPen(QPen(sym.band, sym.bandWidth * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPath(screenPath(z.path, c.s.view.transform(), 2.0));
            p.restore();
        } else if (sym.stroke.isValid()) {
            strokeFast(p, path, sym.stroke, sym.width * k, sym.dash);
        }
        return;
    }
    const QTransform base = p.worldTransform();
    const QPainterPath& path = f.paths->zones[i];
    if (p.brush().style() == Qt::SolidPattern) {
        useBand(p, base, f);
        p.drawPath(path);
    } else if (p.brush().style() != Qt::NoBrush) {
        p.drawPath(f.bandToScreen.map(path));  // hatching is aligned to device pixels: drawn untransformed
    }
    if (sym.band.isValid()) {
        const QPainterPath& band = zoneBand(c, i, sym.bandWidth * k / f.bandToScreen.m11());
        useBand(p, base, f);
        p.fillPath(band, sym.band);
    } else if (sym.stroke.isValid()) {
        p.setWorldTransform(base);
        strokeFastBand(p, f, path, sym.stroke, sym.width * k, sym.dash);
    }
    p.setWorldTransform(base);
}
}  // namespace

void drawZones(const LayerContext& c)
{
    QPainter& p = c.p;
    const RenderSettings& s = c.s;
    const Frame& f = c.f;
    const double k = c.k;
    const double opacity = s.opacity("zones");
    std::vector<std::size_t> shown;
    for (std::size_t i = 0; i < c.data.zones.size(); ++i)
        if (c.symbols.zones[i].visible)
            shown.push_back(i);
    // Larger zones below smaller ones.
    auto area = [&](std::size_t i) { return c.data.zones[i].bounds.width() * c.data.zones[i].bounds.height(); };
    std::stable_sort(shown.begin(), shown.end(), [&](std::size_t a, std::size_t b) { return area(a) > area(b); });
    for (const std::size_t i : shown)
        drawZoneShape(c, i, c.symbols.zones[i], opacity);

    // Zone names at their anchor in their extent, higher priorities first.
    std::vector<std::size_t> labelled = shown;
    std::stable_sort(labelled.begin(), labelled.end(),
                     [&](std::size_t a, std::size_t b) { return c.symbols.zones[a].labelPriority > c.symbols.zones[b].labelPriority; });
    std::vector<QRectF> taken;
    const QTransform t = s.view.transform();
    for (const std::size_t i : labelled) {
        const ZoneItem& z = c.data.zones[i];
        const Symbol& sym = c.symbols.zones[i];
        if (!sym.label)
            continue;
        // Zones drawn with the same extent (贵安新区 and the southern centre) share one label.
        QString text = inLanguage(z.name, z.nameEn);
        bool duplicate = false;
        for (const std::size_t j : shown) {
            const ZoneItem& other = c.data.zones[j];
            const bool sameExtent = other.bounds.minX == z.bounds.minX && other.bounds.minY == z.bounds.minY && other.bounds.maxX == z.bounds.maxX
                                    && other.bounds.maxY == z.bounds.maxY;
            if (j == i || !sameExtent)
                continue;
            if (j < i)
                duplicate = true;
            else
                text += QStringLiteral(" · ") + inLanguage(other.name, other.nameEn);
        }
        if (duplicate)
            continue;
        if (z.geometryBasis == "assumed" || z.basis == "assumed")
            text += QCoreApplication::translate("app::render::Legend", " (示意)");
        auto labelPoint = [&](const QPainterPath& onScreen) {
            const QRectF b = onScreen.boundingRect();
            return pointInside(onScreen, {b.left() + b.width() * sym.labelAnchor.x(), b.top() + b.height() * sym.labelAnchor.y()});
        };
        QPointF at;
        if (f.fast()) {
            // The same grid search on the band's path (scale and translation move the grid with the shape).
            const int key = static_cast<int>(i);
            auto it = f.paths->zoneAnchors.constFind(key);
            if (it == f.paths->zoneAnchors.constEnd())
                it = f.paths->zoneAnchors.insert(key, labelPoint(f.paths->zonesCoarse[i]));
            at = f.bandToScreen.map(*it);
        } else {
            at = labelPoint(screenPath(z.path, t, 2.0));
        }
        const QFont font = labelFont(c.style, sym, k);
        const QFontMetricsF fm(font);
        const double w = textAdvance(f, font, text);
        const QRectF box(at.x() - w / 2, at.y() - fm.height() / 2, w, fm.height());
        if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& r) { return r.intersects(box); }))
            continue;
        taken.push_back(box);
        labelText(p, f, {box.left(), box.top() + fm.ascent()}, text, font, sym.labelColour, sym.labelHalo, sym.labelHaloWidth * k);
    }
}

/// Relations between plan units (一体化, 同城化): a gentle arc between the two units' points, so that it reads as a
/// tie rather than a road, with a dot at each end. Schematic: the plan says the units are related, not where.
void drawRelations(const LayerContext& c)
{
    QPainter& p = c.p;
    const double k = c.k;
    for (std::size_t i = 0; i < c.data.relations.size(); ++i) {
        const RelationItem& r = c.data.relations[i];
        const Symbol& sym = c.symbols.relations[i];
        if (!sym.visible)
            continue;
        const QPointF a = c.s.view.toScreen({r.from.x(), r.from.y()});
        const QPointF b = c.s.view.toScreen({r.to.x(), r.to.y()});
        const QPointF middle = (a + b) / 2;
        const QPointF normal(-(b - a).y() * 0.15, (b - a).x() * 0.15);
        QPainterPath arc(a);
        arc.quadTo(middle + normal, b);
        p.save();
        p.setBrush(Qt::NoBrush);
        if (sym.halo.isValid()) {
            p.setPen(QPen(sym.halo, (sym.width + sym.haloWidth) * k, Qt::SolidLine, Qt::RoundCap));
            p.drawPath(arc);
        }
        p.setPen(QPen(sym.stroke, sym.width * k, sym.dash, Qt::FlatCap));
        p.drawPath(arc);
        p.setPen(Qt::NoPen);
        p.setBrush(sym.stroke);
        for (const QPointF& end : {a, b})
            p.drawEllipse(end, sym.size * k, sym.size * k);
        p.restore();
    }
}

void drawBelts(const LayerContext& c)
{
    QPainter& p = c.p;
    const RenderSettings& s = c.s;
    const Frame& f = c.f;
    const double k = c.k;
    int index = 0;
    const QPainterPath province = f.fast() ? QPainterPath() : screenPath(c.data.province, s.view.transform(), 3.0);
    auto inProvince = [&](QPointF node) {
        return f.fast() ? f.paths->provinceCoarse.contains(f.bandToScreen.inverted().map(node)) : province.contains(node);
    };
    for (std::size_t i = 0; i < c.data.corridors.size(); ++i) {
        const CorridorItem& belt = c.data.corridors[i];
        const Symbol& sym = c.symbols.belts[i];
        if (belt.mode != "belt" || belt.line.size() < 2 || !sym.visible)
            continue;
        const double width = std::clamp(sym.widthMetres / s.view.unitsPerPixel(), sym.minWidth, sym.maxWidth) * k;
        QPolygonF screen;
        for (const QPointF& m : belt.line)
            screen << s.view.toScreen({m.x(), m.y()});
        p.save();
        p.setPen(QPen(sym.band, width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(screen);
        p.setPen(QPen(sym.stroke, sym.width * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(screen);
        p.restore();
        // Name beside the first node inside the province, alternating sides so the names do not collide.
        QPointF first = screen.front();
        for (const QPointF& node : screen)
            if (inProvince(node)) {
                first = node;
                break;
            }
        const QFont font = labelFont(c.style, sym, k);
        const QString name = inLanguage(belt.name, belt.nameEn);
        const QPointF at = first + QPointF(index % 2 ? 10 * k : -textAdvance(f, font, name) - 10 * k, -width / 2 - 4 * k);
        labelText(p, f, at, name, font, sym.labelColour, sym.labelHalo, sym.labelHaloWidth * k);
        ++index;
    }
}

namespace {
QString cityLabel(const CityItem& city)
{
    return QCoreApplication::translate("app::render::Legend", "%1 %2万").arg(inLanguage(city.name, city.nameEn)).arg(city.population2025);
}
}  // namespace

std::vector<QRectF> cityLabelBoxes(const LayerContext& c)
{
    std::vector<QRectF> boxes;
    if (!c.s.visible("central_cities"))
        return boxes;
    for (std::size_t i = 0; i < c.data.cities.size(); ++i) {
        const CityItem& city = c.data.cities[i];
        const Symbol& sym = c.symbols.cities[i];
        if (city.population2025 <= 0 || !sym.visible)
            continue;
        const QFontMetricsF fm(labelFont(c.style, sym, c.k));
        const double r = sym.radius(city.population2025) * c.k;
        const QPointF at = c.s.view.toScreen(city.at);
        boxes.push_back(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
        boxes.push_back(QRectF(at.x() + r + 3 * c.k, at.y() - fm.height() / 2, textAdvance(c.f, labelFont(c.style, sym, c.k), cityLabel(city)), fm.height()));
    }
    return boxes;
}

void drawCities(const LayerContext& c)
{
    QPainter& p = c.p;
    const double k = c.k;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < c.data.cities.size(); ++i)
        order.push_back(i);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return c.data.cities[a].population2025 > c.data.cities[b].population2025; });
    for (const std::size_t i : order) {
        const CityItem& city = c.data.cities[i];
        const Symbol& sym = c.symbols.cities[i];
        if (city.population2025 <= 0 || !sym.visible)
            continue;
        const double r = sym.radius(city.population2025) * k;
        const QPointF at = c.s.view.toScreen(city.at);
        p.setPen(QPen(sym.stroke, sym.width * k));
        p.setBrush(sym.fill);
        p.drawEllipse(at, r, r);
        const QFont font = labelFont(c.style, sym, k);
        const QFontMetricsF fm(font);
        labelText(p, c.f, {at.x() + r + 3 * k, at.y() + fm.ascent() / 2}, cityLabel(city), font, sym.labelColour, sym.labelHalo, sym.labelHaloWidth * k);
    }
}

}  // namespace app::render
