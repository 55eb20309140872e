// The PostGIS view reader's WKB decoder (flattenWkb) gives, for every geometry type, the rings GDAL's own geometry
// gives through flatten(): the same WKB read both ways, little- and big-endian, 2D, Z, M and ZM, empty parts, nested
// collections, curves and surfaces; and bytes that are not WKB are refused with nothing appended.

#include <ogr_geometry.h>

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "features/feature_read.h"

namespace {

using layers::detail::features::flatten;
using layers::detail::features::flattenWkb;

struct Flat {
    std::vector<geo::Point> points;
    std::vector<std::uint32_t> rings;
};

std::vector<unsigned char> wkb(const OGRGeometry& g, OGRwkbByteOrder order)
{
    std::vector<unsigned char> out(g.WkbSize());
    EXPECT_EQ(g.exportToWkb(order, out.data(), wkbVariantIso), OGRERR_NONE);
    return out;
}

TEST(WkbFlatten, EveryTypeGivesWhatGdalsGeometryGives)
{
    const std::vector<std::string> wkts{
        "POINT (106.7 26.5)",
        "POINT EMPTY",
        "POINT Z (106.7 26.5 1200)",
        "POINT M (106.7 26.5 3)",
        "POINT ZM (106.7 26.5 1200 3)",
        "LINESTRING (106 26, 107 27, 108 26.5)",
        "LINESTRING EMPTY",
        "POLYGON ((106 26, 107 26, 107 27, 106 27, 106 26), (106.2 26.2, 106.4 26.2, 106.4 26.4, 106.2 26.2))",
        "POLYGON Z ((106 26 1, 107 26 2, 107 27 3, 106 26 1))",
        "POLYGON EMPTY",
        "MULTIPOLYGON (((106 26, 107 26, 107 27, 106 26)), ((108 26, 109 26, 109 27, 108 26), (108.2 26.1, 108.5 26.1, 108.5 26.3, 108.2 26.1)))",
        "MULTIPOLYGON ZM (((106 26 1 2, 107 26 1 2, 107 27 1 2, 106 26 1 2)))",
        "MULTILINESTRING ((106 26, 107 27), EMPTY, (108 26, 109 27, 110 28))",
        "MULTIPOINT ((106 26), (107 27), EMPTY)",
        "GEOMETRYCOLLECTION (POINT (106 26), GEOMETRYCOLLECTION (LINESTRING (106 26, 107 27), POLYGON ((106 26, 107 26, 107 27, 106 26))))",
        "CIRCULARSTRING (106 26, 106.5 26.5, 107 26)",
        "CURVEPOLYGON (COMPOUNDCURVE (CIRCULARSTRING (106 26, 106.5 26.5, 107 26), (107 26, 106 26)))",
        "MULTISURFACE (CURVEPOLYGON (CIRCULARSTRING (106 26, 106.5 26.5, 107 26, 106.5 25.5, 106 26)), ((108 26, 109 26, 109 27, 108 26)))",
        "TRIANGLE ((106 26, 107 26, 107 27, 106 26))",
        "TIN (((106 26, 107 26, 107 27, 106 26)), ((106 26, 107 27, 106 27, 106 26)))",
    };
    for (const std::string& text : wkts)
        for (const OGRwkbByteOrder order : {wkbNDR, wkbXDR}) {
            SCOPED_TRACE(text + (order == wkbNDR ? " little-endian" : " big-endian"));
            OGRGeometry* made = nullptr;
            ASSERT_EQ(OGRGeometryFactory::createFromWkt(text.c_str(), nullptr, &made), OGRERR_NONE);
            const std::unique_ptr<OGRGeometry> g(made);
            const std::vector<unsigned char> bytes = wkb(*g, order);
            Flat expected, got;
            // GDAL's geometry read back from the same bytes (what GDAL's PostgreSQL reader hands to flatten())
            OGRGeometry* read = nullptr;
            ASSERT_EQ(OGRGeometryFactory::createFromWkb(bytes.data(), nullptr, &read, bytes.size(), wkbVariantIso), OGRERR_NONE);
            const std::unique_ptr<OGRGeometry> readBack(read);
            flatten(readBack.get(), expected.points, expected.rings);
            ASSERT_TRUE(flattenWkb(bytes.data(), bytes.size(), got.points, got.rings));
            EXPECT_EQ(got.rings, expected.rings);
            ASSERT_EQ(got.points.size(), expected.points.size());
            for (std::size_t i = 0; i < got.points.size(); ++i)
                EXPECT_TRUE(got.points[i].x == expected.points[i].x && got.points[i].y == expected.points[i].y) << i;
            if (!g->IsEmpty() && text.rfind("MULTIPOINT", 0) != 0)
                EXPECT_FALSE(got.rings.empty());
        }
}

TEST(WkbFlatten, BytesThatAreNotWkbAreRefusedWithNothingAppended)
{
    OGRGeometry* made = nullptr;
    ASSERT_EQ(OGRGeometryFactory::createFromWkt("MULTIPOLYGON (((106 26, 107 26, 107 27, 106 26)), ((108 26, 109 26, 109 27, 108 26)))", nullptr, &made),
              OGRERR_NONE);
    const std::unique_ptr<OGRGeometry> g(made);
    const std::vector<unsigned char> bytes = wkb(*g, wkbNDR);
    std::vector<geo::Point> points{{1, 2}};
    std::vector<std::uint32_t> rings{1};
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
        EXPECT_FALSE(flattenWkb(bytes.data(), cut, points, rings)) << "cut at " << cut;
        EXPECT_EQ(points.size(), 1u);
        EXPECT_EQ(rings.size(), 1u);
    }
    std::vector<unsigned char> huge = bytes;
    huge[9] = 0xff, huge[10] = 0xff, huge[11] = 0xff, huge[12] = 0x7f;  // a part count far beyond the bytes
    EXPECT_FALSE(flattenWkb(huge.data(), huge.size(), points, rings));
    std::vector<unsigned char> ewkb = bytes;
    ewkb[4] |= 0x20;  // an EWKB SRID flag: not what ST_AsBinary writes
    EXPECT_FALSE(flattenWkb(ewkb.data(), ewkb.size(), points, rings));
    // deep nesting is refused rather than followed down the stack
    std::vector<unsigned char> deep;
    for (int i = 0; i < 100; ++i)
        deep.insert(deep.end(), {1, 7, 0, 0, 0, 1, 0, 0, 0});
    deep.insert(deep.end(), {1, 7, 0, 0, 0, 0, 0, 0, 0});
    EXPECT_FALSE(flattenWkb(deep.data(), deep.size(), points, rings));
    EXPECT_EQ(points.size(), 1u);
}

}  // namespace
