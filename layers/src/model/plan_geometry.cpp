#include "layers/plan_geometry.h"

#include <cmath>
#include <cstdlib>
#include <string>
#include <numbers>
#include <optional>

#include "geo/projection.h"
#include "geo/topology.h"
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

    for (const Corridor& c : plan.corridors) {
        CorridorFeature f{&c, {}};
        for (const std::string& code : c.nodeCodes)
            if (const County* county = geography.county(code))
                if (f.line.empty() || !(f.line.back() == county->seat))
                    f.line.push_back(county->seat);
        out.corridors.push_back(std::move(f));
    }

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
