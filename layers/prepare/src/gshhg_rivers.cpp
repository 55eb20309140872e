#include "layers/gshhg_rivers.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <sstream>

#include "geo/topology.h"
#include "layers/errors.h"
#include "io/ogr_convert.h"

namespace layers {

namespace {
constexpr const char* kRerun = " (share/scripts/gshhg_rivers.cmake writes it: rebuild, cmake --build build)";

std::map<std::string, std::string> readManifest(const std::filesystem::path& file)
{
    if (!std::filesystem::exists(file))
        throw DataError(file.string(), std::string("missing") + kRerun);
    auto ds = detail::openVector(file.string());
    std::map<std::string, std::string> out;
    for (auto& f : *ds->GetLayer(0))
        out[f->GetFieldAsString("key")] = f->GetFieldAsString("value");
    return out;
}

/// The lines of one level's OGR/GMT file, lon/lat.
std::vector<geo::Line> readLines(const std::filesystem::path& file)
{
    if (!std::filesystem::exists(file))
        throw DataError(file.string(), std::string("missing") + kRerun);
    auto ds = detail::openVector(file.string());
    if (std::string(ds->GetDriverName()) != "OGR_GMT" || ds->GetLayerCount() != 1)
        throw DataError(file.string(), std::string("not one layer of GMT lines (read by ") + ds->GetDriverName() + ")" + kRerun);
    std::vector<geo::Line> lines;
    for (auto& f : *ds->GetLayer(0)) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbLineString)
            throw DataError(file.string(), "feature " + std::to_string(f->GetFID()) + " is not a line string" + kRerun);
        geo::Line& line = lines.emplace_back();
        for (const OGRPoint& p : *g->toLineString())
            line.push_back({p.getX(), p.getY()});
    }
    return lines;
}

std::string fixed(double v, int digits)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}
}  // namespace

geo::Box parseRegion(const std::string& region, const std::string& what)
{
    double w = 0, e = 0, s = 0, n = 0;
    char end = 0;
    if (std::sscanf(region.c_str(), "%lf/%lf/%lf/%lf%c", &w, &e, &s, &n, &end) != 4 || !(w < e) || !(s < n))
        throw DataError(what, "region '" + region + "' is not west/east/south/north in degrees");
    return {w, s, e, n};
}

RiverData readGshhgRivers(const std::filesystem::path& dir)
{
    const std::filesystem::path manifestFile = dir / "manifest.csv";
    const auto manifest = readManifest(manifestFile);
    auto value = [&](const char* key) {
        const auto it = manifest.find(key);
        if (it == manifest.end() || it->second.empty())
            throw DataError(manifestFile.string(), std::string("no ") + key + kRerun);
        return it->second;
    };
    RiverData out;
    out.region = parseRegion(value("region"), manifestFile.string());

    std::vector<int> levels;
    std::istringstream listed(value("levels"));
    for (std::string word; listed >> word;) {
        const int level = std::atoi(word.c_str());
        if (!riverLevel(level) || std::to_string(level) != word)
            throw DataError(manifestFile.string(), "level '" + word + "' is not a WDBII river level the rivers layer keeps (1 to 4)");
        levels.push_back(level);
    }
    for (const RiverLevel& l : riverLevels())
        if (std::find(levels.begin(), levels.end(), l.level) == levels.end())
            throw DataError(manifestFile.string(), "level " + std::to_string(l.level) + " (" + l.nameEn + ") is missing" + kRerun);

    const std::string package = value("package") + "@" + value("version");
    const std::string file = value("file");
    geo::Topology topology;
    std::size_t vertices = 0;
    for (const RiverLevel& l : riverLevels()) {
        const std::filesystem::path levelFile = dir / ("level" + std::to_string(l.level) + ".gmt");
        const std::vector<geo::Line> pieces = readLines(levelFile);
        const std::vector<geo::Line> lines = topology.mergeLines(pieces, out.region);
        if (lines.empty())
            throw DataError(levelFile.string(), "no " + std::string(l.nameEn) + " (WDBII level " + std::to_string(l.level) + ") in the region " +
                                                    value("region") + ": the data or the region is wrong");
        std::size_t levelVertices = 0;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            char id[32];
            std::snprintf(id, sizeof id, "river_%d_%03zu", l.level, i + 1);
            out.rivers.push_back({id, l.level, "", "", package + " WDBII level " + std::to_string(l.level), "reference", lines[i]});
            levelVertices += lines[i].size();
        }
        vertices += levelVertices;
        out.log.push_back({"rivers", "level " + std::to_string(l.level),
                           std::to_string(pieces.size()) + " pieces from gmt coast (cut at 1° bins) merged and clipped into " + std::to_string(lines.size()) +
                               " lines of " + std::to_string(levelVertices) + " vertices",
                           static_cast<double>(lines.size())});
    }

    out.source = {package, file, value("licence"), "sha256:" + value("sha256"),
                  "WDBII river lines of GSHHG, levels " + value("levels") + " (1 permanent major, 2 additional major, 3 additional, 4 minor), "
                  "high resolution (-Dh), extracted by " + value("command") + " with GMT " + value("gmt") + ", joined at the bins' edges (GEOS "
                  "LineMerge) and clipped to " + fixed(out.region.minX, 1) + "-" + fixed(out.region.maxX, 1) + "E " + fixed(out.region.minY, 1) + "-" +
                  fixed(out.region.maxY, 1) + "N: " + std::to_string(out.rivers.size()) + " lines, " + std::to_string(vertices) +
                  " vertices; WGS 84 coordinates taken as CGCS2000 (they differ by well under a metre); WDBII has no names and "
                  "no public source available to the build names these lines, so every river is unnamed; for orientation, not survey"};
    return out;
}

}  // namespace layers
