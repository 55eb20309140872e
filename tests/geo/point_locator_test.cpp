// PointLocator against the exact even-odd test on synthetic shapes (the real counties: layers_tests,
// tests/layers/point_locator_data_test.cpp).
#include <algorithm>
#include <cmath>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "geo/point_locator.h"

namespace {

geo::Ring square(double x0, double y0, double x1, double y1)
{
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

/// n x n unit squares, ids row by row; every other one has a hole.
std::vector<geo::MultiPolygon> squares(int n)
{
    std::vector<geo::MultiPolygon> shapes;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            geo::Polygon p{square(i, j, i + 1, j + 1), {}};
            if ((i + j) % 2)
                p.holes.push_back(square(i + 0.4, j + 0.4, i + 0.6, j + 0.6));
            shapes.push_back({p});
        }
    return shapes;
}

int bruteForce(const std::vector<geo::MultiPolygon>& shapes, geo::Point p)
{
    for (std::size_t id = 0; id < shapes.size(); ++id)
        if (geo::contains(shapes[id], p))
            return int(id);
    return -1;
}

/// The locator's answer equals the exact test, or differs only through shapes whose boundary passes within
/// tolerance of p (where either answer is right): got must contain p or pass near it, and every lower id must
/// not contain p or pass near it.
::testing::AssertionResult agrees(const std::vector<geo::MultiPolygon>& shapes, const geo::PointLocator& locator, geo::Point p,
                                  double tolerance = 1e-9)
{
    const int got = locator.locate(p);
    const int want = bruteForce(shapes, p);
    if (got == want)
        return ::testing::AssertionSuccess();
    const auto near = [&](std::size_t id) { return geo::boundaryDistance(shapes[id], p) < tolerance; };
    bool ok = got < 0 || geo::contains(shapes[std::size_t(got)], p) || near(std::size_t(got));
    const std::size_t below = got < 0 ? shapes.size() : std::size_t(got);
    for (std::size_t id = 0; ok && id < below; ++id)
        ok = !geo::contains(shapes[id], p) || near(id);
    if (ok)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << "at (" << p.x << ", " << p.y << ") locate " << got << ", exact " << want;
}

}  // namespace

TEST(PointLocator, EmptyInputLocatesNothing)
{
    const geo::PointLocator none(std::vector<geo::MultiPolygon>{});
    EXPECT_EQ(none.size(), 0u);
    EXPECT_EQ(none.locate({0, 0}), -1);
    const geo::PointLocator defaulted;
    EXPECT_EQ(defaulted.locate({1, 2}), -1);
    const std::vector<geo::Point> points{{0, 0}, {1, 1}};
    std::vector<int> out(2, 7);
    none.locate(points, out);
    EXPECT_EQ(out, (std::vector<int>{-1, -1}));
    none.locate(std::span<const geo::Point>{}, std::span<int>{});

    // Shapes without usable rings.
    const geo::PointLocator hollow(std::vector<geo::MultiPolygon>{{}, {geo::Polygon{}}});
    EXPECT_EQ(hollow.locate({0, 0}), -1);
}

TEST(PointLocator, AgreesWithBruteForceOnSquaresWithHoles)
{
    const auto shapes = squares(20);
    for (int cells : {1, 7, 64, 256, 1024}) {
        const geo::PointLocator locator(shapes, {cells});
        std::mt19937 rng(42);
        std::uniform_real_distribution<double> coordinate(-1.0, 21.0);
        std::vector<geo::Point> points;
        for (int k = 0; k < 20000; ++k)
            points.push_back({coordinate(rng), coordinate(rng)});
        std::vector<int> batch(points.size());
        locator.locate(points, batch);
        int inHoles = 0;
        for (std::size_t k = 0; k < points.size(); ++k) {
            const geo::Point p = points[k];
            const int want = bruteForce(shapes, p);
            ASSERT_EQ(locator.locate(p), want) << cells << " cells at " << p.x << " " << p.y;
            ASSERT_EQ(batch[k], want);
            const double fx = p.x - std::floor(p.x), fy = p.y - std::floor(p.y);
            inHoles += p.x > 0 && p.x < 20 && p.y > 0 && p.y < 20 && fx > 0.4 && fx < 0.6 && fy > 0.4 && fy < 0.6 &&
                       (int(p.x) + int(p.y)) % 2;
        }
        EXPECT_GT(inHoles, 100);
    }
}

TEST(PointLocator, PointsOnCellBoundariesVerticesAndCorners)
{
    const auto shapes = squares(6);
    // 6 / 40 = 0.15: some grid lines fall on the squares' edges and hole edges, most do not.
    const geo::PointLocator locator(shapes, {40});
    const auto& s = locator.stats();
    ASSERT_EQ(s.originX, 0);
    ASSERT_EQ(s.originY, 0);
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> coordinate(0.0, 6.0);
    for (int i = 0; i <= s.columns; ++i)
        for (int k = 0; k < 40; ++k) {
            const double line = s.originX + i * s.cellSize;
            ASSERT_TRUE(agrees(shapes, locator, {line, coordinate(rng)}));
            ASSERT_TRUE(agrees(shapes, locator, {coordinate(rng), line}));
        }
    for (int i = 0; i <= s.columns; ++i)
        for (int j = 0; j <= s.rows; ++j)
            ASSERT_TRUE(agrees(shapes, locator, {s.originX + i * s.cellSize, s.originY + j * s.cellSize}));
    for (const auto& shape : shapes)
        for (const auto& polygon : shape) {
            for (const auto& v : polygon.outer)
                ASSERT_TRUE(agrees(shapes, locator, v));
            for (const auto& hole : polygon.holes)
                for (const auto& v : hole)
                    ASSERT_TRUE(agrees(shapes, locator, v));
        }
    // Corners of the bounds are corners of squares 0, 5, 30 and 35.
    for (const geo::Point corner : {geo::Point{0, 0}, geo::Point{6, 0}, geo::Point{0, 6}, geo::Point{6, 6}})
        ASSERT_TRUE(agrees(shapes, locator, corner));
    EXPECT_EQ(locator.locate({0.01, 0.01}), 0);
    EXPECT_EQ(locator.locate({5.99, 5.99}), 35);
}

TEST(PointLocator, OutsideTheBoundsIsMinusOne)
{
    const geo::PointLocator locator(squares(4));
    constexpr double inf = std::numeric_limits<double>::infinity();
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    for (const geo::Point p : {geo::Point{-1e-9, 1}, geo::Point{4 + 1e-9, 1}, geo::Point{1, -1e-9}, geo::Point{1, 4 + 1e-9},
                               geo::Point{-100, -100}, geo::Point{1e300, 1}, geo::Point{inf, 1}, geo::Point{-inf, 1},
                               geo::Point{1, inf}, geo::Point{nan, 1}, geo::Point{1, nan}, geo::Point{nan, nan}})
        EXPECT_EQ(locator.locate(p), -1) << p.x << " " << p.y;
}

TEST(PointLocator, HolesIslandsAndOverlapsFollowTheExactTest)
{
    // 0: a square with two holes, an island inside the first hole (second part of the same shape);
    // 1: a square overlapping 0 (0 wins where both contain the point); 2: a square inside 0's second hole;
    // 3: a large square under everything (found only where no lower id contains the point).
    geo::MultiPolygon a{
        geo::Polygon{square(0, 0, 10, 10), {square(1, 1, 4, 4), square(6, 6, 9, 9)}},
        geo::Polygon{square(2, 2, 3, 3), {}},
    };
    const std::vector<geo::MultiPolygon> shapes{
        a,
        {geo::Polygon{square(8, 0.5, 12, 3.5), {}}},
        {geo::Polygon{square(7, 7, 8, 8), {}}},
        {geo::Polygon{square(-2, -2, 14, 14), {}}},
    };
    for (int cells : {3, 16, 100, 999}) {
        const geo::PointLocator locator(shapes, {cells});
        EXPECT_EQ(locator.locate({0.5, 0.5}), 0);
        EXPECT_EQ(locator.locate({1.5, 1.5}), 3);  // in the hole
        EXPECT_EQ(locator.locate({2.5, 2.5}), 0);  // on the island
        EXPECT_EQ(locator.locate({9.5, 2}), 0);    // overlap of 0 and 1
        EXPECT_EQ(locator.locate({11, 2}), 1);
        EXPECT_EQ(locator.locate({7.5, 7.5}), 2);  // inside 0's hole
        EXPECT_EQ(locator.locate({6.5, 6.5}), 3);
        EXPECT_EQ(locator.locate({13, 13}), 3);
        EXPECT_EQ(locator.locate({14.5, 13}), -1);
        std::mt19937 rng(cells);
        std::uniform_real_distribution<double> coordinate(-3.0, 15.0);
        for (int k = 0; k < 20000; ++k)
            ASSERT_TRUE(agrees(shapes, locator, {coordinate(rng), coordinate(rng)}));
    }
}

TEST(PointLocator, InvalidRingsStillFollowTheExactTest)
{
    // A hole outside its outer ring, overlapping parts of one shape, a self-intersecting bow tie, an open ring.
    const std::vector<geo::MultiPolygon> shapes{
        {geo::Polygon{square(0, 0, 4, 4), {square(5, 5, 6, 6), square(1, 1, 3, 3), square(2, 2, 3.5, 3.5)}},
         geo::Polygon{square(2, 0, 6, 2), {}}},
        {geo::Polygon{{{0, 5}, {4, 9}, {4, 5}, {0, 9}, {0, 5}}, {}}},
        {geo::Polygon{{{5, 0}, {9, 0}, {9, 4}}, {}}},
        {geo::Polygon{square(-1, -1, 10, 10), {}}},
    };
    for (int cells : {2, 13, 50, 512}) {
        const geo::PointLocator locator(shapes, {cells});
        std::mt19937 rng(cells);
        std::uniform_real_distribution<double> coordinate(-2.0, 11.0);
        for (int k = 0; k < 20000; ++k)
            ASSERT_TRUE(agrees(shapes, locator, {coordinate(rng), coordinate(rng)})) << cells;
    }
}

TEST(PointLocator, EdgesAlongCellCentreLinesAndSegmentsThroughVertices)
{
    // The frame (shape 1) makes the bounds [0, 16]², so with 16 cells each is 1 wide and the cell (3, 5) has its
    // centre at (3.5, 5.5), (3, 10) at (3.5, 10.5). Shape 0 has a vertex on the first centre's row, one on its
    // diagonal, and an edge along the second centre's row; the grid of squares in shape 2 puts edges on every
    // centre line. All coordinates are dyadic, so the collinearities are exact.
    const std::vector<geo::MultiPolygon> shapes{
        {geo::Polygon{{{2, 4}, {3.25, 5.5}, {3.25, 5.75}, {2.5, 7}, {1, 6}, {2, 4}}, {}},
         geo::Polygon{{{2, 9}, {3.0, 10.5}, {3.25, 10.5}, {3.25, 11.75}, {2, 11.75}, {2, 9}}, {}}},
        {geo::Polygon{square(0, 0, 16, 16), {square(12, 0.5, 15.5, 15.5)}}},
        {geo::Polygon{square(12.5, 1.5, 13.5, 2.5), {}}, geo::Polygon{square(13.5, 2.5, 14.5, 3.5), {}},
         geo::Polygon{square(12.5, 3.5, 14.5, 4.5), {}}},
    };
    const geo::PointLocator locator(shapes, {16});
    ASSERT_EQ(locator.stats().cellSize, 1);
    EXPECT_EQ(locator.locate({3.0, 5.5}), 0);      // R→Q passes through the vertex (3.25, 5.5)
    EXPECT_EQ(locator.locate({3.125, 5.875}), 0);  // through (3.25, 5.75)
    EXPECT_EQ(locator.locate({3.375, 5.625}), 1);
    EXPECT_EQ(locator.locate({2.875, 10.5}), 0);   // along the edge (3, 10.5)–(3.25, 10.5)
    EXPECT_EQ(locator.locate({3.375, 10.25}), 1);
    EXPECT_EQ(locator.locate({13.0, 2.0}), 2);
    EXPECT_EQ(locator.locate({13.0, 1.25}), -1);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> coordinate(0.0, 16.0);
    for (int k = 0; k < 50000; ++k)
        ASSERT_TRUE(agrees(shapes, locator, {coordinate(rng), coordinate(rng)}));
    // Points on the centre lines and on the diagonals through the vertices.
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    for (int k = 0; k < 20000; ++k) {
        const int c = k % 16, r = (k / 16) % 16;
        ASSERT_TRUE(agrees(shapes, locator, {c + unit(rng), r + 0.5}));
        ASSERT_TRUE(agrees(shapes, locator, {c + 0.5, r + unit(rng)}));
        const double t = unit(rng);
        ASSERT_TRUE(agrees(shapes, locator, {c + t, r + t}));
        ASSERT_TRUE(agrees(shapes, locator, {c + t, r + 1 - t}));
    }
}

TEST(PointLocator, ReportsItsGridAndMemory)
{
    const geo::PointLocator locator(squares(10), {100});
    const auto& s = locator.stats();
    EXPECT_EQ(s.columns, int(std::floor(10 / s.cellSize)) + 1);
    EXPECT_EQ(s.rows, s.columns);
    EXPECT_EQ(std::size_t(s.columns) * s.rows, s.insideCells + s.emptyCells + s.boundaryCells);
    EXPECT_GT(s.insideCells, s.boundaryCells);
    EXPECT_GE(s.bytes, std::size_t(s.columns) * s.rows * sizeof(std::int32_t));
    std::vector<geo::Point> points{{0.55, 0.55}, {-1, -1}};
    std::vector<std::int32_t> codes(2);
    locator.cellCodes(points, codes);
    EXPECT_EQ(codes[0], 0);
    EXPECT_EQ(codes[1], -1);
}
