#pragma once
// Reads the map JSON files shipped with ECharts 4 (map/json/china.json, province/*.json). Their coordinates are
// "UTF8Encoding": each ring is a string of zigzag, delta-encoded, 1/1024-degree quantised code units starting
// from geometry.encodeOffsets. The JSON itself is parsed by GDAL's CPLJSONDocument.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace layers {

struct NamedShape {
    std::string id;    ///< properties.id or the feature id
    std::string name;  ///< properties.name
    geo::MultiPolygon shape;  ///< lon/lat degrees, datum undocumented (treated as CGCS2000)
    std::optional<geo::Point> cp;  ///< properties.cp, the feature's point (a province map's city seats), when given
};

/// Decodes one encoded ring (UTF-8 text of the JSON string). Rings are returned closed.
geo::Ring decodeEChartsRing(const std::string& encoded, double offsetX, double offsetY, double scale = 1024);

/// All features of an ECharts map file, decoded when UTF8Encoding is set. Throws DataError naming the file
/// and feature on malformed content.
std::vector<NamedShape> readEChartsMap(const std::filesystem::path& file);

}  // namespace layers
