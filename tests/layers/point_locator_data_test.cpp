// geo::PointLocator on the 88 real counties of the build's GeoPackage, against the exact even-odd test.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <iomanip>
#include <iostream>
#include <limits>
#include <random>

#include <gtest/gtest.h>

#include "geo/point_locator.h"
#include "layers/geography.h"

namespace {

struct Counties {
    std::vector<geo::MultiPolygon> shapes;
    std::vector<std::vector<geo::Box>> partBounds;
    geo::Box bounds = geo::Box::empty();
};

const Counties& counties()
{
    static const Counties c = [] {
        Counties c;
        const auto g = layers::Geography::load(GZ_TEST_GEOPACKAGE);
        for (const auto& county : g.counties) {
            c.shapes.push_back(county.shape);
            c.partBounds.emplace_back();
            for (const auto& polygon : county.shape)
                c.partBounds.back().push_back(geo::bounds(polygon.outer));
            c.bounds.expand(geo::bounds(county.shape));
        }
        return c;
    }();
    return c;
}

/// geo::contains(county id, p); bounds only skip parts that cannot contain p.
bool countyContains(std::size_t id, geo::Point p)
{
    const auto& c = counties();
    for (std::size_t part = 0; part < c.shapes[id].size(); ++part)
        if (c.partBounds[id][part].contains(p) && geo::polygonContains(c.shapes[id][part], p))
            return true;
    return false;
}

/// n uniformly random points in the bounds of the counties (a fixed seed: the same points every run).
std::vector<geo::Point> randomPoints(std::size_t n, std::uint64_t seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_real_distribution<double> x(counties().bounds.minX, counties().bounds.maxX), y(counties().bounds.minY, counties().bounds.maxY);
    std::vector<geo::Point> points(n);
    for (auto& p : points)
        p = {x(rng), y(rng)};
    return points;
}

/// geo::contains over every county in order, the first match.
int bruteForce(geo::Point p)
{
    for (std::size_t id = 0; id < counties().shapes.size(); ++id)
        if (countyContains(id, p))
            return int(id);
    return -1;
}

/// Equal to the exact test, or different only through counties whose boundary passes within 1e-9° of p (where
/// either answer is right): got must contain p or pass near it, and every lower id must not contain p or pass near it.
::testing::AssertionResult agrees(const geo::PointLocator& locator, geo::Point p)
{
    const int got = locator.locate(p);
    const int want = bruteForce(p);
    if (got == want)
        return ::testing::AssertionSuccess();
    const auto& shapes = counties().shapes;
    const auto near = [&](std::size_t id) { return geo::boundaryDistance(shapes[id], p) < 1e-9; };
    bool ok = got < 0 || countyContains(std::size_t(got), p) || near(std::size_t(got));
    const std::size_t below = got < 0 ? shapes.size() : std::size_t(got);
    for (std::size_t id = 0; ok && id < below; ++id)
        ok = !countyContains(id, p) || near(id);
    if (ok)
        return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure() << std::setprecision(17) << "at (" << p.x << ", " << p.y << ") locate " << got
                                         << ", exact " << want;
}

const geo::PointLocator& locator()
{
    static const geo::PointLocator l = [] {
        const auto start = std::chrono::steady_clock::now();
        geo::PointLocator built(counties().shapes);
        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        const auto& s = built.stats();
        std::size_t vertices = 0;
        for (const auto& shape : counties().shapes)
            vertices += geo::vertexCount(shape);
        std::cout << "PointLocator over " << counties().shapes.size() << " counties, " << vertices << " vertices: "
                  << s.columns << "x" << s.rows << " cells of " << s.cellSize << "°, " << s.insideCells << " inside, "
                  << s.emptyCells << " empty, " << s.boundaryCells << " boundary, " << s.ringEntries << " ring entries, "
                  << s.chainPoints << " points, " << s.bytes << " bytes, built in " << ms << " ms\n";
        return built;
    }();
    return l;
}

}  // namespace

TEST(PointLocatorData, RandomPointsInTheBoundsMatchTheExactTest)
{
    const auto& c = counties();
    ASSERT_EQ(c.shapes.size(), 88u);
    const auto& l = locator();
    const std::vector<geo::Point> points = randomPoints(200000, 20240601);
    std::vector<int> batch(points.size());
    l.locate(points, batch);
    std::size_t inside = 0, viaBoundaryCells = 0;
    std::vector<std::int32_t> codes(points.size());
    l.cellCodes(points, codes);
    for (std::size_t k = 0; k < points.size(); ++k) {
        const int want = bruteForce(points[k]);
        ASSERT_EQ(l.locate(points[k]), want) << std::setprecision(17) << points[k].x << " " << points[k].y;
        ASSERT_EQ(batch[k], want);
        inside += want >= 0;
        viaBoundaryCells += codes[k] < -1;
    }
    std::cout << inside << " of " << points.size() << " points in a county, " << viaBoundaryCells << " in boundary cells\n";
    EXPECT_GT(inside, points.size() / 3);
    for (int county = 0; county < 88; ++county)
        EXPECT_NE(std::find(batch.begin(), batch.end(), county), batch.end()) << county;
}

TEST(PointLocatorData, VerticesGridLinesAndCornersOfTheBounds)
{
    const auto& c = counties();
    const auto& l = locator();
    std::size_t checked = 0;
    for (const auto& shape : c.shapes)
        for (const auto& polygon : shape) {
            for (const auto& v : polygon.outer) {
                ASSERT_TRUE(agrees(l, v));
                ++checked;
            }
            for (const auto& hole : polygon.holes)
                for (const auto& v : hole) {
                    ASSERT_TRUE(agrees(l, v));
                    ++checked;
                }
        }
    // Midpoints of edges: on the boundary too.
    for (const auto& shape : c.shapes)
        for (const auto& polygon : shape)
            for (std::size_t i = 1; i < polygon.outer.size(); i += 7)
                ASSERT_TRUE(agrees(l, {(polygon.outer[i - 1].x + polygon.outer[i].x) / 2, (polygon.outer[i - 1].y + polygon.outer[i].y) / 2}));

    const auto& s = l.stats();
    EXPECT_EQ(s.originX, c.bounds.minX);
    EXPECT_EQ(s.originY, c.bounds.minY);
    std::mt19937_64 rng(99);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::uniform_int_distribution<int> column(0, s.columns), row(0, s.rows);
    for (int k = 0; k < 20000; ++k) {
        const double gx = s.originX + column(rng) * s.cellSize, gy = s.originY + row(rng) * s.cellSize;
        ASSERT_TRUE(agrees(l, {gx, c.bounds.minY + unit(rng) * c.bounds.height()}));
        ASSERT_TRUE(agrees(l, {c.bounds.minX + unit(rng) * c.bounds.width(), gy}));
        ASSERT_TRUE(agrees(l, {gx, gy}));
        // Cell centres: where the reference points usually are.
        ASSERT_TRUE(agrees(l, {gx + s.cellSize / 2, gy + s.cellSize / 2}));
        checked += 4;
    }
    for (const geo::Point corner : {geo::Point{c.bounds.minX, c.bounds.minY}, geo::Point{c.bounds.maxX, c.bounds.minY},
                                    geo::Point{c.bounds.minX, c.bounds.maxY}, geo::Point{c.bounds.maxX, c.bounds.maxY}})
        ASSERT_TRUE(agrees(l, corner));
    EXPECT_GT(checked, 100000u);
}

TEST(PointLocatorData, OutsideTheBoundsIsMinusOne)
{
    const auto& b = counties().bounds;
    const auto& l = locator();
    const double e = 1e-7;
    for (const geo::Point p : {geo::Point{b.minX - e, b.centre().y}, geo::Point{b.maxX + e, b.centre().y},
                               geo::Point{b.centre().x, b.minY - e}, geo::Point{b.centre().x, b.maxY + e},
                               geo::Point{0, 0}, geo::Point{b.maxX + e, b.maxY + e}, geo::Point{-b.maxX, b.centre().y}})
        EXPECT_EQ(l.locate(p), -1) << p.x << " " << p.y;
    // The province's interior is covered but for the data's small gaps.
    EXPECT_GE(l.locate(b.centre()), 0);
}

TEST(PointLocatorData, EveryGridSizeGivesTheSameAnswers)
{
    const auto& c = counties();
    const std::vector<geo::Point> points = randomPoints(20000, 5);
    std::vector<int> want(points.size());
    for (std::size_t k = 0; k < points.size(); ++k)
        want[k] = bruteForce(points[k]);
    for (int cells : {16, 256, 512, 2048}) {
        const geo::PointLocator l(c.shapes, {cells});
        std::vector<int> got(points.size());
        l.locate(points, got);
        EXPECT_EQ(got, want) << cells;
    }
}
