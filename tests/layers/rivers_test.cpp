// The rivers layer: WDBII lines of Debian's gmt-gshhg-high, extracted by the build with GMT (share/scripts/
// gshhg_rivers.cmake), read through GDAL's OGR_GMT driver, joined at GMT's bin edges and clipped (gshhg_rivers.cpp).
// On the build's GeoPackage: every kept level present and inside the box, the sources row true to dpkg and the
// package's copyright file. On small files written as GMT writes them: joining, clipping and every refusal.
#include <cstdio>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "layers/errors.h"
#include "layers/geography.h"
#include "layers/gshhg_rivers.h"
#include "../common/temp_dir.h"

namespace {
const layers::Geography& geography()
{
    static const layers::Geography g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    return g;
}

/// What a command prints (its first line, trailing newline removed).
std::string run(const std::string& command)
{
    std::string out;
    if (FILE* p = popen(command.c_str(), "r")) {
        char buffer[512];
        while (fgets(buffer, sizeof buffer, p))
            out += buffer;
        pclose(p);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
        out.pop_back();
    return out;
}

const layers::SourceRecord* riverSource(const layers::Geography& g)
{
    for (const auto& s : g.sources)
        if (s.name() == layers::packages::kRivers)
            return &s;
    return nullptr;
}
}  // namespace

TEST(Rivers, EveryKeptLevelHasLinesAllInsideTheBox)
{
    const geo::Box box = layers::parseRegion(GZ_TEST_RIVER_REGION, "GZ_RIVER_REGION");
    const auto& rivers = geography().rivers;
    ASSERT_FALSE(rivers.empty());
    std::map<int, int> perLevel;
    std::set<std::string> ids;
    for (const layers::River& r : rivers) {
        ASSERT_NE(layers::riverLevel(r.level), nullptr) << r.id << " level " << r.level;
        ++perLevel[r.level];
        EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
        EXPECT_TRUE(std::regex_match(r.id, std::regex("river_" + std::to_string(r.level) + "_[0-9]{3}"))) << r.id;
        ASSERT_GE(r.line.size(), 2u) << r.id;
        for (const geo::Point& p : r.line)
            EXPECT_TRUE(box.contains(p)) << r.id << " has " << p.x << " " << p.y << " outside " << GZ_TEST_RIVER_REGION;
        EXPECT_EQ(r.basis, "reference") << r.id;
        EXPECT_EQ(r.source.rfind(riverSource(geography())->package + " WDBII level " + std::to_string(r.level), 0), 0u) << r.source;
        // WDBII has no names and no public source matched them: none is made up.
        EXPECT_TRUE(r.name.empty() && r.nameEn.empty()) << r.id << " " << r.name;
    }
    for (const layers::RiverLevel& l : layers::riverLevels())
        EXPECT_GT(perLevel[l.level], 0) << "no lines of level " << l.level << " (" << l.nameEn << ")";
    // Levels 1 to 4, as GSHHG names them.
    ASSERT_EQ(layers::riverLevels().size(), 4u);
    EXPECT_STREQ(layers::riverLevel(1)->name, "永久性主要河流");
    EXPECT_STREQ(layers::riverLevel(1)->nameEn, "permanent major river");
    EXPECT_STREQ(layers::riverLevel(4)->nameEn, "minor river");
    EXPECT_EQ(layers::riverLevel(0), nullptr);
    EXPECT_EQ(layers::riverLevel(5), nullptr);

    // The major rivers reach across the province: 乌江 runs ~400 km from the west to the north-east border.
    geo::Box major = geo::Box::empty();
    for (const layers::River& r : rivers)
        if (r.level == 1)
            major.expand(geo::bounds(r.line));
    EXPECT_LT(major.minX, 105.0);
    EXPECT_GT(major.maxX, 108.5);
    EXPECT_LT(major.minY, 25.0);
    EXPECT_GT(major.maxY, 28.5);
}

TEST(Rivers, TheGeoPackageLayerIsLinesInCgcs2000WithItsFields)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(GZ_TEST_GEOPACKAGE, GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName(layers::layer_names::kRivers);
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(wkbFlatten(layer->GetGeomType()), wkbLineString);
    ASSERT_NE(layer->GetSpatialRef(), nullptr);
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4490");
    for (const char* field : {"river_id", "level", "level_name", "level_name_en", "name", "name_en", "source", "basis"})
        EXPECT_GE(layer->GetLayerDefn()->GetFieldIndex(field), 0) << field;
    EXPECT_EQ(layer->GetLayerDefn()->GetFieldDefn(layer->GetLayerDefn()->GetFieldIndex("level"))->GetType(), OFTInteger);
    EXPECT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(geography().rivers.size()));
    for (auto& f : *layer) {
        const layers::RiverLevel* level = layers::riverLevel(f->GetFieldAsInteger("level"));
        ASSERT_NE(level, nullptr);
        EXPECT_STREQ(f->GetFieldAsString("level_name"), level->name);
        EXPECT_STREQ(f->GetFieldAsString("level_name_en"), level->nameEn);
    }
}

TEST(Rivers, SourcesRowIsTheInstalledDebianPackageWithItsLicence)
{
    const layers::SourceRecord* s = riverSource(geography());
    ASSERT_NE(s, nullptr) << "no sources row for " << layers::packages::kRivers;
    // The version dpkg reports now, and the licence the package's copyright file states for its files.
    EXPECT_EQ(s->version(), run("dpkg-query -W -f='${Version}' gmt-gshhg-high"));
    EXPECT_EQ(s->licence, "LGPL-3+");
    std::ifstream copyright("/usr/share/doc/gmt-gshhg-high/copyright");
    const std::string text{std::istreambuf_iterator<char>(copyright), {}};
    EXPECT_NE(text.find("Files: *\nCopyright: 2014, The GMT Team\nLicense: " + s->licence + "\n"), std::string::npos) << text;
    // The file read and its checksum, the same as the installed file's.
    EXPECT_EQ(s->file, "/usr/share/gmt-gshhg/binned_river_h.nc");
    EXPECT_TRUE(std::regex_match(s->integrity, std::regex("sha256:[0-9a-f]{64}"))) << s->integrity;
    EXPECT_EQ(s->integrity, "sha256:" + run("sha256sum " + s->file + " | cut -d' ' -f1"));
    // The note says what was kept and how.
    const geo::Box box = layers::parseRegion(GZ_TEST_RIVER_REGION, "GZ_RIVER_REGION");
    char clip[64];
    std::snprintf(clip, sizeof clip, "%.1f-%.1fE %.1f-%.1fN", box.minX, box.maxX, box.minY, box.maxY);
    for (const std::string& said : std::vector<std::string>{"levels 1 2 3 4", "-Dh", "gmt coast", "LineMerge", clip, "unnamed"})
        EXPECT_NE(s->note.find(said), std::string::npos) << said << " not in: " << s->note;
    // The build log counts each level's pieces and lines.
    int logged = 0;
    for (const layers::LogRecord& r : geography().log)
        if (r.kind == "rivers") {
            ++logged;
            EXPECT_GT(r.value, 0) << r.subject;
        }
    EXPECT_EQ(logged, 4);
}

// --- readGshhgRivers on small files written as `gmt coast … | gmt convert -a+gLINE` writes them.

namespace {
struct RiverDir : test::TempDir {
    RiverDir() : test::TempDir("rivers-test") {}

    void manifest(const std::map<std::string, std::string>& changes = {}, const std::set<std::string>& without = {})
    {
        std::map<std::string, std::string> values{{"package", "gmt-gshhg-high"},
                                                  {"version", "9.9-test"},
                                                  {"file", "/usr/share/gmt-gshhg/binned_river_h.nc"},
                                                  {"sha256", std::string(64, 'a')},
                                                  {"licence", "LGPL-3+"},
                                                  {"gmt", "6.4.0"},
                                                  {"region", "104/106/25/27"},
                                                  {"resolution", "h"},
                                                  {"levels", "1 2 3 4"},
                                                  {"command", "gmt coast -R104/106/25/27 -I<level> -M -Dh | gmt convert -a+gLINE"}};
        for (const auto& [k, v] : changes)
            values[k] = v;
        std::ofstream out(path / "manifest.csv");
        out << "key,value\n";
        for (const auto& [k, v] : values)
            if (!without.count(k))
                out << k << ",\"" << v << "\"\n";
    }

    /// One level's file: each line a segment, as GMT writes them.
    void level(int n, const std::vector<geo::Line>& lines)
    {
        std::ofstream out(path / ("level" + std::to_string(n) + ".gmt"));
        out << "# @VGMT1.0 @GLINESTRING\n# @Je\"4326\"\n# FEATURE_DATA\n";
        for (const geo::Line& line : lines) {
            out << "> River Bin # 1, Level " << n << "\n";
            for (const geo::Point& p : line)
                out << p.x << "\t" << p.y << "\n";
        }
    }

    void allLevels()
    {
        manifest();
        // Level 1: one river cut at the bin edge x = 105 (two pieces meeting end to end), a zero-length piece that
        // GMT writes at bin corners, and a line leaving the region to the north.
        level(1, {{{104.2, 25.5}, {104.6, 25.6}, {105, 25.5}}, {{105, 25.5}, {105.4, 25.8}, {105.8, 26.0}}, {{104.5, 26}, {104.5, 26}},
                  {{104.5, 26.5}, {104.5, 27.5}}});
        level(2, {{{104.1, 25.1}, {104.3, 25.2}}});
        level(3, {{{105.1, 26.1}, {105.3, 26.2}}});
        level(4, {{{105.5, 26.5}, {105.6, 26.6}}});
    }
};

template <class F>
std::string refusal(F&& f)
{
    try {
        f();
    } catch (const layers::DataError& e) {
        return e.what();
    }
    return "(not refused)";
}
}  // namespace

TEST(GshhgRivers, JoinsPiecesAtBinEdgesDropsEmptyOnesAndClipsToTheRegion)
{
    RiverDir dir;
    dir.allLevels();
    const layers::RiverData data = layers::readGshhgRivers(dir.path);
    EXPECT_EQ(data.region.minX, 104);
    EXPECT_EQ(data.region.maxY, 27);
    std::vector<const layers::River*> level1;
    for (const layers::River& r : data.rivers)
        if (r.level == 1)
            level1.push_back(&r);
    ASSERT_EQ(level1.size(), 2u);  // the two pieces as one, the clipped line; the zero-length piece gone
    const layers::River* joined = level1[0]->line.size() == 5 ? level1[0] : level1[1];
    const layers::River* clipped = joined == level1[0] ? level1[1] : level1[0];
    ASSERT_EQ(joined->line.size(), 5u);
    EXPECT_EQ(geo::bounds(joined->line).minX, 104.2);
    EXPECT_EQ(geo::bounds(joined->line).maxX, 105.8);
    ASSERT_EQ(clipped->line.size(), 2u);
    EXPECT_EQ(geo::bounds(clipped->line).maxY, 27.0);  // cut at the region's north edge
    EXPECT_EQ(data.rivers.size(), 5u);
    EXPECT_EQ(data.rivers.front().id, "river_1_001");
    EXPECT_EQ(data.rivers.back().id, "river_4_001");
    EXPECT_EQ(data.rivers.back().source, "gmt-gshhg-high@9.9-test WDBII level 4");
    EXPECT_EQ(data.source.package, "gmt-gshhg-high@9.9-test");
    EXPECT_EQ(data.source.licence, "LGPL-3+");
    EXPECT_EQ(data.source.integrity, "sha256:" + std::string(64, 'a'));
    ASSERT_EQ(data.log.size(), 4u);
    EXPECT_EQ(data.log[0].detail, "4 pieces from gmt coast (cut at 1° bins) merged and clipped into 2 lines of 7 vertices");
}

TEST(GshhgRivers, RefusesWhatIsMissingOrWrongNamingTheFile)
{
    {
        RiverDir dir;
        EXPECT_NE(refusal([&] { layers::readGshhgRivers(dir.path); }).find("manifest.csv: missing"), std::string::npos);
    }
    {
        RiverDir dir;
        dir.allLevels();
        std::filesystem::remove(dir.path / "level3.gmt");
        EXPECT_NE(refusal([&] { layers::readGshhgRivers(dir.path); }).find("level3.gmt: missing"), std::string::npos);
    }
    {
        RiverDir dir;
        dir.allLevels();
        dir.manifest({}, {"licence"});
        EXPECT_NE(refusal([&] { layers::readGshhgRivers(dir.path); }).find("manifest.csv: no licence"), std::string::npos);
    }
    {
        RiverDir dir;
        dir.allLevels();
        dir.manifest({{"levels", "1 2 3"}});
        EXPECT_NE(refusal([&] { layers::readGshhgRivers(dir.path); }).find("level 4 (minor river) is missing"), std::string::npos);
    }
    {
        RiverDir dir;
        dir.allLevels();
        dir.manifest({{"levels", "1 2 3 4 8"}});
        EXPECT_NE(refusal([&] { layers::readGshhgRivers(dir.path); }).find("level '8' is not a WDBII river level"), std::string::npos);
    }
    {
        RiverDir dir;
        dir.allLevels();
        dir.manifest({{"region", "104/106/27"}});
        EXPECT_NE(refusal([&] { layers::readGshhgRivers(dir.path); }).find("region '104/106/27' is not west/east/south/north"), std::string::npos);
    }
    {
        RiverDir dir;
        dir.allLevels();
        dir.level(2, {{{110.1, 25.1}, {110.3, 25.2}}});  // all outside the region
        EXPECT_NE(refusal([&] { layers::readGshhgRivers(dir.path); }).find("level2.gmt: no additional major river (WDBII level 2) in the region"),
                  std::string::npos);
    }
    {
        RiverDir dir;
        dir.allLevels();
        std::ofstream(dir.path / "level4.gmt") << "not GMT\n";
        const std::string why = refusal([&] { layers::readGshhgRivers(dir.path); });
        EXPECT_NE(why.find("level4.gmt"), std::string::npos) << why;
    }
}
