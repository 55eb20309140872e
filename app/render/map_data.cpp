#include "render/map_data.h"

#include <algorithm>
#include <cmath>
#include <future>

#include "geo/projection.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"
#include "layers/plan_query.h"

namespace app::render {

namespace {
QPainterPath toPath(const geo::MultiPolygon& shape)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    auto ring = [&](const geo::Ring& r) {
        if (r.size() < 3)
            return;
        path.moveTo(r[0].x, r[0].y);
        for (std::size_t i = 1; i < r.size(); ++i)
            path.lineTo(r[i].x, r[i].y);
        path.closeSubpath();
    };
    for (const geo::Polygon& p : shape) {
        ring(p.outer);
        for (const geo::Ring& h : p.holes)
            ring(h);
    }
    return path;
}

/// Label point for a neighbour: the centre of its largest part's bounds, clipped to the view by the renderer.
geo::Point largestPartCentre(const geo::MultiPolygon& shape)
{
    double best = -1;
    geo::Point at;
    for (const geo::Polygon& p : shape) {
        const double a = std::abs(geo::signedArea(p.outer));
        if (a > best) {
            best = a;
            at = geo::bounds(p.outer).centre();
        }
    }
    return at;
}
}  // namespace

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }
QStringList qList(const std::vector<std::string>& items)
{
    QStringList out;
    for (const auto& i : items)
        out << q(i);
    return out;
}
}  // namespace

const ZoneItem* MapData::zone(const QString& id) const
{
    for (const ZoneItem& z : zones)
        if (z.id == id)
            return &z;
    return nullptr;
}

int MapData::countyIndex(const QString& code) const
{
    for (std::size_t i = 0; i < counties.size(); ++i)
        if (counties[i].code == code)
            return static_cast<int>(i);
    return -1;
}

std::shared_ptr<const MapData> MapData::build(const layers::Geography& g, const layers::PlanData& plan, const layers::PlanGeometry& pg,
                                              const QString& crs)
{
    auto base = build(g, crs);
    auto data = std::make_shared<MapData>(*base);
    geo::Projection projection(geo::crs::kCgcs2000, crs.toStdString());
    auto at = [&](geo::Point p) {
        projection.forward(p);
        return p;
    };

    data->countyClasses.assign(data->counties.size(), {});
    data->centralCityCore.assign(data->counties.size(), false);
    for (const layers::CountyClass& c : plan.classes)
        data->classes.push_back({q(c.id), q(c.name), q(c.nameEn), 0});
    const layers::PlanQuery query(g, plan);
    for (std::size_t i = 0; i < g.counties.size(); ++i)
        for (const layers::HeldClass& held : query.classesOf(g.counties[i].code)) {
            data->countyClasses[i].push_back(static_cast<int>(held.index));
            ++data->classes[held.index].count;
        }
    for (const layers::CentralCityMember& m : plan.centralCityMembers)
        if (m.part == "core") {
            const int county = data->countyIndex(q(m.code));
            if (county >= 0)
                data->centralCityCore[static_cast<std::size_t>(county)] = true;
        }
    for (const layers::ZoneFeature& z : pg.zones) {
        ZoneItem item{q(z.zone->id), q(z.zone->name), q(z.zone->layout), q(z.zone->kind), q(z.zone->provenance.basis), q(z.geometryBasis),
                      q(z.geometryNote), qList(z.zone->functions), {}, {}, q(z.zone->nameEn)};
        const geo::MultiPolygon shape = projection.forward(z.shape);
        item.path = toPath(shape);
        item.bounds = geo::bounds(shape);
        data->zones.push_back(std::move(item));
    }
    for (const layers::CorridorFeature& c : pg.corridors) {
        CorridorItem item{q(c.corridor->id), q(c.corridor->name), q(c.corridor->mode), q(c.corridor->status), q(c.corridor->statusWords),
                          q(c.corridor->provenance.basis), {}, q(c.corridor->nameEn), {}};
        // The one line of PlanGeometry: the GeoPackage, the exports and the map draw the same vertices.
        for (const geo::Point& vertex : c.line) {
            const geo::Point m = at(vertex);
            item.line << QPointF(m.x, m.y);
        }
        for (const std::string& code : c.corridor->nodeCodes) {
            const auto county = std::find_if(g.counties.begin(), g.counties.end(), [&](const layers::County& k) { return k.code == code; });
            const auto seat = std::find_if(g.neighbourSeats.begin(), g.neighbourSeats.end(), [&](const layers::NeighbourSeat& n) { return n.code == code; });
            if (county != g.counties.end())
                item.nodeSeats.push_back(at(county->seat));
            else if (seat != g.neighbourSeats.end())
                item.nodeSeats.push_back(at(seat->seat));
        }
        data->corridors.push_back(std::move(item));
    }
    for (const layers::NamedNeighbourSeat& n : layers::namedNeighbourSeats(plan, g))
        data->neighbourSeats.push_back({q(n.seat->code), q(n.label), q(n.labelEn), at(n.seat->seat)});
    for (const layers::PlaceFeature& p : pg.places)
        data->places.push_back({q(p.place->id), q(p.place->name), q(p.place->kind), q(p.place->status), q(p.place->positionQuality),
                                q(p.place->provenance.basis), q(p.place->code), at(p.point), q(p.place->nameEn)});
    for (const layers::RelationFeature& r : pg.relations) {
        const geo::Point from = at(r.from), to = at(r.to);
        data->relations.push_back({q(r.relation->id), q(r.relation->name), q(r.relation->kind), q(r.relation->provenance.basis), QPointF(from.x, from.y),
                                   QPointF(to.x, to.y), q(r.relation->nameEn)});
    }
    for (const layers::CentralCityFeature& c : pg.centralCities)
        data->cities.push_back({q(c.city->id), q(c.city->name), c.population2025, at(c.symbol), q(c.city->nameEn)});
    // Each county's central city (the first listed, should a county be in two), for the 目标进展 view's fills.
    data->countyCity.assign(data->counties.size(), -1);
    for (const layers::CentralCityMember& m : plan.centralCityMembers) {
        const int county = data->countyIndex(q(m.code));
        for (std::size_t k = 0; county >= 0 && k < data->cities.size(); ++k)
            if (data->cities[k].id == q(m.cityId) && data->countyCity[static_cast<std::size_t>(county)] < 0)
                data->countyCity[static_cast<std::size_t>(county)] = static_cast<int>(k);
    }
    for (const layers::Target& t : plan.targets) {
        const QString scope = q(t.scopeKind + ":" + t.scopeId);
        auto it = std::find_if(data->targetScopes.begin(), data->targetScopes.end(), [&](const auto& e) { return e.first == scope; });
        if (it == data->targetScopes.end())
            data->targetScopes.push_back({scope, 1});
        else
            ++it->second;
    }
    // The geography's English names (share/plan/names_en.csv), for maps drawn in English.
    for (CountyItem& c : data->counties)
        if (const layers::EnglishName* n = plan.englishName(c.code.toStdString())) {
            c.nameEn = q(n->nameEn);
            c.shortEn = q(n->shortEn);
        }
    for (PrefectureItem& p : data->prefectures)
        if (const layers::EnglishName* n = plan.englishName(p.code.toStdString()))
            p.nameEn = q(n->nameEn);
    for (RegionItem& r : data->neighbours)
        for (const layers::EnglishName& n : plan.englishNames)
            if (r.name == q(n.name) || r.name == q(n.shortName))
                r.nameEn = q(n.shortEn);
    return data;
}

std::shared_ptr<const MapData> MapData::build(const layers::Geography& g, const QString& crs)
{
    auto data = std::make_shared<MapData>();
    data->crs = crs;
    // Counties on a second thread (each thread its own PROJ transformation), the rest on this one: projecting
    // ~250k vertices is most of a start-up's map preparation.
    auto counties = std::async(std::launch::async, [&g, &crs] {
        geo::Projection projection(geo::crs::kCgcs2000, crs.toStdString());
        std::vector<CountyItem> items;
        for (const layers::County& c : g.counties) {
            CountyItem item;
            item.code = QString::fromStdString(c.code);
            item.name = QString::fromStdString(c.name);
            item.shortName = QString::fromStdString(c.shortName);
            item.prefectureCode = QString::fromStdString(c.prefectureCode);
            item.prefectureName = QString::fromStdString(c.prefectureName);
            item.oldName = QString::fromStdString(c.oldName);
            item.oldCode = QString::fromStdString(c.oldCode);
            item.areaKm2 = c.areaKm2;
            const geo::MultiPolygon shape = projection.forward(c.shape);
            item.path = toPath(shape);
            item.bounds = geo::bounds(shape);
            item.seat = c.seat;
            projection.forward(item.seat);
            items.push_back(std::move(item));
        }
        return items;
    });
    try {
        geo::Projection projection(geo::crs::kCgcs2000, crs.toStdString());
        for (const layers::Prefecture& p : g.prefectures)
            data->prefectures.push_back({QString::fromStdString(p.code), QString::fromStdString(p.name), QString::fromStdString(p.shortName),
                                         toPath(projection.forward(p.shape)), QString()});  // nameEn: from the plan, below
        const geo::MultiPolygon province = projection.forward(g.province.shape);
        data->province = toPath(province);
        data->extent = geo::bounds(province);
        for (const layers::Region& r : g.neighbours) {
            const geo::MultiPolygon shape = projection.forward(r.shape);
            data->neighbours.push_back({QString::fromStdString(r.name), toPath(shape), largestPartCentre(shape), QString()});  // nameEn: from the plan, below
        }
        for (const layers::River& r : g.rivers) {
            if (r.line.size() < 2)
                continue;
            RiverItem item{QString::fromStdString(r.id), r.level, QString::fromStdString(r.name), QString::fromStdString(r.nameEn), {}, geo::Box::empty()};
            for (std::size_t i = 0; i < r.line.size(); ++i) {
                geo::Point p = r.line[i];
                projection.forward(p);
                if (i == 0)
                    item.path.moveTo(p.x, p.y);
                else
                    item.path.lineTo(p.x, p.y);
                item.bounds.expand(p);
            }
            data->rivers.push_back(std::move(item));
        }
    } catch (...) {
        counties.wait();  // the worker refers to g and crs
        throw;
    }
    data->counties = counties.get();
    for (CountyItem& item : data->counties)
        for (std::size_t i = 0; i < data->prefectures.size(); ++i)
            if (data->prefectures[i].code == item.prefectureCode)
                item.prefectureIndex = static_cast<int>(i);
    return data;
}

}  // namespace app::render
