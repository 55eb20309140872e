// The GeoPackage fast path of the analysis reader (layers/src/analysis/gpkg_rows.h) gives what GDAL's reader gives:
// row by row (FID, fields, every coordinate) on the make-parcels parcels and on a synthetic layer of every geometry
// kind (multi parts, holes, open rings, Z and M, empty and null geometries, curves, collections); and the statistics
// of a whole layer read either way are identical.

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "analysis/layer_reader.h"
#include "layers/analysis.h"
#include "../common/temp_dir.h"
#include "../common/test_parcels.h"

namespace {

namespace an = layers::analysis;
namespace ad = layers::analysis::detail;

const an::PlanContext& context()
{
    static const auto c = an::loadPlanContext(GZ_TEST_GEOPACKAGE);
    return *c;
}

/// Every row the reader gives, by FID (threads may interleave).
std::map<std::int64_t, ad::Row> readAll(const an::LayerSource& source, const std::vector<std::string>& fields, std::size_t textFields, bool expectFast)
{
    ad::LayerReader reader(source);
    reader.onlyFields(fields, textFields);
    EXPECT_EQ(reader.fast(), expectFast) << source.file;
    std::vector<std::map<std::int64_t, ad::Row>> perThread(reader.threads());
    reader.read([&](unsigned t, ad::Row& row) { perThread[t][row.fid] = row; });
    std::map<std::int64_t, ad::Row> all;
    for (auto& m : perThread)
        all.merge(m);
    return all;
}

bool samePoints(const std::vector<geo::Point>& a, const std::vector<geo::Point>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (!(a[i].x == b[i].x && a[i].y == b[i].y))
            return false;
    return true;
}

void expectSameRows(const std::map<std::int64_t, ad::Row>& fast, const std::map<std::int64_t, ad::Row>& gdal, std::size_t textFields)
{
    ASSERT_EQ(fast.size(), gdal.size());
    std::size_t vertices = 0;
    for (const auto& [fid, a] : fast) {
        const auto it = gdal.find(fid);
        ASSERT_NE(it, gdal.end()) << "fid " << fid;
        const ad::Row& b = it->second;
        ASSERT_EQ(a.values.size(), b.values.size());
        for (std::size_t i = 0; i < a.values.size(); ++i) {
            EXPECT_EQ(a.values[i].null, b.values[i].null) << "fid " << fid << " field " << i;
            if (i < textFields)
                EXPECT_EQ(a.values[i].text, b.values[i].text) << "fid " << fid << " field " << i;
            else
                EXPECT_EQ(a.values[i].number, b.values[i].number) << "fid " << fid << " field " << i;
        }
        ASSERT_EQ(a.shape.polygons.size(), b.shape.polygons.size()) << "fid " << fid;
        for (std::size_t p = 0; p < a.shape.polygons.size(); ++p) {
            EXPECT_TRUE(samePoints(a.shape.polygons[p].outer, b.shape.polygons[p].outer)) << "fid " << fid << " polygon " << p;
            ASSERT_EQ(a.shape.polygons[p].holes.size(), b.shape.polygons[p].holes.size()) << "fid " << fid;
            for (std::size_t h = 0; h < a.shape.polygons[p].holes.size(); ++h)
                EXPECT_TRUE(samePoints(a.shape.polygons[p].holes[h], b.shape.polygons[p].holes[h])) << "fid " << fid;
            vertices += a.shape.polygons[p].outer.size();
        }
        ASSERT_EQ(a.shape.lines.size(), b.shape.lines.size()) << "fid " << fid;
        for (std::size_t l = 0; l < a.shape.lines.size(); ++l) {
            EXPECT_TRUE(samePoints(a.shape.lines[l], b.shape.lines[l])) << "fid " << fid << " line " << l;
            vertices += a.shape.lines[l].size();
        }
        EXPECT_TRUE(samePoints(a.shape.points, b.shape.points)) << "fid " << fid;
        vertices += a.shape.points.size();
    }
    EXPECT_GT(vertices, 0u) << "no coordinates compared: the test would prove nothing";
}

}  // namespace

TEST(FastReader, ParcelsEqualGdalRowByRow)
{
    an::LayerSource source;
    source.file = test::parcelsFile(context().geography);
    const std::vector<std::string> fields{"landuse", "county", "area_m2"};
    const auto fast = readAll(source, fields, 2, true);
    source.gdalReader = true;
    const auto gdal = readAll(source, fields, 2, false);
    EXPECT_GT(fast.size(), 19000u);
    expectSameRows(fast, gdal, 2);
}

TEST(FastReader, EveryGeometryKindEqualsGdal)
{
    test::TempDir dir("fast-reader");
    GDALAllRegister();
    const auto path = dir.path / "kinds.gpkg";
    {
        GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        OGRSpatialReference srs;
        srs.importFromEPSG(4490);
        OGRLayer* layer = ds->CreateLayer("kinds", &srs, wkbUnknown, nullptr);
        OGRFieldDefn name("name", OFTString), code("code", OFTInteger64), value("value", OFTReal);
        layer->CreateField(&name);
        layer->CreateField(&code);
        layer->CreateField(&value);
        // Synthetic shapes near 贵阳 (lon 106.6, lat 26.6).
        const char* wkt[] = {
            "POLYGON ((106.6 26.6, 106.7 26.6, 106.7 26.7, 106.6 26.7, 106.6 26.6))",
            "POLYGON ((106.6 26.6, 106.7 26.6, 106.7 26.7, 106.6 26.7, 106.6 26.6), (106.62 26.62, 106.63 26.62, 106.63 26.63, 106.62 26.62))",
            "MULTIPOLYGON (((106.1 26.1, 106.2 26.1, 106.2 26.2, 106.1 26.1)), ((106.3 26.3, 106.4 26.3, 106.4 26.4, 106.3 26.3)))",
            "POLYGON Z ((106.6 26.6 1, 106.7 26.6 2, 106.7 26.7 3, 106.6 26.6 1))",
            "POLYGON M ((106.6 26.6 1, 106.7 26.6 2, 106.7 26.7 3, 106.6 26.6 1))",
            "POLYGON ZM ((106.6 26.6 1 5, 106.7 26.6 2 5, 106.7 26.7 3 5, 106.6 26.6 1 5))",
            "POLYGON ((106.6 26.6, 106.7 26.6, 106.7 26.7, 106.6 26.7))",  // not closed: both close it
            "POLYGON ((106.6 26.6, 106.7 26.6, 106.6 26.6))",               // too few points: both drop it
            "POLYGON EMPTY",
            "LINESTRING (106.5 26.5, 106.8 26.8, 106.9 26.5)",
            "LINESTRING Z (106.5 26.5 7, 106.8 26.8 8)",
            "MULTILINESTRING ((106.5 26.5, 106.6 26.6), (106.7 26.7, 106.8 26.9))",
            "POINT (106.71 26.57)",
            "POINT Z (106.71 26.57 1100)",
            "MULTIPOINT ((106.71 26.57), (106.72 26.58))",
            "POINT EMPTY",
            "GEOMETRYCOLLECTION (POINT (106.1 26.1), LINESTRING (106.1 26.1, 106.2 26.2), POLYGON ((106.6 26.6, 106.7 26.6, 106.7 26.7, 106.6 26.6)))",
            "CIRCULARSTRING (106.5 26.5, 106.6 26.6, 106.7 26.5)",
            "CURVEPOLYGON (CIRCULARSTRING (106.5 26.5, 106.6 26.6, 106.7 26.5, 106.6 26.4, 106.5 26.5))",
            "MULTISURFACE (CURVEPOLYGON (CIRCULARSTRING (106.5 26.5, 106.6 26.6, 106.7 26.5, 106.6 26.4, 106.5 26.5)), ((106.1 26.1, 106.2 26.1, 106.2 26.2, 106.1 26.1)))",
            "GEOMETRYCOLLECTION (CIRCULARSTRING (106.5 26.5, 106.6 26.6, 106.7 26.5), POINT (106.3 26.3))",
            "",  // no geometry
        };
        int i = 0;
        for (const char* w : wkt) {
            OGRFeature f(layer->GetLayerDefn());
            if (i % 4 != 3)  // some nulls
                f.SetField("name", i % 2 ? "林地" : "耕地");
            if (i % 5 != 4)
                f.SetField("code", static_cast<GIntBig>(5201000000LL + i));
            if (i % 3 != 2)
                f.SetField("value", 0.1 * i);
            if (*w) {
                OGRGeometry* g = nullptr;
                ASSERT_EQ(OGRGeometryFactory::createFromWkt(w, nullptr, &g), OGRERR_NONE) << w;
                f.SetGeometryDirectly(g);
            }
            ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE) << w;
            ++i;
        }
    }
    an::LayerSource source;
    source.file = path;
    const std::vector<std::string> fields{"name", "code", "value"};
    const auto fast = readAll(source, fields, 2, true);
    source.gdalReader = true;
    const auto gdal = readAll(source, fields, 2, false);
    EXPECT_EQ(fast.size(), 22u);
    expectSameRows(fast, gdal, 2);
    // The curve polygon was linearised by GDAL on both paths: many vertices, not the five control points.
    EXPECT_GT(fast.at(19).shape.polygons.at(0).outer.size(), 20u);
}

TEST(FastReader, StatisticsOfAWholeLayerAreIdenticalEitherWay)
{
    an::StatsOptions o;
    o.source.file = test::parcelsFile(context().geography);
    o.groupField = "landuse";
    o.measure = {an::Measure::Area, ""};
    const auto fast = an::computeStats(*context().units, {{an::UnitKind::County, 0}, {an::UnitKind::Zone, 0}}, o);
    o.source.gdalReader = true;
    const auto gdal = an::computeStats(*context().units, {{an::UnitKind::County, 0}, {an::UnitKind::Zone, 0}}, o);
    ASSERT_EQ(fast.size(), gdal.size());
    double total = 0;
    for (std::size_t r = 0; r < fast.size(); ++r) {
        ASSERT_EQ(fast[r].rows.size(), gdal[r].rows.size());
        for (std::size_t i = 0; i < fast[r].rows.size(); ++i) {
            EXPECT_EQ(fast[r].rows[i].unitId, gdal[r].rows[i].unitId);
            EXPECT_EQ(fast[r].rows[i].group, gdal[r].rows[i].group);
            EXPECT_EQ(fast[r].rows[i].value, gdal[r].rows[i].value) << fast[r].rows[i].unitId << " " << fast[r].rows[i].group;
            total += fast[r].rows[i].value;
        }
        EXPECT_EQ(fast[r].featuresRead, gdal[r].featuresRead);
    }
    EXPECT_GT(total, 0);
}
