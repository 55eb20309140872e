// Fuzz target: the ECharts map decoder (layers/echarts_map.h). The input is written as a .json map file and read
// with readEChartsMap (GDAL's CPLJSONDocument, then the UTF8Encoding rings); the same bytes are also decoded as
// one encoded ring. DataError is the expected refusal; every decoded ring must be closed.

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "layers/echarts_map.h"
#include "layers/errors.h"

namespace {

void checkClosed(const geo::Ring& ring)
{
    if (!ring.empty() && !(ring.front().x == ring.back().x && ring.front().y == ring.back().y)) {
        // NaN coordinates compare unequal; only a ring of ordinary numbers must be closed exactly.
        if (ring.front().x == ring.front().x && ring.front().y == ring.front().y)
            __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::quietGdal();
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    checkClosed(layers::decodeEChartsRing(bytes, 104.0, 26.0));

    const auto file = fuzz::tempDir() / "map.json";
    fuzz::writeFile(file, bytes);
    try {
        for (const layers::NamedShape& s : layers::readEChartsMap(file))
            for (const geo::Polygon& polygon : s.shape) {
                checkClosed(polygon.outer);
                for (const geo::Ring& hole : polygon.holes)
                    checkClosed(hole);
            }
    } catch (const layers::DataError& e) {
        fuzz::refused(e);
    }
    return 0;
}
