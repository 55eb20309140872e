#pragma once
// Coordinate transformation through PROJ. Input and output are always in "visualisation" order
// (longitude/easting first), whatever the EPSG axis order of the CRS is: EPSG:4490 and the CGCS2000
// Gauss-Kruger CRSs (4543-4546) are declared latitude/northing first, files and screens are not.

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace geo::crs {
inline constexpr const char* kCgcs2000 = "EPSG:4490";
inline constexpr const char* kWgs84 = "EPSG:4326";
inline constexpr const char* kWebMercator = "EPSG:3857";
/// Albers equal-area for China (references.md), GRS80 as CGCS2000; metres. Used for area sums and the map.
inline constexpr const char* kAlbersChina =
    "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +ellps=GRS80 +units=m +no_defs +type=crs";
/// CGCS2000 3-degree Gauss-Kruger zone whose central meridian is nearest to the longitude (EPSG:4543-4546 cover 102-111°E).
std::string gaussKrugerFor(double longitude);
/// Why a CRS string may not be used because it makes PROJ or GDAL read a file the user named, or empty: a
/// path as the whole string, or a parameter value that is a path (+nadgrids=/x, +geoidgrids=@./x, +init=/x:1,
/// PARAMETERFILE["…","/x"] in WKT). Grid names PROJ resolves in its own data folder (+nadgrids=@null,
/// +geoidgrids=egm96_15.gtx) are allowed. Projection and the exporter refuse such strings.
std::string fileReference(const std::string& crs);
/// A bare number is an EPSG code ("4545" → "EPSG:4545"); anything else unchanged.
std::string normalised(const std::string& crs);

/// Where PROJ's database says a CRS may be used (lon/lat degrees), and its name; found false for a CRS without one
/// (a PROJ string, a custom WKT).
struct AreaOfUse {
    bool found = false;
    double west = 0, south = 0, east = 0, north = 0;
    std::string name, crsName;
};
AreaOfUse areaOfUse(const std::string& crs);
/// Why data spanning lonLat (CGCS2000 degrees) should not be written or drawn in crs, or empty: the data do not
/// even touch the CRS's area of use widened by 3° (a Gauss-Krüger zone of another part of China, a UTM zone
/// elsewhere). The message names both extents and the 3° Gauss-Krüger zones that fit the data.
std::string extentProblem(const std::string& crs, const Box& lonLat);
/// The same with the area already known (GDAL's OGRSpatialReference::GetAreaOfUse, which reuses its PROJ context:
/// the exporter's way, 30–80 ms cheaper than a new PROJ context per call).
std::string extentProblem(const AreaOfUse& area, const std::string& crs, const Box& lonLat);

/// The CGCS2000 3° Gauss-Krüger zone for data spanning lonLat: the zone whose central meridian is nearest the
/// centre, the zones the extent spans and the scale error at its farthest edge (the GK scale factor there is about
/// 1 + (Δλ·cos φ)²/2, Δλ in radians from the central meridian). `gzplan crs suggest` and the export dialog.
struct GaussKrugerAdvice {
    std::string crs;             ///< EPSG:4543 … 4546
    double centralMeridian = 0;  ///< °E
    std::string west, east;      ///< the zones of the extent's west and east edges
    double maxOffsetDeg = 0;     ///< the farthest edge's distance from the central meridian
    double maxScaleErrorPpm = 0;
};
GaussKrugerAdvice gaussKrugerAdvice(const Box& lonLat);

/// Why coordinates written in crs from CGCS2000 data carry a datum error, or empty: PROJ knows only a "ballpark"
/// operation from EPSG:4490 to it (no datum shift: Xi'an 1980, Beijing 1954, WGS 84 have no published EPSG
/// transformation from CGCS2000). The message names the datum and what offset to expect.
std::string datumWarning(const std::string& crs);

}  // namespace geo::crs

namespace geo {

class ProjectionError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// One transformation between two CRSs given as "EPSG:n", a PROJ string or WKT. Owns its PROJ context, so an
/// instance may be used from one thread at a time; copy-free, movable. Throws ProjectionError when a CRS is unknown.
class Projection {
public:
    Projection(const std::string& source, const std::string& target);
    ~Projection();
    Projection(Projection&&) noexcept;
    Projection& operator=(Projection&&) noexcept;
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;

    /// The same transformation on a context of its own, for another thread (proj_clone: no look in PROJ's database,
    /// which making one from the CRSs takes, ~10 ms).
    Projection clone() const;

    const std::string& source() const { return m_source; }
    const std::string& target() const { return m_target; }

    /// Transforms in place. Returns false (and leaves infinities) where PROJ cannot transform a point.
    bool forward(Point& p) const;
    bool inverse(Point& p) const;
    /// Batch forms: false if any point failed.
    bool forward(std::vector<Point>& points) const;
    MultiPolygon forward(const MultiPolygon& shape) const;
    MultiPolygon inverse(const MultiPolygon& shape) const;

private:
    Projection() = default;
    struct Handle;
    std::unique_ptr<Handle> m_handle;
    std::string m_source;
    std::string m_target;
};

}  // namespace geo
