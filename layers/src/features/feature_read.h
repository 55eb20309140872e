#pragma once
// Reading a user layer for FeatureLayer::load (internal to layers): the reader threads' jobs, the chunks they
// fill (coordinates already on the layer's integer grid), and what load asks of a GDAL layer first.

#include <atomic>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include <ogrsf_frmts.h>

#include "geo/box_index.h"
#include "geo/geometry.h"
#include "layers/feature_layer.h"

namespace layers::detail::features {

constexpr double kGridSpan = 1073741824.0;  // 2^30 grid units over the padded extent
constexpr std::size_t kMaxCategories = 1024;  // more distinct values than this: the field is not a category

extern const std::string memoryFix;        ///< how to load less: said whenever memory runs short
extern const std::string notEnoughMemory;  ///< "not enough memory to load it; " + memoryFix

/// Features read by one thread, in FID order, coordinates already in grid units.
struct Chunk {
    std::vector<std::int32_t> xy;
    std::vector<std::uint32_t> ringSize;     // vertices per ring
    std::vector<std::uint32_t> featureRings; // rings per feature
    std::vector<geo::FloatBox> bounds;
    std::vector<std::uint16_t> category;     // thread-local category ids
    std::vector<std::int64_t> fids;
    std::vector<geo::Point> display;          // deferred grid: the display coordinates until the grid is known
};

struct Grid {
    geo::Point origin;
    double unit = 1;
    std::int32_t toGrid(double v, double o) const
    {
        const double g = std::round((v - o) / unit);
        return static_cast<std::int32_t>(std::clamp(g, -2147483647.0, 2147483647.0));
    }
};

struct Range {
    bool filtered = false;
    std::int64_t first = 0, last = 0;
};

struct SharedState {
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stop{false};
};

/// One reader: a FID range of a GeoPackage (or the whole layer), on its own GDAL dataset and PROJ transformation.
struct ReadJob {
    std::string file, layer, sourceCrs, displayCrs, styleField, fidColumn;
    std::vector<std::string> openOptions;  // e.g. ENCODING=CP936 for a GBK shapefile without .cpg
    bool skipBad = false;
    Grid grid;
    bool deferGrid = false;  // no cheap extent: coordinates kept in the display CRS, put on the grid after reading
    Range range;
    std::optional<geo::Box> sourceBox;  // GDAL's spatial filter, in the source CRS
    SharedState* shared = nullptr;
    // results
    std::vector<Chunk> chunks;
    std::vector<std::string> categories;  // thread-local dictionary (given: its first entries)
    std::size_t skipped = 0;
    std::string firstSkipped;
    std::exception_ptr error;
    GDALDatasetUniquePtr opened;  // the handle load() opened, for the one sequential reader (not opened twice)
    bool keepOpened = false;      // hand opened back when done (a pooled PostGIS connection)
    const std::atomic<bool>* cancel = nullptr;  // set by the caller: stop (FeatureLayerOptions::cancel)
    // A view of a PostGIS table read through libpq (readPostgres) rather than GDAL: postgresTable "schema.table"
    // non-empty, with sourceBox, fidColumn, styleField and these.
    std::string postgresLocation, postgresTable, geometryColumn;
    int srid = 0;

    /// Reads; any failure is kept in error (and stops the other readers), never thrown.
    void run();

private:
    void read();
    void readPostgres();
    bool cancelled() const;
};

/// Appends the rings (or parts, or points) of a geometry to points, one size per ring (curves linearised).
void flatten(const OGRGeometry* g, std::vector<geo::Point>& points, std::vector<std::uint32_t>& ringSize);
/// Appends the rings (or parts, or points) of an ISO WKB geometry to points, one size per ring, as flatten() appends
/// GDAL's geometry read from the same WKB. False (and nothing appended) when the bytes are not WKB.
bool flattenWkb(const unsigned char* data, std::size_t size, std::vector<geo::Point>& points, std::vector<std::uint32_t>& ringSize);

/// "EPSG:n" when the layer's CRS has an EPSG code, else its WKT; empty when the layer has no CRS.
std::string crsOf(const OGRLayer& layer);
FeatureKind kindOf(OGRwkbGeometryType type);
/// The field to categorise by: wanted (which must exist), else a text field named like a land-use category, else none.
std::string chooseStyleField(OGRFeatureDefn* defn, const std::string& wanted, const std::string& file);

}  // namespace layers::detail::features
