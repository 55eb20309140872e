#include <gtest/gtest.h>

#include "geo/topology.h"

namespace {
geo::Polygon square(double x0, double y0, double side)
{
    return {{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}}, {}};
}
}  // namespace

TEST(Topology, BowTieIsInvalidAndRepairedToTwoTriangles)
{
    geo::Topology topology;
    const geo::MultiPolygon bowTie{{{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}, {}}};
    const geo::Validity v = topology.validity(bowTie);
    EXPECT_FALSE(v.valid);
    EXPECT_NE(v.reason.find("Self-intersection"), std::string::npos) << v.reason;
    const geo::Repair r = topology.repair(bowTie);
    EXPECT_TRUE(r.changed);
    EXPECT_TRUE(topology.validity(r.shape).valid);
    EXPECT_EQ(r.shape.size(), 2u);
    EXPECT_NEAR(geo::planarArea(r.shape), 2.0, 1e-12);
}

TEST(Topology, ValidInputIsReturnedUnchanged)
{
    geo::Topology topology;
    const geo::MultiPolygon s{square(0, 0, 1)};
    const geo::Repair r = topology.repair(s);
    EXPECT_FALSE(r.changed);
    EXPECT_TRUE(r.before.valid);
}

TEST(Topology, UnionOfAdjacentSquaresIsOnePolygon)
{
    geo::Topology topology;
    const geo::MultiPolygon a{square(0, 0, 1)}, b{square(1, 0, 1)};
    const geo::MultiPolygon u = topology.unite({&a, &b});
    ASSERT_EQ(u.size(), 1u);
    EXPECT_NEAR(geo::planarArea(u), 2.0, 1e-12);
}

TEST(Topology, SliversFindsOverlapAndGap)
{
    geo::Topology topology;
    // Three cells around a 1x1 hole at (1..2, 1..2) in a 3x3 block, plus one overlapping strip.
    std::vector<geo::MultiPolygon> parts{
        {{{{0, 0}, {3, 0}, {3, 1}, {0, 1}, {0, 0}}, {}}},                   // bottom row
        {{{{0, 2}, {3, 2}, {3, 3}, {0, 3}, {0, 2}}, {}}},                   // top row
        {{{{0, 1}, {1, 1}, {1, 2}, {0, 2}, {0, 1}}, {}}},                   // middle left
        {{{{2, 0.9}, {3, 0.9}, {3, 2}, {2, 2}, {2, 0.9}}, {}}},             // middle right, overlapping the bottom row by 0.1
    };
    const geo::SliverReport report = topology.slivers(parts, 1e-9);
    EXPECT_EQ(report.gapCount(), 1u);
    EXPECT_NEAR(report.gapArea, 1.0, 1e-9);
    EXPECT_EQ(report.overlapCount(), 1u);
    EXPECT_NEAR(report.overlapArea, 0.1, 1e-9);
    ASSERT_FALSE(report.slivers.empty());
}

TEST(Topology, MergeLinesJoinsPiecesEndToEndStopsAtConfluencesAndClips)
{
    geo::Topology topology;
    // A river cut into three pieces at x = 1 and x = 2, a tributary meeting it at (1, 0), a zero-length piece.
    const std::vector<geo::Line> pieces{{{0, 0}, {0.5, 0.1}, {1, 0}}, {{1, 0}, {1.5, -0.1}, {2, 0}}, {{2, 0}, {3, 0}},
                                        {{1, 1}, {1, 0}}, {{5, 5}, {5, 5}}};
    std::vector<geo::Line> merged = topology.mergeLines(pieces, {-10, -10, 10, 10});
    // Three lines meet at (1, 0): the river stops there (two lines) and the tributary stays one.
    ASSERT_EQ(merged.size(), 3u);
    std::size_t points = 0;
    for (const geo::Line& l : merged)
        points += l.size();
    EXPECT_EQ(points, 3u + 4u + 2u);
    // Clipped at x = 2.5: nothing beyond it.
    const std::vector<geo::Line> clipped = topology.mergeLines(pieces, {-10, -10, 2.5, 10});
    for (const geo::Line& l : clipped)
        for (const geo::Point& p : l)
            EXPECT_LE(p.x, 2.5);
    EXPECT_EQ(geo::bounds(clipped).maxX, 2.5);
    // Nothing but zero-length pieces: nothing.
    EXPECT_TRUE(topology.mergeLines({{{1, 1}, {1, 1}}}, {0, 0, 2, 2}).empty());
}
