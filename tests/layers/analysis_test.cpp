// gzplan stats / select / join (layers/analysis.h) against the plain way: every feature intersected with every unit
// with GEOS. Layers: the synthetic parcels (make-parcels, cut at the county boundaries), a synthetic grid of
// squares with holes that crosses every boundary, the real river lines and the real county seats (points) of the
// build's GeoPackage.

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "geo/ellipsoid.h"
#include "geo/geodesic.h"
#include "geo/projection.h"
#include "layers/analysis.h"
#include "layers/errors.h"
#include "layers/plan_query.h"
#include "../common/temp_dir.h"
#include "../common/test_parcels.h"

namespace {

namespace an = layers::analysis;

const an::PlanContext& context()
{
    static const auto c = an::loadPlanContext(GZ_TEST_GEOPACKAGE);
    return *c;
}

/// A GeoPackage layer "f" written from WKT rows, with a text field landuse and a real field value (synthetic).
std::filesystem::path writeLayer(const std::filesystem::path& folder, const std::string& name, const std::vector<std::string>& wkt,
                                 OGRwkbGeometryType type, bool withCrs = true)
{
    GDALAllRegister();
    const auto path = folder / (name + ".gpkg");
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4490);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayer* layer = ds->CreateLayer("f", withCrs ? &srs : nullptr, type, nullptr);
    OGRFieldDefn landuse("landuse", OFTString), value("value", OFTReal);
    layer->CreateField(&landuse);
    layer->CreateField(&value);
    const char* const kinds[] = {"林地", "耕地", "城镇住宅用地"};
    ds->StartTransaction();
    for (std::size_t i = 0; i < wkt.size(); ++i) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("landuse", kinds[i % 3]);
        f.SetField("value", 1.5 + static_cast<double>(i % 17));
        OGRGeometry* g = nullptr;
        EXPECT_EQ(OGRGeometryFactory::createFromWkt(wkt[i].c_str(), nullptr, &g), OGRERR_NONE) << wkt[i];
        f.SetGeometryDirectly(g);
        EXPECT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
    ds->CommitTransaction();
    return path;
}

/// Squares of 0.07° (some with a hole) on a jittered grid over the province and a little beyond: they cross county,
/// prefecture and zone boundaries and the province's edge (synthetic).
std::vector<std::string> squares()
{
    std::vector<std::string> out;
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> jitter(0, 0.05);
    for (double x = 103.4; x < 109.8; x += 0.11)
        for (double y = 24.4; y < 29.4; y += 0.11) {
            const double x0 = x + jitter(rng), y0 = y + jitter(rng), s = 0.07;
            char buffer[512];
            if (out.size() % 4 == 0)
                std::snprintf(buffer, sizeof buffer, "POLYGON ((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f),(%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))",
                              x0, y0, x0 + s, y0, x0 + s, y0 + s, x0, y0 + s, x0, y0, x0 + 0.02, y0 + 0.02, x0 + 0.02, y0 + 0.04, x0 + 0.04, y0 + 0.04,
                              x0 + 0.04, y0 + 0.02, x0 + 0.02, y0 + 0.02);
            else
                std::snprintf(buffer, sizeof buffer, "POLYGON ((%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f,%.6f %.6f))", x0, y0, x0 + s, y0, x0 + s, y0 + s, x0,
                              y0 + s, x0, y0);
            out.push_back(buffer);
        }
    return out;
}

/// The real river lines and county seats of the build's GeoPackage, as WKT.
std::vector<std::string> rivers()
{
    const auto g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    std::vector<std::string> out;
    for (const layers::River& r : g.rivers) {
        std::string w = "LINESTRING (";
        for (std::size_t i = 0; i < r.line.size(); ++i) {
            if (i)
                w += ',';
            w.append(std::to_string(r.line[i].x)).append(" ").append(std::to_string(r.line[i].y));
        }
        out.push_back(w + ")");
    }
    return out;
}

std::vector<std::string> seats()
{
    std::vector<std::string> out;
    for (const layers::County& c : context().geography.counties)
        out.push_back("POINT (" + std::to_string(c.seat.x) + " " + std::to_string(c.seat.y) + ")");
    return out;
}

void expectSame(const an::StatsResult& fast, const an::StatsResult& plain, const std::string& what)
{
    ASSERT_EQ(fast.rows.size(), plain.rows.size()) << what;
    double total = 0;
    for (std::size_t i = 0; i < fast.rows.size(); ++i) {
        const auto& a = fast.rows[i];
        const auto& b = plain.rows[i];
        ASSERT_EQ(a.unitId, b.unitId) << what;
        ASSERT_EQ(a.group, b.group) << what;
        const double tolerance = 1e-6 * std::max(std::abs(a.value), std::abs(b.value)) + 1e-3;
        EXPECT_NEAR(a.value, b.value, tolerance) << what << " " << a.unitId << " " << a.unitName << " group " << a.group;
        total += std::abs(b.value);
    }
    EXPECT_GT(total, 0) << what << ": nothing measured, the comparison would prove nothing";
}

struct Case {
    an::UnitKind by;
    double distance;
    an::Measure measure;
    std::string field;
};

void compare(const std::filesystem::path& file, const std::string& where, const std::vector<Case>& cases, const std::string& group = "landuse")
{
    for (const Case& c : cases) {
        an::StatsOptions o;
        o.source.file = file;
        o.source.where = where;
        o.groupField = group;
        o.measure = {c.measure, c.field};
        const std::string what = file.filename().string() + " by " + an::unitKindId(c.by) + " " + an::measureId(o.measure);
        const auto fast = an::computeStats(*context().units, c.by, c.distance, o);
        const auto plain = an::bruteForceStats(*context().units, c.by, c.distance, o);
        expectSame(fast, plain, what);
    }
}

}  // namespace

TEST(Analysis, AlbersByFormulasEqualsProj)
{
    const geo::AlbersChina fast;
    const geo::Projection proj(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    double worst = 0;
    for (double lon = 100; lon <= 112; lon += 0.37)
        for (double lat = 20; lat <= 32; lat += 0.29) {
            geo::Point p{lon, lat};
            ASSERT_TRUE(proj.forward(p));
            const geo::Point q = fast.forward({lon, lat});
            worst = std::max(worst, std::hypot(p.x - q.x, p.y - q.y));
        }
    EXPECT_LT(worst, 1e-6) << "metres";
}

TEST(Analysis, EdgeAreaIsTheLimitOfDensifiedAlbersAndIgnoresInsertedVertices)
{
    const geo::AlbersChina albers;
    // A skewed quadrilateral of about 0.3° near Guiyang and a one-degree cell.
    for (const geo::Ring& ring : {geo::Ring{{106.5, 26.4}, {106.9, 26.5}, {106.8, 26.8}, {106.45, 26.7}, {106.5, 26.4}},
                                  geo::Ring{{106, 26}, {107, 26}, {107, 27}, {106, 27}, {106, 26}}}) {
        geo::Ring dense;
        for (std::size_t i = 1; i < ring.size(); ++i)
            for (int k = 0; k < 2000; ++k) {
                const double t = k / 2000.0;
                dense.push_back({ring[i - 1].x + (ring[i].x - ring[i - 1].x) * t, ring[i - 1].y + (ring[i].y - ring[i - 1].y) * t});
            }
        dense.push_back(ring.front());
        const double exact = albers.edgeArea(ring);
        EXPECT_NEAR(exact, albers.ringArea(dense), 1e-7 * exact) << "the limit of the projected vertices' area";
        EXPECT_NEAR(exact, albers.edgeArea(dense), 1e-9 * exact) << "vertices on the edges change nothing";
        EXPECT_GT(std::abs(albers.ringArea(ring) - exact), 1e-8 * exact) << "(the projected vertices alone differ: the test means something)";
    }
}

TEST(Analysis, GeodesicLengthOfADegreeOfLatitude)
{
    // A meridian arc of GRS80 from 26° to 27°N: 110,795.722 m (Simpson's rule over the meridian radius of curvature
    // a(1−e²)/(1−e²sin²φ)^1.5, 20,000 intervals).
    const std::vector<geo::Point> arc{{106, 26}, {106, 27}};
    EXPECT_NEAR(geo::geodesic::length(arc), 110795.722, 0.001);
}

TEST(Analysis, ParcelStatisticsEqualBruteForce)
{
    const auto& file = test::parcelsFile(context().geography);
    // A random subset (fid modulo a prime): the brute force intersects each with every unit.
    compare(file, "fid % 41 = 3",
            {{an::UnitKind::County, 0, an::Measure::Area, ""},
             {an::UnitKind::County, 0, an::Measure::Count, ""},
             {an::UnitKind::Prefecture, 0, an::Measure::Area, ""},
             {an::UnitKind::CountyClass, 0, an::Measure::Area, ""},
             {an::UnitKind::Zone, 0, an::Measure::Area, ""},
             {an::UnitKind::CentralCity, 0, an::Measure::Count, ""},
             {an::UnitKind::Corridor, 10000, an::Measure::Area, ""}});
}

TEST(Analysis, CrossingSquaresEqualBruteForce)
{
    test::TempDir dir("analysis");
    const auto file = writeLayer(dir.path, "squares", squares(), wkbPolygon);
    compare(file, "fid % 5 = 1",
            {{an::UnitKind::County, 0, an::Measure::Area, ""},
             {an::UnitKind::County, 0, an::Measure::Sum, "value"},
             {an::UnitKind::Zone, 0, an::Measure::Area, ""},
             {an::UnitKind::CountyClass, 0, an::Measure::Count, ""},
             {an::UnitKind::Corridor, 5000, an::Measure::Area, ""}});
}

TEST(Analysis, RealRiversAndSeatsEqualBruteForce)
{
    test::TempDir dir("analysis");
    const auto lines = writeLayer(dir.path, "rivers", rivers(), wkbLineString);
    compare(lines, "", {{an::UnitKind::County, 0, an::Measure::Length, ""}, {an::UnitKind::Zone, 0, an::Measure::Length, ""}}, "");
    const auto points = writeLayer(dir.path, "seats", seats(), wkbPoint);
    compare(points, "", {{an::UnitKind::County, 0, an::Measure::Count, ""}, {an::UnitKind::Zone, 0, an::Measure::Count, ""}}, "");
    // Each county's seat lies in its county.
    an::StatsOptions o;
    o.source.file = points;
    const auto r = an::computeStats(*context().units, an::UnitKind::County, 0, o);
    for (const auto& row : r.rows)
        EXPECT_EQ(row.value, 1) << row.unitId << " " << row.unitName;
}

TEST(Analysis, PartitionTotalsReconcile)
{
    test::TempDir dir("analysis");
    const auto file = writeLayer(dir.path, "squares", squares(), wkbPolygon);
    for (const an::Measure m : {an::Measure::Area, an::Measure::Count, an::Measure::Sum}) {
        an::StatsOptions o;
        o.source.file = file;
        o.measure = {m, m == an::Measure::Sum ? "value" : ""};
        const auto counties = an::computeStats(*context().units, an::UnitKind::County, 0, o);
        const auto prefectures = an::computeStats(*context().units, an::UnitKind::Prefecture, 0, o);
        double sumCounties = 0, sumPrefectures = 0;
        for (const auto& r : counties.rows)
            sumCounties += r.value;
        for (const auto& r : prefectures.rows)
            sumPrefectures += r.value;
        ASSERT_GE(counties.totals.size(), 2u);
        const double layer = counties.totals[0].value, outside = counties.totals[1].value;
        EXPECT_EQ(counties.totals[0].unitId, "(layer)");
        EXPECT_EQ(counties.totals[1].unitId, "(outside)");
        EXPECT_GT(outside, 0) << "the squares reach beyond the province";
        EXPECT_NEAR(sumCounties + outside, layer, 1e-9 * layer);
        EXPECT_NEAR(sumPrefectures, sumCounties, 1e-9 * layer);
    }
}

TEST(Analysis, ACountyInSeveralClassesCountsInEachAndOnceInAnyClass)
{
    const auto& file = test::parcelsFile(context().geography);
    an::StatsOptions o;
    o.source.file = file;
    o.measure = {an::Measure::Area, ""};
    const auto counties = an::computeStats(*context().units, an::UnitKind::County, 0, o);
    const auto classes = an::computeStats(*context().units, an::UnitKind::CountyClass, 0, o);
    std::map<std::string, double> byCounty;
    for (const auto& r : counties.rows)
        byCounty[r.unitId] = r.value;
    std::map<std::string, int> memberships;
    std::set<std::string> anyClass;
    for (const an::Unit& u : context().units->all(an::UnitKind::CountyClass)) {
        double expected = 0;
        const bool orbit = u.id.find('@') != std::string::npos;  // satellite@guiyang: a part of a class
        for (const auto& code : u.countyCodes) {
            expected += byCounty[code];
            if (!orbit)
                ++memberships[code];
            anyClass.insert(code);
        }
        const auto row = std::find_if(classes.rows.begin(), classes.rows.end(), [&](const an::StatsRow& r) { return r.unitId == u.id; });
        ASSERT_NE(row, classes.rows.end());
        EXPECT_NEAR(row->value, expected, 1e-9 * expected) << u.id;
    }
    EXPECT_TRUE(std::any_of(memberships.begin(), memberships.end(), [](const auto& m) { return m.second > 1; }))
        << "no county holds two classes: the rule is not exercised";
    double any = 0;
    for (const auto& code : anyClass)
        any += byCounty[code];
    const auto total = std::find_if(classes.totals.begin(), classes.totals.end(), [](const an::StatsRow& r) { return r.unitId == "(any_class)"; });
    ASSERT_NE(total, classes.totals.end());
    EXPECT_NEAR(total->value, any, 1e-9 * any);
    double sumClasses = 0;
    for (const auto& r : classes.rows)
        if (r.unitId.find('@') == std::string::npos)
            sumClasses += r.value;
    // The satellites by orbit add up to the satellites.
    auto value = [&](const std::string& id) {
        const auto row = std::find_if(classes.rows.begin(), classes.rows.end(), [&](const an::StatsRow& r) { return r.unitId == id; });
        return row == classes.rows.end() ? -1.0 : row->value;
    };
    EXPECT_NEAR(value("satellite@guiyang") + value("satellite@zunyi"), value("satellite"), 1e-9 * value("satellite"));
    EXPECT_GT(value("satellite@zunyi"), 0);
    EXPECT_GT(sumClasses, total->value) << "counties in two classes count twice over the classes";
}

TEST(Analysis, PartialZonesUseTheirShapeAndSaySo)
{
    const auto& file = test::parcelsFile(context().geography);
    an::StatsOptions o;
    o.source.file = file;
    o.measure = {an::Measure::Area, ""};
    const auto zones = an::computeStats(*context().units, an::UnitKind::Zone, 0, o);
    const auto counties = an::computeStats(*context().units, an::UnitKind::County, 0, o);
    std::map<std::string, double> byCounty;
    for (const auto& r : counties.rows)
        byCounty[r.unitId] = r.value;
    bool sawPartial = false;
    for (const an::Unit& u : context().units->all(an::UnitKind::Zone)) {
        const auto row = std::find_if(zones.rows.begin(), zones.rows.end(), [&](const an::StatsRow& r) { return r.unitId == u.id; });
        ASSERT_NE(row, zones.rows.end());
        double members = 0;
        for (const auto& code : u.countyCodes)
            members += byCounty[code];
        EXPECT_EQ(row->schematic, u.shape.has_value()) << u.id;
        if (u.shape) {
            sawPartial = true;
            EXPECT_LT(row->value, members) << u.id << ": a partial zone holds less than its counties";
            EXPECT_GT(row->value, 0) << u.id;
        } else {
            EXPECT_NEAR(row->value, members, 1e-9 * members) << u.id;
        }
    }
    EXPECT_TRUE(sawPartial);
    EXPECT_TRUE(std::any_of(zones.notes.begin(), zones.notes.end(), [](const std::string& n) { return n.find("示意") != std::string::npos; }));
}

TEST(Analysis, SelectionsEqualBruteForce)
{
    const auto& file = test::parcelsFile(context().geography);
    const auto& units = *context().units;
    const std::vector<std::vector<std::string>> within{{"class:satellite"}, {"prefecture:遵义"}, {}, {"zone:guian_new_area"}};
    const std::vector<std::vector<std::string>> intersects{{}, {}, {"zone:guian_new_area"}, {}};
    const std::vector<std::vector<std::string>> near{{}, {"belt_western_land_sea:10km"}, {"belt_shanghai_kunming:5km"}, {}};
    for (std::size_t i = 0; i < within.size(); ++i) {
        an::SelectOptions o;
        o.source.file = file;
        o.source.where = i == 0 ? "landuse = '林地' AND fid % 3 = 0" : "fid % 3 = 1";  // a subset: the brute force is slow
        for (const auto& u : within[i])
            o.within.push_back(units.parse(u));
        for (const auto& u : intersects[i])
            o.intersects.push_back(units.parse(u));
        for (const auto& u : near[i])
            o.near.push_back(units.parse(u));
        const auto fast = an::selectFeatures(units, o);
        const auto plain = an::bruteForceSelect(units, o);
        EXPECT_GT(fast.size(), 0u) << i;
        EXPECT_EQ(fast, plain) << i;
    }
}

TEST(Analysis, BadRequestsAreRefusedWithTheFix)
{
    const auto& units = *context().units;
    const auto& file = test::parcelsFile(context().geography);
    auto message = [](auto&& f) {
        try {
            f();
        } catch (const std::exception& e) {
            return std::string(e.what());
        }
        return std::string("(no error)");
    };
    EXPECT_NE(message([&] { units.parse("class:nonesuch"); }).find("class:"), std::string::npos);
    EXPECT_NE(message([&] { units.parse("belt_shanghai_kunming:10"); }).find("no unit"), std::string::npos);
    EXPECT_NE(message([&] { units.parse("belt_shanghai_kunming"); }).find(":10km"), std::string::npos);
    EXPECT_NE(message([&] { units.parseBy("township"); }).find("county, prefecture"), std::string::npos);
    EXPECT_NE(message([&] { an::parseMeasure("median"); }).find("sum:FIELD"), std::string::npos);
    an::StatsOptions o;
    o.source.file = file;
    o.source.where = "landuse = = 'x'";
    EXPECT_NE(message([&] { an::computeStats(units, an::UnitKind::County, 0, o); }).find("--where"), std::string::npos);
    o.source.where = "";
    o.groupField = "nonesuch";
    const std::string missing = message([&] { an::computeStats(units, an::UnitKind::County, 0, o); });
    EXPECT_NE(missing.find("nonesuch"), std::string::npos);
    EXPECT_NE(missing.find("landuse"), std::string::npos) << "lists the fields there are: " << missing;
    o.groupField = "";
    o.measure = {an::Measure::Length, ""};
    EXPECT_NE(message([&] { an::computeStats(units, an::UnitKind::County, 0, o); }).find("use area"), std::string::npos);
    o.measure = {an::Measure::Sum, "landuse"};
    EXPECT_NE(message([&] { an::computeStats(units, an::UnitKind::County, 0, o); }).find("not numbers"), std::string::npos);
    test::TempDir dir("analysis");
    const auto noCrs = writeLayer(dir.path, "nocrs", {"POINT (106.7 26.6)"}, wkbPoint, false);
    o.source.file = noCrs;
    o.measure = {an::Measure::Count, ""};
    EXPECT_NE(message([&] { an::computeStats(units, an::UnitKind::County, 0, o); }).find("--layer-crs"), std::string::npos);
    o.source.layerCrs = "EPSG:4490";
    const auto r = an::computeStats(units, an::UnitKind::County, 0, o);
    EXPECT_EQ(r.totals[0].value, 1);
    EXPECT_NE(r.layerCrs.find("assumed"), std::string::npos);
}

TEST(Analysis, JoinResolvesOldNamesAndListsWhatDoesNotMatch)
{
    test::TempDir dir("analysis");
    const auto csv = dir.path / "gdp.csv";
    std::ofstream(csv) << "县,gdp\n盘县,120.5\n520102,300\n花溪区,88\n不存在县,1\n南明区,5\n";
    an::JoinOptions o;
    o.table = csv;
    o.key = "县";
    const auto r = an::joinTable(*context().query, o);
    ASSERT_EQ(r.rows.size(), 5u);
    ASSERT_TRUE(r.rows[0].county);
    EXPECT_EQ(r.rows[0].county->code, "520281") << "盘县 is 盘州市 today";
    EXPECT_EQ(r.rows[1].county->code, "520102");
    EXPECT_TRUE(r.rows[2].problem.empty());
    EXPECT_NE(r.rows[3].problem.find("no county"), std::string::npos);
    EXPECT_NE(r.rows[4].problem.find("again"), std::string::npos) << "南明区 twice";
    EXPECT_EQ(r.matched(), 3u);
    EXPECT_EQ(r.missing.size(), context().geography.counties.size() - 3);
    const auto out = dir.path / "joined.gpkg";
    an::writeJoined(context().geography, r, out, false);
    GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    EXPECT_EQ(l->GetFeatureCount(), static_cast<GIntBig>(context().geography.counties.size()));
    EXPECT_EQ(l->GetLayerDefn()->GetFieldDefn(l->GetLayerDefn()->GetFieldIndex("gdp"))->GetType(), OFTReal);
    l->SetAttributeFilter("code = '520281'");
    OGRFeatureUniquePtr f(l->GetNextFeature());
    ASSERT_TRUE(f);
    EXPECT_DOUBLE_EQ(f->GetFieldAsDouble("gdp"), 120.5);
    EXPECT_THROW(an::writeJoined(context().geography, r, out, false), layers::DataError) << "an existing file without force";
}

TEST(Analysis, ProgressReportsTheCountAndCancels)
{
    an::StatsOptions o;
    o.source.file = test::parcelsFile(context().geography);
    o.measure = {an::Measure::Area, ""};
    std::atomic<std::uint64_t> last{0};
    std::atomic<std::int64_t> total{0};
    o.progress = [&](std::uint64_t read, std::int64_t count) {
        last = std::max<std::uint64_t>(last, read);
        total = count;
        return true;
    };
    const auto r = an::computeStats(*context().units, an::UnitKind::County, 0, o);
    EXPECT_EQ(total.load(), static_cast<std::int64_t>(r.featuresRead)) << "the layer's count";
    EXPECT_GT(last.load(), r.featuresRead / 2) << "reported as it reads";
    EXPECT_LE(last.load(), r.featuresRead);
    std::atomic<int> calls{0};
    o.progress = [&](std::uint64_t, std::int64_t) { return ++calls < 2; };
    EXPECT_THROW(an::computeStats(*context().units, an::UnitKind::County, 0, o), an::Cancelled);
}
