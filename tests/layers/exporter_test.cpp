// Round trips through GDAL: every layer × every format × a geographic and a projected CRS is written, read back
// with GDAL and compared: feature count, every attribute value (Chinese text intact, in UTF-8 and in GBK) and
// geometry within a stated tolerance. Plus the failure modes: read-only folder, cancel mid-write, no overwrite.
#include <cmath>
#include <set>

#include <gtest/gtest.h>

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include "layers/exporter.h"
#include "layers/plan_store.h"
#include "plan_test_data.h"
#include "../common/temp_dir.h"

namespace {
const std::vector<layers::ExportTable>& tables()
{
    static const auto t = [] {
        static const auto plan = layers::PlanData::loadGeoPackage(GZ_TEST_GEOPACKAGE);
        static const auto geometry = layers::loadPlanGeometry(GZ_TEST_GEOPACKAGE, plan);  // compiled at build time; deriving again costs 0.4 s
        return layers::buildExportTables(test::geography(), plan, geometry);
    }();
    return t;
}

const layers::ExportTable& table(const std::string& id)
{
    for (const auto& t : tables())
        if (t.id == id)
            return t;
    throw std::runtime_error("no table " + id);
}

struct TempDir : test::TempDir {
    TempDir() : test::TempDir("export-test") {}
};

/// The value as text, the way every format can be compared (numbers to 6 significant digits).
std::string asText(const layers::ExportValue& v, const std::string& format)
{
    if (const auto* s = std::get_if<std::string>(&v))
        return *s;
    if (const auto* n = std::get_if<long long>(&v))
        return std::to_string(*n);
    if (const auto* d = std::get_if<double>(&v)) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.6g", *d);
        return buffer;
    }
    if (const auto* b = std::get_if<bool>(&v))
        return format == "kml" ? (*b ? "1" : "0") : (*b ? "1" : "0");
    return "";
}

std::string readText(const OGRFeature& f, int index, layers::FieldType type)
{
    if (!f.IsFieldSetAndNotNull(index))
        return "";
    if (type == layers::FieldType::Real) {
        char buffer[64];
        std::snprintf(buffer, sizeof buffer, "%.6g", f.GetFieldAsDouble(index));
        return buffer;
    }
    if (type == layers::FieldType::Boolean) {
        const std::string s = f.GetFieldAsString(index);
        return s == "true" || s == "1" ? "1" : "0";
    }
    return f.GetFieldAsString(index);
}

/// The source geometry in the target CRS, as OGR reads it back.
std::unique_ptr<OGRGeometry> expectedGeometry(const layers::ExportGeometry& g, OGRCoordinateTransformation* transform)
{
    std::unique_ptr<OGRGeometry> out;
    if (const auto* p = std::get_if<geo::Point>(&g))
        out = std::make_unique<OGRPoint>(p->x, p->y);
    else if (const auto* line = std::get_if<std::vector<geo::Point>>(&g)) {
        auto l = std::make_unique<OGRLineString>();
        for (const auto& p : *line)
            l->addPoint(p.x, p.y);
        out = std::move(l);
    } else if (const auto* shape = std::get_if<geo::MultiPolygon>(&g)) {
        auto m = std::make_unique<OGRMultiPolygon>();
        for (const auto& polygon : *shape) {
            OGRPolygon ogr;
            auto ring = [](const geo::Ring& r) {
                auto* lr = new OGRLinearRing;
                for (const auto& p : r)
                    lr->addPoint(p.x, p.y);
                return lr;
            };
            ogr.addRingDirectly(ring(polygon.outer));
            for (const auto& h : polygon.holes)
                ogr.addRingDirectly(ring(h));
            m->addGeometry(&ogr);
        }
        out = std::move(m);
    }
    if (out && transform)
        out->transform(transform);
    return out;
}

struct Case {
    std::string layer;
    std::string format;
    std::string crs;
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.layer << " " << c.format << " " << c.crs; }

std::string caseName(const ::testing::TestParamInfo<Case>& info)
{
    std::string crs = info.param.crs;
    for (char& c : crs)
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    return info.param.layer + "_" + info.param.format + "_" + crs;
}

class RoundTrip : public ::testing::TestWithParam<Case> {};
}  // namespace

TEST_P(RoundTrip, ReadsBackWhatWasWritten)
{
    const Case& c = GetParam();
    const layers::ExportTable& t = table(c.layer);
    if (c.format == "dxf" && t.kind == layers::GeometryKind::None)
        GTEST_SKIP() << "a table without geometry has nothing to draw in CAD";
    TempDir dir;
    layers::ExportOptions options;
    options.format = c.format;
    options.crs = c.crs;
    // A shapefile without geometry is its .dbf alone.
    const bool dbfOnly = c.format == "shp" && t.kind == layers::GeometryKind::None;
    const auto out = dir.path / (t.id + "." + (dbfOnly ? std::string("dbf") : layers::formatExtension(c.format)));
    const layers::ExportReport report = layers::exportTables({&t}, out, options);
    ASSERT_TRUE(std::filesystem::exists(out)) << out;
    EXPECT_EQ(report.features, t.features.size());

    GDALDatasetUniquePtr ds(GDALDataset::Open(out.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRLayer* layer = ds->GetLayer(0);
    ASSERT_NE(layer, nullptr);

    // KML is WGS 84 lon/lat whatever was asked; CGCS2000 and WGS 84 coincide at this precision.
    const std::string crs = c.format == "kml" ? "EPSG:4326" : c.crs;
    OGRSpatialReference source, target;
    source.SetFromUserInput("EPSG:4490");
    source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    target.SetFromUserInput(crs.c_str());
    target.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> transform(target.IsSame(&source) ? nullptr : OGRCreateCoordinateTransformation(&source, &target));
    // Tolerances: 1e-7 degree (~1 cm) or 1 cm in metres; GeoJSON, KML and CSV keep 15 significant digits or more.
    const double tolerance = target.IsProjected() ? 0.01 : 1e-7;

    if (c.format == "dxf") {
        // DXF: entities on CAD layers (the table, one per county-seat class, labels); no attributes.
        std::size_t onTableLayer = 0, labels = 0, classEntities = 0, expectedClassEntities = 0;
        for (const auto& f : t.features)
            expectedClassEntities += f.geometry.index() == 0 ? 0 : f.groups.size();  // counties only have groups
        std::set<std::string> labelTexts;
        for (auto& f : *layer) {
            const std::string cad = f->GetFieldAsString("Layer");
            if (cad == t.id) ++onTableLayer;
            else if (cad == t.id + "_labels") {
                ++labels;
                labelTexts.insert(f->GetFieldAsString("Text"));
            } else if (cad.rfind(t.id + "_", 0) == 0) ++classEntities;
        }
        std::size_t withGeometry = 0, labelled = 0;
        for (const auto& f : t.features) {
            const bool drawn = f.geometry.index() != 0 && !(std::holds_alternative<geo::MultiPolygon>(f.geometry) && std::get<geo::MultiPolygon>(f.geometry).empty());
            withGeometry += drawn;
            labelled += drawn && !f.label.empty();  // an unnamed river has no label to write
        }
        // A multipolygon becomes one CAD entity per part.
        EXPECT_GE(onTableLayer, withGeometry);
        EXPECT_GE(classEntities, expectedClassEntities);
        EXPECT_EQ(labels, labelled);
        if (c.layer != "rivers") {
            EXPECT_EQ(labelled, withGeometry) << "every feature but an unnamed river has a label";
        }
        if (c.layer == "counties") {
            EXPECT_TRUE(labelTexts.count("盘州")) << "Chinese label text lost in DXF";
        }
        OGREnvelope got, want;
        ASSERT_EQ(layer->GetExtent(&got, true), OGRERR_NONE);
        for (const auto& f : t.features)
            if (auto g = expectedGeometry(f.geometry, transform.get()); g && !g->IsEmpty()) {
                OGREnvelope e;
                g->getEnvelope(&e);
                want.Merge(e);
            }
        EXPECT_NEAR(got.MinX, want.MinX, tolerance * 10);
        EXPECT_NEAR(got.MaxY, want.MaxY, tolerance * 10);
        return;
    }

    ASSERT_EQ(static_cast<std::size_t>(layer->GetFeatureCount()), t.features.size());
    const bool shp = c.format == "shp";
    const auto names = shp ? layers::shortFieldNames(t.fields) : [&] {
        std::vector<std::string> n;
        for (const auto& f : t.fields)
            n.push_back(f.name);
        return n;
    }();
    std::vector<int> index;
    for (const auto& name : names) {
        index.push_back(layer->GetLayerDefn()->GetFieldIndex(name.c_str()));
        EXPECT_GE(index.back(), 0) << "field " << name << " missing";
    }
    layer->ResetReading();
    std::size_t i = 0;
    for (auto& f : *layer) {
        ASSERT_LT(i, t.features.size());
        const layers::ExportFeature& src = t.features[i];
        for (std::size_t k = 0; k < t.fields.size(); ++k) {
            if (index[k] < 0)
                continue;
            const std::string got = readText(*f, index[k], t.fields[k].type);
            const std::string want = asText(src.values[k], c.format);
            if (shp && want.size() > 254) {
                // Over the DBF limit: visibly cut (the full value is in the long_values sidecar, tested below).
                EXPECT_EQ(got.substr(got.size() - 3), "…") << t.id << " feature " << i + 1 << " field " << t.fields[k].name;
                EXPECT_EQ(want.rfind(got.substr(0, got.size() - 3), 0), 0u) << t.id << " feature " << i + 1 << " field " << t.fields[k].name;
                continue;
            }
            EXPECT_EQ(got, want) << t.id << " feature " << i + 1 << " field " << t.fields[k].name;
        }
        auto want = expectedGeometry(src.geometry, transform.get());
        if (want && want->IsEmpty())
            want.reset();
        const OGRGeometry* got = f->GetGeometryRef();
        if (!want) {
            EXPECT_TRUE(!got || got->IsEmpty()) << t.id << " feature " << i + 1;
        } else {
            ASSERT_NE(got, nullptr) << t.id << " feature " << i + 1;
            OGREnvelope a, b;
            got->getEnvelope(&a);
            want->getEnvelope(&b);
            EXPECT_NEAR(a.MinX, b.MinX, tolerance) << t.id << " feature " << i + 1;
            EXPECT_NEAR(a.MinY, b.MinY, tolerance) << t.id << " feature " << i + 1;
            EXPECT_NEAR(a.MaxX, b.MaxX, tolerance) << t.id << " feature " << i + 1;
            EXPECT_NEAR(a.MaxY, b.MaxY, tolerance) << t.id << " feature " << i + 1;
            if (t.kind == layers::GeometryKind::Polygon) {
                const double area = dynamic_cast<const OGRSurface*>(got) ? dynamic_cast<const OGRSurface*>(got)->get_Area()
                                                                          : dynamic_cast<const OGRGeometryCollection*>(got)->get_Area();
                const double expected = dynamic_cast<const OGRGeometryCollection*>(want.get())->get_Area();
                EXPECT_NEAR(area, expected, std::abs(expected) * 1e-6) << t.id << " feature " << i + 1;
            }
        }
        ++i;
    }
    EXPECT_EQ(i, t.features.size());
}

INSTANTIATE_TEST_SUITE_P(EveryLayerFormatAndCrs, RoundTrip, ::testing::ValuesIn([] {
                             std::vector<Case> cases;
                             for (const char* layer : {"counties", "prefectures", "province", "rivers", "zones", "corridors", "places", "central_cities", "targets"})
                                 for (const std::string& format : layers::exportFormats())
                                     for (const char* crs : {"EPSG:4490", "EPSG:4545"})
                                         cases.push_back({layer, format, crs});
                             return cases;
                         }()),
                         caseName);

TEST(Export, ShapefileInGbkKeepsTheChineseText)
{
    TempDir dir;
    layers::ExportOptions options;
    options.encoding = "GBK";
    const auto& counties = table("counties");
    layers::exportTables({&counties}, dir.path / "counties.shp", options);
    EXPECT_EQ(test::readFile(dir.path / "counties.cpg"), "936");
    // The raw DBF holds GBK bytes: 盘州市 is C5CC D6DD CAD0 in GBK.
    EXPECT_NE(test::readFile(dir.path / "counties.dbf").find("\xC5\xCC\xD6\xDD\xCA\xD0"), std::string::npos);
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir.path / "counties.shp").c_str(), GDAL_OF_VECTOR));
    std::set<std::string> names;
    for (auto& f : *ds->GetLayer(0))
        names.insert(f->GetFieldAsString("name"));
    EXPECT_TRUE(names.count("盘州市"));
    EXPECT_TRUE(names.count("威宁彝族回族苗族自治县"));
    EXPECT_EQ(names.size(), 88u);
}

TEST(Export, ShortFieldNamesAreUniqueAndTheSidecarMapsThem)
{
    const auto& zones = table("zones");
    const auto names = layers::shortFieldNames(zones.fields);
    std::set<std::string> seen;
    for (const auto& n : names) {
        EXPECT_LE(n.size(), 10u) << n;
        EXPECT_TRUE(seen.insert(n).second) << n;
    }
    // Deterministic: the same fields give the same names.
    EXPECT_EQ(names, layers::shortFieldNames(zones.fields));
    std::vector<layers::ExportField> clash{{"population_2023", layers::FieldType::Real, ""}, {"population_2025", layers::FieldType::Real, ""},
                                           {"population", layers::FieldType::Real, ""}};
    EXPECT_EQ(layers::shortFieldNames(clash), (std::vector<std::string>{"population", "populati_1", "populati_2"}));

    TempDir dir;
    layers::exportTables({&zones}, dir.path / "zones.shp", {});
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir.path / "zones.fields.csv").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    std::size_t rows = 0;
    for (auto& f : *ds->GetLayer(0)) {
        EXPECT_EQ(std::string(f->GetFieldAsString("dbf_name")), names[rows]);
        EXPECT_EQ(std::string(f->GetFieldAsString("full_name")), zones.fields[rows].name);
        ++rows;
    }
    EXPECT_EQ(rows, zones.fields.size());
}

TEST(Export, ValuesLongerThanTheDbfLimitAreReportedAndKeptWhole)
{
    layers::ExportTable t{"notes", "notes", layers::GeometryKind::Point, {{"id", layers::FieldType::String, "id"}, {"note", layers::FieldType::String, "a long note"}}, {}};
    std::string longNote;
    for (int i = 0; i < 100; ++i)
        longNote += "贵";  // 300 bytes in UTF-8
    t.features.push_back({geo::Point{106.7, 26.6}, {std::string("a"), longNote}, "a", {}});
    t.features.push_back({geo::Point{106.8, 26.6}, {std::string("b"), std::string("短")}, "b", {}});
    TempDir dir;
    const auto report = layers::exportTables({&t}, dir.path / "notes.shp", {});
    ASSERT_EQ(report.warnings.size(), 1u);
    EXPECT_NE(report.warnings[0].find("feature 1 (a"), std::string::npos) << report.warnings[0];
    EXPECT_NE(report.warnings[0].find("254"), std::string::npos);
    GDALDatasetUniquePtr shp(GDALDataset::Open((dir.path / "notes.shp").c_str(), GDAL_OF_VECTOR));
    auto first = std::unique_ptr<OGRFeature>(shp->GetLayer(0)->GetNextFeature());
    const std::string cut = first->GetFieldAsString("note");
    EXPECT_LE(cut.size(), 254u);
    EXPECT_EQ(cut.substr(cut.size() - 3), "…");  // visibly cut, never silently
    EXPECT_EQ(longNote.rfind(cut.substr(0, cut.size() - 3), 0), 0u);
    GDALDatasetUniquePtr side(GDALDataset::Open((dir.path / "notes.long_values.csv").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(side);
    auto row = std::unique_ptr<OGRFeature>(side->GetLayer(0)->GetNextFeature());
    EXPECT_EQ(std::string(row->GetFieldAsString("value")), longNote);
    EXPECT_EQ(std::string(row->GetFieldAsString("field")), "note");
}

TEST(Export, GbkRefusesCharactersItCannotHoldNamingTheFeature)
{
    layers::ExportTable t{"odd", "odd", layers::GeometryKind::Point, {{"id", layers::FieldType::String, "id"}, {"name", layers::FieldType::String, "name"}}, {}};
    t.features.push_back({geo::Point{106.7, 26.6}, {std::string("p1"), std::string("🏙 city")}, "p1", {}});
    TempDir dir;
    layers::ExportOptions options;
    options.encoding = "GBK";
    try {
        layers::exportTables({&t}, dir.path / "odd.shp", options);
        FAIL() << "expected a DataError";
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("layer odd, feature 1 (p1"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("GBK"), std::string::npos);
    }
    EXPECT_TRUE(dir.listing().empty()) << "partial files left";
}

TEST(Export, UnwritableFolderLeavesNothingAndSaysWhere)
{
    // As root, permissions do not stop a write; /proc refuses new files to everyone.
    const std::filesystem::path folder = ::geteuid() == 0 ? std::filesystem::path("/proc") : [] {
        static TempDir d;
        std::filesystem::permissions(d.path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        return d.path;
    }();
    const auto& counties = table("counties");
    try {
        layers::exportTables({&counties}, folder / "counties.shp", {});
        FAIL() << "expected a DataError";
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find(folder.string()), std::string::npos) << e.what();
    }
    EXPECT_FALSE(std::filesystem::exists(folder / "counties.shp"));
    EXPECT_FALSE(std::filesystem::exists(folder / "counties.dbf"));
}

TEST(Export, CancelledMidWriteLeavesNoPartialFiles)
{
    TempDir dir;
    const auto before = dir.listing();
    std::vector<const layers::ExportTable*> all;
    for (const auto& t : tables())
        all.push_back(&t);
    int calls = 0;
    for (const std::string format : {"shp", "gpkg"}) {
        layers::ExportOptions options;
        options.format = format;
        const auto out = format == "gpkg" ? dir.path / "bundle.gpkg" : dir.path / "bundle";
        EXPECT_THROW(layers::exportTables(all, out, options, [&](double done, const std::string&) {
            ++calls;
            return done < 0.5;  // interrupt half-way
        }),
                     layers::ExportCancelled);
        EXPECT_EQ(dir.listing(), before) << format << ": files left behind";
    }
    EXPECT_GT(calls, 100);
}

TEST(Export, ExistingFilesNeedForce)
{
    TempDir dir;
    const auto& province = table("province");
    std::ofstream(dir.path / "province.shp") << "not a shapefile";
    layers::ExportOptions options;
    EXPECT_THROW(layers::exportTables({&province}, dir.path / "province.shp", options), layers::DataError);
    EXPECT_EQ(test::readFile(dir.path / "province.shp"), "not a shapefile");  // untouched
    EXPECT_FALSE(std::filesystem::exists(dir.path / "province.dbf"));
    options.force = true;
    layers::exportTables({&province}, dir.path / "province.shp", options);
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir.path / "province.shp").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayer(0)->GetFeatureCount(), 1);
}

TEST(Export, BundleOfAllLayers)
{
    TempDir dir;
    std::vector<const layers::ExportTable*> all;
    for (const auto& t : tables())
        all.push_back(&t);
    layers::ExportOptions options;
    options.format = "gpkg";
    options.crs = "EPSG:4545";
    const auto report = layers::exportTables(all, dir.path / "plan.gpkg", options);
    GDALDatasetUniquePtr ds(GDALDataset::Open((dir.path / "plan.gpkg").c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds);
    EXPECT_EQ(ds->GetLayerCount(), static_cast<int>(all.size()));
    options.format = "shp";
    const auto shp = layers::exportTables(all, dir.path / "shapefiles", options);
    for (const auto& t : tables())
        EXPECT_TRUE(std::filesystem::exists(dir.path / "shapefiles" / (t.id + (t.kind == layers::GeometryKind::None ? ".dbf" : ".shp")))) << t.id;
}

TEST(Export, UnknownCrsOrFormatIsRefused)
{
    TempDir dir;
    const auto& province = table("province");
    layers::ExportOptions options;
    options.crs = "EPSG:999999";
    EXPECT_THROW(layers::exportTables({&province}, dir.path / "p.shp", options), layers::DataError);
    options.crs = "EPSG:4490";
    options.format = "xlsx";
    EXPECT_THROW(layers::exportTables({&province}, dir.path / "p.xlsx", options), layers::DataError);
    EXPECT_TRUE(dir.listing().empty());
}
