#pragma once
// Asking the plan about a user's layer (gzplan stats, select, annotate, join; the window's statistics panel):
// the layer's features measured by plan unit — county, prefecture, county-seat class, zone, central city, a
// corridor's or belt's buffer — selected by expression and by location, annotated with the plan.
//
// Exact: a feature that crosses a unit's boundary is cut with GEOS (in CGCS2000 lon/lat, where the data and the
// units are) and its parts measured: areas on the GRS80 ellipsoid as the Albers equal-area projection gives them
// (geo::AlbersChina::edgeArea: edges straight in lon/lat, so the parts sum to the whole), lengths along geodesics
// (PROJ's geodesic routines). The counties are made a partition where the source's polygons overlap (the
// lower-indexed county keeps the sliver, as geo::PointLocator answers). Counts, sums and
// means assign each feature whole to the units containing its inside point (GEOS PointOnSurface), so a
// feature counts once in a partition. A county in several classes counts in each; a zone with partial members
// uses its drawn shape (PlanGeometry: schematic extents clipped to their counties), a central city its full
// members; the output says which units are schematic.
//
// Speed: the counties form a partition, so a feature is first located by one vertex (geo::PointLocator); only
// one whose bounds touch a county boundary segment (an R-tree over the segments) goes to GEOS (prepared covers,
// else intersection with each candidate). Classes, prefectures, central cities and zones of whole counties are
// sums of counties. Partial zones and corridor buffers are tested directly (prepared geometry, bounds first).
// bruteForceStats intersects every feature with every unit (the plain path the tests compare with).

#include "layers/data_location.h"
#include <cstdint>
#include <filesystem>
#include <functional>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "geo/geometry.h"
#include "layers/geography.h"
#include "layers/plan.h"
#include "layers/plan_geometry.h"

namespace layers {
class PlanQuery;
class AttributeTable;
}

namespace layers::analysis {

/// A request the user worded wrongly (a unit that is not a plan unit, a distance without a unit, a measure the
/// layer cannot have): the message names it and says what to write instead. Commands exit 2 on it.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class UnitKind { County, Prefecture, CountyClass, Zone, CentralCity, Corridor };
/// county, prefecture, class, zone, central_city, corridor
const char* unitKindId(UnitKind kind);
/// 县级单位, 市州, 县城类型, 布局分区, 区域中心城市, 通道
const char* unitKindZh(UnitKind kind);
std::optional<UnitKind> unitKindFromId(std::string_view id);

/// A plan unit as something to measure in.
struct Unit {
    UnitKind kind = UnitKind::County;
    std::string id;      ///< county or prefecture code, else the plan table's id
    std::string name, nameEn;
    std::vector<std::string> countyCodes;  ///< the whole counties it consists of (all of a county, prefecture, class, central city's full members, a zone of full members)
    /// lon/lat: when set, the unit is this shape instead (a zone with partial members: its drawn shape; a corridor:
    /// its buffer); countyCodes then lists the counties it touches.
    std::optional<geo::MultiPolygon> shape;
    double distanceM = 0;   ///< a corridor's buffer distance
    bool schematic = false; ///< its extent is an assumption of this project (a partial zone's schematic circle, a corridor drawn through seats)
    std::string note, noteEn;  ///< what it consists of, what is schematic or left out
};

/// A distance with its unit: "10km", "10 km", "500m", "2.5公里", "800米". No unit, a negative or absurd value: UsageError.
double parseDistance(const std::string& text);

/// The plan's units over a geography, plan and its geometry (all outlive it).
namespace detail {
struct CountyIndex;
}

class PlanUnits {
public:
    /// The counties' index (point locator, boundary R-tree), being built on a thread of its own.
    using CountyIndexFuture = std::shared_future<std::shared_ptr<const detail::CountyIndex>>;
    /// Starts building the counties' index of geography (which must outlive the future).
    static CountyIndexFuture startCountyIndex(const Geography& geography);

    PlanUnits(const Geography& geography, const PlanData& plan, const PlanGeometry& planGeometry, const PlanQuery& query);
    /// With the counties' index already started (loadPlanContext starts it before it reads the plan).
    PlanUnits(const Geography& geography, const PlanData& plan, const PlanGeometry& planGeometry, const PlanQuery& query,
              CountyIndexFuture countyIndex);
    ~PlanUnits();
    /// The counties' index every statistics and selection run shares: built once, waited for here.
    std::shared_ptr<const detail::CountyIndex> countyIndex() const { return m_countyIndex.get(); }

    /// Every unit of a kind, in table order (counties and prefectures by code); corridors buffered by distanceM
    /// (required > 0 for corridors).
    std::vector<Unit> all(UnitKind kind, double distanceM = 0) const;
    /// One unit from what the user typed: "kind:name" (class:satellite, county:盘州, zone:贵安新区, prefecture:遵义,
    /// central_city:遵义), a bare name of one kind (卫星县城), or for a corridor "id-or-name:distance"
    /// (belt_shanghai_kunming:10km, 沪昆通道:10km). Names resolve as everywhere (PlanQuery::resolve). UsageError with
    /// suggestions otherwise.
    Unit parse(const std::string& text, bool corridorNeedsDistance = true) const;
    /// "county", "class", …, or "corridor:<distance>" (the --by of gzplan stats): the kind and the distance.
    std::pair<UnitKind, double> parseBy(const std::string& text) const;

    const Geography& geography() const { return m_geography; }
    const PlanData& plan() const { return m_plan; }
    const PlanGeometry& planGeometry() const { return m_geometry; }
    const PlanQuery& query() const { return m_query; }
    /// Unit for one corridor at distance (its line buffered in the Albers projection, back to lon/lat).
    Unit corridorUnit(const Corridor& corridor, double distanceM) const;

private:
    const Geography& m_geography;
    const PlanData& m_plan;
    const PlanGeometry& m_geometry;
    const PlanQuery& m_query;
    CountyIndexFuture m_countyIndex;
};

enum class Measure { Count, Area, Length, Sum, Mean };
struct MeasureSpec {
    Measure kind = Measure::Count;
    std::string field;  ///< sum and mean
};
/// count | area | length | sum:FIELD | mean:FIELD; UsageError otherwise.
MeasureSpec parseMeasure(const std::string& text);
std::string measureId(const MeasureSpec& m);  ///< as parsed: "sum:area_m2"

/// Which features of which file.
struct LayerSource {
    std::filesystem::path file;
    std::string layer;      ///< empty: the first layer
    std::string where;      ///< an attribute filter in GDAL's SQL dialect (OGR SQL / SQLite); empty: all
    std::string layerCrs;   ///< the CRS to assume when the layer declares none (else such a layer is refused)
    unsigned threads = 0;   ///< 0: at most 2, GeoPackages only (FID ranges)
    /// Read through GDAL's feature reader even where the GeoPackage fast path applies (the tests that compare the two;
    /// the command line sets it from GZPLAN_READER=gdal for the benchmark).
    bool gdalReader = false;
};

/// A run its progress callback stopped.
class Cancelled : public std::runtime_error {
public:
    Cancelled() : std::runtime_error("cancelled") {}
};

/// Features read so far and how many the layer holds (-1 when GDAL cannot tell cheaply), called from the reading
/// threads every few thousand features (so it must be thread-safe); false stops the run: Cancelled is thrown.
using Progress = std::function<bool(std::uint64_t read, std::int64_t total)>;

struct StatsOptions {
    LayerSource source;
    std::string groupField;  ///< a field to group by (地类); empty: no groups
    MeasureSpec measure;
    Progress progress;  ///< may be empty
};

/// One unit × group.
struct StatsRow {
    std::string unitId, unitName, unitNameEn;
    std::string group;               ///< the group field's value; empty without groups
    std::uint64_t features = 0;      ///< features assigned by inside point (count) — for area/length: features with a part in the unit
    double value = 0;                ///< the measure: count, m², m, sum or mean
    bool schematic = false;
};

struct StatsResult {
    UnitKind by = UnitKind::County;
    double distanceM = 0;
    MeasureSpec measure;
    std::string unitWord;            ///< m², m, or the field's name, or features
    std::vector<StatsRow> rows;      ///< per unit in unit order, groups in first-seen order; units with nothing have a row per group with 0
    /// Per group (and "" for all groups together): the layer's total, what lies in no unit of the kind
    /// ("outside"), and for classes the counties in any class counted once ("any").
    std::vector<StatsRow> totals;
    std::vector<std::string> groups; ///< in first-seen order
    std::uint64_t featuresRead = 0;
    std::uint64_t featuresCut = 0;   ///< features cut at a boundary with GEOS
    std::string method, methodEn;    ///< how it was measured (projection, ellipsoid, assignment)
    std::vector<std::string> notes, notesEn;  ///< schematic units, partial members left out, the CRS read
    std::string layerName, layerCrs;
    double seconds = 0;
};


/// Measures the layer by every unit of `by` (corridors at distanceM). Throws DataError (file, layer, field, CRS),
/// UsageError (a measure the geometry cannot have, a field that does not exist or is not numeric).
StatsResult computeStats(const PlanUnits& units, UnitKind by, double distanceM, const StatsOptions& options);
/// Several kinds at once (county, class and zone…): one reading and one overlay, a result per kind in order.
std::vector<StatsResult> computeStats(const PlanUnits& units, const std::vector<std::pair<UnitKind, double>>& by, const StatsOptions& options);
/// The same, measured the plain way: every feature intersected with every unit's whole shape with GEOS
/// (for the tests; slow). Only count, area, length, sum.
StatsResult bruteForceStats(const PlanUnits& units, UnitKind by, double distanceM, const StatsOptions& options,
                            std::size_t maxFeatures = SIZE_MAX);

/// Location conditions of a selection; each present one must hold.
struct SelectOptions {
    LayerSource source;
    std::vector<Unit> within;      ///< the feature's inside point lies in each
    std::vector<Unit> intersects;  ///< the feature intersects each
    std::vector<Unit> near;        ///< corridor buffers: intersects each (distance in the Albers projection)
};
/// FIDs of the selected features, ascending.
std::vector<std::int64_t> selectFeatures(const PlanUnits& units, const SelectOptions& options);
/// The same by brute force (GEOS predicates on every feature; for the tests).
std::vector<std::int64_t> bruteForceSelect(const PlanUnits& units, const SelectOptions& options);

/// Writes those features of the source (all fields, geometry as read) to a new GeoPackage or any format the
/// exporter writes (by extension: .gpkg .shp .geojson .csv), through a temporary file renamed at the end;
/// `force` replaces an existing file. Throws DataError.
void writeFeatures(const LayerSource& source, const std::vector<std::int64_t>& fids, const std::filesystem::path& out, bool force);

/// gzplan annotate: each feature with its county code and name, prefecture, classes, zones and central city, by its
/// inside point; with split, cut at county boundaries (one output feature per part, with its area or length).
struct AnnotateOptions {
    LayerSource source;
    std::filesystem::path out;
    bool split = false;
    bool force = false;
};
struct AnnotateResult {
    std::uint64_t features = 0, written = 0, outside = 0;
};
AnnotateResult annotate(const PlanUnits& units, const AnnotateOptions& options);

/// A table (CSV or XLSX, read through GDAL) joined to counties by a key column of codes or names.
struct JoinOptions {
    std::filesystem::path table;
    std::string sheet;   ///< XLSX: the sheet (default the first)
    std::string key;     ///< the column holding county codes or names (old names and codes resolve)
    std::string encoding;  ///< CSV: UTF-8 (default) or GBK
};
struct JoinedRow {
    std::size_t line = 0;          ///< the row's line in the file (header = 1)
    std::string keyText;
    const County* county = nullptr;
    std::vector<std::string> values;  ///< in columns order
    std::string problem;           ///< why it did not match (unknown name, ambiguous, a county twice)
};
struct JoinResult {
    std::vector<std::string> columns;  ///< the table's columns, key included
    std::vector<JoinedRow> rows;       ///< every row of the table
    std::vector<const County*> missing; ///< counties no row names
    std::size_t matched() const;
};
JoinResult joinTable(const PlanQuery& query, const JoinOptions& options);
/// The counties with the joined columns (numbers as reals where every matched value is one) to a GeoPackage,
/// shapefile or GeoJSON (by extension), temporary file renamed.
void writeJoined(const Geography& geography, const JoinResult& join, const std::filesystem::path& out, bool force);

/// A plain table (a header, rows of text; a column is written as a real when every non-empty cell is a number)
/// to CSV (UTF-8 with BOM) or XLSX through GDAL, into a temporary folder renamed at the end.
struct PlainTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;
    std::string sheet = "table";
};
void writeTable(const PlainTable& table, const std::filesystem::path& out, bool force);

/// A column of a streamed table and how its cells are written (Integer and Real: numbers in the XLSX).
struct TableColumn {
    enum class Kind { Text, Integer, Real };
    std::string name;
    Kind kind = Kind::Text;
};
/// Rows pulled one at a time: fills row (one value per column; nullopt: an empty cell) and returns false after the
/// last. May throw (ExportCancelled, DataError): nothing is written then.
using TableRows = std::function<bool(std::vector<std::optional<std::string>>& row)>;
/// The one CSV/XLSX table writer (writeTable and writeAttributeTable are it): CSV in UTF-8 with a BOM, XLSX one
/// sheet, through GDAL into a folder beside out renamed over it at the end (an existing out only with force); a
/// failure or a cancel leaves out as it was.
void writeTableRows(const std::vector<TableColumn>& columns, const std::string& sheet, const TableRows& next,
                    const std::filesystem::path& out, bool force);

/// The rows XLSX holds in a sheet below its header row.
constexpr std::size_t kXlsxMaxRows = 1048575;

struct AttributeExportOptions {
    /// Fields by index, in the order written (the window's column order); empty: every field in the layer's order.
    std::vector<int> columns;
    /// Only these FIDs (ascending) — those in the table's current order (its filter), in that order; nothing: all rows.
    std::optional<std::vector<std::int64_t>> onlyFids;
    /// Called every few thousand rows with the rows written and the total; false cancels (ExportCancelled).
    std::function<bool(std::size_t done, std::size_t total)> progress;
    bool force = false;
};
/// The rows of an attribute table in its current order and filter (AttributeTable::applyOrder) to CSV or XLSX by
/// writeTableRows, the header the layer's field names; integers and reals as numbers. Returns the rows written.
/// An XLSX of more than kXlsxMaxRows rows is refused (DataError saying to write a CSV).
std::size_t writeAttributeTable(AttributeTable& table, const std::filesystem::path& out, const AttributeExportOptions& options);

/// The result as a table: unit id, name, English name, group, features, value, schematic; then the totals.
PlainTable statsTable(const StatsResult& result);

}  // namespace layers::analysis

namespace layers::analysis {

/// Everything the analysis commands need from the build's GeoPackage, read once: the counties, prefectures and
/// province, the plan tables, the plan's layers, the query over them and the units. Heap-held so the references
/// between them stay valid.
struct PlanContext {
    Geography geography;
    PlanData plan;
    PlanGeometry geometry;
    std::unique_ptr<PlanQuery> query;
    std::unique_ptr<PlanUnits> units;
    ~PlanContext();
};
/// Throws DataError naming the file and what is missing.
std::unique_ptr<PlanContext> loadPlanContext(const DataLocation& geopackage);

}  // namespace layers::analysis
