#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "geo/projection.h"

TEST(Projection, Cgcs2000ToGaussKrugerKeepsEastingFirst)
{
    // 3-degree zones switch half-way between central meridians: 103.5, 106.5, 109.5 °E.
    EXPECT_EQ(geo::crs::gaussKrugerFor(103.4), "EPSG:4543");
    EXPECT_EQ(geo::crs::gaussKrugerFor(104.0), "EPSG:4544");
    EXPECT_EQ(geo::crs::gaussKrugerFor(106.4), "EPSG:4544");
    EXPECT_EQ(geo::crs::gaussKrugerFor(106.7), "EPSG:4545");  // Guiyang's east
    EXPECT_EQ(geo::crs::gaussKrugerFor(109.6), "EPSG:4546");
    geo::Projection gk(geo::crs::kCgcs2000, "EPSG:4544");
    geo::Point p{105.0, 26.0};  // on the central meridian: easting is the false easting
    ASSERT_TRUE(gk.forward(p));
    EXPECT_NEAR(p.x, 500000.0, 0.01);
    EXPECT_NEAR(p.y, 2877000.0, 2000.0);  // ~26° of meridian arc
    ASSERT_TRUE(gk.inverse(p));
    EXPECT_NEAR(p.x, 105.0, 1e-9);
    EXPECT_NEAR(p.y, 26.0, 1e-9);
}

TEST(Projection, AlbersAreaOfOneDegreeCellMatchesSphericalEstimate)
{
    geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
    const geo::MultiPolygon cell{{{{106, 26}, {107, 26}, {107, 27}, {106, 27}, {106, 26}}, {}}};
    const double km2 = geo::planarArea(albers.forward(cell)) / 1e6;
    // Ellipsoidal area of a 1°x1° cell at 26.5°N is about 11,090 km² (R² Δλ (sin φ2 - sin φ1)).
    EXPECT_NEAR(km2, 11090, 60);
}

TEST(Projection, WebMercatorAndBatchTransform)
{
    geo::Projection merc(geo::crs::kCgcs2000, geo::crs::kWebMercator);
    std::vector<geo::Point> pts{{0, 0}, {180, 0}};
    ASSERT_TRUE(merc.forward(pts));
    EXPECT_NEAR(pts[0].x, 0, 1e-6);
    EXPECT_NEAR(pts[1].x, 20037508.34, 0.01);
}

TEST(Projection, UnknownCrsThrowsWithTheName)
{
    try {
        geo::Projection bad(geo::crs::kCgcs2000, "EPSG:999999");
        FAIL() << "expected ProjectionError";
    } catch (const geo::ProjectionError& e) {
        EXPECT_NE(std::string(e.what()).find("EPSG:999999"), std::string::npos);
    }
}

TEST(Projection, ABareNumberIsAnEpsgCode)
{
    EXPECT_EQ(geo::crs::normalised("4545"), "EPSG:4545");
    EXPECT_EQ(geo::crs::normalised("EPSG:4545"), "EPSG:4545");
    EXPECT_EQ(geo::crs::normalised("+proj=longlat"), "+proj=longlat");
    const geo::Projection p("4490", "4545");
    geo::Point gk{108, 27};
    ASSERT_TRUE(p.forward(gk));
    EXPECT_NEAR(gk.x, 500000, 1);  // on the central meridian (108°E): the false easting
}

TEST(Projection, ExtentProblemRefusesACrsForAnotherPartOfTheWorld)
{
    const geo::Box guizhou{103.6, 24.6, 109.6, 29.2};
    // EPSG:4554 (CM 135°E), a typo for 4545; UTM 50N (114–120°E): refused, naming both extents and the zones to use.
    const std::string typo = geo::crs::extentProblem("EPSG:4554", guizhou);
    EXPECT_NE(typo.find("133.5°E"), std::string::npos) << typo;
    EXPECT_NE(typo.find("103.6°E–109.6°E"), std::string::npos) << typo;
    EXPECT_NE(typo.find("EPSG:4544 to EPSG:4546"), std::string::npos) << typo;
    EXPECT_FALSE(geo::crs::extentProblem("EPSG:32650", guizhou).empty());
    // The province's own zones, CGCS2000 and WGS 84 degrees, and a PROJ string without an area: accepted.
    for (const char* crs : {"EPSG:4544", "EPSG:4545", "4546", "EPSG:4490", "EPSG:4326", geo::crs::kAlbersChina})
        EXPECT_EQ(geo::crs::extentProblem(crs, guizhou), "") << crs;
}

// A copy for another thread (the view reader projects a long run in two halves) transforms every point exactly as
// the original does, Albers and Gauss-Krüger alike, and works on its own after the original is gone.
TEST(Projection, ACloneTransformsExactlyAsTheOriginal)
{
    for (const std::string target : {std::string(geo::crs::kAlbersChina), std::string("EPSG:4545")}) {
        std::vector<geo::Point> a;
        for (int i = 0; i < 2000; ++i)
            a.push_back({103.6 + 5.9 * (i % 97) / 97.0, 24.6 + 4.6 * (i % 89) / 89.0});
        std::vector<geo::Point> b = a;
        std::optional<geo::Projection> original(std::in_place, "EPSG:4490", target);
        geo::Projection copy = original->clone();
        ASSERT_TRUE(original->forward(a));
        original.reset();
        ASSERT_TRUE(copy.forward(b));
        EXPECT_EQ(copy.source(), "EPSG:4490");
        for (std::size_t i = 0; i < a.size(); ++i)
            ASSERT_TRUE(a[i].x == b[i].x && a[i].y == b[i].y) << target << " point " << i;
        EXPECT_GT(std::abs(a.front().x), 1000.0) << "projected, not left in degrees";
    }
}
