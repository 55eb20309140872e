#pragma once
// Plain geometry values shared by every module. Coordinates are (x, y): longitude/latitude in degrees for
// geographic CRSs (never latitude first, whatever the EPSG axis order says), easting/northing in metres for
// projected ones. Which CRS a value is in is stated by whoever holds it.

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

Box bounds(const Ring& ring);
Box bounds(const MultiPolygon& shape);

/// Signed shoelace area in the units of the coordinates squared (positive when counter-clockwise).
double signedArea(const Ring& ring);
/// Planar area: outer rings minus holes, in the coordinates' units squared. Meaningful only in an equal-area CRS.
double planarArea(const MultiPolygon& shape);

/// Even-odd crossing test, boundary points may fall on either side. Hot path: no allocation.
bool ringContains(const Ring& ring, Point p);
bool polygonContains(const Polygon& polygon, Point p);
bool contains(const MultiPolygon& shape, Point p);

std::size_t vertexCount(const MultiPolygon& shape);

}  // namespace geo
