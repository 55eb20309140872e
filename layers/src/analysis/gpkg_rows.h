#pragma once
// Internal (analysis): the fast path for reading a GeoPackage table: SQLite itself over a FID range, the geometry
// blob decoded straight into lon/lat parts, no OGRFeature or OGRGeometry per row. GDAL's reader spends most of a
// statistics run building and freeing those (tests/bench/analysis_bench.sh, "reader" rows); LayerReader takes this
// path only where it gives what GDAL's gives (a GeoPackage in CGCS2000, no expression, plain field types), and the
// test Analysis.FastReaderEqualsGdal shows it does, row by row, on parcels, squares with holes, lines, points,
// Z/M coordinates, empty and null geometries and curves.

#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "geo/geometry.h"

struct sqlite3;
struct sqlite3_stmt;

namespace layers::analysis::detail {

/// A feature's geometry as lon/lat parts (curves linearised): what the overlay measures.
struct Shape {
    geo::MultiPolygon polygons;
    std::vector<geo::Line> lines;
    std::vector<geo::Point> points;
    void clear()
    {
        polygons.clear();
        lines.clear();
        points.clear();
    }
    bool empty() const { return polygons.empty() && lines.empty() && points.empty(); }
};

/// One field's value as the visitor sees it.
struct FieldValue {
    bool null = true;
    double number = 0;
    std::string text;
};

/// A feature: FID, the fields asked for (in the order asked), the geometry.
struct Row {
    std::int64_t fid = 0;
    std::vector<FieldValue> values;
    Shape shape;
};

/// Appends the parts of a GeoPackage geometry blob (header + ISO WKB) to shape, as collect() appends an
/// OGRGeometry's: polygons with an outer ring of at least 4 points (rings closed), lines of at least 2 points,
/// points that are not empty; Z and M dropped. Types the fast decoder does not know (curves, surfaces) go through
/// GDAL's WKB reader. Returns false for a blob that is not a GeoPackage geometry (the caller names the feature).
bool decodeGpkgGeometry(const unsigned char* blob, std::size_t size, Shape& shape);

/// The lowest and highest FID of a GeoPackage table (hi < lo when it is empty), from the rowid B-tree's ends.
std::pair<std::int64_t, std::int64_t> gpkgFidRange(const std::string& file, const std::string& table, const std::string& fidColumn);

/// A read-only SQLite statement over one table of a GeoPackage: fid, geometry, the given columns, fid in [first, last].
class GpkgRows {
public:
    GpkgRows(const std::string& file, const std::string& table, const std::string& fidColumn, const std::string& geometryColumn,
             const std::vector<std::string>& columns, std::int64_t first, std::int64_t last);
    ~GpkgRows();
    GpkgRows(const GpkgRows&) = delete;
    GpkgRows& operator=(const GpkgRows&) = delete;
    /// The next row into row (values resized to the columns); false at the end. Throws DataError on a bad blob.
    bool next(Row& row);

private:
    std::string m_file, m_table;
    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statement = nullptr;
    std::size_t m_columns = 0;
};

}  // namespace layers::analysis::detail
