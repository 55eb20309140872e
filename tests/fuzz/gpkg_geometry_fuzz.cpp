// Fuzz target: the GeoPackage geometry blob decoder of the analysis reader's fast path
// (layers/src/analysis/gpkg_rows.h, decodeGpkgGeometry): header, envelope, ISO WKB of every kind, nested collections,
// curves handed to GDAL. Any bytes: false or parts, never a read outside the blob; what it returns keeps collect()'s
// rules (rings closed with at least 4 points, lines of at least 2).

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "analysis/gpkg_rows.h"
#include "fuzz_support.h"

namespace {
/// Closed as the decoder closes a ring: equal, or the first point copied (NaN is not equal to itself).
bool closed(const geo::Ring& r) { return r.front() == r.back() || std::memcmp(&r.front(), &r.back(), sizeof(geo::Point)) == 0; }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::quietGdal();
    layers::analysis::detail::Shape shape;
    if (!layers::analysis::detail::decodeGpkgGeometry(data, size, shape))
        return 0;
    for (const geo::Polygon& p : shape.polygons) {
        if (p.outer.size() < 4 || !closed(p.outer))
            __builtin_trap();
        for (const geo::Ring& h : p.holes)
            if (h.size() < 4 || !closed(h))
                __builtin_trap();
    }
    for (const geo::Line& l : shape.lines)
        if (l.size() < 2)
            __builtin_trap();
    return 0;
}
