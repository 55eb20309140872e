#include <limits>

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

TEST(Geometry, OneCrossingRuleCountsAVertexOnceAndAHorizontalEdgeNever)
{
    // The ray from (0, 1) towards +x passes through the vertex (2, 1) where two edges meet: one crossing.
    EXPECT_NE(geo::crossesRay({2, 0}, {2, 1}, {0, 1}), geo::crossesRay({2, 1}, {2, 2}, {0, 1}));
    EXPECT_FALSE(geo::crossesRay({1, 1}, {3, 1}, {0, 1}));  // along the ray
    EXPECT_FALSE(geo::crossesRay({-2, 0}, {-2, 2}, {0, 1}));  // behind the point
    EXPECT_DOUBLE_EQ(geo::crossingX({0, 0}, {4, 2}, 1), 2);
    // A diamond's left and right corners lie on the ray of a point at their height: inside once, outside twice.
    const geo::Ring diamond{{0, 1}, {1, 0}, {2, 1}, {1, 2}, {0, 1}};
    EXPECT_TRUE(geo::ringContains(diamond, {1, 1}));
    EXPECT_FALSE(geo::ringContains(diamond, {-1, 1}));
    EXPECT_FALSE(geo::ringContains(diamond, {3, 1}));
}

TEST(Geometry, RingContainsOverAnyVertexStoreEqualsTheRingForm)
{
    // An integer store like FeatureLayer's (x, y pairs, the ring not closed): the same answers as the Ring.
    const std::vector<int> xy{0, 0, 10, 0, 10, 10, 5, 4, 0, 10};
    geo::Ring ring;
    for (std::size_t i = 0; i < xy.size(); i += 2)
        ring.push_back({double(xy[i]), double(xy[i + 1])});
    const auto vertex = [&](std::size_t k) { return geo::Point{double(xy[2 * k]), double(xy[2 * k + 1])}; };
    for (double y = -0.75; y < 11; y += 0.5)
        for (double x = -0.75; x < 11; x += 0.5)
            EXPECT_EQ(geo::ringContains(xy.size() / 2, vertex, {x, y}), geo::ringContains(ring, {x, y})) << x << " " << y;
    EXPECT_TRUE(geo::ringContains(ring, {5, 2}));
    EXPECT_FALSE(geo::ringContains(ring, {5, 8}));  // in the notch
    EXPECT_FALSE(geo::ringContains(0, vertex, {5, 2}));  // no vertices, nothing inside
}

TEST(Geometry, SegmentDistance)
{
    EXPECT_DOUBLE_EQ(geo::segmentDistance({5, 3}, {0, 0}, {10, 0}), 3);     // over the middle
    EXPECT_DOUBLE_EQ(geo::segmentDistance({-3, 4}, {0, 0}, {10, 0}), 5);    // beyond an end: to the end
    EXPECT_DOUBLE_EQ(geo::segmentDistance({13, 4}, {0, 0}, {10, 0}), 5);
    EXPECT_DOUBLE_EQ(geo::segmentDistance({3, 4}, {0, 0}, {0, 0}), 5);      // a point
    EXPECT_DOUBLE_EQ(geo::segmentDistanceSquared({1, 1}, {0, 0}, {2, 2}), 0);
}

TEST(Geometry, BoundaryDistanceCountsHolesAndEveryPart)
{
    const geo::Ring outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, hole{{4, 4}, {6, 4}, {6, 6}, {4, 6}, {4, 4}};
    const geo::Ring far{{20, 0}, {21, 0}, {21, 1}, {20, 1}, {20, 0}};
    const geo::MultiPolygon shape{{outer, {hole}}, {far, {}}};
    EXPECT_DOUBLE_EQ(geo::boundaryDistance(shape, {2, 5}), 2);    // nearer the outer ring than the hole
    EXPECT_DOUBLE_EQ(geo::boundaryDistance(shape, {5, 5}), 1);    // in the hole: to its edge
    EXPECT_DOUBLE_EQ(geo::boundaryDistance(shape, {18, 0.5}), 2); // to the second part
    EXPECT_EQ(geo::boundaryDistance({}, {0, 0}), std::numeric_limits<double>::infinity());
}
