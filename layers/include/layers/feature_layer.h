#pragma once
// A user's vector layer (anything GDAL reads: GeoPackage, Shapefile, GeoJSON, FlatGeobuf, …) held in a compact
// in-memory form for drawing and identify at a million features:
//
//   - geometry only, already in the display CRS, as 32-bit integer coordinates on a fixed grid (origin + unit,
//     the unit chosen so the layer's extent spans at most 2^30 units: well under a millimetre for a province in
//     metres). Polygons are flattened to rings (outer rings and holes alike: drawing and the point test are
//     even-odd), lines to parts, points to single vertices;
//   - per feature: its FID in the source, float bounds, and a small category number for the style field
//     (a text field with few distinct values, e.g. 地类 / landuse), dictionary-encoded;
//   - an R-tree (geo::BoxIndex) over the feature bounds.
//
// Attributes other than the style field stay in the file: identify reads the feature by FID through GDAL.
// GeoPackages are read by two threads over FID ranges, each with its own GDAL dataset and PROJ transformation.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/box_index.h"
#include "geo/geometry.h"

namespace layers {

namespace detail::features {
struct ReadJob;
}

enum class FeatureKind { Points, Lines, Polygons };

struct FeatureLayerOptions {
    std::string layer;          ///< layer name in the file; empty: the first layer
    std::string displayCrs;     ///< EPSG:n, PROJ string or WKT
    std::string styleField;     ///< text field to categorise by; empty: "landuse"/"地类"/"dlmc" or the first text field with few values
    unsigned threads = 0;       ///< reader threads (0: hardware concurrency, at most 2 for GeoPackage FID ranges)
    /// A feature GDAL cannot read whole (a CSV row whose WKT is not a geometry, a GeoJSON geometry that does not
    /// parse, a read error) makes the load fail (DataError naming the feature); with skipBad it is left out
    /// and counted in skipped().
    bool skipBad = false;
    /// Only the features whose bounds meet this box, in the layer's own CRS (GDAL's spatial filter: a PostGIS table
    /// answers it from its GiST index). The layer's grid is made from the box. For ViewportLayer.
    std::optional<geo::Box> sourceBox;
    /// The style field's first categories, in this order (category k is categories[k]), so that layers read one
    /// view at a time share one legend; other values follow.
    std::vector<std::string> categories;
    /// Set by another thread: the load stops (LoadCancelled) at the next feature or page of rows (a view moved on).
    const std::atomic<bool>* cancel = nullptr;
    /// A view of a PostGIS table (sourceBox set) is read through libpq's binary rows; true: through GDAL's
    /// PostgreSQL driver instead (the test that shows the two equal; the benchmark).
    bool gdalReader = false;
};

/// Share done (0..1); returning false cancels the load (LoadCancelled is thrown).
using LoadProgress = std::function<bool(double done)>;

class LoadCancelled : public std::runtime_error {
public:
    LoadCancelled() : std::runtime_error("loading cancelled") {}
};

/// The memory a layer may take as it loads: the least of the system's MemAvailable (/proc/meminfo), the
/// address-space limit (RLIMIT_AS, ulimit -v) less what the process maps already and a reserve for the loading
/// threads, the cgroup's memory.max less its memory.current, and GZPLAN_MEMORY_LIMIT (MB) when set.
struct MemoryBudget {
    std::uint64_t bytes = 0;
    std::string limitedBy;  ///< which of these it is, for messages
};
MemoryBudget availableMemory();

/// The peak a load of `features` features with `vertices` vertices needs: 8 bytes a vertex in the layer plus 8
/// in the chunks being merged, ~120 bytes a feature (bounds, rings, FID, category, R-tree, twice while
/// merging) and 64 MB for GDAL and the readers' buffers.
std::uint64_t loadMemoryNeeded(std::uint64_t features, std::uint64_t vertices);

/// One attribute of an identified feature, as text.
struct FeatureAttribute {
    std::string name;
    std::string value;
};

class FeatureLayer {
public:
    /// Reads a layer. Throws DataError naming the file (and layer / feature) when it cannot be read, LoadCancelled.
    static std::shared_ptr<FeatureLayer> load(const std::filesystem::path& file, const FeatureLayerOptions& options,
                                              const LoadProgress& progress = {});
    ~FeatureLayer();

    const std::filesystem::path& file() const { return m_file; }
    const std::string& layerName() const { return m_layerName; }
    const std::string& displayCrs() const { return m_displayCrs; }
    FeatureKind kind() const { return m_kind; }
    std::size_t size() const { return m_fids.size(); }
    std::size_t vertexCount() const { return m_xy.size() / 2; }

    /// The grid: display coordinate = origin + unit * integer.
    geo::Point origin() const { return m_origin; }
    double unit() const { return m_unit; }
    /// Display-CRS extent of all features.
    geo::Box extent() const { return m_extent; }

    /// Rings (or line parts) of feature i: indices into ringStart, [featureRings[i], featureRings[i+1]).
    std::span<const std::uint32_t> featureRings() const { return m_featureRings; }
    /// Vertices of ring r: [ringStart[r], ringStart[r+1]) into xy (pairs).
    std::span<const std::uint32_t> ringStart() const { return m_ringStart; }
    std::span<const std::int32_t> xy() const { return m_xy; }
    std::span<const geo::FloatBox> bounds() const { return m_bounds; }
    std::span<const std::uint16_t> categories() const { return m_category; }
    std::int64_t fid(std::size_t i) const { return m_fids[i]; }
    /// The feature with this FID in the source, or nothing (thread-safe; the first call on a layer whose FIDs are
    /// not ascending sorts an index of them once).
    std::optional<std::uint32_t> indexOfFid(std::int64_t fid) const;
    /// GDAL open options every later read of the file needs (a shapefile's inferred ENCODING=CP936), for readers of
    /// its other attributes (AttributeTable::open).
    const std::vector<std::string>& openOptions() const { return m_openOptions; }

    /// The style field and its distinct values (category k is categoryNames()[k]); empty when none.
    const std::string& styleField() const { return m_styleField; }
    const std::vector<std::string>& categoryNames() const { return m_categoryNames; }

    /// Ids of features whose bounds intersect box (display CRS), ascending.
    std::vector<std::uint32_t> query(const geo::Box& box) const;
    /// The topmost (highest id) feature containing p (polygons: even-odd; points/lines: within tolerance, in
    /// display units), or nothing. Uses the R-tree; featureAtBruteForce scans every feature (for tests).
    std::optional<std::uint32_t> featureAt(geo::Point p, double tolerance = 0) const;
    std::optional<std::uint32_t> featureAtBruteForce(geo::Point p, double tolerance = 0) const;
    /// Every attribute of feature i read from the file by FID (thread-safe). Throws DataError.
    std::vector<FeatureAttribute> attributes(std::uint32_t i) const;

    /// Memory held: coordinates, offsets, bounds, categories, fids and the R-tree, in bytes.
    std::size_t memoryBytes() const;
    /// What the same coordinates take as GDAL reads them (two doubles per vertex).
    std::size_t rawCoordinateBytes() const { return vertexCount() * 2 * sizeof(double); }
    /// Seconds the load took (read + project + index).
    double loadSeconds() const { return m_loadSeconds; }
    /// Features left out with skipBad, and why the first of them was (empty when none).
    std::size_t skipped() const { return m_skipped; }
    const std::string& firstSkipped() const { return m_firstSkipped; }
    /// What the user should know about how the file was read (an encoding inferred), one sentence each.
    const std::vector<std::string>& notes() const { return m_notes; }

private:
    FeatureLayer();  // where Reader is complete (feature_identify.cpp)
    /// Merges the readers' chunks into the arrays below and builds the R-tree (feature_store.cpp).
    void store(std::vector<detail::features::ReadJob>& jobs, bool deferGrid, const LoadProgress& progress);
    bool featureContains(std::uint32_t i, double x, double y, double tolerance) const;

    std::filesystem::path m_file;
    std::string m_layerName;
    std::string m_displayCrs;
    FeatureKind m_kind = FeatureKind::Polygons;
    geo::Point m_origin;
    double m_unit = 1;
    geo::Box m_extent = geo::Box::empty();
    std::vector<std::int32_t> m_xy;
    std::vector<std::uint32_t> m_ringStart;
    std::vector<std::uint32_t> m_featureRings;
    std::vector<geo::FloatBox> m_bounds;
    std::vector<std::uint16_t> m_category;
    std::vector<std::int64_t> m_fids;
    std::string m_styleField;
    std::vector<std::string> m_categoryNames;
    geo::BoxIndex m_index;
    double m_loadSeconds = 0;
    std::size_t m_skipped = 0;
    std::string m_firstSkipped;
    std::vector<std::string> m_notes;
    std::vector<std::string> m_openOptions;  ///< GDAL open options for every later read (identify)

    /// What the file (and a shapefile's .dbf) was when the layer was read: identify refuses to read attributes
    /// from a file replaced or changed since, as they would not match what is drawn.
    struct FileStamp {
        std::string path;
        std::uint64_t inode = 0, size = 0;
        std::int64_t modifiedNs = 0;
        bool operator==(const FileStamp&) const = default;
    };
    static std::vector<FileStamp> stampsOf(const std::filesystem::path& file);
    std::vector<FileStamp> m_stamps;

    /// Feature indices sorted by FID, for indexOfFid when m_fids is not ascending (built once, on first use).
    mutable std::once_flag m_fidIndexOnce;
    mutable std::vector<std::uint32_t> m_fidIndex;
    mutable bool m_fidsAscending = false;

    struct Reader;  // lazily opened dataset for attributes()
    mutable std::mutex m_readerMutex;
    mutable std::unique_ptr<Reader> m_reader;
};

}  // namespace layers
