#pragma once
// The rivers layer: WDBII river lines of Debian's GSHHG data (package gmt-gshhg-high), which the build extracts with
// the Generic Mapping Tools (share/scripts/gshhg_rivers.cmake: one `gmt coast -I<level> -M -Dh` per level, written in
// GMT's OGR/GMT format) and this reads through GDAL's OGR_GMT driver. GMT cuts the lines at the edges of its 1°
// bins; they are joined again with GEOS LineMerge and clipped to the region with GEOS ClipByRect.
// WDBII has no names, and no public source on this machine names these lines: every river is left unnamed.

#include <filesystem>
#include <vector>

#include "geo/geometry.h"
#include "layers/geography.h"

namespace layers {

struct RiverData {
    std::vector<River> rivers;   ///< by level (riverLevels()' order), then as merged
    SourceRecord source;         ///< the Debian package: version, data file, sha256, licence, what was kept
    std::vector<LogRecord> log;  ///< per level: pieces read, lines and vertices kept
    geo::Box region;             ///< the clip box, lon/lat
};

/// Reads <dir>/manifest.csv and <dir>/level<N>.gmt for each level the manifest lists. Throws DataError naming the
/// file when one is missing or unreadable, the manifest lacks a key, a level is not one of riverLevels() or one of
/// them is missing, or a level has no line in the region.
RiverData readGshhgRivers(const std::filesystem::path& dir);

/// "west/east/south/north" (GMT's -R) as a box; throws DataError (what names the source) when malformed.
geo::Box parseRegion(const std::string& region, const std::string& what);

}  // namespace layers
