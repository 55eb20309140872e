#pragma once
// Point-in-polygon location against a fixed set of multipolygons (the counties), tuned for throughput.
//
// A uniform grid over the shapes' bounds. Each cell is one of
//   - empty: no shape anywhere in it (answer -1),
//   - inside: wholly inside one shape, the lowest-indexed one covering it (answer stored in the table),
//   - boundary: some ring edge touches it. The cell keeps a reference point R whose ring states were computed
//     at build time with the exact even-odd test, and, per candidate ring, the ring's edges touching the cell
//     as chains of points relative to R. A query flips R's state of each ring once per edge crossed by the
//     segment R→Q, then combines rings as geo::contains does (outer and not a hole, any part), in shape order.
// Answers equal geo::contains over the shapes, lowest index first, for every
// point that is not within ~1e-12 of the coordinates' magnitude of a boundary; points on a boundary get one of
// the shapes meeting there or -1. Coordinates in any planar CRS (lon/lat degrees for the counties).
//
// Immutable after construction; locate may be called from any number of threads at once.

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "geo/geometry.h"

namespace geo {

class PointLocator {
public:
    struct Options {
        /// Cells along the longer side of the bounds; the other side gets as many cells of the same size as fit.
        int cellsAcross = 1024;
    };

    struct Stats {
        int columns = 0;
        int rows = 0;
        double originX = 0;  ///< the grid's lower left corner: the shapes' bounds' minimum
        double originY = 0;
        double cellSize = 0;
        std::size_t insideCells = 0;    ///< wholly inside one shape
        std::size_t emptyCells = 0;
        std::size_t boundaryCells = 0;
        std::size_t ringEntries = 0;    ///< (boundary cell, ring) pairs
        std::size_t chainPoints = 0;    ///< points stored for the boundary cells, separators included
        std::size_t bytes = 0;          ///< heap memory held by the locator
    };

    PointLocator();  ///< locates nothing: every point gives -1
    explicit PointLocator(const std::vector<MultiPolygon>& shapes) : PointLocator(shapes, Options{}) {}
    PointLocator(const std::vector<MultiPolygon>& shapes, Options options);

    /// Index of the shape containing p (the lowest where shapes overlap), or -1.
    int locate(Point p) const;
    /// The shape wholly holding every grid cell the box meets (so the box itself), or -1 when a cell is empty or a
    /// boundary cell, or the box meets more than 16 cells: the shortcut of gzplan stats for a feature far from any
    /// boundary.
    int boxInside(const Box& box) const;
    /// locate() for every point; out must be at least as long as points.
    void locate(std::span<const Point> points, std::span<int> out) const;

    /// The grid table's raw entry for each point, without resolving boundary cells (a benchmark baseline:
    /// the cost of the lookup alone). >= 0: a shape, -1: empty or outside, < -1: a boundary cell.
    void cellCodes(std::span<const Point> points, std::span<std::int32_t> out) const;

    std::size_t size() const { return m_shapeCount; }
    const Stats& stats() const { return m_stats; }

private:
    struct RingEntry {
        std::uint32_t firstPoint = 0;  ///< slot index in m_blob; points relative to the cell's R, NaN between chains
        std::uint32_t pointCount = 0;
        std::int32_t shape = 0;
        std::uint8_t flags = 0;        ///< kHole, kInsideAtR, kEndOfPolygon, kEndOfShape
    };
    struct Rel {
        double x, y;
    };
    struct Head {
        std::int32_t fallback;   ///< the answer when no candidate ring group contains the point
        std::uint32_t ringCount;
    };
    /// A boundary cell is a run of 16-byte slots, so that one query reads adjacent cache lines:
    /// R (point), Head, ringCount RingEntry slots, then the entries' points.
    union Slot {
        Rel point;
        Head head;
        RingEntry ring;
    };
    static constexpr std::uint8_t kHole = 1, kInsideAtR = 2, kEndOfPolygon = 4, kEndOfShape = 8;

    std::int32_t code(Point p) const;
    int resolve(std::int32_t code, Point p) const;

    double m_x0 = 0, m_y0 = 0, m_inverseCell = 0;
    std::uint32_t m_columns = 0, m_rows = 0;
    std::size_t m_shapeCount = 0;
    std::vector<std::int32_t> m_table;  ///< row-major; >= 0 shape, -1 empty, <= -2 boundary cell at slot -2 - code
    std::vector<Slot> m_blob;
    Stats m_stats;
};

}  // namespace geo
