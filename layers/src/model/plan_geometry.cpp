#include "layers/plan_geometry.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <numbers>
#include <optional>
#include <string>

#include "geo/projection.h"
#include "geo/topology.h"
#include "layers/corridor_nodes.h"
#include "layers/errors.h"
#include "layers/plan_query.h"
#include "layers/table_rows.h"

namespace layers {

namespace {
/// Guizhou is about 570 km across; a schematic zone circle is clipped to its counties anyway.
constexpr double kMaxZoneRadiusKm = 300;
}  // namespace

std::vector<ZoneShape> readZoneShapes(const std::filesystem::path& file)
{
    std::vector<ZoneShape> shapes;
    for (const TableRow& r : readCsvRows(file, {"zone_id", "lon", "lat", "radius_km", "basis", "note"})) {
        // Each number whole-cell, finite and in range (NaN fails every comparison below).
        auto number = [&](const char* column, double min, double max, const char* what) {
            const std::string& text = r[column];
            char* end = nullptr;
            const double v = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0' || !(v >= min && v <= max))
                throw DataError(file.string(), "line " + std::to_string(r.line) + ", field '" + column + "': '" + text + "' is not " + what +
                                                   ": a number between " + std::to_string(static_cast<int>(min)) + " and " +
                                                   std::to_string(static_cast<int>(max)));
            return v;
        };
        const double lon = number("lon", 100, 112, "a longitude near Guizhou");
        const double lat = number("lat", 22, 31, "a latitude near Guizhou");
        // More than kMaxZoneRadiusKm the circle would reach beyond the province on every side.
        const double radius = number("radius_km", 0, kMaxZoneRadiusKm, "a radius in km");
        if (radius <= 0)
            throw DataError(file.string(), "line " + std::to_string(r.line) + ", field 'radius_km': the radius must be above 0 km");
        ZoneShape s{r["zone_id"], {lon, lat}, radius, r["basis"], r["note"]};
        shapes.push_back(std::move(s));
    }
    return shapes;
}

namespace {
/// A circle of radiusKm around centre, built in Albers equal-area and returned in lon/lat.
geo::MultiPolygon circle(const geo::Projection& albers, geo::Point centre, double radiusKm)
{
    geo::Point c = centre;
    albers.forward(c);
    geo::Ring ring;
    for (int i = 0; i <= 72; ++i) {
        const double a = 2 * std::numbers::pi * (i % 72) / 72;
        ring.push_back({c.x + radiusKm * 1000 * std::cos(a), c.y + radiusKm * 1000 * std::sin(a)});
    }
    return albers.inverse(geo::MultiPolygon{{ring, {}}});
}
}  // namespace

namespace {
/// Drops the slivers a union of source polygons leaves (parts and holes under minKm2).
geo::MultiPolygon withoutSlivers(const geo::Projection& albers, const geo::MultiPolygon& shape, double minKm2 = 1.0)
{
    geo::MultiPolygon out;
    for (const geo::Polygon& polygon : shape) {
        const geo::MultiPolygon projected = albers.forward(geo::MultiPolygon{polygon});
        if (std::abs(geo::signedArea(projected.front().outer)) < minKm2 * 1e6)
            continue;
        geo::Polygon kept{polygon.outer, {}};
        for (std::size_t i = 0; i < polygon.holes.size(); ++i)
            if (std::abs(geo::signedArea(projected.front().holes[i])) >= minKm2 * 1e6)
                kept.holes.push_back(polygon.holes[i]);
        out.push_back(std::move(kept));
    }
    return out;
}

/// Calls visit(row, county), in table order, for each member row of group id (group: the row's group column)
/// whose county the geography has (checkPlan reports the others).
template <typename Member, typename Visit>
void eachMemberCounty(const std::vector<Member>& members, std::string Member::*group, const std::string& id, const Geography& geography, Visit visit)
{
    for (const Member& m : members)
        if (m.*group == id)
            if (const County* c = geography.county(m.code))
                visit(m, *c);
}
}  // namespace

namespace {
/// Parameters t > 0, ascending, at which the ray from + t·dir crosses an edge of shape (dir a unit vector, so t is a
/// distance in the shape's units).
std::vector<double> rayCrossings(const geo::MultiPolygon& shape, geo::Point from, geo::Point dir)
{
    std::vector<double> ts;
    auto ring = [&](const geo::Ring& r) {
        for (std::size_t i = 0; i + 1 < r.size(); ++i) {
            const double ex = r[i + 1].x - r[i].x, ey = r[i + 1].y - r[i].y;
            const double denominator = dir.x * ey - dir.y * ex;
            if (denominator == 0)
                continue;  // parallel
            const double ax = r[i].x - from.x, ay = r[i].y - from.y;
            const double t = (ax * ey - ay * ex) / denominator;
            const double u = (ax * dir.y - ay * dir.x) / denominator;
            if (t > 0 && u >= 0 && u < 1)
                ts.push_back(t);
        }
    };
    for (const geo::Polygon& p : shape) {
        ring(p.outer);
        for (const geo::Ring& h : p.holes)
            ring(h);
    }
    std::sort(ts.begin(), ts.end());
    return ts;
}

/// The point of shape's outline nearest to p.
geo::Point nearestOnOutline(const geo::MultiPolygon& shape, geo::Point p)
{
    geo::Point best = p;
    double bestDistance = std::numeric_limits<double>::infinity();
    for (const geo::Polygon& polygon : shape)
        for (std::size_t i = 0; i + 1 < polygon.outer.size(); ++i) {
            const geo::Point a = polygon.outer[i], b = polygon.outer[i + 1];
            const double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
            const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
            const geo::Point at{a.x + t * dx, a.y + t * dy};
            const double d = std::hypot(at.x - p.x, at.y - p.y);
            if (d < bestDistance) {
                bestDistance = d;
                best = at;
            }
        }
    return best;
}

/// Builds each corridor's line: its nodes' seats in Guizhou and outside, and an end the text names only by its
/// province at the approximate border crossing.
class CorridorLines {
public:
    CorridorLines(const PlanData& plan, const Geography& geography, const geo::Projection& albers)
        : m_plan(plan), m_geography(geography), m_albers(albers), m_province(albers.forward(geography.province.shape))
    {
    }

    CorridorFeature build(const Corridor& c) const
    {
        CorridorFeature f{&c, {}, {}, {}, "schematic: straight segments between the seats of its nodes"};
        const std::size_t n = std::min(c.nodeNames.size(), c.nodeCodes.size());
        // Seats first (lon/lat; nullopt for a node the geography lacks, which checkPlan reports, and for province ends).
        std::vector<CorridorNode> nodes;
        std::vector<std::optional<geo::Point>> at(n);
        std::vector<std::string> kind(n);
        for (std::size_t i = 0; i < n; ++i) {
            nodes.push_back(parseCorridorNode(c.nodeNames[i]));
            if (nodes[i].kind == CorridorNode::Kind::Guizhou) {
                if (const County* county = m_geography.county(c.nodeCodes[i])) {
                    at[i] = county->seat;
                    kind[i] = corridor_ends::kCountySeat;
                }
            } else if (nodes[i].kind == CorridorNode::Kind::NeighbourSeat) {
                if (const NeighbourSeat* seat = m_geography.neighbourSeat(c.nodeCodes[i])) {
                    at[i] = seat->seat;
                    kind[i] = corridor_ends::kNeighbourSeat;
                    const std::string standsFor = nodes[i].word.empty() ? std::string() : ", for " + englishOf(nodes[i].word);
                    f.geometryNote += std::string(n == 1 ? "; at" : i == 0 ? "; start" : i + 1 == n ? "; end" : "; via") + ": the seat of " +
                                      english(seat->code, seat->shortName) + " (" + seat->name + " " + seat->code + ")" + standsFor + ", outside Guizhou";
                }
            }
        }
        // Ends named only by their province: from the nearest seat in Guizhou, on towards the province.
        for (std::size_t i = 0; i < n; ++i) {
            if (nodes[i].kind != CorridorNode::Kind::Province || (i != 0 && i + 1 != n))
                continue;
            const Region* province = nullptr;
            for (const std::string& name : nodes[i].provinces)
                if (!province)
                    province = m_geography.neighbour(name);
            const int step = i == 0 ? 1 : -1;
            std::optional<geo::Point> anchor, behind;
            for (std::size_t j = i + step; j < n && (!anchor || !behind); j += step)
                if (at[j] && nodes[j].kind == CorridorNode::Kind::Guizhou) {
                    if (!anchor)
                        anchor = at[j];
                    else if (!(*at[j] == *anchor))
                        behind = at[j];
                }
            if (!province || !anchor)
                continue;  // checkPlan reports both
            const Crossing crossing = cross(*anchor, behind, *province);
            at[i] = crossing.at;
            kind[i] = corridor_ends::kBorderCrossing;
            f.geometryNote += std::string(i == 0 ? "; start" : "; end") + ": approximate, " + crossing.how + " (the text names only the province)";
        }
        for (std::size_t i = 0; i < n; ++i)
            if (at[i] && (f.line.empty() || !(f.line.back() == *at[i]))) {
                if (f.line.empty())
                    f.startKind = kind[i];
                f.endKind = kind[i];
                f.line.push_back(*at[i]);
            }
        if (f.line.empty())
            f.geometryNote = "not drawn: the text names no place for it";
        else if (f.line.size() == 1)
            f.geometryNote.replace(0, f.geometryNote.find(';'), "a point, not a line: the seat of its one node");
        return f;
    }

private:
    struct Crossing {
        geo::Point at;    ///< lon/lat
        std::string how;  ///< how the direction was chosen, for the note
    };

    /// Where the line from anchor (a seat in Guizhou), continued from behind, leaves Guizhou, plus
    /// kBorderCrossingBeyondKm; when that is not in province (or there is no behind), the same towards the nearest
    /// point of province's outline.
    Crossing cross(geo::Point anchor, std::optional<geo::Point> behind, const Region& province) const
    {
        geo::Point from = anchor;
        m_albers.forward(from);
        const geo::MultiPolygon target = m_albers.forward(province.shape);
        double beyond = 0;
        // The end on a direction: past the first exit from Guizhou by kBorderCrossingBeyondKm, or further (in 5 km
        // steps, to kBorderCrossingMaxKm) where the boundary bends back towards it, so that it lies in province at
        // least kBorderCrossingClearKm from Guizhou.
        auto along = [&](geo::Point dir) -> std::optional<geo::Point> {
            const std::vector<double> ts = rayCrossings(m_province, from, dir);
            if (ts.empty())
                return std::nullopt;
            for (double km = kBorderCrossingBeyondKm; km <= kBorderCrossingMaxKm; km += 5) {
                const geo::Point end{from.x + (ts.front() + km * 1000) * dir.x, from.y + (ts.front() + km * 1000) * dir.y};
                if (!geo::contains(m_province, end) && geo::contains(target, end) && geo::boundaryDistance(m_province, end) >= kBorderCrossingClearKm * 1000) {
                    beyond = km;
                    return end;
                }
            }
            return std::nullopt;
        };
        auto unit = [](geo::Point v) {
            const double length = std::hypot(v.x, v.y);
            return length > 0 ? geo::Point{v.x / length, v.y / length} : geo::Point{};
        };
        auto lonLat = [&](geo::Point p) {
            m_albers.inverse(p);
            return p;
        };
        auto km = [&] { return std::to_string(static_cast<int>(beyond)) + " km into " + english(province.code, province.name) + " beyond Guizhou's boundary "; };
        if (behind) {
            geo::Point back = *behind;
            m_albers.forward(back);
            const geo::Point dir = unit({from.x - back.x, from.y - back.y});
            if (const auto end = dir == geo::Point{} ? std::optional<geo::Point>() : along(dir))
                return {lonLat(*end), km() + "on the line " + seatName(*behind) + "–" + seatName(anchor) + " continued"};
        }
        const geo::Point towards = nearestOnOutline(target, from);
        const geo::Point dir = unit({towards.x - from.x, towards.y - from.y});
        if (const auto end = dir == geo::Point{} ? std::optional<geo::Point>() : along(dir))
            return {lonLat(*end), km() + "on the line from " + seatName(anchor) + " towards the nearest point of " + english(province.code, province.name)};
        // The province's outline (ECharts', coarser than the counties) may miss every such point: the nearest point
        // of its outline, kBorderCrossingBeyondKm further on.
        beyond = kBorderCrossingBeyondKm;
        return {lonLat({towards.x + beyond * 1000 * dir.x, towards.y + beyond * 1000 * dir.y}),
                std::to_string(static_cast<int>(beyond)) + " km past the point of " + english(province.code, province.name) + "'s outline nearest to " +
                    seatName(anchor)};
    }

    /// The English short name of a code (names_en.csv), else the Chinese.
    std::string english(const std::string& code, const std::string& chinese) const
    {
        const EnglishName* n = m_plan.englishName(code);
        return n && !n->shortEn.empty() ? n->shortEn : chinese;
    }

    /// A name of the tables (a province, a city as the text writes it: 重庆) in English: the names_en.csv row whose
    /// short or full name it is, else the Chinese.
    std::string englishOf(const std::string& chinese) const
    {
        for (const EnglishName& e : m_plan.englishNames)
            if ((e.shortName == chinese || e.name == chinese) && !e.shortEn.empty())
                return e.shortEn;
        return chinese;
    }

    /// The county whose seat is at p, in English.
    std::string seatName(geo::Point p) const
    {
        for (const County& c : m_geography.counties)
            if (c.seat == p)
                return english(c.code, c.shortName);
        return "?";
    }

    const PlanData& m_plan;
    const Geography& m_geography;
    const geo::Projection& m_albers;
    const geo::MultiPolygon m_province;  ///< Albers
};
}  // namespace

std::vector<NamedNeighbourSeat> namedNeighbourSeats(const PlanData& plan, const Geography& geography)
{
    std::vector<NamedNeighbourSeat> out;
    for (const Corridor& c : plan.corridors)
        for (std::size_t i = 0; i < c.nodeNames.size() && i < c.nodeCodes.size(); ++i) {
            const CorridorNode node = parseCorridorNode(c.nodeNames[i]);
            const NeighbourSeat* seat = node.kind == CorridorNode::Kind::NeighbourSeat ? geography.neighbourSeat(c.nodeCodes[i]) : nullptr;
            if (!seat)
                continue;
            auto it = std::find_if(out.begin(), out.end(), [&](const NamedNeighbourSeat& s) { return s.seat == seat; });
            if (it == out.end()) {
                NamedNeighbourSeat named{seat, node.label(), {}, {}};
                const EnglishName* own = plan.englishName(seat->code);
                if (own && (named.label == seat->name || named.label == seat->shortName))
                    named.labelEn = own->shortEn;
                else
                    for (const EnglishName& e : plan.englishNames)
                        if (named.labelEn.empty() && (e.shortName == named.label || e.name == named.label))
                            named.labelEn = e.shortEn;
                out.push_back(std::move(named));
                it = out.end() - 1;
            }
            if (std::find(it->corridorIds.begin(), it->corridorIds.end(), c.id) == it->corridorIds.end())
                it->corridorIds.push_back(c.id);
        }
    std::sort(out.begin(), out.end(), [](const NamedNeighbourSeat& a, const NamedNeighbourSeat& b) { return a.seat->code < b.seat->code; });
    return out;
}

PlanGeometry buildPlanGeometry(const PlanData& plan, const Geography& geography, const std::vector<ZoneShape>& shapes)
{
    PlanGeometry out;
    const PlanQuery query(geography, plan);
    geo::Topology topology;
    // One transformation for every area and circle (creating a PROJ transformation costs milliseconds).
    const geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);

    for (const Zone& zone : plan.zones) {
        ZoneFeature f;
        f.zone = &zone;
        std::vector<const geo::MultiPolygon*> parts;
        bool partial = false;
        for (const ZoneMember* m : query.zoneMembers(zone.id))
            if (const County* c = geography.county(m->code)) {
                parts.push_back(&c->shape);
                f.memberCodes.push_back(c->code);
                partial = partial || m->extent == "partial";
            }
        if (parts.empty())
            continue;
        const geo::MultiPolygon united = withoutSlivers(albers, topology.unite(parts));
        const ZoneShape* schematic = nullptr;
        for (const ZoneShape& s : shapes)
            if (s.zoneId == zone.id)
                schematic = &s;
        if (schematic) {
            try {
                f.shape = topology.intersection(united, circle(albers, schematic->centre, schematic->radiusKm));
            } catch (const std::exception& e) {
                throw DataError("zone_shapes.csv", "zone " + zone.id + ": the schematic circle (centre " + std::to_string(schematic->centre.x) + ", " +
                                                       std::to_string(schematic->centre.y) + ", radius " + std::to_string(schematic->radiusKm) +
                                                       " km) cannot be cut to its counties: " + e.what());
            }
            f.geometryBasis = "assumed";
            f.geometryNote = "schematic extent: a " + std::to_string(static_cast<int>(schematic->radiusKm)) +
                             " km circle clipped to its counties, not an official boundary; " + schematic->note;
        } else if (partial) {
            throw DataError("zone_shapes.csv", "zone " + zone.id + " covers counties in part but has no schematic extent");
        } else {
            f.shape = united;
            f.geometryBasis = zone.provenance.basis;
            f.geometryNote = "union of member counties";
        }
        out.zones.push_back(std::move(f));
    }

    const CorridorLines lines(plan, geography, albers);
    for (const Corridor& c : plan.corridors)
        out.corridors.push_back(lines.build(c));

    for (const Place& p : plan.places) {
        const County* county = geography.county(p.code);
        if (!p.position && !county)
            continue;  // reported by checkPlan
        out.places.push_back({&p, p.position ? *p.position : county->seat});
    }

    for (const CentralCity& city : plan.centralCities) {
        CentralCityFeature f;
        f.city = &city;
        std::vector<const geo::MultiPolygon*> parts;
        bool symbolSet = false;
        eachMemberCounty(plan.centralCityMembers, &CentralCityMember::cityId, city.id, geography, [&](const CentralCityMember& m, const County& c) {
            if (m.extent == "full")
                parts.push_back(&c.shape);
            if (!symbolSet && m.part == "core") {
                f.symbol = c.seat;
                symbolSet = true;
            }
        });
        if (!parts.empty())
            f.shape = withoutSlivers(albers, topology.unite(parts));
        if (!symbolSet && !f.shape.empty())
            f.symbol = geo::bounds(f.shape).centre();
        for (const Target& t : plan.targets)
            if (t.scopeKind == "city" && t.scopeId == city.id && t.year == 2025 && t.unit.find("万") != std::string::npos &&
                t.indicator.find("人口") != std::string::npos && t.indicator.find("城镇化") == std::string::npos)
                f.population2025 = t.value;
        out.centralCities.push_back(std::move(f));
    }

    // Relations, between the points above (checkPlan reports an end the tables do not hold).
    auto pointOf = [&](const std::string& kind, const std::string& id) -> std::optional<geo::Point> {
        if (kind == "county")
            if (const County* c = geography.county(id))
                return c->seat;
        if (kind == "city")
            for (const CentralCityFeature& c : out.centralCities)
                if (c.city->id == id)
                    return c.symbol;
        if (kind == "zone") {
            for (const ZoneShape& s : shapes)
                if (s.zoneId == id)
                    return s.centre;
            for (const ZoneFeature& z : out.zones)
                if (z.zone->id == id)
                    return geo::bounds(z.shape).centre();
        }
        return std::nullopt;
    };
    for (const Relation& r : plan.relations) {
        const auto from = pointOf(r.fromKind, r.fromId);
        const auto to = pointOf(r.toKind, r.toId);
        if (from && to)
            out.relations.push_back({&r, *from, *to});
    }
    return out;
}

}  // namespace layers
