#include <cmath>

#include <gtest/gtest.h>

#include "geo/coordinate_text.h"
#include "geo/geodesic.h"
#include "geo/projection.h"

namespace {
const double kPi = std::acos(-1.0);
}

TEST(Geodesic, MeridianQuadrantOfGrs80)
{
    // Moritz, Geodetic Reference System 1980 (Bulletin Géodésique 54, 1980): meridian quadrant 10 001 965.7293 m.
    EXPECT_NEAR(geo::geodesic::distance({0, 0}, {0, 90}), 10001965.7293, 0.001);
    EXPECT_NEAR(geo::geodesic::length({{0, 0}, {0, 45}, {0, 90}}), 10001965.7293, 0.001);
}

TEST(Geodesic, JfkToChangiAsGeodSolvePublishes)
{
    // GeographicLib's GeodSolve manual: 40:38:23N 073:46:44W to 01:21:33N 103:59:22E on WGS84 is 15347628 m (-p 0).
    const auto lat1 = geo::coords::parseAngle("40°38′23″N", geo::coords::Axis::Latitude);
    const auto lon1 = geo::coords::parseAngle("073°46′44″W", geo::coords::Axis::Longitude);
    const auto lat2 = geo::coords::parseAngle("01°21′33″N", geo::coords::Axis::Latitude);
    const auto lon2 = geo::coords::parseAngle("103°59′22″E", geo::coords::Axis::Longitude);
    ASSERT_TRUE(lat1.ok() && lon1.ok() && lat2.ok() && lon2.ok());
    EXPECT_NEAR(geo::geodesic::distance({lon1.degrees, lat1.degrees}, {lon2.degrees, lat2.degrees}, geo::geodesic::kWgs84), 15347628, 0.5);
}

TEST(Geodesic, OctantAreaIsAnEighthOfTheEllipsoid)
{
    // The triangle equator 0°–90°E and the pole, bounded by two meridians and the equator (all geodesics), is an
    // eighth of the ellipsoid's surface: S = 2πa²(1 + (1 − e²)/e · atanh e).
    const geo::geodesic::Ellipsoid e = geo::geodesic::kCgcs2000;
    const double e2 = e.f * (2 - e.f), ecc = std::sqrt(e2);
    const double surface = 2 * kPi * e.a * e.a * (1 + (1 - e2) / ecc * std::atanh(ecc));
    const auto m = geo::geodesic::polygon({{0, 0}, {90, 0}, {0, 90}});
    EXPECT_NEAR(m.area, surface / 8, 1.0);  // 6.4e13 m² to a square metre
    // Either orientation, closed or not: the same area.
    EXPECT_NEAR(geo::geodesic::polygon({{0, 90}, {90, 0}, {0, 0}, {0, 90}}).area, surface / 8, 1.0);
    EXPECT_NEAR(m.perimeter, 2 * 10001965.7293 + kPi * e.a / 2, 0.01);  // two meridian quadrants and a quarter of the equator
}

TEST(Geodesic, SmallPolygonNearGuiyangAgreesWithAlbersEqualArea)
{
    // A 0.01° × 0.01° quadrilateral (≈ 1 km²) and a 0.5° one: the geodesic area equals the planar area in the Albers
    // equal-area projection (same GRS80 ellipsoid) to 1e-5, the edges' curvature in the projection aside.
    for (double d : {0.01, 0.5}) {
        const geo::Ring ring{{106.6, 26.5}, {106.6 + d, 26.5}, {106.6 + d, 26.5 + d}, {106.6, 26.5 + d}, {106.6, 26.5}};
        const geo::Projection albers(geo::crs::kCgcs2000, geo::crs::kAlbersChina);
        const double planar = geo::planarArea(albers.forward(geo::MultiPolygon{{ring, {}}}));
        EXPECT_NEAR(geo::geodesic::polygon(ring).area / planar, 1.0, 1e-5) << d;
    }
    EXPECT_EQ(geo::geodesic::polygon({{106, 26}, {107, 26}}).area, 0.0);  // two points: no area
    EXPECT_EQ(geo::geodesic::length({{106, 26}}), 0.0);
}

using geo::coords::Axis;
using geo::coords::Problem;

TEST(CoordinateText, DecimalAndDmsForms)
{
    const double v = 106 + 42 / 60.0 + 30 / 3600.0;
    for (const char* t : {"106.708333333333", "106°42′30″", "106°42'30\"", "106 42 30", "106d42m30s", "106:42:30", "东经106°42′30″",
                          "106°42′30″E", "E 106 42 30", "106度42分30秒", "106°42.5'"}) {
        const auto a = geo::coords::parseAngle(t, Axis::Longitude);
        ASSERT_TRUE(a.ok()) << t << " problem " << static_cast<int>(a.problem) << " " << a.text;
        EXPECT_NEAR(a.degrees, v, 1e-9) << t;
    }
    EXPECT_NEAR(geo::coords::parseAngle("26°35′S", Axis::Latitude).degrees, -(26 + 35 / 60.0), 1e-12);
    EXPECT_NEAR(geo::coords::parseAngle("南纬26.5", Axis::Latitude).degrees, -26.5, 1e-12);
    EXPECT_NEAR(geo::coords::parseAngle("-26.5", Axis::Latitude).degrees, -26.5, 1e-12);
    EXPECT_NEAR(geo::coords::parseAngle("26.5 N", Axis::Latitude).degrees, 26.5, 1e-12);
}

TEST(CoordinateText, BadAnglesNameTheProblem)
{
    EXPECT_EQ(geo::coords::parseAngle("", Axis::Longitude).problem, Problem::Empty);
    EXPECT_EQ(geo::coords::parseAngle("  ", Axis::Longitude).problem, Problem::Empty);
    EXPECT_EQ(geo::coords::parseAngle("abc", Axis::Longitude).problem, Problem::Unparsable);
    EXPECT_EQ(geo::coords::parseAngle("106°70′", Axis::Longitude).problem, Problem::MinutesRange);
    EXPECT_EQ(geo::coords::parseAngle("106°42′60″", Axis::Longitude).problem, Problem::MinutesRange);
    EXPECT_EQ(geo::coords::parseAngle("106.5°30′", Axis::Longitude).problem, Problem::Unparsable);  // fraction not last
    EXPECT_EQ(geo::coords::parseAngle("106°42′30″N", Axis::Longitude).problem, Problem::WrongHemisphere);
    EXPECT_EQ(geo::coords::parseAngle("东经26.5", Axis::Latitude).problem, Problem::WrongHemisphere);
    EXPECT_EQ(geo::coords::parseAngle("190", Axis::Longitude).problem, Problem::LongitudeRange);
    EXPECT_EQ(geo::coords::parseAngle("91", Axis::Latitude).problem, Problem::LatitudeRange);
    EXPECT_EQ(geo::coords::parseAngle("1.2.3", Axis::Latitude).problem, Problem::Unparsable);
    EXPECT_EQ(geo::coords::parseAngle("-26.5S", Axis::Latitude).problem, Problem::Unparsable);
    EXPECT_EQ(geo::coords::parseAngle("26 30 15 5", Axis::Latitude).problem, Problem::Unparsable);
    const auto odd = geo::coords::parseAngle("26.5x", Axis::Latitude);
    EXPECT_EQ(odd.problem, Problem::Unparsable);
    EXPECT_EQ(odd.text, "x");
    EXPECT_EQ(geo::coords::parseAngle("26.5 North", Axis::Latitude).problem, Problem::Unparsable);
}

TEST(CoordinateText, GaussKrugerZonesAndInput)
{
    ASSERT_TRUE(geo::coords::gaussKrugerZone("36"));
    EXPECT_EQ(geo::coords::gaussKrugerZone("36")->crs, "EPSG:4545");
    EXPECT_EQ(geo::coords::gaussKrugerZone("108")->crs, "EPSG:4545");
    EXPECT_EQ(geo::coords::gaussKrugerZone("108°E")->zone, 36);
    EXPECT_EQ(geo::coords::gaussKrugerZone("25")->crs, "EPSG:4534");
    EXPECT_EQ(geo::coords::gaussKrugerZone("135")->crs, "EPSG:4554");
    // The zones Guizhou spans are the ones `gzplan crs suggest` and the status bar name (EPSG:4543…4546).
    for (int cm : {102, 105, 108, 111})
        EXPECT_EQ(geo::coords::gaussKrugerZone(std::to_string(cm))->crs, geo::crs::gaussKrugerFor(cm)) << cm;
    EXPECT_FALSE(geo::coords::gaussKrugerZone("107"));  // not a multiple of 3
    EXPECT_FALSE(geo::coords::gaussKrugerZone("46"));
    EXPECT_FALSE(geo::coords::gaussKrugerZone("x"));

    auto g = geo::coords::parseGaussKruger("36512345.6", "2935000", "");
    ASSERT_TRUE(g.ok());
    EXPECT_EQ(g.zone.crs, "EPSG:4545");
    EXPECT_NEAR(g.point.x, 512345.6, 1e-6);
    g = geo::coords::parseGaussKruger("512 345.6", "2,935,000", "108");
    ASSERT_TRUE(g.ok());
    EXPECT_NEAR(g.point.y, 2935000, 1e-9);
    EXPECT_EQ(geo::coords::parseGaussKruger("512345.6", "2935000", "").problem, Problem::ZoneMissing);
    EXPECT_EQ(geo::coords::parseGaussKruger("36512345.6", "2935000", "35").problem, Problem::ZoneConflict);
    EXPECT_EQ(geo::coords::parseGaussKruger("99512345.6", "2935000", "").problem, Problem::ZoneUnknown);
    EXPECT_EQ(geo::coords::parseGaussKruger("512345.6", "2935000", "107").problem, Problem::ZoneUnknown);
    EXPECT_EQ(geo::coords::parseGaussKruger("1512345.6", "2935000", "36").problem, Problem::EastingRange);
    EXPECT_EQ(geo::coords::parseGaussKruger("512345.6", "-5", "36").problem, Problem::NorthingRange);
    EXPECT_EQ(geo::coords::parseGaussKruger("5123x", "2935000", "36").problem, Problem::Unparsable);
    EXPECT_EQ(geo::coords::parseGaussKruger("", "2935000", "36").problem, Problem::Empty);

    // The point the zone's CRS gives back: EPSG:4545 at E 500000 is on 108°E.
    g = geo::coords::parseGaussKruger("500000", "2935000", "36");
    geo::Projection toLonLat(g.zone.crs, geo::crs::kCgcs2000);
    geo::Point p = g.point;
    ASSERT_TRUE(toLonLat.forward(p));
    EXPECT_NEAR(p.x, 108.0, 1e-9);
    EXPECT_NEAR(p.y, 26.5, 0.1);
}
