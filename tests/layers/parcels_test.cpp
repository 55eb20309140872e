// The synthetic parcel generator on a small set (--count 20000): read back with GDAL, every geometry valid,
// every parcel inside its county, areas adding up to the counties and the province, no overlaps, ids 1..N,
// land use among the 16 categories, deterministic per seed, an R-tree spatial index, atomic and no overwrite.
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <memory>
#include <set>

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "geo/projection.h"
#include "geo/topology.h"
#include "layers/errors.h"
#include "layers/geography.h"
#include "layers/parcels.h"

namespace {

const layers::Geography& geography()
{
    static const layers::Geography g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    return g;
}

std::filesystem::path tempDir()
{
    struct Dir {
        std::filesystem::path path = std::filesystem::temp_directory_path() / ("gz-parcels-test-" + std::to_string(::getpid()));
        Dir() { std::filesystem::create_directories(path); }
        ~Dir()
        {
            std::error_code ignored;
            std::filesystem::remove_all(path, ignored);
        }
    };
    static const Dir dir;
    return dir.path;
}

constexpr std::size_t kCount = 20000;
constexpr unsigned kSeed = 7;

struct Parcel {
    long long fid = 0;
    int id = 0;
    std::string county;
    std::string landUse;
    double area = 0;
    std::string wkt;
    geo::MultiPolygon shape;
    geo::Point inside;  // point on surface
};

geo::Ring ring(const OGRLinearRing* r)
{
    geo::Ring out;
    for (int i = 0; i < r->getNumPoints(); ++i)
        out.push_back({r->getX(i), r->getY(i)});
    return out;
}

/// A point inside a polygon: the middle of the widest span of a horizontal line through the middle of its bounds.
geo::Point interiorPoint(const geo::Polygon& polygon)
{
    const geo::Box box = geo::bounds(polygon.outer);
    const double y = box.minY + 0.5 * box.height();
    std::vector<double> xs;
    auto crossings = [&](const geo::Ring& r) {
        for (std::size_t i = 0; i + 1 < r.size(); ++i) {
            const geo::Point a = r[i], b = r[i + 1];
            if ((a.y > y) != (b.y > y))
                xs.push_back(a.x + (y - a.y) * (b.x - a.x) / (b.y - a.y));
        }
    };
    crossings(polygon.outer);
    for (const geo::Ring& h : polygon.holes)
        crossings(h);
    std::sort(xs.begin(), xs.end());
    geo::Point best{box.centre().x, y};
    double widest = -1;
    for (std::size_t i = 0; i + 1 < xs.size(); i += 2)
        if (xs[i + 1] - xs[i] > widest) {
            widest = xs[i + 1] - xs[i];
            best = {(xs[i] + xs[i + 1]) / 2, y};
        }
    return best;
}

std::vector<Parcel> readParcels(const std::filesystem::path& file)
{
    GDALAllRegister();
    GDALDatasetUniquePtr ds(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds)
        throw std::runtime_error("cannot open " + file.string());
    OGRLayer* layer = ds->GetLayerByName(layers::kParcelLayer);
    if (!layer)
        throw std::runtime_error("no parcels layer in " + file.string());
    std::vector<Parcel> out;
    for (auto& f : *layer) {
        Parcel p;
        p.fid = f->GetFID();
        p.id = f->GetFieldAsInteger("id");
        p.county = f->GetFieldAsString("county");
        p.landUse = f->GetFieldAsString("landuse");
        p.area = f->GetFieldAsDouble("area_m2");
        const OGRGeometry* g = f->GetGeometryRef();
        if (g && wkbFlatten(g->getGeometryType()) == wkbPolygon) {
            const OGRPolygon* polygon = g->toPolygon();
            char* wkt = nullptr;
            g->exportToWkt(&wkt, wkbVariantIso);
            p.wkt = wkt;
            CPLFree(wkt);
            geo::Polygon q;
            q.outer = ring(polygon->getExteriorRing());
            for (int i = 0; i < polygon->getNumInteriorRings(); ++i)
                q.holes.push_back(ring(polygon->getInteriorRing(i)));
            p.shape.push_back(std::move(q));
            p.inside = interiorPoint(p.shape[0]);
        }
        out.push_back(std::move(p));
    }
    return out;
}

struct Generated {
    layers::ParcelReport report;
    std::vector<Parcel> parcels;
};

const Generated& generated()
{
    static const Generated g = [] {
        Generated r;
        r.report = layers::makeParcels(geography(), tempDir() / "parcels.gpkg", {kCount, kSeed, true, 0});
        r.parcels = readParcels(r.report.file);
        return r;
    }();
    return g;
}

double albersArea(const geo::Projection& albers, const geo::MultiPolygon& shape) { return geo::planarArea(albers.forward(shape)); }

}  // namespace

TEST(Parcels, StepScalesWithTheCount)
{
    EXPECT_DOUBLE_EQ(layers::parcelStep(layers::kDefaultParcelCount), 0.004);
    EXPECT_NEAR(layers::parcelStep(100000), 0.004 * std::sqrt(10.372), 1e-12);
    EXPECT_THROW(layers::parcelStep(10), std::invalid_argument);
    EXPECT_THROW(layers::parcelStep(layers::kMaxParcelCount + 1), std::invalid_argument);
}

TEST(Parcels, SixteenLandUseCategories)
{
    const auto& c = layers::landUseCategories();
    std::set<std::string> names, codes;
    for (const auto& l : c) {
        names.insert(l.name);
        codes.insert(l.code);
    }
    EXPECT_EQ(names.size(), 16u);
    EXPECT_EQ(codes.size(), 16u);
    for (const char* name : {"耕地", "园地", "林地", "草地", "湿地", "城镇住宅用地", "农村宅基地", "工业用地", "商业服务业用地",
                             "公共管理与公共服务用地", "交通运输用地", "水域及水利设施用地", "特殊用地", "采矿用地", "公园与绿地", "其他土地"})
        EXPECT_GE(layers::landUseIndex(name), 0) << name;
    EXPECT_EQ(layers::landUseIndex("火星"), -1);
}

void checkReport();
void checkIdsAndLandUse();
void checkValidity();
void checkInsideCounties();
void checkAreas();
void checkNoOverlap();
void checkSpatialIndex();

// Each test runs in its own process under CTest and generates the set again: the checks are grouped in two tests.
// Read back with GDAL: matches the report; Polygon, EPSG:4490, the fields; ids 1..N; land use among the 16; R-tree.
TEST(Parcels, ReadBackWithGdal)
{
    checkReport();
    checkIdsAndLandUse();
    checkSpatialIndex();
}

// Every geometry valid, each parcel inside its county, areas adding up per county and in total, no overlaps.
TEST(Parcels, CoverTheCountiesExactly)
{
    checkValidity();
    checkInsideCounties();
    checkAreas();
    checkNoOverlap();
}

void checkReport()
{
    const Generated& g = generated();
    EXPECT_EQ(g.parcels.size(), g.report.features);
    EXPECT_EQ(g.report.wholeCells + g.report.clippedPieces, g.report.features);
    EXPECT_GT(g.report.wholeCells, 10000u);
    EXPECT_GT(g.report.clippedPieces, 1000u);
    EXPECT_GE(g.report.clippedPieces, g.report.cutCells);
    // The step formula gives about the requested count (more for small counts: cut cells give several pieces).
    EXPECT_GT(g.report.features, kCount * 9 / 10);
    EXPECT_LT(g.report.features, kCount * 14 / 10);

    GDALDatasetUniquePtr ds(GDALDataset::Open(g.report.file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayerByName(layers::kParcelLayer);
    ASSERT_NE(layer, nullptr);
    EXPECT_EQ(wkbFlatten(layer->GetGeomType()), wkbPolygon);
    ASSERT_NE(layer->GetSpatialRef(), nullptr);
    EXPECT_STREQ(layer->GetSpatialRef()->GetAuthorityCode(nullptr), "4490");
    EXPECT_EQ(layer->GetFeatureCount(), static_cast<GIntBig>(g.report.features));
    for (const char* field : {"id", "county", "landuse", "area_m2"})
        EXPECT_GE(layer->GetLayerDefn()->GetFieldIndex(field), 0) << field;
    // Whole cells are 9-point rings: 8 distinct vertices and the closing point.
    std::size_t nine = 0;
    for (const Parcel& p : g.parcels)
        if (p.shape.size() == 1 && p.shape[0].holes.empty() && p.shape[0].outer.size() == 9)
            ++nine;
    EXPECT_GE(nine, g.report.wholeCells);
    // No temporary file left beside the target.
    for (const auto& entry : std::filesystem::directory_iterator(tempDir()))
        EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
}

void checkIdsAndLandUse()
{
    const Generated& g = generated();
    std::vector<int> ids;
    for (const Parcel& p : g.parcels) {
        ids.push_back(p.id);
        EXPECT_EQ(p.fid, p.id);
        EXPECT_GE(layers::landUseIndex(p.landUse), 0) << p.landUse;
        EXPECT_EQ(p.county.size(), 6u);
    }
    std::sort(ids.begin(), ids.end());
    for (std::size_t i = 0; i < ids.size(); ++i)
        ASSERT_EQ(ids[i], static_cast<int>(i + 1));
    // The two dominant rural classes are present, and built-up classes appear round the seats.
    std::map<std::string, int> counts;
    for (const Parcel& p : g.parcels)
        counts[p.landUse]++;
    EXPECT_GT(counts["林地"], counts["耕地"]);
    EXPECT_GT(counts["耕地"], 0);
    EXPECT_GT(counts["城镇住宅用地"], 0);
}

void checkValidity()
{
    const geo::Topology topology;
    for (const Parcel& p : generated().parcels) {
        ASSERT_EQ(p.shape.size(), 1u) << p.id;
        const geo::Validity v = topology.validity(p.shape);
        EXPECT_TRUE(v.valid) << "parcel " << p.id << ": " << v.reason;
    }
}

void checkInsideCounties()
{
    for (const Parcel& p : generated().parcels) {
        const layers::County* county = geography().county(p.county);
        ASSERT_NE(county, nullptr) << p.county;
        EXPECT_TRUE(geo::contains(county->shape, p.inside)) << "parcel " << p.id << " (" << p.county << ") at " << p.inside.x << " " << p.inside.y;
    }
}

void checkAreas()
{
    const Generated& g = generated();
    const geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    std::map<std::string, double> perCounty;
    double total = 0;
    for (std::size_t i = 0; i < g.parcels.size(); ++i) {
        const Parcel& p = g.parcels[i];
        EXPECT_GT(p.area, 0) << p.id;
        perCounty[p.county] += p.area;
        total += p.area;
        if (i % 97 == 0) {  // the stored area is the geometry's Albers area
            EXPECT_NEAR(p.area, albersArea(albers, p.shape), 1e-6 * p.area + 1e-6) << p.id;
        }
    }
    double province = 0;
    for (const layers::County& c : geography().counties)
        province += c.areaKm2 * 1e6;
    EXPECT_NEAR(total, province, 0.001 * province);
    EXPECT_NEAR(g.report.areaKm2 * 1e6, total, 1e-6 * total);
    EXPECT_EQ(perCounty.size(), geography().counties.size());
    for (const layers::County& c : geography().counties)
        EXPECT_NEAR(perCounty[c.code], c.areaKm2 * 1e6, 0.005 * c.areaKm2 * 1e6) << c.code << " " << c.name;
}

void checkNoOverlap()
{
    // Sum of areas equals the area of the union (degrees², planar): within a county, and across two counties whose
    // source polygons overlap (乌当区 / 观山湖区 share 0.5 km² in the source; the lower code keeps it).
    const geo::Topology topology;
    const std::vector<std::set<std::string>> groups{{"520112", "520115"}, {"520102", "520111"}, {"522301"}};
    for (const auto& group : groups) {
        std::vector<const geo::MultiPolygon*> parts;
        double sum = 0;
        for (const Parcel& p : generated().parcels)
            if (group.count(p.county)) {
                parts.push_back(&p.shape);
                sum += geo::planarArea(p.shape);
            }
        ASSERT_GT(parts.size(), 10u);
        const double united = geo::planarArea(topology.unite(parts));
        EXPECT_NEAR(united, sum, 1e-7 * sum) << *group.begin();
    }
}

void checkSpatialIndex()
{
    const Generated& g = generated();
    GDALDatasetUniquePtr ds(GDALDataset::Open(g.report.file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRLayer* has = ds->ExecuteSQL("SELECT HasSpatialIndex('parcels', 'geom')", nullptr, nullptr);
    ASSERT_NE(has, nullptr);
    std::unique_ptr<OGRFeature> row(has->GetNextFeature());
    ASSERT_TRUE(row);
    EXPECT_EQ(row->GetFieldAsInteger(0), 1);
    row.reset();
    ds->ReleaseResultSet(has);
    OGRLayer* ext = ds->ExecuteSQL("SELECT count(*) FROM gpkg_extensions WHERE table_name = 'parcels' AND extension_name = 'gpkg_rtree_index'",
                                   nullptr, nullptr);
    ASSERT_NE(ext, nullptr);
    row.reset(ext->GetNextFeature());
    EXPECT_EQ(row->GetFieldAsInteger(0), 1);
    row.reset();
    ds->ReleaseResultSet(ext);
    OGRLayer* rtree = ds->ExecuteSQL("SELECT count(*) FROM rtree_parcels_geom", nullptr, nullptr);
    ASSERT_NE(rtree, nullptr);
    row.reset(rtree->GetNextFeature());
    EXPECT_EQ(row->GetFieldAsInteger64(0), static_cast<GIntBig>(g.report.features));
    row.reset();
    ds->ReleaseResultSet(rtree);
}

TEST(Parcels, SameSeedSameOutputOtherSeedOtherOutput)
{
    const Generated& g = generated();
    const auto again = layers::makeParcels(geography(), tempDir() / "again.gpkg", {kCount, kSeed, true, 1});  // one worker thread
    const auto a = readParcels(again.file);
    ASSERT_EQ(a.size(), g.parcels.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        ASSERT_EQ(a[i].id, g.parcels[i].id);
        ASSERT_EQ(a[i].county, g.parcels[i].county) << a[i].id;
        ASSERT_EQ(a[i].landUse, g.parcels[i].landUse) << a[i].id;
        ASSERT_EQ(a[i].area, g.parcels[i].area) << a[i].id;
        ASSERT_EQ(a[i].wkt, g.parcels[i].wkt) << a[i].id;
    }
    // Another seed moves the vertices and changes the land use (small sets: quicker).
    const auto one = readParcels(layers::makeParcels(geography(), tempDir() / "one.gpkg", {5000, kSeed, true, 0}).file);
    const auto two = readParcels(layers::makeParcels(geography(), tempDir() / "two.gpkg", {5000, kSeed + 1, true, 0}).file);
    std::size_t same = 0;
    for (std::size_t i = 0; i < std::min(one.size(), two.size()); ++i)
        same += one[i].wkt == two[i].wkt;
    EXPECT_LT(same, one.size() / 100);
}

TEST(Parcels, RefusesToReplaceAFileWithoutForce)
{
    const auto target = tempDir() / "existing.gpkg";
    {
        std::ofstream(target) << "keep me";
    }
    EXPECT_THROW(layers::makeParcels(geography(), target, {layers::kMinParcelCount, 1, false, 0}), layers::DataError);
    std::ifstream in(target);
    std::string text;
    std::getline(in, text);
    EXPECT_EQ(text, "keep me");
    EXPECT_THROW(layers::makeParcels(geography(), tempDir() / "x.gpkg", {10, 1, true, 0}), std::invalid_argument);
    EXPECT_FALSE(std::filesystem::exists(tempDir() / "x.gpkg"));
}

TEST(Parcels, CancelLeavesNothing)
{
    const auto target = tempDir() / "cancelled.gpkg";
    int calls = 0;
    EXPECT_THROW(layers::makeParcels(geography(), target, {5000, 1, true, 0}, [&](double, const std::string&) { return ++calls < 3; }),
                 layers::ParcelsCancelled);
    EXPECT_FALSE(std::filesystem::exists(target));
    for (const auto& entry : std::filesystem::directory_iterator(tempDir()))
        EXPECT_EQ(entry.path().string().find("cancelled.gpkg.tmp-"), std::string::npos) << entry.path();
}
