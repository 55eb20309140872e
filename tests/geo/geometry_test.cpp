#include <gtest/gtest.h>

#include "geo/geometry.h"

namespace {
geo::Ring square(double x0, double y0, double side)
{
    return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
}
}  // namespace

TEST(Geometry, SignedAreaIsPositiveCounterClockwise)
{
    const geo::Ring ring = square(0, 0, 2);
    EXPECT_DOUBLE_EQ(geo::signedArea(ring), 4.0);
    const geo::Ring reversed(ring.rbegin(), ring.rend());
    EXPECT_DOUBLE_EQ(geo::signedArea(reversed), -4.0);
}

TEST(Geometry, AreaKeepsPrecisionForLargeProjectedCoordinates)
{
    // A 1 m square at Gauss-Kruger-like coordinates (500 km, 3000 km).
    EXPECT_NEAR(geo::signedArea(square(500000.0, 3000000.0, 1.0)), 1.0, 1e-9);
}

TEST(Geometry, PlanarAreaSubtractsHoles)
{
    geo::Polygon p{square(0, 0, 10), {square(2, 2, 2)}};
    EXPECT_DOUBLE_EQ(geo::planarArea({p}), 96.0);
}

TEST(Geometry, ContainsRespectsHolesAndParts)
{
    geo::Polygon withHole{square(0, 0, 10), {square(2, 2, 2)}};
    geo::Polygon island{square(20, 0, 1), {}};
    const geo::MultiPolygon shape{withHole, island};
    EXPECT_TRUE(geo::contains(shape, {1, 1}));
    EXPECT_FALSE(geo::contains(shape, {3, 3}));  // in the hole
    EXPECT_TRUE(geo::contains(shape, {20.5, 0.5}));
    EXPECT_FALSE(geo::contains(shape, {15, 5}));
}

TEST(Geometry, BoundsOfMultiPolygon)
{
    const geo::MultiPolygon shape{{square(0, 0, 1), {}}, {square(5, -2, 1), {}}};
    const geo::Box b = geo::bounds(shape);
    EXPECT_DOUBLE_EQ(b.minX, 0);
    EXPECT_DOUBLE_EQ(b.minY, -2);
    EXPECT_DOUBLE_EQ(b.maxX, 6);
    EXPECT_DOUBLE_EQ(b.maxY, 1);
    EXPECT_TRUE(geo::Box::empty().isEmpty());
}
