// Fuzz target: the user-layer loader layers::FeatureLayer::load (render --add, the window's 添加图层) on GeoJSON,
// CSV (WKT), KML, shapefile and GeoPackage bytes; the first byte picks the format (see fuzz_formats.h). A
// loaded layer is then queried (R-tree query and identify, against the brute-force identify) and its
// attributes read, as the window does. DataError / LoadCancelled are the expected refusals.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

#include "fuzz_formats.h"
#include "layers/errors.h"
#include "layers/feature_layer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::quietGdal();
    if (size < 1)
        return 0;
    static constexpr std::array<const char*, 5> kFormats{"geojson", "csv", "kml", "shp", "gpkg"};
    const auto file = fuzz::writeDataset(fuzz::tempDir() / "layer", kFormats, std::string_view(reinterpret_cast<const char*>(data), size));
    layers::FeatureLayerOptions options;
    options.displayCrs = (data[0] / kFormats.size()) % 2 ? "EPSG:4545" : "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +ellps=GRS80";
    options.skipBad = (data[0] / kFormats.size() / 2) % 2;
    options.threads = 1 + (data[0] / kFormats.size() / 4) % 2;
    try {
        const auto layer = layers::FeatureLayer::load(file, options);
        const geo::Box e = layer->extent();
        if (layer->size() > 0 && std::isfinite(e.minX) && std::isfinite(e.minY) && std::isfinite(e.maxX) && std::isfinite(e.maxY)) {
            // float bounds may round a hair outside the double extent
            const double m = 1e-3 * (std::abs(e.minX) + std::abs(e.maxX) + std::abs(e.minY) + std::abs(e.maxY)) + 1;
            const auto all = layer->query({e.minX - m, e.minY - m, e.maxX + m, e.maxY + m});
            std::size_t located = 0;  // features with geometry (an empty one has no valid bounds and is in no query)
            for (const geo::FloatBox& b : layer->bounds())
                located += b.minX <= b.maxX && b.minY <= b.maxY;
            if (all.size() != located)
                __builtin_trap();  // every feature's bounds lie in the layer's extent
            const geo::Point centre{(e.minX + e.maxX) / 2, (e.minY + e.maxY) / 2};
            if (layer->featureAt(centre) != layer->featureAtBruteForce(centre))
                __builtin_trap();  // the R-tree identify must agree with the scan
            (void)layer->attributes(0);
            (void)layer->attributes(static_cast<std::uint32_t>(layer->size() - 1));
        }
    } catch (const layers::DataError& e) {
        fuzz::refused(e);
    } catch (const layers::LoadCancelled& e) {
        fuzz::refused(e);
    }
    return 0;
}
