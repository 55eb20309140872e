// geo::GeosContext, the one GEOS wrapper: geometries round-trip between geo values and GEOS, rings of fewer than
// 4 points are left out (the rule Topology and the parcel generator now share), and every GEOS failure is an
// exception with GEOS's message, the context staying usable (run under valgrind: nothing leaks on these paths).
#include <functional>
#include <stdexcept>

#include <gtest/gtest.h>

#include <geos_c.h>

#include "geo/geos_context.h"
#include "geo/topology.h"

namespace {
geo::Ring square(double x0, double y0, double side)
{
    return {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
}
geo::Ring reversed(geo::Ring r) { return {r.rbegin(), r.rend()}; }

std::string failure(const std::function<void()>& f)
{
    try {
        f();
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}
}  // namespace

TEST(GeosContext, MultiPolygonRoundTripsWithHoles)
{
    geo::GeosContext geos;
    const geo::MultiPolygon shape{{square(0, 0, 4), {reversed(square(1, 1, 1))}}, {square(10, 0, 1), {}}};
    const auto g = geos.multiPolygon(shape);
    geo::MultiPolygon back;
    geos.append(g.get(), back);
    ASSERT_EQ(back.size(), 2u);
    EXPECT_EQ(back[0].outer, shape[0].outer);
    ASSERT_EQ(back[0].holes.size(), 1u);
    EXPECT_EQ(back[0].holes[0], shape[0].holes[0]);
    EXPECT_EQ(back[1].outer, shape[1].outer);
    const geo::Box box = geos.bounds(g.get());
    EXPECT_EQ(box.minX, 0);
    EXPECT_EQ(box.maxX, 11);
    EXPECT_EQ(box.maxY, 4);
    const auto prepared = geos.prepare(g.get());
    const auto inHole = geos.polygon(square(1.2, 1.2, 0.5).data(), 5);
    const auto inside = geos.polygon(square(2.5, 2.5, 1).data(), 5);
    EXPECT_FALSE(geos.test(GEOSPreparedIntersects_r(geos.handle(), prepared.get(), inHole.get()), "intersects"));
    EXPECT_TRUE(geos.test(GEOSPreparedContainsProperly_r(geos.handle(), prepared.get(), inside.get()), "containsProperly"));
}

TEST(GeosContext, RingsOfFewerThanFourPointsAreLeftOut)
{
    geo::GeosContext geos;
    const geo::Ring sliver{{2, 2}, {3, 3}, {2, 2}};  // closed, 3 points: no ring for GEOS
    const geo::MultiPolygon shape{{square(0, 0, 4), {sliver}}, {{{5, 5}, {6, 6}, {5, 5}}, {}}};
    const auto g = geos.multiPolygon(shape);
    geo::MultiPolygon back;
    geos.append(g.get(), back);
    ASSERT_EQ(back.size(), 1u);
    EXPECT_EQ(back[0].outer, shape[0].outer);
    EXPECT_TRUE(back[0].holes.empty());
    // Topology follows the same rule (it threw on such a hole, while the parcel generator left it out).
    geo::Topology topology;
    EXPECT_TRUE(topology.validity(shape).valid);
    EXPECT_DOUBLE_EQ(geo::planarArea(topology.repair(shape).shape), 16.0);
}

TEST(GeosContext, FailuresThrowWithGeosMessageAndTheContextGoesOn)
{
    geo::GeosContext geos;
    const geo::Ring open{{0, 0}, {1, 0}, {1, 1}, {0, 1}};  // not closed
    std::string why = failure([&] { geos.ring(open.data(), open.size()); });
    EXPECT_NE(why.find("GEOS ring failed: "), std::string::npos) << why;
    EXPECT_NE(why.find("closed"), std::string::npos) << why;  // GEOS's own reason
    // A bad hole in the second polygon: the parts built before it are freed, not leaked.
    why = failure([&] { geos.multiPolygon({{square(0, 0, 1), {}}, {square(5, 5, 4), {square(6, 6, 1), open}}}); });
    EXPECT_NE(why.find("GEOS ring failed"), std::string::npos) << why;
    EXPECT_THROW(geos.own(nullptr, "nothing"), std::runtime_error);
    EXPECT_THROW(geos.test(2, "predicate"), std::runtime_error);
    const auto fine = geos.polygon(square(0, 0, 2).data(), 5);
    double area = 0;
    ASSERT_TRUE(GEOSArea_r(geos.handle(), fine.get(), &area));
    EXPECT_DOUBLE_EQ(area, 4.0);
}
