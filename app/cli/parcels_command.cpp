#include "cli/parcels_command.h"

#include <unistd.h>

#include <atomic>
#include <cctype>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "layers/parcels.h"

namespace app::cli {

namespace {
std::atomic<bool> g_interrupted{false};
extern "C" void onParcelsInterrupt(int) { g_interrupted = true; }

template <typename T>
std::optional<T> parseNumber(std::string_view text)
{
    T value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

std::string thousands(std::size_t n)
{
    const std::string digits = std::to_string(n);
    std::string s;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            s += ',';
        s += digits[i];
    }
    return s;
}
}  // namespace

int makeParcelsCommand(const layers::Geography& geography, const CommandLine& args, std::ostream& out, std::ostream& err)
{
    layers::ParcelOptions options;
    const std::string path = args.value("out");  // required by the grammar
    const bool quiet = args.flag("quiet");
    options.force = args.flag("force");
    if (args.has("count")) {
        const std::string value = args.value("count");
        const auto n = parseNumber<std::size_t>(value);
        if (!n || *n < layers::kMinParcelCount || *n > layers::kMaxParcelCount) {
            err << "gzplan make-parcels: --count must be a whole number between " << layers::kMinParcelCount << " and "
                << layers::kMaxParcelCount << ", not '" << value << "'\n";
            return 2;
        }
        options.count = *n;
    }
    if (args.has("seed")) {
        const std::string value = args.value("seed");
        const auto seed = parseNumber<unsigned>(value);
        if (!seed) {
            err << "gzplan make-parcels: --seed must be a whole number between 0 and 4294967295, not '" << value << "'\n";
            return 2;
        }
        options.seed = *seed;
    }
    {
        std::string extension = std::filesystem::path(path).extension().string();
        for (char& c : extension)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (extension != ".gpkg") {
            err << "gzplan make-parcels: --out " << path << ": the parcels are written as a GeoPackage; the file name must end in .gpkg\n";
            return 2;
        }
    }

    std::signal(SIGINT, onParcelsInterrupt);
    std::signal(SIGTERM, onParcelsInterrupt);
    const bool tty = isatty(STDERR_FILENO);
    int lastShown = -1;
    std::string lastStage;
    auto progress = [&](double done, const std::string& what) {
        const int percent = static_cast<int>(done * 100);
        if (!quiet && (percent != lastShown || what != lastStage)) {
            // On a terminal a bar redrawn in place; otherwise a line every 10% and at each stage.
            if (tty) {
                const int filled = percent / 4;
                err << "\r[" << std::string(static_cast<std::size_t>(filled), '#') << std::string(static_cast<std::size_t>(25 - filled), ' ')
                    << "] " << percent << "% " << what << "        " << std::flush;
            } else if (percent / 10 != lastShown / 10 || what != lastStage) {
                err << "gzplan make-parcels: " << percent << "% " << what << "\n";
            }
            lastShown = percent;
            lastStage = what;
        }
        return !g_interrupted.load();
    };
    if (!quiet)
        err << "gzplan make-parcels: " << options.count << " parcels (step " << layers::parcelStep(options.count) << "°), seed " << options.seed
            << " -> " << path << "\n";
    try {
        const layers::ParcelReport r = layers::makeParcels(geography, path, options, progress);
        if (!quiet && tty)
            err << "\n";
        char figures[256];
        std::snprintf(figures, sizeof figures, "step %.5f°, grid %zu × %zu, %.1f s, %.1f MB", r.step, r.columns, r.rows, r.seconds,
                      static_cast<double>(r.bytes) / 1e6);
        out << thousands(r.features) << " parcels (" << thousands(r.wholeCells) << " whole cells, " << thousands(r.clippedPieces)
            << " clipped pieces of " << thousands(r.cutCells) << " cells cut at county boundaries; " << thousands(r.slivers)
            << " slivers under 1 m² dropped), " << static_cast<long long>(r.areaKm2 + 0.5)
            << " km², " << figures << "\n"
            << r.file.string() << " (layer " << layers::kParcelLayer << ", Polygon, EPSG:4490, R-tree index)\n";
        return 0;
    } catch (const layers::ParcelsCancelled& e) {
        if (!quiet && tty)
            err << "\n";
        err << "gzplan make-parcels: " << e.what() << "\n";
        return 130;
    } catch (const std::exception& e) {
        if (!quiet && tty)
            err << "\n";
        err << "gzplan make-parcels: " << e.what() << "\n";
        return 1;
    }
}

}  // namespace app::cli
