#include "layers/echarts_map.h"

#include <cpl_json.h>

#include <cmath>

#include "layers/errors.h"
#include "layers/names.h"

namespace layers {

namespace {
/// UTF-8 to UTF-16 code units, as JavaScript's charCodeAt sees the string.
std::u16string toUtf16(const std::string& s)
{
    std::u16string out;
    for (char32_t cp : codePoints(s)) {
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
            out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
        } else {
            out.push_back(static_cast<char16_t>(cp));
        }
    }
    return out;
}

// CPLJSONArray::operator[] on something that is not an array aborts inside json-c: every item is checked first.
geo::Ring plainRing(const CPLJSONArray& points, const std::string& where)
{
    geo::Ring ring;
    for (int i = 0; i < points.Size(); ++i) {
        CPLJSONArray xy = points[i].ToArray();
        if (!xy.IsValid() || xy.Size() < 2)
            throw DataError(where, "point " + std::to_string(i) + " is not [lon, lat]");
        ring.push_back({xy[0].ToDouble(), xy[1].ToDouble()});
    }
    if (!ring.empty() && !(ring.front() == ring.back()))
        ring.push_back(ring.front());
    return ring;
}

geo::Polygon readPolygon(const CPLJSONArray& rings, const CPLJSONArray& offsets, bool encoded, double scale, const std::string& where)
{
    geo::Polygon polygon;
    for (int r = 0; r < rings.Size(); ++r) {
        geo::Ring ring;
        if (encoded) {
            const CPLJSONArray offset = offsets.IsValid() && r < offsets.Size() ? offsets[r].ToArray() : CPLJSONArray();
            const double x = offset.Size() >= 2 ? offset[0].ToDouble(NAN) : NAN, y = offset.Size() >= 2 ? offset[1].ToDouble(NAN) : NAN;
            // offsets are in 1/scale degrees: anything beyond ±2^31 is not a position (and would overflow the decoder)
            if (!(std::abs(x) < 2147483648.0 && std::abs(y) < 2147483648.0))
                throw DataError(where, "ring " + std::to_string(r) + " has no valid encodeOffsets [x, y]");
            ring = decodeEChartsRing(rings[r].ToString(), x, y, scale);
        } else {
            ring = plainRing(rings[r].ToArray(), where);
        }
        if (r == 0)
            polygon.outer = std::move(ring);
        else
            polygon.holes.push_back(std::move(ring));
    }
    return polygon;
}
}  // namespace

geo::Ring decodeEChartsRing(const std::string& encoded, double offsetX, double offsetY, double scale)
{
    const std::u16string units = toUtf16(encoded);
    geo::Ring ring;
    ring.reserve(units.size() / 2 + 1);
    long prevX = static_cast<long>(offsetX), prevY = static_cast<long>(offsetY);
    for (std::size_t i = 0; i + 1 < units.size(); i += 2) {
        long x = static_cast<long>(units[i]) - 64;
        long y = static_cast<long>(units[i + 1]) - 64;
        x = (x >> 1) ^ (-(x & 1));  // zigzag
        y = (y >> 1) ^ (-(y & 1));
        x += prevX;                  // delta
        y += prevY;
        prevX = x;
        prevY = y;
        ring.push_back({static_cast<double>(x) / scale, static_cast<double>(y) / scale});
    }
    if (!ring.empty() && !(ring.front() == ring.back()))
        ring.push_back(ring.front());
    return ring;
}

std::vector<NamedShape> readEChartsMap(const std::filesystem::path& file)
{
    CPLJSONDocument doc;
    if (!doc.Load(file.string()))
        throw DataError(file.string(), "not a readable JSON file");
    const CPLJSONObject root = doc.GetRoot();
    const bool encoded = root.GetBool("UTF8Encoding", false);
    const double scale = root.GetDouble("UTF8Scale", 1024);
    if (!(scale > 0 && std::isfinite(scale)))
        throw DataError(file.string(), "UTF8Scale must be a positive number");
    const CPLJSONArray features = root.GetArray("features");
    if (!features.IsValid())
        throw DataError(file.string(), "no 'features' array");
    std::vector<NamedShape> out;
    for (int f = 0; f < features.Size(); ++f) {
        const CPLJSONObject feature = features[f];
        NamedShape shape;
        shape.name = feature.GetString("properties/name");
        shape.id = feature.GetString("properties/id", feature.GetString("id"));
        if (const CPLJSONArray cp = feature.GetArray("properties/cp"); cp.IsValid()) {
            // Checked item by item, as the rings: a malformed point is an error, not a point at (0, 0).
            const double x = cp.Size() == 2 ? cp[0].ToDouble(NAN) : NAN, y = cp.Size() == 2 ? cp[1].ToDouble(NAN) : NAN;
            if (!(std::abs(x) <= 180 && std::abs(y) <= 90))
                throw DataError(file.string(), "feature " + std::to_string(f) + " (" + shape.name + "): properties.cp is not [lon, lat]");
            shape.cp = geo::Point{x, y};
        }
        const std::string type = feature.GetString("geometry/type");
        const CPLJSONArray coordinates = feature.GetArray("geometry/coordinates");
        const CPLJSONArray offsets = feature.GetArray("geometry/encodeOffsets");
        if (!coordinates.IsValid() || (encoded && !offsets.IsValid()))
            throw DataError(file.string(), "feature " + std::to_string(f) + " (" + shape.name + "): no coordinates or encodeOffsets");
        const std::string where = file.string() + ", feature " + std::to_string(f) + " (" + shape.name + ")";
        if (type == "Polygon") {
            shape.shape.push_back(readPolygon(coordinates, offsets, encoded, scale, where));
        } else if (type == "MultiPolygon") {
            for (int p = 0; p < coordinates.Size(); ++p)
                shape.shape.push_back(readPolygon(coordinates[p].ToArray(), encoded ? offsets[p].ToArray() : CPLJSONArray(), encoded, scale, where));
        } else {
            throw DataError(file.string(), "feature " + std::to_string(f) + " (" + shape.name + "): unsupported geometry type '" + type + "'");
        }
        out.push_back(std::move(shape));
    }
    return out;
}

}  // namespace layers
