#pragma once
// Typed coordinates (the window's 定位到坐标): an angle in decimal degrees or degrees, minutes and seconds, and a
// CGCS2000 3° Gauss-Krüger easting/northing with its zone. No Qt: a problem is a code the window words in its
// language, with the text it is about.

#include <optional>
#include <string>

#include "geo/geometry.h"

namespace geo::coords {

enum class Problem {
    None,
    Empty,            ///< nothing typed
    Unparsable,       ///< not a number, nor degrees/minutes/seconds (text: what was not understood)
    MinutesRange,     ///< minutes or seconds not in [0, 60)
    WrongHemisphere,  ///< N/S given for a longitude, E/W for a latitude (text: the letter or word)
    LongitudeRange,   ///< outside [-180, 180]
    LatitudeRange,    ///< outside [-90, 90]
    ZoneUnknown,      ///< a zone or central meridian that is not a CGCS2000 3° zone (25…45, 75…135 °E by 3)
    ZoneMissing,      ///< an easting without its zone: neither a zone field nor a zone prefix (36500000)
    ZoneConflict,     ///< the easting's zone prefix and the zone field disagree
    EastingRange,     ///< easting (without the zone prefix) outside 0…1,000,000 m
    NorthingRange,    ///< northing outside 0…10,000,000 m
};

enum class Axis { Longitude, Latitude };

struct Angle {
    double degrees = 0;
    Problem problem = Problem::None;
    std::string text;  ///< the part of the input a problem is about
    bool ok() const { return problem == Problem::None; }
};

/// Reads "106.7", "-106.7", "106°42′30″", "106 42 30", "106d42m30s", "106°42.5'", with a hemisphere letter or word
/// before or after ("E", "东经", "N 26°35'", "26.6北纬"). Only the last component may have a fraction; minutes and
/// seconds are below 60. W and S (西经, 南纬) make the value negative; a hemisphere of the other axis is a problem.
Angle parseAngle(const std::string& text, Axis axis);

/// A CGCS2000 3° Gauss-Krüger zone: number n (25…45) with central meridian 3n °E, EPSG:4534…4554 (no zone prefix
/// in the easting) and EPSG:4513…4533 (with it).
struct GaussKrugerZone {
    int zone = 0;
    int centralMeridian = 0;
    std::string crs;  ///< EPSG:4534 + (n - 25): easting without the zone prefix, false easting 500 km
};
/// A zone from its number (36) or its central meridian (108, "108E", "108°"); nullopt for anything else.
std::optional<GaussKrugerZone> gaussKrugerZone(const std::string& text);

struct GaussKrugerInput {
    Point point;            ///< easting (prefix removed), northing in metres
    GaussKrugerZone zone;
    Problem problem = Problem::None;
    std::string text;
    bool ok() const { return problem == Problem::None; }
};
/// Reads an easting, a northing and the zone field (a number, a central meridian, or empty when the easting has
/// the zone prefix: 36512345.6 is zone 36, E 512345.6).
GaussKrugerInput parseGaussKruger(const std::string& easting, const std::string& northing, const std::string& zone);

}  // namespace geo::coords
