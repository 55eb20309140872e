#pragma once
// Topology through GEOS: validity, repair, union, intersection, and the sliver report used to check a
// polygon coverage (counties that should tile a province without gaps or overlaps).

#include <memory>
#include <string>
#include <vector>

#include "geo/geometry.h"

namespace geo {

class GeosContext;

struct Validity {
    bool valid = true;
    std::string reason;  ///< GEOS's reason ("Self-intersection[x y]") when not valid
};

struct Repair {
    MultiPolygon shape;     ///< the valid polygonal result of GEOS MakeValid (lines and points dropped)
    Validity before;        ///< what was wrong
    bool changed = false;   ///< false when the input was valid and returned as is
};

/// A gap (a hole in the union of the coverage) or an overlap (shared area of two parts).
struct Sliver {
    enum class Kind { Gap, Overlap } kind = Kind::Gap;
    std::size_t first = 0;   ///< overlap: index of the first part; gap: unused
    std::size_t second = 0;  ///< overlap: index of the second part
    double area = 0;         ///< in the coordinates' units squared
    Point where;             ///< a point inside the sliver (its bounds' centre)
};

struct SliverReport {
    std::vector<Sliver> slivers;
    double gapArea = 0;
    double overlapArea = 0;
    std::size_t gapCount() const;
    std::size_t overlapCount() const;
};

/// Owns one GEOS context (GeosContext): use an instance from one thread at a time. Throws std::runtime_error on GEOS failure.
class Topology {
public:
    Topology();
    ~Topology();  // not copyable: it owns its GEOS context

    Validity validity(const MultiPolygon& shape) const;
    Repair repair(const MultiPolygon& shape) const;
    MultiPolygon unite(const std::vector<const MultiPolygon*>& parts) const;
    MultiPolygon intersection(const MultiPolygon& a, const MultiPolygon& b) const;
    /// Lines joined where exactly two of them meet end to end (GEOS LineMerge: pieces of one line cut at tile edges
    /// become one line again; lines stop where three or more meet), then clipped to clip (GEOS ClipByRect). Lines of
    /// fewer than two distinct points are dropped before and after.
    std::vector<Line> mergeLines(const std::vector<Line>& lines, const Box& clip) const;

    /// Checks a coverage, in an equal-area CRS for meaningful areas. Overlaps smaller than minArea are ignored
    /// (shared edges that differ by rounding); gaps are the holes of the union of all parts.
    SliverReport slivers(const std::vector<MultiPolygon>& parts, double minArea = 0) const;

private:
    std::unique_ptr<GeosContext> m_geos;
};

}  // namespace geo
