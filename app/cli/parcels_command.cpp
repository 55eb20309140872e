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

const char* const kParcelsUsage =
    "usage: gzplan make-parcels --out <file.gpkg> [--count N] [--seed S] [--force] [--quiet]\n"
    "  a synthetic land-use parcel layer over Guizhou: a jittered grid cut at the county boundaries,\n"
    "  about N features (default 1037200; step 0.004° × sqrt(1037200 / N)), GeoPackage layer 'parcels'\n";

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

int makeParcelsCommand(const layers::Geography& geography, int argc, char** argv, std::ostream& out, std::ostream& err)
{
    layers::ParcelOptions options;
    std::string path;
    bool quiet = false;
    bool seenCommand = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (!seenCommand && arg == "make-parcels") {
            seenCommand = true;
            continue;
        }
        std::string value;
        bool hasValue = false;
        if (arg.rfind("--", 0) == 0) {
            if (const auto eq = arg.find('='); eq != std::string::npos) {
                value = arg.substr(eq + 1);
                arg = arg.substr(0, eq);
                hasValue = true;
            }
        }
        const bool takesValue = arg == "--out" || arg == "--count" || arg == "--seed" || arg == "--data" || arg == "--share";
        if (takesValue && !hasValue) {
            if (i + 1 >= argc) {
                err << "gzplan make-parcels: " << arg << " needs a value\n" << kParcelsUsage;
                return 2;
            }
            value = argv[++i];
        }
        if (arg == "--out") {
            path = value;
        } else if (arg == "--count") {
            const auto n = parseNumber<std::size_t>(value);
            if (!n || *n < layers::kMinParcelCount || *n > layers::kMaxParcelCount) {
                err << "gzplan make-parcels: --count must be a whole number between " << layers::kMinParcelCount << " and "
                    << layers::kMaxParcelCount << ", not '" << value << "'\n";
                return 2;
            }
            options.count = *n;
        } else if (arg == "--seed") {
            const auto s = parseNumber<unsigned>(value);
            if (!s) {
                err << "gzplan make-parcels: --seed must be a whole number between 0 and 4294967295, not '" << value << "'\n";
                return 2;
            }
            options.seed = *s;
        } else if (arg == "--force" && !hasValue) {
            options.force = true;
        } else if (arg == "--quiet" && !hasValue) {
            quiet = true;
        } else if (arg == "--data" || arg == "--share") {
            // read by gzplan itself
        } else {
            err << "gzplan make-parcels: unknown argument '" << argv[i] << "'\n" << kParcelsUsage;
            return 2;
        }
    }
    if (path.empty()) {
        err << "gzplan make-parcels: --out <file.gpkg> is required\n" << kParcelsUsage;
        return 2;
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
