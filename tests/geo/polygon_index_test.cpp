#include <random>

#include <gtest/gtest.h>

#include "geo/polygon_index.h"

namespace {
/// A grid of n x n unit squares, with ids row by row; every other cell gets a hole.
std::vector<geo::MultiPolygon> grid(int n)
{
    std::vector<geo::MultiPolygon> shapes;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            geo::Polygon p{{{double(i), double(j)}, {i + 1.0, double(j)}, {i + 1.0, j + 1.0}, {double(i), j + 1.0}, {double(i), double(j)}}, {}};
            if ((i + j) % 2)
                p.holes.push_back({{i + 0.4, j + 0.4}, {i + 0.6, j + 0.4}, {i + 0.6, j + 0.6}, {i + 0.4, j + 0.6}, {i + 0.4, j + 0.4}});
            shapes.push_back({p});
        }
    return shapes;
}
}  // namespace

TEST(PolygonIndex, FindAgreesWithBruteForceOnRandomPoints)
{
    const auto shapes = grid(20);
    const geo::PolygonIndex index(shapes);
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> coordinate(-1.0, 21.0);
    int found = 0;
    for (int k = 0; k < 20000; ++k) {
        const geo::Point p{coordinate(rng), coordinate(rng)};
        std::optional<std::size_t> brute;
        for (std::size_t id = 0; id < shapes.size() && !brute; ++id)
            if (geo::contains(shapes[id], p))
                brute = id;
        ASSERT_EQ(index.find(p), brute) << p.x << " " << p.y;
        found += brute.has_value();
    }
    EXPECT_GT(found, 15000);  // most points fall in cells, some in holes or outside
}

TEST(PolygonIndex, QueryReturnsShapesWhoseBoundsIntersect)
{
    const geo::PolygonIndex index(grid(10));
    const auto ids = index.query({2.5, 2.5, 3.5, 3.5});
    EXPECT_EQ(ids, (std::vector<std::size_t>{22, 23, 32, 33}));
    EXPECT_TRUE(index.query({100, 100, 101, 101}).empty());
}
