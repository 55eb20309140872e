#include "geo/geometry.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace geo {

Box Box::empty()
{
    constexpr double inf = std::numeric_limits<double>::infinity();
    return {inf, inf, -inf, -inf};
}

void Box::expand(const Box& o)
{
    minX = std::min(minX, o.minX);
    minY = std::min(minY, o.minY);
    maxX = std::max(maxX, o.maxX);
    maxY = std::max(maxY, o.maxY);
}

void Box::expand(Point p)
{
    expand(Box{p.x, p.y, p.x, p.y});
}

Box bounds(const Ring& ring)
{
    Box b = Box::empty();
    for (const Point& p : ring)
        b.expand(p);
    return b;
}

Box bounds(const MultiPolygon& shape)
{
    Box b = Box::empty();
    for (const Polygon& polygon : shape)
        b.expand(bounds(polygon.outer));
    return b;
}

Box bounds(const std::vector<Line>& lines)
{
    Box b = Box::empty();
    for (const Line& line : lines)
        b.expand(bounds(line));
    return b;
}

double signedArea(const Ring& ring)
{
    if (ring.size() < 4)
        return 0;
    // Shoelace relative to the first point keeps precision for projected coordinates in the millions.
    const Point o = ring.front();
    double twice = 0;
    for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        const double x1 = ring[i].x - o.x, y1 = ring[i].y - o.y;
        const double x2 = ring[i + 1].x - o.x, y2 = ring[i + 1].y - o.y;
        twice += x1 * y2 - x2 * y1;
    }
    return twice / 2;
}

double planarArea(const MultiPolygon& shape)
{
    double area = 0;
    for (const Polygon& polygon : shape) {
        area += std::abs(signedArea(polygon.outer));
        for (const Ring& hole : polygon.holes)
            area -= std::abs(signedArea(hole));
    }
    return area;
}

bool ringContains(const Ring& ring, Point p)
{
    return ringContains(ring.size(), [&ring](std::size_t i) { return ring[i]; }, p);
}

bool polygonContains(const Polygon& polygon, Point p)
{
    if (!ringContains(polygon.outer, p))
        return false;
    for (const Ring& hole : polygon.holes)
        if (ringContains(hole, p))
            return false;
    return true;
}

bool contains(const MultiPolygon& shape, Point p)
{
    for (const Polygon& polygon : shape)
        if (polygonContains(polygon, p))
            return true;
    return false;
}

double boundaryDistance(const MultiPolygon& shape, Point p)
{
    double best = std::numeric_limits<double>::infinity();
    const auto ring = [&](const Ring& r) {
        for (std::size_t i = 1; i < r.size(); ++i)
            best = std::min(best, segmentDistanceSquared(p, r[i - 1], r[i]));
    };
    for (const Polygon& polygon : shape) {
        ring(polygon.outer);
        for (const Ring& hole : polygon.holes)
            ring(hole);
    }
    return std::sqrt(best);
}

std::size_t vertexCount(const MultiPolygon& shape)
{
    std::size_t n = 0;
    for (const Polygon& polygon : shape) {
        n += polygon.outer.size();
        for (const Ring& hole : polygon.holes)
            n += hole.size();
    }
    return n;
}

}  // namespace geo
