#include "gui/identify.h"

#include <cmath>
#include <limits>

namespace app::gui {

const layers::County* countyAt(const layers::PlanQuery& query, const geo::Projection& toLonLat, geo::Point display, geo::Point* lonLat)
{
    geo::Point p = display;
    if (lonLat)
        *lonLat = p;
    if (!toLonLat.forward(p))
        return nullptr;
    if (lonLat)
        *lonLat = p;
    return query.countyAt(p);
}

Hit hitTest(const render::MapRenderer& renderer, const render::RenderSettings& s, QPointF screen, const layers::PlanQuery& query,
            const geo::Projection& toLonLat)
{
    const render::MapData& data = renderer.data();
    const render::ViewSymbols& symbols = renderer.symbols(s.theme);
    const double k = s.dpi / 96.0;
    if (s.visible("places")) {
        double best = 7 * k;
        Hit hit;
        for (std::size_t i = 0; i < data.places.size(); ++i) {
            const render::PlaceItem& p = data.places[i];
            if (!symbols.places[i].visible)
                continue;
            const QPointF at = s.view.toScreen(p.at);
            const double d = std::hypot(at.x() - screen.x(), at.y() - screen.y());
            if (d <= best) {
                best = d;
                hit = {Hit::Kind::Place, p.id};
            }
        }
        if (hit.kind != Hit::Kind::None)
            return hit;
    }
    if (s.visible("central_cities")) {
        for (std::size_t i = 0; i < data.cities.size(); ++i) {
            const render::CityItem& c = data.cities[i];
            const double r = symbols.cities[i].radius(c.population2025) * k;
            const QPointF at = s.view.toScreen(c.at);
            if (c.population2025 > 0 && std::hypot(at.x() - screen.x(), at.y() - screen.y()) <= std::max(r, 6 * k))
                return {Hit::Kind::City, c.id};
        }
    }
    const bool corridors = s.visible("corridors"), belts = s.visible("belts");
    if (corridors || belts) {
        double best = 5 * k;
        Hit hit;
        for (const auto& c : data.corridors) {
            const bool belt = c.mode == "belt";
            if ((belt && !belts) || (!belt && !corridors))
                continue;
            const double tolerance = belt ? std::max(5.0 * k, 7000.0 / s.view.unitsPerPixel()) : 5 * k;
            for (int i = 0; i + 1 < c.line.size(); ++i) {
                const QPointF a = s.view.toScreen({c.line[i].x(), c.line[i].y()});
                const QPointF b = s.view.toScreen({c.line[i + 1].x(), c.line[i + 1].y()});
                const double d = geo::segmentDistance({screen.x(), screen.y()}, {a.x(), a.y()}, {b.x(), b.y()});
                if (d <= tolerance && (hit.kind == Hit::Kind::None || d < best)) {
                    best = d;
                    hit = {Hit::Kind::Corridor, c.id};
                }
            }
        }
        if (hit.kind != Hit::Kind::None)
            return hit;
    }
    const geo::Point m = s.view.toMap(screen);
    const QPointF mp(m.x, m.y);
    if (s.visible("zones")) {
        const render::ZoneItem* best = nullptr;
        double bestArea = std::numeric_limits<double>::max();
        for (std::size_t i = 0; i < data.zones.size(); ++i) {
            const render::ZoneItem& z = data.zones[i];
            if (!symbols.zones[i].visible || !z.bounds.contains(m) || !z.path.contains(mp))
                continue;
            const double area = z.bounds.width() * z.bounds.height();
            if (area < bestArea) {
                bestArea = area;
                best = &z;
            }
        }
        // In the overview and class views zones are context: the county answers there.
        if (best && s.theme != render::View::Overview && s.theme != render::View::CountyClasses)
            return {Hit::Kind::Zone, best->id};
    }
    if (s.visible("counties"))
        if (const layers::County* c = countyAt(query, toLonLat, m))
            return {Hit::Kind::County, QString::fromStdString(c->code)};
    return {};
}

namespace {
/// Grows b by the point (at) of every item whose id is id.
template <class Items>
void expandById(geo::Box& b, const Items& items, const QString& id)
{
    for (const auto& item : items)
        if (item.id == id)
            b.expand(item.at);
}
}  // namespace

geo::Box hitBounds(const render::MapData& data, const Hit& hit)
{
    geo::Box b = geo::Box::empty();
    switch (hit.kind) {
    case Hit::Kind::County:
        for (const auto& c : data.counties)
            if (c.code == hit.id)
                b = c.bounds;
        break;
    case Hit::Kind::Zone:
        if (const auto* z = data.zone(hit.id))
            b = z->bounds;
        break;
    case Hit::Kind::Corridor:
        for (const auto& c : data.corridors)
            if (c.id == hit.id)
                for (const QPointF& p : c.line)
                    b.expand(geo::Point{p.x(), p.y()});
        break;
    case Hit::Kind::Place:
        expandById(b, data.places, hit.id);
        break;
    case Hit::Kind::City:
        expandById(b, data.cities, hit.id);
        break;
    case Hit::Kind::Prefecture:
        for (const auto& c : data.counties)
            if (c.prefectureCode == hit.id)
                b.expand(c.bounds);
        break;
    case Hit::Kind::None:
        break;
    }
    return b;
}

}  // namespace app::gui
