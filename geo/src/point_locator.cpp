#include "geo/point_locator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace geo {

namespace {

struct RingInfo {
    const Ring* ring = nullptr;
    std::int32_t shape = 0;
    std::uint32_t polygon = 0;  ///< global polygon number
    bool hole = false;
};

struct PolygonInfo {
    std::uint32_t firstRing = 0;  ///< the outer ring; holes follow
    std::uint32_t ringCount = 0;
};

/// An edge of a ring touching a cell. Edge i of a ring runs from ring[i - 1] (ring[n - 1] for i = 0) to ring[i],
/// the pairs geo::ringContains visits.
struct Touch {
    std::uint32_t cell;
    std::uint32_t ring;
    std::uint32_t edge;
    friend bool operator<(const Touch& a, const Touch& b)
    {
        if (a.cell != b.cell)
            return a.cell < b.cell;
        if (a.ring != b.ring)
            return a.ring < b.ring;
        return a.edge < b.edge;
    }
};

/// Where a row's centre line crosses a ring: geo::crossingX, the arithmetic of geo::ringContains.
struct Crossing {
    double x;
    std::uint32_t ring;
};

std::size_t previous(std::size_t i, std::size_t n) { return i == 0 ? n - 1 : i - 1; }

template <class T>
std::size_t heapBytes(const std::vector<T>& v)
{
    return v.capacity() * sizeof(T);
}

}  // namespace

PointLocator::PointLocator() = default;

PointLocator::PointLocator(const std::vector<MultiPolygon>& shapes, Options options) : m_shapeCount(shapes.size())
{
    if (options.cellsAcross < 1 || options.cellsAcross > 1 << 14)
        throw std::invalid_argument("PointLocator: cellsAcross must be in 1..16384");
    if (shapes.size() > std::size_t(std::numeric_limits<std::int32_t>::max()))
        throw std::invalid_argument("PointLocator: too many shapes");

    // Rings in shape order; within a polygon the outer ring first.
    std::vector<RingInfo> rings;
    std::vector<PolygonInfo> polygons;
    std::vector<std::uint32_t> shapeFirstPolygon(shapes.size() + 1, 0);
    Box box = Box::empty();
    for (std::size_t s = 0; s < shapes.size(); ++s) {
        shapeFirstPolygon[s] = std::uint32_t(polygons.size());
        for (const Polygon& polygon : shapes[s]) {
            const auto id = std::uint32_t(polygons.size());
            polygons.push_back({std::uint32_t(rings.size()), std::uint32_t(1 + polygon.holes.size())});
            rings.push_back({&polygon.outer, std::int32_t(s), id, false});
            for (const Ring& hole : polygon.holes)
                rings.push_back({&hole, std::int32_t(s), id, true});
        }
    }
    shapeFirstPolygon[shapes.size()] = std::uint32_t(polygons.size());
    for (const RingInfo& r : rings)
        if (r.ring->size() >= 2)
            box.expand(bounds(*r.ring));
    if (box.isEmpty() || !std::isfinite(box.minX) || !std::isfinite(box.maxX) || !std::isfinite(box.minY) ||
        !std::isfinite(box.maxY)) {
        m_stats.bytes = 0;
        return;
    }

    double cell = std::max(box.width(), box.height()) / options.cellsAcross;
    if (!(cell > 0))
        cell = std::max({std::abs(box.minX), std::abs(box.minY), 1.0}) * 1e-9;
    const auto columns = std::uint32_t(std::floor(box.width() / cell)) + 1;
    const auto rows = std::uint32_t(std::floor(box.height() / cell)) + 1;
    if (std::uint64_t(columns) * rows > (std::uint64_t(1) << 30))
        throw std::invalid_argument("PointLocator: grid too large");
    m_x0 = box.minX;
    m_y0 = box.minY;
    m_inverseCell = 1 / cell;
    m_columns = columns;
    m_rows = rows;
    const double margin = cell * 1e-6;
    const auto cellX = [&](double f, std::uint32_t c) { return m_x0 + (c + f) * cell; };
    const auto rowY = [&](std::uint32_t r) { return m_y0 + (r + 0.5) * cell; };
    const auto clampIndex = [](double v, std::uint32_t n) {
        if (!(v >= 0))
            return std::uint32_t(0);
        if (v >= n - 1)
            return n - 1;
        return std::uint32_t(v);
    };

    // 1. Which cells each edge touches (with a small margin), row band by row band.
    std::vector<Touch> touches;
    for (std::uint32_t g = 0; g < rings.size(); ++g) {
        const Ring& ring = *rings[g].ring;
        const std::size_t n = ring.size();
        if (n < 2)
            continue;
        for (std::size_t i = 0; i < n; ++i) {
            const Point a = ring[previous(i, n)], b = ring[i];
            const double yMin = std::min(a.y, b.y), yMax = std::max(a.y, b.y);
            const double xMin = std::min(a.x, b.x), xMax = std::max(a.x, b.x);
            const std::uint32_t r0 = clampIndex(std::floor((yMin - margin - m_y0) * m_inverseCell), rows);
            const std::uint32_t r1 = clampIndex(std::floor((yMax + margin - m_y0) * m_inverseCell), rows);
            for (std::uint32_t r = r0; r <= r1; ++r) {
                const double bandLow = std::max(yMin, m_y0 + r * cell - margin);
                const double bandHigh = std::min(yMax, m_y0 + (r + 1) * cell + margin);
                if (bandLow > bandHigh)
                    continue;
                double x0 = xMin, x1 = xMax;
                if (a.y != b.y) {
                    const double xl = a.x + (b.x - a.x) * ((bandLow - a.y) / (b.y - a.y));
                    const double xh = a.x + (b.x - a.x) * ((bandHigh - a.y) / (b.y - a.y));
                    x0 = std::max(xMin, std::min(xl, xh));
                    x1 = std::min(xMax, std::max(xl, xh));
                }
                const std::uint32_t c0 = clampIndex(std::floor((x0 - margin - m_x0) * m_inverseCell), columns);
                const std::uint32_t c1 = clampIndex(std::floor((x1 + margin - m_x0) * m_inverseCell), columns);
                for (std::uint32_t c = c0; c <= c1; ++c)
                    touches.push_back({r * columns + c, g, std::uint32_t(i)});
            }
        }
    }
    std::sort(touches.begin(), touches.end());
    touches.erase(std::unique(touches.begin(), touches.end(),
                              [](const Touch& a, const Touch& b) { return !(a < b) && !(b < a); }),
                  touches.end());

    // 2. Where each row's centre line crosses each ring, with geo::ringContains's own arithmetic.
    std::vector<std::vector<Crossing>> crossings(rows);
    for (std::uint32_t g = 0; g < rings.size(); ++g) {
        const Ring& ring = *rings[g].ring;
        const std::size_t n = ring.size();
        for (std::size_t i = 0; i < n; ++i) {
            const Point& a = ring[i];
            const Point& b = ring[previous(i, n)];
            const double yMin = std::min(a.y, b.y), yMax = std::max(a.y, b.y);
            if (!(yMin < yMax))
                continue;
            const double first = std::floor((yMin - m_y0) * m_inverseCell - 0.5) - 1;
            const double last = std::floor((yMax - m_y0) * m_inverseCell - 0.5) + 1;
            for (double rr = std::max(first, 0.0); rr <= last && rr < rows; ++rr) {
                const auto r = std::uint32_t(rr);
                const double y = rowY(r);
                if ((a.y > y) != (b.y > y))
                    crossings[r].push_back({crossingX(a, b, y), g});
            }
        }
    }

    // 3. Sweep each row's cells left to right, keeping every ring's even-odd state at the current x.
    m_table.assign(std::size_t(columns) * rows, -1);
    std::vector<std::uint8_t> state(rings.size(), 0);
    std::vector<std::uint32_t> active;  // rings whose state is 1
    const auto toggle = [&](std::uint32_t g) {
        state[g] ^= 1;
        if (state[g])
            active.push_back(g);
        else
            active.erase(std::find(active.begin(), active.end(), g));
    };
    // geo::contains of shape s from ring states.
    const auto shapeContains = [&](std::int32_t s, const auto& ringState) {
        for (std::uint32_t p = shapeFirstPolygon[s]; p < shapeFirstPolygon[s + 1]; ++p) {
            const PolygonInfo& polygon = polygons[p];
            bool inside = ringState(polygon.firstRing);
            for (std::uint32_t h = 1; inside && h < polygon.ringCount; ++h)
                inside = !ringState(polygon.firstRing + h);
            if (inside)
                return true;
        }
        return false;
    };
    const auto sweepState = [&](std::uint32_t g) { return state[g] != 0; };

    std::vector<std::int32_t> candidates;
    std::vector<std::uint32_t> touching;  // rings touching the current cell
    std::vector<std::uint8_t> touchingFlag(rings.size(), 0);
    std::vector<std::uint8_t> stateAtR(rings.size(), 0);
    std::size_t t = 0;
    static constexpr double kFractions[] = {0.5, 0.377, 0.623, 0.254, 0.746, 0.131, 0.869, 0.0618, 0.9382, 0.45, 0.55};
    static constexpr double kOffRow[][2] = {{0.377, 0.291}, {0.623, 0.709}, {0.291, 0.623}, {0.709, 0.377}, {0.131, 0.869}};
    const double tolerance = cell * 1e-3;
    std::vector<RingEntry> cellRings;  // the current boundary cell's entries and points, before they go to m_blob
    std::vector<Rel> cellPoints;
    const auto truncate = [&](std::size_t ringCount) {  // drops ring entries and their points
        if (cellRings.size() > ringCount) {
            cellPoints.resize(cellRings[ringCount].firstPoint);
            cellRings.resize(ringCount);
        }
    };
    for (std::uint32_t r = 0; r < rows; ++r) {
        auto& events = crossings[r];
        std::sort(events.begin(), events.end(), [](const Crossing& a, const Crossing& b) { return a.x < b.x; });
        std::size_t e = 0;
        const auto advance = [&](double x) {
            for (; e < events.size() && events[e].x <= x; ++e)
                toggle(events[e].ring);
        };
        const double y = rowY(r);
        bool ownerDirty = true;
        std::int32_t owner = -1;
        for (std::uint32_t c = 0; c < columns; ++c) {
            const std::uint32_t index = r * columns + c;
            const std::size_t touchBegin = t;
            while (t < touches.size() && touches[t].cell == index)
                ++t;
            if (touchBegin == t) {
                const std::size_t before = e;
                advance(cellX(0.5, c));
                ownerDirty |= e != before;
                if (ownerDirty) {
                    candidates.clear();
                    for (std::uint32_t g : active)
                        candidates.push_back(rings[g].shape);
                    std::sort(candidates.begin(), candidates.end());
                    owner = -1;
                    for (std::int32_t s : candidates)
                        if (shapeContains(s, sweepState)) {
                            owner = s;
                            break;
                        }
                    ownerDirty = false;
                }
                m_table[index] = owner;
                continue;
            }
            ownerDirty = true;

            // A boundary cell: pick R away from every touching edge.
            const auto clearance = [&](Point p) {
                double d = std::numeric_limits<double>::infinity();
                for (std::size_t k = touchBegin; k < t; ++k) {
                    const Ring& ring = *rings[touches[k].ring].ring;
                    const std::size_t i = touches[k].edge;
                    d = std::min(d, segmentDistance(p, ring[previous(i, ring.size())], ring[i]));
                }
                return d;
            };
            touching.clear();
            for (std::size_t k = touchBegin; k < t; ++k)
                if (touching.empty() || touching.back() != touches[k].ring)
                    touching.push_back(touches[k].ring);
            for (std::uint32_t g : touching)
                touchingFlag[g] = 1;

            Point R{};
            bool onRow = false;
            for (double f : kFractions) {
                R = {cellX(f, c), y};
                if (clearance(R) > tolerance) {
                    onRow = true;
                    break;
                }
            }
            if (onRow) {
                advance(R.x);
                for (std::uint32_t g : touching)
                    stateAtR[g] = state[g];
                for (std::uint32_t g : active)
                    stateAtR[g] = 1;
            } else {
                // The centre line runs along an edge: take R off the row and test the touching rings directly;
                // the other rings do not change within the cell, so the sweep's state at the centre holds.
                advance(cellX(0.5, c));
                double best = -1;
                for (const auto& f : kOffRow) {
                    const Point candidate{cellX(f[0], c), m_y0 + (r + f[1]) * cell};
                    const double d = clearance(candidate);
                    if (d > best) {
                        best = d;
                        R = candidate;
                    }
                    if (d > tolerance)
                        break;
                }
                for (std::uint32_t g : active)
                    stateAtR[g] = 1;
                for (std::uint32_t g : touching)
                    stateAtR[g] = ringContains(*rings[g].ring, R);
            }

            candidates.clear();
            for (std::uint32_t g : touching)
                candidates.push_back(rings[g].shape);
            for (std::uint32_t g : active)
                candidates.push_back(rings[g].shape);
            std::sort(candidates.begin(), candidates.end());
            candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());

            cellRings.clear();
            cellPoints.clear();
            Head head{-1, 0};
            for (std::int32_t s : candidates) {
                const std::size_t shapeBegin = cellRings.size();
                bool everywhere = false;
                for (std::uint32_t p = shapeFirstPolygon[s]; p < shapeFirstPolygon[s + 1] && !everywhere; ++p) {
                    const PolygonInfo& polygon = polygons[p];
                    const std::size_t polygonBegin = cellRings.size();
                    bool never = false;
                    for (std::uint32_t h = 0; h < polygon.ringCount && !never; ++h) {
                        const std::uint32_t g = polygon.firstRing + h;
                        const bool hole = h > 0;
                        if (!touchingFlag[g]) {
                            // Constant over the cell.
                            if (stateAtR[g] == hole) {
                                never = true;  // outside the outer ring, or inside a hole
                                continue;
                            }
                            if (hole)
                                continue;  // outside this hole everywhere
                        }
                        RingEntry entry;
                        entry.shape = s;
                        entry.flags = std::uint8_t((hole ? kHole : 0) | (stateAtR[g] ? kInsideAtR : 0));
                        entry.firstPoint = std::uint32_t(cellPoints.size());
                        if (touchingFlag[g]) {
                            // The ring's touching edges as chains of consecutive edges, relative to R.
                            const Ring& ring = *rings[g].ring;
                            const std::size_t n = ring.size();
                            std::size_t k = touchBegin;
                            while (k < t && touches[k].ring != g)
                                ++k;
                            std::uint32_t lastEdge = 0;
                            bool first = true;
                            for (; k < t && touches[k].ring == g; ++k) {
                                const std::uint32_t i = touches[k].edge;
                                if (first || i != lastEdge + 1) {
                                    if (!first)
                                        cellPoints.push_back({std::numeric_limits<double>::quiet_NaN(),
                                                            std::numeric_limits<double>::quiet_NaN()});
                                    const Point a = ring[previous(i, n)];
                                    cellPoints.push_back({a.x - R.x, a.y - R.y});
                                }
                                cellPoints.push_back({ring[i].x - R.x, ring[i].y - R.y});
                                lastEdge = i;
                                first = false;
                            }
                        }
                        entry.pointCount = std::uint32_t(cellPoints.size() - entry.firstPoint);
                        cellRings.push_back(entry);
                    }
                    const bool outerConstant = !touchingFlag[polygon.firstRing];
                    if (never) {
                        truncate(polygonBegin);
                    } else if (outerConstant && cellRings.size() == polygonBegin + 1) {
                        everywhere = true;  // inside the outer ring and no hole reaches the cell
                    } else if (cellRings.size() > polygonBegin) {
                        cellRings.back().flags |= kEndOfPolygon;
                    }
                }
                if (everywhere) {
                    truncate(shapeBegin);
                    head.fallback = s;
                    break;
                }
                if (cellRings.size() > shapeBegin)
                    cellRings.back().flags |= kEndOfShape;
            }
            if (cellRings.empty()) {
                m_table[index] = head.fallback;
            } else {
                const std::size_t start = m_blob.size();
                const std::size_t pointBase = start + 2 + cellRings.size();
                if (pointBase + cellPoints.size() > std::size_t(std::numeric_limits<std::int32_t>::max()) - 2)
                    throw std::invalid_argument("PointLocator: too many boundary edges");
                head.ringCount = std::uint32_t(cellRings.size());
                m_table[index] = -2 - std::int32_t(start);
                m_blob.push_back(Slot{.point = {R.x, R.y}});
                m_blob.push_back(Slot{.head = head});
                for (RingEntry entry : cellRings) {
                    entry.firstPoint += std::uint32_t(pointBase);
                    m_blob.push_back(Slot{.ring = entry});
                }
                for (const Rel& point : cellPoints)
                    m_blob.push_back(Slot{.point = point});
                ++m_stats.boundaryCells;
                m_stats.ringEntries += cellRings.size();
                m_stats.chainPoints += cellPoints.size();
            }
            for (std::uint32_t g : touching) {
                touchingFlag[g] = 0;
                stateAtR[g] = 0;
            }
            for (std::uint32_t g : active)
                stateAtR[g] = 0;
        }
        advance(std::numeric_limits<double>::infinity());
    }

    m_table.shrink_to_fit();
    m_blob.shrink_to_fit();
    m_stats.columns = int(columns);
    m_stats.rows = int(rows);
    m_stats.originX = m_x0;
    m_stats.originY = m_y0;
    m_stats.cellSize = cell;
    for (std::int32_t v : m_table) {
        if (v >= 0)
            ++m_stats.insideCells;
        else if (v == -1)
            ++m_stats.emptyCells;
    }
    m_stats.bytes = heapBytes(m_table) + heapBytes(m_blob);
}

inline std::int32_t PointLocator::code(Point p) const
{
    const double fx = (p.x - m_x0) * m_inverseCell;
    const double fy = (p.y - m_y0) * m_inverseCell;
    // Written so that NaN fails too.
    if (!(fx >= 0 && fy >= 0 && fx < double(m_columns) && fy < double(m_rows)))
        return -1;
    return m_table[std::size_t(std::uint32_t(fy)) * m_columns + std::uint32_t(fx)];
}

int PointLocator::resolve(std::int32_t code, Point p) const
{
    const Slot* cell = m_blob.data() + std::size_t(-2 - std::int64_t(code));
    const double qx = p.x - cell[0].point.x, qy = p.y - cell[0].point.y;
    const Head head = cell[1].head;
    const Slot* entry = cell + 2;
    const Slot* const end = entry + head.ringCount;
    bool polygon = false, shape = false;
    for (; entry != end; ++entry) {
        // Parity of the edges the segment R→Q crosses. A vertex on the line through R and Q counts as lying on
        // its left, for both edges meeting there; NaN points (chain separators) cross nothing.
        unsigned parity = 0;
        const RingEntry& ring = entry->ring;
        const Slot* point = m_blob.data() + ring.firstPoint;
        const Slot* const last = point + ring.pointCount;
        if (point != last) {
            double ax = point->point.x, ay = point->point.y;
            double d1 = qx * ay - qy * ax;
            for (++point; point != last; ++point) {
                const double bx = point->point.x, by = point->point.y;
                const double d2 = qx * by - qy * bx;
                const double side = ax * by - ay * bx;  // orientation of (a, b, R)
                const double sideQ = side + d1 - d2;    // orientation of (a, b, Q)
                parity ^= unsigned((d1 >= 0) != (d2 >= 0)) & unsigned((side < 0) != (sideQ < 0));
                ax = bx;
                ay = by;
                d1 = d2;
            }
        }
        const bool inside = (parity != 0) != ((ring.flags & kInsideAtR) != 0);
        if (ring.flags & kHole)
            polygon = polygon && !inside;
        else
            polygon = inside;
        if (ring.flags & kEndOfPolygon) {
            shape = shape || polygon;
            polygon = false;
        }
        if (ring.flags & kEndOfShape) {
            if (shape)
                return ring.shape;
            shape = false;
        }
    }
    return head.fallback;
}

int PointLocator::boxInside(const Box& box) const
{
    const double fx0 = (box.minX - m_x0) * m_inverseCell, fx1 = (box.maxX - m_x0) * m_inverseCell;
    const double fy0 = (box.minY - m_y0) * m_inverseCell, fy1 = (box.maxY - m_y0) * m_inverseCell;
    if (!(fx0 >= 0 && fy0 >= 0 && fx1 < double(m_columns) && fy1 < double(m_rows)))
        return -1;
    const auto c0 = std::uint32_t(fx0), c1 = std::uint32_t(fx1), r0 = std::uint32_t(fy0), r1 = std::uint32_t(fy1);
    if ((c1 - c0 + 1) * (r1 - r0 + 1) > 16)
        return -1;
    std::int32_t shape = -1;
    for (std::uint32_t r = r0; r <= r1; ++r)
        for (std::uint32_t c = c0; c <= c1; ++c) {
            const std::int32_t code = m_table[std::size_t(r) * m_columns + c];
            if (code < 0 || (shape >= 0 && code != shape))
                return -1;
            shape = code;
        }
    return shape;
}

int PointLocator::locate(Point p) const
{
    const std::int32_t c = code(p);
    return c >= -1 ? c : resolve(c, p);
}

void PointLocator::locate(std::span<const Point> points, std::span<int> out) const
{
    if (out.size() < points.size())
        throw std::invalid_argument("PointLocator::locate: output shorter than input");
    const std::size_t n = points.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::int32_t c = code(points[i]);
        out[i] = c >= -1 ? c : resolve(c, points[i]);
    }
}

void PointLocator::cellCodes(std::span<const Point> points, std::span<std::int32_t> out) const
{
    if (out.size() < points.size())
        throw std::invalid_argument("PointLocator::cellCodes: output shorter than input");
    for (std::size_t i = 0; i < points.size(); ++i)
        out[i] = code(points[i]);
}

}  // namespace geo
