#pragma once
// Ellipsoidal measures: geodesic lengths and geodesic polygon areas on an ellipsoid (CGCS2000 by default) through
// PROJ's geodesic API (geodesic.h: Karney's algorithms, accurate to nanometres). Input is CGCS2000 longitude/latitude
// in degrees, longitude first; the window converts its clicks to lon/lat with geo::Projection first.

#include <vector>

#include "geo/geometry.h"

namespace geo::geodesic {

struct Ellipsoid {
    double a = 6378137.0;              ///< semi-major axis, metres
    double f = 1.0 / 298.257222101;    ///< flattening
};
/// The CGCS2000 ellipsoid (GRS80's a and f to the precision that matters here).
inline constexpr Ellipsoid kCgcs2000{6378137.0, 1.0 / 298.257222101};
inline constexpr Ellipsoid kWgs84{6378137.0, 1.0 / 298.257223563};

/// The geodesic distance between two lon/lat points, metres.
double distance(Point a, Point b, const Ellipsoid& e = kCgcs2000);
/// The length of a polyline (sum of the geodesics between its points), metres; 0 for fewer than two points.
double length(const std::vector<Point>& line, const Ellipsoid& e = kCgcs2000);

struct PolygonMeasure {
    double area = 0;       ///< square metres, always >= 0 (either orientation)
    double perimeter = 0;  ///< metres, the closing edge included
};
/// The polygon whose edges are the geodesics between consecutive points, closed from the last to the first (a
/// repeated first point is allowed). Fewer than three distinct points: area 0.
PolygonMeasure polygon(const std::vector<Point>& ring, const Ellipsoid& e = kCgcs2000);

}  // namespace geo::geodesic
