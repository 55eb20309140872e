#pragma once
// Map geometry for the plan: zones as polygons, corridors as lines through their nodes' seats (Guizhou's county
// seats, the neighbouring seats the plan names, an approximate border crossing where the text names only a
// province), places as points, central cities as polygons with a symbol point. The one construction of these
// lines: the GeoPackage, the exports and the map all draw them. Everything is derived from county polygons;
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

/// What a corridor's first or last vertex is (the GeoPackage's start_kind and end_kind).
namespace corridor_ends {
inline constexpr const char* kCountySeat = "county_seat";        ///< a Guizhou county seat
inline constexpr const char* kNeighbourSeat = "neighbour_seat";  ///< a seat outside Guizhou the text names (南宁)
inline constexpr const char* kBorderCrossing = "border_crossing"; ///< approximate: the text names only a province
}  // namespace corridor_ends

/// How far beyond Guizhou's boundary an end named only by its province is drawn: kBorderCrossingBeyondKm past the
/// crossing, or further in 5 km steps up to kBorderCrossingMaxKm until it is kBorderCrossingClearKm from Guizhou.
inline constexpr double kBorderCrossingBeyondKm = 15;
inline constexpr double kBorderCrossingMaxKm = 45;
inline constexpr double kBorderCrossingClearKm = 8;

struct CorridorFeature {
    const Corridor* corridor = nullptr;
    std::vector<geo::Point> line;  ///< lon/lat through its nodes' seats, to the neighbouring seats or border crossings
    std::string startKind, endKind;  ///< corridor_ends::k…; empty when the line has no vertex
    std::string geometryNote;        ///< how the line was drawn, naming each end outside Guizhou and whether it is approximate
};

/// A seat outside Guizhou that the plan names, with the label the map gives it.
struct NamedNeighbourSeat {
    const NeighbourSeat* seat = nullptr;
    std::string label;    ///< the text's word (重庆 for 渝中区（重庆）(重庆)), else the seat's name as written (南宁)
    std::string labelEn;  ///< names_en.csv: the seat's short_en, or that of the row whose short name is the label; empty if none
    std::vector<std::string> corridorIds;  ///< the corridors that end there
};

/// The seats of the geography's neighbour_seats that corridors name, in code order (seats no node names are left out).
std::vector<NamedNeighbourSeat> namedNeighbourSeats(const PlanData& plan, const Geography& geography);

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
