// User vector layers in their compact form: what is loaded equals what GDAL reads, the R-tree identify equals a
// brute-force scan, two reader threads equal one, and bad input or a cancel is reported, not swallowed.
#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include <ogrsf_frmts.h>

#include "geo/projection.h"
#include "layers/errors.h"
#include "layers/feature_layer.h"
#include "layers/geography.h"
#include "../common/test_parcels.h"

namespace {

namespace fs = std::filesystem;

const layers::Geography& geography()
{
    static const layers::Geography g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
    return g;
}

layers::FeatureLayerOptions albers(const std::string& layer = {})
{
    layers::FeatureLayerOptions o;
    o.displayCrs = geo::crs::kAlbersChina;
    o.layer = layer;
    return o;
}

const std::filesystem::path& parcelsFile() { return test::parcelsFile(geography()); }

std::vector<geo::Point> randomPoints(const geo::Box& box, int n, unsigned seed)
{
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> x(box.minX, box.maxX), y(box.minY, box.maxY);
    std::vector<geo::Point> points;
    for (int i = 0; i < n; ++i)
        points.push_back({x(rng), y(rng)});
    return points;
}

TEST(FeatureLayer, CountiesLoadWithEveryVertexGdalReads)
{
    const auto layer = layers::FeatureLayer::load(GZ_TEST_GEOPACKAGE, albers("counties"));
    EXPECT_EQ(layer->size(), 88u);
    EXPECT_EQ(layer->kind(), layers::FeatureKind::Polygons);
    std::size_t vertices = 0;
    for (const auto& c : geography().counties)
        vertices += geo::vertexCount(c.shape);
    EXPECT_EQ(layer->vertexCount(), vertices);
    // Compact: 32-bit grid coordinates take half of what GDAL's doubles do.
    EXPECT_LT(layer->memoryBytes(), layer->rawCoordinateBytes());
    EXPECT_LT(layer->unit(), 0.001);  // grid finer than a millimetre
}

TEST(FeatureLayer, IdentifyAtEachCountySeatFindsThatCounty)
{
    const auto layer = layers::FeatureLayer::load(GZ_TEST_GEOPACKAGE, albers("counties"));
    geo::Projection toAlbers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    for (const auto& c : geography().counties) {
        geo::Point seat = c.seat;
        toAlbers.forward(seat);
        const auto hit = layer->featureAt(seat);
        ASSERT_TRUE(hit) << c.name;
        const auto attributes = layer->attributes(*hit);
        std::string code;
        for (const auto& a : attributes)
            if (a.name == "code")
                code = a.value;
        EXPECT_EQ(code, c.code) << c.name;
    }
}

TEST(FeatureLayer, RtreeIdentifyEqualsBruteForceAndTheSourceShapes)
{
    const auto layer = layers::FeatureLayer::load(GZ_TEST_GEOPACKAGE, albers("counties"));
    geo::Projection toAlbers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    std::vector<geo::MultiPolygon> shapes;
    for (const auto& c : geography().counties)
        shapes.push_back(toAlbers.forward(c.shape));
    int inside = 0;
    for (const geo::Point& p : randomPoints(layer->extent(), 5000, 7)) {
        const auto fast = layer->featureAt(p);
        ASSERT_EQ(fast, layer->featureAtBruteForce(p)) << p.x << " " << p.y;
        if (fast) {
            ++inside;
            EXPECT_TRUE(geo::contains(shapes[*fast], p));  // layer order = file order = code order
        } else {
            for (const auto& s : shapes)
                EXPECT_FALSE(geo::contains(s, p));
        }
    }
    EXPECT_GT(inside, 2000);
}

TEST(FeatureLayer, ParcelsLoadWholeWithCategoriesAndFids)
{
    const auto layer = layers::FeatureLayer::load(parcelsFile(), albers());
    GDALDatasetUniquePtr ds(GDALDataset::Open(parcelsFile().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    ASSERT_TRUE(ds);
    OGRLayer* l = ds->GetLayer(0);
    EXPECT_EQ(static_cast<GIntBig>(layer->size()), l->GetFeatureCount());
    EXPECT_EQ(layer->styleField(), "landuse");
    EXPECT_EQ(layer->categoryNames().size(), 16u);
    // Spot checks against GDAL: the fid, the category and the vertex count of every 97th feature.
    for (std::size_t i = 0; i < layer->size(); i += 97) {
        std::unique_ptr<OGRFeature> f(l->GetFeature(layer->fid(i)));
        ASSERT_TRUE(f);
        EXPECT_EQ(layer->categoryNames()[layer->categories()[i]], f->GetFieldAsString("landuse"));
        const auto* polygon = f->GetGeometryRef()->toPolygon();
        std::size_t vertices = 0;
        for (const auto* ring : *polygon)
            vertices += static_cast<std::size_t>(ring->getNumPoints());
        const auto rings = layer->featureRings();
        EXPECT_EQ(layer->ringStart()[rings[i + 1]] - layer->ringStart()[rings[i]], vertices);
    }
    EXPECT_LT(layer->memoryBytes(), layer->rawCoordinateBytes());
}

TEST(FeatureLayer, ParcelsRtreeIdentifyEqualsBruteForceOnRandomPoints)
{
    const auto layer = layers::FeatureLayer::load(parcelsFile(), albers());
    int hits = 0;
    for (const geo::Point& p : randomPoints(layer->extent(), 3000, 11)) {
        const auto fast = layer->featureAt(p);
        ASSERT_EQ(fast, layer->featureAtBruteForce(p)) << p.x << " " << p.y;
        hits += fast.has_value();
    }
    EXPECT_GT(hits, 1000);  // the province fills about half of its bounding box
}

TEST(FeatureLayer, TwoReaderThreadsGiveTheSameLayerAsOne)
{
    auto one = albers();
    one.threads = 1;
    auto two = albers();
    two.threads = 2;
    const auto a = layers::FeatureLayer::load(parcelsFile(), one);
    const auto b = layers::FeatureLayer::load(parcelsFile(), two);
    ASSERT_EQ(a->size(), b->size());
    EXPECT_TRUE(std::ranges::equal(a->xy(), b->xy()));
    EXPECT_TRUE(std::ranges::equal(a->featureRings(), b->featureRings()));
    EXPECT_TRUE(std::ranges::equal(a->categories(), b->categories()));
    for (std::size_t i = 0; i < a->size(); ++i)
        ASSERT_EQ(a->fid(i), b->fid(i));
}

TEST(FeatureLayer, ViewportQueryReturnsExactlyTheFeaturesWhoseBoundsIntersect)
{
    const auto layer = layers::FeatureLayer::load(parcelsFile(), albers());
    const geo::Box e = layer->extent();
    const geo::Box box{e.minX + e.width() * 0.4, e.minY + e.height() * 0.4, e.minX + e.width() * 0.55, e.minY + e.height() * 0.5};
    const auto ids = layer->query(box);
    std::vector<std::uint32_t> expected;
    for (std::uint32_t i = 0; i < layer->size(); ++i) {
        const auto& b = layer->bounds()[i];
        if (b.minX <= box.maxX && box.minX <= b.maxX && b.minY <= box.maxY && box.minY <= b.maxY)
            expected.push_back(i);
    }
    EXPECT_FALSE(expected.empty());
    EXPECT_EQ(ids, expected);
}

TEST(FeatureLayer, CancelThrowsAndBadInputNamesTheFile)
{
    EXPECT_THROW(layers::FeatureLayer::load(parcelsFile(), albers(), [](double) { return false; }), layers::LoadCancelled);
    try {
        layers::FeatureLayer::load("/nonexistent/parcels.gpkg", albers());
        FAIL();
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/parcels.gpkg"), std::string::npos) << e.what();
    }
    try {
        layers::FeatureLayer::load(GZ_TEST_GEOPACKAGE, albers("no_such_layer"));
        FAIL();
    } catch (const layers::DataError& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_layer"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("counties"), std::string::npos);  // lists the layers there are
    }
    auto badField = albers();
    badField.styleField = "nope";
    EXPECT_THROW(layers::FeatureLayer::load(parcelsFile(), badField), layers::DataError);
}

}  // namespace
