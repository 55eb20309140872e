#include "geo/geodesic.h"

#include <cmath>

#include <geodesic.h>

namespace geo::geodesic {

namespace {
geod_geodesic made(const Ellipsoid& e)
{
    geod_geodesic g;
    geod_init(&g, e.a, e.f);
    return g;
}
}  // namespace

double distance(Point a, Point b, const Ellipsoid& e)
{
    const geod_geodesic g = made(e);
    double s12 = 0;
    geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nullptr, nullptr);
    return s12;
}

double length(const std::vector<Point>& line, const Ellipsoid& e)
{
    if (line.size() < 2)
        return 0;
    const geod_geodesic g = made(e);
    geod_polygon p;
    geod_polygon_init(&p, 1);
    for (const Point& q : line)
        geod_polygon_addpoint(&g, &p, q.y, q.x);
    double perimeter = 0;
    geod_polygon_compute(&g, &p, 0, 1, nullptr, &perimeter);
    return perimeter;
}

PolygonMeasure polygon(const std::vector<Point>& ring, const Ellipsoid& e)
{
    std::size_t n = ring.size();
    if (n > 1 && ring.front() == ring.back())
        --n;  // closed rings: the closing edge is added by geod_polygon_compute
    PolygonMeasure out;
    if (n < 2)
        return out;
    const geod_geodesic g = made(e);
    geod_polygon p;
    geod_polygon_init(&p, 0);
    for (std::size_t i = 0; i < n; ++i)
        geod_polygon_addpoint(&g, &p, ring[i].y, ring[i].x);
    double area = 0, perimeter = 0;
    // reverse = 0, sign = 1: a clockwise ring gives a negative area (not the ellipsoid's rest); its size is the area.
    geod_polygon_compute(&g, &p, 0, 1, &area, &perimeter);
    out.area = n < 3 ? 0 : std::abs(area);
    out.perimeter = perimeter;
    return out;
}

}  // namespace geo::geodesic
