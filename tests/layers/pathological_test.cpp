// Pathological single features: each fast path gives what the plain path gives (short DBF names, shapefile ring
// orientation, the grid made after reading), and a load refuses what cannot fit in memory.
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <random>
#include <set>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <gtest/gtest.h>

#include "geo/projection.h"
#include "layers/exporter.h"
#include "layers/feature_layer.h"
#include "../common/temp_dir.h"

namespace {

struct TempDir : test::TempDir {
    TempDir() : test::TempDir("patho-test") {}
};

// The plain path, written apart from the exporter's (an oracle, not a copy): ASCII letters folded one by one,
// prefixes built whole character by whole character while they fit.
std::string lower(const std::string& s)
{
    std::string folded;
    for (const char c : s)
        folded += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    return folded;
}
std::string prefix(const std::string& s, std::size_t bytes)
{
    std::string out;
    for (std::size_t i = 0, n = 1; i < s.size(); i += n, n = 1) {
        while (i + n < s.size() && (static_cast<unsigned char>(s[i + n]) & 0xC0) == 0x80)
            ++n;
        if (out.size() + n > bytes)
            break;
        out.append(s, i, n);
    }
    return out;
}
/// The plain path: every taken name tries the suffixes from _1 up.
std::vector<std::string> plainShortNames(const std::vector<layers::ExportField>& fields)
{
    std::vector<std::string> out;
    std::set<std::string> taken;
    for (const layers::ExportField& f : fields) {
        std::string name = prefix(f.name.size() > 10 && !f.shortName.empty() ? f.shortName : f.name, 10);
        for (int n = 1; taken.count(lower(name)); ++n)
            name = prefix(f.name, 10 - ("_" + std::to_string(n)).size()) + "_" + std::to_string(n);
        taken.insert(lower(name));
        out.push_back(name);
    }
    return out;
}

layers::ExportField field(const std::string& name) { return layers::ExportField(name, layers::FieldType::String, ""); }

}  // namespace

TEST(Pathological, ShortFieldNamesEqualThePlainPath)
{
    // 1,998 names sharing a 16-byte prefix (the benchmark's fields), then random mixes of colliding names.
    std::vector<layers::ExportField> many;
    for (int k = 0; k < 1998; ++k)
        many.push_back(field("attribute_field_" + std::to_string(k)));
    const auto start = std::chrono::steady_clock::now();
    const auto fast = layers::shortFieldNames(many);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_EQ(fast, plainShortNames(many));
    EXPECT_EQ(std::set<std::string>(fast.begin(), fast.end()).size(), many.size());
    EXPECT_LT(seconds, 0.5);  // ~2 ms; the quadratic search took ~0.4 s for these names

    std::mt19937 random(16);
    const std::vector<std::string> stems{"landuse", "LandUse_code", "地类名称地类", "attribute_", "a", "attribute_1", "xx_1", "面积"};
    for (int round = 0; round < 200; ++round) {
        std::vector<layers::ExportField> fields;
        const int n = 1 + static_cast<int>(random() % 60);
        for (int k = 0; k < n; ++k) {
            std::string name = stems[random() % stems.size()];
            if (random() % 2)
                name += std::to_string(random() % 30);
            fields.push_back(field(name));
        }
        ASSERT_EQ(layers::shortFieldNames(fields), plainShortNames(fields)) << "round " << round;
    }
}

namespace {
void writeGeoJson(const std::filesystem::path& file, const std::vector<std::string>& geometries)
{
    std::ofstream out(file);
    out << R"({"type":"FeatureCollection","features":[)";
    for (std::size_t i = 0; i < geometries.size(); ++i)
        out << (i ? "," : "") << R"({"type":"Feature","properties":{"id":)" << i << R"(,"name":"地块"},"geometry":)" << geometries[i] << "}";
    out << "]}";
}

std::string readBytes(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
}
}  // namespace

TEST(Pathological, ShapefileRingsOrientedInOnePassEqualGdalsRewinding)
{
    TempDir dir;
    // Both orientations of outer rings and holes, a multipolygon whose parts have holes, an island.
    const std::vector<std::string> geometries{
        R"({"type":"Polygon","coordinates":[[[106,26],[107,26],[107,27],[106,27],[106,26]],[[106.2,26.2],[106.2,26.4],[106.4,26.4],[106.4,26.2],[106.2,26.2]]]})",
        R"({"type":"Polygon","coordinates":[[[106,26],[106,27],[107,27],[107,26],[106,26]],[[106.2,26.2],[106.4,26.2],[106.4,26.4],[106.2,26.4],[106.2,26.2]]]})",
        R"({"type":"MultiPolygon","coordinates":[[[[105,25],[105.5,25],[105.5,25.5],[105,25.5],[105,25]]],)"
        R"([[[108,25],[108,26],[109,26],[109,25],[108,25]],[[108.1,25.1],[108.3,25.1],[108.3,25.3],[108.1,25.3],[108.1,25.1]],)"
        R"([[108.5,25.5],[108.5,25.7],[108.7,25.7],[108.7,25.5],[108.5,25.5]]],)"
        R"([[[108.12,25.12],[108.2,25.12],[108.2,25.2],[108.12,25.2],[108.12,25.12]]]]})",
        R"({"type":"Polygon","coordinates":[[[104,24],[104.3,24.1],[104.5,24],[104.4,24.4],[104.1,24.3],[104,24]]]})"};
    const auto source = dir.path / "rings.geojson";
    writeGeoJson(source, geometries);

    layers::exportSource(source, "", dir.path / "fast.shp", {.format = "shp", .crs = ""});

    // The plain path: GDAL's shapefile writer finding each ring's role itself (SHAPE_REWIND_ON_WRITE default).
    GDALAllRegister();
    GDALDatasetUniquePtr in(GDALDataset::Open(source.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(in);
    OGRLayer* layer = in->GetLayer(0);
    GDALDriver* shp = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
    {
        GDALDatasetUniquePtr out(shp->Create((dir.path / "plain.shp").c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRLayer* o = out->CreateLayer("plain", layer->GetSpatialRef(), layer->GetGeomType(), nullptr);
        ASSERT_TRUE(o);
        for (auto& f : *layer) {
            OGRFeature g(o->GetLayerDefn());
            g.SetGeometry(f->GetGeometryRef());
            ASSERT_EQ(o->CreateFeature(&g), OGRERR_NONE);
        }
    }
    const std::string fast = readBytes(dir.path / "fast.shp"), plain = readBytes(dir.path / "plain.shp");
    ASSERT_GT(fast.size(), 100u);
    EXPECT_EQ(fast, plain);  // the same rings, in the same order and orientation, byte for byte
}

TEST(Pathological, GridMadeAfterReadingEqualsTheGridFromTheExtent)
{
    // The same features as GeoJSON (no cheap extent: the grid is made from the features read) and as a
    // shapefile (extent in its header: the grid is made before reading) give the same display coordinates.
    TempDir dir;
    std::vector<std::string> geometries;
    std::mt19937 random(7);
    for (int i = 0; i < 300; ++i) {
        const double x = 104 + (random() % 5000) / 1000.0, y = 24.5 + (random() % 4000) / 1000.0, d = 0.001 + (random() % 100) / 10000.0;
        char g[400];
        // Clockwise, as a shapefile keeps it (the export would otherwise reverse the ring, and the vertex order).
        std::snprintf(g, sizeof g, R"({"type":"Polygon","coordinates":[[[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f],[%.6f,%.6f]]]})", x, y, x, y + d,
                      x + d, y + d, x + d, y, x, y);
        geometries.push_back(g);
    }
    writeGeoJson(dir.path / "p.geojson", geometries);
    layers::exportSource(dir.path / "p.geojson", "", dir.path / "p.shp", {.format = "shp", .crs = ""});
    layers::FeatureLayerOptions options;
    options.displayCrs = geo::crs::kAlbersChina;
    const auto deferred = layers::FeatureLayer::load(dir.path / "p.geojson", options);
    const auto plain = layers::FeatureLayer::load(dir.path / "p.shp", options);
    ASSERT_EQ(deferred->size(), 300u);
    ASSERT_EQ(deferred->size(), plain->size());
    ASSERT_EQ(deferred->vertexCount(), plain->vertexCount());
    EXPECT_NE(deferred->unit(), plain->unit());  // two different grids…
    const double tolerance = deferred->unit() + plain->unit();
    for (std::size_t v = 0; v < deferred->vertexCount(); ++v)
        for (int k = 0; k < 2; ++k) {
            const double a = (k ? deferred->origin().y : deferred->origin().x) + deferred->unit() * deferred->xy()[2 * v + k];
            const double b = (k ? plain->origin().y : plain->origin().x) + plain->unit() * plain->xy()[2 * v + k];
            ASSERT_NEAR(a, b, tolerance) << "vertex " << v;  // …the same places, to a grid unit
        }
    for (std::size_t i = 0; i < deferred->size(); ++i) {
        EXPECT_EQ(deferred->bounds()[i].minX, plain->bounds()[i].minX);
        EXPECT_EQ(deferred->bounds()[i].maxY, plain->bounds()[i].maxY);
    }
    EXPECT_EQ(deferred->featureAt({deferred->bounds()[5].minX / 2 + deferred->bounds()[5].maxX / 2,
                                   deferred->bounds()[5].minY / 2 + deferred->bounds()[5].maxY / 2}, 0),
              plain->featureAt({plain->bounds()[5].minX / 2 + plain->bounds()[5].maxX / 2, plain->bounds()[5].minY / 2 + plain->bounds()[5].maxY / 2}, 0));
}

TEST(Pathological, LoadRefusedBeforehandWhenMemoryIsShort)
{
    TempDir dir;
    std::vector<std::string> geometries(2000, R"({"type":"Polygon","coordinates":[[[106,26],[106.1,26],[106.1,26.1],[106,26.1],[106,26]]]})");
    writeGeoJson(dir.path / "p.geojson", geometries);
    layers::FeatureLayerOptions options;
    options.displayCrs = geo::crs::kAlbersChina;
    ::setenv("GZPLAN_MEMORY_LIMIT", "10", 1);  // MB: less than the 64 MB reserve of any load
    try {
        layers::FeatureLayer::load(dir.path / "p.geojson", options);
        ::unsetenv("GZPLAN_MEMORY_LIMIT");
        FAIL() << "loaded with 10 MB";
    } catch (const layers::DataError& e) {
        ::unsetenv("GZPLAN_MEMORY_LIMIT");
        const std::string what = e.what();
        EXPECT_NE(what.find("needs about 6"), std::string::npos) << what;  // 64 MB + features + vertices
        EXPECT_NE(what.find("only 10 MB are available (GZPLAN_MEMORY_LIMIT=10"), std::string::npos) << what;
        EXPECT_NE(what.find("ogr2ogr -spat"), std::string::npos) << what;
    }
    // The figures themselves: what the system has, and a need that grows with the vertices.
    const layers::MemoryBudget budget = layers::availableMemory();
    EXPECT_GT(budget.bytes, 1u << 20);
    EXPECT_FALSE(budget.limitedBy.empty());
    EXPECT_EQ(layers::loadMemoryNeeded(1000000, 10000000) - layers::loadMemoryNeeded(1000000, 0), 160000000u);
    EXPECT_NO_THROW(layers::FeatureLayer::load(dir.path / "p.geojson", options));
}
