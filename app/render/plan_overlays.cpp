// The thematic parts of MapRenderer: county fills per view, zones, belts, corridors, central cities,
// places, the selection and the legend of each view.

#include <algorithm>
#include <cmath>

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include "render/map_renderer.h"
#include "render/painting.h"

#include <QCoreApplication>

namespace app::render {

namespace {
QString legend(const char* text) { return QCoreApplication::translate("app::render::Legend", text); }

QColor withAlpha(QColor c, int alpha)
{
    c.setAlpha(alpha);
    return c;
}

Qt::PenStyle statusStyle(const QString& status)
{
    if (status == "existing")
        return Qt::SolidLine;
    if (status == "under_construction")
        return Qt::DashLine;
    if (status == "planned")
        return Qt::DotLine;
    return Qt::DashDotLine;  // study
}

QFont sizedFont(const Style& style, double points, bool bold = false)
{
    QFont f(style.labelFont);
    setPoints(f, points);
    f.setBold(bold);
    return f;
}

/// A place symbol by kind: airports triangles, ports squares, hubs and parks diamonds, towns and others circles.
QPainterPath placeSymbol(const QString& kind, QPointF at, double r)
{
    QPainterPath path;
    if (kind.contains("airport")) {
        path.moveTo(at + QPointF(0, -r * 1.2));
        path.lineTo(at + QPointF(r * 1.1, r * 0.8));
        path.lineTo(at + QPointF(-r * 1.1, r * 0.8));
        path.closeSubpath();
    } else if (kind == "port") {
        path.addRect(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
    } else if (kind.contains("logistics") || kind.contains("hub") || kind.contains("cold_chain")) {
        path.moveTo(at + QPointF(0, -r * 1.2));
        path.lineTo(at + QPointF(r * 1.2, 0));
        path.lineTo(at + QPointF(0, r * 1.2));
        path.lineTo(at + QPointF(-r * 1.2, 0));
        path.closeSubpath();
    } else {
        path.addEllipse(at, r, r);
    }
    return path;
}

QColor placeColour(const QString& kind)
{
    if (kind.contains("airport")) return QColor("#6a3d9a");
    if (kind == "port") return QColor("#1f78b4");
    if (kind.contains("logistics") || kind.contains("cold_chain")) return QColor("#b15928");
    if (kind.contains("hub")) return QColor("#e31a1c");
    if (kind.contains("town")) return QColor("#33a02c");
    return QColor("#525252");
}
}  // namespace

void MapRenderer::drawCountyFillsFast(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    // Fills without antialiasing (sampled at pixel centres, so neighbouring counties meet without seams), then
    // every outline antialiased in one pass on top, hiding the fills' stair steps.
    const QTransform base = p.worldTransform();
    useBand(p, base, f);
    const bool antialiased = p.testRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::Antialiasing, false);
    p.setPen(Qt::NoPen);
    for (std::size_t i = 0; i < m_data->counties.size(); ++i) {
        const QRectF& b = f.band->countyBounds[i];
        if (!b.intersects(f.visibleBand))
            continue;
        const QPainterPath& path = f.paths->counties[i];
        if (s.theme == View::Overview) {
            p.setBrush(prefectureFill(m_data->counties[i].prefectureIndex));
        } else if (s.theme == View::CountyClasses) {
            const std::vector<int> held = i < m_data->countyClasses.size() ? m_data->countyClasses[i] : std::vector<int>{};
            if (held.empty()) {
                p.setBrush(m_style.noClassFill);
            } else {
                // Split fill: one vertical stripe per class, the county filled within each stripe's rectangle.
                const double w = b.width() / static_cast<double>(held.size());
                for (std::size_t k = 0; k < held.size(); ++k) {
                    p.save();
                    p.setClipRect(QRectF(b.left() + w * static_cast<double>(k), b.top(), w, b.height()), Qt::IntersectClip);
                    p.setBrush(classFill(held[k]));
                    p.drawPath(path);
                    p.restore();
                }
                continue;
            }
        } else {
            p.setBrush(m_style.neutralFill);
        }
        p.drawPath(path);
    }
    p.setRenderHint(QPainter::Antialiasing, antialiased);
    p.setBrush(Qt::NoBrush);
    const StrokeStyle outline = s.theme == View::CountyClasses ? StrokeStyle{QColor("#ffffff"), 0.9} : m_style.county;
    if (!antialiased || !rasterStroke(p, f.paths->countyOutlines, outline.colour, outline.width * s.dpi / 96.0)) {
        p.setPen(cosmeticPen(outline, s.dpi / 96.0));
        p.drawPath(f.paths->countyOutlines);
    }
    p.setWorldTransform(base);
}

void MapRenderer::drawCountyFills(QPainter& p, const RenderSettings& s, const Frame&) const
{
    const geo::Box extent = s.view.extent();
    const QTransform t = s.view.transform();
    // Saturated class fills need light borders to keep neighbouring counties apart.
    p.setPen(s.theme == View::CountyClasses ? cosmeticPen({QColor("#ffffff"), 0.9}, s.dpi / 96.0) : cosmeticPen(m_style.county, s.dpi / 96.0));
    for (std::size_t i = 0; i < m_data->counties.size(); ++i) {
        const CountyItem& c = m_data->counties[i];
        if (!c.bounds.intersects(extent))
            continue;
        const QPainterPath path = screenPath(c.path, t);
        if (s.theme == View::Overview) {
            p.setBrush(prefectureFill(c.prefectureIndex));
        } else if (s.theme == View::CountyClasses) {
            const std::vector<int> held = i < m_data->countyClasses.size() ? m_data->countyClasses[i] : std::vector<int>{};
            if (held.empty()) {
                p.setBrush(m_style.noClassFill);
            } else {
                // Split fill: one vertical stripe per class, clipped to the county.
                p.save();
                p.setClipPath(path, Qt::IntersectClip);
                const QRectF b = path.boundingRect();
                const double w = b.width() / static_cast<double>(held.size());
                for (std::size_t k = 0; k < held.size(); ++k)
                    p.fillRect(QRectF(b.left() + w * static_cast<double>(k), b.top(), w, b.height()), classFill(held[k]));
                p.restore();
                p.setBrush(Qt::NoBrush);
            }
        } else {
            p.setBrush(m_style.neutralFill);
        }
        p.drawPath(path);
    }
}

void MapRenderer::drawZones(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    const double k = s.dpi / 96.0;
    const double opacity = s.opacity("zones");
    auto fillOf = [&](const ZoneItem& z) { return m_style.zoneFills.value(z.id, m_style.zoneFills.value(z.kind, QColor("#bdbdbd"))); };
    std::vector<const ZoneItem*> shown;
    for (const ZoneItem& z : m_data->zones)
        if (zoneShown(z, s.theme))
            shown.push_back(&z);
    // Larger zones below smaller ones.
    std::stable_sort(shown.begin(), shown.end(), [](const ZoneItem* a, const ZoneItem* b) {
        return a->bounds.width() * a->bounds.height() > b->bounds.width() * b->bounds.height();
    });
    const QTransform t = s.view.transform();
    const QTransform base = p.worldTransform();
    auto indexOf = [&](const ZoneItem* z) { return static_cast<std::size_t>(z - m_data->zones.data()); };
    for (const ZoneItem* z : shown) {
        const QColor colour = fillOf(*z);
        const bool assumedExtent = z->geometryBasis == "assumed" || z->basis == "assumed";
        const QColor stroke = z->id == "gga_metro" ? QColor("#1f1f1f") : colour.darker(170);
        const double strokeWidth = (z->id == "gga_metro" ? 2.6 : 1.8) * k;
        p.setPen(Qt::NoPen);
        if (z->id == "gga_metro" || z->layout == "一市三县") {
            p.setBrush(Qt::NoBrush);  // an assumed extent or a grouping of whole counties: outline only
        } else if (z->id == "guian_new_area") {
            p.setBrush(QBrush(colour.darker(130), Qt::BDiagPattern));
        } else {
            p.setBrush(withAlpha(colour, static_cast<int>(255 * opacity)));
        }
        if (f.fast()) {
            const std::size_t i = indexOf(z);
            const QPainterPath& path = f.paths->zones[i];
            if (p.brush().style() == Qt::SolidPattern) {
                useBand(p, base, f);
                p.drawPath(path);
            } else if (p.brush().style() != Qt::NoBrush) {
                p.drawPath(f.bandToScreen.map(path));  // hatching is aligned to device pixels: drawn untransformed
            }
            if (z->id == "gga_metro") {
                // The soft band's outline, stroked once per band and width (the stroker costs ~ms on this path).
                const double scale = f.bandToScreen.m11();
                const double width = 5 * k / scale;
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
                useBand(p, base, f);
                p.fillPath(*it, withAlpha(QColor("#202020"), 110));
            } else {
                p.setWorldTransform(base);
                strokeFastBand(p, f, path, stroke, strokeWidth, assumedExtent ? Qt::DashLine : Qt::SolidLine);
            }
            p.setWorldTransform(base);
            continue;
        }
        const QPainterPath path = screenPath(z->path, t);
        p.drawPath(path);
        if (z->id == "gga_metro") {
            // An extent neither document gives: a soft grey band, unlike any border line.
            p.save();
            p.setPen(QPen(withAlpha(QColor("#202020"), 110), 5 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.setBrush(Qt::NoBrush);
            p.drawPath(screenPath(z->path, t, 2.0));
            p.restore();
        } else {
            // Other assumed (schematic) extents dashed.
            strokeFast(p, path, stroke, strokeWidth, assumedExtent ? Qt::DashLine : Qt::SolidLine);
        }
    }
    // Zone names at the middle of their extent.
    const QFont font = sizedFont(m_style, m_style.labelSize * 1.15 * k, true);
    const QFontMetricsF fm(font);
    std::vector<QRectF> taken;
    for (const ZoneItem* z : shown) {
        if (z->id == "qianzhong_agglomeration" && s.theme != View::OneClusterThreeBelts)
            continue;
        // Zones drawn with the same extent (贵安新区 and the southern centre) share one label.
        QString text = z->name;
        bool duplicate = false;
        for (const ZoneItem* other : shown) {
            const bool sameExtent = other->bounds.minX == z->bounds.minX && other->bounds.minY == z->bounds.minY && other->bounds.maxX == z->bounds.maxX
                                    && other->bounds.maxY == z->bounds.maxY;
            if (other == z || !sameExtent)
                continue;
            if (other < z)
                duplicate = true;
            else
                text += QStringLiteral(" · ") + other->name;
        }
        if (duplicate)
            continue;
        if (z->geometryBasis == "assumed" || z->basis == "assumed")
            text += QCoreApplication::translate("app::render::Legend", " (示意)");
        auto labelPoint = [&](const QPainterPath& onScreen) {
            const QRectF b = onScreen.boundingRect();
            QPointF anchor = b.center();
            if (z->id == "qianzhong_agglomeration")
                anchor = {b.left() + b.width() * 0.2, b.top() + b.height() * 0.3};
            else if (z->id == "gga_metro")
                anchor = {b.left() + b.width() * 0.3, b.bottom() - b.height() * 0.12};
            else if (z->layout == "一市三县")
                anchor = {b.left() + b.width() * 0.15, b.bottom() - b.height() * 0.3};
            return pointInside(onScreen, anchor);
        };
        QPointF at;
        if (f.fast()) {
            // The same grid search on the band's path (scale and translation move the grid with the shape).
            const int i = static_cast<int>(indexOf(z));
            auto it = f.paths->zoneAnchors.constFind(i);
            if (it == f.paths->zoneAnchors.constEnd())
                it = f.paths->zoneAnchors.insert(i, labelPoint(f.paths->zonesCoarse[static_cast<std::size_t>(i)]));
            at = f.bandToScreen.map(*it);
        } else {
            at = labelPoint(screenPath(z->path, t, 2.0));
        }
        const double w = textAdvance(f, font, text);
        const QRectF box(at.x() - w / 2, at.y() - fm.height() / 2, w, fm.height());
        if (std::any_of(taken.begin(), taken.end(), [&](const QRectF& t) { return t.intersects(box); }))
            continue;
        taken.push_back(box);
        labelText(p, f, {box.left(), box.top() + fm.ascent()}, text, font, fillOf(*z).darker(220), Qt::white, 2.5 * k);
    }
}

void MapRenderer::drawBelts(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    const double k = s.dpi / 96.0;
    const double width = std::clamp(14000.0 / s.view.unitsPerPixel(), 10.0, 48.0) * k;  // about 14 km wide, 10 to 48 px
    const QFont font = sizedFont(m_style, m_style.labelSize * 1.3 * k, true);
    const QFontMetricsF fm(font);
    int index = 0;
    const QPainterPath province = f.fast() ? QPainterPath() : screenPath(m_data->province, s.view.transform(), 3.0);
    auto inProvince = [&](QPointF node) {
        return f.fast() ? f.paths->provinceCoarse.contains(f.bandToScreen.inverted().map(node)) : province.contains(node);
    };
    for (const CorridorItem& c : m_data->corridors) {
        if (c.mode != "belt" || c.line.size() < 2)
            continue;
        const QColor colour = m_style.beltColours.value(c.id, QColor("#636363"));
        QPolygonF screen;
        for (const QPointF& m : c.line)
            screen << s.view.toScreen({m.x(), m.y()});
        p.save();
        p.setPen(QPen(withAlpha(colour, 150), width, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.setBrush(Qt::NoBrush);
        p.drawPolyline(screen);
        p.setPen(QPen(colour.darker(130), 1.2 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        p.drawPolyline(screen);
        p.restore();
        // Name beside the first node inside the province, alternating sides so the three names do not collide.
        QPointF first = screen.front();
        for (const QPointF& node : screen)
            if (inProvince(node)) {
                first = node;
                break;
            }
        const QPointF at = first + QPointF(index % 2 ? 10 * k : -textAdvance(f, font, c.name) - 10 * k, -width / 2 - 4 * k);
        labelText(p, f, at, c.name, font, colour.darker(140), Qt::white, 3 * k);
        ++index;
    }
}

void MapRenderer::drawCorridors(QPainter& p, const RenderSettings& s) const
{
    const double k = s.dpi / 96.0;
    for (const CorridorItem& c : m_data->corridors) {
        if (c.mode == "belt" || c.line.size() < 2)
            continue;
        QPolygonF screen;
        for (const QPointF& m : c.line)
            screen << s.view.toScreen({m.x(), m.y()});
        const QColor colour = m_style.modeColours.value(c.mode, QColor("#525252"));
        const double width = (c.mode == "high_speed_rail" || c.mode == "expressway" ? 2.6 : 1.8) * k;
        QPen halo(Qt::white, width + 2 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(halo);
        p.drawPolyline(screen);
        QPen pen(colour, width, statusStyle(c.status), Qt::FlatCap, Qt::RoundJoin);
        p.setPen(pen);
        p.drawPolyline(screen);
    }
}

std::vector<QRectF> MapRenderer::cityLabelBoxes(const RenderSettings& s, const Frame& f) const
{
    std::vector<QRectF> boxes;
    if (!s.visible("central_cities"))
        return boxes;
    const double k = s.dpi / 96.0;
    const QFont font = sizedFont(m_style, m_style.labelSize * 1.1 * k, true);
    const QFontMetricsF fm(font);
    for (const CityItem& c : m_data->cities) {
        if (c.population2025 <= 0)
            continue;
        const double r = 1.35 * std::sqrt(c.population2025) * k;
        const QPointF at = s.view.toScreen(c.at);
        const QString text = QCoreApplication::translate("app::render::Legend", "%1 %2万").arg(c.name).arg(c.population2025);
        boxes.push_back(QRectF(at.x() - r, at.y() - r, 2 * r, 2 * r));
        boxes.push_back(QRectF(at.x() + r + 3 * k, at.y() - fm.height() / 2, textAdvance(f, font, text), fm.height()));
    }
    return boxes;
}

void MapRenderer::drawCities(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    const double k = s.dpi / 96.0;
    const QFont font = sizedFont(m_style, m_style.labelSize * 1.1 * k, true);
    const QFontMetricsF fm(font);
    std::vector<const CityItem*> cities;
    for (const CityItem& c : m_data->cities)
        cities.push_back(&c);
    std::sort(cities.begin(), cities.end(), [](const CityItem* a, const CityItem* b) { return a->population2025 > b->population2025; });
    for (const CityItem* c : cities) {
        if (c->population2025 <= 0)
            continue;
        // Area proportional to the 2025 population target.
        const double r = 1.35 * std::sqrt(c->population2025) * k;
        const QPointF at = s.view.toScreen(c->at);
        p.setPen(QPen(QColor("#7f0000"), 1.2 * k));
        p.setBrush(QColor(215, 48, 31, 150));
        p.drawEllipse(at, r, r);
        const QString text = QCoreApplication::translate("app::render::Legend", "%1 %2万").arg(c->name).arg(c->population2025);
        labelText(p, f, {at.x() + r + 3 * k, at.y() + fm.ascent() / 2}, text, font, QColor("#67000d"), Qt::white, 2.5 * k);
    }
}

void MapRenderer::drawPlaces(QPainter& p, const RenderSettings& s) const
{
    const double k = s.dpi / 96.0;
    const double r = 3.6 * k;
    const bool transport = s.theme == View::Transport;
    // Several places share a county seat: fan them out around it so each stays visible.
    QMap<QString, int> perCounty;
    for (const PlaceItem& place : m_data->places) {
        if (transport && place.kind.contains("town"))
            continue;
        const int n = perCounty[place.code]++;
        QPointF at = s.view.toScreen(place.at);
        if (place.position == "approximate" && n > 0) {
            const double angle = n * 2.399963;  // golden angle
            const double radius = (3 + 3 * std::sqrt(n)) * k;
            at += QPointF(radius * std::cos(angle), radius * std::sin(angle));
        }
        const QColor colour = placeColour(place.kind);
        const bool hollow = place.position != "surveyed";
        p.setPen(QPen(colour, 1.4 * k));
        p.setBrush(hollow ? QBrush(Qt::white) : QBrush(colour));
        p.drawPath(placeSymbol(place.kind, at, r));
    }
}

void MapRenderer::drawHighlight(QPainter& p, const RenderSettings& s, const Frame& f) const
{
    const double k = s.dpi / 96.0;
    p.save();
    const QTransform t = s.view.transform();
    const QTransform base = p.worldTransform();
    auto mark = [&](const QPainterPath& mapPath, const QPainterPath* band) {
        if (band) {
            useBand(p, base, f);
            p.fillPath(*band, withAlpha(m_style.highlight, 40));
            p.setWorldTransform(base);
            strokeFastBand(p, f, *band, m_style.highlight, 2.6 * k);
            return;
        }
        const QPainterPath path = screenPath(mapPath, t);
        p.fillPath(path, withAlpha(m_style.highlight, 40));
        strokeFast(p, path, m_style.highlight, 2.6 * k);
    };
    for (std::size_t i = 0; i < m_data->counties.size(); ++i)
        if (s.highlightCounties.contains(m_data->counties[i].code))
            mark(m_data->counties[i].path, f.fast() ? &f.paths->counties[i] : nullptr);
    if (!s.highlightFeature.isEmpty())
        if (const ZoneItem* z = m_data->zone(s.highlightFeature))
            mark(z->path, f.fast() ? &f.paths->zones[static_cast<std::size_t>(z - m_data->zones.data())] : nullptr);
    p.restore();
    if (s.highlightFeature.isEmpty())
        return;
    for (const CorridorItem& c : m_data->corridors)
        if (c.id == s.highlightFeature && c.line.size() >= 2) {
            QPolygonF screen;
            for (const QPointF& m : c.line)
                screen << s.view.toScreen({m.x(), m.y()});
            p.setPen(QPen(withAlpha(m_style.highlight, 160), 6 * k, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPolyline(screen);
        }
    for (const PlaceItem& place : m_data->places)
        if (place.id == s.highlightFeature) {
            p.setPen(QPen(m_style.highlight, 2.5 * k));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(s.view.toScreen(place.at), 9 * k, 9 * k);
        }
}

void MapRenderer::drawLegend(QPainter& p, const RenderSettings& s) const
{
    const double k = s.dpi / 96.0;
    const QFont font = sizedFont(m_style, m_style.labelSize * k);
    const QFontMetricsF fm(font);
    const double row = fm.height() + 3 * k;
    const double x = 16 * k;
    double y = 56 * k;
    p.save();
    auto swatch = [&](const QBrush& brush, const QString& text, const QPen& pen = QPen(QColor("#404040"), 0.8)) {
        p.setPen(pen);
        p.setBrush(brush);
        p.drawRect(QRectF(x, y, 18 * k, fm.height() - 2 * k));
        haloText(p, {x + 24 * k, y + fm.ascent() - 1 * k}, text, font, m_style.labelColour, Qt::white, 2 * k);
        y += row;
    };
    auto line = [&](const QPen& pen, const QString& text) {
        p.setPen(pen);
        p.drawLine(QPointF(x, y + fm.height() / 2), QPointF(x + 18 * k, y + fm.height() / 2));
        haloText(p, {x + 24 * k, y + fm.ascent() - 1 * k}, text, font, m_style.labelColour, Qt::white, 2 * k);
        y += row;
    };
    switch (s.theme) {
    case View::Overview:
        for (std::size_t i = 0; i < m_data->prefectures.size(); ++i)
            swatch(prefectureFill(static_cast<int>(i)), m_data->prefectures[i].name);
        break;
    case View::CountyClasses: {
        int none = 0;
        for (const auto& held : m_data->countyClasses)
            none += held.empty();
        for (std::size_t i = 0; i < m_data->classes.size(); ++i)
            swatch(classFill(static_cast<int>(i)), QStringLiteral("%1 (%2)").arg(m_data->classes[i].name).arg(m_data->classes[i].count));
        swatch(m_style.noClassFill, QCoreApplication::translate("app::render::Legend", "未列入分类 (%1)").arg(none));
        haloText(p, {x, y + fm.ascent()}, QCoreApplication::translate("app::render::Legend", "多类县城按类别分色条纹显示"), font, m_style.labelColour, Qt::white, 2 * k);
        break;
    }
    case View::OneClusterThreeBelts:
        swatch(withAlpha(m_style.zoneFills.value("agglomeration"), 140), QCoreApplication::translate("app::render::Legend", "黔中城市群"));
        line(QPen(withAlpha(QColor("#202020"), 110), 5 * k), QCoreApplication::translate("app::render::Legend", "贵阳—贵安—安顺都市圈 (范围示意)"));
        for (const CorridorItem& c : m_data->corridors)
            if (c.mode == "belt")
                line(QPen(withAlpha(m_style.beltColours.value(c.id), 150), 8 * k), c.name);
        p.setPen(QPen(QColor("#7f0000"), 1.2 * k));
        p.setBrush(QColor(215, 48, 31, 150));
        p.drawEllipse(QPointF(x + 9 * k, y + fm.height() / 2), 6 * k, 6 * k);
        haloText(p, {x + 24 * k, y + fm.ascent() - 1 * k}, QCoreApplication::translate("app::render::Legend", "区域中心城市 (面积∝2025年人口目标)"), font, m_style.labelColour, Qt::white, 2 * k);
        break;
    case View::OneCoreThreeCentres:
        for (const char* kind : {"core", "centre", "cluster", "county_group"})
            swatch(withAlpha(m_style.zoneFills.value(kind), 150), kind == QString("core") ? QCoreApplication::translate("app::render::Legend", "一核") : kind == QString("centre") ? QCoreApplication::translate("app::render::Legend", "三心")
                                                                                 : kind == QString("cluster") ? QCoreApplication::translate("app::render::Legend", "多组团 (县城, 范围示意)")
                                                                                                              : QCoreApplication::translate("app::render::Legend", "一市三县"));
        swatch(QBrush(m_style.zoneFills.value("new_area").darker(130), Qt::BDiagPattern), QCoreApplication::translate("app::render::Legend", "贵安新区 (跨四县区部分, 范围示意)"));
        break;
    case View::Transport: {
        for (const char* mode : {"high_speed_rail", "rail", "expressway", "urban_road", "metro", "waterway"}) {
            static const QMap<QString, const char*> names{{"high_speed_rail", QT_TRANSLATE_NOOP("app::render::Legend", "高速铁路")},
                                                          {"rail", QT_TRANSLATE_NOOP("app::render::Legend", "铁路")},
                                                          {"expressway", QT_TRANSLATE_NOOP("app::render::Legend", "高速公路")},
                                                          {"urban_road", QT_TRANSLATE_NOOP("app::render::Legend", "城市快速干道")},
                                                          {"metro", QT_TRANSLATE_NOOP("app::render::Legend", "城市轨道交通")},
                                                          {"waterway", QT_TRANSLATE_NOOP("app::render::Legend", "航道")}};
            line(QPen(m_style.modeColours.value(mode), 2.6 * k), legend(names.value(mode)));
        }
        const QColor grey("#404040");
        line(QPen(grey, 2 * k, Qt::DashLine), QCoreApplication::translate("app::render::Legend", "在建/加快建设"));
        line(QPen(grey, 2 * k, Qt::DotLine), QCoreApplication::translate("app::render::Legend", "开工/推进/规划"));
        line(QPen(grey, 2 * k, Qt::DashDotLine), QCoreApplication::translate("app::render::Legend", "研究/前期工作"));
        haloText(p, {x, y + fm.ascent()}, QCoreApplication::translate("app::render::Legend", "空心符号: 位置近似 (置于县城)"), font, m_style.labelColour, Qt::white, 2 * k);
        break;
    }
    }
    p.restore();
}

}  // namespace app::render
