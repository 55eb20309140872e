#pragma once
// Plain geometry values shared by every module. Coordinates are (x, y): longitude/latitude in degrees for
// geographic CRSs (never latitude first, whatever the EPSG axis order says), easting/northing in metres for
// projected ones. Which CRS a value is in is stated by whoever holds it.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

namespace geo {

struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

struct Box {
    double minX = 0, minY = 0, maxX = 0, maxY = 0;
    bool contains(Point p) const { return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY; }
    bool intersects(const Box& o) const { return minX <= o.maxX && o.minX <= maxX && minY <= o.maxY && o.minY <= maxY; }
    double width() const { return maxX - minX; }
    double height() const { return maxY - minY; }
    Point centre() const { return {(minX + maxX) / 2, (minY + maxY) / 2}; }
    void expand(const Box& o);
    void expand(Point p);
    static Box empty();
    bool isEmpty() const { return minX > maxX; }
};

/// A closed ring: the first point is repeated as the last.
using Ring = std::vector<Point>;

struct Polygon {
    Ring outer;
    std::vector<Ring> holes;
};

using MultiPolygon = std::vector<Polygon>;

/// An open polyline (a river reach, a corridor's alignment): at least two points when not empty.
using Line = std::vector<Point>;

Box bounds(const Ring& ring);
Box bounds(const MultiPolygon& shape);
Box bounds(const std::vector<Line>& lines);

/// Signed shoelace area in the units of the coordinates squared (positive when counter-clockwise).
double signedArea(const Ring& ring);
/// Planar area: outer rings minus holes, in the coordinates' units squared. Meaningful only in an equal-area CRS.
double planarArea(const MultiPolygon& shape);

// Point in polygon: the one even-odd rule of the code. geo::ringContains, geo::PointLocator (behind
// layers::PlanQuery::countyAt: `gzplan where` and identify in the window) and the identify of user layers
// (layers::FeatureLayer) all count crossings with crossesRay, so they agree on every point.

/// x where the edge a–b meets the horizontal line through y (requires a.y != b.y).
inline double crossingX(Point a, Point b, double y) { return (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x; }

/// The even-odd rule for one edge: whether the edge a–b crosses the ray from p towards +x. Half-open in y
/// (exactly one end strictly above p), so a ray through a vertex counts it once and a horizontal edge never;
/// a point on an edge may fall on either side of it (the boundary rule).
inline bool crossesRay(Point a, Point b, Point p) { return (a.y > p.y) != (b.y > p.y) && p.x < crossingX(a, b, p.y); }

/// Even-odd parity of the closed ring whose n vertices vertex(0..n-1) returns (the closing edge runs from
/// vertex(n-1) to vertex(0); a repeated first point adds nothing). For stores that do not hold a Ring
/// (FeatureLayer's integer grid). Hot path: no allocation.
template <class VertexAt>
bool ringContains(std::size_t n, VertexAt vertex, Point p)
{
    bool inside = false;
    for (std::size_t i = 0, j = n - 1; i < n; j = i++)
        inside ^= crossesRay(vertex(i), vertex(j), p);
    return inside;
}

/// Even-odd crossing test (crossesRay), boundary points may fall on either side. Hot path: no allocation.
bool ringContains(const Ring& ring, Point p);
/// Inside the outer ring and in no hole.
bool polygonContains(const Polygon& polygon, Point p);
/// In any of the polygons.
bool contains(const MultiPolygon& shape, Point p);

/// Squared distance from p to the segment a–b (to a when a == b).
inline double segmentDistanceSquared(Point p, Point a, Point b)
{
    const double dx = b.x - a.x, dy = b.y - a.y;
    const double length2 = dx * dx + dy * dy;
    const double t = length2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
    const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}
inline double segmentDistance(Point p, Point a, Point b) { return std::sqrt(segmentDistanceSquared(p, a, b)); }

/// Distance from p to the nearest edge of any ring (outer or hole) of shape; infinity for an empty shape.
double boundaryDistance(const MultiPolygon& shape, Point p);

std::size_t vertexCount(const MultiPolygon& shape);

}  // namespace geo
