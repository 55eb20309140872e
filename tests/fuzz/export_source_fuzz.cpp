// Fuzz target: the streaming exporter layers::exportSource (`gzplan export --source`) on GeoJSON and CSV (WKT)
// input, written to a temporary folder in one of the export formats; the first byte picks the input format,
// the output format, the CRS and the shapefile encoding. It must never crash or hang (libFuzzer's -timeout);
// DataError (including UnreadableFeatures) is the expected refusal. After a successful export every reported
// file must exist, and nothing else may be left in the output folder (no temporary folder or file).

#include <array>
#include <cstddef>
#include <cstdint>
#include <set>

#include "fuzz_formats.h"
#include "layers/errors.h"
#include "layers/exporter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    fuzz::quietGdal();
    if (size < 1)
        return 0;
    static constexpr std::array<const char*, 2> kInputs{"geojson", "csv"};
    static constexpr std::array<const char*, 6> kOutputs{"shp", "gpkg", "geojson", "csv", "kml", "dxf"};
    static constexpr std::array<const char*, 3> kCrs{"", "EPSG:4490", "EPSG:4545"};
    const unsigned choice = data[0];
    const auto source = fuzz::writeDataset(fuzz::tempDir() / "source", kInputs, std::string_view(reinterpret_cast<const char*>(data), size));
    const auto outDir = fuzz::tempDir() / "out";
    fuzz::clearDir(outDir);

    layers::ExportOptions options;
    options.format = kOutputs[(choice / 2) % kOutputs.size()];
    options.crs = kCrs[(choice / 12) % kCrs.size()];
    options.encoding = (choice / 36) % 2 ? "GBK" : "UTF-8";
    options.skipBad = (choice / 72) % 2;
    try {
        const layers::ExportReport report =
            layers::exportSource(source, "", outDir / ("out." + layers::formatExtension(options.format)), options);
        std::set<std::filesystem::path> reported;
        for (const auto& f : report.files) {
            if (!std::filesystem::is_regular_file(f))
                __builtin_trap();  // reported but not written
            reported.insert(f.filename());
        }
        for (const auto& entry : std::filesystem::directory_iterator(outDir))
            if (!reported.contains(entry.path().filename()))
                __builtin_trap();  // a temporary or unreported file left behind
    } catch (const layers::DataError& e) {
        fuzz::refused(e);
    }
    return 0;
}
