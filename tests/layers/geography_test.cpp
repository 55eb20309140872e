// Tests on the GeoPackage the build made from the real npm packages.
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "geo/point_locator.h"
#include "geo/topology.h"
#include "layers/division_table.h"
#include "layers/geography.h"
#include "layers/geography_check.h"

namespace {
const layers::Geography& geography()
{
    static const layers::Geography g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    return g;
}

const layers::DivisionTable& division()
{
    static const layers::DivisionTable d = layers::DivisionTable::load(std::filesystem::path(GZ_TEST_NPM_DIR) / "china-division/dist", "52");
    return d;
}
}  // namespace

TEST(Geography, Has88CountiesWithTodaysCodesAndNames)
{
    const auto& g = geography();
    ASSERT_EQ(g.counties.size(), 88u);
    std::set<std::string> codes;
    for (const auto& c : g.counties) {
        codes.insert(c.code);
        const auto today = division().county(c.code);
        ASSERT_TRUE(today) << c.code << " " << c.name;
        EXPECT_EQ(c.name, today->name) << c.code;
        EXPECT_EQ(c.prefectureCode, today->parentCode) << c.code;
        EXPECT_EQ(c.prefectureName, division().prefecture(c.prefectureCode)->name) << c.code;
    }
    EXPECT_EQ(codes.size(), 88u) << "duplicate codes";
    for (const auto& d : division().counties())
        EXPECT_TRUE(codes.count(d.code)) << "missing " << d.code << " " << d.name;
}

TEST(Geography, FourRenamedCountiesCarryTodaysAndOldNames)
{
    const std::map<std::string, std::tuple<std::string, std::string, std::string>> renamed{
        {"520281", {"盘州市", "盘县", "520222"}},
        {"520204", {"水城区", "水城县", "520221"}},
        {"520581", {"黔西市", "黔西县", "520522"}},
        {"522302", {"兴仁市", "兴仁县", "522322"}},
    };
    for (const auto& [code, names] : renamed) {
        const layers::County* c = geography().county(code);
        ASSERT_NE(c, nullptr) << code;
        EXPECT_EQ(c->name, std::get<0>(names));
        EXPECT_EQ(c->oldName, std::get<1>(names));
        EXPECT_EQ(c->oldCode, std::get<2>(names));
        EXPECT_EQ(geography().county(std::get<2>(names)), nullptr) << "old code still present";
    }
    int withOldName = 0;
    for (const auto& c : geography().counties)
        withOldName += !c.oldName.empty();
    EXPECT_EQ(withOldName, 4);
}

TEST(Geography, ShortNamesAreThoseOfThePlanAndUnique)
{
    EXPECT_EQ(geography().county("520281")->shortName, "盘州");
    EXPECT_EQ(geography().county("520526")->shortName, "威宁");
    EXPECT_EQ(geography().county("520203")->shortName, "六枝");
    std::set<std::string> shortNames;
    for (const auto& c : geography().counties)
        EXPECT_TRUE(shortNames.insert(c.shortName).second) << "ambiguous short name " << c.shortName;
}

TEST(Geography, PrefecturesMatchTheDivisionTable)
{
    const auto& g = geography();
    ASSERT_EQ(g.prefectures.size(), 9u);
    std::map<std::string, int> counted;
    for (const auto& c : g.counties)
        ++counted[c.prefectureCode];
    for (const auto& p : g.prefectures) {
        EXPECT_EQ(p.name, division().prefecture(p.code)->name);
        int expected = 0;
        for (const auto& d : division().counties())
            expected += d.parentCode == p.code;
        EXPECT_EQ(p.countyCount, expected) << p.code;
        EXPECT_EQ(counted[p.code], expected) << p.code;
    }
    EXPECT_EQ(g.prefecture("5201")->countyCount, 10);  // 贵阳市: 6 districts, 3 counties, 清镇市
    EXPECT_EQ(g.prefecture("5226")->countyCount, 16);  // 黔东南州
}

TEST(Geography, EveryGeometryIsValid)
{
    geo::Topology topology;
    for (const auto& c : geography().counties) {
        ASSERT_FALSE(c.shape.empty()) << c.code;
        const auto v = topology.validity(c.shape);
        EXPECT_TRUE(v.valid) << c.code << " " << c.name << ": " << v.reason;
    }
    for (const auto& p : geography().prefectures)
        EXPECT_TRUE(topology.validity(p.shape).valid) << p.code;
    EXPECT_TRUE(topology.validity(geography().province.shape).valid);
}

TEST(Geography, AreaSumWithinTwoPercentOfOfficialFigure)
{
    double sum = 0;
    for (const auto& c : geography().counties) {
        const double km2 = layers::equalAreaKm2(c.shape);
        EXPECT_NEAR(c.areaKm2, km2, km2 * 1e-9) << "stored area of " << c.code;
        EXPECT_GT(km2, 50) << c.code;  // the smallest (云岩区) is ~90 km²
        sum += km2;
    }
    EXPECT_NEAR(sum, 176167.0, 176167.0 * 0.02);
    // Dissolving must not lose or add area beyond the slivers.
    EXPECT_NEAR(layers::equalAreaKm2(geography().province.shape), sum, sum * 0.001);
    double prefectures = 0;
    for (const auto& p : geography().prefectures)
        prefectures += p.areaKm2;
    EXPECT_NEAR(prefectures, sum, sum * 0.001);
}

TEST(Geography, SeatsLieInTheirCountyAndIdentifyIt)
{
    std::vector<geo::MultiPolygon> shapes;
    for (const auto& c : geography().counties)
        shapes.push_back(c.shape);
    const geo::PointLocator locator(shapes);
    for (std::size_t i = 0; i < geography().counties.size(); ++i) {
        const auto& c = geography().counties[i];
        const int found = locator.locate(c.seat);
        ASSERT_GE(found, 0) << c.code;
        EXPECT_EQ(std::size_t(found), i) << c.name << " seat falls in " << geography().counties[std::size_t(found)].name;
    }
    EXPECT_EQ(locator.locate({116.4, 39.9}), -1);  // Beijing
}

TEST(Geography, NeighboursSurroundTheProvince)
{
    std::set<std::string> names;
    const geo::Box province = geography().bounds();
    for (const auto& r : geography().neighbours) {
        names.insert(r.name);
        geo::Box b = geo::bounds(r.shape);
        EXPECT_TRUE(b.intersects(province)) << r.name;
    }
    EXPECT_EQ(names, (std::set<std::string>{"四川", "重庆", "湖南", "广西", "云南"}));
}

TEST(Geography, SourcesRecordThePinnedPackagesWithLicences)
{
    std::ifstream pins(std::filesystem::path(GZ_TEST_SHARE_DIR) / "data/packages.tsv");
    std::map<std::string, std::string> integrity;
    std::string line;
    while (std::getline(pins, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        std::istringstream f(line);
        std::string name, version, hash;
        std::getline(f, name, '\t');
        std::getline(f, version, '\t');
        std::getline(f, hash, '\t');
        integrity[name + "@" + version] = hash;
    }
    // The npm pins in their order, then the Debian package of the rivers (tests/layers/rivers_test.cpp checks it).
    ASSERT_EQ(geography().sources.size(), integrity.size() + 1);
    for (const auto& s : geography().sources) {
        EXPECT_FALSE(s.licence.empty()) << s.package;
        if (s.name() != layers::packages::kRivers) {
            EXPECT_EQ(s.integrity, integrity[s.package]) << s.package;
        }
    }
    EXPECT_EQ(geography().sources.back().name(), layers::packages::kRivers);
}

TEST(Geography, BuildLogReportsRepairsAndSlivers)
{
    int repairs = 0, gaps = 0, overlaps = 0;
    double gapArea = 0, overlapArea = 0;
    for (const auto& r : geography().log) {
        repairs += r.kind == "repair";
        if (r.kind == "gap") { ++gaps; gapArea += r.value; }
        if (r.kind == "overlap") { ++overlaps; overlapArea += r.value; }
        EXPECT_NE(r.kind, "check") << "validation issue recorded: " << r.subject << " " << r.detail;
    }
    EXPECT_GT(repairs, 0);  // the source's rings touch themselves after 1/1024° quantisation
    // Slivers between counties are small against the province: under 0.01% of its area.
    EXPECT_LT(gapArea + overlapArea, 17.6);
    EXPECT_GE(gaps + overlaps, 0);
}

TEST(Geography, MissingFileIsReportedByName)
{
    EXPECT_THROW(layers::Geography::load("/nonexistent/guizhou.gpkg"), std::runtime_error);
}
