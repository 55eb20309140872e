#pragma once
// Map geometry for the plan: zones as polygons, corridors as lines through their nodes' county seats, places
// as points, central cities as polygons with a symbol point. Everything is derived from county polygons;
// where a zone covers counties only in part it is drawn as a schematic extent (zone_shapes.csv) clipped to
// them, never as the whole counties, and marked "assumed".

#include <filesystem>
#include <string>
#include <vector>

#include "geo/geometry.h"
#include "layers/geography.h"
#include "layers/plan.h"

namespace layers {

/// A schematic extent for a zone the documents name but do not delimit: a circle clipped to its counties.
struct ZoneShape {
    std::string zoneId;
    geo::Point centre;  ///< lon/lat
    double radiusKm = 0;
    std::string basis;  ///< of the centre position: reference or assumed
    std::string note;
};

std::vector<ZoneShape> readZoneShapes(const std::filesystem::path& file);

struct ZoneFeature {
    const Zone* zone = nullptr;
    geo::MultiPolygon shape;      ///< lon/lat
    std::string geometryBasis;    ///< stated | reference | assumed: how the drawn extent was obtained
    std::string geometryNote;
    std::vector<std::string> memberCodes;
};

struct CorridorFeature {
    const Corridor* corridor = nullptr;
    std::vector<geo::Point> line;  ///< lon/lat through the county seats of the nodes inside Guizhou
};

struct PlaceFeature {
    const Place* place = nullptr;
    geo::Point point;  ///< lon/lat: the table's position, else the county seat
};

struct CentralCityFeature {
    const CentralCity* city = nullptr;
    geo::MultiPolygon shape;  ///< union of its full members
    geo::Point symbol;        ///< seat of its first core member
    double population2025 = 0;  ///< 万人, from the targets, 0 when none
};

/// A relation drawn as a straight line between its two units' points: a county's seat, a central city's symbol, a
/// zone's schematic centre (or the middle of its extent's bounds). Schematic: it says the units are related, not
/// where.
struct RelationFeature {
    const Relation* relation = nullptr;
    geo::Point from, to;  ///< lon/lat
};

struct PlanGeometry {
    std::vector<ZoneFeature> zones;
    std::vector<CorridorFeature> corridors;
    std::vector<PlaceFeature> places;
    std::vector<CentralCityFeature> centralCities;
    std::vector<RelationFeature> relations;
};

/// Throws DataError when a zone with partial members has no schematic extent.
PlanGeometry buildPlanGeometry(const PlanData& plan, const Geography& geography, const std::vector<ZoneShape>& shapes);

}  // namespace layers
