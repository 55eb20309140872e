#include "geo/topology.h"

#include <cmath>
#include <stdexcept>

#include <geos_c.h>

#include "geo/geos_context.h"

namespace geo {

std::size_t SliverReport::gapCount() const
{
    std::size_t n = 0;
    for (const Sliver& s : slivers)
        n += s.kind == Sliver::Kind::Gap;
    return n;
}

std::size_t SliverReport::overlapCount() const { return slivers.size() - gapCount(); }

Topology::Topology() : m_geos(std::make_unique<GeosContext>()) {}
Topology::~Topology() = default;

Validity Topology::validity(const MultiPolygon& shape) const
{
    const auto g = m_geos->multiPolygon(shape);
    Validity v;
    v.valid = m_geos->test(GEOSisValid_r(m_geos->handle(), g.get()), "validity check");
    if (!v.valid) {
        v.reason = m_geos->take(GEOSisValidReason_r(m_geos->handle(), g.get()));
        if (v.reason.empty())
            v.reason = "invalid";
    }
    return v;
}

Repair Topology::repair(const MultiPolygon& shape) const
{
    Repair r;
    r.before = validity(shape);
    if (r.before.valid) {
        r.shape = shape;
        return r;
    }
    const auto g = m_geos->multiPolygon(shape);
    const auto fixed = m_geos->own(GEOSMakeValid_r(m_geos->handle(), g.get()), "MakeValid");
    m_geos->append(fixed.get(), r.shape);
    r.changed = true;
    return r;
}

MultiPolygon Topology::unite(const std::vector<const MultiPolygon*>& parts) const
{
    std::vector<GeosContext::Geometry> geoms;
    for (const MultiPolygon* part : parts)
        geoms.push_back(m_geos->multiPolygon(*part));
    const auto collection = m_geos->collection(GEOS_GEOMETRYCOLLECTION, std::move(geoms));
    const auto united = m_geos->own(GEOSUnaryUnion_r(m_geos->handle(), collection.get()), "union");
    MultiPolygon out;
    m_geos->append(united.get(), out);
    return out;
}

MultiPolygon Topology::intersection(const MultiPolygon& a, const MultiPolygon& b) const
{
    const auto ga = m_geos->multiPolygon(a);
    const auto gb = m_geos->multiPolygon(b);
    const auto gi = m_geos->own(GEOSIntersection_r(m_geos->handle(), ga.get(), gb.get()), "intersection");
    MultiPolygon out;
    m_geos->append(gi.get(), out);
    return out;
}

namespace {
/// The line without repeated consecutive points; empty when fewer than two distinct points remain.
Line distinct(const Line& line)
{
    Line out;
    for (const Point& p : line)
        if (out.empty() || !(out.back() == p))
            out.push_back(p);
    if (out.size() < 2)
        out.clear();
    return out;
}
}  // namespace

std::vector<Line> Topology::mergeLines(const std::vector<Line>& lines, const Box& clip) const
{
    std::vector<Line> clean;
    for (const Line& l : lines)
        if (Line d = distinct(l); !d.empty())
            clean.push_back(std::move(d));
    if (clean.empty())
        return {};
    const auto all = m_geos->multiLine(clean);
    const auto merged = m_geos->own(GEOSLineMerge_r(m_geos->handle(), all.get()), "line merge");
    const auto clipped = m_geos->own(GEOSClipByRect_r(m_geos->handle(), merged.get(), clip.minX, clip.minY, clip.maxX, clip.maxY), "clip");
    std::vector<Line> found, out;
    m_geos->append(clipped.get(), found);
    for (const Line& l : found)
        if (Line d = distinct(l); !d.empty())
            out.push_back(std::move(d));
    return out;
}

SliverReport Topology::slivers(const std::vector<MultiPolygon>& parts, double minArea) const
{
    SliverReport report;
    std::vector<Box> boxes;
    for (const MultiPolygon& p : parts)
        boxes.push_back(bounds(p));
    for (std::size_t i = 0; i < parts.size(); ++i) {
        for (std::size_t j = i + 1; j < parts.size(); ++j) {
            if (!boxes[i].intersects(boxes[j]))
                continue;
            const MultiPolygon shared = intersection(parts[i], parts[j]);
            const double area = planarArea(shared);
            if (area > minArea) {
                report.slivers.push_back({Sliver::Kind::Overlap, i, j, area, bounds(shared).centre()});
                report.overlapArea += area;
            }
        }
    }
    std::vector<const MultiPolygon*> all;
    for (const MultiPolygon& p : parts)
        all.push_back(&p);
    for (const Polygon& polygon : unite(all)) {
        for (const Ring& hole : polygon.holes) {
            const double area = std::abs(signedArea(hole));
            report.slivers.push_back({Sliver::Kind::Gap, 0, 0, area, bounds(hole).centre()});
            report.gapArea += area;
        }
    }
    return report;
}

}  // namespace geo
