// exportSource: any GDAL vector layer streamed to the export formats. A generated layer of a few thousand
// parcels (id, county, Chinese land use, area, polygons in EPSG:4490) is written to shapefile and GeoPackage
// and read back with GDAL: count, every attribute, geometry envelope and area, CRS. Plus reprojection, GBK,
// cancel, no overwrite without force and the errors for missing or unreadable sources and unknown layers.
// And loadExportTables (the fast path of `gzplan export --layer`) gives the same tables as the full load.
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "layers/export_tables.h"
#include "layers/exporter.h"
#include "layers/plan_store.h"
#include "../common/temp_dir.h"

namespace {
constexpr int kParcels = 3000;
const char* const kLanduse[] = {"耕地", "林地", "城镇住宅用地", "水域及水利设施用地", "园地", "交通运输用地"};

struct TempDir : test::TempDir {
    TempDir() : test::TempDir("source-test") {}
};

std::string readFile(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

/// The i-th parcel: a square (with a square hole every 7th) of 0.004° north-east of 104°E 25°N, rows of 100.
std::unique_ptr<OGRPolygon> parcelShape(int i)
{
    const double x = 104 + (i % 100) * 0.005, y = 25 + (i / 100) * 0.005, d = 0.004;
    auto polygon = std::make_unique<OGRPolygon>();
    auto ring = std::make_unique<OGRLinearRing>();
    for (auto [dx, dy] : {std::pair{0.0, 0.0}, {d, 0.0}, {d, d}, {0.0, d}, {0.0, 0.0}})
        ring->addPoint(x + dx, y + dy);
    polygon->addRingDirectly(ring.release());
    if (i % 7 == 0) {
        auto hole = std::make_unique<OGRLinearRing>();
        for (auto [dx, dy] : {std::pair{0.001, 0.001}, {0.001, 0.002}, {0.002, 0.002}, {0.002, 0.001}, {0.001, 0.001}})
            hole->addPoint(x + dx, y + dy);
        polygon->addRingDirectly(hole.release());
    }
    return polygon;
}

std::string county(int i) { return "5201" + std::to_string(10 + i % 88); }

/// A GeoPackage "parcels" layer written through GDAL (plus, with extra, a second layer and long names/values).
std::filesystem::path makeParcels(const std::filesystem::path& dir, bool extra = false)
{
    GDALAllRegister();
    const std::filesystem::path file = dir / "parcels.gpkg";
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(file.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4490);
    OGRLayer* layer = ds->CreateLayer("parcels", &srs, wkbMultiPolygon, nullptr);
    OGRFieldDefn id("id", OFTInteger), c("county", OFTString), l("landuse", OFTString), a("area_m2", OFTReal);
    for (OGRFieldDefn* f : {&id, &c, &l, &a})
        layer->CreateField(f);
    if (extra) {
        OGRFieldDefn longName("landuse_description", OFTString), other("landuse_describer", OFTString);
        layer->CreateField(&longName);
        layer->CreateField(&other);
    }
    ds->StartTransaction();
    for (int i = 0; i < kParcels; ++i) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("id", i);
        f.SetField("county", county(i).c_str());
        f.SetField("landuse", kLanduse[i % 6]);
        f.SetField("area_m2", 100.0 + i * 1.25);
        if (extra) {
            std::string text;
            for (int k = 0; k < (i == 5 ? 100 : 3); ++k)
                text += "说明";  // 6 bytes each in UTF-8: the 6th feature's 600 bytes exceed the DBF limit
            f.SetField("landuse_description", text.c_str());
            f.SetField("landuse_describer", "x");
        }
        OGRMultiPolygon multi;
        multi.addGeometryDirectly(parcelShape(i).release());
        f.SetGeometry(&multi);
        EXPECT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
    ds->CommitTransaction();
    if (extra)
        ds->CreateLayer("notes", nullptr, wkbNone, nullptr);
    return file;
}

struct Opened {
    GDALDatasetUniquePtr ds;
    OGRLayer* layer = nullptr;
};

Opened open(const std::filesystem::path& file)
{
    Opened o;
    o.ds.reset(GDALDataset::Open(file.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (o.ds)
        o.layer = o.ds->GetLayer(0);
    return o;
}

/// Every feature of the written file against the generator: attributes exact, area and envelope within tolerance.
void expectParcels(const std::filesystem::path& file, const char* epsg = "4490")
{
    Opened o = open(file);
    ASSERT_TRUE(o.ds) << file;
    ASSERT_EQ(o.layer->GetFeatureCount(), kParcels);
    const OGRSpatialReference* srs = o.layer->GetSpatialRef();
    ASSERT_TRUE(srs);
    OGRSpatialReference expected;
    expected.importFromEPSG(std::atoi(epsg));
    const char* const criteria[] = {"IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS", nullptr};
    EXPECT_TRUE(srs->IsSame(&expected, criteria)) << file;
    std::unique_ptr<OGRCoordinateTransformation> transform;
    if (std::string(epsg) != "4490") {
        OGRSpatialReference from;
        from.importFromEPSG(4490);
        from.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        expected.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        transform.reset(OGRCreateCoordinateTransformation(&from, &expected));
    }
    std::set<int> seen;
    for (auto& f : *o.layer) {
        const int i = f->GetFieldAsInteger("id");
        ASSERT_TRUE(i >= 0 && i < kParcels);
        seen.insert(i);
        EXPECT_EQ(f->GetFieldAsString("county"), county(i));
        EXPECT_STREQ(f->GetFieldAsString("landuse"), kLanduse[i % 6]) << i;
        EXPECT_NEAR(f->GetFieldAsDouble("area_m2"), 100.0 + i * 1.25, 1e-9);
        const OGRGeometry* g = f->GetGeometryRef();
        ASSERT_TRUE(g) << i;
        auto shape = parcelShape(i);
        if (transform)
            shape->transform(transform.get());
        OGREnvelope got, want;
        g->getEnvelope(&got);
        shape->getEnvelope(&want);
        const double tolerance = transform ? 1e-3 : 1e-9;  // metres after reprojection, degrees otherwise
        EXPECT_NEAR(got.MinX, want.MinX, tolerance);
        EXPECT_NEAR(got.MaxY, want.MaxY, tolerance);
        const double area = wkbFlatten(g->getGeometryType()) == wkbMultiPolygon ? g->toMultiPolygon()->get_Area() : g->toPolygon()->get_Area();
        EXPECT_NEAR(area, shape->get_Area(), shape->get_Area() * 1e-6) << i;
    }
    EXPECT_EQ(seen.size(), static_cast<std::size_t>(kParcels));
}
}  // namespace

TEST(ExportSource, ParcelsToShapefileRoundTrip)
{
    TempDir dir;
    const auto source = makeParcels(dir.path);
    std::filesystem::create_directories(dir.path / "out");
    std::vector<double> shares;
    const auto report = layers::exportSource(source, "", dir.path / "out", {}, [&](double done, const std::string&) {
        shares.push_back(done);
        return true;
    });
    EXPECT_EQ(report.features, static_cast<std::size_t>(kParcels));
    expectParcels(dir.path / "out" / "parcels.shp");
    EXPECT_EQ(readFile(dir.path / "out" / "parcels.cpg"), "UTF-8");
    EXPECT_TRUE(std::filesystem::exists(dir.path / "out" / "parcels.prj"));
    // The field sidecar is written whether or not a name had to be shortened (as for the plan's layers).
    EXPECT_EQ(readFile(dir.path / "out" / "parcels.fields.csv"), "\xEF\xBB\xBF"
                                                                 "dbf_name,full_name,type,width_bytes,description\n"
                                                                 "id,id,integer,,\n"
                                                                 "county,county,text,\"6\",\n"
                                                                 "landuse,landuse,text,\"27\",\n"
                                                                 "area_m2,area_m2,real,,\n");
    ASSERT_FALSE(shares.empty());
    EXPECT_TRUE(std::is_sorted(shares.begin(), shares.end()));
    EXPECT_DOUBLE_EQ(shares.back(), 1.0);
    EXPECT_EQ(dir.listing(), (std::set<std::string>{"parcels.gpkg", "out", "out/parcels.shp", "out/parcels.shx", "out/parcels.dbf", "out/parcels.prj",
                                                    "out/parcels.cpg", "out/parcels.fields.csv"}));
}

TEST(ExportSource, ParcelsToGeoPackageRoundTripWithSpatialIndex)
{
    TempDir dir;
    const auto source = makeParcels(dir.path);
    layers::ExportOptions options;
    options.format = "gpkg";
    options.crs = "";  // the source's
    const auto report = layers::exportSource(source, "parcels", dir.path / "copy.gpkg", options);
    EXPECT_EQ(report.files, std::vector<std::filesystem::path>{std::filesystem::absolute(dir.path / "copy.gpkg")});
    expectParcels(dir.path / "copy.gpkg");
    Opened o = open(dir.path / "copy.gpkg");
    OGRLayer* rtree = o.ds->ExecuteSQL("SELECT HasSpatialIndex('parcels', 'geom')", nullptr, nullptr);
    ASSERT_TRUE(rtree);
    OGRFeatureUniquePtr f(rtree->GetNextFeature());
    EXPECT_EQ(f->GetFieldAsInteger(0), 1);
    o.ds->ReleaseResultSet(rtree);
    // The feature ids of the source are kept.
    OGRFeatureUniquePtr first(o.layer->GetFeature(1));
    ASSERT_TRUE(first);
    EXPECT_EQ(first->GetFieldAsInteger("id"), 0);
}

TEST(ExportSource, ReprojectsInTheReaderThread)
{
    TempDir dir;
    const auto source = makeParcels(dir.path);
    layers::ExportOptions options;
    options.crs = "EPSG:4545";  // CGCS2000 3-degree Gauss-Kruger CM 108E
    layers::exportSource(source, "", dir.path / "p4545.shp", options);
    expectParcels(dir.path / "p4545.shp", "4545");
    options.format = "gpkg";
    layers::exportSource(source, "", dir.path / "p4545.gpkg", options);
    expectParcels(dir.path / "p4545.gpkg", "4545");
}

TEST(ExportSource, GbkShapefileReadsBackAndNamesCodePage936)
{
    TempDir dir;
    const auto source = makeParcels(dir.path);
    layers::ExportOptions options;
    options.encoding = "GBK";
    layers::exportSource(source, "", dir.path / "gbk.shp", options);
    EXPECT_EQ(readFile(dir.path / "gbk.cpg"), "936");
    expectParcels(dir.path / "gbk.shp");  // GDAL recodes from the .cpg
    const std::string dbf = readFile(dir.path / "gbk.dbf");
    EXPECT_NE(dbf.find("\xB8\xFB\xB5\xD8"), std::string::npos);  // 耕地 in GBK
    EXPECT_EQ(dbf.find("耕地"), std::string::npos);                // not in UTF-8
}

TEST(ExportSource, LongNamesGetASidecarAndLongValuesAreCutVisibly)
{
    TempDir dir;
    const auto source = makeParcels(dir.path, true);
    const auto report = layers::exportSource(source, "parcels", dir.path / "p.shp", {});
    const std::string fields = readFile(dir.path / "p.fields.csv");
    EXPECT_NE(fields.find("landuse_de,landuse_description"), std::string::npos) << fields;
    EXPECT_NE(fields.find("landuse__1,landuse_describer"), std::string::npos) << fields;
    const std::string longValues = readFile(dir.path / "p.long_values.csv");
    EXPECT_NE(longValues.find("landuse_description"), std::string::npos);
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_NE(report.warnings[0].find("feature 6"), std::string::npos) << report.warnings[0];  // GeoPackage fids start at 1
    Opened o = open(dir.path / "p.shp");
    OGRFeatureUniquePtr f(o.layer->GetFeature(5));
    const std::string cut = f->GetFieldAsString("landuse_de");
    EXPECT_LE(cut.size(), 254u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "…");
}

TEST(ExportSource, CancelLeavesNothing)
{
    TempDir dir;
    const auto source = makeParcels(dir.path);
    for (const char* format : {"shp", "gpkg"}) {
        const layers::ExportOptions options{.format = format};
        int calls = 0;
        EXPECT_THROW(layers::exportSource(source, "", dir.path / (std::string("cancelled.") + format), options,
                                          [&](double, const std::string&) { return ++calls < 1; }),
                     layers::ExportCancelled);
        EXPECT_EQ(dir.listing(), std::set<std::string>{"parcels.gpkg"}) << format;
    }
}

TEST(ExportSource, ExistingFileIsKeptWithoutForce)
{
    TempDir dir;
    const auto source = makeParcels(dir.path);
    layers::ExportOptions options;
    options.format = "gpkg";
    std::ofstream(dir.path / "taken.gpkg") << "old";
    try {
        layers::exportSource(source, "", dir.path / "taken.gpkg", options);
        FAIL() << "overwrote without force";
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("--force"), std::string::npos) << e.what();
    }
    EXPECT_EQ(readFile(dir.path / "taken.gpkg"), "old");
    EXPECT_EQ(dir.listing(), (std::set<std::string>{"parcels.gpkg", "taken.gpkg"}));
    options.force = true;
    layers::exportSource(source, "", dir.path / "taken.gpkg", options);
    expectParcels(dir.path / "taken.gpkg");
}

TEST(ExportSource, ClearErrorsNameTheFileAndLayer)
{
    TempDir dir;
    auto message = [&](const std::filesystem::path& source, const std::string& layer) {
        try {
            layers::exportSource(source, layer, dir.path / "out.shp", {});
        } catch (const layers::DataError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string missing = message(dir.path / "nowhere.gpkg", "");
    EXPECT_NE(missing.find("nowhere.gpkg"), std::string::npos) << missing;
    EXPECT_NE(missing.find("does not exist"), std::string::npos) << missing;

    std::ofstream(dir.path / "garbage.gpkg") << "this is not a GeoPackage";
    const std::string unreadable = message(dir.path / "garbage.gpkg", "");
    EXPECT_NE(unreadable.find("garbage.gpkg"), std::string::npos) << unreadable;
    EXPECT_NE(unreadable.find("cannot open"), std::string::npos) << unreadable;

    const auto source = makeParcels(dir.path, true);
    const std::string unknown = message(source, "roads");
    EXPECT_NE(unknown.find("parcels.gpkg"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("'roads'"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("parcels, notes"), std::string::npos) << unknown;  // the layers there are
    // Several layers with geometry: the user must choose (the plan GeoPackage has counties, prefectures, …).
    const std::string ambiguous = message(GZ_TEST_GEOPACKAGE, "");
    EXPECT_NE(ambiguous.find("--source-layer"), std::string::npos) << ambiguous;
    EXPECT_FALSE(std::filesystem::exists(dir.path / "out.shp"));
    // One layer with geometry beside attribute tables (parcels and its notes): that one is taken.
    EXPECT_EQ(message(source, ""), "no error");
    EXPECT_TRUE(std::filesystem::exists(dir.path / "out.shp"));
}

TEST(ExportSource, OtherFormatsStream)
{
    TempDir dir;
    const auto source = makeParcels(dir.path);
    for (const char* format : {"geojson", "csv"}) {
        const layers::ExportOptions options{.format = format};
        const auto report = layers::exportSource(source, "", dir.path, options);
        EXPECT_EQ(report.features, static_cast<std::size_t>(kParcels));
        Opened o = open(dir.path / (std::string("parcels.") + format));
        ASSERT_TRUE(o.ds) << format;
        EXPECT_EQ(o.layer->GetFeatureCount(), kParcels) << format;
    }
}

// The fast path of `gzplan export --layer`: the GeoPackage opened once, only the tables asked for read.
TEST(LoadExportTables, SameTablesAsTheFullLoad)
{
    const auto geography = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    const auto plan = layers::PlanData::loadGeoPackage(GZ_TEST_GEOPACKAGE);
    const auto geometry = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, plan);
    const auto full = layers::buildExportTables(geography, plan, geometry);
    const auto fast = layers::loadExportTables(GZ_TEST_GEOPACKAGE);
    ASSERT_EQ(fast.size(), full.size());
    ASSERT_EQ(layers::exportLayers().size(), full.size());
    for (std::size_t t = 0; t < full.size(); ++t) {
        const auto& a = full[t];
        EXPECT_EQ(layers::exportLayers()[t].id, a.id);
        EXPECT_EQ(layers::exportLayers()[t].title, a.title);
        EXPECT_EQ(layers::exportLayers()[t].kind, a.kind);
        const auto single = layers::loadExportTables(GZ_TEST_GEOPACKAGE, {a.id});
        ASSERT_EQ(single.size(), 1u);
        for (const auto* b : {&fast[t], &single.front()}) {
            ASSERT_EQ(b->id, a.id);
            EXPECT_EQ(b->title, a.title);
            EXPECT_EQ(b->kind, a.kind);
            ASSERT_EQ(b->fields.size(), a.fields.size()) << a.id;
            for (std::size_t k = 0; k < a.fields.size(); ++k) {
                EXPECT_EQ(b->fields[k].name, a.fields[k].name);
                EXPECT_EQ(b->fields[k].shortName, a.fields[k].shortName);
                EXPECT_EQ(b->fields[k].description, a.fields[k].description);
            }
            ASSERT_EQ(b->features.size(), a.features.size()) << a.id;
            for (std::size_t i = 0; i < a.features.size(); ++i) {
                EXPECT_EQ(b->features[i].values, a.features[i].values) << a.id << " " << i;
                EXPECT_EQ(b->features[i].label, a.features[i].label);
                EXPECT_EQ(b->features[i].groups, a.features[i].groups);
                ASSERT_EQ(b->features[i].geometry.index(), a.features[i].geometry.index()) << a.id << " " << i;
                if (const auto* shape = std::get_if<geo::MultiPolygon>(&a.features[i].geometry)) {
                    const auto& other = std::get<geo::MultiPolygon>(b->features[i].geometry);
                    ASSERT_EQ(other.size(), shape->size());
                    for (std::size_t p = 0; p < shape->size(); ++p)
                        EXPECT_EQ(other[p].outer.size(), (*shape)[p].outer.size());
                } else if (const auto* point = std::get_if<geo::Point>(&a.features[i].geometry)) {
                    EXPECT_EQ(std::get<geo::Point>(b->features[i].geometry).x, point->x);
                    EXPECT_EQ(std::get<geo::Point>(b->features[i].geometry).y, point->y);
                } else if (const auto* line = std::get_if<std::vector<geo::Point>>(&a.features[i].geometry)) {
                    EXPECT_EQ(std::get<std::vector<geo::Point>>(b->features[i].geometry).size(), line->size());
                }
            }
        }
    }
}

TEST(LoadExportTables, ErrorsNameTheFileOrLayer)
{
    EXPECT_THROW(layers::loadExportTables(GZ_TEST_GEOPACKAGE, {"roads"}), layers::DataError);
    try {
        layers::loadExportTables("/nonexistent/guizhou.gpkg", {"counties"});
        FAIL();
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/guizhou.gpkg"), std::string::npos);
    }
}
