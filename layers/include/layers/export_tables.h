#pragma once
// Every layer the map shows, as plain tables ready for export: counties with one boolean column per
// county-seat class plus a joined text column, prefectures, province, rivers, zones, corridors, places, central
// cities, and the targets as a table without geometry. Coordinates lon/lat, EPSG:4490.

#include "layers/data_location.h"
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "geo/geometry.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"

namespace layers {

enum class FieldType { String, Integer, Real, Boolean };

struct ExportField {
    ExportField(std::string name, FieldType type, std::string description, std::string shortName = {})
        : name(std::move(name)), type(type), description(std::move(description)), shortName(std::move(shortName)) {}

    std::string name;         ///< full name (shapefiles get a short alias, see Exporter)
    FieldType type = FieldType::String;
    std::string description;  ///< for the field sidecar
    std::string shortName;    ///< a readable DBF name (≤ 10 bytes) when name is longer; else derived
};

using ExportValue = std::variant<std::monostate, std::string, long long, double, bool>;
using ExportGeometry = std::variant<std::monostate, geo::Point, std::vector<geo::Point>, geo::MultiPolygon>;

struct ExportFeature {
    ExportGeometry geometry;
    std::vector<ExportValue> values;  ///< one per field
    std::string label;                ///< text for CAD labels
    std::vector<std::string> groups;  ///< CAD layers the feature also goes on (its county-seat classes)
};

enum class GeometryKind { None, Point, Line, Polygon };

struct ExportTable {
    std::string id;     ///< layer id: counties, zones, …
    std::string title;  ///< Chinese title
    GeometryKind kind = GeometryKind::None;
    std::vector<ExportField> fields;
    std::vector<ExportFeature> features;
};

/// The extent of every geometry of the tables (EPSG:4490 degrees); empty for tables without geometry.
geo::Box lonLatBounds(const std::vector<const ExportTable*>& tables);

/// All exportable layers, in a fixed order.
std::vector<ExportTable> buildExportTables(const Geography& geography, const PlanData& plan, const PlanGeometry& planGeometry);

/// The exportable layers without their contents: id, Chinese title and geometry, in buildExportTables' order.
struct ExportLayerInfo {
    std::string id;
    std::string title;
    GeometryKind kind = GeometryKind::None;
};
const std::vector<ExportLayerInfo>& exportLayers();

/// The tables with the given ids (empty: all), in buildExportTables' order and with the same content, read
/// from the build's GeoPackage opened once: only the layers and plan tables those tables derive from are read
/// (the counties table needs the counties, classes and class members; the targets table only plan_targets…),
/// and with geometry false, polygon and line geometries are skipped (feature and field counts stay the same).
/// Throws DataError naming the file (missing, not a GeoPackage, a table or column missing) or an unknown id.
std::vector<ExportTable> loadExportTables(const DataLocation& geopackage, const std::vector<std::string>& ids = {}, bool geometry = true);

}  // namespace layers
