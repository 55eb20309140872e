#pragma once
// Synthetic land-use parcels over Guizhou: a scale dataset (about a million polygons) for performance work on
// big layers. `gzplan make-parcels` is its command line.
//
// The parcels are a jittered grid in lon/lat (EPSG:4490) cut exactly at the county boundaries:
// - Grid: step = kParcelBaseStep · sqrt(kDefaultParcelCount / count) degrees, origin on a multiple of the step
//   one cell south-west of the province's bounds. Every cell is a 9-point ring (4 corners, 4 edge midpoints and
//   the closing point), counter-clockwise. Each vertex is moved by up to ±10% of the step in x and in y, by a
//   hash of its grid node (corners) or grid edge (midpoints) and the seed, so neighbouring cells share their
//   vertices exactly and the cells tile the plane without gaps or overlaps; with jitter below 12.5% of the step
//   every ring is simple.
// - Cut: a cell lying wholly inside one county (GEOS prepared containsProperly) is written whole; a cell crossing
//   county boundaries is intersected (GEOS) with each county it touches, and every polygon of each intersection
//   becomes one feature (the layer is Polygon, never MultiPolygon; a cell cut into two polygons of the same county
//   gives two features). Cells outside the province, parts of cells in the gaps between counties, and pieces
//   smaller than 1 m² (slivers where a county boundary runs almost along a cell edge) are dropped. Where two source counties overlap (a few km² of the source data, see the build log), the county
//   with the lower code keeps the overlap, so no two parcels overlap.
// - Attributes: id (1..N, also the feature id), county (6-digit code), landuse (one of the 16 landUseCategories(),
//   deterministic from hashes: Voronoi patches of about 2.5 km, finer built-up patches around the county seats),
//   area_m2 (planar area in the Albers equal-area projection geo::crs::kAlbersChina, as counties' area_km2).
// - Output: one GeoPackage layer `parcels` (EPSG:4490, Polygon, R-tree spatial index), written inside one
//   transaction into a temporary file renamed over the target when complete.
// - Deterministic: the same geography, count and seed give the same features in the same order (row-major from
//   the south-west cell), whatever the number of threads.

#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "layers/geography.h"

namespace layers {

inline constexpr const char* kParcelLayer = "parcels";
/// The full set: about 1.04 million parcels at kParcelBaseStep.
inline constexpr std::size_t kDefaultParcelCount = 1037200;
inline constexpr double kParcelBaseStep = 0.004;  ///< degrees, for kDefaultParcelCount
inline constexpr std::size_t kMinParcelCount = 1000;
inline constexpr std::size_t kMaxParcelCount = 20000000;

/// A land-use category in the style of the third national land survey (第三次全国国土调查, 三调) classification:
/// first-level classes, with second-level ones where the first level mixes urban and rural uses.
struct LandUse {
    const char* code;      ///< 三调 code: 01 耕地 … 0701 城镇住宅用地 …
    const char* name;      ///< Chinese name, the value of the `landuse` field
    const char* nameEn;    ///< English name (their map colours are the style's: share/styles/default.json, layer "user")
};

/// The 16 categories in a fixed order (the index is stable: 耕地 0 … 其他土地 15).
const std::array<LandUse, 16>& landUseCategories();
/// Index of a category by its Chinese name, or -1.
int landUseIndex(const std::string& name);

struct ParcelOptions {
    std::size_t count = kDefaultParcelCount;  ///< target number of features: scales the grid step (±a few %)
    unsigned seed = 1;                        ///< jitter and land use
    bool force = false;                       ///< replace an existing file
    unsigned threads = 0;                     ///< workers classifying and clipping cells; 0: hardware threads (≤ 8)
};

struct ParcelReport {
    std::filesystem::path file;
    std::size_t features = 0;       ///< whole cells + clipped pieces
    std::size_t wholeCells = 0;     ///< cells inside one county, written as generated
    std::size_t clippedPieces = 0;  ///< polygons of cells cut at county boundaries
    std::size_t cutCells = 0;       ///< cells that were cut (each gives one or more pieces)
    std::size_t slivers = 0;        ///< pieces under 1 m² dropped (slivers along the source boundaries)
    std::size_t columns = 0, rows = 0;  ///< grid over the province's bounds
    double step = 0;                ///< degrees
    double areaKm2 = 0;             ///< sum of area_m2 / 1e6
    std::array<std::size_t, 16> perLandUse{};
    double seconds = 0;             ///< wall time, generation and writing
    std::uintmax_t bytes = 0;       ///< size of the GeoPackage
};

/// Called from the calling thread with the share done (0..1) and the stage; returning false cancels.
using ParcelProgress = std::function<bool(double done, const std::string& what)>;

class ParcelsCancelled : public std::runtime_error {
public:
    ParcelsCancelled() : std::runtime_error("cancelled; nothing was written") {}
};

/// The grid step in degrees for a target count. Throws std::invalid_argument outside kMinParcelCount..kMaxParcelCount.
double parcelStep(std::size_t count);

/// Generates the parcels of the geography's counties and writes them to a GeoPackage. Throws
/// std::invalid_argument for a bad count, DataError when out exists without force or GDAL fails,
/// ParcelsCancelled when progress returned false; the target is untouched on any failure.
ParcelReport makeParcels(const Geography& geography, const std::filesystem::path& out, const ParcelOptions& options,
                         const ParcelProgress& progress = {});

}  // namespace layers
